"""Quarantine reasons as codes: every code the ETL can report has its words in both languages,
and the ETL's own rows (hostile files made here, one per kind, reaching every code) read in
English and in Khmer from the summary the pages show, with no value from the files in it."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from etl import partners
from etl.partners.sqlparts import check
from etl.reasons import CODES, MASK, Reason, message_key, parameters, reason_text
from i18n import MESSAGES, t
from ui.quarantine import reasons_in_words

KHMER = re.compile("[\u1780-\u17ff]")
# Words that would mean an English sentence was left in a Khmer one.
ENGLISH = {"the", "is", "are", "of", "a", "an", "not", "in", "or", "and", "from", "row", "value"}
TODAY = date(2026, 11, 25)
# Every raw value below that must never reach the summary carries this mark (or is listed).
MARK = "ZQ"
RAW = (MARK, "999999", "103.05", "9.85", "Samraong", "Kep", "01/13/2012", "2031", "1989",
       "2450", "1907", "2600", "2057")  # fmt: skip
INCIDENT_COLUMNS = (
    "incident_id,date,commune_code,incident_type,population,actor,people_affected,source,"
    "verified,lon,lat,province,district,commune"
)
GOOD = {"incident_id": "T-1", "date": "2012-05-14", "commune_code": "010201",
        "incident_type": "arrest_detention", "population": "pwud", "actor": "police",
        "source": "NGO"}  # fmt: skip


def _line(i: int, **changes: str) -> str:
    values = {**GOOD, "incident_id": f"T-{i}", **changes}
    return ",".join(values.get(c, "") for c in INCIDENT_COLUMNS.split(","))


def _incidents() -> str:
    """One row per validation and placement code, and one per CSV reader fault."""
    no_code = {"commune_code": ""}
    rows = [
        _line(1, incident_type=f"{MARK}raid"), _line(2, people_affected=f"{MARK}three"),
        _line(3, people_affected="0"), _line(4, verified=f"{MARK}maybe"),
        _line(5, date=f"{MARK}April"), _line(6, date="01/13/2012"), _line(7, date="2031-01-15"),
        _line(8, date="1989-01-01"), _line(9, date="03/04/2012"), _line(10, incident_id=""),
        _line(11, commune_code=f"{MARK}12AB"), _line(12, commune_code="999999"),
        _line(13, **no_code, lon=f"{MARK}east", lat="11.5"),
        _line(14, **no_code, lon="103.05", lat="9.85"), _line(15, **no_code),
        _line(16, **no_code, province=f"{MARK}Atlantis", commune=f"{MARK}X"),
        _line(17, **no_code, commune=f"{MARK}Nowhere"),
        _line(18, **no_code, district=f"{MARK}Dist", commune=f"{MARK}Nowhere"),
        _line(19, **no_code, province="Kep", commune=f"{MARK}Nowhere"),
        _line(20, **no_code, province="Kep", district=f"{MARK}D", commune=f"{MARK}Nowhere"),
        _line(21, **no_code, commune="Samraong"), f'T-23,"{MARK} never closed', _line(22),
        _line(22), "T-24,2012-05-14,1", _line(25) + ",extra,more",
        f'T-26,"{MARK}"x,010201', f'T-27,"{MARK}', 'a"x,b', f'T-28,"{MARK}', 'b",c',
        f'T-29,"{MARK}', 'b",c,d,e,f,g,h,i,j,k,l,m,n,o,p,q',
        "T-30," + MARK * (2**20 + 1),
        _line(31, date="2450-01-01"), _line(32, date="2600-01-01"),  # Buddhist Era years
    ]  # fmt: skip
    return INCIDENT_COLUMNS + "\n" + "\n".join(rows) + "\n"


FILES = {
    "incidents": ("incidents.csv", _incidents()),
    "services": ("services.csv", "service_id,service_type,populations,operator,opened,"
                 f"commune_code,lon,lat\nS-1,nsp,fsw;{MARK}x,NGO,2012-01-01,010201,,\n"),
    "service_activity": ("activity.csv", "service_id,operator,month,contacts\n"
                         f"S-1,NGO,{MARK}2013/05,3\n"),
    "academies": ("academies.csv", "academy,province,adopted,modules_delivered,pre_test_mean\n"
                  f"A,Kandal,2012-01-01,10,{MARK}abc\n"),
}  # fmt: skip


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["academy", "province", "adopted"])
    sheet.append(['=CONCAT("A","B")', "Kandal", "2012-01-01"])  # no stored result
    sheet.append(["B", "Kandal", "2012-01-01", None, f"{MARK}stray"])  # beyond the header
    book.save(path)
    return path


@pytest.fixture(scope="module")
def hostile(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """A copy of the built database with the hostile files loaded (and one file again, whose
    key is already loaded from the first)."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(built_db, folder / "atlas.duckdb")
    con = duckdb.connect(str(folder / "atlas.duckdb"))
    partners.prepare(con)
    files = [(kind, folder / name) for kind, (name, _) in FILES.items()]
    for name, text in FILES.values():
        (folder / name).write_text(text, encoding="utf-8")
    again = folder / "again.csv"
    again.write_text(INCIDENT_COLUMNS + "\n" + _line(22) + "\n", encoding="utf-8")
    files += [("academies", _workbook(folder / "academies.xlsx")), ("incidents", again)]
    results = partners.load_files(con, files, TODAY)
    assert [r.status for r in results] == ["loaded"] * len(files), results
    yield con
    con.close()


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_its_words_in_both_languages(code: str) -> None:
    key = message_key(code)
    assert key in MESSAGES
    names = parameters(code)
    assert set(CODES[code]) <= names  # the summary keeps some of the message's parameters
    khmer = t(key, "km", **{n: MASK for n in names})
    assert KHMER.search(khmer), khmer
    latin = set(re.findall(r"[A-Za-z_]+", khmer))
    assert latin <= set(re.findall(r"[A-Za-z_]+", MESSAGES[key])) | {"Excel"}, khmer  # codes
    assert not latin & ENGLISH, khmer


