"""The sidebar every page shares: language, the synthetic-data warning and the view's filters."""

from __future__ import annotations

from datetime import date

import streamlit as st

from i18n import LANGUAGES, numerals, t, t_local
from query import filter_table
from query.filter_kinds import ChoiceFilter, Filter
from query.grid import choices, window_starts
from query.links import quoted
from query.months import month_text
from ui import data
from ui.state import (
    LANGUAGE_KEY,
    copy_from_widget,
    current_filters,
    current_options,
    language,
    page_filters,
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
    label = data.synthetic_label(lang)
    if label:  # the demo set's rows, alone or mixed with partners': said on every page
        st.sidebar.warning(label)
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
    """A window of the period as the period selector shows it: ``2014`` (a calendar year)."""
    return str(start.year)


def _draw_filters(lang: str, bounds: tuple[date, date] | None, names: dict[str, str],
                  filters: tuple[str, ...]) -> None:  # fmt: skip
    """The page's filters, in the table's order, each with the widget its kind draws."""
    wanted = page_filters(filters)
    if not set(wanted) - {"options"}:
        return
    st.sidebar.subheader(t("filters", lang))
    for item in filter_table.table():
        if item.key in wanted:
            WIDGETS[item.widget](item, lang, bounds, names)


def _draw_choice(item: Filter, lang: str, bounds: tuple[date, date] | None,
                 names: dict[str, str]) -> None:  # fmt: skip
    """A filter of fixed choices: the choices the map's level offers, given the other filters'
    (one fine choice at a time: ``query.grid``)."""
    if bounds is None or not isinstance(item, ChoiceFilter):
        return  # no incident loaded: nothing to choose among
    st.sidebar.selectbox(
        t(item.label, lang), choices(current_options().level, current_filters())[item.field],
        key=widget_key(item.key), format_func=lambda v: item.label_of(v, lang),
        on_change=copy_from_widget, args=(item.key,),
    )  # fmt: skip


def _draw_period(item: Filter, lang: str, bounds: tuple[date, date] | None,
                 names: dict[str, str]) -> None:  # fmt: skip
    """The period: quick choices, then the list of every window (a selectbox can be typed
    into and moved with the arrow keys, unlike a range slider)."""
    if bounds is None:
        return  # no incident loaded: no period to filter
    presets = period_presets(bounds, current_filters().province, lang)
    key = f"w_preset_{lang}"  # a box of each language: a switch never sends the other's label
    st.sidebar.selectbox(
        t("period_presets", lang), [None, *presets], format_func=lambda s: (
            t("period_pick", lang) if s is None else presets[s]),
        key=key, on_change=_apply_preset, args=(key, tuple(presets)),
    )  # fmt: skip
    st.sidebar.selectbox(
        t("period", lang), window_starts(bounds)[::-1],
        format_func=lambda s: numerals(window_label(s), lang),
        key=widget_key(item.key), on_change=copy_from_widget, args=(item.key,),
    )  # fmt: skip


def _apply_preset(key: str, offered: tuple[date, ...]) -> None:
    """``on_change`` of the quick choices: the period chosen becomes the view's. Anything
    else the box may send (the text of an option it no longer has) is ignored."""
    start = st.session_state.get(key)
    if start in offered:
        set_value(filter_table.PERIOD.key, start)
    st.session_state[key] = None  # a quick choice, not a state


def period_presets(bounds: tuple[date, date], province: str | None, lang: str) -> dict[date, str]:
    """Quick choices of the period, by first month: the latest year; with a province in focus
    whose partnership has started, the calendar year before its start and its first whole
    calendar year; each calendar year of the data (only windows of the grid)."""
    starts = window_starts(bounds)
    presets: dict[date, str] = {starts[-1]: t("preset_last", lang)}
    begun = data.partnership_start(province) if province else None
    if begun is not None:
        first_whole = begun.year if begun.month == 1 else begun.year + 1
        for year, key in ((begun.year - 1, "preset_before"), (first_whole, "preset_after")):
            if date(year, 1, 1) in starts:
                presets.setdefault(date(year, 1, 1),
                                   t_local(key, lang, month=month_text(begun)))  # fmt: skip
    for start in starts[::-1]:
        presets.setdefault(start, t_local("preset_year", lang, year=start.year))
    return presets


def _draw_province(item: Filter, lang: str, bounds: tuple[date, date] | None,
                   names: dict[str, str]) -> None:  # fmt: skip
    """The province in focus, or the whole country (the widget holds ``item.blank``); drawn
    without incidents too (the focus still holds)."""
    st.sidebar.selectbox(
        t(item.label, lang), [item.blank, *names],
        format_func=lambda c: numerals(f"{c} {names[c]}", lang) if c
        else item.words(None, lang, names),
        key=widget_key(item.key), on_change=copy_from_widget, args=(item.key,),
    )  # fmt: skip


#: The widget each kind of filter is drawn with (``Filter.widget`` in the table).
WIDGETS = {"period": _draw_period, "select": _draw_choice, "province": _draw_province}
