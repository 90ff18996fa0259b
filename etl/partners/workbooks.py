"""XLSX workbooks as partners write them, streamed cell by cell with openpyxl, within limits.

**The data sheet** is the visible sheet named as the file's kind (``incidents``, ``Service
activity``: case, spaces and dashes aside), else the first visible sheet. A hidden sheet is
never read; the load's report names every sheet that was not read (``Rows.notes``).

**Limits** (``workbook_limits``): the archive's parts are checked before openpyxl opens the
file (it parses the styles and shared strings whole as it opens it), and the clock starts
before the opening; the sheet's declared dimension is ignored (a claimed ``A1:XFD1048576``
costs nothing), its rows are streamed (``read_only``) and reading stops with a refusal at a
row past the row limit, past the cell limit, a value past the column limit, too many empty
formatted cells beyond it, or the time limit (looked at after the opening and at every row).
Rows are set into Arrow tables as they come, so memory follows the rows kept, not the XML.
Hidden rows (by hand or by a filter) are read as any other row; openpyxl's streaming reader
gives no row attributes, so they are counted apart (``hidden_rows``: the sheet's XML scanned
for rows marked hidden) and the load's report says how many.

**Values**: a date cell is a date whatever its display format (``2013-05-01``; with a time of
day, ``2013-05-01 14:30:00``); a whole number stored as a number is written without ``.0``
(``10201.0`` is ``10201``, and the commune code gets its leading zero back in validation); a
formula gives its stored result (read from a second pass in step with the first, opened only
when the sheet has a formula), and a formula saved without one (written by a program, never
opened in Excel) sets its row apart with a reason that says so.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from itertools import repeat
from operator import is_not
from pathlib import Path

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from etl.partners.staging import FileRejected, Rows, normalise_column, with_notes
from etl.partners.workbook_limits import (
    EMPTY_BEYOND,
    Clock,
    Limits,
    check_archive,
    too_many_cells,
    too_many_columns,
    too_many_empty,
    too_many_rows,
)
from etl.reasons import Reason

_NOT_READABLE = (
    "the workbook cannot be read (damaged, password-protected, or not an Excel file): open it "
    "in Excel and save it again as .xlsx, or as CSV UTF-8"
)
CHUNK = 20_000  # rows set into Arrow at a time


def cell_text(value: object) -> str | None:
    """A cell's value as the text a CSV file would hold."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _filled(value: object) -> bool:
    return value is not None and bool(str(value).strip())


def _open(path: Path, data_only: bool, clock: Clock) -> openpyxl.Workbook:
    """The workbook in read-only mode (its parts already checked by ``check_archive``), links
    to other workbooks not followed; the clock is looked at once it is open.

    Raises:
        FileRejected: if openpyxl cannot open it, or the opening took past the time limit.
    """
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception:  # openpyxl raises many types for damaged workbooks
        raise FileRejected(f"{path.name}: {_NOT_READABLE}") from None
    try:
        clock.check()
    except FileRejected:
        book.close()
        raise
    return book


def data_sheet(path: Path, book: openpyxl.Workbook, kind: str | None) -> tuple[int, list[str]]:
    """The index of the sheet to read and the report's note on the sheets not read.

    Raises:
        FileRejected: if no sheet is visible.
    """
    sheets = book.worksheets
    visible = [i for i, ws in enumerate(sheets) if ws.sheet_state == "visible"]
    if not visible:
        titles = ", ".join(f"'{ws.title}'" for ws in sheets) or "none"
        raise FileRejected(
            f"{path.name}: no visible sheet to read (hidden: {titles}): hidden sheets are never "
            "read; show the sheet holding the data (Excel: right-click a tab > Unhide)"
        )
    named = [i for i in visible if kind and normalise_column(sheets[i].title) == kind]
    chosen = (named or visible)[0]
    skipped = [
        f"{'hidden ' if ws.sheet_state != 'visible' else ''}sheet '{ws.title}'"
        for i, ws in enumerate(sheets)
        if i != chosen
    ]
    if not skipped:
        return chosen, []
    rule = "the first visible sheet"
    if kind:
        rule = f"the visible sheet named '{kind}', else {rule}"
    note = f"read sheet '{sheets[chosen].title}' ({rule}); not read: {', '.join(skipped)}"
    return chosen, [note]


