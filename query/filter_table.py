"""The filter table: every filter of the atlas's shared view, declared once.

Each entry says, for one filter: its key (the link parameter and the sidebar widget's name), the
``Filters`` attribute that holds its value, its link parameters, its choices (each value or
group, with the contract values it stands for and the map levels that offer it: the protection
grid), the i18n keys of its label and of its part of the sentence, its SQL fragment over the
``incidents_monthly`` columns with named parameters, its export columns and its widget. The
sidebar draws the filters in the table's order, and ``Filters`` takes them positionally in that
order after the period.

What reads it: ``query.view.Filters`` (checks, SQL parameters, ``describe``), ``query.links``
(the link's parser and writer), ``query.grid`` (the choices of each level, the window grid),
``query.cells`` and ``query.explore`` (``incidents_where``), ``query.export`` (the columns),
``ui.state`` and ``ui.sidebar`` (widgets, seeding, ``on_change``, the link's parameters).
Restricting a choice to fewer levels, changing the window grid or adding a filter is one edit
here (``tests/query/test_filter_table.py`` adds one in a fixture and sees it everywhere).
"""

from __future__ import annotations

from datetime import date

from query.filter_kinds import (
    ALL,
    LEVELS,
    Choice,
    ChoiceFilter,
    Filter,
    PeriodFilter,
    ProvinceFilter,
    each_value,
    every_month,
)
from vocabulary import ACTORS, INCIDENT_TYPES, KEY_POPULATIONS, PILOT_TYPES, POPULATIONS

#: The levels whose cells mix many communes: the single types, populations and actors are
#: offered there only (a commune's cell of one of them would count a handful of incidents).
MIXED = ("district", "province")

PERIOD = PeriodFilter(
    key="period", field="start", params=("from", "to"), months=12, starts=every_month,
    sql="month BETWEEN $start AND $end", columns=("period_from", "period_to"),
)  # fmt: skip
INCIDENT_TYPE = ChoiceFilter(
    key="type", field="incident_type", label="incident_type", sentence="describe_incident_type",
    sql="list_contains($types, CAST(incident_type AS VARCHAR))", param="types",
    choices=(
        Choice(ALL, INCIDENT_TYPES, "all", LEVELS),
        Choice("arrests_confiscations", PILOT_TYPES, "group_arrests_confiscations", LEVELS),
        *each_value(INCIDENT_TYPES, "type_", MIXED),
    ),
)  # fmt: skip
POPULATION = ChoiceFilter(
    key="pop", field="population", label="population", sentence="describe_population",
    sql="list_contains($pops, CAST(population AS VARCHAR))", param="pops",
    choices=(
        Choice(ALL, POPULATIONS, "all", LEVELS),
        Choice("key_populations", KEY_POPULATIONS, "group_key_populations", LEVELS),
        *each_value(POPULATIONS, "pop_", MIXED),
    ),
)  # fmt: skip
ACTOR = ChoiceFilter(
    key="actor", field="actor", label="actor", sentence="describe_actor",
    sql="list_contains($actors, CAST(actor AS VARCHAR))", param="actors",
    choices=(Choice(ALL, ACTORS, "all", LEVELS), *each_value(ACTORS, "actor_", MIXED)),
)  # fmt: skip
PROVINCE = ProvinceFilter(
    key="province", field="province", column="province_code", label="province",
    everywhere="whole_country",
)  # fmt: skip

#: A page's filter list that means "every filter of the table" (``ui.registry``).
EVERY_FILTER = "*"
#: Names no filter may take: the marker above, the Explore options' name in a page's filter
#: list, and the attribute in which ``Filters`` keeps its choices.
RESERVED = frozenset({EVERY_FILTER, "options", "chosen"})


def checked(filters: tuple[Filter, ...]) -> tuple[Filter, ...]:
    """The table, once checked: the period first, then filters whose keys, fields, link
    parameters and SQL parameters are all different (a test adds a filter with
    ``checked((*FILTERS, new))``).

    Raises:
        ValueError: if a name is used twice or reserved, or the first filter is not the
            period.
    """
    if not filters or not isinstance(filters[0], PeriodFilter):
        raise ValueError("the first filter of the table is the period")
    for what, names in (
        ("key", [f.key for f in filters]),
        ("field", [f.field for f in filters]),
        ("link parameter", [p for f in filters for p in f.params]),
        ("SQL parameter", [p for f in filters for p in f.bind(_any_value(f))]),
    ):
        if len(set(names)) != len(names) or RESERVED & set(names):
            raise ValueError(f"each filter's {what} must be its own (and none of "
                             f"{sorted(RESERVED)}), got {names}")  # fmt: skip
    return filters


def _any_value(item: Filter) -> object:
    """A valid value of ``item`` (to see which SQL parameters it binds)."""
    return date(2000, 1, 1) if isinstance(item, PeriodFilter) else item.default


#: The table, in the sidebar's order.
FILTERS: tuple[Filter, ...] = checked((PERIOD, INCIDENT_TYPE, POPULATION, ACTOR, PROVINCE))


def table() -> tuple[Filter, ...]:
    """Every filter, in the sidebar's order (the period first)."""
    return FILTERS


def by_key(key: str) -> Filter | None:
    """The filter whose link parameter and widget are named ``key``, or None."""
    return next((f for f in FILTERS if f.key == key), None)


def by_field(name: str) -> Filter:
    """The filter whose value ``Filters`` holds as ``name``.

    Raises:
        KeyError: if no filter has that field.
    """
    found = next((f for f in FILTERS if f.field == name), None)
    if found is None:
        raise KeyError(f"no filter {name!r}")
    return found


def choice_filters() -> tuple[ChoiceFilter, ...]:
    """The filters of fixed choices (those the protection grid restricts by level)."""
    return tuple(f for f in FILTERS if isinstance(f, ChoiceFilter))


def incidents_where() -> str:
    """The WHERE condition of every filter over ``incidents_monthly``'s columns, with named
    parameters only (``Filters.sql_params`` binds them)."""
    return " AND ".join(f"({f.sql})" for f in FILTERS)
