"""Where are disruptions high and partnership absent? The bivariate commune map, its summary
strip, a commune's story on click, and the view's downloads."""

from __future__ import annotations

import streamlit as st

from geo.explore_map import legend_html
from geo.search import Place
from i18n import t, t_local
from pages import run_router
from query.links import OPTIONS
from query.view import Filters
from ui import data
from ui.commune_panel import render_panel
from ui.explore_downloads import render_downloads
from ui.explore_view import (
    SEARCH_LIMIT,
    TABLE_TOP,
    ViewNumbers,
    map_maker,
    map_signature,
    new_click,
    render_summary,
    search_results,
    threshold,
    view_numbers,
    view_units_table,
)
from ui.layout import light_table, page_header, stacked_columns
from ui.map_frame import show_map
from ui.state import (
    copy_from_widget,
    current_filters,
    current_options,
    set_value,
    set_view,
    widget_key,
)


def _options(lang: str) -> None:
    """The Explore page's own options (``query.links.OPTIONS``): the one-value choices as rows
    of buttons, the sets as pills below (they wrap at any width)."""
    for option in (o for o in OPTIONS if o.widget == "radio"):
        st.radio(
            t(option.label, lang), option.values, horizontal=True,
            format_func=lambda c, p=option.prefix: t(p + c, lang),
            key=widget_key(option.key), on_change=copy_from_widget, args=(option.key,),
        )  # fmt: skip
    for option in (o for o in OPTIONS if o.widget == "pills"):
        st.pills(
            t(option.label, lang), option.values, selection_mode="multi",
            format_func=lambda c, p=option.prefix: t(p + c, lang),
            key=widget_key(option.key), on_change=copy_from_widget, args=(option.key,),
        )  # fmt: skip


def render() -> None:
    """Draw the Explore page."""
    lang = page_header("page_explore", "explore_question")
    if data.month_range() is None:
        st.info(t("no_incidents", lang))
        st.stop()
    filters, options = current_filters(), current_options()
    numbers = view_numbers(filters, options.level)
    render_summary(numbers, filters, lang)
    selected = data.find_polygon(options.commune) if options.commune else None
    focus = _focus(filters.province, options.commune)
    make_map, legend = map_maker(filters, numbers, options, lang, selected, focus)
    left, right = stacked_columns("explore", [3, 2])  # the map first; below 1000 px, stacked
    with left:
        clicked = show_map(
            make_map, map_signature(filters, numbers.level, options, lang, selected, focus),
            height=560, use_container_width=True,
            returned_objects=["last_active_drawing", "last_object_clicked"],
            key=f"explore_map_{filters.province}",
        )  # fmt: skip
        st.caption(t("wheel_hint", lang))
        limit = threshold()
        st.caption(t_local("suppression_note", lang, t=limit, h=limit - 1))
        with st.expander(t("method_note", lang)):  # method names only here, collapsed
            st.caption(t("explore_method_note", lang))
    picked = new_click(clicked, filters.province, numbers.units, options.level)
    if picked:
        set_value(*picked)
        st.rerun()
    with right:
        _search(lang)
        st.html(legend_html(legend, inline=True))
        _options(lang)
        if selected:
            render_panel(selected, filters, numbers, lang)
        else:
            st.info(t("click_hint", lang))
            _units(filters, numbers, lang)
    render_downloads(filters, options, numbers, make_map, legend, lang)


def _search(lang: str) -> None:
    """A box to jump to a province, district or commune, typed in either script, by another
    name, with typos (``geo.search``): the names are matched on the server and only the
    matches are sent."""
    text = st.text_input(t("search", lang), key="w_search_text",
                         placeholder=t("search_placeholder", lang))  # fmt: skip
    if not text.strip():
        return
    found = search_results(text, lang)
    if not found:
        st.caption(t("search_none", lang, text=text.strip()))
        return
    st.session_state[_FOUND] = found
    st.selectbox(
        t_local("search_matches", lang, n=len(found)), list(found)[:SEARCH_LIMIT], index=None,
        key="w_search", on_change=_jump, placeholder=t("search_pick", lang),
    )  # fmt: skip
    if len(found) > SEARCH_LIMIT:
        st.caption(t_local("search_more", lang, shown=SEARCH_LIMIT, n=len(found)))


_FOUND = "_search_found"
FOCUS = "_search_focus"


def _jump() -> None:
    """Show the place chosen in the search: a commune's story opens; a district or a province
    is outlined and the map fitted to it (its province's communes)."""
    place = st.session_state.get(_FOUND, {}).get(st.session_state.get("w_search"))
    if place is None:
        return
    set_view("province", place.province)
    set_view("commune", place.key if place.level == "commune" else None)
    st.session_state[FOCUS] = None if place.level == "commune" else place
    st.session_state["w_search"] = None
    st.session_state["w_search_text"] = ""


def _focus(province: str | None, commune: str | None) -> Place | None:
    """The district or province chosen in the search, while the view stays in its province
    and no commune is open."""
    focus = st.session_state.get(FOCUS)
    if focus is None or commune or focus.province != province:
        st.session_state[FOCUS] = None
        return None
    return focus


def _units(filters: Filters, numbers: ViewNumbers, lang: str) -> None:
    """The level's units as a table, most incidents first: the first ``TABLE_TOP`` unless the
    visitor asks for all."""
    table = view_units_table(filters, numbers, lang)
    st.markdown(f"**{t('units_table', lang)}**")
    if len(table) > TABLE_TOP and not st.toggle(t_local("units_all", lang, n=f"{len(table):,}"),
                                                 key="w_units_all"):  # fmt: skip
        st.caption(t_local("units_top", lang, shown=TABLE_TOP, n=f"{len(table):,}"))
        table = table.head(TABLE_TOP)
    light_table(table, height=420)
    limit = threshold()
    st.caption(t_local("units_table_order", lang, t=limit, h=limit - 1))


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
