"""What a workbook may hold before the atlas reads it, and the checks made before openpyxl
opens anything.

An XLSX file is a zip archive of XML parts. A hostile or broken one can claim a sheet of
A1:XFD1048576 (16,384 columns by a million rows), hold a few hundred KB that expand to
hundreds of MB of XML (a zip bomb), or fill parts openpyxl parses whole the moment it opens
the file (the styles, the shared strings), before a single row is read. So the parts are
checked first, from the archive's directory with ``zipfile`` (nothing expanded; zipfile never
expands a part past the size its directory gives): each kind of part has its size limit (a
sheet, the shared strings, any other XML part), the sheets together too, and a part over 4 MB
may not expand more than a set number of times its size in the file. Then the reader
(``workbooks``) stops at the others: rows, cells, columns and time, the clock started before
openpyxl opens the file and looked at after the opening and at every row. The limits are
settings an operator can raise (``ATLAS_XLSX_MAX_*``); a refusal names the limit and its
setting.
"""

from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import config
from etl.partners.staging import FileRejected

SHEET_MB = "ATLAS_XLSX_MAX_SHEET_MB"
STRINGS_MB = "ATLAS_XLSX_MAX_STRINGS_MB"
PART_MB = "ATLAS_XLSX_MAX_PART_MB"
RATIO = "ATLAS_XLSX_MAX_RATIO"
ROWS = "ATLAS_XLSX_MAX_ROWS"
COLUMNS = "ATLAS_XLSX_MAX_COLUMNS"
CELLS = "ATLAS_XLSX_MAX_CELLS"
SECONDS = "ATLAS_XLSX_MAX_SECONDS"
_MB = 1024 * 1024
#: A part expanding to more than this is held to the ratio limit (``Limits.ratio``).
RATIO_FROM_MB = 4
#: Cells written beyond the column limit holding nothing (a format at most) that a sheet may
#: have in all: each costs its reading, for nothing.
EMPTY_BEYOND = 100_000
_RAISE = "save it as CSV UTF-8, or ask the atlas's operator to raise the setting"
_XML = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class Limits:
    """The most a workbook may hold: MB of XML in a sheet (and in the sheets together), in
    the shared strings and in any other XML part; how many times a large part may expand;
    rows, columns and cells of the sheet read, and seconds to open and read it."""

    sheet_mb: float
    strings_mb: float
    part_mb: float
    ratio: float
    rows: int
    columns: int
    cells: int
    seconds: float

    @classmethod
    def from_settings(cls, path: Path) -> Limits:
        """The limits the settings give.

        Raises:
            FileRejected: if a setting is not a positive number (the message names it and
                the file that could not be read for it).
        """
        try:
            sizes = [config.get_float(n) for n in (SHEET_MB, STRINGS_MB, PART_MB, RATIO)]
            counts = [config.get_int(n) for n in (ROWS, COLUMNS, CELLS)]
            return cls(*sizes, *counts, config.get_float(SECONDS))
        except ValueError as exc:  # config.SettingError: the setting, its form, the value
            raise FileRejected(f"{path.name}: not read: {exc}") from None


