"""Reading partner files into DuckDB, every value as text, every row numbered.

CSV (``csvfiles``: UTF-8, UTF-16 or cp1252, any line ending, ``,`` ``;`` or tab, RFC 4180
quoting) or XLSX (``workbooks``: the first sheet, date cells as dates). The header is read by
the atlas, never by DuckDB: column names are matched case- and space-insensitively
(``" Incident ID"`` is ``incident_id``) and two columns with the same name reject the file. A
row the reader cannot take (too few or too many fields, an unclosed quote, a row over 2 MB, a
formula without a stored result) is staged empty and listed in temp table ``unreadable`` with
its reason, so it costs that row only: validation quarantines it, the rest of the file loads.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.partners import csvfiles, workbooks
from etl.partners.staging import (
    UNREADABLE,
    FileRejected,
    StagedFile,
    column_names,
    stage_rows,
    with_notes,
)


def stage_file(
    con: duckdb.DuckDBPyConnection, path: Path, table: str, kind: str | None = None
) -> StagedFile:
    """Read ``path`` into temp table ``table``: one text column per file column, named in
    normal form, values as in the file. Row N of the file is the row whose ``rowid + 1`` is N.
    Rows that cannot be read are staged empty and listed in temp table ``unreadable``. A
    workbook's data sheet is the one named as ``kind``, else its first visible sheet.

    Raises:
        FileRejected: if the file is empty, in an encoding or format the atlas does not read,
            has an unsupported extension, or two columns with the same normalised name, or a
            workbook is past a reading limit (``workbooks.Limits``); the message names the
            file and says what was expected.
    """
    suffix = path.suffix.lower()
    notes: list[str] = []
    if suffix in (".csv", ".txt"):
        names = csvfiles.stage_csv(con, path, table)
    elif suffix in (".xlsx", ".xlsm"):
        rows = workbooks.read_workbook(path, kind)
        notes = rows.notes
        try:
            names = column_names(path, rows.header)
        except FileRejected as exc:
            raise FileRejected(with_notes(str(exc), notes)) from None
        stage_rows(con, rows, names, table)
    else:
        raise FileRejected(f"{path.name}: expected a .csv or .xlsx file, not '{suffix}'")
    count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    bad = con.execute(f"SELECT count(*) FROM {UNREADABLE}").fetchone()[0]
    return StagedFile(table, tuple(names), count, bad, tuple(notes))
