"""CSV files as partners write them: RFC 4180 quoting, one bad row costing one row with its
true line number, duplicate columns, encodings, empty files, and messages without DuckDB's."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.partners import FileRejected, csvfiles, ingest_file
from tests.etl.partners.conftest import HEADER, TODAY, good_line, ingest

READER_WORDS = ("SELECT", "read_csv", "null_padding", "Possible fixes", "Traceback", "sniff")


def write(tmp_path: Path, text: str, name: str = "file.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def rejected(con, path: Path) -> str:
    with pytest.raises(FileRejected) as caught:
        ingest_file(con, "incidents", path, TODAY)
    message = str(caught.value)
    assert message.startswith(path.name) and not any(w in message for w in READER_WORDS)
    return message


def test_quoted_commas_doubled_quotes_and_line_breaks_load(con, tmp_path: Path) -> None:
    text = (
        f"{HEADER},note\r\n"
        + good_line(1, source='"Outreach, Phnom Penh"')
        + ',"said ""stop"" twice"\r\n'
        + good_line(2)
        + ',"first line\r\nsecond line"\r\n'
        + good_line(3)
        + ",\r\n"
    )
    loaded = ingest(con, write(tmp_path, text))
    assert loaded.quarantine.empty and loaded.rows["row_number"].tolist() == [1, 2, 3]
    assert loaded.rows["source"].tolist()[0] == "Outreach, Phnom Penh"
    extra = dict(
        con.execute(
            "SELECT row_number, extra->>'note' FROM raw_extra "
            "WHERE file_identity = 'incidents/file.csv'"
        ).fetchall()
    )
    assert extra[1] == 'said "stop" twice' and extra[2] == "first line\r\nsecond line"


def bad_file(tmp_path: Path) -> Path:
    """Data rows 1-12; a line break inside row 2 moves every later row one line down."""
    lines = [HEADER, good_line(1), good_line(2, source='"Two\nlines"')]
    lines += [good_line(3), good_line(4, source="x" * (5 * 2**20))]  # 5 MB field: row 4
    lines += [good_line(5), "T-6,2012-05-14,010201"]  # too few fields: row 6
    lines += [good_line(7), good_line(8) + ",surplus"]  # too many: row 8
    lines += [good_line(9), good_line(10, source='"unclosed'), good_line(11), good_line(12)]
    return write(tmp_path, "\n".join(lines) + "\n")


@pytest.mark.parametrize("staging", ["a clean copy read by DuckDB", "fields split in Python"])
def test_one_bad_row_costs_one_row_with_its_true_line(
    con, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, staging: str
) -> None:
    if staging == "fields split in Python":  # DuckDB reads nothing: the last resort
        monkeypatch.setattr(csvfiles, "_duckdb_read", lambda *args: False)
    loaded = ingest(con, bad_file(tmp_path))
    assert loaded.rows["incident_id"].tolist() == [f"T-{i}" for i in (1, 2, 3, 5, 7, 9, 11, 12)]
    assert loaded.rows["row_number"].tolist() == [1, 2, 3, 5, 7, 9, 11, 12]
    assert loaded.rows["source"].tolist()[1] == "Two\nlines"
    by_row = dict(zip(loaded.quarantine["row_number"], loaded.reasons(), strict=True))
    assert sorted(by_row) == [4, 6, 8, 10]
    assert by_row[4].startswith("line 6 of the file: the row is 5.0 MB")
    assert by_row[6] == "line 8 of the file: 3 fields where the header has 7 columns"
    assert by_row[8].startswith("line 10 of the file: 8 fields where the header has 7 columns")
    assert "fields beyond the header are not read" in by_row[8]
    assert by_row[10] == "line 12 of the file: a quote opens a value that is never closed"
    assert set(loaded.quarantine["column"]) == {"(row)"}
    raw = loaded.quarantine.set_index("row_number")["raw_values"]
    assert len(raw[4]) < 1000 and '"row_text":"T-6,2012-05-14,010201"' in raw[6]


def test_a_multiline_record_that_does_not_fit_is_one_bad_row(con, tmp_path: Path) -> None:
    text = "\n".join(
        [HEADER, good_line(1) + ',"a\nb",extra', good_line(2), good_line(3, source='6"x')]
    )
    loaded = ingest(con, write(tmp_path, text + "\n"))
    assert loaded.rows["incident_id"].tolist() == ["T-2", "T-3"]
    assert loaded.reasons() == [
        "lines 2-3 of the file: 9 fields where the header has 7 columns; fields beyond the "
        "header are not read (quote a value holding the delimiter)"
    ]
    assert loaded.rows["source"].tolist()[1] == '6"x'  # a quote inside a value is kept


def test_duplicate_columns_reject_the_file_naming_them(con, tmp_path: Path) -> None:
    text = f"{HEADER},INCIDENT_ID\n{good_line(1)},T-9\n"
    message = rejected(con, write(tmp_path, text))
    assert "'incident_id' (column 1) and 'INCIDENT_ID' (column 8) are both column" in message
    text = f"{HEADER},Commune Code\n{good_line(1)},120201\n"
    message = rejected(con, write(tmp_path, text, "two.csv"))
    assert "'commune_code' (column 3) and 'Commune Code' (column 8)" in message
    assert con.execute("SELECT count(*) FROM incidents WHERE source = 'Test NGO'").fetchone() == (
        0,
    )


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "the file is empty (0 bytes)"),
        (b"\r\n \r\n", "holds only blank lines"),
        ("incident_id,date\n1,2\n".encode("utf-16-le"), "NUL bytes: UTF-16 or UTF-32 without"),
        (b"incident_id,source\n1,Caf\x81\n", "byte 0x81, which is neither UTF-8 nor Windows-1252"),
        (b"PK\x03\x04rest of a zip", "this is an Excel workbook"),
        (b"\xd0\xcf\x11\xe0old", "old Excel .xls"),
    ],
)
def test_unreadable_files_say_why_in_words(con, tmp_path: Path, data: bytes, said: str) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(data)
    assert said in rejected(con, path)


def test_utf16_with_a_byte_order_mark_is_read(con, tmp_path: Path) -> None:
    text = f"{HEADER}\r\n{good_line(1, source='Cà Phê')}\r\n"
    loaded = ingest(con, write(tmp_path, text, encoding="utf-16"))
    assert loaded.rows["source"].tolist() == ["Cà Phê"]


def test_codes_written_as_floats_get_their_leading_zero(con, tmp_path: Path) -> None:
    loaded = ingest(con, write(tmp_path, f"{HEADER}\n{good_line(1, commune_code='10201.0')}\n"))
    assert loaded.rows["commune_code"].tolist() == ["010201"]


def test_dates_before_1990_are_implausible(con, tmp_path: Path) -> None:
    lines = [good_line(1, date="0001-01-01"), good_line(2, date="31/12/1989")]
    lines += [good_line(3, date="1990-01-01"), good_line(4, date="2013-05-01 00:00:00")]
    loaded = ingest(con, write(tmp_path, "\n".join([HEADER, *lines]) + "\n"))
    assert loaded.rows["incident_id"].tolist() == ["T-3", "T-4"]
    assert loaded.reasons() == [
        "'0001-01-01' is before 1990: not a plausible date for the atlas",
        "'31/12/1989' is before 1990: not a plausible date for the atlas",
    ]
    activity = "service_id,operator,month,contacts\nS1,NGO,1989-12,4\nS2,NGO,2013-05,4\n"
    loaded = ingest(con, write(tmp_path, activity, "activity.csv"), "service_activity")
    assert loaded.rows["service_id"].tolist() == ["S2"]
    assert loaded.reasons() == ["'1989-12' is before 1990: not a plausible date for the atlas"]
