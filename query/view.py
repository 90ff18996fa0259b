"""The shared filters as a value: what every page's numbers are about.

``Filters`` holds one value per filter of the table (``query.filter_table``): a window of the
period's grid (its first month, ``start``), one choice of each filter of fixed choices (incident
type, population, actor: one value or one group) and an optional province. Single choices and
fixed windows are part of how numbers are protected (``query.grid``): the same cells are asked
for again and again, never a new overlapping one whose difference with another would isolate a
few incidents. The value is checked when made, so a query never receives a value that is not in
an allow-list; ``sql_params`` gives its named SQL parameters and ``describe`` says it in words
(legends, downloads, the briefing pack). It is frozen and hashable (Streamlit caches on it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from query import filter_table
from query.filter_kinds import ALL, PROVINCE_CODE, ChoiceFilter
from query.months import add_months, month_text
from vocabulary import KEY_POPULATIONS

__all__ = ["ALL", "KEY_POPULATIONS_GROUP", "PROVINCE_CODE", "Filters", "add_months",
           "month_text"]  # fmt: skip

#: The populations the "key populations" group holds (those with size estimates).
KEY_POPULATIONS_GROUP = KEY_POPULATIONS


def __getattr__(name: str) -> object:
    """``CHOICES``: every choice of each filter of fixed choices, in the sidebar's order, as
    the table declares them now (computed on each use, never a stale copy).

    Raises:
        AttributeError: for any other name.
    """
    if name == "CHOICES":
        return {f.field: f.values() for f in filter_table.choice_filters()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, init=False, repr=False)
class Filters:
    """What the user looks at: the window from ``start``, and one value per other filter of
    the table, read as attributes (``filters.incident_type``, ``filters.province``).

    Made as ``Filters(start, incident_type, population, actor, province)`` (the table's order
    after the period; the defaults for those not given) or with keywords.
    ``dataclasses.replace`` works on it.
    """

    start: date
    chosen: tuple[tuple[str, object], ...]  # (field, value) of every other filter, in order

    def __init__(
        self, start: date, *values: object, chosen: tuple[tuple[str, object], ...] = (),
        **named: object,
    ) -> None:  # fmt: skip
        """Refuse filters that cannot be queried.

        Raises:
            TypeError: if a value is given for no filter, or twice.
            ValueError: if ``start`` is not a first day of a month, a choice is not in its
                allow-list or the province is not two digits.
        """
        period, *others = filter_table.table()
        if len(values) > len(others):
            raise TypeError(f"Filters takes at most {len(others) + 1} values by position")
        given = dict(chosen)
        for item, value in zip(others, values, strict=False):
            if item.field in named:
                raise TypeError(f"Filters got two values for {item.field!r}")
            given[item.field] = value
        given.update(named)
        unknown = set(given) - {f.field for f in others}
        if unknown:
            raise TypeError(f"Filters got values for no filter: {sorted(unknown)}")
        period.check(start)
        for item in others:
            item.check(given.get(item.field, item.default))
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "chosen", tuple(
            (f.field, given.get(f.field, f.default)) for f in others))  # fmt: skip

    def __getattr__(self, name: str) -> object:
        """The value of the filter whose field is ``name``.

        Raises:
            AttributeError: if no filter has that field.
        """
        for field, value in self.__dict__.get("chosen", ()):
            if field == name:
                return value
        raise AttributeError(f"'Filters' object has no attribute {name!r}")

    def __repr__(self) -> str:
        """``Filters(start=..., incident_type=..., ...)``."""
        values = ", ".join(f"{k}={v!r}" for k, v in (("start", self.start), *self.chosen))
        return f"Filters({values})"

    @property
    def end(self) -> date:
        """The first day of the window's last month."""
        return filter_table.PERIOD.end(self.start)

    @property
    def months(self) -> int:
        """Number of months in the period (the window's length)."""
        return filter_table.PERIOD.months

    def previous(self) -> Filters:
        """The window just before this one, with the same choices."""
        return replace(self, start=add_months(self.start, -self.months))

    def values(self, name: str) -> tuple[str, ...]:
        """The contract values one filter's choice stands for (all of them for ``all``).

        Raises:
            KeyError: if ``name`` is not a filter of fixed choices.
        """
        item = filter_table.by_field(name)
        if not isinstance(item, ChoiceFilter):
            raise KeyError(f"{name!r} is not a filter of fixed choices")
        return item.stands_for(getattr(self, name))

    def sql_params(self) -> dict[str, object]:
        """The named SQL parameters of every filter (``filter_table.incidents_where``):
        ``$start``, ``$end`` (first days of the first and last month), ``$types``, ``$pops``,
        ``$actors`` (lists of contract values, never empty), ``$province`` (NULL for the whole
        country), and those of any other filter of the table."""
        params: dict[str, object] = {}
        for item in filter_table.table():
            params.update(item.bind(getattr(self, item.field)))
        return params

    def describe(self, lang: str, province_names: Mapping[str, str] | None = None) -> str:
        """The filters in words, for legends, downloads and the briefing pack: each filter's
        part in the table's order (the period, each choice, then the place)."""
        names = province_names or {}
        return " · ".join(f.words(getattr(self, f.field), lang, names)
                          for f in filter_table.table())  # fmt: skip
