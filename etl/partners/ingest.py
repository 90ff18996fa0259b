"""Ingest partner files: every row read is loaded or quarantined, and the log says so.

A file's identity is its kind and its file name (``incidents/outreach_2013.csv``): ingesting
the same bytes again changes nothing; different bytes under the same identity replace the rows
of the earlier version. Content is compared by SHA-256. A new version that would load no rows,
or fewer than half the rows the loaded version has loaded (rows it would quarantine count for
nothing), is refused unless asked for (``allow_fewer``): a header-only file sent under a
loaded file's name, or one whose every row is quarantined, wipes nothing by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from etl.partners.contract import CONTRACTS, Contract
from etl.partners.dates import ascii_digits
from etl.partners.privacy import is_coordinate_column, round_coordinates, round_stored_coordinates
from etl.partners.readers import stage_file
from etl.partners.record_keys import record_key_sql, record_secret
from etl.partners.staging import (
    ROW,
    ROW_OF_STAGED,
    UNREADABLE,
    FileRejected,
    file_sha256,
    shown_name,
    with_notes,
)
from etl.partners.tables import KEYED_KINDS, POINT_KEPT_IF, table_columns
from etl.partners.validation import check_rows


@dataclass(frozen=True)
class LoadResult:
    """What happened to one file."""

    file_name: str
    kind: str
    status: str  # loaded, replaced, unchanged, rejected
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str = ""


class FewerRows(FileRejected):
    """A new version of a loaded file would load no rows or far fewer (see ``SHRINK_SHARE``),
    and replacing the loaded one with it was not asked for."""


#: A new version with fewer rows than this share of the rows now loaded from the file is
#: refused unless asked for (0 rows are always "fewer" when any row is loaded).
SHRINK_SHARE = 0.5
#: How to ask, as the refusal says it.
ALLOW_FEWER = (
    "to replace it anyway, run python -m etl ingest KIND FILE --allow-fewer-rows, or tick "
    "'Replace a loaded file even with far fewer rows' on the Partner files page"
)


def file_identity(kind: str, path: Path) -> str:
    """``kind/file name``: the same name under the same kind is the same file, re-sent."""
    return f"{kind}/{path.name}"


def _missing_columns(contract: Contract, found: set[str]) -> list[str]:
    missing = [c for c in contract.required() if c not in found]
    if contract.place == "commune":
        by_code = "commune_code" in found
        by_point = {"lon", "lat"} <= found
        by_name = "commune" in found
        if not (by_code or by_point or by_name):
            missing.append("commune_code (or lon and lat, or province/district/commune names)")
    return missing


def _raw_json(columns: tuple[str, ...]) -> str:
    """SQL for a row's raw values as JSON; coordinates rounded to 2 decimals (about 1 km)."""
    parts = []
    for name in columns:
        ident = '"' + name.replace('"', '""') + '"'
        if name in ("lon", "lat"):
            number = f"try_cast({ascii_digits(f's.{ident}')} AS DOUBLE)"  # Khmer digits too
            value = f"coalesce(CAST(round({number}, 2) AS VARCHAR), s.{ident})"
        else:
            value = f"s.{ident}"
        parts.append(f"'{name.replace(chr(39), chr(39) * 2)}', {value}")
    return f"json_object({', '.join(parts)})" if parts else "'{}'::JSON"


def _typed_select(contract: Contract, staged: tuple[str, ...]) -> str:
    """The checked rows (``c``) as the kind's table columns; a point is kept only where the
    file has lon and lat columns (a services file may place every row by commune code)."""
    cols = []
    for name, _ in table_columns(contract):
        if name == "record_key":
            cols.append(record_key_sql("c"))
        elif name == "file_identity":
            cols.append("$fid")
        elif name == "row_number":
            cols.append(f"c.{ROW}")
        elif name in ("lon", "lat") and not {"lon", "lat"} <= set(staged):
            cols.append("NULL::DOUBLE")
        elif name in ("lon", "lat"):
            keep = POINT_KEPT_IF[contract.kind]
            point = ascii_digits(f"s.{name}")
            cols.append(f"CASE WHEN c.{keep} THEN try_cast({point} AS DOUBLE) END")
        else:
            cols.append(f"c.{name}")
    return ", ".join(cols)


