"""Nothing kept that could locate a person: coordinates rounded to 2 decimals (about 1 km)
wherever a raw value is kept, whatever their notation, and coordinate columns not kept at all.

Raw values are kept in three places: ``quarantine`` (values, reason texts and parameters),
``raw_extra`` (the file's columns outside the contract) and ``rejected_files`` (messages). A
number that could be a latitude or longitude in or near Cambodia (8-16 °N, 101-109 °E) written
with more than 2 decimals (``104.915493``, ``104,915493`` with a decimal comma and at least 4
decimals, ``104.915493°E``) or in degrees and minutes (``104°54'55.8"E``, ``11°33.2'N``,
``104 54 55.8 E``) is rounded; an extra column named for coordinates (``lat``, ``lon``, ``gps``,
``x``, ``coordinates``...) is dropped. A number with a comma and exactly 3 digits after it
(``12,500``) is read as thousands and left as it is.
"""

from __future__ import annotations

import json
import re

import duckdb

LATITUDES = (8.0, 16.0)
LONGITUDES = (101.0, 109.0)
COORDINATE_WORDS = frozenset(
    {
        "lat", "lon", "lng", "long", "latitude", "longitude", "gps", "coord", "coords",
        "coordinate", "coordinates", "geolocation", "geopoint", "easting", "northing", "utm",
        "latlon", "latlong", "latlng", "lonlat", "wkt", "geom", "geometry", "x", "y", "xy",
    }
)  # fmt: skip
# Minute and second marks as written, and as a CSV field ("") or a reason ('') escapes them.
_DEGREES = re.compile(
    r"(?<![\d.,])(?P<deg>\d{1,3})\s*(?:[°º˚]|d(?=\s*\d))\s*"
    r"(?:(?P<min>\d{1,2}(?:[.,]\d+)?)\s*(?:''|['′’´]|m(?![a-z]))?\s*"
    r"(?:(?P<sec>\d{1,2}(?:[.,]\d+)?)\s*(?:\"\"|\"|''|['′]{2}|″|”|s(?![a-z]))?)?)?\s*"
    r"(?P<hem>[NSEWnsew](?![a-zA-Z]))?"
)
_SPACED = re.compile(
    r"(?<![\d.,])(?P<deg>\d{1,3})\s+(?P<min>\d{1,2})\s+(?P<sec>\d{1,2}(?:[.,]\d+)?)\s*"
    r"(?P<hem>[NSEWnsew])(?![a-zA-Z])"
)
_DOT = re.compile(r"(?<![\d.])(?P<int>\d{1,3})\.(?P<frac>\d{3,})(?!\d)")
# A decimal comma needs 4 decimals (12,500 is a thousand-separated number) and does not follow
# a comma, a date's or time's separator (``2012-05-14,010201`` is a date and a code in a CSV
# line, not 14.010201; a decimal comma in a CSV line is quoted or follows a semicolon).
_COMMA = re.compile(r"(?<![\d.,\-/:])(?P<int>\d{1,3}),(?P<frac>\d{4,})(?!\d)")
# A superset of the three, in DuckDB's regular expressions: rows that may need rounding.
# Python's \d takes Khmer digits (U+17E0 to U+17E9) too, DuckDB's does not: they are named
# here (by code point: the code holds no Khmer script, tests/test_i18n.py).
_DIGIT = "[0-9\u17e0-\u17e9]"
CANDIDATE = _DIGIT + "[.,]" + _DIGIT + r"{3}|[°º˚]|\d\s*d\s*\d|\d\s+\d{1,2}\s+\d"


def _near_cambodia(value: float) -> bool:
    return LATITUDES[0] <= value <= LATITUDES[1] or LONGITUDES[0] <= value <= LONGITUDES[1]


def _number(text: str | None) -> float:
    return float(text.replace(",", ".")) if text else 0.0


def _round_degrees(match: re.Match) -> str:
    if match.group("min") is None:
        return match.group(0)  # whole degrees say nothing finer than 100 km
    value = _number(match["deg"]) + _number(match["min"]) / 60 + _number(match["sec"]) / 3600
    if not _near_cambodia(value):
        return match.group(0)
    return f"{value:.2f}°{(match['hem'] or '').upper()}"


def _round_decimal(match: re.Match) -> str:
    value = float(f"{match['int']}.{match['frac']}")
    if not _near_cambodia(value):
        return match.group(0)
    rounded = f"{value:.2f}"
    return rounded if "." in match.group(0) else rounded.replace(".", ",")


def round_coordinates(text: str) -> str:
    """``text`` with every coordinate-like number near Cambodia rounded to 2 decimals."""
    if not text:
        return text
    text = _SPACED.sub(_round_degrees, text)
    text = _DEGREES.sub(_round_degrees, text)
    return _COMMA.sub(_round_decimal, _DOT.sub(_round_decimal, text))


def is_coordinate_column(name: str) -> bool:
    """Whether a (normalised) column name says it holds coordinates (``gps_lat``, ``x``)."""
    words = set(re.split(r"[^a-z0-9]+", name.lower()))
    return bool(words & COORDINATE_WORDS) or name.lower() in COORDINATE_WORDS


def _round_json(raw: str) -> str:
    values = json.loads(raw)
    if isinstance(values, dict):
        values = {k: round_coordinates(v) if isinstance(v, str) else v for k, v in values.items()}
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def round_stored_coordinates(
    con: duckdb.DuckDBPyConnection, table: str, text: list[str], json_columns: list[str], fid: str
) -> int:
    """Round the coordinates in ``table``'s text and JSON columns, for the rows of file
    ``fid``; return how many rows changed. Only rows that may hold one are read back.

    ``table`` and the column names come from the ETL's own fixed lists.
    """
    columns = [*text, *json_columns]
    where = " OR ".join(f'regexp_matches(CAST("{c}" AS VARCHAR), $re)' for c in columns)
    select = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' for c in columns)
    found = con.execute(
        f"SELECT rowid AS rid, {select} FROM {table} WHERE file_identity = $fid AND ({where})",
        {"fid": fid, "re": CANDIDATE},
    ).df()
    if found.empty:
        return 0
    for c in text:
        found[c] = found[c].map(lambda v: round_coordinates(v) if isinstance(v, str) else v)
    for c in json_columns:
        found[c] = found[c].map(lambda v: _round_json(v) if isinstance(v, str) else v)
    con.register("_rounded", found)
    sets = ", ".join(
        f'"{c}" = r."{c}"' if c in text else f'"{c}" = CAST(r."{c}" AS JSON)' for c in columns
    )
    con.execute(f"UPDATE {table} SET {sets} FROM _rounded r WHERE {table}.rowid = r.rid")
    con.unregister("_rounded")
    return len(found)
