"""The sidebar every page shares: language, the synthetic-data warning and the view's filters."""

from __future__ import annotations

from datetime import date

import streamlit as st

from i18n import LANGUAGES, t
from query.grid import choices, window_starts
from query.links import quoted
from query.view import WINDOW_MONTHS, add_months, choice_label, month_text
from ui import data
from ui.state import (
    LANGUAGE_KEY,
    copy_from_widget,
    current_filters,
    current_options,
    language,
    read_view,
    set_value,
    sync_url,
    take_problems,
    widget_key,
)


def draw_sidebar(filters: tuple[str, ...] = ()) -> tuple[date, date] | None:
    """Draw the shared sidebar with the ``filters`` the page uses (``dashboard.ALL_FILTERS``);
    return the months with data (None when no incident is loaded).

    The link is read whatever the page (the view is kept for the pages that use it); problems
    in it are reported in the page area, once, as plain messages; the link then shows the
    page's filters only.
    """
    with st.sidebar:
        st.radio(
            f"{t('language', 'en')} / {t('language', 'km')}",
            list(LANGUAGES),
            format_func=LANGUAGES.get,
            horizontal=True,
            key=LANGUAGE_KEY,
        )
    lang = language()
    if data.is_synthetic():
        st.sidebar.warning(t("synthetic", lang))
    bounds = data.month_range()
    # Without incidents there is no period to filter, but the province focus still holds.
    months = bounds or (date.today().replace(day=1),) * 2
    provinces = data.province_list()
    names = dict(zip(provinces["province_code"], provinces[f"province_name_{lang}"], strict=True))
    read_view(months, set(names))
    for problem in take_problems():
        st.warning(t(problem.key, lang, **problem.values))
    # A commune only comes from a click or a link; a link's may name none that exists.
    commune = current_options().commune
    if commune and data.reads_briefing_store():
        set_value("commune", None)  # no commune for this audience: none is looked up or kept
    elif commune and data.find_polygon(commune) is None:
        st.warning(t("bad_commune", lang, value=quoted(commune)))
        set_value("commune", None)
    _draw_filters(lang, bounds, names, filters)
    sync_url(months, filters)
    return bounds


def window_label(start: date) -> str:
    """A twelve-month period as the period selector shows it: ``2014-01 – 2014-12``."""
    return f"{month_text(start)} – {month_text(add_months(start, WINDOW_MONTHS - 1))}"


def _draw_filters(lang: str, bounds: tuple[date, date] | None, names: dict[str, str],
                  filters: tuple[str, ...]) -> None:  # fmt: skip
    if not set(filters) - {"options"}:
        return
    sidebar = st.sidebar
    sidebar.subheader(t("filters", lang))
    if bounds is not None and "period" in filters:
        _draw_period(lang, bounds)
    offered = choices(current_options().level)
    for widget, name, label in (
        ("type", "incident_type", "incident_type"),
        ("pop", "population", "population"),
        ("actor", "actor", "actor"),
    ):
        if bounds is not None and widget in filters:
            sidebar.selectbox(
                t(label, lang), offered[name], key=widget_key(widget),
                format_func=lambda v, n=name: choice_label(n, v, lang),
                on_change=copy_from_widget, args=(widget,),
            )  # fmt: skip
    if "province" in filters:
        _draw_province(lang, names)


def _draw_period(lang: str, bounds: tuple[date, date]) -> None:
    """The twelve-month period: quick choices, then the list of every window (a selectbox can
    be typed into and moved with the arrow keys, unlike a range slider)."""
    presets = period_presets(bounds, current_filters().province, lang)
    st.sidebar.selectbox(
        t("period_presets", lang), [None, *presets], format_func=lambda s: (
            t("period_pick", lang) if s is None else presets[s]),
        key="w_preset", on_change=_apply_preset,
    )  # fmt: skip
    st.sidebar.selectbox(
        t("period", lang), window_starts(bounds)[::-1], format_func=window_label,
        key=widget_key("period"), on_change=copy_from_widget, args=("period",),
    )  # fmt: skip


def _apply_preset() -> None:
    start = st.session_state.get("w_preset")
    if start is not None:
        set_value("period", start)
    st.session_state["w_preset"] = None  # a quick choice, not a state


def period_presets(bounds: tuple[date, date], province: str | None, lang: str) -> dict[date, str]:
    """Quick choices of the period, by first month: the last twelve months; with a province in
    focus whose partnership has started, the twelve months before and after its start; each
    calendar year of the data (only windows the data hold)."""
    starts = set(window_starts(bounds))
    presets: dict[date, str] = {window_starts(bounds)[-1]: t("preset_last", lang)}
    begun = data.partnership_start(province) if province else None
    if begun is not None:
        for start, key in ((add_months(begun, -WINDOW_MONTHS), "preset_before"),
                           (begun, "preset_after")):  # fmt: skip
            if start in starts:
                presets.setdefault(start, t(key, lang, month=month_text(begun)))
    for start in sorted(s for s in starts if s.month == 1)[::-1]:
        presets.setdefault(start, t("preset_year", lang, year=start.year))
    return presets


def _draw_province(lang: str, names: dict[str, str]) -> None:
    st.sidebar.selectbox(
        t("province", lang), ["", *names],
        format_func=lambda c: f"{c} {names[c]}" if c else t("whole_country", lang),
        key=widget_key("province"), on_change=copy_from_widget, args=("province",),
    )  # fmt: skip
