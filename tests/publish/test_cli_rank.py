"""``python -m publish rank``: the JSON the issue asks for, from the database or the briefing
store, and the ranking's own message with exit 2 for bad weights."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.ranking import CRITERION_NAMES
from config import PROJECT_ROOT
from etl.schema import briefing_store_path
from publish.__main__ import main

pytestmark = pytest.mark.integration
PROVINCE_KEYS = ["province_code", "name_en", "name_km", "rank", "rank_low", "rank_high",
                 "score", "criteria"]  # fmt: skip


def command(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATLAS_DB_PATH": str(db)}
    return subprocess.run([sys.executable, "-m", "publish", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_the_json_has_the_issues_keys(built_db: Path) -> None:
    done = command(built_db, "rank", "--json", "--weight", "kp_per_service=0.3")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert list(out)[:2] == ["weights", "provinces"] and out["synthetic"] is True
    assert list(out["weights"]) == list(CRITERION_NAMES)
    assert out["weights"]["kp_per_service"] == pytest.approx(0.3 / 1.05, abs=1e-4)
    assert len(out["provinces"]) == 22 and out["method"] == "weighted_sum"
    assert [p["name_en"] for p in out["partnership"]] == [
        "Banteay Meanchey", "Phnom Penh", "Preah Sihanouk"]  # fmt: skip
    assert all(p["start"] for p in out["partnership"])
    for rank, province in enumerate(out["provinces"], start=1):
        assert list(province)[:8] == PROVINCE_KEYS
        assert province["rank"] == rank
        assert province["rank_low"] <= province["rank_median"] <= province["rank_high"]
        assert all(v is None or 0 <= v <= 1 for v in province["criteria"].values())
    assert out["counts"]["small_count_stand_in"] == 2.0
    assert out["counts"]["selection"].startswith("2014-01 – 2014-12")


def test_the_briefing_audience_reads_the_store_alone(
    built_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = tmp_path / "atlas.duckdb"  # the store beside a database that is not there
    briefing_store_path(alone).hardlink_to(briefing_store_path(built_db))
    monkeypatch.setenv("ATLAS_DB_PATH", str(alone))
    assert main(["rank", "--json", "--audience", "briefing"]) == 0
    from_store = json.loads(capsys.readouterr().out)
    assert main(["rank", "--json"]) == 2  # the database itself is missing
    assert "does not exist yet" in capsys.readouterr().err
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    assert main(["rank", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == from_store  # both files, the same ranking


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weight", "speed=1"], "unknown criteria: speed; the criteria are: disruption_rate"),
        (["--weight", "kp_per_service=-1"], "kp_per_service=-1 is negative"),
        ([f"--weight={n}=0" for n in CRITERION_NAMES], "all weights are zero"),
        (["--weight", "kp_per_service=much"], "kp_per_service: 'much' is not a number"),
        (["--method", "borda"], "unknown method 'borda'"),
    ],
)  # fmt: skip
def test_bad_weights_exit_2_with_the_rankings_message(
    built_db: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch,
    args: list[str], message: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    assert main(["rank", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err


def test_the_plain_output_shows_every_rank_with_its_interval(built_db: Path) -> None:
    done = command(built_db, "rank", "--method", "weighted_sum")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Synthetic demonstration data")
    lines = [line for line in done.stdout.splitlines() if line[:4].strip().isdigit()]
    assert len(lines) == 22
    assert "since 2013-06-01  18 Preah Sihanouk" in done.stdout
    assert "Preah Sihanouk (in the partnership)" not in done.stdout
    assert all(line.split()[1].count("-") == 1 for line in lines)
    assert "enters as 2." in done.stdout


def test_the_partnership_is_ranked_on_request(built_db: Path) -> None:
    done = command(built_db, "rank", "--include-partnership")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line[:4].strip().isdigit()]
    assert len(lines) == 25
    assert "Preah Sihanouk (in the partnership)" in done.stdout
    assert "Already in the partnership" not in done.stdout
