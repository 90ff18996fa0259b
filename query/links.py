"""A view as a link: the shared filters (``query.view.Filters``) and the Explore page's options
(``ExploreOptions``) read from, and written to, a URL's query string.

Pure (the pages, the export command and the tests call it): every value from a link is matched
against an allow-list or parsed into a date before anything else sees it. What a link gets wrong
becomes a ``Problem`` (the i18n key of a plain message and its values, made safe by ``quoted``)
and that part of the view falls back to its default, exactly as the page shows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from query.explore import POLYGON_ID
from query.grid import LEVELS, coarsest_level, off_grid, window_starts
from query.view import CHOICES, WINDOW_MONTHS, Filters, add_months, month_text

MEASURES = ("count", "rate")
COVERS = ("status", "share")
LAYERS = ("partnership", "services", "borders")
DEFAULT_LAYERS = ("partnership", "borders")
# ASCII digits only (Python's \d also matches Khmer and full-width digits), matched against the
# whole text (``$`` would let a trailing newline through).
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
#: Link parameter → Filters field.
FILTER_PARAMS = {"type": "incident_type", "pop": "population", "actor": "actor"}


@dataclass(frozen=True)
class ExploreOptions:
    """The Explore page's own choices: the map's level (its units), its measure and partnership
    classes, its layers, and the commune whose story is open (its code, or polygon id)."""

    level: str = "commune"
    measure: str = "count"
    cover: str = "status"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    commune: str | None = None


@dataclass(frozen=True)
class Problem:
    """A link parameter that was not understood: the i18n key of the message and its values
    (values from the link pass through ``quoted``)."""

    key: str
    values: dict[str, str] = field(default_factory=dict)


def quoted(value: str, limit: int = 40) -> str:
    """A value from a link made safe to show in a message that Streamlit reads as Markdown:
    cut to ``limit`` characters, every ASCII punctuation mark escaped (so a link, an image or
    a colour directive in a crafted URL shows as text and fetches nothing)."""
    cut = value if len(value) <= limit else value[:limit] + "…"
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", cut)


def parse_month(text: str) -> date | None:
    """``YYYY-MM`` as the month's first day, or None if it is not a real month."""
    match = MONTH.fullmatch(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def default_filters(bounds: tuple[date, date]) -> Filters:
    """The default filters: the last twelve months of data, everything else unfiltered."""
    return Filters(window_starts(bounds)[-1])


def _window(params: Mapping[str, str], bounds: tuple[date, date]) -> tuple[date, Problem | None]:
    """The window a link's ``from``/``to`` ask for (the last twelve months of a longer or
    shorter period, with a note), else the default with the reason."""
    default = window_starts(bounds)[-1]
    if "from" not in params and "to" not in params:
        return default, None
    shown = {"from": quoted(params.get("from", "")), "to": quoted(params.get("to", ""))}
    start = parse_month(params["from"]) if "from" in params else None
    end = parse_month(params["to"]) if "to" in params else None
    if ("from" in params and start is None) or ("to" in params and end is None):
        return default, Problem("bad_period_format", shown)
    if start and end and start > end:
        return default, Problem("bad_period_reversed", shown)
    first = start if end is None else add_months(end, 1 - WINDOW_MONTHS)
    note = None
    if start and end and first != start:
        shown = {"from": month_text(first), "to": month_text(end)}
        note = Problem("period_is_twelve_months", shown)
    if first not in window_starts(bounds):
        last = window_starts(bounds)[-1]
        return default, Problem("bad_period_range", {
            **shown, "first": month_text(window_starts(bounds)[0]),
            "last": month_text(add_months(last, WINDOW_MONTHS - 1))})  # fmt: skip
    return first, note


def _choice(name: str, params: Mapping[str, str], allowed: tuple[str, ...], default: str,
            problems: list[Problem]) -> str:  # fmt: skip
    if name not in params:
        return default
    if params[name] in allowed:
        return params[name]
    problems.append(Problem("bad_choice", {"name": name, "value": quoted(params[name]),
                                           "allowed": ", ".join(allowed)}))  # fmt: skip
    return default


def _layers(params: Mapping[str, str], problems: list[Problem]) -> tuple[str, ...]:
    if "layers" not in params:
        return DEFAULT_LAYERS
    values = [v for v in params["layers"].split(",") if v]
    unknown = [v for v in values if v not in LAYERS]
    if unknown:
        problems.append(Problem("bad_list", {"name": "layers", "value": quoted(", ".join(unknown)),
                                             "allowed": ", ".join(LAYERS)}))  # fmt: skip
    return tuple(v for v in LAYERS if v in values)


def _commune(value: str | None, problems: list[Problem]) -> str | None:
    if not value:
        return None
    if POLYGON_ID.fullmatch(value):
        return value
    problems.append(Problem("bad_commune", {"value": quoted(value)}))
    return None


def parse_params(
    params: Mapping[str, str], bounds: tuple[date, date], provinces: set[str]
) -> tuple[Filters, ExploreOptions, list[Problem]]:
    """The filters and options a link asks for, and what in it was not understood (which falls
    back to the default). A choice that the link's level does not offer moves the view to the
    finest level that offers it. ``commune`` is only checked for its form here; the sidebar
    looks it up."""
    problems: list[Problem] = []
    start, period_problem = _window(params, bounds)
    if period_problem:
        problems.append(period_problem)
    chosen = {f: _choice(p, params, CHOICES[f], "all", problems) for p, f in FILTER_PARAMS.items()}
    province = params.get("province") or None
    if province is not None and province not in provinces:
        problems.append(Problem("bad_province", {"value": quoted(province)}))
        province = None
    filters = Filters(start, **chosen, province=province)
    base = ExploreOptions()
    options = ExploreOptions(
        level=_choice("level", params, LEVELS, base.level, problems),
        measure=_choice("measure", params, MEASURES, base.measure, problems),
        cover=_choice("cover", params, COVERS, base.cover, problems),
        layers=_layers(params, problems),
        commune=_commune(params.get("commune"), problems),
    )
    if off_grid(filters, options.level):
        level = coarsest_level(filters)
        problems.append(Problem("level_moved", {"asked": options.level, "level": level}))
        options = replace(options, level=level)
    return filters, options, problems


def to_params(filters: Filters, options: ExploreOptions, bounds: tuple[date, date]
              ) -> dict[str, str]:  # fmt: skip
    """The link parameters of a view: only what differs from the default."""
    params: dict[str, str] = {}
    if filters.start != default_filters(bounds).start:
        params["from"], params["to"] = month_text(filters.start), month_text(filters.end)
    for param, name in FILTER_PARAMS.items():
        if getattr(filters, name) != "all":
            params[param] = getattr(filters, name)
    if filters.province is not None:
        params["province"] = filters.province
    default = ExploreOptions()
    for name in ("level", "measure", "cover"):
        if getattr(options, name) != getattr(default, name):
            params[name] = getattr(options, name)
    if options.layers != default.layers:
        params["layers"] = ",".join(options.layers)
    if options.commune is not None:
        params["commune"] = options.commune
    return params
