"""The ranking page's parts: the weights and the method, the ranking (published for the
default weights and method, cached per weights, method and store version otherwise), its
table, why the leaders lead, the map with the police academies, the inputs as published and
the briefing pack's buttons. The page (``pages/ranking.py``) only arranges them. Province
tables only: the page reads the briefing store whoever reads, so all it shows comes from one
build of the facts.
"""

from __future__ import annotations

from collections.abc import Callable

import folium
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import access
from analysis.ranking import (
    CRITERION_NAMES,
    DEFAULT_METHOD,
    DEFAULT_WEIGHTS,
    METHODS,
    MethodError,
    Ranking,
    RankingInputError,
    WeightError,
    rank_provinces,
)
from briefing.model import Text
from briefing.pack import PackData, criterion_definition, pack_name, render_pack
from geo.ranking_map import academy_points, build_ranking_map, score_classes, score_key
from i18n import numerals, t, t_local
from query import published
from query import ranking as ranking_query
from ui import data
from ui.audited import download_button
from ui.explore_view import map_labels
from ui.identity import current_role
from ui.suppress import format_count
from vocabulary import CURRICULUM_MODULES

WEIGHTS_KEY = "_rank_weights"
METHOD_KEY = "_rank_method"
#: The sliders' range and step (weights are relative: they are scaled to sum to 1).
WEIGHT_MAX, WEIGHT_STEP = 1.0, 0.05


def _slider_key(name: str) -> str:
    return f"w_rank_{name}"


def current_weights() -> dict[str, float]:
    """The session's weights (the defaults until a slider moves)."""
    return dict(st.session_state.get(WEIGHTS_KEY, DEFAULT_WEIGHTS))


def _copy_weight(name: str) -> None:
    st.session_state[WEIGHTS_KEY] = {**current_weights(), name: st.session_state[_slider_key(name)]}


def reset_weights() -> None:
    """Back to the default weights and method (a button's callback)."""
    st.session_state[WEIGHTS_KEY] = dict(DEFAULT_WEIGHTS)
    st.session_state[METHOD_KEY] = DEFAULT_METHOD


def draw_controls(lang: str) -> tuple[dict[str, float], str]:
    """The weight sliders (each with its criterion's definition as help), a reset button and
    the method; returns the weights and the method chosen."""
    weights = current_weights()
    st.caption(t("rank_weights_help", lang))
    columns = st.columns(3)
    for i, name in enumerate(CRITERION_NAMES):
        st.session_state[_slider_key(name)] = float(weights[name])  # seeded on every run
        columns[i % 3].slider(
            t(f"crit_{name}", lang), 0.0, WEIGHT_MAX, step=WEIGHT_STEP,
            key=_slider_key(name), help=criterion_definition(name, lang),
            on_change=_copy_weight, args=(name,),
        )  # fmt: skip
    left, right = st.columns([3, 1])
    method = st.session_state.get(METHOD_KEY, DEFAULT_METHOD)
    st.session_state["w_rank_method"] = method
    left.radio(
        t("rank_method", lang), list(METHODS), key="w_rank_method", horizontal=True,
        format_func=lambda m: t(f"rank_method_{m}", lang),
        on_change=lambda: st.session_state.update({METHOD_KEY: st.session_state["w_rank_method"]}),
    )  # fmt: skip
    right.button(t("rank_reset", lang), on_click=reset_weights)
    st.caption(t(f"rank_why_{method}", lang))
    return current_weights(), method


@st.cache_data(show_spinner=False, max_entries=64)
def _rank(
    _frame: pd.DataFrame, path: str, version: str, weights: tuple[tuple[str, float], ...],
    method: str, include: bool = False,
) -> Ranking:  # fmt: skip
    return rank_provinces(_frame, dict(weights), method=method, include_partnership=include)


def compute_ranking(
    weights: dict[str, float], method: str, lang: str, include: bool = False
) -> Ranking | None:
    """The ranking at these weights (cached per weights, method, the partnership switch and
    database version), or None after a plain message naming what is wrong with the weights
    or the data."""
    if all(value == 0 for value in weights.values()):
        labels = ", ".join(t(f"crit_{name}", lang) for name in weights)
        st.error(t("rank_weights_all_zero", lang, criteria=labels))
        return None
    try:
        if weights == DEFAULT_WEIGHTS and method == DEFAULT_METHOD and not include:
            published = data.default_ranking()  # the publish stage's, from the same store
            if published is not None:
                return published
        key = tuple(sorted(weights.items()))
        store = data.store_path()
        version = data.version(store)
        return _rank(data.ranking_inputs(), str(store), version, key, method, include)
    except (WeightError, MethodError) as exc:
        st.error(t("rank_weights_bad", lang, problem=exc))
    except RankingInputError as exc:
        st.error(t("rank_input_bad", lang, problem=exc))
    return None


def _name(p: object, lang: str) -> str:
    return p.name_km if lang == "km" and p.name_km else p.name_en


