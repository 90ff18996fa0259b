"""The shared filters as a value: what every page's numbers are about.

``Filters`` is a 12-month window (any first month), one incident type or group of types, one
population or group, one actor, and an optional province. Single choices and fixed windows are
part of how numbers are protected (``query.grid``): the same cells are asked for again and
again, never a new overlapping one whose difference with another would isolate a few incidents.
The value is checked when made, so a query never receives a value that is not in an allow-list;
``sql_params`` gives its named SQL parameters and ``describe`` says it in words (legends,
downloads, the briefing pack).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from i18n import t
from vocabulary import ACTORS, INCIDENT_TYPES, KEY_POPULATIONS, PILOT_TYPES, POPULATIONS

#: Every period is twelve consecutive months.
WINDOW_MONTHS = 12
# ASCII digits only (Python's \d also matches Khmer and full-width digits), the whole text.
PROVINCE_CODE = re.compile(r"[0-9]{2}")
ALL = "all"
#: The populations the "key populations" group holds (those with size estimates).
KEY_POPULATIONS_GROUP = KEY_POPULATIONS
#: The groups a filter may choose besides one value, with the values they hold.
GROUPS = {
    "incident_type": {"arrests_confiscations": PILOT_TYPES},
    "population": {"key_populations": KEY_POPULATIONS},
    "actor": {},
}
VALUES = {"incident_type": INCIDENT_TYPES, "population": POPULATIONS, "actor": ACTORS}
#: Every choice of each filter, in the order the sidebar offers them.
CHOICES = {name: (ALL, *GROUPS[name], *values) for name, values in VALUES.items()}
#: The label prefix of each filter's values (``type_venue_raid``).
PREFIXES = {"incident_type": "type_", "population": "pop_", "actor": "actor_"}


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month`` (before, if negative)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_text(month: date) -> str:
    """A month as links and files write it: ``2014-01``."""
    return f"{month.year:04d}-{month.month:02d}"


def choice_label(name: str, value: str, lang: str) -> str:
    """One filter choice in words (``All``, ``Arrests and confiscations``, ``Venue raid``)."""
    if value == ALL:
        return t("all", lang)
    if value in GROUPS[name]:
        return t(f"group_{value}", lang)
    return t(PREFIXES[name] + value, lang)


@dataclass(frozen=True)
class Filters:
    """What the user looks at: the twelve months from ``start``, one choice per filter."""

    start: date
    incident_type: str = ALL
    population: str = ALL
    actor: str = ALL
    province: str | None = None

    def __post_init__(self) -> None:
        """Refuse filters that cannot be queried.

        Raises:
            ValueError: if ``start`` is not a first day of a month, a choice is not in its
                allow-list or the province is not two digits.
        """
        if not isinstance(self.start, date) or self.start.day != 1:
            raise ValueError(f"a month is the first day of a month, got {self.start!r}")
        for name, allowed in CHOICES.items():
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} {getattr(self, name)!r} is not one of {allowed}")
        if self.province is not None and not PROVINCE_CODE.fullmatch(str(self.province)):
            raise ValueError(f"a province code is two digits, got {self.province!r}")

    @property
    def end(self) -> date:
        """The first day of the window's last month."""
        return add_months(self.start, WINDOW_MONTHS - 1)

    @property
    def months(self) -> int:
        """Number of months in the period (always ``WINDOW_MONTHS``)."""
        return WINDOW_MONTHS

    def previous(self) -> Filters:
        """The twelve months just before these, with the same choices."""
        return replace(self, start=add_months(self.start, -WINDOW_MONTHS))

    def values(self, name: str) -> tuple[str, ...]:
        """The contract values one filter's choice stands for (all of them for ``all``).

        Raises:
            KeyError: if ``name`` is not a filter.
        """
        chosen = getattr(self, name)
        if chosen == ALL:
            return VALUES[name]
        return GROUPS[name].get(chosen, (chosen,))

    def sql_params(self) -> dict[str, object]:
        """The named SQL parameters of these filters: ``$start``, ``$end`` (first days of the
        first and last month), ``$types``, ``$pops``, ``$actors`` (lists of contract values,
        never empty) and ``$province`` (NULL for the whole country)."""
        return {
            "start": self.start,
            "end": self.end,
            "types": list(self.values("incident_type")),
            "pops": list(self.values("population")),
            "actors": list(self.values("actor")),
            "province": self.province,
        }

    def describe(self, lang: str, province_names: Mapping[str, str] | None = None) -> str:
        """The filters in words, for legends, downloads and the briefing pack: the period, then
        each filter's choice, then the place."""
        parts = [f"{month_text(self.start)} – {month_text(self.end)}"]
        for name in CHOICES:
            parts.append(f"{t(f'describe_{name}', lang)}: "
                         f"{choice_label(name, getattr(self, name), lang)}")  # fmt: skip
        if self.province is None:
            parts.append(t("whole_country", lang))
        else:
            name = (province_names or {}).get(self.province, self.province)
            parts.append(f"{t('province', lang)}: {name}")
        return " · ".join(parts)
