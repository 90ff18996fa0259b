"""The Explore page's parts: the protected numbers of a view, its map, its commune panel and
its downloads. The page (``pages/explore.py``) only arranges them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st

import config
from geo.charts import Event, monthly_chart
from geo.explore_map import Legend, build_explore_map, fill_index
from geo.maps import MapLabels
from query.disclosure import Cell, display
from query.explore import STATUSES, View
from query.protected import (
    Summary,
    bucket_months,
    disruption_classes,
    partnership_classes,
    protect_communes,
    protect_months,
    rate_cells,
    shown_total,
    summarise,
)
from ui import data
from ui.filters import month_text
from ui.i18n import t
from vocabulary import CURRICULUM_DAY, INCIDENT_TYPES, POLICY_DAY, SYNTHETIC_LABEL


@dataclass(frozen=True)
class ViewNumbers:
    """A view's communes (with ``cell`` states) and its summary strip."""

    communes: pd.DataFrame
    summary: Summary
    threshold: int


def threshold() -> int:
    """The suppression threshold (``ATLAS_SUPPRESSION_THRESHOLD``)."""
    return config.get_int("ATLAS_SUPPRESSION_THRESHOLD")


def _cells(view: View, limit: int) -> pd.DataFrame:
    communes = data.run("explore.commune_view", view)
    unmapped = data.run("explore.unmapped_incidents", view)
    return protect_communes(communes, unmapped, limit)


@st.cache_data(show_spinner=False, max_entries=64)
def _numbers(view: View, limit: int, version: float) -> ViewNumbers:
    cells = _cells(view, limit)
    previous = view.previous()
    prev_total, withheld = None, False
    if previous.start >= data.run("explore.month_range")[0]:
        prev_total, _ = shown_total(_cells(previous, limit), limit)
        withheld = prev_total is None  # withheld there, so here too
    summary = summarise(cells, prev_total, limit, previous_withheld=withheld)
    return ViewNumbers(cells[cells["polygon_id"].notna()].reset_index(drop=True), summary, limit)


def view_numbers(view: View) -> ViewNumbers:
    """The protected numbers of ``view`` (cached per view and database version)."""
    return _numbers(view, threshold(), data.version())


def count_texts(frame: pd.DataFrame, limit: int, hidden: str) -> list[str]:
    """Each commune's count as it may be shown (the map, the panel and the CSV agree)."""
    return [display(int(v), Cell(c), limit, hidden)
            for v, c in zip(frame["incidents"], frame["cell"], strict=True)]  # fmt: skip


def rate_texts(frame: pd.DataFrame, limit: int, hidden: str, missing: str) -> list[str]:
    """Each commune's rate per 1,000 as it may be shown: a value, ``hidden``, or ``missing``
    without an estimate."""
    rate, cells = rate_cells(frame, limit)
    return [missing if pd.isna(r) else (hidden if c == Cell.HIDDEN.value else f"{r:.1f}")
            for r, c in zip(rate, cells, strict=True)]  # fmt: skip


def render_summary(numbers: ViewNumbers, lang: str) -> None:
    """The summary strip: four figures, and a line for each figure that is withheld."""
    s, limit = numbers.summary, numbers.threshold
    cols = st.columns(4)
    cols[0].metric(t("sum_incidents", lang), t("not_shown", lang) if s.incidents is None
                   else f"{s.incidents:,}")  # fmt: skip
    cols[1].metric(t("sum_communes", lang), f"{s.communes_affected:,}")
    cols[2].metric(t("sum_share", lang), t("not_shown", lang) if s.partnership_share is None
                   else f"{s.partnership_share:.0%}")  # fmt: skip
    cols[3].metric(
        t("sum_change", lang),
        t("not_shown", lang) if s.change is None else f"{s.change:+.0%}",
        help=None if s.previous is None else t("previous_was", lang, n=f"{s.previous:,}"),
    )
    for note in s.notes:
        st.caption(t(note, lang, t=limit))
    st.caption(t("suppression_note", lang, t=limit))


