"""The commune match report written by the build on the real reference data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from etl.reference import match_report


def test_report_lists_every_polygon_not_matched_exactly(built_db: Path) -> None:
    con = duckdb.connect(str(built_db), read_only=True)
    rows = pd.read_csv(built_db.parent / "reports" / match_report.REPORT_CSV, dtype=str)
    expected = con.execute(
        "SELECT count(*) FROM communes WHERE match_method <> 'exact'"
    ).fetchone()[0]
    con.close()
    assert len(rows) == expected
    ambiguous = rows[rows["match_method"] == "ambiguous"]
    assert (ambiguous["best_candidates"].str.count(";") >= 1).all()
    summary = (built_db.parent / "reports" / match_report.REPORT_MD).read_text(encoding="utf-8")
    assert "Official communes with no polygon" in summary
