"""A view as a link: the shared filters (``query.view.Filters``) and the Explore page's options
(``ExploreOptions``) read from, and written to, a URL's query string.

Pure (the pages, the export command and the tests call it): every value from a link is matched
against an allow-list or parsed into a date before anything else sees it. What a link gets wrong
becomes a ``Problem`` (the i18n key of a plain message and its values, made safe by ``quoted``)
and that part of the view falls back to its default, exactly as the page shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from query import filter_table
from query.explore import POLYGON_ID
from query.filter_kinds import Problem, Scope, parse_choice, quoted
from query.grid import LEVELS, coarsest_level, fine_choices, off_grid
from query.months import parse_month
from query.view import Filters

__all__ = ["COVERS", "LAYERS", "MEASURES", "OPTIONS", "ExploreOptions", "Option", "Problem",
           "default_filters", "default_level", "parse_month", "parse_params", "quoted",
           "to_params"]  # fmt: skip

MEASURES = ("count", "rate")
COVERS = ("status", "share")
LAYERS = ("partnership", "services", "borders")
DEFAULT_LAYERS = ("partnership", "borders")


@dataclass(frozen=True)
class ExploreOptions:
    """The Explore page's own choices: the map's level (its units), its measure and partnership
    classes, its layers, and the commune whose story is open (its code, or polygon id)."""

    level: str = "district"  # the national default (``default_level``)
    measure: str = "count"
    cover: str = "status"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    commune: str | None = None


@dataclass(frozen=True)
class Option:
    """One of the Explore page's options that a widget sets: its key (the link parameter, the
    ``ExploreOptions`` field and the widget's name), its values, the i18n key of its label and
    the prefix of its values' keys, and its widget (``radio``: one value; ``pills``: a set,
    written ``a,b`` in the link)."""

    key: str
    values: tuple[str, ...]
    label: str
    prefix: str
    widget: str = "radio"


#: The options a widget sets, in the page's order (``commune`` comes from a click or a link).
OPTIONS = (
    Option("level", LEVELS, "level", "level_"),
    Option("measure", MEASURES, "measure", "measure_"),
    Option("cover", COVERS, "cover", "cover_"),
    Option("layers", LAYERS, "layers", "layer_", widget="pills"),
)
#: Every option's link parameter.
OPTION_PARAMS = (*(o.key for o in OPTIONS), "commune")


def default_level(filters: Filters) -> str:
    """The level that suits a view's extent when nobody chose one: districts for the whole
    country (a commune is a speck there), communes within a province; the next coarser level
    when the filters ask for a choice that level does not offer (``query.grid``)."""
    if filters.province is None and not off_grid(filters, "district"):
        return "district"
    return coarsest_level(filters)


def default_filters(bounds: tuple[date, date]) -> Filters:
    """The default filters: the last window of data, every other filter at its default."""
    return Filters(filter_table.PERIOD.default_start(bounds))


def _values(option: Option, params: Mapping[str, str]) -> tuple[tuple[str, ...], Problem | None]:
    """A set option (``a,b``) as the link gives it: its known values, in the option's order."""
    values = [v for v in params[option.key].split(",") if v]
    unknown = [v for v in values if v not in option.values]
    problem = None
    if unknown:
        problem = Problem("bad_list", {"name": option.key, "value": quoted(", ".join(unknown)),
                                       "allowed": ", ".join(option.values)})  # fmt: skip
    return tuple(v for v in option.values if v in values), problem


def _commune(value: str | None, problems: list[Problem]) -> str | None:
    if not value:
        return None
    if POLYGON_ID.fullmatch(value):
        return value
    problems.append(Problem("bad_commune", {"value": quoted(value)}))
    return None


def _options(params: Mapping[str, str], problems: list[Problem]) -> ExploreOptions:
    """The Explore options a link asks for (each one's default where it says nothing valid)."""
    base, chosen = ExploreOptions(), {}
    for option in OPTIONS:
        if option.key not in params:
            continue
        if option.widget == "pills":
            chosen[option.key], problem = _values(option, params)
        else:
            default = getattr(base, option.key)
            chosen[option.key], problem = parse_choice(option.key, params, option.values, default)
        if problem:
            problems.append(problem)
    return replace(base, **chosen, commune=_commune(params.get("commune"), problems))


def parse_params(
    params: Mapping[str, str], bounds: tuple[date, date], provinces: set[str]
) -> tuple[Filters, ExploreOptions, list[Problem]]:
    """The filters and options a link asks for, and what in it was not understood (which falls
    back to the default). A choice that the link's level does not offer moves the view to the
    finest level that offers it; a fine choice beyond the first (``FINE_AT_ONCE``) goes back to
    its default. ``commune`` is only checked for its form here; the sidebar
    looks it up."""
    problems: list[Problem] = []
    scope = Scope(bounds, frozenset(provinces))
    chosen = {}
    for item in filter_table.table():
        chosen[item.field], problem = item.parse(params, scope)
        if problem:
            problems.append(problem)
    filters = Filters(**chosen)
    extra = fine_choices(filters)[filter_table.FINE_AT_ONCE :]
    if extra:  # one dimension broken down at a time: the later ones go back to their default
        filters = replace(filters, **{name: filter_table.by_field(name).default for name in extra})
        keys = [filter_table.by_field(name).key for name in extra]
        problems.append(Problem("one_fine_choice", {"names": ", ".join(keys)}))
    options = _options(params, problems)
    if "level" not in params:
        options = replace(options, level=default_level(filters))
    if off_grid(filters, options.level):
        level = coarsest_level(filters)
        problems.append(Problem("level_moved", {"asked": options.level, "level": level}))
        options = replace(options, level=level)
    return filters, options, problems


def to_params(filters: Filters, options: ExploreOptions, bounds: tuple[date, date]
              ) -> dict[str, str]:  # fmt: skip
    """The link parameters of a view: only what differs from the default (the level: from
    ``default_level``)."""
    params: dict[str, str] = {}
    scope = Scope(bounds)
    for item in filter_table.table():
        params.update(item.to_link(getattr(filters, item.field), scope))
    default = replace(ExploreOptions(), level=default_level(filters))
    for option in OPTIONS:
        value = getattr(options, option.key)
        if value != getattr(default, option.key):
            params[option.key] = ",".join(value) if option.widget == "pills" else value
    if options.commune is not None:
        params["commune"] = options.commune
    return params
