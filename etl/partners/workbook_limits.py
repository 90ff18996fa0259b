"""What a workbook may hold before the atlas reads it, and the checks made before openpyxl
opens anything.

An XLSX file is a zip archive of XML parts. A hostile or broken one can claim a sheet of
A1:XFD1048576 (16,384 columns by a million rows), or hold a few kilobytes that expand to
gigabytes of XML (a zip bomb). The limits are settings an operator can raise
(``ATLAS_XLSX_MAX_SHEET_MB``, ``ATLAS_XLSX_MAX_ROWS``, ``ATLAS_XLSX_MAX_COLUMNS``,
``ATLAS_XLSX_MAX_SECONDS``): the uncompressed size of every part is read from the archive's
directory with ``zipfile`` before openpyxl opens the file (zipfile never expands a part past
the size its directory gives), and the reader (``workbooks``) stops at the others. A refusal
names the limit and its setting.
"""

from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import config
from etl.partners.staging import FileRejected

SHEET_MB = "ATLAS_XLSX_MAX_SHEET_MB"
ROWS = "ATLAS_XLSX_MAX_ROWS"
COLUMNS = "ATLAS_XLSX_MAX_COLUMNS"
SECONDS = "ATLAS_XLSX_MAX_SECONDS"
_MB = 1024 * 1024
_RAISE = "save it as CSV UTF-8, or ask the atlas's operator to raise the setting"


@dataclass(frozen=True)
class Limits:
    """The most a workbook may hold: MB of XML in any one part (a sheet, the shared
    strings), rows and columns of the sheet read, and seconds to read it."""

    sheet_mb: float
    rows: int
    columns: int
    seconds: float

    @classmethod
    def from_settings(cls, path: Path) -> Limits:
        """The limits the settings give.

        Raises:
            FileRejected: if a setting is not a positive number (the message names it and
                the file that could not be read for it).
        """
        try:
            limits = cls(
                config.get_float(SHEET_MB),
                config.get_int(ROWS),
                config.get_int(COLUMNS),
                config.get_float(SECONDS),
            )
        except ValueError as exc:  # config.SettingError: the setting, its form, the value
            raise FileRejected(f"{path.name}: not read: {exc}") from None
        return limits


class Clock:
    """The reading's deadline (``Limits.seconds`` from the start)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.started = time.monotonic()

    def check(self, row: int) -> None:
        """Raise if the reading has run past its time.

        Raises:
            FileRejected: naming the row reached, the limit and its setting.
        """
        if time.monotonic() - self.started > self.limits.seconds:
            raise FileRejected(
                f"{self.path.name}: refused: reading stopped at sheet row {row:,} after "
                f"{self.limits.seconds:g} s, the time limit for reading a workbook (setting "
                f"{SECONDS}); nothing of it was loaded: {_RAISE}"
            )


def too_many_rows(path: Path, limits: Limits, row: int) -> FileRejected:
    """The refusal of a sheet with a row beyond the row limit."""
    return FileRejected(
        f"{path.name}: refused: the sheet goes on past row {limits.rows:,}, the most rows a "
        f"workbook may have (setting {ROWS}; reached row {row:,}); nothing of it was loaded: "
        f"{_RAISE}"
    )


def too_many_columns(path: Path, limits: Limits, cell: str) -> FileRejected:
    """The refusal of a sheet with a value beyond the column limit."""
    return FileRejected(
        f"{path.name}: refused: cell {cell} holds a value beyond column {limits.columns:,}, the "
        f"most columns a workbook may have (setting {COLUMNS}); nothing of it was loaded: "
        f"{_RAISE}"
    )


def check_archive(path: Path, limits: Limits) -> None:
    """Check the file before openpyxl opens it: not empty, a zip archive, and no part that
    expands past ``limits.sheet_mb`` (read from the archive's directory, nothing expanded).

    Raises:
        FileRejected: if it is empty, not a zip archive, or a part is too large; the message
            says which, and for a part its size, the limit and the setting.
    """
    if path.stat().st_size == 0:
        raise FileRejected(
            f"{path.name}: the file is empty (0 bytes): expected an Excel workbook (.xlsx) with "
            "a header row on its first sheet; send the file again, saved from Excel"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise FileRejected(
            f"{path.name}: not an XLSX workbook (not a zip archive): if it is CSV text, name it "
            ".csv; an old .xls must be saved as .xlsx"
        ) from None
    limit = limits.sheet_mb * _MB
    for part in parts:
        if part.file_size > limit:
            raise FileRejected(
                f"{path.name}: refused before reading: its part {part.filename} expands to "
                f"{part.file_size / _MB:,.0f} MB of XML (from {part.compress_size / _MB:,.1f} "
                f"MB in the file), over the limit of {limits.sheet_mb:g} MB (setting "
                f"{SHEET_MB}); nothing of it was loaded: {_RAISE}"
            )
