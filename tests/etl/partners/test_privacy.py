"""Nothing kept that could locate a person: coordinates in extra columns, quarantined values,
reasons (their parameters too) and rejection messages are dropped or rounded to 2 decimals,
whatever the notation; the summary the pages show holds no value, quotes in it or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import partners
from etl.partners.privacy import is_coordinate_column, round_coordinates
from etl.reasons import reason_text
from tests.etl.partners.conftest import HEADER, TODAY, good_line, ingest

EXACT = ("915493", "551234", "54'55", "33'18", "5512")


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("104.915493", "104.92"),
        ("104,915493", "104,92"),
        ("11.551234, 104.915493", "11.55, 104.92"),
        ("11,551234;104,915493", "11,55;104,92"),
        ("104°54'55.8\"E", "104.92°E"),
        ("11°33′18″N 104°54′55.8″E", "11.56°N 104.92°E"),
        ("11°33.21'N", "11.55°N"),
        ("104 54 55.8 E", "104.92°E"),
        ("104.915493°E", "104.92°E"),
        ("N11.5512 E104.9155", "N11.55 E104.92"),
        ("POINT(104.915493 11.551234)", "POINT(104.92 11.55)"),
        # not coordinates near Cambodia, or no finer than 2 decimals: left as they are
        ("11.55, 104.92", "11.55, 104.92"),
        ("12,500 people", "12,500 people"),
        ("2012-05-14,010201", "2012-05-14,010201"),
        ("48.858370, 2.294481", "48.858370, 2.294481"),
        ("3.14159", "3.14159"),
    ],
)
def test_coordinates_are_rounded_whatever_the_notation(raw: str, kept: str) -> None:
    assert round_coordinates(raw) == kept


def test_coordinate_columns_are_recognised_by_name() -> None:
    named = ["lat", "lon", "latitude", "longitude", "gps", "x", "y", "gps_lat", "coordinates"]
    assert all(is_coordinate_column(n) for n in named)
    assert not any(is_coordinate_column(n) for n in ("note", "district", "source", "extra_info"))


def test_extra_columns_keep_no_coordinates(con, tmp_path: Path) -> None:
    text = (
        f"{HEADER},latitude,longitude,gps,x,y,coordinates,note\n"
        f'{good_line(1)},11.551234,104.915493,"11.551234,104.915493",491234,1277890,'
        f'"(11.551234, 104.915493)","met at 104°54\'55.8""E, 11°33\'18""N"\n'
    )
    path = tmp_path / "extra.csv"
    path.write_text(text, encoding="utf-8")
    loaded = ingest(con, path)
    assert loaded.result.message == (
        "columns not kept (coordinates are never kept): latitude, longitude, gps, x, y, coordinates"
    )
    (extra,) = con.execute(
        "SELECT extra FROM raw_extra WHERE file_identity = 'incidents/extra.csv'"
    ).fetchone()
    assert extra == '{"note":"met at 104.92°E, 11.56°N"}'


def test_quarantined_values_and_reasons_are_rounded(con, tmp_path: Path) -> None:
    lines = [
        HEADER + ",lon,lat",
        good_line(1, commune_code="104.915493") + ",,",
        good_line(2, commune_code="") + ',"104°54\'55.8""E","11°33\'18""N"',
        good_line(3, commune_code="") + ',"104,915493","11,551234"',
        "T-4,104.915493",  # unreadable: its text is kept, rounded
    ]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = ingest(con, path)
    assert loaded.rows.empty
    reasons = loaded.reasons()
    assert "'104.92' is not a 6-digit commune code" in reasons
    assert "lon/lat '104.92°E', '11.56°N' are not two decimal numbers" in reasons
    assert "lon/lat '104,92', '11,55' are not two decimal numbers" in reasons
    kept = loaded.quarantine["raw_values"].tolist() + loaded.quarantine["params"].tolist()
    stored = " ".join(reasons + kept)
    assert not any(exact in stored for exact in EXACT), stored
    assert '"row_text":"T-4,104.92"' in stored


def test_rejection_messages_keep_no_coordinates(con, tmp_path: Path) -> None:
    path = tmp_path / "no_header.csv"
    path.write_text("T-1,2012-05-14,104.915493,11.551234\n", encoding="utf-8")
    (result,) = partners.load_files(con, [("incidents", path)], TODAY)
    assert result.status == "rejected" and "Found: t_1, 2012_05_14, 104.92, 11.55" in result.message
    (message,) = con.execute("SELECT message FROM rejected_files").fetchone()
    assert message == result.message and not any(exact in message for exact in EXACT)


@pytest.mark.parametrize(
    "value",
    [
        "x' =HYPERLINK(\"http://z\") 'y",
        "'…' =HYPERLINK(\"http://z\") '…'",
        "it's",
        "'",
        "''",
    ],
)
def test_masked_reasons_show_no_part_of_a_value_with_quotes(
    con, tmp_path: Path, value: str
) -> None:
    path = tmp_path / "quotes.csv"
    quoted = '"' + value.replace('"', '""') + '"'
    path.write_text(f"{HEADER}\n{good_line(1, actor=quoted)}\n", encoding="utf-8")
    loaded = ingest(con, path)
    (column, code, params) = con.execute(
        "SELECT \"column\", code, params FROM quarantine_summary WHERE file_name = 'quotes.csv'"
    ).fetchone()
    assert loaded.quarantine["reason"].iloc[0].startswith("'")
    assert value not in params and "HYPERLINK" not in params
    masked = reason_text(code, params, "en", column)
    assert masked.startswith("'…' is not one of: police, military_police"), masked


def test_a_reason_from_the_summary_reads_each_value_from_the_file_as_a_mask() -> None:
    kept = '{"key": "source/incident_id"}'
    assert reason_text("duplicate_key", kept, "en", "incident_id") == (
        "duplicate source/incident_id '…' (first at row …)"
    )
    every = {"key": "source/incident_id", "value": "S/T-1", "first_row": "3"}
    assert reason_text("duplicate_key", every, "en", "incident_id") == (
        "duplicate source/incident_id 'S/T-1' (first at row 3)"
    )
