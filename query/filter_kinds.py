"""The kinds of filter the shared view is made of, and what a kind does with a declaration.

The filters themselves are declared once, in ``query.filter_table``; this module declares none.
It holds what the table's entries share, as datasette's ``filters.py`` does: read a filter from
a link and write it back, check a value, the SQL fragment and the parameters a value binds, the
filter's part of the sentence that says the view in words, its export columns, and which of its
choices each map level offers (the protection grid, ``query.grid``).

Three kinds: the twelve-month period (``PeriodFilter``: its window grid is a rule the table
names), one choice among fixed values and groups (``ChoiceFilter``: incident type, population,
actor, and any filter added later), and the province (``ProvinceFilter``: its choices are the
provinces of the database). Every kind has the same attributes (``key``, ``field``, ``params``,
``sql``, ``widget``, ``default``, ``blank``) and methods (``check``, ``parse``, ``to_link``,
``bind``, ``words``, ``export``, ``offered``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from i18n import t
from query.months import add_months, month_text, parse_month
from query.sql import parameter_names, province_condition

#: The map levels, finest first: the levels at which a choice may be offered.
LEVELS = ("commune", "district", "province")
#: The choice of every value of a filter (its default).
ALL = "all"
# ASCII digits only (Python's \d also matches Khmer and full-width digits), the whole text.
PROVINCE_CODE = re.compile(r"[0-9]{2}")


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


@dataclass(frozen=True)
class Scope:
    """What a link is read against: the first and last month with data, and the provinces."""

    bounds: tuple[date, date]
    provinces: frozenset[str] = frozenset()


def parse_choice(
    name: str, params: Mapping[str, str], allowed: tuple[str, ...], default: str
) -> tuple[str, Problem | None]:
    """One value of a link parameter that must be one of ``allowed``: the default when the
    link has none, the default and a ``bad_choice`` problem when it is not allowed."""
    if name not in params:
        return default, None
    if params[name] in allowed:
        return params[name], None
    return default, Problem("bad_choice", {"name": name, "value": quoted(params[name]),
                                           "allowed": ", ".join(allowed)})  # fmt: skip


def _check_sql(sql: str, names: set[str]) -> None:
    """Raises ValueError unless the fragment names exactly the parameters ``names``."""
    if parameter_names(sql) != names:
        raise ValueError(f"the fragment {sql!r} must name the parameters {sorted(names)}")


def every_month(bounds: tuple[date, date], months: int) -> list[date]:
    """A window grid: the first months of every ``months``-long window that lies within the
    data (``bounds``: the first and last month with data), or, with less data than one window,
    the window that ends with the last month."""
    first, last = bounds
    latest = add_months(last, 1 - months)
    if latest < first:
        return [latest]
    starts = [first]
    while starts[-1] < latest:
        starts.append(add_months(starts[-1], 1))
    return starts


@dataclass(frozen=True)
class PeriodFilter:
    """The period: ``months`` consecutive months from a first month (the view's ``start``),
    chosen among the windows the rule ``starts`` gives for the data (the window grid)."""

    key: str
    field: str
    params: tuple[str, str]  # the link's first and last month
    months: int
    starts: Callable[[tuple[date, date], int], list[date]]
    sql: str  # names $start and $end, the first days of the first and last month
    columns: tuple[str, str]  # the export's first and last month
    widget: str = "period"
    default: None = None  # no fixed default: the last window of the data (``default_start``)
    blank: None = None

    def __post_init__(self) -> None:
        """Raises ValueError if the fragment does not name exactly ``$start`` and ``$end``."""
        _check_sql(self.sql, {"start", "end"})

    def end(self, start: date) -> date:
        """The first day of the last month of the window from ``start``."""
        return add_months(start, self.months - 1)

    def window_starts(self, bounds: tuple[date, date]) -> list[date]:
        """The first months of the windows one may ask for, given the months with data."""
        return self.starts(bounds, self.months)

    def default_start(self, bounds: tuple[date, date]) -> date:
        """The default window's first month: the last window of the data."""
        return self.window_starts(bounds)[-1]

    def check(self, value: object) -> None:
        """Raises ValueError if ``value`` is not the first day of a month."""
        if not isinstance(value, date) or value.day != 1:
            raise ValueError(f"a month is the first day of a month, got {value!r}")

    def parse(self, params: Mapping[str, str], scope: Scope) -> tuple[date, Problem | None]:
        """The window a link's first/last month ask for (the last window of a longer or
        shorter period, with a note), else the default with the reason."""
        first_key, last_key = self.params
        default = self.default_start(scope.bounds)
        if first_key not in params and last_key not in params:
            return default, None
        shown = {"from": quoted(params.get(first_key, "")), "to": quoted(params.get(last_key, ""))}
        start = parse_month(params[first_key]) if first_key in params else None
        end = parse_month(params[last_key]) if last_key in params else None
        if (first_key in params and start is None) or (last_key in params and end is None):
            return default, Problem("bad_period_format", shown)
        if start and end and start > end:
            return default, Problem("bad_period_reversed", shown)
        first = start if end is None else add_months(end, 1 - self.months)
        note = None
        if start and end and first != start:
            shown = {"from": month_text(first), "to": month_text(end)}
            note = Problem("period_is_twelve_months", shown)
        starts = self.window_starts(scope.bounds)
        if first not in starts:
            return default, Problem("bad_period_range", {
                **shown, "first": month_text(starts[0]),
                "last": month_text(self.end(starts[-1]))})  # fmt: skip
        return first, note

    def to_link(self, value: date, scope: Scope) -> dict[str, str]:
        """The link's first and last month, when the window is not the default."""
        if value == self.default_start(scope.bounds):
            return {}
        return dict(zip(self.params, (month_text(value), month_text(self.end(value))), strict=True))

    def bind(self, value: date) -> dict[str, object]:
        """``$start`` and ``$end``: the first days of the window's first and last month."""
        return {"start": value, "end": self.end(value)}

    def words(self, value: date, lang: str, province_names: Mapping[str, str]) -> str:
        """The window in words: ``2014-01 – 2014-12``."""
        return f"{month_text(value)} – {month_text(self.end(value))}"

    def export(self, value: date) -> dict[str, str]:
        """The export's columns: the window's first and last month."""
        return dict(zip(self.columns, (month_text(value), month_text(self.end(value))),
                        strict=True))  # fmt: skip

    def offered(self, level: str) -> None:
        """Every window is offered at every level (None: no restriction by level)."""
        return None


@dataclass(frozen=True)
class Choice:
    """One choice of a filter: its value (in links, widgets and ``Filters``), the contract
    values it stands for (what its SQL parameter binds), the i18n key of its label, and the
    map levels that offer it (the protection grid)."""

    value: str
    stands_for: tuple[str, ...]
    label: str
    levels: tuple[str, ...] = LEVELS


def each_value(
    values: tuple[str, ...], label_prefix: str, levels: tuple[str, ...]
) -> tuple[Choice, ...]:
    """One choice per contract value, standing for itself, labelled ``label_prefix + value``."""
    return tuple(Choice(v, (v,), label_prefix + v, levels) for v in values)


@dataclass(frozen=True)
class ChoiceFilter:
    """One choice among fixed values and groups of values; ``all`` (the first choice, offered
    at every level) is the default. The SQL fragment names one parameter, ``$param``, which a
    choice binds to the list of contract values it stands for (never empty)."""

    key: str  # the link parameter and the widget's name
    field: str  # the ``Filters`` attribute and the export column
    label: str  # i18n key of the widget's label
    sentence: str  # i18n key that starts the filter's part of the sentence
    sql: str
    param: str
    choices: tuple[Choice, ...]
    widget: str = "select"
    default: str = ALL
    blank: None = None

    def __post_init__(self) -> None:
        """Refuse a declaration the atlas could not serve.

        Raises:
            ValueError: if the fragment does not name exactly ``$param``, two choices share a
                value, a choice stands for nothing or names an unknown level, or the default
                is not the first choice and offered at every level.
        """
        _check_sql(self.sql, {self.param})
        values = [c.value for c in self.choices]
        if len(set(values)) != len(values):
            raise ValueError(f"{self.field}: two choices share a value in {values}")
        for choice in self.choices:
            if not choice.stands_for or not set(choice.levels) <= set(LEVELS):
                raise ValueError(f"{self.field}: choice {choice.value!r} stands for nothing or "
                                 f"names a level not in {LEVELS}")  # fmt: skip
        if values[:1] != [self.default] or self.choices[0].levels != LEVELS:
            raise ValueError(f"{self.field}: the default {self.default!r} must be the first "
                             "choice, offered at every level")  # fmt: skip

    @property
    def params(self) -> tuple[str]:
        """The link parameter: the filter's key."""
        return (self.key,)

    def values(self) -> tuple[str, ...]:
        """Every choice, in the order the sidebar offers them."""
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice:
        """The declared choice ``value``.

        Raises:
            ValueError: if the filter has no such choice.
        """
        found = next((c for c in self.choices if c.value == value), None)
        if found is None:
            raise ValueError(f"{self.field} {value!r} is not one of {self.values()}")
        return found

    def check(self, value: object) -> None:
        """Raises ValueError if ``value`` is not one of the filter's choices."""
        if not isinstance(value, str):
            raise ValueError(f"{self.field} {value!r} is not one of {self.values()}")
        self.choice(value)

    def offered(self, level: str) -> tuple[str, ...]:
        """The choices ``level`` offers, in order."""
        return tuple(c.value for c in self.choices if level in c.levels)

    def stands_for(self, value: str) -> tuple[str, ...]:
        """The contract values the choice ``value`` stands for.

        Raises:
            ValueError: if the filter has no such choice.
        """
        return self.choice(value).stands_for

    def choice_for(self, values: tuple[str, ...] | list[str]) -> str | None:
        """The choice that stands for exactly these contract values (in any order), or None."""
        wanted = set(values)
        return next((c.value for c in self.choices if set(c.stands_for) == wanted), None)

    def parse(self, params: Mapping[str, str], scope: Scope) -> tuple[str, Problem | None]:
        """The choice a link asks for (the default, with a problem, if it is not one)."""
        return parse_choice(self.key, params, self.values(), self.default)

    def to_link(self, value: str, scope: Scope) -> dict[str, str]:
        """The link parameter, when the choice is not the default."""
        return {} if value == self.default else {self.key: value}

    def bind(self, value: str) -> dict[str, object]:
        """``$param``: the list of contract values the choice stands for."""
        return {self.param: list(self.stands_for(value))}

    def label_of(self, value: str, lang: str) -> str:
        """One choice in words (``All``, ``Arrests and confiscations``, ``Venue raid``)."""
        return t(self.choice(value).label, lang)

    def words(self, value: str, lang: str, province_names: Mapping[str, str]) -> str:
        """The filter's part of the sentence: ``Incidents: Venue raid``."""
        return f"{t(self.sentence, lang)}: {self.label_of(value, lang)}"

    def export(self, value: str) -> dict[str, str]:
        """The export's column: the choice, as the link writes it."""
        return {self.field: value}


@dataclass(frozen=True)
class ProvinceFilter:
    """The province in focus (its two-digit code), or the whole country (None). Its choices
    are the provinces of the database; every level offers each of them."""

    key: str
    field: str
    column: str  # the two-digit code's column (a fixed name of the query layer)
    label: str  # i18n key of the widget's label and of the sentence's part
    everywhere: str  # i18n key of the whole country
    widget: str = "province"
    default: None = None
    blank: str = ""  # a selectbox shows None as "nothing chosen": the widget holds "" for None

    @property
    def params(self) -> tuple[str]:
        """The link parameter: the filter's key."""
        return (self.key,)

    @property
    def sql(self) -> str:
        """``$province`` (NULL keeps every province) on the code column."""
        return province_condition(self.column)

    def check(self, value: object) -> None:
        """Raises ValueError if ``value`` is neither None nor two ASCII digits."""
        if value is not None and not PROVINCE_CODE.fullmatch(str(value)):
            raise ValueError(f"a province code is two digits, got {value!r}")

    def parse(self, params: Mapping[str, str], scope: Scope) -> tuple[str | None, Problem | None]:
        """The province a link asks for, if the database has it (else the whole country and
        a problem)."""
        value = params.get(self.key) or None
        if value is not None and value not in scope.provinces:
            return None, Problem("bad_province", {"value": quoted(value)})
        return value, None

    def to_link(self, value: str | None, scope: Scope) -> dict[str, str]:
        """The link parameter, when a province is in focus."""
        return {} if value is None else {self.key: value}

    def bind(self, value: str | None) -> dict[str, object]:
        """``$province``: the code, or NULL for the whole country."""
        return {"province": value}

    def words(self, value: str | None, lang: str, province_names: Mapping[str, str]) -> str:
        """``Whole country``, or ``Province: <its name>`` (the code when no name is given)."""
        if value is None:
            return t(self.everywhere, lang)
        return f"{t(self.label, lang)}: {province_names.get(value, value)}"

    def export(self, value: str | None) -> dict[str, str]:
        """No column: the export's rows carry their province code already."""
        return {}

    def offered(self, level: str) -> None:
        """Every province at every level (None: no restriction by level)."""
        return None


#: A filter of the table.
Filter = PeriodFilter | ChoiceFilter | ProvinceFilter
