"""One writer at a time: a second ingest waits for the first (two processes), and one that
cannot get the lock in time says so and changes nothing."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import config
from etl.__main__ import main

HEADER = "incident_id,date,commune_code,incident_type,population,actor,source"


@pytest.fixture()
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, path)
    monkeypatch.setenv("ATLAS_DB_PATH", str(path))
    return path


@contextlib.contextmanager
def held(db: Path) -> Iterator[None]:
    """Hold the database's write lock, as a running build or ingest does."""
    with (db.parent / f"{db.name}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def partner_file(folder: Path, name: str, incident: str) -> Path:
    path = folder / name
    path.write_text(
        f"{HEADER}\n{incident},2013-03-02,120201,venue_raid,fsw,police,Lock test\n",
        encoding="utf-8",
    )
    return path


def test_two_concurrent_ingests_both_end_up_loaded(db: Path, tmp_path: Path) -> None:
    files = [partner_file(tmp_path, f"{n}.csv", n) for n in ("first", "second")]
    env = {**os.environ, "ATLAS_DB_PATH": str(db)}
    command = [sys.executable, "-m", "etl", "ingest", "incidents", "--quiet"]
    with held(db):  # both start while a load runs: each must wait, not copy the old file
        runs = [
            subprocess.Popen(
                [*command, str(f)], cwd=config.PROJECT_ROOT, env=env, stderr=subprocess.PIPE,
                stdout=subprocess.PIPE, text=True,
            )
            for f in files
        ]  # fmt: skip
        for run in runs:
            assert "waiting for another build or ingest" in run.stderr.readline()
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.execute(
            "SELECT file_name, rows_loaded FROM load_log WHERE file_name IN "
            "('first.csv', 'second.csv') ORDER BY 1"
        ).fetchall()
        ids = con.execute(
            "SELECT incident_id FROM incidents WHERE source = 'Lock test' ORDER BY 1"
        ).fetchall()
    assert loaded == [("first.csv", 1), ("second.csv", 1)]
    assert ids == [("first",), ("second",)]


def test_a_writer_that_cannot_get_the_lock_says_so(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    path = partner_file(tmp_path, "late.csv", "late")
    with held(db):
        code = main(["ingest", "incidents", str(path), "--quiet", "--wait", "0.3"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"error: {db} is being written by another build or ingest" in err
    assert "still running after 0.3 s; nothing was changed" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_every_write_of_the_facts_records_a_new_build_id(db: Path) -> None:
    from etl.database import atomic_update
    from query.products import facts_stamp

    before = facts_stamp(db)
    with atomic_update(db):
        pass
    after = facts_stamp(db)
    assert len(after.build_id) == 32 and after.build_id != before.build_id
    assert after.written_at >= before.written_at and after.written_at.endswith("+00:00")
    with duckdb.connect(str(db), read_only=True) as con:
        keys = [k for (k,) in con.execute("SELECT key FROM build_info").fetchall()]
    assert keys.count("build_id") == 1 and keys.count("facts_written_at") == 1
