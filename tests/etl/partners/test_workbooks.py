"""XLSX workbooks as partners write them (made here with openpyxl): date cells whatever their
format, codes stored as numbers, formulas with and without a stored result, stray cells."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.partners import FileRejected, ingest_file
from etl.partners.workbooks import cell_text
from tests.etl.partners.conftest import HEADER, TODAY, ingest

COLUMNS = HEADER.split(",")


def row(i: int, **changes: object) -> list[object]:
    values = {
        "incident_id": f"X-{i}",
        "date": dt.datetime(2013, 5, 1),
        "commune_code": "010201",
        "incident_type": "venue_raid",
        "population": "fsw",
        "actor": "police",
        "source": "Sheet NGO",
        **changes,
    }
    return [values[c] for c in COLUMNS]


def workbook(tmp_path: Path, rows: list[list[object]], name: str = "book.xlsx", **fmt) -> Path:
    """A workbook with the header and ``rows``; ``fmt`` maps a cell (``B2``) to its format."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append(values)
    for cell, number_format in fmt.items():
        sheet[cell].number_format = number_format
    path = tmp_path / name
    book.save(path)
    return path


def store_result(path: Path, cell: str, value: str) -> None:
    """Give a formula cell the text result Excel would have saved with it."""
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    # openpyxl writes an empty result as <v/> or <v></v> (with lxml installed)
    pattern = rf'<c r="{cell}"([^>]*)>(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)'
    assert re.search(pattern, sheet), "openpyxl writes formulas without a result"
    stored = rf'<c r="{cell}"\1 t="str">\2<v>{value}</v>'
    parts["xl/worksheets/sheet1.xml"] = re.sub(pattern, stored, sheet).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_date_cells_load_as_dates_whatever_their_format(con, tmp_path: Path) -> None:
    rows = [
        row(1, date=dt.datetime(2013, 5, 1)),
        row(2, date=dt.datetime(2013, 5, 2)),
        row(3, date=dt.datetime(2013, 5, 3)),
        row(4, date=dt.datetime(2013, 5, 4, 14, 30)),
        row(5, date=dt.date(2013, 5, 5)),
        row(6, date="16/05/2013"),  # typed as text, DD/MM
    ]
    formats = {"B2": "dd/mm/yyyy", "B3": "mmm yyyy", "B4": "d mmmm yyyy", "B5": "m/d/yy h:mm"}
    loaded = ingest(con, workbook(tmp_path, rows, **formats))
    assert loaded.quarantine.empty, loaded.reasons()
    days = [1, 2, 3, 4, 5, 16]
    assert loaded.rows["date"].tolist() == [pd.Timestamp(2013, 5, d) for d in days]


def test_codes_stored_as_numbers_get_their_leading_zero(con, tmp_path: Path) -> None:
    rows = [row(1, commune_code=10201), row(2, commune_code=120201), row(3, commune_code="10201")]
    loaded = ingest(con, workbook(tmp_path, rows, C2="000000"))
    assert loaded.rows["commune_code"].tolist() == ["010201", "120201", "010201"]
    assert (cell_text(10201.0), cell_text(3.5), cell_text(True)) == ("10201", "3.5", "true")


def test_a_formula_without_a_stored_result_is_quarantined_saying_so(con, tmp_path: Path) -> None:
    rows = [row(1), row(2, incident_id='="X-"&2'), row(3, incident_id='="X-"&3')]
    path = workbook(tmp_path, rows)
    store_result(path, "A4", "X-3")  # row 3's formula was calculated and saved by Excel
    loaded = ingest(con, path)
    assert loaded.rows["incident_id"].tolist() == ["X-1", "X-3"]
    assert loaded.reasons() == [
        "sheet row 3: cell A3 holds a formula without a stored result (the file was written by "
        "a program and never calculated): open it in Excel and save it again"
    ]
    assert loaded.quarantine["row_number"].tolist() == [2]
    assert '"source":"Sheet NGO"' in loaded.quarantine["raw_values"].iloc[0]


def test_a_value_beyond_the_header_is_quarantined(con, tmp_path: Path) -> None:
    loaded = ingest(con, workbook(tmp_path, [row(1), [*row(2), None, "stray"], row(3)]))
    assert loaded.rows["incident_id"].tolist() == ["X-1", "X-3"]
    assert loaded.reasons() == [
        "sheet row 3: cell I3 holds a value beyond the header's last column (G); name its "
        "column in the header, or remove it"
    ]


def test_a_month_cell_loads_as_its_month(con, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["service_id", "operator", "month", "contacts"])
    sheet.append(["S1", "NGO", dt.datetime(2013, 5, 1), 4])
    sheet.append(["S2", "NGO", dt.datetime(2013, 5, 17), 4])
    sheet["C2"].number_format = "mmm yyyy"
    path = tmp_path / "activity.xlsx"
    book.save(path)
    loaded = ingest(con, path, "service_activity")
    assert loaded.rows["month"].tolist() == [pd.Timestamp(2013, 5, 1)]
    assert loaded.reasons() == ["'2013-05-17' is not a month (YYYY-MM)"]


def test_duplicate_columns_and_unreadable_workbooks_are_named(con, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append([*COLUMNS, "Incident ID"])
    book.active.append([*row(1), "X-9"])
    book.save(tmp_path / "dup.xlsx")
    with pytest.raises(FileRejected, match=r"'incident_id' \(column 1\) and 'Incident ID'"):
        ingest_file(con, "incidents", tmp_path / "dup.xlsx", TODAY)
    (tmp_path / "text.xlsx").write_text("incident_id,date\n", encoding="utf-8")
    with pytest.raises(FileRejected, match="not an XLSX workbook"):
        ingest_file(con, "incidents", tmp_path / "text.xlsx", TODAY)
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    with pytest.raises(FileRejected, match="holds no data: sheet 'Sheet' is empty; expected a h"):
        ingest_file(con, "incidents", tmp_path / "empty.xlsx", TODAY)
