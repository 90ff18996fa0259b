"""python -m publish evaluate: the JSON it promises, plain lines, and bad input said in one
line with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import query
from config import PROJECT_ROOT
from publish.__main__ import main
from publish.evaluation import evaluate_atlas


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def tiny_env(tiny_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATLAS_DB_PATH", str(tiny_db))
    return tiny_db


@pytest.mark.parametrize(("argv", "message"), [
    (["evaluate"], "error: too few pilot communes: 1 with incidents in 2013-01 to 2014-12"),
    (["evaluate", "--types", "venue_raid,raid"], "error: unknown incident type 'raid'"),
    (["evaluate", "--types", ""], "error: choose at least one incident type"),
    (["evaluate", "--province", "01", "--province", "99"], "error: unknown province '99'"),
    (["evaluate", "--province", "23"], "error: no pilot communes: no commune of province 23"),
    (["evaluate", "--window", "all_months", "--design", "all_communes"],
     "error: too few pilot communes: 1"),
])  # fmt: skip
def test_bad_input_is_one_line_on_stderr_and_exit_code_2(
    capsys: pytest.CaptureFixture, tiny_env: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_a_missing_database_and_unknown_choices(
    capsys: pytest.CaptureFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(tmp_path / "none.duckdb"))
    code, _, err = run(capsys, "evaluate")
    assert code == 2 and "does not exist yet. Build it with: python -m etl build" in err
    with pytest.raises(SystemExit) as caught:
        main(["evaluate", "--design", "rural"])
    assert caught.value.code == 2
    assert "invalid choice: 'rural'" in capsys.readouterr().err


def test_the_module_runs_with_no_traceback(tiny_db: Path) -> None:
    env = {"ATLAS_DB_PATH": str(tiny_db), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "publish", "evaluate", "--json"], cwd=PROJECT_ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert (
        done.stderr.startswith("error: too few pilot communes") and "Traceback" not in done.stderr
    )


@pytest.mark.integration
def test_the_json_on_the_demo(
    capsys: pytest.CaptureFixture, built_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    code, out, _ = run(capsys, "evaluate", "--json", "--design", "not_yet_treated",
                       "--province", "12")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    con = query.open_database(built_db)
    try:
        result = evaluate_atlas(con, ["12"], design="not_yet_treated")
    finally:
        con.close()
    for key in ("effect", "low", "high", "method", "pilot_communes", "comparison_communes"):
        assert data[key] == getattr(result, key), key
    assert data["pre_trend_p"] == pytest.approx(result.pre_trend_p)
    assert data["provinces"] == ["12"] and data["design"] == "not_yet_treated"
    assert data["synthetic"] is True and data["data"] == "synthetic demonstration data"
    assert data["types"] == ["arrest_detention", "condom_confiscation", "syringe_confiscation"]
    assert data["headline"].startswith("Arrests and confiscations ")
    assert data["robustness"]["control"] == "notyettreated"
    assert data["event_study"] and all("incidents" not in row for row in data["event_study"])
    code, out, _ = run(capsys, "evaluate")
    assert code == 0
    assert out.splitlines()[0] == "[synthetic demonstration data]"
    assert out.splitlines()[1].startswith("Arrests and confiscations fell by ")
    assert "pre-trend test: p = " in out and "robustness (Callaway-Sant'Anna" in out
