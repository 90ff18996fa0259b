"""Ingest partner files: every row read is loaded or quarantined, and the log says so.

A file's identity is its kind and its file name (``incidents/outreach_2013.csv``): ingesting
the same bytes again changes nothing; different bytes under the same identity replace the rows
of the earlier version. Content is compared by SHA-256.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from etl.partners.contract import CONTRACTS, Column, Contract
from etl.partners.readers import ROW, ROW_OF_STAGED, FileRejected, file_sha256, stage_file
from etl.partners.validation import check_rows

SQL_TYPES = {
    "text": "VARCHAR",
    "enum": "VARCHAR",
    "date": "DATE",
    "month": "DATE",
    "int": "BIGINT",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "list": "VARCHAR[]",
}
PLACE_COLUMNS = {
    "commune": (
        ("commune_code", "VARCHAR"),
        ("polygon_id", "VARCHAR"),
        ("province_code", "VARCHAR"),
    ),
    "province": (("province_code", "VARCHAR"),),
    "none": (),
}
# Services marked public may be drawn as points: their coordinates are kept, nobody else's.
POINT_KEPT_IF = {"services": "public"}


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


def file_identity(kind: str, path: Path) -> str:
    """``kind/file name``: the same name under the same kind is the same file, re-sent."""
    return f"{kind}/{path.name}"


def enum_type(col: Column) -> str:
    """The DuckDB ENUM type of an enum column (shared by columns with the same name)."""
    return f"{col.name}_t"


def _columns(contract: Contract) -> list[tuple[str, str]]:
    cols = [
        (c.name, enum_type(c) if c.kind == "enum" else SQL_TYPES[c.kind]) for c in contract.columns
    ]
    cols += [c for c in PLACE_COLUMNS[contract.place] if c[0] not in contract.column_names()]
    if contract.kind in POINT_KEPT_IF:
        cols += [("lon", "DOUBLE"), ("lat", "DOUBLE")]
    return [*cols, ("file_identity", "VARCHAR"), ("row_number", "BIGINT")]


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the load log, the quarantine, the raw extras and one table per kind (if absent)."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS load_log (file_identity VARCHAR PRIMARY KEY, file_name VARCHAR,"
        " kind VARCHAR, sha256 VARCHAR, rows_read BIGINT, rows_loaded BIGINT,"
        " rows_quarantined BIGINT, loaded_at TIMESTAMP)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS rejected_files (file_identity VARCHAR, file_name VARCHAR,"
        " kind VARCHAR, sha256 VARCHAR, message VARCHAR, rejected_at TIMESTAMP)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS quarantine (file_identity VARCHAR, file_name VARCHAR,"
        ' kind VARCHAR, row_number BIGINT, "column" VARCHAR, reason VARCHAR, raw_values JSON)'
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS raw_extra (file_identity VARCHAR, row_number BIGINT,"
        " extra JSON)"
    )
    existing = {r[0] for r in con.execute("SELECT type_name FROM duckdb_types()").fetchall()}
    for contract in CONTRACTS.values():
        for col in contract.columns:
            if col.kind == "enum" and enum_type(col) not in existing:
                con.execute(f"CREATE TYPE {enum_type(col)} AS ENUM {tuple(col.values)}")
                existing.add(enum_type(col))
    for kind, contract in CONTRACTS.items():
        cols = ", ".join(f'"{n}" {t}' for n, t in _columns(contract))
        con.execute(f"CREATE TABLE IF NOT EXISTS {kind} ({cols})")


def _missing_columns(contract: Contract, found: set[str]) -> list[str]:
    missing = [c for c in contract.required() if c not in found]
    if contract.place == "commune":
        by_code = "commune_code" in found
        by_point = {"lon", "lat"} <= found
        by_name = "commune" in found
        if not (by_code or by_point or by_name):
            missing.append("commune_code (or lon and lat, or province/district/commune names)")
    return missing


def _raw_json(contract: Contract, columns: tuple[str, ...]) -> str:
    """SQL for a row's raw values as JSON; coordinates rounded to 2 decimals (about 1 km)."""
    parts = []
    for name in columns:
        ident = '"' + name.replace('"', '""') + '"'
        if name in ("lon", "lat"):
            value = f"coalesce(CAST(round(try_cast(s.{ident} AS DOUBLE), 2) AS VARCHAR), s.{ident})"
        else:
            value = f"s.{ident}"
        parts.append(f"'{name.replace(chr(39), chr(39) * 2)}', {value}")
    return f"json_object({', '.join(parts)})" if parts else "'{}'::JSON"


