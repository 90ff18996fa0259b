"""The publish stage: every product made from the facts' current build and recorded, nothing
done when they are, a failing product recorded without stopping the others, the facts
changing meanwhile published again, one publish at a time, and the command's lines."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import query
from config import PROJECT_ROOT
from etl.database import atomic_update, file_lock
from etl.schema import briefing_store_path, products_path, publish_lock_path
from publish import products as declared
from publish import stage
from publish.__main__ import main
from publish.product import Copy
from query import products

pytestmark = pytest.mark.integration


@pytest.fixture()
def db(built_db: Path, tmp_path: Path) -> Path:
    """A copy of the published test database, its products and store beside it."""
    path = tmp_path / "atlas.duckdb"
    for source in (built_db, briefing_store_path(built_db), products_path(built_db)):
        shutil.copy(source, path.with_name(source.name))
    return path


def restamp(db: Path) -> str:
    """A new build of the same facts, as an ingest that loads nothing leaves it."""
    with atomic_update(db):
        pass
    return products.facts_stamp(db).build_id


def test_every_product_is_made_from_the_facts_build_and_recorded(built_db: Path) -> None:
    facts = products.facts_stamp(built_db)
    current, records = stage.published_build(built_db)
    assert current == facts.build_id and len(facts.build_id) == 32
    assert list(records["name"]) == sorted(declared.NAMES)
    assert set(records["status"]) == {"made"} and set(records["file"]) == {"products", "briefing"}
    for row in records.itertuples():
        checks = json.loads(row.checks)
        assert checks and all(c["passed"] for c in checks), row.name
        assert all(n >= 1 for n in json.loads(row.rows).values()), row.name
        assert row.seconds >= 0 and row.facts_written_at == facts.written_at
    con = query.open_database(briefing_store_path(built_db))
    try:
        assert products.stamp(con) == facts  # the store holds the build it was made from
        assert products.records(con).equals(records)
    finally:
        con.close()


def test_the_facts_hold_no_product(built_db: Path) -> None:
    con = query.open_database(built_db)
    try:
        assert not products.tables(con) & {"evaluation_headline", "ranking_inputs", "products"}
    finally:
        con.close()


def test_a_publish_on_current_products_does_nothing(db: Path) -> None:
    before = products_path(db).stat().st_ino, briefing_store_path(db).stat().st_ino
    result = stage.publish(db)
    assert result.rounds == 0 and [r.name for r in result.records] == list(declared.NAMES)
    assert (products_path(db).stat().st_ino, briefing_store_path(db).stat().st_ino) == before


def test_new_facts_make_the_products_behind_until_published(db: Path) -> None:
    old, _ = stage.published_build(db)
    new = restamp(db)
    assert new != old and stage.published_build(db)[0] == old  # the write did not publish
    result = stage.publish(db)
    assert result.rounds == 1 and result.build_id == new
    assert stage.published_build(db)[0] == new
    assert not list(db.parent.glob("*.tmp*"))  # every new file renamed into place


def test_facts_changed_during_a_publish_are_published_too(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restamp(db)
    first = declared.PRODUCTS[0]
    changed = []

    def make_then_ingest(inputs: object) -> dict:
        if not changed:  # an upload lands while the stage runs its first round
            changed.append(restamp(db))
        return first.make(inputs)

    patched = (dataclasses.replace(first, make=make_then_ingest), *declared.PRODUCTS[1:])
    monkeypatch.setattr(declared, "PRODUCTS", patched)
    result = stage.publish(db)
    assert result.rounds == 2 and result.build_id == changed[0]
    assert stage.published_build(db)[0] == changed[0]


def test_a_failing_product_records_why_and_the_others_are_made(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(inputs: object) -> dict:
        raise RuntimeError("the estimator did not converge\nsecond line")

    patched = tuple(
        dataclasses.replace(p, make=fails) if p.name == "evaluation_default" else p
        for p in declared.PRODUCTS
    )
    monkeypatch.setattr(declared, "PRODUCTS", patched)
    new = restamp(db)
    result = stage.publish(db)
    by_name = {r.name: r for r in result.records}
    assert by_name["evaluation_default"].status == "failed"
    assert by_name["evaluation_default"].reason == "RuntimeError: the estimator did not converge"
    assert {r.status for n, r in by_name.items() if n != "evaluation_default"} == {"made"}
    con = products.open_file(products_path(db))
    try:
        assert products.product_table(con, "evaluation_default") is None
        assert products.product_table(con, "evaluation_headline") is not None
    finally:
        con.close()
    assert stage.published_build(db)[0] == new  # made (or failed) from the current build
    assert stage.publish(db).rounds == 0


def test_a_store_that_fails_its_check_is_not_published(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = next(p for p in declared.PRODUCTS if p.name == "briefing_store")
    leak = Copy("SELECT *, 'Alpha' AS commune_name_en FROM load_log")
    leaky = dataclasses.replace(store, make=lambda inputs: {**store.make(inputs), "load_log": leak})
    patched = tuple(leaky if p.name == "briefing_store" else p for p in declared.PRODUCTS)
    monkeypatch.setattr(declared, "PRODUCTS", patched)
    before = briefing_store_path(db).read_bytes()
    restamp(db)
    by_name = {r.name: r for r in stage.publish(db).records}
    assert by_name["briefing_store"].reason == (
        "check failed: no place below the province: load_log.commune_name_en holds 6 values"
    )
    assert by_name["ranking_inputs"].reason.endswith("it reads briefing_store, which failed")
    assert briefing_store_path(db).read_bytes() == before  # the store before stays


def test_a_second_publish_waits_for_the_first(db: Path) -> None:
    restamp(db)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    assert stage.is_running(db) is False
    with file_lock(db, publish_lock_path(db), "publish", 1):
        assert stage.is_running(db) is True
        late = subprocess.run(
            [sys.executable, "-m", "publish", "--db", str(db), "--wait", "0.5"],
            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert late.returncode == 2
    assert "waiting for another publish of" in late.stderr
    assert "is being written by another publish" in late.stderr and "Traceback" not in late.stderr


def test_the_command_prints_each_products_rows_checks_and_seconds(
    db: Path, capsys: pytest.CaptureFixture
) -> None:
    new = restamp(db)
    assert main(["--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[0] for line in lines[:-1]] == list(declared.NAMES)
    assert lines[0].startswith("evaluation_headline (products): made; rows: evaluation_headline 1;")
    assert all("checks: " in line and " passed; " in line for line in lines[:-1])
    assert lines[-1].startswith(f"published build {new} in ")
    assert main(["--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"nothing to do: every product is made from build {new}"
    )


def test_a_database_without_build_id_is_refused(tmp_path: Path, tiny_db: Path) -> None:
    db = tmp_path / "old.duckdb"
    shutil.copy(tiny_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM build_info WHERE key = 'build_id'")
    with pytest.raises(query.DatabaseMissingError, match="holds no facts with a build id"):
        stage.publish(db)
