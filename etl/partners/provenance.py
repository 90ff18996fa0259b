"""Whose rows the database holds: the synthetic demo set's, partners', or both.

The flag the pages read (``build_info``, key ``etl.schema.SYNTHETIC_FLAG``) describes the
rows, not the build: after every load it is set from the files loaded. The build records the
demo's files as it loads them (table ``demo_files``: identity and SHA-256); every other file in
``load_log`` is a partner's, and so is a demo file replaced by other bytes under its name. The
flag is then ``"true"`` (only demo files), ``"mixed"`` (demo files with partner files:
``etl.schema.SYNTHETIC_MIXED``) or ``"false"`` (no demo file); with no file at all it stays as
the build wrote it. The data label (``partner_data``) follows.

A database built before ``demo_files`` existed and flagged synthetic had only demo files: they
are recorded as such the first time it is prepared for a load.
"""

from __future__ import annotations

import duckdb

from etl.schema import SYNTHETIC_FLAG, SYNTHETIC_MIXED
from vocabulary import MIXED_LABEL, SYNTHETIC_LABEL

DEMO_FILES = "demo_files"
#: The flag's value for the rows at hand, and the data label it goes with.
_STATES = {
    "true": SYNTHETIC_LABEL,
    SYNTHETIC_MIXED: MIXED_LABEL,
    "false": "partner files",
}


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [table]
        ).fetchone()[0]
    )


def _flag(con: duckdb.DuckDBPyConnection) -> str | None:
    if not _exists(con, "build_info"):
        return None
    row = con.execute("SELECT value FROM build_info WHERE key = ?", [SYNTHETIC_FLAG]).fetchone()
    return row[0] if row else None


def create_demo_files(con: duckdb.DuckDBPyConnection) -> None:
    """Create table ``demo_files`` if absent; in a database flagged wholly synthetic before it
    existed, every file loaded is the demo's and is recorded so."""
    if _exists(con, DEMO_FILES):
        return
    con.execute(f"CREATE TABLE {DEMO_FILES} (file_identity VARCHAR, sha256 VARCHAR)")
    if _flag(con) == "true":
        con.execute(f"INSERT INTO {DEMO_FILES} SELECT file_identity, sha256 FROM load_log")


def mark_demo_files(con: duckdb.DuckDBPyConnection, identities: list[str]) -> None:
    """Record the files of ``identities`` as loaded (their current SHA-256) as the demo's."""
    if not identities:
        return
    con.execute(f"DELETE FROM {DEMO_FILES} WHERE list_contains($ids, file_identity)",
                {"ids": identities})  # fmt: skip
    con.execute(
        f"INSERT INTO {DEMO_FILES} SELECT file_identity, sha256 FROM load_log "
        "WHERE list_contains($ids, file_identity)",
        {"ids": identities},
    )


def rows_origin(con: duckdb.DuckDBPyConnection) -> str | None:
    """The flag's value for the files loaded: "true", "mixed" or "false"; None with no file."""
    demo, partner = con.execute(
        f"SELECT count(d.file_identity), count(*) - count(d.file_identity) FROM load_log l "
        f"LEFT JOIN {DEMO_FILES} d ON d.file_identity = l.file_identity AND d.sha256 = l.sha256"
    ).fetchone()
    if demo and partner:
        return SYNTHETIC_MIXED
    if demo or partner:
        return "true" if demo else "false"
    return None


def refresh_flag(con: duckdb.DuckDBPyConnection) -> str | None:
    """Set the synthetic flag and the data label of ``build_info`` from the files loaded;
    return the flag (None when there is no ``build_info`` or no file, and nothing changes)."""
    state = rows_origin(con)
    if state is None or _flag(con) is None:
        return None
    con.execute(
        "UPDATE build_info SET value = $value WHERE key = $key",
        {"value": state, "key": SYNTHETIC_FLAG},
    )
    # A partner build's label names its folder: kept; a label about the demo follows the rows.
    con.execute(
        "UPDATE build_info SET value = $label WHERE key = 'partner_data' "
        "AND ($state <> 'false' OR value IN ($synthetic, $mixed))",
        {"label": _STATES[state], "state": state, "synthetic": SYNTHETIC_LABEL,
         "mixed": MIXED_LABEL},
    )  # fmt: skip
    return state
