"""The Explore page's downloads: the view's table (CSV), its map (HTML that draws with no
server) and a slide of it (PNG), each built on click, saying what it holds, and recorded in the
audit log."""

from __future__ import annotations

from collections.abc import Callable

import folium
import streamlit as st

from briefing.slide import SlideLegend, map_slide_png
from geo.assets import standalone_html
from geo.explore_map import BIVARIATE, HIDDEN_FILL, NO_RATE_FILL, Legend, fill_index, palette
from i18n import t
from query import filter_table
from query.classes import disruption_classes, partnership_classes
from query.links import ExploreOptions
from query.view import Filters, month_text
from ui import data
from ui.audited import download_button, download_table
from ui.explore_view import ViewNumbers, class_counts, legend_of, map_note, threshold, view_table


def file_stem(filters: Filters, options: ExploreOptions) -> str:
    """The downloads' file name (without extension): every choice of the view is in it."""
    parts = ["atlas", filters.province or "national", options.level,
             month_text(filters.start), month_text(filters.end)]  # fmt: skip
    for item in filter_table.choice_filters():  # each choice that is not the default
        if getattr(filters, item.field) != item.default:
            parts.append(getattr(filters, item.field))
    prefix = {"synthetic": "synthetic_", "mixed": "partly_synthetic_"}.get(data.data_origin(), "")
    return prefix + "_".join(parts)


def _province_names(lang: str) -> dict[str, str]:
    provinces = data.province_list()
    return dict(zip(provinces["province_code"], provinces[f"province_name_{lang}"], strict=True))


def map_heading(filters: Filters, options: ExploreOptions, lang: str) -> list[str]:
    """What a downloaded map says it is: the title and question, the view in words (the period,
    each choice, the place, the level), where the data come from, and how numbers are
    protected."""
    limit = threshold()
    source = data.synthetic_label(lang) or t("source_partners", lang)
    return [
        f"{t('app_title', lang)} — {t('explore_question', lang)}",
        f"{filters.describe(lang, _province_names(lang))} · {t('level', lang)}: "
        f"{t(f'level_{options.level}', lang)}",
        f"{source} · {t('source_boundaries', lang)}",
        t("suppression_note", lang, t=limit, h=limit - 1),
    ]


def slide_png(filters: Filters, options: ExploreOptions, numbers: ViewNumbers, lang: str
              ) -> bytes:  # fmt: skip
    """The view's map as one PNG for slides, with its title, filters, legend and notes."""
    units = numbers.units
    classes, breaks = disruption_classes(units, options.measure, threshold())
    fills = fill_index(classes, partnership_classes(units, options.cover, filters.months))
    colours = [palette()[i] for i in fills]
    legend = legend_of(breaks, options, map_note(filters, lang), lang, class_counts(classes))
    symbols = [(HIDDEN_FILL, "#888888", legend.hidden)] if legend.hidden else []
    if legend.no_rate:
        symbols.append((NO_RATE_FILL, "#888888", legend.no_rate))
    heading = map_heading(filters, options, lang)
    slide_legend = SlideLegend(
        title=legend.title, rows_axis=legend.disruption, columns_axis=legend.partnership,
        columns=legend.columns,
        grid=tuple(zip(reversed(legend.rows), [tuple(r) for r in reversed(BIVARIATE)],
                       strict=True)),
        symbols=tuple(symbols),
    )  # fmt: skip
    layer = data.unit_layer(options.level, filters.province)
    table = {"commune": "districts" if filters.province else "provinces", "district": "provinces"}
    borders = None
    if options.level in table and "borders" in options.layers:
        borders = data.border_layer(table[options.level], filters.province).geometry
    return map_slide_png(
        layer, colours, lang=lang, title=heading[0], filters=heading[1], legend=slide_legend,
        notes=heading[2:], synthetic=data.synthetic_label(lang),
        borders=borders,
    )  # fmt: skip


def render_downloads(
    filters: Filters, options: ExploreOptions, numbers: ViewNumbers,
    make_map: Callable[..., folium.Map], legend: Legend, lang: str,
) -> None:  # fmt: skip
    """The view's table (CSV), its map (HTML, drawing with no server) and a slide of it (PNG),
    each built on click and recorded in the audit log, each drawn if the visitor's role may
    download its kind (``ui.audited.download_button``)."""
    stem = file_stem(filters, options)
    heading = map_heading(filters, options, lang)
    columns = st.columns(3)
    download_table(
        columns[0], t("download_csv", lang), lambda: view_table(filters, options, numbers),
        file_name=f"{stem}.csv", key="download_csv", lang=lang,
    )  # fmt: skip
    download_button(
        columns[1], t("download_html", lang),
        lambda: standalone_html(make_map(legend=legend, heading=heading)).encode("utf-8"),
        file_name=f"{stem}.html", mime="text/html", key="download_html", lang=lang,
    )  # fmt: skip
    download_button(
        columns[2], t("download_png", lang), lambda: slide_png(filters, options, numbers, lang),
        file_name=f"{stem}.png", mime="image/png", key="download_png", lang=lang,
    )  # fmt: skip