def rank_text(p: object, lang: str) -> str:
    """A rank with its interval, "3 (2–5)": never one without the other."""
    if p.rank is None:
        return t("rank_not_ranked", lang)
    return f"{p.rank} ({p.rank_low}–{p.rank_high})"


def ranking_table(ranking: Ranking, lang: str) -> pd.DataFrame:
    """Every province: rank with its interval, median rank, chance of the top 3, score, name,
    partnership and each criterion from 0 to 1 ("missing" where the data give none)."""
    missing, dash = t("rank_missing", lang), "–"
    rows = []
    for p in ranking.provinces:
        ranked = p.rank is not None
        row = {
            t("rank_col_rank", lang): rank_text(p, lang),
            t("rank_col_median", lang): str(p.rank_median) if ranked else dash,
            t("rank_col_top3", lang): f"{p.p_top3:.0%}" if ranked else dash,
            t("rank_col_score", lang): f"{p.score:.3f}" if ranked else dash,
            t("province", lang): f"{p.province_code} {_name(p, lang)}",
            t("rank_col_partnership", lang): t("rank_in_partnership", lang)
            if p.in_partnership else "",
        }  # fmt: skip
        for name in CRITERION_NAMES:
            value = p.criteria[name]
            row[t(f"crit_{name}", lang)] = missing if value is None else f"{value:.2f}"
        rows.append(row)
    return pd.DataFrame(rows)


#: The partnership column's mark on screen (its heading says what it marks).
IN_PARTNERSHIP_MARK = "✓"


def screen_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``ranking_table`` as the page shows it: without the partnership column when no ranked
    province is in the partnership (the candidates only: the column would be empty), else
    with a mark for the words (at 800 px a Khmer phrase that cannot wrap was the width the
    table lacked). A download keeps every column and its words."""
    column = t("rank_col_partnership", lang)
    if column not in table:
        return table
    if (table[column] == "").all():
        return table.drop(columns=column)
    return table.assign(**{column: table[column].map(lambda v: IN_PARTNERSHIP_MARK if v else "")})


def leader_sentences(ranking: Ranking, lang: str) -> list[str]:
    """Why each leader leads, built from the explanation's parts in ``lang``."""
    if not ranking.explanation.leaders:
        return [t("rank_nobody", lang)]
    out = []
    for r in ranking.explanation.leaders:
        values = dict(province=_name(r, lang), rank=r.rank, low=r.rank_low, high=r.rank_high,
                      p=f"{r.p_top3:.0%}")  # fmt: skip
        if r.main:
            criteria = t("rank_and", lang).join(t(f"crit_{n}", lang) for n in r.main)
            out.append(t_local("rank_leader", lang, criteria=criteria, **values))
        else:
            out.append(t_local("rank_leader_none", lang, **values))
    return out


def _gain(row: object) -> float | None:
    pre, post = row.pre_test_mean, row.post_test_mean
    if pd.isna(pre) or pd.isna(post) or not pre:
        return None
    return post / pre - 1