_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\s[^>]*?\bhidden=\"(?:1|true)\"")


def hidden_rows(path: Path, part: str, clock: Clock) -> int:
    """How many rows the sheet part ``part`` marks hidden, read from its XML in chunks (a tag
    cut by a chunk's end is read with the next one).

    Raises:
        FileRejected: past the time limit.
    """
    count, tail = 0, b""
    with zipfile.ZipFile(path) as archive, archive.open(part) as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            data = tail + chunk
            cut = data.rfind(b"<")
            cut = len(data) if cut < 0 else cut
            count += len(_HIDDEN_ROW.findall(data, 0, cut))
            tail = data[cut:]
            clock.check()
    return count + len(_HIDDEN_ROW.findall(tail))


def _hidden_note(count: int) -> list[str]:
    if not count:
        return []
    rows = f"{count:,} row" + (" is" if count == 1 else "s are")
    return [
        f"{rows} hidden in the sheet (by hand or by a filter) and were read as any other: "
        "every row of the sheet is read, shown or not"
    ]


def _limited(
    path: Path, sheet: ReadOnlyWorksheet, limits: Limits, clock: Clock
) -> Iterator[tuple[int, tuple]]:
    """The sheet's rows ``(sheet row, cells)``, its declared dimension ignored, stopping at the
    limits (cells beyond the column limit holding nothing are dropped, up to
    ``EMPTY_BEYOND`` of them). The clock is looked at every row.

    Raises:
        FileRejected: past the row, cell, column or time limit.
    """
    sheet.reset_dimensions()  # a claimed A1:XFD1048576 would pad every row and add empty rows
    cells = empty_beyond = 0
    for r, row in enumerate(sheet.iter_rows(), start=1):
        if r > limits.rows:
            raise too_many_rows(path, limits, r)
        if not row:  # a row the sheet does not write (openpyxl fills a gap with them): cheap
            if r % 1024 == 0:
                clock.check(r)
            yield r, row
            continue
        clock.check(r)
        cells += len(row)
        if cells > limits.cells:
            raise too_many_cells(path, limits, r)
        if len(row) > limits.columns:
            tail = row[limits.columns :]
            if any(map(is_not, tail, repeat(EMPTY_CELL))):  # a cell written there: look at it
                for c, cell in enumerate(tail, start=limits.columns + 1):
                    if cell is not EMPTY_CELL and _filled(cell.value):
                        raise too_many_columns(path, limits, f"{get_column_letter(c)}{r}")
                empty_beyond += len(tail)
                if empty_beyond > EMPTY_BEYOND:
                    raise too_many_empty(path, limits, r)
            row = row[: limits.columns]
        yield r, row


class _Results:
    """The stored results of formula cells: a second, value-only pass over the same sheet,
    opened at the first formula and kept in step with the first pass."""

    def __init__(self, path: Path, index: int, limits: Limits, clock: Clock) -> None:
        self.path, self.index, self.limits, self.clock = path, index, limits, clock
        self.book: openpyxl.Workbook | None = None
        self.rows: Iterator[tuple[int, tuple]] | None = None

    def row(self, r: int) -> tuple:
        """The cells of sheet row ``r`` as stored results."""
        if self.rows is None:
            self.book = _open(self.path, data_only=True, clock=self.clock)
            sheet = self.book.worksheets[self.index]
            self.rows = _limited(self.path, sheet, self.limits, self.clock)
        for at, cells in self.rows:
            if at == r:
                return cells
        return ()

    def close(self) -> None:
        """Close the second pass's workbook, if it was opened."""
        if self.book is not None:
            self.book.close()


