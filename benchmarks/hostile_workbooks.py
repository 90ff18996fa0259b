"""Awkward and hostile XLSX workbooks, made in code, for the tests and ``bench_hostile``.

- ``normal_workbook``: a header and ``rows`` incidents on one sheet;
- ``claimed_dimension``: the same rows, the sheet claiming ``A1:XFD1048576`` (16,384 columns
  by 1,048,576 rows); with ``far_cell`` a value really sits in the last cell, XFD1048576;
- ``zip_bomb``: a workbook whose sheet is a few KB in the file and ``expand_mb`` MB of XML
  once expanded;
- ``hidden_first_sheet``: a hidden lookup list first, the data on the second, visible sheet;
- ``empty_workbook``: one sheet with nothing in it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

COLUMNS = ("incident_id", "date", "commune_code", "incident_type", "population", "actor", "source")
SHEET = "xl/worksheets/sheet1.xml"


def incident(i: int) -> list[str]:
    """A valid incident row."""
    return [f"X-{i}", "2013-05-01", "010201", "venue_raid", "fsw", "police", "Sheet NGO"]


def normal_workbook(path: Path, rows: int) -> Path:
    """A header and ``rows`` incidents on the one sheet (written in streaming mode)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("incidents")
    sheet.append(list(COLUMNS))
    for i in range(rows):
        sheet.append(incident(i))
    book.save(path)
    return path


def _rewrite(path: Path, name: str, change) -> None:
    """Rewrite part ``name`` of the archive at ``path`` through ``change(bytes) -> bytes``."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[name] = change(parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)


def claimed_dimension(path: Path, rows: int, far_cell: bool = False) -> Path:
    """``rows`` incidents on a sheet that claims ``A1:XFD1048576``; with ``far_cell`` the
    last cell of the sheet, XFD1048576, holds a value."""
    normal_workbook(path, rows)

    def claim(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        text = re.sub(r"<dimension ref=\"[^\"]*\"\s*/>", "", text)
        text = text.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>', 1)
        if far_cell:
            far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
            text = text.replace("</sheetData>", far + "</sheetData>", 1)
        return text.encode("utf-8")

    _rewrite(path, SHEET, claim)
    return path


def zip_bomb(path: Path, expand_mb: float) -> Path:
    """A workbook whose sheet expands to about ``expand_mb`` MB of XML (the same row again
    and again: deflate shrinks it about a thousand times)."""
    normal_workbook(path, 1)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    cells = [f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in incident(0)]
    row = f"<row>{''.join(cells)}</row>".encode()
    head = parts[SHEET].split(b"<sheetData>")[0] + b"<sheetData>"
    chunk = row * 4096
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for part, data in parts.items():
            if part != SHEET:
                target.writestr(part, data)
        with target.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(head)
            written, wanted = 0, int(expand_mb * 1024 * 1024)
            while written + len(chunk) <= wanted:
                sheet.write(chunk)
                written += len(chunk)
            sheet.write(row * ((wanted - written) // len(row)))
            sheet.write(b"</sheetData></worksheet>")
    return path


def hidden_first_sheet(path: Path, rows: int) -> Path:
    """A hidden sheet of lookup values first, then ``rows`` incidents on a visible sheet."""
    book = openpyxl.Workbook()
    lookup = book.active
    lookup.title = "Lookup"
    lookup.append(["incident_type"])
    for value in ("venue_raid", "arrest_detention"):
        lookup.append([value])
    lookup.sheet_state = "hidden"
    data = book.create_sheet("Data")
    data.append(list(COLUMNS))
    for i in range(rows):
        data.append(incident(i))
    book.save(path)
    return path


def empty_workbook(path: Path) -> Path:
    """A workbook with one empty sheet, as Excel's File > New saves it."""
    openpyxl.Workbook().save(path)
    return path
