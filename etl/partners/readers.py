"""Reading partner files into DuckDB, every value as text, every row numbered.

CSV in UTF-8 or cp1252, any line ending, ``,`` or ``;``; XLSX (first sheet). Column names
are matched case- and space-insensitively (``" Incident ID"`` is ``incident_id``).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

ROW = "_row"  # 1-based data row number (the header is not counted)
# A staged table keeps the file's row order, so its rowid (0-based) gives the row number free.
ROW_OF_STAGED = "rowid + 1"


class FileRejected(ValueError):
    """A whole file cannot be taken (unreadable, or a required column is missing)."""


@dataclass(frozen=True)
class StagedFile:
    """A file read into a DuckDB table: its table, normalised column names and row count."""

    table: str
    columns: tuple[str, ...]
    rows: int


def file_sha256(path: Path) -> str:
    """The file's SHA-256, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def normalise_column(name: str) -> str:
    """``" Incident ID "`` -> ``"incident_id"``."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _utf8_copy(path: Path, workdir: Path) -> tuple[Path, str]:
    """The path DuckDB should read, and the encoding found (cp1252 files are transcoded)."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
        return path, "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileRejected(f"{path.name}: neither UTF-8 nor cp1252 text ({exc})") from exc
    copy = workdir / (path.stem + ".utf8.csv")
    copy.write_text(text, encoding="utf-8")
    return copy, "cp1252"


def _delimiter(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(65536).decode("utf-8", errors="replace")
    first = re.split(r"\r\n|\r|\n", head, maxsplit=1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _csv_source(con: duckdb.DuckDBPyConnection, path: Path, workdir: Path) -> tuple[str, list[str]]:
    """A ``read_csv`` table expression for the file, and the file's column names."""
    source, _ = _utf8_copy(path, workdir)
    literal = "'" + str(source).replace("'", "''") + "'"
    delim = _delimiter(source)
    expr = (
        f"read_csv({literal}, all_varchar = true, header = true, delim = '{delim}', "
        "quote = '\"', escape = '\"', null_padding = true)"
    )
    try:
        names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {expr}").fetchall()]
    except duckdb.Error as exc:
        raise FileRejected(f"{path.name}: not a readable CSV file ({exc})") from exc
    return expr, names


def _xlsx_source(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[str, list[str]]:
    """Register the workbook's first sheet as a relation; its name and column names."""
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=str, keep_default_na=False)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise FileRejected(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    frame.columns = [str(c) for c in frame.columns]
    con.register("_xlsx_frame", frame.replace("", None))
    return "_xlsx_frame", list(frame.columns)


def stage_file(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> StagedFile:
    """Read ``path`` into temp table ``table``: one text column per file column, named in
    normal form, values as in the file. Row N of the file is the row whose ``rowid + 1`` is N.

    Raises:
        FileRejected: if the file cannot be read, has an unsupported extension, or two of its
            columns have the same normalised name; the message names the file.
    """
    suffix = path.suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        if suffix in (".csv", ".txt"):
            source, original = _csv_source(con, path, Path(tmp))
        elif suffix in (".xlsx", ".xlsm"):
            source, original = _xlsx_source(con, path)
        else:
            raise FileRejected(f"{path.name}: expected a .csv or .xlsx file")
        names = [normalise_column(c) for c in original]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise FileRejected(f"{path.name}: columns {repeated} appear more than once")
        select = ", ".join(
            f'CAST("{o.replace(chr(34), chr(34) * 2)}" AS VARCHAR) AS "{n}"'
            for o, n in zip(original, names, strict=True)
        )
        try:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {select} FROM {source}")
        except duckdb.Error as exc:
            raise FileRejected(f"{path.name}: not a readable file ({exc})") from exc
        finally:
            if source == "_xlsx_frame":
                con.unregister("_xlsx_frame")
    rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return StagedFile(table, tuple(names), rows)
