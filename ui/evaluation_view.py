"""The evaluation page's parts: its choices, the estimate (the published one for the first
choice, ``publish.evaluation_default``; computed and cached otherwise), the headline, the
event study, the evaluation with its checks (said by ``ui.evaluation_checks``), the pilot and
comparison communes over time (published counts only), their map and the caveats. The page
(``pages/evaluation.py``) only arranges them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import folium
import pandas as pd
import streamlit as st

from analysis import headline, poisson
from analysis.designs import (
    DEFAULT_DESIGN,
    DEFAULT_WINDOW,
    DESIGNS,
    WINDOWS,
    Groups,
    InsufficientDataError,
)
from analysis.evaluation import Evaluation
from analysis.verdict import PRE_TREND_ALPHA
from briefing.view import case_study_dates
from geo.evaluation import (
    BAND_COLOURS,
    Band,
    EventStudyWords,
    Line,
    build_group_map,
    event_study_chart,
    group_series_chart,
)
from i18n import numerals, t, t_local
from publish import evaluation as atlas_evaluation
from publish.evaluation_default import DefaultEvaluation, grid_choice, unpublished
from publish.evaluation_rules import MIN_COMMUNES, OFFERED_TYPES
from query import panel, published
from query.view import ALL, Filters
from ui import data
from ui.explore_view import map_labels
from ui.freshness import say_if_behind
from ui.map_frame import show_map
from vocabulary import CURRICULUM_DAY, INCIDENT_TYPES, PILOT_TYPES, POLICY_DAY

EVENTS = ((POLICY_DAY, "event_policy_short", "event_policy"),
          (CURRICULUM_DAY, "event_curriculum_short", "event_curriculum"))  # fmt: skip

# Cached per database version and arguments: a rerun of the same view is instant.
estimate = data.cached_read(atlas_evaluation.evaluate_atlas)
groups_of = data.cached_read(atlas_evaluation.atlas_groups)
pilot_provinces = data.cached_read(panel.pilot_provinces)
offered_provinces = data.cached_read(atlas_evaluation.atlas_offer)
planted_effect = data.cached_read(panel.planted_effect)
group_series = data.cached_read(published.group_series)


@st.cache_resource(show_spinner=False)
def warm_up() -> float:
    """Pay pyfixest's one-time start-up once per process (the first estimate is then fast)."""
    return poisson.warm_up()


@dataclass(frozen=True)
class Choice:
    """What the page evaluates: pilot provinces, incident types, design and window."""

    provinces: tuple[str, ...]
    types: tuple[str, ...]
    design: str = DEFAULT_DESIGN
    window: str = DEFAULT_WINDOW


def _key(name: str, default: object) -> str:
    """The widget key of choice ``name``, seeded from its stored value (a widget whose label
    changes, on a language switch, would otherwise start again from its default)."""
    stored = f"_eval_{name}"
    st.session_state.setdefault(stored, default)
    st.session_state[f"w_eval_{name}"] = st.session_state[stored]
    return f"w_eval_{name}"


def _copy(name: str) -> None:
    st.session_state[f"_eval_{name}"] = st.session_state[f"w_eval_{name}"]


def draw_choices(lang: str) -> Choice | None:
    """The page's controls, offering only what the evaluation publishes
    (``publish.evaluation_rules``): every pilot province or one offered alone, arrests and
    confiscations or all incidents, a design, a window of whole calendar years; and why
    nothing else is offered. The choice, or None (with a message) when no province has a
    start."""
    codes = pilot_provinces()
    if not codes:
        st.info(t("eval_no_pilots", lang))
        return None
    provinces = data.province_list()
    names = dict(zip(provinces["province_code"], provinces[f"province_name_{lang}"], strict=True))
    alone = [c for c in offered_provinces() if c in codes]
    left, right = st.columns(2)
    every = t("eval_province_all", lang)
    province = left.selectbox(
        t("eval_provinces", lang), [ALL, *alone],
        format_func=lambda c: every if c == ALL else numerals(f"{c} {names.get(c, c)}", lang),
        key=_key("province", ALL), on_change=_copy, args=("province",),
    )  # fmt: skip
    group = right.radio(
        t("eval_types", lang), list(OFFERED_TYPES),
        format_func=lambda g: t("eval_subject_all" if g == ALL else f"group_{g}", lang),
        key=_key("types", "arrests_confiscations"), on_change=_copy, args=("types",),
    )  # fmt: skip
    left, right = st.columns(2)
    design = left.radio(
        t("eval_design", lang), list(DESIGNS), format_func=lambda d: t(f"eval_design_{d}", lang),
        key=_key("design", DEFAULT_DESIGN), on_change=_copy, args=("design",),
    )  # fmt: skip
    dates = case_study_dates(lang)  # the policy's day, month and year, from vocabulary
    left.caption(t(f"eval_why_{design}", lang, **dates))
    window = right.radio(
        t("eval_window", lang), list(WINDOWS),
        format_func=lambda w: t(f"eval_window_{w}", lang, **dates),
        key=_key("window", DEFAULT_WINDOW), on_change=_copy, args=("window",),
    )  # fmt: skip
    right.caption(t(f"eval_window_why_{window}", lang, **dates))
    st.caption(t_local("eval_offer_note", lang, min=MIN_COMMUNES))
    chosen = tuple(sorted(codes)) if province == ALL or province not in alone else (province,)
    types = OFFERED_TYPES.get(group, PILOT_TYPES)
    return Choice(chosen, tuple(v for v in INCIDENT_TYPES if v in types), design, window)


