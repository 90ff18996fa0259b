"""What the readers share: the staged table, its row numbers, the header's names, and the rows
a reader could not take (temp table ``unreadable``)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.reasons import Reason

ROW = "_row"  # 1-based data row number (the header is not counted)
# A staged table keeps the file's row order, so its rowid (0-based) gives the row number free.
ROW_OF_STAGED = "rowid + 1"
UNREADABLE = "unreadable"  # temp table: _row, why_code, why_params, why, raw (text, shortened)
RAW_SHOWN = 300  # characters of an unreadable row's text kept in the quarantine


class FileRejected(ValueError):
    """A whole file cannot be taken (unreadable, or a required column is missing)."""


@dataclass(frozen=True)
class StagedFile:
    """A file read into a DuckDB table: its table, normalised column names, row count and how
    many of the rows could not be read (listed in temp table ``unreadable``)."""

    table: str
    columns: tuple[str, ...]
    rows: int
    unreadable: int = 0
    notes: tuple[str, ...] = ()


@dataclass
class Rows:
    """What a reader found: the header as written, the data rows (``None`` for a row it could
    not read), per unreadable row its index in ``records``, the reason and its text, and notes
    for the load's report (a workbook's sheets that were not read)."""

    header: list[str]
    records: list[list[str | None] | None] = field(default_factory=list)
    problems: list[tuple[int, Reason, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tables: list[pa.Table] = field(default_factory=list)  # records already set in Arrow
    flushed: int = 0  # how many records the tables hold

    def count(self) -> int:
        """How many records were read (the tables' and the list's)."""
        return self.flushed + len(self.records)

    def flush(self, width: int) -> None:
        """Move the records into an Arrow table of ``width`` text columns (``c0``...), so a
        long sheet is held as compact Arrow text rather than Python strings."""
        if self.records:
            self.tables.append(_arrow(self.records, width))
            self.flushed += len(self.records)
            self.records = []


def with_notes(message: str, notes: tuple[str, ...] | list[str]) -> str:
    """A rejection's message with the reader's notes (a workbook's sheets not read) after it,
    and a word on hidden sheets if one was not read: a rejection never hides them."""
    if not notes:
        return message
    text = f"{message.rstrip('. ')}. Workbook: {'; '.join(notes)}"
    if any("hidden sheet" in note for note in notes):
        text += " (a hidden sheet is never read: if it holds the data, unhide it in Excel)"
    return text


def file_sha256(path: Path) -> str:
    """The file's SHA-256, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def shown_name(path: Path) -> str:
    """The file's name as text a message and a table can hold: a name that is not UTF-8 (a zip
    unpacked from Windows) has its undecodable bytes written as ``\\xe9``."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")


def normalise_column(name: str) -> str:
    """``" Incident ID "`` -> ``"incident_id"``."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def column_names(path: Path, header: list[str]) -> list[str]:
    """The header's names in normal form; an empty name becomes ``column_<position>``.

    Raises:
        FileRejected: if two columns have the same name once normalised; the message names
            them as written, with their positions.
    """
    names = [normalise_column(h) or f"column_{i}" for i, h in enumerate(header, start=1)]
    clashes = []
    for name in sorted({n for n in names if names.count(n) > 1}):
        places = [i for i, n in enumerate(names) if n == name]
        spelled = [f"'{header[i].strip()}' (column {i + 1})" for i in places]
        clashes.append(f"{' and '.join(spelled)} are both column '{name}'")
    if clashes:
        raise FileRejected(
            f"{path.name}: the same column appears more than once: {'; '.join(clashes)}. "
            "Keep one of each (a second copy could hold different values)."
        )
    return names


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_unreadable(
    con: duckdb.DuckDBPyConnection, problems: list[tuple[int, Reason, str]]
) -> None:
    """Temp table ``unreadable (_row, why_code, why_params, why, raw)`` from ``(row number,
    reason, text)``: the reason's code, its parameters (JSON) and its English sentence (named
    apart from the validated rows' columns, which the table is joined with)."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {UNREADABLE} (_row BIGINT, why_code VARCHAR, "
        "why_params JSON, why VARCHAR, raw VARCHAR)"
    )
    if problems:
        con.executemany(
            f"INSERT INTO {UNREADABLE} VALUES (?, ?, ?, ?, ?)",
            [
                (row, why.code, why.as_json(), why.english(), raw[:RAW_SHOWN])
                for row, why, raw in problems
            ],
        )


def _arrow(records: list[list[str | None] | None], width: int) -> pa.Table:
    """Records as an Arrow table of ``width`` text columns ``c0``... (an unreadable record,
    None, is all NULL; a short one is padded with NULL)."""
    columns: list[list[str | None]] = [[] for _ in range(width)]
    for record in records:
        values = record if record is not None else [None] * width
        for i in range(width):
            columns[i].append(values[i] if i < len(values) else None)
    return pa.table({f"c{i}": pa.array(col, pa.string()) for i, col in enumerate(columns)})


def stage_rows(con: duckdb.DuckDBPyConnection, rows: Rows, names: list[str], table: str) -> None:
    """Temp table ``table`` from rows read in Python: one text column per name, in file order
    (an unreadable row is all NULL), and temp table ``unreadable``."""
    width = len(names)
    rows.flush(width)
    arrow = pa.concat_tables(rows.tables) if rows.tables else _arrow([], width)
    con.register("_rows_read", arrow)
    select = ", ".join(f"c{i} AS {_quoted(n)}" for i, n in enumerate(names))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {select} FROM _rows_read")
    con.unregister("_rows_read")
    create_unreadable(con, [(i + 1, reason, raw) for i, reason, raw in rows.problems])
