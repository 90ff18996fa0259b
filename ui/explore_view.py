"""The Explore page's parts: the protected numbers of a view, its map, its commune panel and
its downloads. The page (``pages/explore.py``) only arranges them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st

from briefing.view import case_study_dates
from geo.charts import Event, story_chart
from geo.explore_map import Legend, build_explore_map, fill_index
from geo.maps import MapLabels
from geo.search import Place, SearchIndex, build_index, places, read_names, search
from i18n import numerals, t, t_local
from query import published
from query.classes import cover_share, disruption_classes, partnership_classes
from query.export import explore_table, rate_text
from query.grid import on_level
from query.links import ExploreOptions
from query.view import Filters, month_text
from ui import data
from vocabulary import CURRICULUM_DAY, POLICY_DAY


@dataclass(frozen=True)
class ViewNumbers:
    """A view's units of its level as published (``query.published.units``) and its summary
    strip."""

    units: pd.DataFrame
    summary: published.Summary
    level: str


def threshold() -> int:
    """The suppression threshold (``ATLAS_SUPPRESSION_THRESHOLD``)."""
    return published.threshold()


def view_numbers(filters: Filters, level: str) -> ViewNumbers:
    """The published numbers of a view (cached per view and database version)."""
    units = data.published_units(filters, level)
    return ViewNumbers(units, data.published_summary(filters, level, data.month_range()), level)


def signed_percent(change: float) -> str:
    """A change as a signed whole percentage ("+3%", "-12%", "0%", never "-0%")."""
    return "0%" if round(change * 100) == 0 else f"{change:+.0%}"


def render_summary(numbers: ViewNumbers, filters: Filters, lang: str) -> None:
    """The summary strip: four figures, what the change compares (and whether the policy of
    August 2010 lies between) and a line for each figure that is withheld (how numbers are
    protected is said under the map)."""
    s, limit = numbers.summary, threshold()
    cols = st.columns(4)
    cols[0].metric(t("sum_incidents", lang), numerals(s.total.text, lang))
    cols[1].metric(t_local(f"sum_units_{numbers.level}", lang, t=limit),
                   numerals(f"{s.units_affected:,}", lang))  # fmt: skip
    cols[2].metric(t("sum_share", lang), t("not_shown", lang) if s.partnership_share is None
                   else numerals(f"{s.partnership_share:.0%}", lang))  # fmt: skip
    cols[3].metric(
        t("sum_change", lang),
        t("not_shown", lang) if s.change is None else numerals(signed_percent(s.change), lang),
        help=None if s.previous is None else t_local("previous_was", lang, n=s.previous.text),
    )
    if s.previous is not None:
        before = filters.previous()
        st.caption(t_local("change_compares", lang, now=_period(filters), before=_period(before)))
        if before.start <= POLICY_DAY <= filters.end:
            st.caption(t("change_across_policy", lang, **case_study_dates(lang)))
    for note in s.notes:
        st.caption(t_local(note, lang, t=limit))


def _period(filters: Filters) -> str:
    return f"{month_text(filters.start)} – {month_text(filters.end)}"


def _ranges(breaks: list[float], rate: bool) -> tuple[str, str, str]:
    """The classes' ranges in words: below the low break (``<5`` counts are there; no exact
    zero is written), between the breaks, from the high break up."""
    if rate:
        low, high = (f"{b:.1f}" for b in breaks)
        return (f"< {low}", f"{low}–{high}", f"≥ {high}")
    low, high = int(breaks[0]), int(breaks[1])
    return (f"< {low}", f"{low}–{high - 1}" if high - 1 > low else f"{low}", f"≥ {high}")


def class_counts(classes: pd.Series) -> tuple[int, int, int]:
    """How many units each disruption class (low, middle, high) holds, for the legend."""
    counts = classes[classes >= 0].value_counts()
    return (int(counts.get(0, 0)), int(counts.get(1, 0)), int(counts.get(2, 0)))


def legend_of(breaks: list[float], options: ExploreOptions, note: str, lang: str,
              counts: tuple[int, int, int] | None = None) -> Legend:  # fmt: skip
    """The legend of a view's map, in ``lang``, with the class ``breaks`` and, when given,
    how many units each class holds (``class_counts``)."""
    rate = options.measure == "rate"
    prefix = "" if options.level == "commune" else "unit_"
    kind = prefix + ("share" if options.cover == "share" else "status")
    steps = ("none", "some", "most") if options.cover == "share" else ("none", "started", "active")
    keys = ("legend_low", "legend_mid", "legend_high")
    rows = [t_local(k, lang, range=r) for k, r in zip(keys, _ranges(breaks, rate), strict=True)]
    if counts is not None:
        rows = [t_local(f"legend_n_{options.level}", lang, label=row, n=f"{n:,}")
                for row, n in zip(rows, counts, strict=True)]  # fmt: skip
    layers = options.layers
    return Legend(
        title=t("legend_title", lang),
        disruption=t("measure_rate" if rate else "measure_count", lang),
        partnership=t(f"lg_axis_{kind}", lang),
        rows=tuple(rows),  # type: ignore[arg-type]
        columns=tuple(t(f"lg_{kind}_{c}", lang) for c in steps),  # type: ignore[arg-type]
        hidden=t_local("legend_hidden_rate", lang, t=threshold()) if rate else None,
        no_rate=t("legend_no_rate", lang) if rate else None,
        outline=t("legend_outline" if options.level == "commune" else "legend_outline_unit",
                  lang) if "partnership" in layers else None,
        services=t("legend_services", lang) if "services" in layers else None,
        note=note,
    )  # fmt: skip


def map_note(view: Filters, lang: str) -> str:
    """What the map shows, for the legend (a downloaded map carries it)."""
    parts = [numerals(f"{month_text(view.start)} – {month_text(view.end)}", lang)]
    label = data.synthetic_label(lang)
    if label:
        parts.insert(0, label)
    return " · ".join(parts)


def _tooltips(units: pd.DataFrame, options: ExploreOptions, months: int, lang: str):
    """Each unit's tooltip lines (count as published, partnership, rate) and their labels."""
    if options.cover == "share":
        cover = cover_share(units, months).map("{:.0%}".format).tolist()
    else:
        prefix = "status_" if "months_covered" in units else "unit_status_"
        cover = units["status"].map(lambda s: t(prefix + s, lang)).tolist()
    columns = [units["text"].tolist(), cover]
    labels = [t("tt_incidents", lang), t("tt_partnership", lang)]
    if options.measure == "rate":
        columns.append(
            [
                t_local("rate_hidden", lang, t=threshold())
                if st_ == "hidden"
                else ("—" if st_ == "missing" else rate_text(r, st_))
                for r, st_ in zip(units["rate"], units["rate_state"], strict=True)
            ]
        )
        labels.append(t("tt_rate", lang))
    return [list(row) for row in zip(*columns, strict=True)], tuple(labels)