def published_view(choice: Choice, lang: str) -> DefaultEvaluation | None:
    """The published first view when ``choice`` is the choice it answers (and it holds an
    estimate or a reason), saying so when it was made from older facts; else None (the page
    computes the choice itself)."""
    view, made = data.default_evaluation()
    if view is None or view.status == "no_choice":
        return None
    answered = Choice(tuple(view.choice["provinces"]), tuple(view.choice["types"]),
                      view.choice["design"], view.choice["window"])  # fmt: skip
    if answered != choice:
        return None
    if view.result is not None and unpublished(view.result):  # made by an older atlas
        return None
    say_if_behind(made, lang)
    return view


def render_headline(result: Evaluation, choice: Choice, lang: str) -> None:
    """The answer in a sentence, its figures, what was compared and how."""
    subject = headline.subject_text(choice.types, lang)
    answer = headline.headline_text(result.effect, result.low, result.high, subject, lang)
    st.subheader(numerals(answer, lang))  # words and figures: no code nor name with digits
    cols = st.columns(4)

    def pct(share: float) -> str:
        return numerals(headline.signed_percent(share), lang)

    cols[0].metric(t("eval_metric_effect", lang), pct(result.effect))
    cols[1].metric(t("eval_metric_interval", lang), f"{pct(result.low)} – {pct(result.high)}")
    helper = t_local("eval_metrics_help", lang, min=MIN_COMMUNES)
    cols[2].metric(t("eval_metric_pilots", lang), numerals(f"{result.pilot_communes:,}", lang),
                   help=helper)  # fmt: skip
    cols[3].metric(t("eval_metric_comparison", lang),
                   numerals(f"{result.comparison_communes:,}", lang), help=helper)  # fmt: skip
    months = {"first": f"{result.first_month:%Y-%m}", "last": f"{result.last_month:%Y-%m}"}
    design = t(f"eval_design_{result.design}", lang)
    st.markdown(t_local("eval_compared", lang, design=design, **months))  # the why: by choice
    for note in result.notes:
        st.caption(numerals(headline.note_text(note, lang), lang))


def pre_trend_text(p: float, lang: str) -> str:
    """The pre-trend test's p-value and what it means."""
    if p is None or math.isnan(p):
        return t("eval_pretrend_none", lang)
    shown = "< 0.01" if p < 0.01 else f"{p:.2f}"  # floored to 2 digits when published
    return t_local("eval_pretrend_ok" if p >= PRE_TREND_ALPHA else "eval_pretrend_bad", lang,
                   p=shown)  # fmt: skip


def render_event_study(result: Evaluation, groups: Groups, lang: str) -> None:
    """The event-study chart (published bins only: ``publish.evaluation_rules``) with the
    policy and the curriculum where they fall, and the pre-trend test; when no bin may be
    shown, why."""
    st.subheader(t("eval_event_heading", lang))
    if result.event_study.empty:
        st.info(t_local("eval_event_none", lang, t=published.threshold()))
        return
    bands = []
    for (day, short, _), colour in zip(EVENTS, BAND_COLOURS, strict=False):
        offsets = headline.pilot_offsets(groups.starts, day)
        if offsets is not None:
            bands.append(Band(offsets[0], offsets[1] + 1, t(short, lang), colour))
    words = EventStudyWords(
        x_axis=t("eval_event_axis_x", lang), y_axis=t("eval_event_axis_y", lang),
        estimate=t("eval_event_estimate", lang), reference=t("eval_event_reference", lang),
        pooled=t("eval_event_pooled", lang), bin_label=t("eval_event_bin", lang, label="{label}"),
    )  # fmt: skip
    columns = ["rel_month", "label", "estimate", "low", "high", "reference", "binned"]
    chart = event_study_chart(result.event_study[columns], words, bands,
                              digits=t("digits", lang))  # fmt: skip
    st.plotly_chart(chart, width="stretch", key="eval_event_study")
    st.caption(t("eval_event_caption", lang, **case_study_dates(lang)))
    st.caption(t_local("eval_event_shown", lang, t=published.threshold()))
    st.markdown(pre_trend_text(result.pre_trend_p, lang))


