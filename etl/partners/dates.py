"""Dates, months and numbers as Cambodians write them: Khmer digits, Buddhist Era years.

**Khmer digits** (U+17E0 to U+17E9) are read as the digits 0-9 in every date, month, number and
yes/no (1/0) value. **A year above 2400** (``BE_FROM``) is read as a Buddhist Era year: the
Gregorian year is the year - 543 (``2553-05-01`` is 2010-05-01). No Gregorian year above 2400
can be a date the atlas holds (it would be centuries in the future), so the reading loses
nothing; the date it gives is then checked like any other (a real date, not before the
earliest year, not in the future), and a reason for such a date names both what was written
and how it was read. A reason always quotes the value as written (in Khmer digits if so).

Both readings are said in the load's report (``reading_notes``), with an example, never as a
quarantine: ``column date: 3 values read as Buddhist Era years (year - 543), e.g.
'2553-05-01' as 2010-05-01``.
"""

from __future__ import annotations

import re

import duckdb

from etl.partners.contract import Column, Contract
from etl.partners.privacy import round_coordinates
from etl.partners.sqlparts import Check, Parts, check, literal
from vocabulary import EARLIEST_YEAR

KHMER_DIGITS = "".join(chr(0x17E0 + i) for i in range(10))  # zero to nine
#: A year from this one on is read as a Buddhist Era year.
BE_FROM = 2400
#: Gregorian year = Buddhist Era year - BE_OFFSET.
BE_OFFSET = 543
# A time of day after a date is allowed and ignored (``2013-05-01 00:00:00``, as databases and
# spreadsheets write dates); the date is the day.
TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
ISO = r"\d{4}-\d{1,2}-\d{1,2}" + TIME
DMY = r"\d{1,2}/\d{1,2}/\d{4}" + TIME
# A month is YYYY-MM, or the first day of it (an Excel date cell holding a month).
MONTH = r"\d{4}-\d{2}(?:-0?1(?: 00:00(?::00)?)?)?"
# Dates before this are implausible for every date the contract holds (the policy is of 2010).
EARLIEST = f"DATE '{EARLIEST_YEAR}-01-01'"
_TRANSLATION = str.maketrans(KHMER_DIGITS, "0123456789")


def ascii_digits(v: str) -> str:
    """SQL: the text ``v`` with Khmer digits written as 0-9."""
    return f"translate({v}, '{KHMER_DIGITS}', '0123456789')"


def _gregorian(year: str) -> str:
    """SQL: a year as written (an integer expression), in the Gregorian calendar."""
    return f"CASE WHEN {year} >= {BE_FROM} THEN {year} - {BE_OFFSET} ELSE {year} END"


def plausible(col: Column, p: str, v: str, be: str = "false") -> list[Check]:
    """A date or month before the atlas's earliest year, or after today; ``be`` (SQL) says the
    value was read in the Buddhist Era, and the reason then says how it was read."""
    earliest, read = literal(str(EARLIEST_YEAR)), f"strftime({p}, '%Y-%m-%d')"
    if col.kind == "month":
        read = f"strftime({p}, '%Y-%m')"
    return [
        check(f"{p} < {EARLIEST} AND NOT {be}", col.name, "too_early", value=v, earliest=earliest),
        check(f"{p} > $today AND NOT {be}", col.name, "date_in_future", value=v),
        check(
            f"{p} < {EARLIEST} AND {be}", col.name, "be_too_early", value=v, read=read,
            earliest=earliest,
        ),
        check(f"{p} > $today AND {be}", col.name, "be_in_future", value=v, read=read),
    ]  # fmt: skip


def month_parts(col: Column, v: str) -> Parts:
    """YYYY-MM (or the first day of the month), Khmer digits and Buddhist Era years read."""
    p, y, b, n = f"p_{col.name}", f"y_{col.name}", f"b_{col.name}", ascii_digits(v)
    year = f"CASE WHEN regexp_full_match({n}, '{MONTH}') THEN try_cast(left({n}, 4) AS INTEGER) END"
    parse = (
        f"CAST(try_strptime(CAST({_gregorian(y)} AS VARCHAR) || substr({n}, 5, 3) || '-01', "
        "'%Y-%m-%d') AS DATE)"
    )
    return Parts(
        helpers=[f"{year} AS {y}"],
        second=[f"{parse} AS {p}", f"coalesce({y} >= {BE_FROM}, false) AS {b}"],
        value=p,
        errors=[
            check(f"{v} IS NOT NULL AND {p} IS NULL", col.name, "not_month", value=v),
            *plausible(col, p, v, b),
        ],
    )


