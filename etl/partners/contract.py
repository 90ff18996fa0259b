"""The data contract (``shared/spec/data-contract.md``) as data: what each kind of file holds.

Every identifier used in generated SQL comes from here, never from an input file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vocabulary import (
    ACTIVITIES,
    ACTORS,
    EARLIEST_YEAR,
    INCIDENT_TYPES,
    POPULATIONS,
    PROGRAMMES,
    SERVICE_TYPES,
)

LOCATION_COLUMNS = ("commune_code", "lon", "lat", "province", "district", "commune")


@dataclass(frozen=True)
class Column:
    """One contract column: ``kind`` is text, enum, date, month, int, float, bool or list;
    ``year`` marks a whole number that is a year (one above 2400 is read in the Buddhist Era,
    as dates are: ``etl.partners.dates``)."""

    name: str
    kind: str
    required: bool = False
    default: str | None = None
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    year: bool = False


@dataclass(frozen=True)
class Contract:
    """What one kind of file holds, and how its rows are placed and identified.

    ``place`` is ``commune`` (commune code, coordinates or names), ``province`` (code or name
    in column ``province``) or ``none``. ``key`` columns identify a row within its source.
    """

    kind: str
    columns: tuple[Column, ...]
    place: str
    key: tuple[str, ...] = ()
    private_columns: tuple[str, ...] = field(default=())

    def required(self) -> list[str]:
        """Names of the required columns (the location columns are checked separately)."""
        return [c.name for c in self.columns if c.required]

    def names(self) -> list[str]:
        """Every contract column of this kind, location columns included."""
        place = list(LOCATION_COLUMNS) if self.place == "commune" else []
        return [c.name for c in self.columns] + [p for p in place if p not in self.column_names()]

    def column_names(self) -> set[str]:
        """Names of the declared (non-location) columns."""
        return {c.name for c in self.columns}


CONTRACTS: dict[str, Contract] = {
    "incidents": Contract(
        "incidents",
        (
            Column("incident_id", "text", required=True),
            Column("date", "date", required=True),
            Column("incident_type", "enum", required=True, values=INCIDENT_TYPES),
            Column("population", "enum", required=True, values=POPULATIONS),
            Column("actor", "enum", required=True, values=ACTORS),
            Column("people_affected", "int", default="1", minimum=1),
            Column("referred_to_services", "bool"),
            Column("source", "text", required=True),
            Column("verified", "bool", default="false"),
        ),
        place="commune",
        key=("source", "incident_id"),
        private_columns=("lon", "lat"),
    ),
    "services": Contract(
        "services",
        (
            Column("service_id", "text", required=True),
            Column("service_type", "enum", required=True, values=SERVICE_TYPES),
            Column("populations", "list", values=POPULATIONS),
            Column("operator", "text", required=True),
            Column("opened", "date", required=True),
            Column("closed", "date"),
            Column("public", "bool", default="false"),
        ),
        place="commune",
        key=("operator", "service_id"),
    ),
    "service_activity": Contract(
        "service_activity",
        (
            Column("service_id", "text", required=True),
            Column("operator", "text", required=True),
            Column("month", "month", required=True),
            Column("contacts", "int", required=True, minimum=0),
            Column("population", "enum", values=POPULATIONS),
        ),
        place="none",
        key=("operator", "service_id", "month", "population"),
    ),
    "partnership": Contract(
        "partnership",
        (
            Column("programme", "enum", required=True, values=PROGRAMMES),
            Column("activity", "enum", required=True, values=ACTIVITIES),
            Column("start_date", "date", required=True),
            Column("end_date", "date"),
            Column("participants", "int", minimum=0),
            Column("partner", "text"),
        ),
        place="commune",
    ),
    "academies": Contract(
        "academies",
        (
            Column("academy", "text", required=True),
            Column("province", "text", required=True),
            Column("adopted", "date", required=True),
            Column("modules_delivered", "int", minimum=0, maximum=9),
            Column("trainees", "int", minimum=0),
            Column("pre_test_mean", "float", minimum=0, maximum=100),
            Column("post_test_mean", "float", minimum=0, maximum=100),
        ),
        place="province",
        key=("academy",),
    ),
    "kp_estimates": Contract(
        "kp_estimates",
        (
            Column("province", "text", required=True),
            Column("population", "enum", required=True, values=POPULATIONS),
            Column("year", "int", required=True, minimum=EARLIEST_YEAR, maximum=2100, year=True),
            Column("estimate", "int", required=True, minimum=0),
            Column("low", "int", minimum=0),
            Column("high", "int", minimum=0),
            Column("source", "text", required=True),
        ),
        place="province",
        key=("province", "population", "year", "source"),
    ),
}
