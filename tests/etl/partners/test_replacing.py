"""A loaded file replaced by a version with no rows, or far fewer, is refused unless asked for,
and the refusal says what would be lost; asked for, the replacement goes through."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import partners
from etl.__main__ import main
from etl.partners.ingest import SHRINK_SHARE
from tests.etl.partners.conftest import HEADER, TODAY, good_line


def write(path: Path, rows: int) -> Path:
    path.write_text(HEADER + "\n" + "".join(good_line(i) + "\n" for i in range(rows)))
    return path


def loaded_rows(con: duckdb.DuckDBPyConnection, name: str) -> int:
    return con.execute(
        "SELECT count(*) FROM incidents WHERE file_identity = ?", [f"incidents/{name}"]
    ).fetchone()[0]


def test_a_header_only_version_of_a_loaded_file_is_refused_saying_what_would_be_lost(
    con, tmp_path: Path
) -> None:
    path = write(tmp_path / "june.csv", 40)
    (first,) = partners.load_files(con, [("incidents", path)], TODAY)
    assert (first.status, first.rows_loaded) == ("loaded", 40)
    write(path, 0)  # the header alone, under the same name
    (second,) = partners.load_files(con, [("incidents", path)], TODAY)
    assert second.status == "rejected"
    assert second.message == (
        "june.csv: not loaded: it would replace incidents/june.csv, whose 40 rows are loaded "
        "now, with a version of 0 rows (40 rows would be lost; a new version must have at least "
        "50% of the rows loaded). Nothing was changed; to replace it anyway, run python -m etl "
        "ingest KIND FILE --allow-fewer-rows, or tick 'Replace a loaded file even with far fewer "
        "rows' on the Partner files page."
    )
    assert loaded_rows(con, "june.csv") == 40
    (third,) = partners.load_files(con, [("incidents", path)], TODAY, allow_fewer=True)
    assert (third.status, third.rows_read) == ("replaced", 0)
    assert loaded_rows(con, "june.csv") == 0


@pytest.mark.parametrize(("new", "status"), [(19, "rejected"), (20, "replaced"), (41, "replaced")])
def test_fewer_than_half_the_loaded_rows_is_far_fewer(
    con, tmp_path: Path, new: int, status: str
) -> None:
    assert SHRINK_SHARE == 0.5
    path = write(tmp_path / "july.csv", 40)
    partners.load_files(con, [("incidents", path)], TODAY)
    (result,) = partners.load_files(con, [("incidents", write(path, new))], TODAY)
    assert result.status == status
    assert loaded_rows(con, "july.csv") == (40 if status == "rejected" else new)


def test_the_command_line_refuses_then_replaces_when_asked(
    db_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = db_env
    path = write(tmp_path / "august.csv", 12)
    assert main(["ingest", "incidents", str(path), "--quiet"]) == 0
    write(path, 0)
    assert main(["ingest", "incidents", str(path), "--quiet"]) == 2
    out = capsys.readouterr().out
    assert "REJECTED incidents/august.csv: august.csv: not loaded: it would replace" in out
    assert "whose 12 rows are loaded now, with a version of 0 rows (12 rows would be lost" in out
    with duckdb.connect(str(db), read_only=True) as check:
        assert loaded_rows(check, "august.csv") == 12
        (message,) = check.execute("SELECT message FROM rejected_files").fetchone()
    assert "12 rows would be lost" in message  # what etl report lists
    assert main(["ingest", "incidents", str(path), "--quiet", "--allow-fewer-rows"]) == 0
    assert "replaced incidents/august.csv: 0 read = 0 loaded + 0 quarantined" in (
        capsys.readouterr().out
    )