def _ranges(breaks: list[float], rate: bool) -> tuple[str, str, str]:
    if rate:
        low, high = (f"{b:.1f}" for b in breaks)
        return (f"< {low}", f"{low}–{high}", f"≥ {high}")
    low, high = int(breaks[0]), int(breaks[1])
    return (f"0–{low - 1}", f"{low}–{high - 1}" if high - 1 > low else f"{low}", f"≥ {high}")


def _legend(breaks: list[float], state: dict, note: str, lang: str) -> Legend:
    rate = state["measure"] == "rate"
    columns = ("status_none", "status_started", "status_active")
    if state["cover"] == "share":
        columns = ("share_none", "share_some", "share_most")
    rows = ("legend_low", "legend_mid", "legend_high")
    layers = state["layers"]
    return Legend(
        title=t("legend_title", lang),
        disruption=t("measure_rate" if rate else "measure_count", lang),
        partnership=t("legend_partnership", lang),
        rows=tuple(t(k, lang, range=r) for k, r in zip(rows, _ranges(breaks, rate),
                                                        strict=True)),  # type: ignore[arg-type]
        columns=tuple(t(c, lang) for c in columns),  # type: ignore[arg-type]
        hidden=t("legend_hidden_rate", lang, t=threshold()) if rate else t("legend_hidden", lang),
        no_rate=t("legend_no_rate", lang) if rate else None,
        outline=t("legend_outline", lang) if "partnership" in layers else None,
        services=t("legend_services", lang) if "services" in layers else None,
        note=note,
    )  # fmt: skip


def _classes(frame: pd.DataFrame, state: dict, limit: int) -> tuple[pd.Series, list[float]]:
    """Disruption classes and their breaks for the state's measure."""
    if state["measure"] == "rate":
        rate, cells = rate_cells(frame, limit)
        return disruption_classes(rate, cells, limit, floor=0.0)
    return disruption_classes(frame["incidents"], frame["cell"], limit)


def map_note(view: View, lang: str) -> str:
    """What the map shows, for the legend (a downloaded map carries it)."""
    parts = [f"{month_text(view.start)} – {month_text(view.end)}"]
    if data.is_synthetic():
        parts.insert(0, t("synthetic", lang))
    return " · ".join(parts)


def _tooltips(frame: pd.DataFrame, state: dict, months: int, lang: str):
    """Each commune's tooltip lines (count as shown, partnership, rate) and their labels."""
    limit, hidden = threshold(), t("hidden", lang)
    if state["cover"] == "share":
        cover = (frame["months_covered"] / months).map("{:.0%}".format).tolist()
    else:
        cover = frame["status"].map({s: t(f"status_{s}", lang) for s in STATUSES}).tolist()
    columns = [count_texts(frame, limit, hidden), cover]
    labels = [t("tt_incidents", lang), t("tt_partnership", lang)]
    if state["measure"] == "rate":
        columns.append(rate_texts(frame, limit, hidden, "—"))
        labels.append(t("tt_rate", lang))
    return [list(row) for row in zip(*columns, strict=True)], tuple(labels)


def map_maker(
    view: View, numbers: ViewNumbers, state: dict, lang: str
) -> tuple[Callable[..., folium.Map], Legend]:
    """A function that builds the view's bivariate map, as the state's measure, cover and
    layers ask (called once for the page, and again only if the map is downloaded: then with
    ``legend=`` the legend, returned too, inside it).

    Raises:
        RuntimeError: if the commune layer and the view's rows are not in the same order.
    """
    layer: gpd.GeoDataFrame = data.communes(view.province)
    frame = numbers.communes
    if not frame["polygon_id"].equals(layer["source_id"]):
        raise RuntimeError("the commune layer and the view's rows are not in the same order")
    classes, breaks = _classes(frame, state, numbers.threshold)
    fills = fill_index(classes, partnership_classes(frame, view.months, state["cover"]))
    tooltips, tooltip_labels = _tooltips(frame, state, view.months, lang)
    layers = state["layers"]
    encoded = data.communes_encoded(view.province)  # with the view's borders
    if "borders" not in layers:
        encoded = encoded.without_borders()
    outlined = None
    if "partnership" in layers:
        outlined = [i for i, s in enumerate(frame["status"]) if s != "none"]
    services = None
    if "services" in layers:
        points = data.run("explore.public_service_points", view)
        services = points.assign(label=[f"{t('svc_' + p.service_type, lang)} · {p.operator}"
                                        for p in points.itertuples()])  # fmt: skip
    labels = MapLabels(lang=lang, district=t("district", lang), province=t("province", lang),
                       code=t("commune_code", lang), nocode=t("no_code", lang))  # fmt: skip
    make = functools.partial(
        build_explore_map, layer, fills, labels, encoded=encoded, tooltips=tooltips,
        tooltip_labels=tooltip_labels, outlined=outlined, services=services,
        tiles=data.tiles_url(),
    )  # fmt: skip
    return make, _legend(breaks, state, map_note(view, lang), lang)


