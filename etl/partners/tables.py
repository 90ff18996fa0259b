"""The partner tables: the load log, the quarantine, the raw extras and one table per kind."""

from __future__ import annotations

import duckdb

from etl.partners.contract import CONTRACTS, Column, Contract

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
# Kinds whose rows get a record key (etl.partners.record_keys).
KEYED_KINDS = ("incidents",)


def enum_type(col: Column) -> str:
    """The DuckDB ENUM type of an enum column (shared by columns with the same name)."""
    return f"{col.name}_t"


def table_columns(contract: Contract) -> list[tuple[str, str]]:
    """``(name, SQL type)`` of the kind's table, in order."""
    cols = [
        (c.name, enum_type(c) if c.kind == "enum" else SQL_TYPES[c.kind]) for c in contract.columns
    ]
    cols += [c for c in PLACE_COLUMNS[contract.place] if c[0] not in contract.column_names()]
    if contract.kind in POINT_KEPT_IF:
        cols += [("lon", "DOUBLE"), ("lat", "DOUBLE")]
    if contract.kind in KEYED_KINDS:
        cols += [("record_key", "INTEGER")]
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
        ' kind VARCHAR, row_number BIGINT, "column" VARCHAR, code VARCHAR, params JSON,'
        " reason VARCHAR, raw_values JSON)"
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
        cols = ", ".join(f'"{n}" {t}' for n, t in table_columns(contract))
        con.execute(f"CREATE TABLE IF NOT EXISTS {kind} ({cols})")