def map_labels(level: str, lang: str) -> MapLabels:
    """The words of a map of ``level``'s units (a line whose label is empty is not drawn)."""
    place = {"commune": ("district", "province"), "district": ("", "province"),
             "province": ("", "")}[level]  # fmt: skip
    return MapLabels(lang=lang, district=t(place[0], lang) if place[0] else "",
                     province=t(place[1], lang) if place[1] else "",
                     code=t(f"{level}_code", lang), nocode=t("no_code", lang),
                     digits=t("digits", lang))  # fmt: skip


def map_maker(
    view: Filters,
    numbers: ViewNumbers,
    options: ExploreOptions,
    lang: str,
    selected: str | None = None,
    focus: Place | None = None,
) -> tuple[Callable[..., folium.Map], Legend]:
    """A function that builds the view's bivariate map, as the options' measure, cover and
    layers ask (called when the map is first drawn for its ``map_signature``, and again only
    if the map is downloaded: then with ``legend=`` the legend, returned too, inside it). The
    unit ``selected`` (a polygon id), or the district or province ``focus`` chosen in the
    search, is outlined and the map fitted to it. Only the legend's classes are computed
    here; the layer is read when the map is built.

    The function raises RuntimeError if the map's layer and the view's units are not in the
    same order.
    """
    units = numbers.units
    classes, breaks = disruption_classes(units, options.measure, threshold())

    def make(**extra: object) -> folium.Map:
        layer: gpd.GeoDataFrame = data.unit_layer(numbers.level, view.province)
        if not units["unit"].equals(layer["unit"]):
            raise RuntimeError("the map's layer and the view's units are not in the same order")
        fills = fill_index(classes, partnership_classes(units, options.cover, view.months))
        tooltips, tooltip_labels = _tooltips(units, options, view.months, lang)
        encoded = data.units_encoded(numbers.level, view.province)  # with the view's borders
        if "borders" not in options.layers:
            encoded = encoded.without_borders()
        outlined = None
        if "partnership" in options.layers:
            outlined = [i for i, s in enumerate(units["status"]) if s != "none"]
        services = None
        if "services" in options.layers:
            points = data.public_service_points(view)
            services = points.assign(label=[f"{t('svc_' + p.service_type, lang)} · {p.operator}"
                                            for p in points.itertuples()])  # fmt: skip
        return build_explore_map(
            layer, fills, map_labels(numbers.level, lang), encoded=encoded, tooltips=tooltips,
            tooltip_labels=tooltip_labels, outlined=outlined, services=services,
            selected=_position(units, selected or (focus.key if focus else None)),
            focus=focus_rings(focus) if focus and _position(units, focus.key) is None else (),
            tiles=data.tiles_url(), **extra,
        )  # fmt: skip

    return make, legend_of(breaks, options, map_note(view, lang), lang, class_counts(classes))