def ingest_file(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    path: Path,
    today: date | None = None,
    secret: str | None = None,
    allow_fewer: bool = False,
) -> LoadResult:
    """Validate one partner file and load its rows, replacing an earlier version of the file.

    Needs the spatial extension loaded (point in polygon) and the boundary tables present.
    Incident rows get their record key from ``secret`` (default: ``record_keys.record_secret``).
    The result's message gathers the notes of the load: extra columns named for coordinates
    (never kept), sheets of a workbook not read, values read in the Buddhist Era or in Khmer
    digits, services placed at their commune rather than by a point.

    Raises:
        KeyError: if ``kind`` is not a contract kind.
        FileRejected: if the file cannot be read or lacks a required column; nothing of it is
            loaded and the database is unchanged. The message lists what was expected and found.
        FewerRows: if the file replaces a loaded version with no rows or far fewer to load
            (``SHRINK_SHARE``; rows it would quarantine do not count) and ``allow_fewer`` is
            not set; the message says what would be lost. Nothing is changed.
        record_keys.SecretFileError: if the record-key secret cannot be read or made.
    """
    contract = CONTRACTS[kind]
    identity, sha = file_identity(kind, path), file_sha256(path)
    previous = con.execute(
        "SELECT sha256, rows_loaded FROM load_log WHERE file_identity = ?", [identity]
    ).fetchone()
    if previous and previous[0] == sha:
        return LoadResult(path.name, kind, "unchanged", message="same content already loaded")
    staged = stage_file(con, path, "staged", kind)
    missing = _missing_columns(contract, set(staged.columns))
    if missing:
        raise FileRejected(
            with_notes(
                f"{path.name}: rejected as {kind}: missing required column(s) "
                f"{', '.join(missing)}. Expected columns: {', '.join(contract.names())}. "
                f"Found: {', '.join(staged.columns)}.",
                staged.notes,
            )
        )
    unreadable = staged.unreadable > 0
    day = today or date.today()
    notes = [*staged.notes, *check_rows(con, staged.table, staged.columns, contract, identity, day,
                                        unreadable)]  # fmt: skip
    if previous and not allow_fewer:
        would = con.execute("SELECT count(*) FILTER (len(errors) = 0) FROM checked").fetchone()[0]
        _refuse_shrinking(identity, previous[1], staged.rows, would)
    extra = [c for c in staged.columns if c not in set(contract.names())]
    dropped = [c for c in extra if is_coordinate_column(c)]
    if kind in KEYED_KINDS and secret is None:
        secret = record_secret()
    stored = _Stored(contract, path, identity, sha, staged.columns, unreadable, secret)
    _store(con, stored, [c for c in extra if c not in dropped])
    read, loaded, quarantined = con.execute(
        "SELECT rows_read, rows_loaded, rows_quarantined FROM load_log WHERE file_identity = ?",
        [identity],
    ).fetchone()
    status = "replaced" if previous else "loaded"
    if dropped:
        notes.insert(0, f"columns not kept (coordinates are never kept): {', '.join(dropped)}")
    notes += _placement_note(con, kind, identity)
    return LoadResult(path.name, kind, status, read, loaded, quarantined, "; ".join(notes))


def _refuse_shrinking(identity: str, loaded_now: int, rows_new: int, would_load: int) -> None:
    """Refuse a new version that would load no rows, or fewer than ``SHRINK_SHARE`` of the
    rows loaded now (rows it would quarantine count for nothing).

    Raises:
        FewerRows: then, saying how many rows are loaded now, how many the file has and how
            many of them would be loaded.
    """
    if loaded_now == 0 or (would_load > 0 and would_load >= loaded_now * SHRINK_SHARE):
        return
    share = f"{SHRINK_SHARE:.0%}"
    version = f"{rows_new:,} rows"
    if would_load < rows_new:
        version += (
            f" of which {would_load:,} would be loaded ({rows_new - would_load:,} quarantined)"
        )
    raise FewerRows(
        f"{identity.split('/', 1)[1]}: not loaded: it would replace {identity}, whose "
        f"{loaded_now:,} rows are loaded now, with a version of {version} "
        f"({loaded_now - would_load:,} rows would be lost; a new version must have at least "
        f"{share} of the rows loaded). Nothing was changed; {ALLOW_FEWER}."
    )


def _placement_note(con: duckdb.DuckDBPyConnection, kind: str, identity: str) -> list[str]:
    """For a kind that may be drawn as points (services): how many loaded rows were placed at
    their commune by code or names (counted in the commune, never drawn), and how many are
    drawn at their point (public, given by lon/lat)."""
    if kind not in POINT_KEPT_IF:
        return []
    by_commune = con.execute(
        "SELECT count(*) FROM checked c JOIN located l USING (_row) "
        "WHERE len(c.errors) = 0 AND l.pt_polygon IS NULL"
    ).fetchone()[0]
    points = con.execute(
        f"SELECT count(*) FROM {kind} WHERE file_identity = ? AND lon IS NOT NULL", [identity]
    ).fetchone()[0]
    if not by_commune:
        return []
    rows = f"{by_commune:,} row" + ("s" if by_commune != 1 else "")
    return [
        f"{rows} placed at their commune by commune code or names: counted in the commune, "
        f"never drawn as points (public services drawn at the lon/lat given: {points:,})"
    ]


