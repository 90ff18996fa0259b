"""The ETL command line: ingest, report and demo against a copy of the built database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from config import PROJECT_ROOT
from etl import __main__ as cli
from etl.__main__ import main
from etl.database import lock_is_held
from etl.reference import sources
from publish.stage import published_build
from query.products import facts_stamp

HEADER = "incident_id,date,commune_code,incident_type,population,actor,source\n"


@pytest.fixture()
def env(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    return db


def test_ingest_then_report(env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "march.csv"
    path.write_text(
        "incident_id,date,commune_code,incident_type,population,actor,source\n"
        "m-1,2013-03-02,120201,venue_raid,fsw,police,CLI test\n"
        "m-2,2013-03-02,120201,raid,fsw,police,CLI test\n",
        encoding="utf-8",
    )
    assert main(["ingest", "incidents", str(path), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "loaded incidents/march.csv: 2 read = 1 loaded + 1 quarantined" in out
    assert main(["ingest", "incidents", str(path), "--quiet"]) == 0
    assert "unchanged incidents/march.csv" in capsys.readouterr().out
    assert main(["report"]) == 0
    report = capsys.readouterr().out
    assert "march.csv" in report and "[incident_type] '…' is not one of" in report


def test_ingest_refuses_a_bad_file_and_keeps_the_database(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = env.read_bytes()
    assert main(["ingest", "incidents", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert env.read_bytes() == before
    bad = tmp_path / "bad.csv"
    bad.write_text("incident_id,date\n1,2012-01-01\n", encoding="utf-8")
    assert main(["ingest", "incidents", str(bad), "--quiet"]) == 2
    assert (
        "REJECTED incidents/bad.csv: bad.csv: rejected as incidents: missing required"
        in capsys.readouterr().out
    )


def test_demo_writes_labelled_files(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--scale", "1000", "--seed", "3", "--out", str(out)]) == 0
    assert "wrote synthetic demonstration data" in capsys.readouterr().out
    assert (out / "incidents" / "synthetic_incidents.csv").is_file()
    assert (out / "demo_parameters.json").is_file()


def test_cli_reports_bad_input_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ATLAS_REFERENCE_DIR", str(tmp_path / "nothing"))
    monkeypatch.setenv("ATLAS_DOWNLOAD_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "atlas.duckdb"))
    monkeypatch.setattr(sources, "_download", _offline)
    assert main(["build", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: boundaries/khm_adm3_communes.geojson is missing")
    assert "Traceback" not in err
    assert not (tmp_path / "atlas.duckdb").exists()


def _offline(url: str, target: Path) -> None:
    raise OSError("network unreachable")


def test_demo_takes_the_pilot_effect(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--scale", "500", "--pilot-effect", "0.25", "--out", str(out)]) == 0
    stored = json.loads((out / "demo_parameters.json").read_text(encoding="utf-8"))
    assert stored["parameters"]["pilot_effect"] == 0.25
    monkeypatch.setenv("ATLAS_DEMO_PILOT_EFFECT", "0")
    assert main(["demo", "--scale", "500", "--out", str(out)]) == 0
    stored = json.loads((out / "demo_parameters.json").read_text(encoding="utf-8"))
    assert stored["parameters"]["pilot_effect"] == 0.0
    capsys.readouterr()
    assert main(["demo", "--scale", "500", "--pilot-effect", "1.5", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("error: pilot effect 1.5: expected a fraction from 0") and "Trace" not in err
    )


def test_a_bad_ncdd_file_gives_a_message(
    built_db: Path,
    reference_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    reference = tmp_path / "reference"
    (reference / "covariates").mkdir(parents=True)
    (reference / "boundaries").symlink_to(reference_dir / "boundaries")
    ncdd = reference / "covariates" / "ncdd_commune_database_2011.csv"
    ncdd.write_text("Code,Name\n10201,Banteay Neang\n", encoding="utf-8")
    monkeypatch.setenv("ATLAS_REFERENCE_DIR", str(reference))
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "atlas.duckdb"))
    monkeypatch.setenv("ATLAS_REPORT_DIR", str(tmp_path / "reports"))
    monkeypatch.setenv("ATLAS_DEMO_DIR", str(built_db.parent / "demo"))
    assert main(["build", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {ncdd}: missing columns ['NCDD_CodeP', 'NCDD_CodeC'")
    assert "Traceback" not in err and not (tmp_path / "atlas.duckdb").exists()


def test_ingest_publishes_once_the_facts_are_in_and_the_lock_is_free(
    env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = []

    def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        seen.append((command[1:], lock_is_held(env.with_name(env.name + ".lock")),
                     facts_stamp(env).build_id))  # fmt: skip
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(cli.subprocess, "run", run)
    before = facts_stamp(env).build_id
    path = tmp_path / "april.csv"
    path.write_text(
        f"{HEADER}a-1,2013-04-02,120201,venue_raid,fsw,police,CLI test\n", encoding="utf-8"
    )
    assert main(["ingest", "incidents", str(path), "--quiet"]) == 0
    ((args, locked, build),) = seen
    assert args == ["-m", "publish", "--db", str(env)] and not locked
    assert build != before  # the new facts were in before the stage started
    assert "publishing the products derived from the facts: python -m publish --db" in (
        capsys.readouterr().out
    )
    assert main(["ingest", "incidents", str(path), "--quiet", "--no-publish"]) == 0
    assert len(seen) == 1


def test_the_command_runs_the_stage_in_a_process_of_its_own(env: Path, tmp_path: Path) -> None:
    path = tmp_path / "may.csv"
    path.write_text(
        f"{HEADER}b-1,2013-05-02,120201,venue_raid,fsw,police,CLI test\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "etl", "ingest", "incidents", str(path), "--quiet"],
        cwd=PROJECT_ROOT, env={**os.environ, "ATLAS_DB_PATH": str(env)}, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    build = facts_stamp(env).build_id
    assert f"published build {build} in " in done.stdout
    assert published_build(env)[0] == build
