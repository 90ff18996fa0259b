"""The shared filters: read from the URL once per session, kept in session state, and written
back to the URL on every run, so a link reopens the same view.

``parse_params`` is pure (tests call it directly): every value from a URL is matched against
an allow-list or parsed into a date before anything else sees it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from query.explore import View, add_months
from vocabulary import ACTORS, INCIDENT_TYPES, POPULATIONS

MEASURES = ("count", "rate")
COVERS = ("status", "share")
LAYERS = ("partnership", "services", "borders")
DEFAULT_LAYERS = ("partnership", "borders")
DEFAULT_MONTHS = 12
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
COMMUNE = re.compile(r"^[0-9A-Za-z]{6,40}$")
LISTS = {"type": INCIDENT_TYPES, "pop": POPULATIONS, "actor": ACTORS}
# URL parameter → session-state key.
KEYS = {
    "period": "f_period",
    "type": "f_types",
    "pop": "f_pops",
    "actor": "f_actors",
    "province": "f_province",
    "measure": "f_measure",
    "cover": "f_cover",
    "layers": "f_layers",
    "commune": "f_commune",
}


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


def month_text(month: date) -> str:
    """A month as the URL writes it: ``2014-01``."""
    return f"{month.year:04d}-{month.month:02d}"


def parse_month(text: str) -> date | None:
    """``YYYY-MM`` as the month's first day, or None if it is not a real month."""
    match = MONTH.match(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def defaults(bounds: tuple[date, date]) -> dict:
    """The default view: the last twelve months of data, everything else unfiltered."""
    first, last = bounds
    return {
        "period": (max(first, add_months(last, 1 - DEFAULT_MONTHS)), last),
        "type": [],
        "pop": [],
        "actor": [],
        "province": None,
        "measure": "count",
        "cover": "status",
        "layers": list(DEFAULT_LAYERS),
        "commune": None,
    }


def _period(params: Mapping[str, str], bounds: tuple[date, date], out: dict) -> Problem | None:
    if "from" not in params and "to" not in params:
        return None
    start = parse_month(params.get("from", month_text(out["period"][0])))
    end = parse_month(params.get("to", month_text(out["period"][1])))
    shown = {"from": quoted(params.get("from", "")), "to": quoted(params.get("to", ""))}
    if start is None or end is None:
        return Problem("bad_period_format", shown)
    if start > end:
        return Problem("bad_period_reversed", shown)
    if start < bounds[0] or end > bounds[1]:
        return Problem("bad_period_range", {**shown, "first": month_text(bounds[0]),
                                            "last": month_text(bounds[1])})  # fmt: skip
    out["period"] = (start, end)
    return None


def _choice(name: str, params: Mapping[str, str], allowed: tuple[str, ...], out: dict,
            problems: list[Problem]) -> None:  # fmt: skip
    if name in params:
        if params[name] in allowed:
            out[name] = params[name]
        else:
            problems.append(Problem("bad_choice", {"name": name, "value": quoted(params[name]),
                                                   "allowed": ", ".join(allowed)}))  # fmt: skip


def _list(name: str, params: Mapping[str, str], allowed: tuple[str, ...], out: dict,
          problems: list[Problem]) -> None:  # fmt: skip
    if name not in params:
        return
    values = [v for v in params[name].split(",") if v]
    unknown = [v for v in values if v not in allowed]
    if unknown:
        problems.append(Problem("bad_list", {"name": name, "value": quoted(", ".join(unknown)),
                                             "allowed": ", ".join(allowed)}))  # fmt: skip
    out[name] = [v for v in allowed if v in values]


def parse_params(
    params: Mapping[str, str], bounds: tuple[date, date], provinces: set[str]
) -> tuple[dict, list[Problem]]:
    """The view a URL asks for, and what in it was not understood (which falls back to the
    default). ``commune`` is only checked for its form here; the page looks it up."""
    out = defaults(bounds)
    problems: list[Problem] = []
    period_problem = _period(params, bounds, out)
    if period_problem:
        problems.append(period_problem)
    for name, allowed in LISTS.items():
        _list(name, params, allowed, out, problems)
    _list("layers", params, LAYERS, out, problems)
    _choice("measure", params, MEASURES, out, problems)
    _choice("cover", params, COVERS, out, problems)
    province = params.get("province")
    if province:
        if province in provinces:
            out["province"] = province
        else:
            problems.append(Problem("bad_province", {"value": quoted(province)}))
    commune = params.get("commune")
    if commune:
        if COMMUNE.match(commune):
            out["commune"] = commune
        else:
            problems.append(Problem("bad_commune", {"value": quoted(commune)}))
    return out, problems


def to_params(state: dict, bounds: tuple[date, date]) -> dict[str, str]:
    """The URL parameters of a view: only what differs from the default."""
    base = defaults(bounds)
    params: dict[str, str] = {}
    if state["period"] != base["period"]:
        params["from"], params["to"] = (month_text(m) for m in state["period"])
    for name in ("type", "pop", "actor", "layers"):
        if list(state[name]) != list(base[name]):
            params[name] = ",".join(state[name]) if state[name] else ""
    for name in ("province", "measure", "cover", "commune"):
        if state[name] != base[name] and state[name] is not None:
            params[name] = state[name]
    return params


def to_view(state: dict) -> View:
    """The query layer's ``View`` of a filter state (already checked)."""
    start, end = state["period"]
    return View(start, end, tuple(state["type"]), tuple(state["pop"]), tuple(state["actor"]),
                state["province"])  # fmt: skip
