"""Where does this come from? Sources, attribution, the policy timeline (from ``vocabulary``,
as the briefing pack prints it) and match quality."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

import access
from briefing.model import Curriculum, case_study_timeline
from briefing.view import curriculum_text, timeline_rows
from i18n import LATIN_DIGITS, numerals, t, t_local
from pages import run_router
from query.file_counts import file_count_text
from ui import data
from ui.identity import current_role
from ui.layout import page_header
from ui.quarantine import reasons_in_words

METHOD_COLUMNS = {"match_method": "col_match_method", "polygons": "col_polygons"}
SOURCES = ("src_boundaries", "src_provinces", "src_gazetteer")
LOAD_COLUMNS = {"kind": "col_kind", "file_name": "col_file", "rows_read": "col_read",
                "rows_loaded": "col_loaded", "rows_quarantined": "col_quarantined"}  # fmt: skip
FILE_COUNT_COLUMNS = ("rows_read", "rows_loaded", "rows_quarantined")
REASON_COLUMNS = {"file_name": "col_file", "column": "col_column", "reason": "col_reason",
                  "rows": "col_rows"}  # fmt: skip


def _labelled(frame: pd.DataFrame, columns: dict[str, str], lang: str) -> pd.DataFrame:
    """A copy of a cached result with its columns named in the user's language."""
    return frame.rename(columns={c: t(key, lang) for c, key in columns.items()})


def _timeline(lang: str) -> None:
    """The case study's timeline and the curriculum's figures, as the briefing pack prints
    them: dates and figures from ``vocabulary``, never typed here."""
    st.subheader(t("timeline", lang))
    rows = timeline_rows(case_study_timeline(), lang)
    st.table({t("when", lang): [w for w, _ in rows], t("what", lang): [w for _, w in rows]})
    st.caption(curriculum_text(Curriculum(), lang))


def _local(values: object, lang: str) -> list:
    """Counts as the reader writes them: in their digits where they are not 0 to 9 (a
    table's numbers become text then), as they are in English."""
    values = list(values)
    if numerals(LATIN_DIGITS, lang) == LATIN_DIGITS:
        return values
    return [numerals(f"{v:,}" if isinstance(v, int) else v, lang) for v in values]


def ncdd_rows(info: dict[str, str], lang: str) -> str:
    """What the build made of the NCDD file, in ``lang``, from the codes and counts the ETL
    recorded in ``build_info`` (a database built before them: its English words, in English
    only)."""
    if info.get("ncdd_status") == "missing":
        return t("ncdd_missing", lang)
    if "ncdd_counts" in info:
        return t_local("ncdd_counts", lang, **json.loads(info["ncdd_counts"]))
    return info.get("ncdd_rows", "") if lang == "en" else ""


def render() -> None:
    """Draw the About page."""
    lang = page_header("page_about", "", needs_map=False)
    _timeline(lang)
    st.subheader(t("sources", lang))
    info = data.build_info()
    for key in SOURCES:
        st.markdown(f"- {t(key, lang)}")
    st.markdown(f"- {t('src_ncdd', lang, rows=ncdd_rows(info, lang))}")
    built = numerals(info.get("built_at", "?"), lang)  # the gazetteer's name: as written
    st.caption(t("built_caption", lang, when=built, gazetteer=info.get("gazetteer", "?")))
    st.subheader(t("match_quality", lang))
    methods = data.match_summary()
    methods = methods.assign(match_method=[t(f"mm_{m}", lang) for m in methods["match_method"]],
                             polygons=_local(methods["polygons"], lang))  # fmt: skip
    st.dataframe(_labelled(methods, METHOD_COLUMNS, lang), hide_index=True)
    st.subheader(t("partner_files", lang))
    st.caption(t("partner_files_help", lang))
    exact = access.allowed(current_role(), "read_file_counts")  # the admin role only
    if not exact:
        st.caption(t("file_counts_protected", lang))
    loads = data.load_summary()
    loads = loads.assign(kind=[t(f"kind_{k}", lang) for k in loads["kind"]],  # a copy
                         **{c: _local([file_count_text(n, exact) for n in loads[c]], lang)
                            for c in FILE_COUNT_COLUMNS})  # fmt: skip
    st.dataframe(_labelled(loads, LOAD_COLUMNS, lang), hide_index=True)
    reasons = reasons_in_words(data.quarantine_reasons(), lang)
    shown = reasons.assign(rows=_local([file_count_text(n, exact) for n in reasons["rows"]],
                                       lang))  # fmt: skip
    st.dataframe(_labelled(shown, REASON_COLUMNS, lang), hide_index=True)


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
