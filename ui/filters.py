"""The view in the URL: the shared filters (``query.view.Filters``) and the Explore page's own
options (``ExploreOptions``), read from the URL once per session and written back on every run,
so a link reopens the same view.

``parse_params`` is pure (tests call it directly): every value from a URL is matched against
an allow-list or parsed into a date before anything else sees it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from query.explore import POLYGON_ID
from query.view import LIST_FIELDS, Filters, add_months, month_text
from vocabulary import ACTORS, INCIDENT_TYPES, POPULATIONS

MEASURES = ("count", "rate")
COVERS = ("status", "share")
LAYERS = ("partnership", "services", "borders")
DEFAULT_LAYERS = ("partnership", "borders")
DEFAULT_MONTHS = 12
# ASCII digits only (Python's \d also matches Khmer and full-width digits), matched against the
# whole text (``$`` would let a trailing newline through).
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
#: URL parameter → (Filters field, allowed values).
LISTS = {"type": ("incident_types", INCIDENT_TYPES), "pop": ("populations", POPULATIONS),
         "actor": ("actors", ACTORS)}  # fmt: skip
assert {f for f, _ in LISTS.values()} == {f for f, _, _ in LIST_FIELDS}


@dataclass(frozen=True)
class ExploreOptions:
    """The Explore page's own choices: the map's measure and partnership classes, its layers,
    and the commune whose story is open (its code, or polygon id when it has none)."""

    measure: str = "count"
    cover: str = "status"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    commune: str | None = None


@dataclass(frozen=True)
class Problem:
    """A URL parameter that was not understood: the i18n key of the message and its values
    (values from the URL pass through ``quoted``)."""

    key: str
    values: dict[str, str] = field(default_factory=dict)


def quoted(value: str, limit: int = 40) -> str:
    """A value from a URL made safe to show in a message that Streamlit reads as Markdown:
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
    first, last = bounds
    return Filters(max(first, add_months(last, 1 - DEFAULT_MONTHS)), last)


def _period(params: Mapping[str, str], bounds: tuple[date, date], out: Filters
            ) -> tuple[Filters, Problem | None]:  # fmt: skip
    if "from" not in params and "to" not in params:
        return out, None
    start = parse_month(params.get("from", month_text(out.start)))
    end = parse_month(params.get("to", month_text(out.end)))
    shown = {"from": quoted(params.get("from", "")), "to": quoted(params.get("to", ""))}
    if start is None or end is None:
        return out, Problem("bad_period_format", shown)
    if start > end:
        return out, Problem("bad_period_reversed", shown)
    if start < bounds[0] or end > bounds[1]:
        return out, Problem("bad_period_range", {**shown, "first": month_text(bounds[0]),
                                                 "last": month_text(bounds[1])})  # fmt: skip
    return replace(out, start=start, end=end), None


def _choice(name: str, params: Mapping[str, str], allowed: tuple[str, ...], default: str,
            problems: list[Problem]) -> str:  # fmt: skip
    if name not in params:
        return default
    if params[name] in allowed:
        return params[name]
    problems.append(Problem("bad_choice", {"name": name, "value": quoted(params[name]),
                                           "allowed": ", ".join(allowed)}))  # fmt: skip
    return default


def _list(name: str, params: Mapping[str, str], allowed: tuple[str, ...],
          default: tuple[str, ...], problems: list[Problem]) -> tuple[str, ...]:  # fmt: skip
    if name not in params:
        return default
    values = [v for v in params[name].split(",") if v]
    unknown = [v for v in values if v not in allowed]
    if unknown:
        problems.append(Problem("bad_list", {"name": name, "value": quoted(", ".join(unknown)),
                                             "allowed": ", ".join(allowed)}))  # fmt: skip
    return tuple(v for v in allowed if v in values)


def parse_params(
    params: Mapping[str, str], bounds: tuple[date, date], provinces: set[str]
) -> tuple[Filters, ExploreOptions, list[Problem]]:
    """The filters and options a URL asks for, and what in it was not understood (which falls
    back to the default). ``commune`` is only checked for its form here; the sidebar looks it
    up."""
    problems: list[Problem] = []
    filters, period_problem = _period(params, bounds, default_filters(bounds))
    if period_problem:
        problems.append(period_problem)
    lists = {f: _list(name, params, allowed, (), problems)
             for name, (f, allowed) in LISTS.items()}  # fmt: skip
    province = params.get("province") or None
    if province is not None and province not in provinces:
        problems.append(Problem("bad_province", {"value": quoted(province)}))
        province = None
    filters = replace(filters, **lists, province=province)
    base = ExploreOptions()
    options = ExploreOptions(
        measure=_choice("measure", params, MEASURES, base.measure, problems),
        cover=_choice("cover", params, COVERS, base.cover, problems),
        layers=_list("layers", params, LAYERS, base.layers, problems),
        commune=_commune(params.get("commune"), problems),
    )
    return filters, options, problems


def _commune(value: str | None, problems: list[Problem]) -> str | None:
    if not value:
        return None
    if POLYGON_ID.fullmatch(value):
        return value
    problems.append(Problem("bad_commune", {"value": quoted(value)}))
    return None


def to_params(filters: Filters, options: ExploreOptions, bounds: tuple[date, date]
              ) -> dict[str, str]:  # fmt: skip
    """The URL parameters of a view: only what differs from the default."""
    base = default_filters(bounds)
    params: dict[str, str] = {}
    if (filters.start, filters.end) != (base.start, base.end):
        params["from"], params["to"] = month_text(filters.start), month_text(filters.end)
    for name, (f, _) in LISTS.items():
        if getattr(filters, f):
            params[name] = ",".join(getattr(filters, f))
    if filters.province is not None:
        params["province"] = filters.province
    default = ExploreOptions()
    for name in ("measure", "cover"):
        if getattr(options, name) != getattr(default, name):
            params[name] = getattr(options, name)
    if options.layers != default.layers:
        params["layers"] = ",".join(options.layers)
    if options.commune is not None:
        params["commune"] = options.commune
    return params
