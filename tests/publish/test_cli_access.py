"""``python -m publish rank|evaluate`` asks the access rule: ``rank`` for its audience (and the
store it reads), ``evaluate`` for the operator who runs it on the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.schema import briefing_store_path
from publish.__main__ import main
from publish.cli import store_path

pytestmark = pytest.mark.integration


def test_rank_asks_the_rule_for_its_audience(
    built_db: Path, refused_access: set, capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    assert store_path("briefing") == briefing_store_path(built_db)
    assert store_path("admin") == store_path("analyst") == built_db
    refused_access.add(("rank", None))
    assert main(["rank", "--json", "--audience", "briefing"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "error: the 'briefing' role may not rank the provinces (the access rule, access.py)"
    )


def test_evaluate_asks_the_rule_for_the_operator(
    tmp_path: Path, refused_access: set, capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "absent.duckdb"))
    assert main(["evaluate"]) == 2
    assert "does not exist yet" in capsys.readouterr().err  # allowed: it went on to read
    refused_access.add(("evaluate", None))
    assert main(["evaluate"]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: the 'admin' role may not run the pilot's evaluation (the access rule, access.py)"
    )