class Clock:
    """The reading's deadline (``Limits.seconds`` from the start, taken before openpyxl opens
    the file)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.started = time.monotonic()

    def check(self, row: int | None = None) -> None:
        """Raise if the reading has run past its time; ``row`` is the sheet row reached (None:
        the workbook was being opened).

        Raises:
            FileRejected: naming where reading stopped, the limit and its setting.
        """
        if time.monotonic() - self.started > self.limits.seconds:
            where = "while opening the workbook" if row is None else f"at sheet row {row:,}"
            raise refused(
                self.path,
                f"reading stopped {where} after {self.limits.seconds:g} s, "
                f"the time limit for reading a workbook (setting {SECONDS})",
            )


def refused(path: Path, why: str, advice: str = _RAISE) -> FileRejected:
    """A workbook refused for ``why``, with what the partner can do (``advice``)."""
    return FileRejected(f"{path.name}: refused: {why}; nothing of it was loaded: {advice}")


def too_many_rows(path: Path, limits: Limits, row: int) -> FileRejected:
    """The refusal of a sheet with a row beyond the row limit."""
    return refused(
        path,
        f"the sheet goes on past row {limits.rows:,}, the most rows a workbook "
        f"may have (setting {ROWS}; reached row {row:,})",
    )


def too_many_cells(path: Path, limits: Limits, row: int) -> FileRejected:
    """The refusal of a sheet writing more cells than the cell limit."""
    return refused(
        path,
        f"the sheet writes more than {limits.cells:,} cells (filled or holding "
        f"only a format) by row {row:,}, the most cells a workbook may have "
        f"(setting {CELLS})",
    )


def too_many_columns(path: Path, limits: Limits, cell: str) -> FileRejected:
    """The refusal of a sheet with a value beyond the column limit."""
    return refused(
        path,
        f"cell {cell} holds a value beyond column {limits.columns:,}, the most "
        f"columns a workbook may have (setting {COLUMNS})",
    )


def too_many_empty(path: Path, limits: Limits, row: int) -> FileRejected:
    """The refusal of a sheet writing many empty cells beyond the column limit."""
    return refused(
        path, f"by row {row:,} the sheet writes more than {EMPTY_BEYOND:,} cells beyond column "
        f"{limits.columns:,} (the most columns a workbook may have, setting {COLUMNS}) that hold "
        "nothing but a format, each read for nothing",
        "clear the formats right of the table (Excel: select those columns, Home > Clear > "
        "Clear All) and save it again, or save it as CSV UTF-8",
    )  # fmt: skip


def _parts(path: Path) -> list[zipfile.ZipInfo]:
    """The archive's directory.

    Raises:
        FileRejected: if the file is empty or not a zip archive.
    """
    if path.stat().st_size == 0:
        raise FileRejected(
            f"{path.name}: the file is empty (0 bytes): expected an Excel workbook (.xlsx) with "
            "a header row on its first sheet; send the file again, saved from Excel"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise FileRejected(
            f"{path.name}: not an XLSX workbook (not a zip archive): if it is CSV text, name it "
            ".csv; an old .xls must be saved as .xlsx"
        ) from None


def _part_limit(name: str, limits: Limits) -> tuple[float, str]:
    """The size limit (MB) of part ``name`` and its setting."""
    lowered = name.lower()
    if lowered.startswith("xl/worksheets/") and lowered.endswith(".xml"):
        return limits.sheet_mb, SHEET_MB
    if lowered.endswith("sharedstrings.xml"):
        return limits.strings_mb, STRINGS_MB
    if lowered.endswith(_XML):
        return limits.part_mb, PART_MB
    return limits.sheet_mb, SHEET_MB  # a picture or other binary part: never parsed


def _size(size: int) -> str:
    """``24 MB``, ``5.01 MB``, ``31 KB``."""
    if size >= 10 * _MB:
        return f"{size / _MB:,.0f} MB"
    return f"{size / _MB:.2f} MB" if size >= _MB else f"{size / 1024:,.0f} KB"


def _refusal(path: Path, part: zipfile.ZipInfo, over: str) -> FileRejected:
    xml = " of XML" if part.filename.lower().endswith(_XML) else ""
    return FileRejected(
        f"{path.name}: refused before reading: its part {part.filename} expands to "
        f"{_size(part.file_size)}{xml} (from {_size(part.compress_size)} in the file), {over}; "
        f"nothing of it was loaded: {_RAISE}"
    )


def check_archive(path: Path, limits: Limits) -> None:
    """Check the file before openpyxl opens it: not empty, a zip archive, no part past its
    size limit, no large part expanding past the ratio limit (a zip bomb), and the sheets
    together within the sheet limit (read from the archive's directory, nothing expanded).

    Raises:
        FileRejected: if it is empty, not a zip archive, or past a limit; the message says
            which, and for a part its size, the limit and the setting.
    """
    parts = _parts(path)
    for part in parts:
        mb, setting = _part_limit(part.filename, limits)
        if part.file_size > mb * _MB:
            raise _refusal(path, part, f"over the limit of {mb:g} MB (setting {setting})")
    for part in parts:
        times = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_MB * _MB and times > limits.ratio:
            raise _refusal(
                path, part, f"{times:,.0f} times its size in the file: a zip bomb (a part over "
                f"{RATIO_FROM_MB} MB may expand at most {limits.ratio:g} times, setting {RATIO})"
            )  # fmt: skip
    sheets = [p for p in parts if _part_limit(p.filename, limits)[1] == SHEET_MB
              and p.filename.lower().startswith("xl/worksheets/")]  # fmt: skip
    total = sum(p.file_size for p in sheets)
    if total > limits.sheet_mb * _MB:
        raise FileRejected(
            f"{path.name}: refused before reading: its {len(sheets)} sheets expand to "
            f"{_size(total)} together, over the limit of {limits.sheet_mb:g} MB (setting "
            f"{SHEET_MB}); nothing of it was loaded: {_RAISE}"
        )
