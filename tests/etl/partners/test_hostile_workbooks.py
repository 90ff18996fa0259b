"""Hostile and odd workbooks (made here): a zip bomb, a claimed A1:XFD1048576, values past the
limits, a slow read, a hidden first sheet, sheets named for the kind, an empty workbook and a
0-byte file. Each is read or refused within its limits, with a message that names the limit
and its setting, and the write lock is free afterwards."""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from benchmarks import hostile_workbooks as hostile
from benchmarks.hostile_workbooks import SHEET
from etl.__main__ import main
from etl.database import database_lock
from etl.partners import FileRejected, workbook_limits, workbooks
from tests.etl.partners.conftest import ingest


def refused(path: Path, kind: str = "incidents") -> str:
    """The message ``path`` is refused with."""
    with pytest.raises(FileRejected) as caught:
        workbooks.read_workbook(path, kind)
    return str(caught.value)


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("openpyxl opened a workbook that should have been refused")


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_XLSX_MAX_SHEET_MB", "2")
    bomb = hostile.zip_bomb(tmp_path / "bomb.xlsx", expand_mb=24)
    assert bomb.stat().st_size < 200_000  # about 100 KB in the file, 24 MB of XML expanded

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened a workbook that should have been refused")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    message = refused(bomb)
    assert message.startswith("bomb.xlsx: refused before reading: its part "
                              "xl/worksheets/sheet1.xml expands to 24 MB of XML")  # fmt: skip
    assert "over the limit of 2 MB (setting ATLAS_XLSX_MAX_SHEET_MB)" in message


def test_a_claimed_dimension_of_a_whole_sheet_is_not_trusted(tmp_path: Path) -> None:
    path = hostile.claimed_dimension(tmp_path / "claimed.xlsx", rows=30)
    book = openpyxl.load_workbook(path, read_only=True)  # the claim, as openpyxl reads it
    assert (book.worksheets[0].max_column, book.worksheets[0].max_row) == (16384, 1048576)
    book.close()
    seen: list[int] = []
    real = workbooks._limited

    def counted(*args: object):
        for r, row in real(*args):
            seen.append(len(row))
            yield r, row

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workbooks, "_limited", counted)
        rows = workbooks.read_workbook(path, "incidents")
    assert rows.count() == 30 and rows.header == list(hostile.COLUMNS)
    assert seen == [7] * 31  # the rows as written: not padded to 16,384 cells, no empty rows


def test_a_value_far_down_or_far_right_refuses_the_file_naming_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    far = hostile.claimed_dimension(tmp_path / "far.xlsx", rows=30, far_cell=True)
    monkeypatch.setenv("ATLAS_XLSX_MAX_ROWS", "1000")
    assert refused(far) == (
        "far.xlsx: refused: the sheet goes on past row 1,000, the most rows a workbook may have "
        "(setting ATLAS_XLSX_MAX_ROWS; reached row 1,001); nothing of it was loaded: save it as "
        "CSV UTF-8, or ask the atlas's operator to raise the setting"
    )
    book = openpyxl.Workbook()
    book.active.append(list(hostile.COLUMNS))
    book.active.append(hostile.incident(1))
    book.active["Z2"].number_format = "0.00"  # a cell with a format only: nothing in it
    book.active.append([*hostile.incident(2), *[None] * 8, "stray"])  # column P
    book.save(tmp_path / "wide.xlsx")
    monkeypatch.setenv("ATLAS_XLSX_MAX_COLUMNS", "12")
    message = refused(tmp_path / "wide.xlsx")
    assert message.startswith(
        "wide.xlsx: refused: cell P3 holds a value beyond column 12, the "
        "most columns a workbook may have (setting ATLAS_XLSX_MAX_COLUMNS)"
    )


def test_a_read_past_its_time_is_refused_naming_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile.normal_workbook(tmp_path / "slow.xlsx", rows=2000)
    monkeypatch.setenv("ATLAS_XLSX_MAX_SECONDS", "0.0001")
    message = refused(path)  # the clock runs from before openpyxl opens the file
    assert message.startswith("slow.xlsx: refused: reading stopped while opening the workbook ")
    assert "the time limit for reading a workbook (setting ATLAS_XLSX_MAX_SECONDS)" in message