def test_the_etl_reaches_every_code_and_stores_the_catalogs_english(hostile) -> None:
    rows = hostile.execute("SELECT code, params, reason FROM quarantine").fetchall()
    assert sorted({code for code, _, _ in rows}) == sorted(CODES)
    for code, params, reason in rows:
        assert Reason(code, json.loads(params)).english() == reason  # SQL and catalog agree


def test_the_summary_reads_in_both_languages_without_a_value(hostile) -> None:
    summary = hostile.execute("SELECT * FROM quarantine_summary").df()
    assert not summary["params"].str.contains("|".join(RAW)).any()
    english = reasons_in_words(summary, "en")
    khmer = reasons_in_words(summary, "km")
    assert list(khmer.columns) == ["file_name", "column", "reason", "rows"]
    for text in pd.concat([english["reason"], khmer["reason"]]):
        assert not any(raw in text for raw in RAW), text
    assert all(KHMER.search(text) for text in khmer["reason"])
    said = set(english["reason"])
    assert "'…' is not one of: police, military_police" not in said  # the whole list is kept
    assert any(s.startswith("'…' is not one of: arrest_detention") for s in said)
    assert "'…' is above 9" in said and "line … of the file: a quote opens a value that is " \
        "never closed" in said  # fmt: skip
    assert "sheet row …: cell … holds a value beyond the header's last column (C); name its " \
        "column in the header, or remove it" in said  # fmt: skip


def test_an_unknown_code_is_still_said_in_the_readers_language() -> None:
    assert reason_text("something_new", "{}", "km", "actor") == ("តម្លៃក្នុងជួរឈរ actor មិនត្រូវបានទទួលយក")
    assert reason_text("something_new", None, "en", "actor") == (
        "a value in column actor was not accepted"
    )


def test_a_code_or_its_parameters_unknown_to_the_catalog_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown reason code 'no_such'"):
        Reason("no_such")
    with pytest.raises(ValueError, match=r"takes \['value'\], not \['values'\]"):
        Reason("not_number", {"values": "x"})
    with pytest.raises(ValueError, match="unknown reason code"):
        check("true", "date", "no_such")