def _typed_select(contract: Contract) -> str:
    cols = []
    for name, _ in _columns(contract):
        if name == "file_identity":
            cols.append("$fid")
        elif name == "row_number":
            cols.append(f"c.{ROW}")
        elif name in ("lon", "lat"):
            keep = POINT_KEPT_IF[contract.kind]
            cols.append(f"CASE WHEN c.{keep} THEN try_cast(s.{name} AS DOUBLE) END")
        else:
            cols.append(f"c.{name}")
    return ", ".join(cols)


def ingest_file(
    con: duckdb.DuckDBPyConnection, kind: str, path: Path, today: date | None = None
) -> LoadResult:
    """Validate one partner file and load its rows, replacing an earlier version of the file.

    Needs the spatial extension loaded (point in polygon) and the boundary tables present.

    Raises:
        KeyError: if ``kind`` is not a contract kind.
        FileRejected: if the file cannot be read or lacks a required column; nothing of it is
            loaded and the database is unchanged. The message lists what was expected and found.
    """
    contract = CONTRACTS[kind]
    identity, sha = file_identity(kind, path), file_sha256(path)
    previous = con.execute(
        "SELECT sha256 FROM load_log WHERE file_identity = ?", [identity]
    ).fetchone()
    if previous and previous[0] == sha:
        return LoadResult(path.name, kind, "unchanged", message="same content already loaded")
    staged = stage_file(con, path, "staged")
    missing = _missing_columns(contract, set(staged.columns))
    if missing:
        raise FileRejected(
            f"{path.name}: rejected as {kind}: missing required column(s) {', '.join(missing)}. "
            f"Expected columns: {', '.join(contract.names())}. Found: {', '.join(staged.columns)}."
        )
    check_rows(con, staged.table, staged.columns, contract, identity, today or date.today())
    extra = [c for c in staged.columns if c not in set(contract.names())]
    _store(con, contract, path, identity, sha, staged.columns, extra)
    read, loaded, quarantined = con.execute(
        "SELECT rows_read, rows_loaded, rows_quarantined FROM load_log WHERE file_identity = ?",
        [identity],
    ).fetchone()
    status = "replaced" if previous else "loaded"
    return LoadResult(path.name, kind, status, read, loaded, quarantined)


def _store(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    path: Path,
    identity: str,
    sha: str,
    columns: tuple[str, ...],
    extra: list[str],
) -> None:
    params = {"fid": identity}
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
        con.execute(
            f"INSERT INTO {contract.kind} SELECT {_typed_select(contract)} FROM checked c "
            f"{staged} WHERE len(c.errors) = 0",
            params,
        )
        con.execute(
            "INSERT INTO quarantine SELECT $fid, $name, $kind, c._row, e.err.column, e.err.reason, "
            f"{_raw_json(contract, columns)} "
            "FROM (SELECT _row, errors FROM checked WHERE len(errors) > 0) c "
            f"JOIN staged s ON s.{ROW_OF_STAGED} = c.{ROW}, unnest(c.errors) AS e(err)",
            {**params, "name": path.name, "kind": contract.kind},
        )
        if extra:
            con.execute(
                f"INSERT INTO raw_extra SELECT $fid, s.{ROW_OF_STAGED}, "
                f"{_raw_json(contract, tuple(extra))} FROM staged s",
                params,
            )
        con.execute(
            "INSERT INTO load_log SELECT $fid, $name, $kind, $sha, count(*), "
            "count(*) FILTER (len(errors) = 0), count(*) FILTER (len(errors) > 0), $now "
            "FROM checked",
            {**params, "name": path.name, "kind": contract.kind, "sha": sha,
             "now": datetime.now(UTC).replace(tzinfo=None)},
        )  # fmt: skip
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def log_rejection(con: duckdb.DuckDBPyConnection, kind: str, path: Path, message: str) -> None:
    """Record a rejected file in ``rejected_files``. None of its rows is loaded; an earlier
    version of the file, if loaded, stays loaded and keeps its ``load_log`` line."""
    con.execute(
        "INSERT INTO rejected_files VALUES (?, ?, ?, ?, ?, ?)",
        [
            file_identity(kind, path),
            path.name,
            kind,
            file_sha256(path),
            message,
            datetime.now(UTC).replace(tzinfo=None),
        ],
    )