def test_the_clock_is_looked_at_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second passes at each look at the clock: started, opened, row 1, row 2, row 3 (a
    sheet of a few heavy rows is stopped at its row, not after 500 of them)."""
    path = hostile.normal_workbook(tmp_path / "heavy.xlsx", rows=20)
    ticks = iter(range(1000))
    monkeypatch.setattr(workbook_limits, "time", SimpleNamespace(monotonic=lambda: next(ticks)))
    monkeypatch.setenv("ATLAS_XLSX_MAX_SECONDS", "3.5")
    assert refused(path).startswith(
        "heavy.xlsx: refused: reading stopped at sheet row 3 after 3.5 s, the time limit"
    )


def test_styles_and_shared_strings_bombs_are_refused_before_openpyxl_opens_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parts openpyxl parses whole as it opens a workbook have limits of their own, and a
    large part expanding like a zip bomb is refused whatever its size."""
    monkeypatch.setattr(openpyxl, "load_workbook", _never)
    styles = hostile.styles_bomb(tmp_path / "styles.xlsx", expand_mb=6, rows=3)
    assert styles.stat().st_size < 100_000
    assert "over the limit of 5 MB (setting ATLAS_XLSX_MAX_PART_MB)" in refused(styles)
    strings = hostile.strings_bomb(tmp_path / "strings.xlsx", expand_mb=51, rows=3)
    assert "xl/sharedStrings.xml expands to 51 MB of XML" in refused(strings)
    assert "over the limit of 50 MB (setting ATLAS_XLSX_MAX_STRINGS_MB)" in refused(strings)
    small = hostile.strings_bomb(tmp_path / "small.xlsx", expand_mb=8, rows=3)  # under 50 MB
    message = refused(small)
    assert message.startswith("small.xlsx: refused before reading: its part xl/sharedStrings.xml "
                              "expands to 8.00 MB of XML (from ")  # fmt: skip
    assert "times its size in the file: a zip bomb (a part over 4 MB may expand at most 100 " \
        "times, setting ATLAS_XLSX_MAX_RATIO)" in message  # fmt: skip


def test_sheets_past_the_limit_together_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = openpyxl.Workbook(write_only=True)
    for title in ("incidents", "copy"):
        sheet = book.create_sheet(title)
        sheet.append(list(hostile.COLUMNS))
        for i in range(3000):
            sheet.append(hostile.incident(i))
    book.save(tmp_path / "two.xlsx")
    with zipfile.ZipFile(tmp_path / "two.xlsx") as archive:
        sizes = [i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksh")]
    limit = (max(sizes) + sum(sizes)) / 2 / 1024 / 1024  # above each, below both
    monkeypatch.setenv("ATLAS_XLSX_MAX_SHEET_MB", f"{limit:.3f}")
    assert refused(tmp_path / "two.xlsx").startswith(
        "two.xlsx: refused before reading: its 2 sheets expand to "
    )


def test_cells_are_counted_as_well_as_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile.normal_workbook(tmp_path / "cells.xlsx", rows=50)
    monkeypatch.setenv("ATLAS_XLSX_MAX_CELLS", "100")  # 7 cells a row: past it at row 15
    assert refused(path) == (
        "cells.xlsx: refused: the sheet writes more than 100 cells (filled or holding only a "
        "format) by row 15, the most cells a workbook may have (setting ATLAS_XLSX_MAX_CELLS); "
        "nothing of it was loaded: save it as CSV UTF-8, or ask the atlas's operator to raise "
        "the setting"
    )


def test_empty_formatted_cells_out_to_the_last_column_are_refused_early(tmp_path: Path) -> None:
    """Rows whose data is followed by empty formatted cells out to XFD (16,384 cells a row):
    each cell costs its reading, so the file is refused once 100,000 of them are read, at
    row 8, not after the time limit."""
    path = hostile.styled_to_xfd(tmp_path / "xfd.xlsx", expand_mb=3)
    message = refused(path)
    assert message.startswith(
        "xfd.xlsx: refused: by row 8 the sheet writes more than 100,000 cells beyond column 200 "
        "(the most columns a workbook may have, setting ATLAS_XLSX_MAX_COLUMNS) that hold "
        "nothing but a format"
    )
    assert "Home > Clear > Clear All" in message


@pytest.mark.parametrize(("setting", "value", "said"), [
    ("ATLAS_XLSX_MAX_ROWS", "many",
     "setting ATLAS_XLSX_MAX_ROWS must be an integer of 1 or more, got 'many'"),
    ("ATLAS_XLSX_MAX_SHEET_MB", "0",
     "setting ATLAS_XLSX_MAX_SHEET_MB must be a number above 0, got '0'"),
])  # fmt: skip
def test_a_bad_limit_setting_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, value: str, said: str
) -> None:
    monkeypatch.setenv(setting, value)
    path = hostile.normal_workbook(tmp_path / "book.xlsx", rows=2)
    assert refused(path) == f"book.xlsx: not read: {said}"


def test_a_hidden_first_sheet_is_skipped_and_the_report_says_so(con, tmp_path: Path) -> None:
    loaded = ingest(con, hostile.hidden_first_sheet(tmp_path / "hidden.xlsx", rows=4))
    assert loaded.rows["incident_id"].tolist() == ["X-0", "X-1", "X-2", "X-3"]
    assert loaded.quarantine.empty
    assert loaded.result.message == (
        "read sheet 'Data' (the visible sheet named 'incidents', else the first visible sheet); "
        "not read: hidden sheet 'Lookup'"
    )


