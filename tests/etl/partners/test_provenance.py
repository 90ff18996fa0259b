"""The synthetic flag describes the rows: demo files only ("true"), demo files with partner
files ("mixed"), or none of the demo's ("false"); a demo build that takes a real partner file is
mixed, and says so through the query layer and the briefing store."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import query
from etl.__main__ import main
from etl.partners import provenance
from etl.partners.tables import create_tables
from etl.schema import briefing_store_path
from tests.conftest import write_partner_incidents
from vocabulary import MIXED_LABEL, SYNTHETIC_LABEL


def tiny(flag: str, label: str = SYNTHETIC_LABEL) -> duckdb.DuckDBPyConnection:
    """An empty database with the partner tables and a build_info carrying ``flag``."""
    con = duckdb.connect()
    create_tables(con)
    con.execute("CREATE TABLE build_info (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO build_info VALUES ('synthetic', ?), ('partner_data', ?)",
                [flag, label])  # fmt: skip
    return con


def logged(con: duckdb.DuckDBPyConnection, identity: str, sha: str) -> None:
    """A file in the load log, as an ingest leaves it."""
    con.execute("DELETE FROM load_log WHERE file_identity = ?", [identity])
    con.execute("INSERT INTO load_log VALUES (?, ?, 'incidents', ?, 1, 1, 0, now())",
                [identity, identity.split("/")[1], sha])  # fmt: skip


def info(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    rows = dict(con.execute("SELECT key, value FROM build_info").fetchall())
    return rows["synthetic"], rows["partner_data"]


def test_the_flag_follows_the_files_loaded() -> None:
    con = tiny("true")
    provenance.create_demo_files(con)
    assert provenance.refresh_flag(con) is None and info(con) == ("true", SYNTHETIC_LABEL)
    logged(con, "incidents/synthetic_incidents.csv", "a1")
    provenance.mark_demo_files(con, ["incidents/synthetic_incidents.csv"])
    assert provenance.refresh_flag(con) == "true"
    logged(con, "incidents/outreach_2014.csv", "b1")  # a partner's file
    assert provenance.refresh_flag(con) == "mixed"
    assert info(con) == ("mixed", MIXED_LABEL)
    logged(con, "incidents/synthetic_incidents.csv", "a2")  # the demo's name, other bytes
    assert provenance.refresh_flag(con) == "false"
    assert info(con) == ("false", "partner files")


def test_a_partner_builds_label_is_kept_and_an_old_demo_database_is_recorded() -> None:
    con = tiny("false", "partner files from /srv/partners")
    provenance.create_demo_files(con)
    logged(con, "incidents/outreach_2014.csv", "b1")
    assert provenance.refresh_flag(con) == "false"
    assert info(con) == ("false", "partner files from /srv/partners")
    old = tiny("true")  # built before demo_files existed: every file it holds is the demo's
    logged(old, "incidents/synthetic_incidents.csv", "a1")
    provenance.create_demo_files(old)
    logged(old, "incidents/outreach_2014.csv", "b1")
    assert provenance.refresh_flag(old) == "mixed"


def test_a_real_file_ingested_into_a_demo_build_makes_it_mixed(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = tmp_path / "atlas.duckdb"
    shutil.copy(built_db, db)
    shutil.copy(briefing_store_path(built_db), briefing_store_path(db))
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        assert query.data_origin(con) == "synthetic" and query.is_synthetic(con)
        demo = con.execute("SELECT file_identity FROM load_log ORDER BY 1").fetchall()
    again = Path(built_db.parent / "demo" / demo[0][0])  # a demo file sent again, unchanged
    assert main(["ingest", again.parent.name, str(again), "--quiet"]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert query.data_origin(con) == "synthetic"
    partner = write_partner_incidents(tmp_path / "partners")
    assert main(["ingest", "incidents", str(partner), "--quiet"]) == 0
    capsys.readouterr()
    for path in (db, briefing_store_path(db)):  # the briefing store says it too
        with duckdb.connect(str(path), read_only=True) as con:
            assert query.data_origin(con) == "mixed" and not query.is_synthetic(con)
            assert query.build_info(con)["partner_data"] == MIXED_LABEL
    assert main(["report"]) == 0
    assert f"with {MIXED_LABEL}\n" in capsys.readouterr().out
