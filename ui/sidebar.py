"""The sidebar every page shares: language, the synthetic-data warning and the view's filters."""

from __future__ import annotations

from datetime import date

import streamlit as st

from i18n import LANGUAGES, t
from query.view import add_months, month_text
from ui import data
from ui.filters import quoted
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
from vocabulary import ACTORS, INCIDENT_TYPES, POPULATIONS


def months_between(first: date, last: date) -> list[date]:
    """Every month from ``first`` to ``last``, both included."""
    months = [first]
    while months[-1] < last:
        months.append(add_months(months[-1], 1))
    return months


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
    if commune and data.find_polygon(commune) is None:
        st.warning(t("bad_commune", lang, value=quoted(commune)))
        set_value("commune", None)
    _draw_filters(lang, bounds, names)
    sync_url(months)
    return bounds


def _draw_filters(lang: str, bounds: tuple[date, date] | None, names: dict[str, str]) -> None:
    sidebar = st.sidebar
    sidebar.subheader(t("filters", lang))
    if bounds is None:
        _draw_province(lang, names)
        return
    # A range slider is one whose value is a pair, so the value is passed, not seeded.
    sidebar.select_slider(
        t("period", lang), options=months_between(*bounds), format_func=month_text,
        value=(current_filters().start, current_filters().end), key="w_period",
        on_change=copy_from_widget, args=("period",),
    )  # fmt: skip
    for name, label, values, prefix in (
        ("type", "incident_type", INCIDENT_TYPES, "type_"),
        ("pop", "population", POPULATIONS, "pop_"),
        ("actor", "actor", ACTORS, "actor_"),
    ):
        sidebar.multiselect(
            t(label, lang), values, format_func=lambda v, p=prefix: t(p + v, lang),
            placeholder=t("all", lang), key=widget_key(name),
            on_change=copy_from_widget, args=(name,),
        )  # fmt: skip
    _draw_province(lang, names)


def _draw_province(lang: str, names: dict[str, str]) -> None:
    st.sidebar.selectbox(
        t("province", lang), ["", *names],
        format_func=lambda c: f"{c} {names[c]}" if c else t("whole_country", lang),
        key=widget_key("province"), on_change=copy_from_widget, args=("province",),
    )  # fmt: skip
