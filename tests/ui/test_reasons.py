"""Quarantine reasons in Khmer: each sentence the ETL writes, masked as the About page shows
it, has its Khmer sentence (the English ones below are those the ETL's own tests assert)."""

from __future__ import annotations

import re

import duckdb
import pytest

from etl.schema import MASKED_REASON
from ui.reasons import KHMER_REASONS, khmer_reason, reason_text

KHMER = re.compile("[\u1780-\u17ff]")
# Words that would mean an English sentence was left in a Khmer one.
ENGLISH = {"the", "is", "are", "of", "a", "an", "not", "in", "or", "and", "from", "row", "value"}

ETL_REASONS = [
    "'three' is not a whole number",
    "'1.5' is not a number",
    "'0' is below 1",
    "'120' is above 100",
    "'raid' is not one of: arrest_detention, venue_raid",
    "'x' holds a value outside: fsw, pwid",
    "'maybe' is not yes/no, true/false or 1/0",
    "'2012/13' is not a month (YYYY-MM)",
    "'1989-01-01' is before 1990: not a plausible date for the atlas",
    "'April 3, 2012' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)",
    "'31/02/2012' is not a real date",
    "'2031-01-15' is in the future",
    "'03/04/2012' is ambiguous: day and month are both 12 or less, and no date in the file "
    "shows DD/MM",
    "required value missing",
    "commune code 999999 is not in the 2025 gazetteer",
    "'12AB' is not a 6-digit commune code",
    "lon/lat '104.x', '11.5' are not two decimal numbers",
    "point 101.5, 9.1 is in no Cambodian commune (sea, abroad, or lon/lat swapped)",
    "no location: give commune_code, lon and lat, or province/district/commune names",
    "'Atlantis' is not a province in the gazetteer",
    "no commune named 'Nowhere' in district 'Doun Penh' in province 'Phnom Penh'",
    "no commune named 'Nowhere' in district 'Doun Penh'",
    "no commune named 'Nowhere' in province 'Phnom Penh'",
    "no commune named 'Nowhere'",
    "commune name 'Kouk Ballang' matches 2 communes: add the province and district, or the "
    "commune code",
    "duplicate source/incident_id 'S/T-1' (first at row 3)",
    "source/incident_id 'S/T-1' is already loaded from file.csv",
    "line 6 of the file: the row is 5.0 MB; rows of up to 2 MB are read",
    "line 8 of the file: 3 fields where the header has 7 columns",
    "lines 2-3 of the file: 9 fields where the header has 7 columns; fields beyond the header "
    "are not read (quote a value holding the delimiter)",
    "line 12 of the file: a quote opens a value that is never closed",
    "line 4 of the file: text follows the closing quote of value 2",
    "sheet row 3: cell A3 holds a formula without a stored result (the file was written by a "
    "program and never calculated): open it in Excel and save it again",
    "sheet row 3: cell I3 holds a value beyond the header's last column (G); name its column "
    "in the header, or remove it",
]


def masked(reasons: list[str]) -> list[str]:
    """The reasons as the About page reads them (the database's own masking)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE q (reason VARCHAR)")
    con.executemany("INSERT INTO q VALUES (?)", [(r,) for r in reasons])
    return [r for (r,) in con.sql(f"SELECT {MASKED_REASON} FROM q ORDER BY rowid").fetchall()]


@pytest.mark.parametrize(
    ("english", "shown"), list(zip(ETL_REASONS, masked(ETL_REASONS), strict=True))
)
def test_every_etl_reason_has_its_khmer_sentence(english: str, shown: str) -> None:
    khmer = khmer_reason(shown)
    assert khmer is not None, f"no Khmer for {shown!r}"
    assert KHMER.search(khmer)
    latin = set(re.findall(r"[A-Za-z_]+", khmer))
    assert latin <= set(re.findall(r"[A-Za-z_]+", shown)) | {"Excel"}, (shown, khmer)  # codes
    assert not latin & ENGLISH, (shown, khmer)
    assert not re.search(r"\\[0-9]", khmer)  # every group was filled


def test_every_pattern_is_reached_by_an_etl_reason() -> None:
    reached = {next(e for e, _ in KHMER_REASONS if re.fullmatch(e, m)) for m in masked(
        ETL_REASONS)}  # fmt: skip
    assert [e for e, _ in KHMER_REASONS if e not in reached] == []


def test_english_is_kept_and_an_unknown_reason_is_still_said_in_khmer() -> None:
    assert reason_text("'…' is in the future", "date", "en") == "'…' is in the future"
    assert reason_text("something new", "actor", "km") == "តម្លៃក្នុងជួរឈរ actor មិនត្រូវបានទទួលយក"
    assert reason_text("line # of the file: # fields where the header has # columns", "(row)",
                       "km").startswith("បន្ទាត់ # នៃឯកសារ")  # fmt: skip
