"""Where are disruptions high and partnership absent? The bivariate commune map, its summary
strip, a commune's story on click, and the view's downloads."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.assets import standalone_html
from geo.explore_map import legend_html
from ui import data
from ui.commune_panel import render_panel
from ui.explore_view import map_maker, new_click, render_summary, view_numbers, view_table
from ui.filters import COVERS, LAYERS, MEASURES, month_text, to_view
from ui.i18n import t
from ui.router import start_page
from ui.state import copy_from_widget, current_view, widget_key

lang = start_page("page_explore", "explore_question")
if data.run("explore.month_range") is None:
    st.info(t("no_incidents", lang))
    st.stop()
state = current_view()
view = to_view(state)

options = st.columns([3, 2, 3])
options[0].radio(
    t("measure", lang), MEASURES, format_func=lambda c: t(f"measure_{c}", lang),
    key=widget_key("measure"), on_change=copy_from_widget, args=("measure",),
)  # fmt: skip
options[1].radio(
    t("cover", lang), COVERS, format_func=lambda c: t(f"cover_{c}", lang),
    key=widget_key("cover"), on_change=copy_from_widget, args=("cover",),
)  # fmt: skip
options[2].multiselect(
    t("layers", lang), LAYERS, format_func=lambda c: t(f"layer_{c}", lang),
    key=widget_key("layers"), on_change=copy_from_widget, args=("layers",),
)  # fmt: skip

numbers = view_numbers(view)
render_summary(numbers, lang)

selected = data.run("explore.find_polygon", state["commune"]) if state["commune"] else None

make_map, legend = map_maker(view, numbers, state, lang)
left, right = st.columns([3, 2])
with left:
    st.html(legend_html(legend, inline=True))
    clicked = st_folium(
        make_map(), height=620, use_container_width=True, render=False,  # see national_map
        returned_objects=["last_active_drawing", "last_object_clicked"],
        key=f"explore_map_{view.province}",
    )  # fmt: skip
picked = new_click(clicked, view.province, numbers.communes)
if picked:
    state["commune"] = picked
    st.rerun()
with right:
    if selected:
        render_panel(selected, view, numbers, lang)
    else:
        st.info(t("click_hint", lang))

synthetic = data.is_synthetic()
stem = ("synthetic_" if synthetic else "") + (
    f"atlas_{view.province or 'national'}_{month_text(view.start)}_{month_text(view.end)}"
)
downloads = st.columns(2)
downloads[0].download_button(
    t("download_csv", lang),
    lambda: view_table(view, numbers, synthetic).to_csv(index=False).encode("utf-8-sig"),
    file_name=f"{stem}.csv", mime="text/csv", key="download_csv", on_click="ignore",
)  # fmt: skip
downloads[1].download_button(
    t("download_html", lang), lambda: standalone_html(make_map(legend=legend)).encode("utf-8"),
    file_name=f"{stem}.html", mime="text/html", key="download_html", on_click="ignore",
)  # fmt: skip
