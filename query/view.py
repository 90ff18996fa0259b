"""The shared filters as a value: what every page's numbers are about.

``Filters`` is a period of whole months, optional lists of incident types, populations and
actors, and an optional province. It is checked when made, so a query never receives a value
that is not in an allow-list; ``sql_params`` gives its named SQL parameters and ``describe``
says it in words (legends, downloads, the briefing pack).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from i18n import t
from vocabulary import ACTORS, INCIDENT_TYPES, POPULATIONS

# ASCII digits only (Python's \d also matches Khmer and full-width digits), the whole text.
PROVINCE_CODE = re.compile(r"[0-9]{2}")
#: Each list filter: its field, its allowed values (in contract order) and its label prefix.
LIST_FIELDS = (
    ("incident_types", INCIDENT_TYPES, "type_"),
    ("populations", POPULATIONS, "pop_"),
    ("actors", ACTORS, "actor_"),
)


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month`` (before, if negative)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_text(month: date) -> str:
    """A month as links and files write it: ``2014-01``."""
    return f"{month.year:04d}-{month.month:02d}"


@dataclass(frozen=True)
class Filters:
    """What the user looks at. An empty tuple means "all"; months are first days of months."""

    start: date
    end: date
    incident_types: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    province: str | None = None

    def __post_init__(self) -> None:
        """Refuse filters that cannot be queried.

        Raises:
            ValueError: if a month is not a first day, the period is reversed, a value is not
                in its allow-list or the province is not two digits.
        """
        for month in (self.start, self.end):
            if not isinstance(month, date) or month.day != 1:
                raise ValueError(f"a month is the first day of a month, got {month!r}")
        if self.start > self.end:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")
        for name, allowed, _ in LIST_FIELDS:
            unknown = set(getattr(self, name)) - set(allowed)
            if unknown:
                raise ValueError(f"unknown values {sorted(unknown)}; expected some of {allowed}")
        if self.province is not None and not PROVINCE_CODE.fullmatch(str(self.province)):
            raise ValueError(f"a province code is two digits, got {self.province!r}")

    @property
    def months(self) -> int:
        """Number of months in the period."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def previous(self) -> Filters:
        """The period of the same length just before this one, with the same filters."""
        return replace(self, start=add_months(self.start, -self.months),
                       end=add_months(self.start, -1))  # fmt: skip

    def chosen(self, name: str) -> tuple[str, ...]:
        """The values of one list filter asked for (all of them when none is chosen).

        Raises:
            KeyError: if ``name`` is not a list filter.
        """
        allowed = {field: values for field, values, _ in LIST_FIELDS}[name]
        return getattr(self, name) or allowed

    def sql_params(self) -> dict[str, object]:
        """The named SQL parameters of these filters: ``$start``, ``$end`` (first days of the
        first and last month), ``$types``, ``$pops``, ``$actors`` (lists, never empty) and
        ``$province`` (NULL for the whole country)."""
        return {
            "start": self.start,
            "end": self.end,
            "types": list(self.chosen("incident_types")),
            "pops": list(self.chosen("populations")),
            "actors": list(self.chosen("actors")),
            "province": self.province,
        }

    def describe(self, lang: str, province_names: Mapping[str, str] | None = None) -> str:
        """The filters in words, for legends, downloads and the briefing pack: the period, then
        each list filter (its values, or "all ..."), then the place."""
        parts = [f"{month_text(self.start)} – {month_text(self.end)}"]
        for name, _, prefix in LIST_FIELDS:
            values = getattr(self, name)
            label = t(f"describe_{name}", lang)
            shown = ", ".join(t(prefix + v, lang) for v in values) if values else t("all", lang)
            parts.append(f"{label}: {shown}")
        if self.province is None:
            parts.append(t("whole_country", lang))
        else:
            name = (province_names or {}).get(self.province, self.province)
            parts.append(f"{t('province', lang)}: {name}")
        return " · ".join(parts)
