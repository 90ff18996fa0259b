"""A build from partner files goes on past any file that fails: a services file placed by
commune code without lon/lat columns loads, a hostile workbook and a file that meets an error
of the atlas's own are rejected with their reasons, and every other file is loaded."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from benchmarks import hostile_workbooks as hostile
from etl import build
from etl.partners import loading
from tests.conftest import write_partner_incidents


def test_no_file_can_break_the_build(
    tmp_path: Path, reference_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    partners = tmp_path / "partners"
    write_partner_incidents(partners)
    (partners / "services").mkdir()
    (partners / "services" / "by_code.csv").write_text(
        "service_id,service_type,operator,opened,commune_code,public\n"
        "S-1,nsp,NGO A,2013-01-01,120201,yes\nS-2,hiv_testing,NGO A,2013-02-01,010201,no\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ATLAS_XLSX_MAX_SHEET_MB", "2")
    hostile.zip_bomb(partners / "incidents" / "bomb.xlsx", expand_mb=8)
    (partners / "academies").mkdir()
    (partners / "academies" / "academies.csv").write_text(
        "academy,province,adopted\nPolice Academy,Kandal,2012-01-01\n", encoding="utf-8"
    )
    ingest = loading.ingest_file

    def engine_fault(con, kind, path, *args):
        if path.name == "academies.csv":
            raise duckdb.BinderException('Referenced column "s.lon" not found in FROM clause!')
        return ingest(con, kind, path, *args)

    monkeypatch.setattr(loading, "ingest_file", engine_fault)
    result = build.build(db_path=tmp_path / "atlas.duckdb", reference_dir=reference_dir,
                         report_dir=tmp_path / "reports", partner_dir=partners)  # fmt: skip
    status = {r.file_name: (r.status, r.rows_loaded) for r in result.loads}
    assert status == {"outreach_2014.csv": ("loaded", 30), "bomb.xlsx": ("rejected", 0),
                      "by_code.csv": ("loaded", 2), "academies.csv": ("rejected", 0)}  # fmt: skip
    fault = next(r.message for r in result.loads if r.file_name == "academies.csv")
    assert fault == (
        "academies.csv: not loaded: the atlas met an error of its own while ingesting it "
        "(BinderException); the other files were loaded. Nothing of this file was kept: report "
        "it to the atlas's maintainers with the file"
    )
    with duckdb.connect(str(result.db_path), read_only=True) as con:
        rejected = dict(con.execute("SELECT file_name, message FROM rejected_files").fetchall())
        assert set(rejected) == {"bomb.xlsx", "academies.csv"}
        assert "ATLAS_XLSX_MAX_SHEET_MB" in rejected["bomb.xlsx"]
        assert con.execute("SELECT count(*) FROM services_by_commune").fetchone()[0] == 2
        flag = con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone()[0]
    assert flag == "false"