def test_the_sheet_named_for_the_kind_is_read_and_a_hidden_one_never(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["Sent by the outreach team, June"])
    hidden = book.create_sheet(" Incidents ")  # named for the kind, but hidden: never read
    hidden.append(list(hostile.COLUMNS))
    hidden.sheet_state = "hidden"
    data = book.create_sheet("INCIDENTS")
    data.append(list(hostile.COLUMNS))
    data.append(hostile.incident(7))
    book.save(tmp_path / "named.xlsx")
    rows = workbooks.read_workbook(tmp_path / "named.xlsx", "incidents")
    assert rows.count() == 1 and rows.header == list(hostile.COLUMNS)
    assert rows.notes == [
        "read sheet 'INCIDENTS' (the visible sheet named 'incidents', else the first visible "
        "sheet); not read: sheet 'Notes', hidden sheet ' Incidents '"
    ]
    for sheet in book.worksheets:
        sheet.sheet_state = "hidden"
    book.worksheets[0].sheet_state = "visible"  # openpyxl saves no workbook without one...
    book.save(tmp_path / "all_hidden.xlsx")
    hostile._rewrite(
        tmp_path / "all_hidden.xlsx",
        "xl/workbook.xml",  # ...so hide it after
        lambda xml: xml.replace(b'state="visible"', b'state="hidden"'),
    )
    assert refused(tmp_path / "all_hidden.xlsx").startswith(
        "all_hidden.xlsx: no visible sheet to read (hidden: 'Notes', ' Incidents ', 'INCIDENTS')"
    )


def test_an_empty_workbook_and_an_empty_file_get_clear_messages(tmp_path: Path) -> None:
    assert refused(hostile.empty_workbook(tmp_path / "new.xlsx")) == (
        "new.xlsx: the workbook holds no data: sheet 'Sheet' is empty; expected a header row "
        "(the column names) and one row per record"
    )
    (tmp_path / "zero.xlsx").write_bytes(b"")
    message = refused(tmp_path / "zero.xlsx")
    assert message.startswith("zero.xlsx: the file is empty (0 bytes): expected an Excel workbook")
    assert "zip" not in message and ".csv" not in message


def test_a_refused_workbook_leaves_the_database_and_frees_the_lock(
    db_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = db_env
    monkeypatch.setenv("ATLAS_XLSX_MAX_SHEET_MB", "2")
    bomb = hostile.zip_bomb(tmp_path / "bomb.xlsx", expand_mb=8)
    assert main(["ingest", "incidents", str(bomb), "--quiet"]) == 2
    out = capsys.readouterr().out
    assert "REJECTED incidents/bomb.xlsx: bomb.xlsx: refused before reading" in out
    with database_lock(db, wait=0):  # free at once: no other writer holds it
        pass


def test_hidden_rows_are_read_and_counted_in_the_report(con, tmp_path: Path) -> None:
    """Rows hidden by a filter (AutoFilter) or by hand are read as any other; the load's report
    says how many there were."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "incidents"
    sheet.append(list(hostile.COLUMNS))
    for i in range(5):
        sheet.append(hostile.incident(i))
    sheet.auto_filter.ref = "A1:G6"
    for r in (3, 5):
        sheet.row_dimensions[r].hidden = True
    book.save(tmp_path / "filtered.xlsx")
    loaded = ingest(con, tmp_path / "filtered.xlsx")
    assert loaded.rows["incident_id"].tolist() == [f"X-{i}" for i in range(5)]
    assert loaded.result.message == (
        "2 rows are hidden in the sheet (by hand or by a filter) and were read as any other: "
        "every row of the sheet is read, shown or not"
    )


def test_hidden_rows_are_counted_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row tag cut by the end of a chunk is counted once, with the next chunk."""
    book = openpyxl.Workbook()
    for i in range(3000):
        book.active.append(hostile.incident(i))
        book.active.row_dimensions[i + 1].hidden = i % 3 == 0
    book.save(tmp_path / "many.xlsx")
    clock = workbook_limits.Clock(tmp_path / "many.xlsx", workbook_limits.Limits(
        200, 50, 5, 100, 1000, 100, 100_000, 60))  # fmt: skip
    assert workbooks.hidden_rows(tmp_path / "many.xlsx", SHEET, clock) == 1000
    real = zipfile.ZipExtFile.read
    monkeypatch.setattr(zipfile.ZipExtFile, "read", lambda self, n=-1: real(self, 37))
    assert workbooks.hidden_rows(tmp_path / "many.xlsx", SHEET, clock) == 1000
