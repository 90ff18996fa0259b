"""Review of issues 18 and 20 (branch review-1820): partner files that got past the rules
(each test reproduced a break found in review, and passes since its fix)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pytest

from etl import partners
from etl.__main__ import main
from etl.partners.ingest import FewerRows
from tests.etl.partners.conftest import HEADER, good_line, ingest

pytestmark = pytest.mark.integration


def _styles_bomb(path: Path, megabytes: int) -> Path:
    """A tiny workbook (a few KB) whose styles part expands to ``megabytes`` MB of cell
    formats: under ATLAS_XLSX_MAX_SHEET_MB, but openpyxl parses the whole part into objects
    when the workbook is opened, before any row is read."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "incidents"
    sheet.append(HEADER.split(","))
    sheet.append(good_line(1).split(","))
    plain = io.BytesIO()
    book.save(plain)
    source = zipfile.ZipFile(plain)
    xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/styles.xml":
                head, tail = data.decode().split('<cellXfs count="1">')
                many = xf * (megabytes * 1024 * 1024 // len(xf))
                data = (head + "<cellXfs>" + many + tail).encode()
            out.writestr(info.filename, data)
    return path


def test_a_styles_bomb_is_refused_before_openpyxl_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 5 MB of styles (a few KB in the file), past the limit of parts that are not sheet
    data: refused from the zip directory, openpyxl never called (it would parse it whole)."""
    bomb = _styles_bomb(tmp_path / "styles.xlsx", 5)
    assert bomb.stat().st_size < 100_000

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened a workbook that should have been refused")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(partners.FileRejected) as caught:
        partners.read_workbook(bomb, "incidents")
    assert str(caught.value).startswith(
        "styles.xlsx: refused before reading: its part xl/styles.xml expands to 5.00 MB of XML"
    )
    assert "over the limit of 5 MB (setting ATLAS_XLSX_MAX_PART_MB)" in str(caught.value)


def test_a_styles_bomb_under_the_part_limits_is_refused_by_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under every part limit, the styles are parsed as openpyxl opens the workbook: the
    clock runs from before the opening, and is looked at as soon as it is done."""
    monkeypatch.setenv("ATLAS_XLSX_MAX_SECONDS", "0.01")
    bomb = _styles_bomb(tmp_path / "styles.xlsx", 3)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(partners.FileRejected, match="ATLAS_XLSX_MAX_SECONDS") as caught:
        partners.read_workbook(bomb, "incidents")
    assert "reading stopped while opening the workbook after 0.01 s" in str(caught.value)


def test_a_version_whose_every_row_is_quarantined_is_refused(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = tmp_path / "june.csv"
    path.write_text("\n".join([HEADER, *(good_line(i) for i in range(20))]) + "\n")
    assert ingest(con, path).result.rows_loaded == 20
    bad = [good_line(i, incident_type="not_a_type") for i in range(20)]
    path.write_text("\n".join([HEADER, *bad]) + "\n")
    with pytest.raises(FewerRows) as caught:
        partners.ingest_file(con, "incidents", path)
    assert (
        "whose 20 rows are loaded now, with a version of 20 rows of which 0 would be loaded "
        "(20 quarantined) (20 rows would be lost;" in str(caught.value)
    )
    assert con.execute(  # nothing changed: the loaded rows are still there
        "SELECT count(*) FROM incidents WHERE file_identity = 'incidents/june.csv'"
    ).fetchone() == (20,)
    half = [good_line(i, incident_type="not_a_type") if i % 5 else good_line(i) for i in range(40)]
    path.write_text("\n".join([HEADER, *half]) + "\n")  # 40 rows read, 8 to load: refused
    with pytest.raises(FewerRows, match="40 rows of which 8 would be loaded"):
        partners.ingest_file(con, "incidents", path)


def test_a_folder_named_like_a_csv_file_does_not_stop_the_others(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    folder = tmp_path / "partners"
    (folder / "incidents" / "folder.csv").mkdir(parents=True)
    (folder / "incidents" / "good.csv").write_text(f"{HEADER}\n{good_line(1)}\n")
    results = {r.file_name: r for r in partners.load_files(con, partners.partner_files(folder))}
    assert results["good.csv"].status == "loaded"
    assert results["folder.csv"].status == "rejected"
    assert results["folder.csv"].message.startswith(
        "folder.csv: not loaded: incidents/folder.csv is a folder, not a file"
    )
    assert con.execute(
        "SELECT file_name, sha256 FROM rejected_files WHERE file_identity = 'incidents/folder.csv'"
    ).fetchall() == [("folder.csv", None)]


def test_a_file_name_that_is_not_utf8_does_not_stop_the_others(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    folder = tmp_path / "partners" / "incidents"
    folder.mkdir(parents=True)
    (folder / "good.csv").write_text(f"{HEADER}\n{good_line(1)}\n")
    (folder / os.fsdecode(b"r\xe9sum\xe9.csv")).write_bytes(b"")
    results = partners.load_files(con, partners.partner_files(folder.parent))
    by_name = {r.file_name: r for r in results}
    assert by_name["good.csv"].status == "loaded"
    shown = "r\\xe9sum\\xe9.csv"  # the bytes it cannot read, escaped
    assert by_name[shown].status == "rejected"
    assert by_name[shown].message.startswith(f"{shown}: not loaded: its name is not UTF-8 text")
    assert con.execute(
        "SELECT file_identity FROM rejected_files WHERE file_name = ?", [shown]
    ).fetchall() == [(f"incidents/{shown}",)]


def test_a_rejection_names_the_hidden_sheet_that_holds_the_data(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    data.append(HEADER.split(","))
    data.append(good_line(1).split(","))
    data.sheet_state = "hidden"
    book.create_sheet("Read me").append(["Sent by the outreach team"])
    path = tmp_path / "hidden_data.xlsx"
    book.save(path)
    with pytest.raises(partners.FileRejected, match="hidden sheet 'Data'"):
        partners.ingest_file(con, "incidents", path)


def test_coordinates_in_khmer_digits_are_read(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = tmp_path / "services_km.csv"
    path.write_text(
        "service_id,service_type,populations,operator,opened,closed,public,lon,lat\n"
        "K-1,mmt,pwid,Real NGO,2012-01-15,,yes,១០៤.៩១៥៥,១១.៥៦៥២\n",
        encoding="utf-8",
    )
    assert ingest(con, path, "services").result.rows_loaded == 1


def test_the_command_line_rejects_a_name_that_is_not_utf8_with_its_audit_line(
    db_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = tmp_path / os.fsdecode(b"n\xe9e.csv")
    path.write_text(f"{HEADER}\n{good_line(1)}\n")
    assert main(["ingest", "incidents", str(path), "--quiet", "--no-publish"]) == 2
    assert "REJECTED incidents/n\\xe9e.csv: n\\xe9e.csv: not loaded: its name is not UTF-8" in (
        capsys.readouterr().out
    )
