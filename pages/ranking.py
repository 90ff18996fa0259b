"""Which province next? The province ranking with its uncertainty, why the leaders lead, the
map with the police academies, and the briefing pack. Province tables only: this is the
briefing audience's home, read from the briefing store (for every audience: one build). The
ranking's and the academies' tables download as the atlas's audited CSV
(``ui.audited.download_table``), not from the table's own toolbar."""

from __future__ import annotations

from datetime import date

import streamlit as st

from analysis.ranking import CRITERION_NAMES, Ranking
from briefing.pack import criterion_definition
from i18n import numerals, t, t_local
from pages import run_router
from query import published
from query import ranking as ranking_query
from ui import data
from ui.audited import download_table
from ui.freshness import say_if_behind
from ui.layout import fit_table, local_frame, page_header, stacked_columns
from ui.map_frame import show_map
from ui.ranking_details import (
    diagnostics_table,
    include_partnership,
    partnership_lines,
    sensitivity_lines,
)
from ui.ranking_view import (
    academies_table,
    compute_ranking,
    draw_controls,
    draw_pack_buttons,
    inputs_table,
    leader_sentences,
    ranking_map,
    ranking_table,
    screen_table,
    small_count_provinces,
)
from vocabulary import PILOT_SITES


def _pilots(lang: str) -> str:
    """The pilot provinces in the case study's order (``vocabulary.PILOT_SITES``), by their
    names in ``lang``: "Banteay Meanchey, Phnom Penh and Preah Sihanouk"."""
    layer = data.province_list()
    names = dict(zip(layer["province_code"], layer[f"province_name_{lang}"], strict=True))
    listed = [names.get(site.province_code, site.name_en) for site in PILOT_SITES]
    return t("list_and", lang, items=", ".join(listed[:-1]), last=listed[-1])


def _criteria(weights: dict[str, float], lang: str) -> None:
    total = sum(weights.values()) or 1.0
    with st.expander(t("rank_criteria", lang), expanded=True):
        for name in CRITERION_NAMES:
            share = numerals(f"{weights[name] / total:.0%}", lang)
            st.markdown(
                f"**{t(f'crit_{name}', lang)}** ({share}): {criterion_definition(name, lang)}"
            )


def _protection(lang: str) -> None:
    limit = published.threshold()
    values = {"t": limit, "h": limit - 1, "s": f"{ranking_query.stand_in():g}"}
    note = t_local("rank_stand_in", lang, **values)
    small = small_count_provinces(data.ranking_inputs(), lang)
    if small:
        note += " " + t("rank_stand_in_here", lang, provinces=", ".join(small))
    st.caption(note)
    st.caption(t_local("rank_protection", lang, **values))


def _file_name(what: str) -> str:
    """A table's file name: what it is, the day, and "synthetic" (or "partly_synthetic") first
    when the briefing store's data are."""
    prefix = {"synthetic": "synthetic_", "mixed": "partly_synthetic_"}.get(data.store_origin(), "")
    return prefix + f"{what}_{date.today():%Y-%m-%d}.csv"


def _map_and_academies(ranking: Ranking, lang: str) -> None:
    academies = data.academies()
    left, right = stacked_columns("ranking_map", [3, 2])
    with left:
        st.subheader(t("rank_map", lang))
        show_map(
            lambda: ranking_map(ranking, academies, lang), height=520,
            use_container_width=True, returned_objects=[], key=f"rank_map_{lang}",
        )  # fmt: skip
        st.caption(t("rank_map_caption", lang))
    with right:
        st.subheader(t("rank_academies", lang))
        if academies.empty:
            st.info(t("rank_no_academies", lang))
        else:
            layer = data.store_province_list()
            names = dict(zip(layer["province_code"], layer[f"province_name_{lang}"], strict=True))
            table = academies_table(academies, names, lang)
            fit_table(table, "academies_table", lang, wrap=True)
            download_table(
                st.container(), t("rank_download_academies", lang), lambda: table,
                file_name=_file_name("academies"), key="download_academies", lang=lang,
            )  # fmt: skip


def render() -> None:
    """Draw the ranking page."""
    lang = page_header("page_ranking", "")
    st.caption(t("ranking_question", lang, pilots=_pilots(lang)))
    say_if_behind(data.store_stamp(), lang)
    st.markdown(t("rank_framework", lang))
    with st.expander(t("rank_weights", lang), expanded=True):
        weights, method = draw_controls(lang)
        include = include_partnership(lang)
    with st.expander(t("method_note", lang)):  # method names only here, collapsed
        st.caption(t("rank_method_note", lang))
    ranking = compute_ranking(weights, method, lang, include)
    if ranking is None:
        st.stop()
    st.subheader(t("rank_table", lang))
    st.caption(t_local("rank_counts", lang, selection=data.ranking_windows().describe(lang)))
    table = ranking_table(ranking, lang)
    fit_table(screen_table(table, lang), "ranking_table", lang)  # no inner or sideways scroll
    st.caption(t_local("rank_table_note", lang, draws=f"{ranking.draws:,}"))
    apart = partnership_lines(ranking, lang)
    if apart:
        st.markdown(f"**{t('rank_partnership_apart', lang)}**")
        st.markdown("\n".join(f"- {numerals(line, lang)}" for line in apart))
    download_table(
        st.container(), t("rank_download_table", lang), lambda: table,
        file_name=_file_name("ranking"), key="download_ranking", lang=lang,
    )  # fmt: skip
    st.subheader(t("rank_why", lang))
    st.markdown("\n".join(f"- {sentence}" for sentence in leader_sentences(ranking, lang)))
    _map_and_academies(ranking, lang)
    _criteria(ranking.weights, lang)
    st.subheader(t("rank_diagnostics", lang))
    fit_table(diagnostics_table(ranking, lang), "diagnostics_table", lang, wrap=True)
    moves = sensitivity_lines(ranking, lang)
    if moves:
        st.subheader(t("rank_sens", lang))
        st.markdown("\n".join(f"- {numerals(line, lang)}" for line in moves))
    with st.expander(t("rank_inputs", lang)):
        st.dataframe(local_frame(inputs_table(data.ranking_inputs(), lang), lang), hide_index=True)
    _protection(lang)
    draw_pack_buttons(ranking, lang)


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
