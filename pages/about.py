"""Where does this come from? Sources, attribution, the policy timeline and match quality."""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.i18n import t
from ui.router import ensure_router
from ui.state import language
from ui.suppress import format_count

TIMELINE = (
    ("2010-08-16", "tl_policy"),
    ("2010–2011", "tl_mcpi"),
    ("2011-11", "tl_curriculum"),
    ("later", "tl_later"),
)
SOURCES = ("src_boundaries", "src_provinces", "src_gazetteer")


def _labelled(frame: object, columns: dict[str, str], lang: str) -> object:
    """A copy of a cached result with its columns named in the user's language."""
    return frame.rename(columns={c: t(key, lang) for c, key in columns.items()})


ensure_router()
lang = language()
st.title(t("page_about", lang))
st.subheader(t("timeline", lang))
when = [t("later", lang) if w == "later" else w for w, _ in TIMELINE]
st.table({t("when", lang): when, t("what", lang): [t(key, lang) for _, key in TIMELINE]})
st.subheader(t("sources", lang))
info = data.run("build_info")
for key in SOURCES:
    st.markdown(f"- {t(key, lang)}")
st.markdown(f"- {t('src_ncdd', lang, rows=info.get('ncdd_rows', info.get('ncdd_file', '')))}")
st.caption(t("built_caption", lang, when=info.get("built_at", "?"),
             gazetteer=info.get("gazetteer", "?")))  # fmt: skip
st.subheader(t("match_quality", lang))
matches = data.run("match_summary")
st.dataframe(_labelled(matches, {"match_method": "col_match_method", "polygons": "col_polygons"},
                       lang), hide_index=True)  # fmt: skip
st.subheader(t("partner_files", lang))
st.caption(t("partner_files_help", lang))
loads = {"kind": "col_kind", "file_name": "col_file", "rows_read": "col_read",
         "rows_loaded": "col_loaded", "rows_quarantined": "col_quarantined"}  # fmt: skip
st.dataframe(_labelled(data.run("load_summary"), loads, lang), hide_index=True)
reasons = data.run("quarantine_reasons")
shown = reasons.assign(rows=[format_count(n) for n in reasons["rows"]])  # cached: not mutated
columns = {"file_name": "col_file", "column": "col_column", "reason": "col_reason",
           "rows": "col_rows"}  # fmt: skip
st.dataframe(_labelled(shown, columns, lang), hide_index=True)