def academies_table(frame: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The academies: province, modules delivered of 9, trainees, tests before → after, gain."""
    unknown = t("rank_not_reported", lang)
    rows = []
    for row in frame.itertuples(index=False):
        gain = _gain(row)
        tests = unknown
        if gain is not None:
            tests = f"{row.pre_test_mean:.0f} % → {row.post_test_mean:.0f} %"
        rows.append({
            t("rank_col_academy", lang): row.academy,
            t("province", lang): names.get(row.province_code, row.province_code),
            t("rank_col_modules", lang, n=CURRICULUM_MODULES): unknown
            if pd.isna(row.modules_delivered) else f"{int(row.modules_delivered)}",
            t("rank_col_trainees", lang): unknown
            if pd.isna(row.trainees) else f"{int(row.trainees):,}",
            t("rank_col_tests", lang): tests,
            t("rank_col_gain", lang): unknown if gain is None else f"{gain:+.0%}",
        })  # fmt: skip
    return pd.DataFrame(rows)


def ranking_map(ranking: Ranking, academies: pd.DataFrame, lang: str) -> folium.Map:
    """The provinces coloured by score, the partnership outlined, the academies as points."""
    layer = data.store_unit_layer("province", None)
    by_code = {p.province_code: p for p in ranking.provinces}
    rows = [by_code.get(code) for code in layer["province_code"]]
    partnership = {p.province_code for p in ranking.partnership} | {
        p.province_code for p in ranking.provinces if p.in_partnership
    }
    classes = score_classes([None if p is None else p.score for p in rows])
    apart = t("rank_in_partnership", lang)
    tooltips = [
        ["–", "–", apart if code in partnership else ""] if p is None else
        [rank_text(p, lang), "–" if p.score is None else f"{p.score:.3f}",
         t("rank_in_partnership", lang) if p.in_partnership else ""]
        for code, p in zip(layer["province_code"], rows, strict=True)
    ]  # fmt: skip
    points = []
    for lat, lon, i in academy_points(layer, academies):
        row = academies.iloc[i]
        gain = _gain(row)
        modules = "?" if pd.isna(row.modules_delivered) else int(row.modules_delivered)
        shown = "?" if gain is None else f"{gain:+.0%}"
        text = t("rank_academy_point", lang, name=row.academy, modules=modules,
                 total=CURRICULUM_MODULES, gain=shown)  # fmt: skip
        points.append((lat, lon, text))
    return build_ranking_map(
        layer, classes, map_labels("province", lang),
        encoded=data.units_encoded("province", None, data.store_path),
        tooltips=tooltips, tooltip_labels=(t("rank_col_rank", lang), t("rank_col_score", lang),
                                           t("rank_col_partnership", lang)),
        outlined=[i for i, code in enumerate(layer["province_code"]) if code in partnership],
        academies=points, tiles=data.tiles_url(),
        key=[(colour, numerals(words, lang)) for colour, words in score_key(
            [None if p is None else p.score for p in rows], t("rank_col_score", lang),
            t("rank_not_ranked", lang))],
    )  # fmt: skip


def _count_text(text: str, state: str, lang: str) -> str:
    if state == "missing":
        return t("rank_missing", lang)
    if state == "small":
        return t("rank_counted_as", lang, text=text, s=f"{ranking_query.stand_in():g}")
    return text


def inputs_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The inputs as published: counts as they read (a ``<5`` with its stand-in), estimates,
    services and communes."""

    def number(value: float) -> str:
        return t("rank_missing", lang) if pd.isna(value) else f"{value:,.0f}"

    return pd.DataFrame({
        t("province", lang): [f"{c} {e if lang == 'en' else k}" for c, e, k in
                              zip(frame["province_code"], frame["name_en"], frame["name_km"],
                                  strict=True)],
        t("rank_col_incidents", lang): [_count_text(x, s, lang) for x, s in zip(
            frame["incidents_12m_text"], frame["incidents_12m_state"], strict=True)],
        t("rank_col_before", lang): [_count_text(x, s, lang) for x, s in zip(
            frame["incidents_before_text"], frame["incidents_before_state"], strict=True)],
        t("rank_col_kp", lang): frame["kp_size"].map(number),
        # Service points counted, not named (some are not public): a count of 1 to 4 reads
        # as a class, as on the commune panel.
        t("rank_col_services", lang): frame["services"].map(
            lambda v: number(v) if pd.isna(v) else format_count(int(v))),
        t("rank_col_communes", lang): frame["communes"].map(number),
        t("rank_col_without", lang): frame["communes_without_partnership"].map(number),
    })  # fmt: skip


def small_count_provinces(frame: pd.DataFrame, lang: str) -> list[str]:
    """The provinces whose count (either window) reads ``<t`` and so entered as the stand-in."""
    small = (frame["incidents_12m_state"] == "small") | (frame["incidents_before_state"] == "small")
    names = frame["name_km"] if lang == "km" else frame["name_en"]
    return names[small].tolist()


def pack_data() -> PackData:
    """What the pack shows beside the ranking, from this session's store (cached reads)."""
    windows = data.ranking_windows()
    return PackData(
        provinces=data.store_unit_layer("province", None)[["province_code", "geometry"]],
        academies=data.academies(), files=data.store_load_log(),
        headline=data.evaluation_headline(),
        selection=Text(windows.describe("en"), windows.describe("km")),
        threshold=published.threshold(), stand_in=ranking_query.stand_in(),
        synthetic=data.store_origin() != "partner", mixed=data.store_origin() == "mixed",
    )  # fmt: skip


def pack_button(
    container: DeltaGenerator, ranking: Ranking, pack_lang: str, lang: str
) -> tuple[Callable[[], bytes] | None, str]:
    """The pack's button in ``pack_lang`` (labelled in ``lang``), its PDF built on the click and
    recorded in the audit log (``ui.audited.download_button``); returns the builder the button
    runs (None when the role may not download a PDF) and the file name (which says synthetic,
    or partly synthetic, when the data are)."""
    content = pack_data()
    name = pack_name(pack_lang, content.synthetic, mixed=content.mixed)
    build = download_button(
        container, t(f"rank_pack_{pack_lang}", lang), lambda: render_pack(ranking, content,
        pack_lang), file_name=name, mime="application/pdf", key=f"pack_{pack_lang}", lang=lang,
    )  # fmt: skip
    return build, name


def draw_pack_buttons(ranking: Ranking, lang: str) -> None:
    """One button per language, if the role may have the pack; the PDF is built only when a
    button is clicked."""
    st.subheader(t("rank_pack", lang))
    if not access.allowed(current_role(), "build_pack"):
        st.info(t("pack_not_for_audience", lang))
        return
    st.caption(t("rank_pack_help", lang))
    for column, pack_lang in zip(st.columns(2), ("km", "en"), strict=True):
        pack_button(column, ranking, pack_lang, lang)
