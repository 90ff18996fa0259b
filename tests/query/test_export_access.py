"""``python -m query.export`` asks the access rule: whether the audience may export, which store
it reads and which levels it may read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import audit
from query.export import main


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


@pytest.fixture()
def on_demo(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test database, and an audit log of this test's own."""
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    return built_db


def test_an_audience_refused_the_export_gets_the_rules_message_and_nothing(
    on_demo: Path, tmp_path: Path, refused_access: set, capsys: pytest.CaptureFixture
) -> None:
    refused_access.add(("export", "csv"))
    assert main(["province=23", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: the 'analyst' role may not export the Explore view's tables as csv "
        "(the access rule, access.py)"
    )
    assert not (tmp_path / "out").exists() and audit.read_entries() == []


def test_the_levels_an_audience_reads_are_the_rules(
    on_demo: Path, tmp_path: Path, refused_access: set, capsys: pytest.CaptureFixture
) -> None:
    assert main(["province=23", "--out", str(tmp_path / "admin"), "--audience", "admin"]) == 0
    assert set(read(tmp_path / "admin" / "0001.csv")["level"]) == {"commune"}
    refused_access.add(("read_level", "commune"))  # the analyst still reads the database
    assert main(["province=23", "--out", str(tmp_path / "analyst")]) == 0
    assert "provinces only" in capsys.readouterr().err
    table = read(tmp_path / "analyst" / "0001.csv")
    assert set(table["level"]) == {"province"} and list(table["province_code"]) == ["23"]
