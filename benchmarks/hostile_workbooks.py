"""Awkward and hostile XLSX workbooks, made in code, for the tests and ``bench_hostile``.

- ``normal_workbook``: a header and ``rows`` incidents on one sheet;
- ``claimed_dimension``: the same rows, the sheet claiming ``A1:XFD1048576`` (16,384 columns
  by 1,048,576 rows); with ``far_cell`` a value really sits in the last cell, XFD1048576;
- ``zip_bomb``: a workbook whose sheet is a few KB in the file and ``expand_mb`` MB of XML
  once expanded;
- ``styles_bomb``: the rows of ``normal_workbook`` with ``expand_mb`` MB of cell formats
  (``<xf>``) in the styles part, which openpyxl parses whole when it opens the workbook;
- ``strings_bomb``: the same with ``expand_mb`` MB of shared strings, also parsed at open;
- ``styled_to_xfd``: rows whose data is followed by empty cells holding only a format, out to
  the last column (XFD): many MB of cells, each parsed, none holding anything;
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


def _stream_part(
    target: zipfile.ZipFile, name: str, head: bytes, unit: bytes, tail: bytes, expand_mb: float
) -> None:
    """Write part ``name``: ``head``, ``unit`` again and again up to ``expand_mb`` MB, ``tail``."""
    chunk = unit * max(1, 65536 // len(unit))
    wanted = int(expand_mb * 1024 * 1024)
    with target.open(name, "w", force_zip64=True) as part:
        part.write(head)
        written = 0
        while written + len(chunk) <= wanted:
            part.write(chunk)
            written += len(chunk)
        part.write(unit * ((wanted - written) // len(unit)))
        part.write(tail)


def _with_part(
    path: Path,
    rows: int,
    name: str,
    parts: tuple[bytes, bytes, bytes],
    expand_mb: float,
    content_type: bytes = b"",
) -> Path:
    """``normal_workbook`` with part ``name`` written by ``_stream_part`` from ``parts`` (head,
    unit, tail), and ``content_type`` (an Override) added to the content types if given."""
    normal_workbook(path, rows)
    with zipfile.ZipFile(path) as source:
        kept = {info.filename: source.read(info) for info in source.infolist()}
    if content_type:
        types = "[Content_Types].xml"
        kept[types] = kept[types].replace(b"</Types>", content_type + b"</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for part, data in kept.items():
            if part != name:
                target.writestr(part, data)
        _stream_part(target, name, *parts, expand_mb)
    return path


def styles_bomb(path: Path, expand_mb: float, rows: int = 1) -> Path:
    """``rows`` incidents, and a styles part of about ``expand_mb`` MB: cell formats (``<xf>``)
    one after another, a few hundred KB in the file."""
    with zipfile.ZipFile(normal_workbook(path, rows)) as source:
        styles = source.read("xl/styles.xml")
    head, tail = re.split(rb"<cellXfs[^>]*>", styles, maxsplit=1)
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    return _with_part(path, rows, "xl/styles.xml", (head + b"<cellXfs>", xf, tail), expand_mb)


def strings_bomb(path: Path, expand_mb: float, rows: int = 1) -> Path:
    """``rows`` incidents, and a shared-strings part of about ``expand_mb`` MB: short strings
    one after another, a few hundred KB in the file."""
    ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + ns + b'">'
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + kind + b'"/>'
    parts = (head, b"<si><t>x</t></si>", b"</sst>")
    return _with_part(path, rows, "xl/sharedStrings.xml", parts, expand_mb, override)


def styled_to_xfd(path: Path, expand_mb: float) -> Path:
    """A header, then rows of one incident followed by empty cells holding only a format out
    to column XFD (16,384 cells a row), about ``expand_mb`` MB of sheet XML."""
    from openpyxl.utils import get_column_letter

    normal_workbook(path, 0)
    with zipfile.ZipFile(path) as source:
        sheet = source.read(SHEET)
    head = sheet.split(b"</sheetData>")[0]  # a dimension as Excel writes it (never trusted):
    head = head.replace(b"<sheetData>", b'<dimension ref="A1:XFD100"/><sheetData>', 1)
    tail = b"</sheetData></worksheet>"
    values = "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in incident(0))
    empty = "".join(f'<c r="{get_column_letter(c)}2" s="0"/>'
                    for c in range(len(COLUMNS) + 1, 16385))  # fmt: skip
    row = f"<row>{values}{empty}</row>".encode()
    return _with_part(path, 0, SHEET, (head, row, tail), expand_mb)


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
