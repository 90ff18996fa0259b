"""A running dashboard reads the database as it is now: after an ingest replaces the file, the
next page run shows the new numbers (DuckDB would otherwise keep serving the replaced file)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from config import PROJECT_ROOT
from query.view import Filters
from tests.pages.test_explore import published_total
from tests.pages.test_pages import app, metric

NEW_INCIDENTS = 50


def write_incidents(path: Path, n: int) -> Path:
    """``n`` synthetic arrests in Kep's Angkaol commune in June 2014, as a partner would send."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["incident_id", "date", "commune_code", "incident_type", "population",
                      "actor", "source"])  # fmt: skip
        for i in range(n):
            out.writerow([f"LIVE-{i:03d}", f"2014-06-{i % 28 + 1:02d}", "230101",
                          "arrest_detention", "pwud", "police", "SYNTHETIC live test"])  # fmt: skip
    return path


def ingest(db: Path, kind: str, path: Path) -> None:
    """Run the CLI's ingest against ``db`` in its own process, as an operator would."""
    env = {**os.environ, "ATLAS_DB_PATH": str(db)}
    command = [sys.executable, "-m", "etl", "ingest", kind, str(path), "--quiet"]
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)


@pytest.fixture()
def live_db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test database that this test may change, read by an analyst: the file
    ingested is a partner's, so the data become mixed and a visitor without sign-in would be
    given the briefing role (``tests/pages/test_audiences.py``)."""
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", "analyst")
    return db


def test_the_next_run_after_an_ingest_shows_the_new_data(live_db: Path, tmp_path: Path) -> None:
    at = app().run()
    before = int(metric(at, "Incidents in the period").replace(",", ""))
    ingest(live_db, "incidents", write_incidents(tmp_path / "live_2014.csv", NEW_INCIDENTS))
    at.run()  # the same session's next run
    assert not at.exception
    after = int(metric(at, "Incidents in the period").replace(",", ""))
    # Published counts are rounded to a multiple of 5, each within 4 of the truth: 50 more
    # incidents read 42 to 58 more, in steps of 5.
    assert abs(after - before - NEW_INCIDENTS) <= 8 and (after - before) % 5 == 0
    assert metric(at, "Incidents in the period") == published_total(live_db, Filters(
        date(2014, 1, 1)))  # fmt: skip
