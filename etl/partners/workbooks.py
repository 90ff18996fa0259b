"""XLSX workbooks as partners write them, read cell by cell with openpyxl (first sheet).

A date cell is a date whatever its display format (``2013-05-01``; with a time of day,
``2013-05-01 14:30:00``); a whole number stored as a number is written without ``.0``
(``10201.0`` is ``10201``, and the commune code gets its leading zero back in validation); a
formula gives its stored result, and a formula saved without one (written by a program, never
opened in Excel) sets its row apart with a reason that says so.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from etl.partners.staging import FileRejected, Rows
from etl.reasons import Reason

_NOT_READABLE = (
    "the workbook cannot be read (damaged, password-protected, or not an Excel file): open it "
    "in Excel and save it again as .xlsx, or as CSV UTF-8"
)


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


def _sheet_rows(path: Path, data_only: bool) -> Iterator[tuple]:
    """The first sheet's rows as tuples of cells (read-only mode)."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except zipfile.BadZipFile:
        raise FileRejected(
            f"{path.name}: not an XLSX workbook (not a zip archive): if it is CSV text, name it "
            ".csv; an old .xls must be saved as .xlsx"
        ) from None
    except Exception:  # openpyxl raises many types for damaged workbooks
        raise FileRejected(f"{path.name}: {_NOT_READABLE}") from None
    try:
        yield from book.worksheets[0].iter_rows()
    except Exception:
        raise FileRejected(f"{path.name}: {_NOT_READABLE}") from None
    finally:
        book.close()


def _cached_results(path: Path, cells: set[tuple[int, int]]) -> dict[tuple[int, int], object]:
    """The stored results of the formula cells ``(sheet row, column)``; None where none."""
    found = {}
    for r, row in enumerate(_sheet_rows(path, data_only=True), start=1):
        for c, cell in enumerate(row, start=1):
            if (r, c) in cells:
                found[(r, c)] = cell.value
    return found


def _row_texts(
    r: int, values: list[object], width: int, results: dict[tuple[int, int], object]
) -> tuple[list[str | None], Reason | None]:
    """A sheet row's values as text, and what makes it unreadable (None if nothing)."""
    texts, missing = [], []
    for c, value in enumerate(values[:width], start=1):
        if (r, c) in results:
            value = results[(r, c)]
            if value is None:
                missing.append(f"{get_column_letter(c)}{r}")
        texts.append(cell_text(value))
    beyond = [
        f"{get_column_letter(c)}{r}"
        for c, v in enumerate(values, start=1)
        if c > width and v is not None and str(v).strip()
    ]
    if missing:
        return texts, Reason("formula_without_result", {"row": str(r), "cells": ", ".join(missing)})
    if beyond:
        last = get_column_letter(width)
        return texts, Reason(
            "beyond_header", {"row": str(r), "cells": ", ".join(beyond), "last": last}
        )
    return texts, None


def read_workbook(path: Path) -> Rows:
    """The first sheet: the first non-empty row is the header, empty rows are skipped.

    Raises:
        FileRejected: if the file is not a readable workbook or its first sheet is empty.
    """
    sheet_rows: list[tuple[int, list[object]]] = []
    formulas: set[tuple[int, int]] = set()
    for r, row in enumerate(_sheet_rows(path, data_only=False), start=1):
        values = []
        for c, cell in enumerate(row, start=1):
            if getattr(cell, "data_type", None) == "f":
                formulas.add((r, c))
            values.append(cell.value)
        if any(v is not None and str(v).strip() for v in values):
            sheet_rows.append((r, values))
    if not sheet_rows:
        raise FileRejected(f"{path.name}: the first sheet is empty: expected a header row")
    results = _cached_results(path, formulas) if formulas else {}
    (_, header), *data = sheet_rows
    width = max(i for i, v in enumerate(header, start=1) if v is not None and str(v).strip())
    rows = Rows([cell_text(v) or "" for v in header[:width]])
    for r, values in data:
        texts, problem = _row_texts(r, values, width, results)
        if problem is not None:
            rows.problems.append((len(rows.records), problem, ""))
        rows.records.append(texts)
    return rows
