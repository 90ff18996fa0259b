"""The About page's rows per file and per quarantine reason: exact for the admin role only;
the analyst (from the database) and the briefing audience (from its store) read them rounded
to tens, ``<10`` below ten, and are told why."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.schema import briefing_store_path
from query.file_counts import file_count_text
from tests.pages.test_audiences import opened, roles_file  # noqa: F401 - the fixture

pytestmark = pytest.mark.integration
NOTE = ("Rows are rounded to tens, and fewer than ten read <10: a file's rows are incidents "
        "too. Only administrators see them exactly.")  # fmt: skip


def _exact(db: Path) -> dict[str, tuple[int, int, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT file_name, rows_read, rows_loaded, rows_quarantined "
                           "FROM load_log").fetchall()  # fmt: skip
    finally:
        con.close()
    return {name: tuple(numbers) for name, *numbers in rows}


@pytest.mark.usefixtures("roles_file")
def test_file_counts_are_exact_only_for_the_admin(atlas_env: Path) -> None:
    exact = _exact(atlas_env)
    incidents = exact["synthetic_incidents.csv"]
    assert incidents[2] > 0 and incidents[0] % 10  # not a round number: rounding shows
    for user, is_admin in (("admin", True), ("analyst", False), ("briefing", False)):
        at = opened("about", {"email": f"{user}@example.org"})
        assert not at.exception
        loads = at.dataframe[1].value.set_index("File")
        for name, numbers in exact.items():
            shown = tuple(loads.loc[name, ["Rows read", "Loaded", "Quarantined"]])
            assert shown == tuple(file_count_text(n, is_admin) for n in numbers), (user, name)
        reasons = at.dataframe[2].value
        assert all(r == "<10" or r.replace(",", "").isdigit() for r in reasons["Rows"])
        if not is_admin:
            assert all(r == "<10" or int(r.replace(",", "")) % 10 == 0 for r in reasons["Rows"])
        assert (NOTE in [c.value for c in at.caption]) is not is_admin
    assert loads.loc["synthetic_services.csv", "Quarantined"] == "<10"  # a zero is not shown


def test_the_briefing_store_holds_file_counts_protected(atlas_env: Path) -> None:
    con = duckdb.connect(str(briefing_store_path(atlas_env)), read_only=True)
    try:
        stored = con.execute("SELECT rows_read, rows_loaded, rows_quarantined FROM load_log "
                             "UNION ALL SELECT rows, rows, rows FROM quarantine_summary"
                             ).fetchall()  # fmt: skip
    finally:
        con.close()
    numbers = [n for row in stored for n in row]
    assert None in numbers  # fewer than ten: stored as the class, read as "<10"
    assert all(n is None or (n >= 10 and n % 10 == 0) for n in numbers)