@dataclass(frozen=True)
class _Stored:
    """What ``_store`` writes: the file, its staged columns and the record-key secret."""

    contract: Contract
    path: Path
    identity: str
    sha: str
    columns: tuple[str, ...]
    unreadable: bool
    secret: str | None


def _quarantine_sql(stored: _Stored) -> str:
    """Insert every error of every failed row, with the row's raw values (or, for a row the
    reader could not take, its text)."""
    raw = _raw_json(stored.columns)
    join = ""
    if stored.unreadable:
        text = "json_object('row_text', u.raw)"
        raw = f"CASE WHEN coalesce(u.raw, '') <> '' THEN {text} ELSE {raw} END"
        join = f"LEFT JOIN {UNREADABLE} u ON u._row = c.{ROW}"
    return (
        "INSERT INTO quarantine SELECT $fid, $name, $kind, c._row, e.err.column, e.err.code, "
        f"e.err.params, e.err.reason, {raw} "
        "FROM (SELECT _row, errors FROM checked WHERE len(errors) > 0) c "
        f"JOIN staged s ON s.{ROW_OF_STAGED} = c.{ROW} {join}, unnest(c.errors) AS e(err)"
    )


def _store(con: duckdb.DuckDBPyConnection, stored: _Stored, extra: list[str]) -> None:
    """Replace the file's rows, quarantine lines, raw extras and log line, in one transaction;
    coordinates in the kept raw values are rounded."""
    contract, params = stored.contract, {"fid": stored.identity}
    named = {**params, "name": stored.path.name, "kind": contract.kind}
    con.execute("BEGIN TRANSACTION")
    try:
        for table in (contract.kind, "quarantine", "raw_extra", "load_log"):
            con.execute(f"DELETE FROM {table} WHERE file_identity = $fid", params)
        # Only kinds that keep coordinates need the staged text again.
        staged = (
            f"JOIN staged s ON s.{ROW_OF_STAGED} = c.{ROW}"
            if contract.kind in POINT_KEPT_IF
            else ""
        )
        keyed = {"secret": stored.secret} if contract.kind in KEYED_KINDS else {}
        names = ", ".join(f'"{name}"' for name, _ in table_columns(contract))
        con.execute(
            f"INSERT INTO {contract.kind} ({names}) SELECT "
            f"{_typed_select(contract, stored.columns)} "
            f"FROM checked c {staged} WHERE len(c.errors) = 0",
            {**params, **keyed},
        )
        con.execute(_quarantine_sql(stored), named)
        round_stored_coordinates(
            con, "quarantine", ["reason"], ["params", "raw_values"], stored.identity
        )
        if extra:
            con.execute(
                f"INSERT INTO raw_extra SELECT $fid, s.{ROW_OF_STAGED}, "
                f"{_raw_json(tuple(extra))} FROM staged s",
                params,
            )
            round_stored_coordinates(con, "raw_extra", [], ["extra"], stored.identity)
        con.execute(
            "INSERT INTO load_log SELECT $fid, $name, $kind, $sha, count(*), "
            "count(*) FILTER (len(errors) = 0), count(*) FILTER (len(errors) > 0), $now "
            "FROM checked",
            {**named, "sha": stored.sha, "now": datetime.now(UTC).replace(tzinfo=None)},
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def log_rejection(con: duckdb.DuckDBPyConnection, kind: str, path: Path, message: str) -> str:
    """Record a rejected file in ``rejected_files``, coordinates in the message rounded; return
    the message as recorded. None of its rows is loaded; an earlier version of the file, if
    loaded, stays loaded and keeps its ``load_log`` line. A name that is not UTF-8 is recorded
    with its bytes escaped (``staging.shown_name``); a file that cannot be read (a folder)
    has no SHA-256.

    Raises:
        duckdb.Error: only if the table cannot be written.
    """
    message = round_coordinates(message)
    try:
        sha: str | None = file_sha256(path)
    except OSError:
        sha = None
    name = shown_name(path)
    con.execute(
        "INSERT INTO rejected_files VALUES (?, ?, ?, ?, ?, ?)",
        [f"{kind}/{name}", name, kind, sha, message, datetime.now(UTC).replace(tzinfo=None)],
    )
    return message
