"""CSV files as partners send them: the text's encoding found, the header read by the atlas,
the rows read by DuckDB, and a careful reading row by row when DuckDB finds a fault.

The fast way is DuckDB's ``read_csv`` with the columns given (nothing sniffed). If it stops
at a fault (a row with too few or too many fields, an unclosed quote, a row over 2 MB), the
file is read again here, record by record (RFC 4180: quoted values may hold the delimiter,
doubled quotes and line breaks), so the faulty row is set apart with its line number and every
other row is kept. DuckDB's messages never reach the partner.
"""

from __future__ import annotations

import codecs
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.partners.staging import (
    FileRejected,
    Rows,
    column_names,
    create_unreadable,
    stage_rows,
)
from etl.reasons import Reason

MAX_ROW_CHARS = 2 * 1024 * 1024  # DuckDB's own limit (max_line_size); longer rows are set apart
_BREAK = re.compile(r"(\r\n|\r|\n)")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_SAVE_AS = "save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8)"


def _line_of(data: bytes, position: int) -> int:
    return len(_BREAK.findall(data[:position].decode("latin-1"))) + 1


def decode_text(path: Path, data: bytes) -> tuple[str, bool]:
    """The file's text, and whether DuckDB can read the file as it is (UTF-8).

    UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 with a byte-order mark, and
    Windows-1252 (cp1252) are read.

    Raises:
        FileRejected: if the file is empty, is a workbook or binary file named .csv, or its
            bytes are none of those encodings; the message says which and where.
    """
    name = path.name
    if not data:
        raise FileRejected(f"{name}: the file is empty (0 bytes): expected a header line and rows")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec == "utf-8-sig"
            except UnicodeDecodeError as exc:
                raise FileRejected(
                    f"{name}: starts as {label} text (byte-order mark) but is not valid {label} "
                    f"after byte {exc.start:,}; {_SAVE_AS}"
                ) from None
    if data.startswith(b"PK\x03\x04"):
        raise FileRejected(
            f"{name}: this is an Excel workbook (or another zip archive), not CSV text: send it "
            "with the .xlsx extension, or save it as CSV UTF-8"
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected(
            f"{name}: this is an old Excel .xls or a password-protected workbook, which the "
            "atlas does not read: save it as .xlsx without a password, or as CSV UTF-8"
        )
    if b"\x00" in data:
        raise FileRejected(
            f"{name}: the text holds NUL bytes: UTF-16 or UTF-32 without a byte-order mark, or "
            f"not a text file; {_SAVE_AS}"
        )
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise FileRejected(
            f"{name}: line {_line_of(data, exc.start)} holds byte 0x{byte:02X}, which is "
            f"neither UTF-8 nor Windows-1252 (cp1252) text; {_SAVE_AS}"
        ) from None


def delimiter_of(header_line: str) -> str:
    """``;`` or a tab when the header line holds more of them than commas, else ``,``."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def split_fields(text: str, delim: str) -> list[str] | int | None:
    """A record's fields (RFC 4180; spaces around a quoted value are dropped, as DuckDB does).

    Returns ``None`` when a quoted value is still open at the end, or the number of the value
    (from 1) whose closing quote some text follows.
    """
    if '"' not in text:
        return text.split(delim)
    fields: list[str] = []
    pos, end = 0, len(text)
    while True:
        start = pos
        while start < end and text[start] == " ":
            start += 1
        if start < end and text[start] == '"':
            value, pos = [], start + 1
            while True:
                quote = text.find('"', pos)
                if quote < 0:
                    return None
                if text.startswith('""', quote):
                    value.append(text[pos : quote + 1])
                    pos = quote + 2
                    continue
                value.append(text[pos:quote])
                pos = quote + 1
                break
            while pos < end and text[pos] == " ":
                pos += 1
            fields.append("".join(value))
            if pos == end:
                return fields
            if text[pos] != delim:
                return len(fields)
            pos += 1
        else:
            cut = text.find(delim, pos)
            if cut < 0:
                fields.append(text[pos:])
                return fields
            fields.append(text[pos:cut])
            pos = cut + 1


def _gather(lines: list[str], breaks: list[str], i: int) -> tuple[int, str]:
    """The last line a record starting at line ``i`` spans (an odd number of quotes carries it
    over a line break), and its text."""
    j, text, quotes = i, lines[i], lines[i].count('"')
    while quotes % 2 and j + 1 < len(lines) and len(text) <= MAX_ROW_CHARS:
        j += 1
        text += breaks[j - 1] + lines[j]
        quotes += lines[j].count('"')
    return j, text


def _fits(result: list[str] | int | None, width: int) -> bool:
    return isinstance(result, list) and len(result) == width


def _problem(first: int, last: int, result: list[str] | int | None, width: int) -> Reason:
    """Why the record on lines ``first``-``last`` (from 0) cannot be read."""
    if first == last:
        where, suffix = {"line": str(first + 1)}, ""
    else:
        where, suffix = {"first": str(first + 1), "last": str(last + 1)}, "_lines"
    if result is None:
        return Reason("unclosed_quote", {"line": str(first + 1)})
    if isinstance(result, int):
        return Reason("text_after_quote" + suffix, {**where, "field": str(result)})
    code = "extra_fields" if len(result) > width else "field_count"
    return Reason(code + suffix, {**where, "fields": str(len(result)), "columns": str(width)})


def _record(
    lines: list[str], breaks: list[str], i: int, delim: str, width: int
) -> tuple[int, list[str] | None, Reason | None, str]:
    """The record starting at line ``i``: ``(next line, fields or None, problem, text)``.

    A line that ends inside a quoted value continues on the next lines. When such a record does
    not fit the header and the next line reads as a row of its own, the quote on line ``i`` was
    never closed: that line alone is set apart and reading goes on from the next.
    """
    if len(lines[i]) > MAX_ROW_CHARS:
        size = f"{len(lines[i].encode('utf-8')) / 2**20:.1f}"
        limit = f"{MAX_ROW_CHARS / 2**20:g}"
        why = Reason("row_too_long", {"line": str(i + 1), "size": size, "limit": limit})
        return i + 1, None, why, lines[i]
    alone = split_fields(lines[i], delim)
    if alone is not None:  # the line holds a whole record
        if _fits(alone, width):
            return i + 1, alone, None, lines[i]
        return i + 1, None, _problem(i, i, alone, width), lines[i]
    j, text = _gather(lines, breaks, i)
    fields = split_fields(text, delim) if j > i else None
    if _fits(fields, width):
        return j + 1, fields, None, text
    following = split_fields(lines[i + 1], delim) if j > i else None
    if fields is None or (_fits(following, width) and lines[i + 1].count('"') % 2 == 0):
        return i + 1, None, _problem(i, i, None, width), lines[i]
    return j + 1, None, _problem(i, j, fields, width), text


@dataclass
class Records:
    """A CSV file read the careful way: its header, delimiter, and each data record's text as
    in the file (``None`` where the record cannot be read, its problem listed by index)."""

    header: list[str]
    delim: str
    texts: list[str | None] = field(default_factory=list)
    problems: list[tuple[int, Reason, str]] = field(default_factory=list)


def read_records(path: Path, text: str) -> Records:
    """Every record of the text, read here (the careful way). Blank lines are skipped.

    Raises:
        FileRejected: if the file has no header line, or the header cannot be read.
    """
    parts = _BREAK.split(text)
    lines, breaks = parts[0::2], parts[1::2]
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        raise FileRejected(f"{path.name}: the file holds only blank lines: expected a header line")
    delim = delimiter_of(lines[i])
    j, header_text = _gather(lines, breaks, i)
    header = split_fields(header_text, delim)
    if not isinstance(header, list):
        why = _problem(i, j, header, 0).english()
        raise FileRejected(f"{path.name}: the header cannot be read: {why}")
    records = Records(header, delim)
    i = j + 1
    while i < len(lines):
        if not lines[i]:
            i += 1
            continue
        i, fields, problem, raw = _record(lines, breaks, i, delim, len(header))
        if problem is not None:
            records.problems.append((len(records.texts), problem, raw))
        records.texts.append(raw if fields is not None else None)
    return records


def _stage_records(
    con: duckdb.DuckDBPyConnection, records: Records, names: list[str], table: str
) -> None:
    """Stage records read the careful way: their texts, a bad one as an empty row, written to
    a clean copy that DuckDB reads (fields split in Python only if DuckDB reads it otherwise)."""
    width, delim = len(names), records.delim
    empty = delim * (width - 1) if width > 1 else '""'
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp) / "clean.csv"
        with clean.open("w", encoding="utf-8", newline="") as out:
            out.write(delim.join(f"c{i}" for i in range(width)) + "\n")
            for text in records.texts:
                out.write((empty if text is None else text) + "\n")
        if _duckdb_read(con, clean, delim, names, table):
            (count,) = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            if count == len(records.texts):
                create_unreadable(con, [(i + 1, why, raw) for i, why, raw in records.problems])
                return
    rows = Rows(records.header, problems=records.problems)
    rows.records = [None if t is None else split_fields(t, delim) for t in records.texts]
    stage_rows(con, rows, names, table)


def _duckdb_read(
    con: duckdb.DuckDBPyConnection, source: Path, delim: str, names: list[str], table: str
) -> bool:
    """Read the file with DuckDB, the header skipped; False if DuckDB finds a fault."""
    literal = "'" + str(source).replace("'", "''") + "'"
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names))) + "}"
    select = ", ".join(
        f'c{i} AS "{name.replace(chr(34), chr(34) * 2)}"' for i, name in enumerate(names)
    )
    # The delimiter is one of three fixed characters; the names are quoted identifiers.
    sql = (
        f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {select} FROM read_csv({literal}, "
        f"header = true, auto_detect = false, delim = '{delim}', quote = '\"', escape = '\"', "
        f"columns = {columns}, max_line_size = {MAX_ROW_CHARS})"
    )
    try:
        con.execute(sql)
    except duckdb.Error:
        return False
    return True


def stage_csv(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> list[str]:
    """Read a CSV file into temp table ``table`` (and temp table ``unreadable``); return the
    column names in normal form.

    Raises:
        FileRejected: see ``decode_text``, ``read_records`` and ``staging.column_names``.
    """
    text, as_is = decode_text(path, path.read_bytes())
    if not text.strip():
        raise FileRejected(f"{path.name}: the file holds only blank lines: expected a header line")
    found = _BREAK.search(text)
    first = text[: found.start()] if found else text
    header = split_fields(first, delimiter_of(first)) if first.strip() else None
    if isinstance(header, list) and len(header) > 1:
        names = column_names(path, header)
        with tempfile.TemporaryDirectory() as tmp:
            source = path
            if not as_is:
                source = Path(tmp) / "utf8.csv"
                source.write_text(text, encoding="utf-8", newline="")
            if _duckdb_read(con, source, delimiter_of(first), names, table):
                create_unreadable(con, [])
                return names
    records = read_records(path, text)
    names = column_names(path, records.header)
    _stage_records(con, records, names, table)
    return names