def date_parts(col: Column, v: str) -> Parts:
    """ISO or DD/MM/YYYY, Khmer digits and Buddhist Era years read. A slash date whose day
    and month are both 12 or less (and differ) is ambiguous unless the file itself shows DD/MM
    (``$dmy_<column>``, see ``dmy_evidence``)."""
    name, n = col.name, ascii_digits(v)
    p, f, a, y, b = (f"{x}_{name}" for x in "pfayb")
    form = (
        f"CASE WHEN regexp_full_match({n}, '{ISO}') THEN 'iso' "
        f"WHEN regexp_full_match({n}, '{DMY}') THEN 'dmy' END"
    )
    # The day as written, its year (the only run of 4 digits) in the Gregorian calendar.
    day_part = f"regexp_extract({n}, '^[^ T]+')"
    day_text = (
        f"CASE WHEN {y} >= {BE_FROM} THEN regexp_replace({day_part}, '\\d{{4}}', "
        f"CAST({y} - {BE_OFFSET} AS VARCHAR)) ELSE {day_part} END"
    )
    parse = (
        f"CAST(CASE {f} WHEN 'iso' THEN try_strptime({day_text}, '%Y-%m-%d') "
        f"WHEN 'dmy' THEN try_strptime({day_text}, '%d/%m/%Y') END AS DATE)"
    )
    day = f"try_cast(split_part({n}, '/', 1) AS INTEGER)"
    month = f"try_cast(split_part({n}, '/', 2) AS INTEGER)"
    ambiguous = (
        f"coalesce({f} = 'dmy' AND {day} <= 12 AND {month} <= 12 AND {day} <> {month} "
        f"AND NOT $dmy_{name}, false)"
    )
    return Parts(
        helpers=[f"{form} AS {f}", f"try_cast(regexp_extract({n}, '\\d{{4}}') AS INTEGER) AS {y}"],
        second=[
            f"{parse} AS {p}",
            f"{ambiguous} AS {a}",
            f"coalesce({f} IS NOT NULL AND {y} >= {BE_FROM}, false) AS {b}",
        ],
        value=f"CASE WHEN {a} THEN NULL ELSE {p} END",
        errors=[
            check(f"{v} IS NOT NULL AND {f} IS NULL", name, "not_date", value=v),
            check(f"{f} IS NOT NULL AND {p} IS NULL", name, "not_real_date", value=v),
            check(a, name, "ambiguous_date", value=v),
            *plausible(col, p, v, b),
        ],
    )


def gregorian_year(v: str) -> str:
    """SQL: a whole-number year as written (Khmer digits read), a Buddhist Era one (above
    2400) as its Gregorian year."""
    return _gregorian(f"try_cast({ascii_digits(v)} AS BIGINT)")


def dmy_evidence(
    con: duckdb.DuckDBPyConnection, staged: str, contract: Contract, present: set[str]
) -> dict[str, bool]:
    """Per date column: does the file show DD/MM (a first part above 12, no second part above
    12 among its slash dates)? Then its other slash dates are read as DD/MM too."""
    evidence = {}
    for col in contract.columns:
        key = f"dmy_{col.name}"
        if col.kind != "date" or col.name not in present:
            evidence[key] = False
            continue
        c = f'"{col.name}"'
        evidence[key] = bool(
            con.execute(
                f"SELECT coalesce(bool_or(try_cast(split_part({c}, '/', 1) AS INTEGER) > 12) "
                f"AND NOT bool_or(try_cast(split_part({c}, '/', 2) AS INTEGER) > 12), false) "
                f"FROM (SELECT {ascii_digits(f'trim({c})')} AS {c} FROM {staged}) "
                f"WHERE regexp_full_match({c}, '{DMY}')"
            ).fetchone()[0]
        )
    return evidence


