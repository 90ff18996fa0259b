"""Partner files in: every validation rule with a passing and a failing row, formats,
reconciliation, idempotency and privacy, on a copy of the database built from the real data."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import partners
from etl.partners import FileRejected, ingest_file

TODAY = date(2026, 11, 25)
GOOD = {
    "incident_id": "T-1",
    "date": "2012-05-14",
    "commune_code": "010201",
    "incident_type": "arrest_detention",
    "population": "pwud",
    "actor": "police",
    "source": "Test NGO",
}


@pytest.fixture()
def con(built_db: Path, tmp_path: Path):
    copy = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, copy)
    connection = duckdb.connect(str(copy))
    partners.prepare(connection)
    yield connection
    connection.close()


def write(tmp_path: Path, rows: list[dict], name: str = "file.csv", **csv) -> Path:
    path = tmp_path / name
    frame = pd.DataFrame(rows)
    if name.endswith(".xlsx"):
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False, **csv)
    return path


def load(con, tmp_path: Path, rows: list[dict], kind: str = "incidents", name: str = "file.csv"):
    """Ingest rows; return the result, the loaded rows and the quarantine of this file (a
    version under the same name replaces the last, even one loading nothing: these tests are
    about rows, not about replacing files)."""
    path = write(tmp_path, rows, name)
    result = ingest_file(con, kind, path, TODAY, allow_fewer=True)
    fid = f"{kind}/{name}"
    loaded = con.execute(
        f"SELECT * FROM {kind} WHERE file_identity = ? ORDER BY row_number", [fid]
    ).df()
    quarantine = con.execute(
        "SELECT * FROM quarantine WHERE file_identity = ? ORDER BY row_number", [fid]
    ).df()
    return result, loaded, quarantine


def one(
    con, tmp_path: Path, kind: str = "incidents", **changes
) -> tuple[pd.DataFrame, pd.DataFrame]:
    row = {**GOOD, **changes} if kind == "incidents" else changes
    _, loaded, quarantine = load(con, tmp_path, [row], kind)
    return loaded, quarantine


@pytest.mark.parametrize(
    ("column", "good", "bad", "reason"),
    [
        ("people_affected", "3", "three", "'three' is not a whole number"),
        ("people_affected", "1", "0", "'0' is below 1"),
        ("incident_type", " Arrest_Detention ", "raid", "'raid' is not one of: arrest_detention"),
        ("population", "MSM", "sex worker", "'sex worker' is not one of: fsw, pwid"),
        ("actor", "military_police", "army", "'army' is not one of: police"),
        ("verified", "Yes", "maybe", "'maybe' is not yes/no, true/false or 1/0"),
        ("referred_to_services", "0", "perhaps", "is not yes/no"),
        (
            "date",
            "13/04/2012",
            "April 3, 2012",
            "is not a date (expected YYYY-MM-DD or DD/MM/YYYY)",
        ),
        ("date", "2012-02-29", "31/02/2012", "'31/02/2012' is not a real date"),
        ("date", "2020-01-01", "2031-01-15", "'2031-01-15' is in the future"),
        ("date", "2012-05-14", "03/04/2012", "'03/04/2012' is ambiguous"),
        ("incident_id", "X-9", "", "required value missing"),
        ("commune_code", "10201", "999999", "commune code 999999 is not in the 2025 gazetteer"),
        ("commune_code", "010201", "12AB", "'12AB' is not a 6-digit commune code"),
    ],
)
def test_each_rule_passes_a_good_row_and_quarantines_a_bad_one(
    con, tmp_path: Path, column: str, good: str, bad: str, reason: str
) -> None:
    loaded, quarantine = one(con, tmp_path, **{column: good})
    assert len(loaded) == 1 and quarantine.empty, quarantine["reason"].tolist()
    loaded, quarantine = one(con, tmp_path, **{column: bad})
    assert loaded.empty
    assert quarantine["column"].tolist() == [column]
    assert reason in quarantine["reason"].iloc[0]


def test_values_are_typed_and_codes_restored(con, tmp_path: Path) -> None:
    loaded, _ = one(con, tmp_path, commune_code="10201", date="13/04/2012", verified="Yes")
    row = loaded.iloc[0]
    assert row["commune_code"] == "010201" and row["province_code"] == "01"
    assert row["date"] == pd.Timestamp("2012-04-13") and bool(row["verified"])
    assert row["people_affected"] == 1 and pd.notna(row["polygon_id"])


def test_a_file_showing_dd_mm_resolves_its_ambiguous_dates(con, tmp_path: Path) -> None:
    rows = [
        {**GOOD, "incident_id": "a", "date": "25/12/2011"},
        {**GOOD, "incident_id": "b", "date": "03/04/2012"},
    ]
    _, loaded, quarantine = load(con, tmp_path, rows)
    assert quarantine.empty
    assert loaded["date"].tolist() == [pd.Timestamp("2011-12-25"), pd.Timestamp("2012-04-03")]


def test_points_are_placed_in_their_commune_and_never_kept(con, tmp_path: Path) -> None:
    lon, lat, code = con.execute(
        "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)), commune_code "
        "FROM communes WHERE commune_code = '120201'"
    ).fetchone()
    base = {k: v for k, v in GOOD.items() if k != "commune_code"}
    loaded, quarantine = one(
        con, tmp_path, **{**base, "commune_code": None, "lon": lon, "lat": lat}
    )
    assert quarantine.empty and loaded["commune_code"].tolist() == [code]
    columns = {
        c
        for t in ("incidents", "incidents_monthly")
        for (c, *_) in con.execute(f"DESCRIBE {t}").fetchall()
    }
    assert not {"lon", "lat"} & columns
    loaded, quarantine = one(con, tmp_path, commune_code=None, lon="103.05", lat="9.85")
    assert loaded.empty and "is in no Cambodian commune" in quarantine["reason"].iloc[0]
    assert '"lon":"103.05"' in quarantine["raw_values"].iloc[0]  # rounded to about 1 km
    loaded, quarantine = one(con, tmp_path, commune_code=None, lon="east", lat="11.5")
    assert "are not two decimal numbers" in quarantine["reason"].iloc[0]


def test_names_in_english_or_khmer_resolve_through_the_gazetteer(con, tmp_path: Path) -> None:
    names = {"commune_code": None, "province": "Banteay Meanchey", "district": "Mangkul Bourei"}
    loaded, _ = one(con, tmp_path, **names, commune="Banteay Neang")
    assert loaded["commune_code"].tolist() == ["010201"]
    khmer = {"commune_code": None, "province": "បន្ទាយមានជ័យ", "district": "មង្គលបូរី"}
    loaded, _ = one(con, tmp_path, **khmer, commune="បន្ទាយនាង")
    assert loaded["commune_code"].tolist() == ["010201"]
    loaded, quarantine = one(con, tmp_path, commune_code=None, commune="Samraong")
    assert loaded.empty and "matches" in quarantine["reason"].iloc[0]
    loaded, quarantine = one(con, tmp_path, commune_code=None, province="Atlantis", commune="X")
    assert "'Atlantis' is not a province in the gazetteer" in quarantine["reason"].iloc[0]
    loaded, quarantine = one(con, tmp_path, commune_code=None, province="Kep", commune="Nowhere")
    assert "no commune named 'Nowhere' in province 'Kep'" in quarantine["reason"].iloc[0]


def test_duplicates_within_a_source_and_across_files(con, tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "source": "Other NGO"}, GOOD]
    _, loaded, quarantine = load(con, tmp_path, rows)
    assert len(loaded) == 2
    assert quarantine["row_number"].tolist() == [3]
    assert (
        "duplicate source/incident_id 'Test NGO/T-1' (first at row 1)"
        in quarantine["reason"].iloc[0]
    )
    _, loaded, quarantine = load(con, tmp_path, [GOOD], name="later.csv")
    assert loaded.empty and "is already loaded from file.csv" in quarantine["reason"].iloc[0]


def test_a_file_missing_a_required_column_is_rejected_whole(con, tmp_path: Path) -> None:
    rows = [{k: v for k, v in GOOD.items() if k != "actor"}]
    with pytest.raises(FileRejected) as caught:
        ingest_file(con, "incidents", write(tmp_path, rows), TODAY)
    message = str(caught.value)
    assert message.startswith("file.csv: rejected as incidents: missing required column(s) actor.")
    assert (
        "Expected columns: incident_id, date" in message and "Found: incident_id, date" in message
    )
    no_place = [{k: v for k, v in GOOD.items() if k != "commune_code"}]
    with pytest.raises(FileRejected, match=r"commune_code \(or lon and lat"):
        ingest_file(con, "incidents", write(tmp_path, no_place, "b.csv"), TODAY)
    assert (
        con.execute("SELECT count(*) FROM incidents WHERE source = 'Test NGO'").fetchone()[0] == 0
    )


def test_formats_cp1252_semicolons_cr_line_endings_and_column_spelling(con, tmp_path: Path) -> None:
    text = (
        " Incident ID ;DATE;Commune Code;Incident_Type;POPULATION;Actor;Source;Note\r"
        "c-1;14/05/2012;010201;venue_raid;fsw;police;Café Outreach;naïve\r"
    )
    path = tmp_path / "legacy.csv"
    path.write_bytes(text.encode("cp1252"))
    result = ingest_file(con, "incidents", path, TODAY)
    assert (result.rows_read, result.rows_loaded) == (1, 1)
    assert con.execute("SELECT source FROM incidents WHERE incident_id = 'c-1'").fetchone() == (
        "Café Outreach",
    )
    extra = con.execute(
        "SELECT extra FROM raw_extra WHERE file_identity = 'incidents/legacy.csv'"
    ).fetchone()
    assert "naïve" in extra[0]  # extra columns are kept in the raw layer


def test_xlsx(con, tmp_path: Path) -> None:
    result, loaded, _ = load(
        con, tmp_path, [GOOD, {**GOOD, "incident_id": "T-2"}], name="book.xlsx"
    )
    assert (result.rows_read, result.rows_loaded, len(loaded)) == (2, 2, 2)


def test_a_messy_file_reconciles_row_by_row(con, tmp_path: Path) -> None:
    rows = [
        GOOD,
        {**GOOD, "incident_id": "T-2", "date": "31/02/2012", "actor": "army"},
        {**GOOD, "incident_id": "T-3", "commune_code": "10201"},
        {**GOOD, "incident_id": ""},
        GOOD,
        {**GOOD, "incident_id": "T-6", "population": "tg", "people_affected": "2"},
    ]
    result, loaded, quarantine = load(con, tmp_path, rows)
    assert result.rows_read == len(rows) == result.rows_loaded + result.rows_quarantined
    assert sorted(loaded["row_number"]) == [1, 3, 6]
    assert sorted(quarantine["row_number"].unique()) == [2, 4, 5]
    assert set(quarantine.loc[quarantine["row_number"] == 2, "column"]) == {"date", "actor"}
    log = con.execute(
        "SELECT rows_read, rows_loaded, rows_quarantined FROM load_log WHERE file_name = 'file.csv'"
    ).fetchone()
    assert log == (6, 3, 3)


def test_same_file_twice_changes_nothing_and_a_new_version_replaces(con, tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD, {**GOOD, "incident_id": "T-2"}])
    first = ingest_file(con, "incidents", path, TODAY)
    second = ingest_file(con, "incidents", path, TODAY)
    assert (first.status, second.status) == ("loaded", "unchanged")
    count = "SELECT count(*) FROM incidents WHERE file_identity = 'incidents/file.csv'"
    assert con.execute(count).fetchone()[0] == 2
    write(tmp_path, [{**GOOD, "incident_id": "T-9"}])
    third = ingest_file(con, "incidents", path, TODAY)
    assert third.status == "replaced"
    ids = con.execute(
        "SELECT incident_id FROM incidents WHERE file_identity = 'incidents/file.csv'"
    ).fetchall()
    assert ids == [("T-9",)]


def test_other_kinds_validate_their_own_columns(con, tmp_path: Path) -> None:
    service = {
        "service_id": "S1",
        "service_type": "nsp",
        "commune_code": "120201",
        "operator": "NGO",
        "opened": "2014-01-15",
        "public": "yes",
        "lon": "104.92",
        "lat": "11.56",
    }
    loaded, quarantine = one(con, tmp_path, "services", **service)
    assert quarantine.empty and loaded["lon"].tolist() == [104.92]  # public: point kept
    loaded, _ = one(con, tmp_path, "services", **{**service, "service_id": "S2", "public": "no"})
    assert loaded["lon"].isna().all()  # not public: no point kept
    loaded, quarantine = one(
        con,
        tmp_path,
        "academies",
        academy="A",
        province="Phnom Penh",
        adopted="2011-11-15",
        modules_delivered="10",
    )
    assert "'10' is above 9" in quarantine["reason"].iloc[0]
    loaded, _ = one(
        con,
        tmp_path,
        "kp_estimates",
        province="12",
        population="pwid",
        year="2012",
        estimate="1100",
        source="s",
    )
    assert loaded["province_code"].tolist() == ["12"]
    loaded, quarantine = one(
        con,
        tmp_path,
        "service_activity",
        service_id="S1",
        operator="NGO",
        month="2014-13",
        contacts="5",
    )
    assert "is not a month" in quarantine["reason"].iloc[0]


def test_a_rejected_new_version_leaves_the_earlier_one_loaded(con, tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD])
    (first,) = partners.load_files(con, [("incidents", path)], TODAY)
    write(tmp_path, [{k: v for k, v in GOOD.items() if k != "date"}])
    (second,) = partners.load_files(con, [("incidents", path)], TODAY)
    assert (first.status, second.status) == ("loaded", "rejected")
    assert "missing required column(s) date" in second.message
    log = con.execute("SELECT rows_loaded FROM load_log WHERE file_name = 'file.csv'").fetchall()
    assert log == [(1,)]
    count = "SELECT count(*) FROM incidents WHERE file_identity = 'incidents/file.csv'"
    assert con.execute(count).fetchone()[0] == 1
    rejected = con.execute("SELECT file_name, message FROM rejected_files").fetchall()
    assert rejected[0][0] == "file.csv" and "missing required" in rejected[0][1]
