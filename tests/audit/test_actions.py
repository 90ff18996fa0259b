"""Each kind of action leaves its line: a command-line ingest (in its own process, as an
operator runs it) and a download's callable (run outside the page run, as on a click)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import audit
from config import PROJECT_ROOT


def write_incidents(path: Path, rows: int, bad_type: bool = False) -> Path:
    """``rows`` synthetic arrests in Kep's Angkaol commune (the last of an unknown type when
    ``bad_type``), as a partner would send them."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["incident_id", "date", "commune_code", "incident_type", "population",
                      "actor", "source"])  # fmt: skip
        for i in range(rows):
            kind = "not_a_type" if bad_type and i == rows - 1 else "arrest_detention"
            out.writerow([f"AUD-{i:03d}", f"2014-06-{i % 28 + 1:02d}", "230101", kind, "pwud",
                          "police", "SYNTHETIC audit test"])  # fmt: skip
    return path


def _ingest(db: Path, log: Path, *files: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATLAS_DB_PATH": str(db), "ATLAS_AUDIT_LOG": str(log)}
    command = [sys.executable, "-m", "etl", "ingest", "incidents", *map(str, files), "--quiet"]
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)


def test_a_command_line_ingest_leaves_one_line_per_file(built_db: Path, tmp_path: Path) -> None:
    db, log = tmp_path / "atlas.duckdb", tmp_path / "audit.jsonl"
    shutil.copy(built_db, db)
    good = write_incidents(tmp_path / "audit_good.csv", 4, bad_type=True)
    bad = tmp_path / "audit_bad.csv"
    bad.write_text("incident_id,date\nX-1,2014-01-01\n", encoding="utf-8")
    done = _ingest(db, log, good, bad)
    assert done.returncode == 2, done.stderr  # a file was rejected
    entries = audit.read_entries(log)
    assert [(e.action, e.role, e.file, e.rows, e.outcome) for e in entries] == [
        ("ingest", "cli", "incidents/audit_good.csv", 4, "loaded"),
        ("ingest", "cli", "incidents/audit_bad.csv", None, "rejected"),
    ]
    assert {e.user for e in entries} == {audit.os_user()}
    assert [e.sha256 for e in entries] == [audit.sha256_of(good), audit.sha256_of(bad)]
    again = _ingest(db, log, good)
    assert again.returncode == 0
    assert audit.read_entries(log)[-1].outcome == "unchanged"


def test_an_ingest_that_fails_whole_is_audited_too(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    good = write_incidents(tmp_path / "audit_good.csv", 2)
    done = _ingest(tmp_path / "absent.duckdb", log, good)
    assert done.returncode == 2 and "build it first" in done.stderr
    (entry,) = audit.read_entries(log)
    assert (entry.file, entry.rows, entry.outcome) == ("incidents/audit_good.csv", None, "failed")


def _download_script() -> None:
    import streamlit as st

    from ui.audited import audited, csv_rows
    from ui.guard import record_page

    record_page("explore")  # as the router does before it runs the page
    content = b"commune,count\r\n010201,12\r\n010202,<5\r\n"
    st.session_state["build"] = audited(
        "download", lambda: content, file_name="atlas_01.csv", rows=csv_rows
    )


@pytest.mark.parametrize(
    ("user", "role"), [({"email": "ana@unaids.org"}, "analyst"), ({}, "analyst")]
)
def test_a_download_is_audited_when_its_callable_runs(
    atlas_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user: dict, role: str
) -> None:
    log = tmp_path / "audit.jsonl"
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(log))
    at = AppTest.from_function(_download_script, default_timeout=60)
    at.user = user
    at.query_params["province"] = "01"
    at.run()
    assert not at.exception
    assert not log.exists()  # drawing the button builds nothing and records nothing
    content = at.session_state["build"]()  # as Streamlit runs it on a click: outside the run
    (entry,) = audit.read_entries(log)
    assert (entry.user, entry.role, entry.action) == (user.get("email", "anonymous"), role,
                                                       "download")  # fmt: skip
    assert (entry.link, entry.file, entry.rows) == ("/explore?province=01", "atlas_01.csv", 2)
    assert entry.sha256 == audit.sha256_of(content)


def test_an_ingest_whose_line_cannot_be_written_is_refused_and_loads_nothing(
    built_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    before = db.read_bytes()
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the log's folder should be\n", encoding="utf-8")
    good = write_incidents(tmp_path / "audit_good.csv", 4)
    done = _ingest(db, blocker / "audit.jsonl", good)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: the audit log cannot be written (setting ATLAS_AUDIT_LOG: Not a directory); "
        "nothing was loaded"
    )
    assert db.read_bytes() == before  # the database was not replaced