def map_signature(
    view: Filters,
    level: str,
    options: ExploreOptions,
    lang: str,
    selected: str | None = None,
    focus: Place | None = None,
) -> tuple:
    """Every input ``map_maker``'s map depends on besides the database (``show_map`` adds it),
    for ``ui.map_frame.show_map`` to keep one rendering per view: the view, the level, the
    options, the language, the outlined unit or place, the base map and the threshold."""
    return (repr(view), level, repr(options), lang, selected, repr(focus), data.tiles_url(),
            threshold())  # fmt: skip


def _position(units: pd.DataFrame, unit: str | None) -> int | None:
    """Where ``unit`` (a polygon id) stands among the map's units, if it is one of them."""
    if unit is None:
        return None
    found = (units["unit"] == unit).to_numpy().nonzero()[0]
    return int(found[0]) if len(found) else None


def new_click(
    clicked: dict | None, province: str | None, units: pd.DataFrame, level: str
) -> tuple[str, str] | None:
    """What a new click on the map asks for: ``("commune", code or polygon id)`` at commune
    level, ``("province", code)`` on a district or a province (its province is focused), or
    None. st_folium keeps returning the last click, so each click is acted on once."""
    clicked = clicked or {}
    feature = clicked.get("last_active_drawing") or {}
    index = (feature.get("properties") or {}).get("i")
    if not isinstance(index, int) or not 0 <= index < len(units):
        return None
    click = (province, level, index, str(clicked.get("last_object_clicked")))
    if st.session_state.get("_last_click") == click:
        return None
    st.session_state["_last_click"] = click
    row = units.iloc[index]
    if level != "commune":
        return "province", row["province_code"]
    return "commune", row["commune_code"] if isinstance(row["commune_code"], str) else row["unit"]


def view_table(view: Filters, options: ExploreOptions, numbers: ViewNumbers) -> pd.DataFrame:
    """The view's table for download: what ``python -m query.export`` gives for its link."""
    return explore_table(numbers.units, view, options, data.data_origin())


def timeline(start: object, lang: str) -> list[Event]:
    """The policy timeline of one commune (its partnership start when it has one)."""
    dates = case_study_dates(lang)
    events = [Event(POLICY_DAY, t("event_policy", lang, **dates), "#b2182b",
                    t("event_policy_short", lang))]  # fmt: skip
    if start is not None and not pd.isna(start):
        day = pd.Timestamp(start).date()
        label = t("event_partnership", lang)
        events.append(Event(day, f"{label}: {numerals(f'{day:%Y-%m-%d}', lang)}", "#2166ac", label))
    events.append(Event(CURRICULUM_DAY, t("event_curriculum", lang, **dates), "#5e3c99",
                        t("event_curriculum_short", lang)))  # fmt: skip
    return events


#: The commune story's bars: all incidents, and arrests and confiscations (the commune grid).
STORY_SERIES = ("all", "arrests_confiscations")


def commune_story(polygon_id: str, view: Filters, level: str = "commune",
                  unit: str | None = None) -> pd.DataFrame:  # fmt: skip
    """A commune's published counts per calendar year, for each of ``STORY_SERIES`` (with the
    view's other choices where the commune grid offers them, else their defaults; the whole
    country); with ``level`` and ``unit``, the same for the commune's district or province (for
    comparison)."""
    bounds = data.month_range()
    on_commune_grid = replace(on_level(view, "commune"), province=None)
    frames = []
    for series in STORY_SERIES:
        filters = replace(on_commune_grid, incident_type=series)
        years = data.published_years(filters, bounds, level, unit or polygon_id)
        frames.append(years.assign(series=series))
    return pd.concat(frames, ignore_index=True)


def story_events(first_start: object, lang: str) -> list[Event]:
    """The dated lines of a commune's charts."""
    return timeline(first_start, lang)


def commune_chart(story: pd.DataFrame, view: Filters, first_start: object, lang: str) -> object:
    """Published yearly counts (``commune_story``) as a plotly figure, with the timeline."""
    limit = threshold()
    labels = {s: t("all", lang) if s == "all" else t(f"group_{s}", lang) for s in STORY_SERIES}
    return story_chart(
        story, labels, story_events(first_start, lang), period=(view.start, view.end),
        threshold=limit, small_label=t_local("below_threshold", lang, t=limit, h=limit - 1),
        period_label=t("period_shading", lang), axis_label=t("step_year", lang),
        digits=t("digits", lang),
    )  # fmt: skip


