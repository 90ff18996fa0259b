"""``python -m query.export``: one CSV per link, in order, as the page's download gives it; a bad
link is answered with the page's message and its default view, never a stop half way."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

import audit
from config import PROJECT_ROOT
from tests.conftest import write_partner_incidents
from vocabulary import MIXED_LABEL


def run_export(db: Path, out: Path, *links: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATLAS_DB_PATH": str(db)}
    return subprocess.run([sys.executable, "-m", "query.export", *links, "--out", str(out)],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)  # fmt: skip


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_each_link_gets_its_table_in_order(built_db: Path, tmp_path: Path) -> None:
    links = [
        "from=2014-01&to=2014-12&type=arrest_detention&province=12&level=district",
        "?province=23",
        "from=2013-01&to=2014-12&type=arrest_detention&province=12",  # 24 months, a type
        "from=2099-01",  # outside the data
        "province=99&commune=x'%20OR%201=1",
    ]
    result = run_export(built_db, tmp_path, *links)
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert files == ["0001.csv", "0002.csv", "0003.csv", "0004.csv", "0005.csv"]
    first = read(tmp_path / "0001.csv")
    assert set(first["level"]) == {"district"} and set(first["province_code"]) == {"12"}
    assert set(first["incident_type"]) == {"arrest_detention"}
    assert first["data"].eq("synthetic demonstration data").all()
    assert not first["incidents"].isin(["1", "2", "3", "4"]).any()
    kep = read(tmp_path / "0002.csv")
    assert len(kep) == 5 and set(kep["level"]) == {"commune"}
    # a longer period reads the calendar year of its end, and the type moves it to districts
    third = read(tmp_path / "0003.csv")
    assert set(third["period_from"]) == {"2014-01"} and set(third["level"]) == {"district"}
    assert "link 3" in result.stderr and "calendar years only" in result.stderr
    assert "link 4" in result.stderr and "outside the data" in result.stderr
    assert "link 5" in result.stderr and "does not exist" in result.stderr
    national = read(tmp_path / "0005.csv")
    assert len(national) == 210  # the default view: the whole country by district
    with (tmp_path / "0001.csv").open(encoding="utf-8-sig") as handle:
        assert "protection" in next(csv.reader(handle))


def test_the_briefing_audience_gets_provinces_only(built_db: Path, tmp_path: Path) -> None:
    result = run_export(built_db, tmp_path, "province=12&commune=120203", "level=district",
                        "level=province&type=venue_raid", "--audience", "briefing")  # fmt: skip
    assert result.returncode == 0, result.stderr
    tables = [read(tmp_path / f"000{i}.csv") for i in (1, 2, 3)]
    assert [set(t["level"]) for t in tables] == [{"province"}] * 3
    assert len(tables[0]) == 1 and len(tables[1]) == 25
    assert not {"commune_code", "district_code"} & set(tables[1].columns)
    assert result.stderr.count("provinces only") == 2
    analyst = run_export(built_db, tmp_path / "analyst", "level=province&type=venue_raid")
    assert analyst.returncode == 0
    assert (
        read(tmp_path / "analyst" / "0001.csv")["incidents"].tolist()
        == tables[2]["incidents"].tolist()
    )  # the same published numbers from either store


def test_a_missing_database_is_a_message(tmp_path: Path) -> None:
    result = run_export(tmp_path / "absent.duckdb", tmp_path / "out", "province=12")
    assert result.returncode == 2 and "python -m etl build" in result.stderr


def test_with_the_audit_log_unwritable_nothing_is_exported(built_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the log's folder should be\n", encoding="utf-8")
    env = {**os.environ, "ATLAS_DB_PATH": str(built_db),
           "ATLAS_AUDIT_LOG": str(blocker / "audit.jsonl")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "query.export", "province=12", "--out", str(tmp_path / "out")],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: the audit log cannot be written (setting ATLAS_AUDIT_LOG: Not a directory); "
        "nothing more was exported"
    )
    assert not (tmp_path / "out").exists()


def test_each_file_is_recorded_with_the_bytes_written(built_db: Path, tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    env = {**os.environ, "ATLAS_DB_PATH": str(built_db), "ATLAS_AUDIT_LOG": str(log)}
    result = subprocess.run(
        [sys.executable, "-m", "query.export", "province=12", "province=23", "--out",
         str(tmp_path / "out")], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    entries = audit.read_entries(log)
    assert [(e.action, e.file) for e in entries] == [("export", "0001.csv"), ("export", "0002.csv")]
    for entry in entries:
        assert entry.sha256 == audit.sha256_of(tmp_path / "out" / entry.file)
    assert audit.verify(log).intact


def test_a_demo_build_with_a_partner_file_exports_as_partly_synthetic(
    built_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    env = {**os.environ, "ATLAS_DB_PATH": str(db)}
    partner = write_partner_incidents(tmp_path / "partners")
    subprocess.run([sys.executable, "-m", "etl", "ingest", "incidents", str(partner), "--quiet",
                    "--no-publish"],
                   cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)  # fmt: skip
    result = run_export(db, tmp_path / "out", "province=12&level=district")
    assert result.returncode == 0, result.stderr
    table = read(tmp_path / "out" / "0001.csv")
    assert table["data"].eq(MIXED_LABEL).all()