def _row_texts(
    r: int, values: list[object], width: int, missing: list[int]
) -> tuple[list[str | None], Reason | None]:
    """A sheet row's values as text, and what makes it unreadable (None if nothing):
    ``missing`` lists the columns of formulas without a stored result."""
    texts = [cell_text(value) for value in values[:width]]
    if missing:
        cells = ", ".join(f"{get_column_letter(c)}{r}" for c in missing)
        return texts, Reason("formula_without_result", {"row": str(r), "cells": cells})
    beyond = [f"{get_column_letter(c)}{r}" for c, v in enumerate(values, start=1)
              if c > width and _filled(v)]  # fmt: skip
    if beyond:
        last = get_column_letter(width)
        return texts, Reason(
            "beyond_header", {"row": str(r), "cells": ", ".join(beyond), "last": last}
        )
    return texts, None


def _values(r: int, row: tuple, results: _Results) -> tuple[list[object], list[int], bool]:
    """A row's values (a formula's stored result in its place), the columns of formulas
    without one, and whether the row holds anything (a formula counts)."""
    values = [cell.value for cell in row]
    formulas = [c for c, cell in enumerate(row, start=1) if cell.data_type == "f"]
    filled = any(_filled(v) for v in values)
    missing = []
    if formulas:
        stored = results.row(r)
        for c in formulas:
            value = stored[c - 1].value if c <= len(stored) else None
            values[c - 1] = value
            if value is None:
                missing.append(c)
    return values, missing, filled


def _read_sheet(
    path: Path, index: int, book: openpyxl.Workbook, limits: Limits, clock: Clock
) -> Rows:
    """The sheet's header (its first non-empty row) and data rows, empty rows skipped.

    Raises:
        FileRejected: past a limit, or if the sheet is empty.
    """
    sheet = book.worksheets[index]
    results = _Results(path, index, limits, clock)
    rows: Rows | None = None
    width = 0
    try:
        for r, row in _limited(path, sheet, limits, clock):
            values, missing, filled = _values(r, row, results)
            if not filled:
                continue
            if rows is None:
                width = max(i for i, v in enumerate(values, start=1) if _filled(v))
                rows = Rows([cell_text(v) or "" for v in values[:width]])
                continue
            texts, problem = _row_texts(r, values, width, missing)
            if problem is not None:
                rows.problems.append((rows.count(), problem, ""))
            rows.records.append(texts)
            if len(rows.records) >= CHUNK:
                rows.flush(width)
    finally:
        results.close()
    if rows is None:
        raise FileRejected(
            f"{path.name}: the workbook holds no data: sheet '{sheet.title}' is empty; expected "
            "a header row (the column names) and one row per record"
        )
    rows.flush(width)
    return rows


def read_workbook(path: Path, kind: str | None = None) -> Rows:
    """The data sheet (see the module): the first non-empty row is the header, empty rows
    are skipped; ``Rows.notes`` names the sheets not read.

    Raises:
        FileRejected: if the file is empty, not a readable workbook, has no visible sheet, its
            data sheet is empty, or it is past a limit (the message names the limit and its
            setting); nothing of it is read then.
    """
    limits = Limits.from_settings(path)
    clock = Clock(path, limits)
    check_archive(path, limits)
    book = _open(path, data_only=False, clock=clock)
    notes: list[str] = []
    try:
        index, notes = data_sheet(path, book, kind)
        rows = _read_sheet(path, index, book, limits, clock)
        part = book.worksheets[index]._worksheet_path
        notes = [*notes, *_hidden_note(hidden_rows(path, part, clock))]
    except FileRejected as exc:
        raise FileRejected(with_notes(str(exc), notes)) from None
    except Exception:  # a damaged part met while streaming
        raise FileRejected(f"{path.name}: {_NOT_READABLE}") from None
    finally:
        book.close()
    rows.notes = notes
    return rows