def _read_as(value: str, buddhist: bool) -> str:
    """How the atlas reads ``value`` (an example for the report): digits as 0-9, a Buddhist
    Era year as its Gregorian year."""
    text = value.translate(_TRANSLATION)
    if buddhist:
        text = re.sub(r"\d{4}", lambda m: str(int(m.group()) - BE_OFFSET), text, count=1)
    return text


def _values(n: int) -> str:
    return f"{n:,} value" + ("s" if n != 1 else "")


def _calendar_columns(contract: Contract, present: set[str]) -> list[Column]:
    return [
        c for c in contract.columns
        if c.name in present and (c.kind in ("date", "month") or c.year)
    ]  # fmt: skip


def _read_if(contract: Contract, name: str, kind: str) -> str:
    """SQL over ``t`` (trimmed), ``c`` (checked) and ``l`` (located): the value of column
    ``name`` was read (a default put in place of an unreadable value does not count)."""
    n = ascii_digits(f"t.v_{name}")
    if kind in ("int", "float"):
        return f"try_cast({n} AS DOUBLE) IS NOT NULL"
    if kind == "bool":
        return f"{n} IN ('0', '1')"
    if name in ("commune_code", "lon", "lat") and contract.place == "commune":
        return f"l.{'code' if name == 'commune_code' else name} IS NOT NULL"
    if name == "province" and contract.place != "none":
        return "c.province_code IS NOT NULL"
    return f"c.{name} IS NOT NULL"  # dates, months, years (``Column.year``): the typed value


def _digit_columns(contract: Contract, present: set[str]) -> list[tuple[str, str]]:
    """``(name, kind)`` of the columns whose Khmer digits are read: every number, date, month
    and yes/no of the contract, and the codes and coordinates that place a row."""
    digit_kinds = ("date", "month", "int", "float", "bool")
    columns = [(c.name, "year" if c.year else c.kind) for c in contract.columns
               if c.kind in digit_kinds]  # fmt: skip
    places = {"commune": ("commune_code", "lon", "lat", "province"), "province": ("province",)}
    columns += [(n, "place") for n in places.get(contract.place, ())]
    return [(n, k) for n, k in columns if n in present]


def reading_notes(
    con: duckdb.DuckDBPyConnection, contract: Contract, present: set[str]
) -> list[str]:
    """What the load's report says of the values read in Khmer digits or in the Buddhist Era
    (temp views ``trimmed``, ``checked`` and, placing by commune, ``located``): per column, how
    many values were read so (a value that could not be read is not counted) and one example,
    as written and as read; coordinates in the example rounded as everywhere."""
    notes = []
    located = "JOIN located l USING (_row)" if contract.place == "commune" else ""
    sql = "SELECT count(*), min(t.v_{0}) FROM trimmed t JOIN checked c USING (_row) {1} WHERE {2}"
    for name, kind in _digit_columns(contract, present):
        khmer = f"regexp_matches(t.v_{name}, '[{KHMER_DIGITS}]')"
        where = f"{khmer} AND {_read_if(contract, name, kind)}"
        n, example = con.execute(sql.format(name, located, where)).fetchone()
        if n:
            note = (
                f"column {name}: {_values(n)} written in Khmer digits read as 0-9, e.g. "
                f"'{example}' as {_read_as(example, False)}"
            )
            notes.append(round_coordinates(note) if name in ("lon", "lat") else note)
    for col in _calendar_columns(contract, present):
        digits = ascii_digits(f"t.v_{col.name}")
        be = f"try_cast(regexp_extract({digits}, '\\d{{4}}') AS INTEGER) >= {BE_FROM}"
        where = f"{be} AND c.{col.name} IS NOT NULL"
        count, example = con.execute(sql.format(col.name, located, where)).fetchone()
        if count:
            notes.append(
                f"column {col.name}: {_values(count)} read as Buddhist Era years (year - "
                f"{BE_OFFSET}), e.g. '{example}' as {_read_as(example, True)}"
            )
    return notes