def units_table(numbers: ViewNumbers, lang: str) -> pd.DataFrame:
    """The view's units as a table, most incidents first: name, place, the published count
    and rate as they read on the map (text: a number column would print "None" where a count
    reads "<5"), the partnership."""
    units, level = numbers.units, numbers.level
    names = units[f"{level}_name_{lang}"].fillna(units[f"{level}_name_en"])
    above = {"commune": "district", "district": "province"}.get(level)
    place = units[f"{above}_name_{lang}"].fillna("") if above else pd.Series("", index=units.index)
    prefix = "status_" if level == "commune" else "unit_status_"
    rates = [rate_text(r, s) if s != "hidden" else t_local("rate_hidden", lang, t=threshold())
             for r, s in zip(units["rate"], units["rate_state"], strict=True)]  # fmt: skip
    table = pd.DataFrame({
        t(f"level_{level}", lang): names, t(f"level_{above}", lang) if above else "": place,
        t("tt_incidents", lang): [numerals(text, lang) for text in units["text"]],
        t("tt_rate", lang): [numerals(rate, lang) for rate in rates],
        t("tt_partnership", lang): [t(prefix + s, lang) for s in units["status"]],
    })  # fmt: skip
    order = units["count"].where(units["state"] == "shown", 2.0)  # "<5" after the numbers
    table = table.iloc[order.to_numpy().argsort(kind="stable")[::-1]]
    return table.loc[:, [c for c in table.columns if c]].reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=64)
def _kept_units_table(view_key: tuple, _numbers: ViewNumbers, lang: str) -> pd.DataFrame:
    return units_table(_numbers, lang)


def view_units_table(view: Filters, numbers: ViewNumbers, lang: str) -> pd.DataFrame:
    """``units_table`` of the view, made once for every session that opens the same view
    (keyed by the database's version, the view, its level and the threshold)."""
    key = (data.file_key(), repr(view), numbers.level, threshold())
    return _kept_units_table(key, numbers, lang)


#: The most units the table sends before "show all" (the national commune table is 1,633 rows,
#: about 24 KB on the wire: too much for every page open).
TABLE_TOP = 50
#: The most names the search offers at once.
SEARCH_LIMIT = 12


@st.cache_resource(show_spinner=False, max_entries=4)
def _search_index(path: str, version: str) -> SearchIndex:
    """The search index of a version of the database (one for every session)."""
    folding, aliases = read_names()
    return build_index(places(data.commune_layer(None), aliases), folding)


def search_index() -> SearchIndex:
    """The search index of this session's database (``geo.search``)."""
    path = data.db_path()
    return _search_index(str(path), data.version(path))


def _names(place: Place, lang: str) -> tuple[str, tuple[str, ...]]:
    """A place's name and its parents' in ``lang`` (English where a Khmer one is missing)."""
    name = (place.name_km if lang == "km" else "") or place.name_en
    parents = place.parents_km if lang == "km" else place.parents_en
    return name, tuple(k or e for k, e in zip(parents, place.parents_en, strict=True))


def search_label(place: Place, alias: str, lang: str) -> str:
    """How a result reads: its name in ``lang`` (and the other script's), the other name it
    was found by, its parents, and its level, e.g. "Preah Sihanouk · (Khmer) (Sihanoukville)
    — Preah Sihanouk · District". Never "nan": a missing name is left out."""
    name, parents = _names(place, lang)
    other = place.name_en if lang == "km" else place.name_km
    label = name + (f" · {other}" if other and other != name else "")
    if alias:
        label += f" ({alias})"
    if any(parents):
        label += " — " + ", ".join(p for p in parents if p)
    return f"{label} · {t(f'level_{place.level}', lang)}"


def search_results(text: str, lang: str) -> dict[str, Place]:
    """The places answering ``text`` (``geo.search.search``), labelled (``search_label``; two
    places that would read the same get their code), best first."""
    found: dict[str, Place] = {}
    for place, alias, _ in search(search_index(), text, limit=SEARCH_LIMIT * 4):
        label = search_label(place, alias, lang)
        found[label if label not in found else f"{label} ({place.key})"] = place
    return found


def focus_rings(place: Place) -> list[list[tuple[float, float]]]:
    """The outline of a chosen district or province as rings of (lat, lon), for the map to
    draw and fit (``geo.maps.Overlays.focus``); empty when it is not on the map's layer."""
    layer = data.unit_layer(place.level, place.province)
    rows = layer[layer["unit"] == place.key]
    if rows.empty:
        return []
    geometry = rows.geometry.iloc[0]
    polygons = getattr(geometry, "geoms", [geometry])
    return [[(y, x) for x, y in polygon.exterior.coords] for polygon in polygons]