def new_click(clicked: dict | None, province: str | None, communes: pd.DataFrame) -> str | None:
    """The commune a new click on the map picked (its code, or polygon id when it has none),
    or None. st_folium keeps returning the last click, so each click is acted on once."""
    clicked = clicked or {}
    feature = clicked.get("last_active_drawing") or {}
    index = (feature.get("properties") or {}).get("i")
    if not isinstance(index, int) or not 0 <= index < len(communes):
        return None
    click = (province, index, str(clicked.get("last_object_clicked")))
    if st.session_state.get("_last_click") == click:
        return None
    st.session_state["_last_click"] = click
    row = communes.iloc[index]
    return row["commune_code"] if isinstance(row["commune_code"], str) else row["polygon_id"]


def view_table(view: View, numbers: ViewNumbers, synthetic: bool) -> pd.DataFrame:
    """The view's commune table for download: every count as it is shown on the map (pure:
    the download builds it outside the page's run)."""
    f = numbers.communes
    limit = numbers.threshold
    table = pd.DataFrame({
        "province_code": f["province_code"], "province_name_en": f["province_name_en"],
        "province_name_km": f["province_name_km"], "district_name_en": f["district_name_en"],
        "district_name_km": f["district_name_km"], "commune_code": f["commune_code"],
        "commune_name_en": f["commune_name_en"], "commune_name_km": f["commune_name_km"],
        "incidents": count_texts(f, limit, "hidden"),
        "per_1000_key_population": rate_texts(f, limit, "hidden", ""),
        "partnership": f["status"], "partnership_months": f["months_covered"],
        "period_months": view.months, "public_services": f["public_services"],
        "period_from": month_text(view.start), "period_to": month_text(view.end),
    })  # fmt: skip
    if synthetic:
        table.insert(0, "data", SYNTHETIC_LABEL)
    return table


def timeline(start: object, lang: str) -> list[Event]:
    """The policy timeline of one commune (its partnership start when it has one)."""
    events = [Event(POLICY_DAY, t("event_policy", lang), "#b2182b", t("event_policy_short", lang))]
    if start is not None and not pd.isna(start):
        day = pd.Timestamp(start).date()
        label = t("event_partnership", lang)
        events.append(Event(day, f"{label}: {day:%Y-%m-%d}", "#2166ac", label))
    events.append(Event(CURRICULUM_DAY, t("event_curriculum", lang), "#5e3c99",
                        t("event_curriculum_short", lang)))  # fmt: skip
    return events


def commune_months(polygon_id: str, view: View) -> pd.DataFrame:
    """The commune's incidents per month and type, over all the data's months."""
    bounds = data.run("explore.month_range")
    return data.run("explore.commune_months", polygon_id, view, *bounds)


def commune_chart(
    months: pd.DataFrame, view: View, first_start: object, step: str, lang: str
) -> object:
    """The commune's incidents by type per ``step``, protected, as a plotly figure."""
    limit = threshold()
    cells = protect_months(bucket_months(months, step), view.start, view.end, limit, step)
    types = {c: t(f"type_{c}", lang) for c in INCIDENT_TYPES}  # fixed colours: all types
    return monthly_chart(
        cells, types, timeline(first_start, lang), period=(view.start, view.end),
        threshold=limit, suppressed_label=t("below_threshold", lang, t=limit, h=limit - 1),
        period_label=t("period_shading", lang), axis_label=t(f"step_{step}", lang), step=step,
    )  # fmt: skip
