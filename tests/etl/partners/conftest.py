"""Fixtures for partner files: a writable copy of the built database, and helpers that load a
file made in the test and return what was loaded and quarantined."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import partners

TODAY = date(2026, 11, 25)
HEADER = "incident_id,date,commune_code,incident_type,population,actor,source"


@pytest.fixture()
def con(built_db: Path, tmp_path: Path):
    copy = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, copy)
    connection = duckdb.connect(str(copy))
    partners.prepare(connection)
    yield connection
    connection.close()


@pytest.fixture()
def db_env(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built database that the commands read (``ATLAS_DB_PATH``)."""
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    return db


@dataclass
class Loaded:
    """One file's load: the result, its loaded rows and its quarantine lines."""

    result: partners.LoadResult
    rows: pd.DataFrame
    quarantine: pd.DataFrame

    def reasons(self) -> list[str]:
        return self.quarantine["reason"].tolist()


def ingest(con: duckdb.DuckDBPyConnection, path: Path, kind: str = "incidents") -> Loaded:
    """Ingest ``path``; check read = loaded + quarantined against the tables themselves."""
    result = partners.ingest_file(con, kind, path, TODAY)
    fid = f"{kind}/{path.name}"
    rows = con.execute(
        f"SELECT * FROM {kind} WHERE file_identity = ? ORDER BY row_number", [fid]
    ).df()
    quarantine = con.execute(
        "SELECT * FROM quarantine WHERE file_identity = ? ORDER BY row_number, reason", [fid]
    ).df()
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    assert result.rows_loaded == len(rows)
    assert result.rows_quarantined == quarantine["row_number"].nunique()
    return Loaded(result, rows, quarantine)


def good_line(i: int, **changes: str) -> str:
    """A valid incident as a CSV line (no quoting needed)."""
    values = {
        "incident_id": f"T-{i}",
        "date": "2012-05-14",
        "commune_code": "010201",
        "incident_type": "arrest_detention",
        "population": "pwud",
        "actor": "police",
        "source": "Test NGO",
        **changes,
    }
    return ",".join(values[c] for c in HEADER.split(","))
