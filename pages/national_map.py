"""Where is each commune? The national commune map, with one-click focus on the pilot sites."""

from __future__ import annotations

import streamlit as st

from geo.maps import MapLabels, build_province_map
from i18n import numerals, t
from pages import run_router
from ui import data
from ui.layout import page_header
from ui.map_frame import show_map
from ui.state import PARTNERSHIP_SITES, current_filters, set_view


def _site_buttons(lang: str, names: dict[str, str], focus: str | None) -> None:
    st.write(f"**{t('partnership_sites', lang)}**")
    buttons = st.columns(len(PARTNERSHIP_SITES) + 1)
    buttons[0].button(
        t("whole_country", lang), type="primary" if focus is None else "secondary",
        on_click=set_view, args=("province", None),
    )  # fmt: skip
    for column, (code, label, _) in zip(buttons[1:], PARTNERSHIP_SITES, strict=True):
        column.button(
            label if lang == "en" else names[code], key=f"site_{code}",
            type="primary" if focus == code else "secondary",
            on_click=set_view, args=("province", code),
        )  # fmt: skip
    site_note = {code: key for code, _, key in PARTNERSHIP_SITES}.get(focus)
    if site_note:
        st.info(t(site_note, lang))


def render() -> None:
    """Draw the commune map page."""
    lang = page_header("app_title", "map_question")
    provinces = data.province_list()
    names = dict(zip(provinces["province_code"], provinces[f"province_name_{lang}"], strict=True))
    focus = current_filters().province
    _site_buttons(lang, names, focus)
    communes = data.commune_layer(focus)
    tiles = data.tiles_url()
    labels = MapLabels(lang=lang, district=t("district", lang), province=t("province", lang),
                       code=t("commune_code", lang), nocode=t("no_code", lang),
                       digits=t("digits", lang))  # fmt: skip
    encoded = data.units_encoded("commune", focus)  # cached, with the district or province borders
    coded = int(communes["commune_code"].notna().sum())
    left, right = st.columns(2)
    left.metric(t("communes", lang), numerals(f"{len(communes):,}", lang))
    right.metric(t("with_code", lang), numerals(f"{coded:,}", lang))
    show_map(
        lambda: build_province_map(communes, labels, encoded=encoded, tiles=tiles),
        (focus, lang, tiles), height=620,
        use_container_width=True, returned_objects=[], key=f"map_{focus}_{lang}",
    )  # fmt: skip
    st.caption(t("coloured_by_province", lang))
    if tiles is None:
        st.caption(t("offline_basemap", lang))


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
