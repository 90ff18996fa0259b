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
    current_options,
    language,
    read_view,
    set_value,
    sync_url,
    take_problems,
    widget_key,
)


def draw_sidebar() -> tuple[date, date] | None:
    """Draw the shared sidebar; return the months with data (None when no incident is loaded).

    Problems in the URL are reported in the page area, once, as plain messages.
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
    _draw_filters(lang, bounds, names)
    sync_url(months)
    return bounds


def window_label(start: date) -> str:
    """A twelve-month period as the period selector shows it: ``2014-01 – 2014-12``."""
    return f"{month_text(start)} – {month_text(add_months(start, WINDOW_MONTHS - 1))}"


def _draw_filters(lang: str, bounds: tuple[date, date] | None, names: dict[str, str]) -> None:
    sidebar = st.sidebar
    sidebar.subheader(t("filters", lang))
    if bounds is None:
        _draw_province(lang, names)
        return
    # A selectbox can be typed into and moved with the arrow keys, unlike a range slider.
    sidebar.selectbox(
        t("period", lang), window_starts(bounds)[::-1], format_func=window_label,
        key=widget_key("period"), on_change=copy_from_widget, args=("period",),
    )  # fmt: skip
    offered = choices(current_options().level)
    for widget, name, label in (
        ("type", "incident_type", "incident_type"),
        ("pop", "population", "population"),
        ("actor", "actor", "actor"),
    ):
        sidebar.selectbox(
            t(label, lang), offered[name], format_func=lambda v, n=name: choice_label(n, v, lang),
            key=widget_key(widget), on_change=copy_from_widget, args=(widget,),
        )  # fmt: skip
    _draw_province(lang, names)


def _draw_province(lang: str, names: dict[str, str]) -> None:
    st.sidebar.selectbox(
        t("province", lang), ["", *names],
        format_func=lambda c: f"{c} {names[c]}" if c else t("whole_country", lang),
        key=widget_key("province"), on_change=copy_from_widget, args=("province",),
    )  # fmt: skip