def checked(choice: Choice, lang: str, view: DefaultEvaluation | None = None) -> Evaluation | None:
    """The evaluation with its checks (robustness line, drift check, control, verdict): the
    published view's, or computed after the rest of the page is drawn (cached too); None when
    the checks cannot be made on this choice."""
    if view is not None and view.result is not None and view.result.verdict is not None:
        return view.result
    with st.spinner(t("eval_checks_wait", lang)):
        try:
            return estimate(choice.provinces, choice.types, choice.design, choice.window, True)
        except InsufficientDataError:
            return None


def _group_counts(choice: Choice, groups: Groups) -> dict[str, pd.DataFrame | None]:
    """Each group's published twelve-month counts (None: a small group of one type, not on
    the commune grid)."""
    bounds = data.month_range()
    filters = Filters(bounds[0], incident_type=grid_choice(choice.types) or ALL)
    out: dict[str, pd.DataFrame | None] = {}
    for key, ids in (("pilot", groups.pilot), ("comparison", groups.comparison)):
        try:
            out[key] = group_series(filters, bounds, ids)
        except ValueError:
            out[key] = None
    return out


def _series(
    groups: Groups, group_counts: dict[str, pd.DataFrame | None], lang: str
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Each group's published twelve-month counts, per commune where the count is shown."""
    frames, names = [], {}
    for key, ids in (("pilot", groups.pilot), ("comparison", groups.comparison)):
        label = t(f"eval_group_{key}", lang)
        counts = group_counts[key]
        if counts is None:  # a small group of one type: not on the commune grid
            st.caption(t("eval_series_small", lang, group=label))
            continue
        rate = counts["count"].where(counts["state"] != "small") / len(ids)
        frames.append(counts.assign(group=key, per_commune=rate))
        names[key] = t_local("eval_series_group", lang, group=label, n=f"{len(ids):,}")
    return (pd.concat(frames) if frames else pd.DataFrame()), names


def render_series(
    choice: Choice, groups: Groups, lang: str, view: DefaultEvaluation | None = None
) -> None:
    """The pilot and comparison communes over time: published counts of whole groups (the
    published view's, or read for the choice)."""
    st.subheader(t("eval_series_heading", lang))
    if grid_choice(choice.types) is None:
        st.info(t("eval_series_off_grid", lang))
        return
    counts = view.series if view is not None else _group_counts(choice, groups)
    series, names = _series(groups, counts, lang)
    if series.empty:
        return
    starts = sorted(groups.starts.values())
    bands = [Band(starts[0], starts[-1] + pd.DateOffset(months=1), t("eval_starts", lang),
                  BAND_COLOURS[2])] if starts else []  # fmt: skip
    dates = case_study_dates(lang)
    lines = [Line(day, t(short, lang), t(label, lang, **dates)) for day, short, label in EVENTS]
    axes = {"x_axis": t("eval_series_x", lang), "y_axis": t("eval_series_axis", lang)}
    chart = group_series_chart(series, names, lines=lines, bands=bands, **axes,
                               digits=t("digits", lang))  # fmt: skip
    st.plotly_chart(chart, width="stretch", key="eval_series")
    st.caption(t_local("eval_series_caption", lang, t=published.threshold()))


def render_map(groups: Groups, lang: str) -> None:
    """The pilot and comparison communes on the national map, coloured by group only."""
    st.subheader(t("eval_map_heading", lang))

    def make() -> folium.Map:
        layer = data.unit_layer("commune", None)
        role = {**dict.fromkeys(groups.comparison, 1), **dict.fromkeys(groups.pilot, 0)}
        fills = layer["unit"].map(role).fillna(2).astype(int)
        labels = tuple(t(f"eval_group_{g}", lang) for g in ("pilot", "comparison", "other"))
        return build_group_map(layer, fills, map_labels("commune", lang), labels,
                               t("eval_tt_group", lang),
                               encoded=data.units_encoded("commune", None),
                               tiles=data.tiles_url())  # fmt: skip

    signature = (tuple(groups.pilot), tuple(groups.comparison), lang, data.tiles_url())
    show_map(make, signature, height=520, use_container_width=True, returned_objects=[],
             key=f"eval_map_{lang}")  # fmt: skip
    st.caption(t("eval_map_caption", lang))


def render_caveats(result: Evaluation, lang: str, view: DefaultEvaluation | None = None) -> None:
    """What the answer assumes and what the data are (the published view's, when shown)."""
    st.subheader(t("eval_caveats", lang))
    pooled = result.pilot_communes + result.comparison_communes
    lines = [t("eval_caveat_assumption", lang), t("eval_caveat_reporting", lang),
             t_local("eval_caveat_pooled", lang, n=f"{pooled:,}")]  # fmt: skip
    if view.synthetic if view is not None else data.is_synthetic():
        planted = view.planted if view is not None else planted_effect()
        lines.append(
            t("synthetic", lang)
            if planted is None
            else t_local("eval_caveat_synthetic", lang, planted=round(planted * 100))
        )
    elif data.data_origin() == "mixed":  # the planted effect is blurred by partner rows
        lines.append(t("synthetic_mixed", lang))
    st.markdown("\n".join(f"- {line}" for line in lines))
