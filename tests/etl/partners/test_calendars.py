"""Dates and numbers as Cambodians write them: Buddhist Era years (year - 543) and Khmer
digits are read, said in the load's report with an example, never quarantined for that; what
still fails names what was written and how it was read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.etl.partners.conftest import HEADER, good_line, ingest

KHMER = str.maketrans("0123456789", "".join(chr(0x17E0 + i) for i in range(10)))


def khmer(text: str) -> str:
    """``text`` with its digits written in Khmer."""
    return text.translate(KHMER)


def incidents(tmp_path: Path, *lines: str, name: str = "dates.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_buddhist_era_years_are_read_and_said_in_the_report(con, tmp_path: Path) -> None:
    loaded = ingest(con, incidents(tmp_path, good_line(1, date="2553-05-01"),
                                   good_line(2, date="16/08/2553"), good_line(3, date="2012-02-29"),
                                   good_line(4, date="2551-02-29")))  # fmt: skip
    assert loaded.quarantine.empty, loaded.reasons()
    days = ["2010-05-01", "2010-08-16", "2012-02-29", "2008-02-29"]  # 2551 BE is 2008, a leap year
    assert loaded.rows["date"].tolist() == [pd.Timestamp(d) for d in days]
    assert loaded.result.message == (
        "column date: 3 values read as Buddhist Era years (year - 543), e.g. '16/08/2553' as "
        "16/08/2010"
    )


@pytest.mark.parametrize(("written", "reason"), [
    ("2600-01-01", "'2600-01-01' read as a Buddhist Era date is 2057-01-01, in the future"),
    ("2450-06-30", "'2450-06-30' read as a Buddhist Era date is 1907-06-30, before 1990: not a "
                   "plausible date for the atlas"),
    ("2031-01-15", "'2031-01-15' is in the future"),  # below 2400: a Gregorian year
    ("2553-02-30", "'2553-02-30' is not a real date"),
])  # fmt: skip
def test_a_buddhist_era_date_that_still_fails_says_how_it_was_read(
    con, tmp_path: Path, written: str, reason: str
) -> None:
    loaded = ingest(con, incidents(tmp_path, good_line(1, date=written)))
    assert loaded.reasons() == [reason]


def test_khmer_digits_are_read_in_dates_and_numbers(con, tmp_path: Path) -> None:
    header = HEADER + ",people_affected,verified"
    lines = [good_line(1, date=khmer("2012-05-14")) + f",{khmer('3')},{khmer('1')}",
             good_line(2, date=khmer("14/05/2555")) + ",12,0",
             good_line(3) + f",{khmer('3')}x,1"]  # fmt: skip
    path = tmp_path / "khmer.csv"
    path.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    loaded = ingest(con, path)
    assert loaded.rows["date"].tolist() == [pd.Timestamp("2012-05-14")] * 2
    assert loaded.rows["people_affected"].tolist() == [3, 12]
    assert loaded.rows["verified"].tolist() == [True, False]
    assert loaded.reasons() == [f"'{khmer('3')}x' is not a whole number"]  # as written
    notes = loaded.result.message.split("; ")
    assert notes == [
        f"column date: 2 values written in Khmer digits read as 0-9, e.g. '{khmer('14/05/2555')}'"
        " as 14/05/2555",
        f"column people_affected: 1 value written in Khmer digits read as 0-9, e.g. "
        f"'{khmer('3')}' as 3",  # '៣x' could not be read: not counted
        f"column verified: 1 value written in Khmer digits read as 0-9, e.g. '{khmer('1')}' as 1",
        f"column date: 1 value read as Buddhist Era years (year - 543), e.g. "
        f"'{khmer('14/05/2555')}' as 14/05/2012",
    ]


def test_months_and_years_read_the_buddhist_era_too(con, tmp_path: Path) -> None:
    path = tmp_path / "activity.csv"
    path.write_text("service_id,operator,month,contacts\nS1,NGO,2556-05,4\n"
                    f"S2,NGO,{khmer('2013-06')},{khmer('12')}\n", encoding="utf-8")  # fmt: skip
    loaded = ingest(con, path, "service_activity")
    assert loaded.quarantine.empty, loaded.reasons()
    assert loaded.rows["month"].tolist() == [pd.Timestamp("2013-05-01"), pd.Timestamp("2013-06-01")]
    assert loaded.rows["contacts"].tolist() == [4, 12]
    estimates = tmp_path / "estimates.csv"
    estimates.write_text("province,population,year,estimate,source\n12,pwid,2555,1100,s\n"
                         "12,fsw,2700,900,s\n", encoding="utf-8")  # fmt: skip
    loaded = ingest(con, estimates, "kp_estimates")
    assert loaded.rows["year"].tolist() == [2012]
    assert loaded.reasons() == ["'2700' is above 2100"]
    assert "column year: 2 values read as Buddhist Era years (year - 543), e.g. '2555' as 2012" \
        in loaded.result.message  # fmt: skip


def test_khmer_digits_are_read_in_codes_and_coordinates(con, tmp_path: Path) -> None:
    """Every numeric or coded field of the contract: commune codes, lon/lat, province codes."""
    path = incidents(tmp_path, good_line(1, commune_code=khmer("010201")),
                     good_line(2, commune_code=khmer("10201")), name="codes.csv")  # fmt: skip
    loaded = ingest(con, path)
    assert loaded.quarantine.empty, loaded.reasons()
    assert loaded.rows["commune_code"].tolist() == ["010201", "010201"]
    assert loaded.result.message == (
        f"column commune_code: 2 values written in Khmer digits read as 0-9, e.g. "
        f"'{khmer('010201')}' as 010201"
    )
    lon, lat = con.execute(
        "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM communes "
        "WHERE commune_code = '120201'"
    ).fetchone()
    header = "incident_id,date,incident_type,population,actor,source,lon,lat,remark"
    rows = [f"P-1,2012-05-14,arrest_detention,pwud,police,NGO,{khmer(f'{lon:.6f}')},"
            f"{khmer(f'{lat:.6f}')},seen",
            f"P-2,2012-05-14,arrest_detention,pwud,police,NGO,{khmer('103.051234')},"
            f"{khmer('9.851234')},near {khmer('103.051234')}"]  # fmt: skip
    points = tmp_path / "points.csv"
    points.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    loaded = ingest(con, points)
    assert loaded.rows["commune_code"].tolist() == ["120201"]  # placed by its point
    assert loaded.reasons() == [
        "point 103.05, 9.85 is in no Cambodian commune (sea, abroad, or lon/lat swapped)"
    ]
    kept = " ".join(
        str(v) for (v,) in con.execute(
            "SELECT CAST(raw_values AS VARCHAR) FROM quarantine WHERE file_name = 'points.csv' "
            "UNION ALL SELECT CAST(extra AS VARCHAR) FROM raw_extra "
            "WHERE file_identity = 'incidents/points.csv'"
        ).fetchall()
    )  # fmt: skip
    assert khmer("051234") not in kept and "051234" not in kept  # rounded to about 1 km
    assert '"lon":"103.05"' in kept and "near 103.05" in kept
    assert loaded.result.message == (  # the example rounded as any kept coordinate
        "column lon: 2 values written in Khmer digits read as 0-9, e.g. '103.05' as 103.05; "
        f"column lat: 2 values written in Khmer digits read as 0-9, e.g. '{lat:.2f}' as {lat:.2f}"
    )  # fmt: skip
    estimates = tmp_path / "estimates.csv"
    estimates.write_text(f"province,population,year,estimate,source\n{khmer('12')},pwid,"
                         f"{khmer('2012')},{khmer('1100')},s\n", encoding="utf-8")  # fmt: skip
    loaded = ingest(con, estimates, "kp_estimates")
    assert loaded.quarantine.empty, loaded.reasons()
    assert loaded.rows[["province_code", "year", "estimate"]].values.tolist() == [
        ["12", 2012, 1100]
    ]


def test_only_values_read_are_counted_in_the_notes(con, tmp_path: Path) -> None:
    """'05/2553' is not a date (quarantined as such): it is not counted as read in the BE."""
    loaded = ingest(con, incidents(tmp_path, good_line(1, date="2553-05-01"),
                                   good_line(2, date="05/2553")))  # fmt: skip
    assert len(loaded.rows) == 1
    assert loaded.reasons() == ["'05/2553' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"]
    assert loaded.result.message == (
        "column date: 1 value read as Buddhist Era years (year - 543), e.g. '2553-05-01' as "
        "2010-05-01"
    )
