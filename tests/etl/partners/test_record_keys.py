"""Record keys: derived from a secret and the row's identity, the same across builds, other
with another secret, spread over [0, 256), summed per cell, and the secret kept out of the
database."""

from __future__ import annotations

import stat
from pathlib import Path

import duckdb
import pytest

from etl import build, partners
from tests.etl.partners.conftest import HEADER, TODAY, good_line


def keys(db_or_con: Path | duckdb.DuckDBPyConnection) -> dict[tuple[str, str], int]:
    sql = "SELECT source, incident_id, record_key FROM incidents"
    if isinstance(db_or_con, Path):
        with duckdb.connect(str(db_or_con), read_only=True) as con:
            rows = con.execute(sql).fetchall()
    else:
        rows = db_or_con.execute(sql).fetchall()
    return {(source, incident): key for source, incident, key in rows}


def test_the_same_records_get_the_same_keys_in_another_build(
    built_db: Path, reference_dir: Path, tmp_path: Path
) -> None:
    again = build.build(
        db_path=tmp_path / "again.duckdb",
        reference_dir=reference_dir,
        report_dir=tmp_path / "reports",
        demo_dir=built_db.parent / "demo",
    )
    first, second = keys(built_db), keys(again.db_path)
    assert len(first) > 10_000 and first == second


def test_another_secret_gives_other_keys(con, tmp_path: Path) -> None:
    path = tmp_path / "keys.csv"
    rows = [good_line(i) for i in range(200)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    partners.ingest_file(con, "incidents", path, TODAY, secret="a" * 64)
    with_a = {k: v for k, v in keys(con).items() if k[0] == "Test NGO"}
    path.write_text("\n".join([HEADER, *rows, ""]) + "\n", encoding="utf-8")  # new version
    partners.ingest_file(con, "incidents", path, TODAY, secret="b" * 64)
    with_b = {k: v for k, v in keys(con).items() if k[0] == "Test NGO"}
    assert with_a.keys() == with_b.keys() and len(with_a) == 200
    same = sum(with_a[k] == with_b[k] for k in with_a)
    assert same < 10  # by chance 1 in 256 each


def test_keys_spread_over_0_to_255_and_sum_per_cell(built_db: Path) -> None:
    with duckdb.connect(str(built_db), read_only=True) as con:
        low, high, distinct, smallest, largest, total = con.execute(
            "SELECT min(record_key), max(record_key), count(DISTINCT record_key), "
            "min(n), max(n), sum(n) FROM (SELECT record_key, count(*) AS n FROM incidents "
            "GROUP BY ALL)"
        ).fetchone()
        (missing,) = con.execute(
            "SELECT count(*) FROM incidents WHERE record_key IS NULL"
        ).fetchone()
        (mismatches,) = con.execute(
            """
            SELECT count(*) FROM incidents_monthly m FULL JOIN (
                SELECT polygon_id, CAST(date_trunc('month', date) AS DATE) AS month,
                    incident_type, population, actor, sum(record_key) AS key_sum
                FROM incidents GROUP BY ALL) i
              USING (polygon_id, month, incident_type, population, actor)
            WHERE m.key_sum IS DISTINCT FROM i.key_sum
            """
        ).fetchone()
    mean = total / 256
    assert (low, high, distinct, missing) == (0, 255, 256, 0)
    assert 0.5 * mean < smallest and largest < 1.5 * mean  # about uniform
    assert mismatches == 0


def test_the_secret_is_a_private_file_and_never_in_the_database(
    built_db: Path, record_key_secret: Path
) -> None:
    secret = record_key_secret.read_text(encoding="ascii").strip()
    assert len(secret) == 64 and int(secret, 16) >= 0
    assert stat.S_IMODE(record_key_secret.stat().st_mode) == 0o600
    with duckdb.connect(str(built_db), read_only=True) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
            "AND data_type NOT IN ('GEOMETRY', 'BLOB')"
        ).fetchall()
        for table, column in columns:
            (found,) = con.execute(
                f'SELECT count(*) FROM "{table}" WHERE CAST("{column}" AS VARCHAR) LIKE ?',
                [f"%{secret[:16]}%"],
            ).fetchone()
            assert found == 0, (table, column)


def test_a_damaged_secret_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "record_keys.secret"
    bad.write_text("not hex\n", encoding="ascii")
    monkeypatch.setenv("ATLAS_SECRET_FILE", str(bad))
    with pytest.raises(partners.SecretFileError, match=r"expected 64 hexadecimal digits"):
        partners.record_secret()
    made = tmp_path / "new" / "keys.secret"
    assert partners.record_secret(made) == made.read_text(encoding="ascii").strip()


def test_a_database_from_before_record_keys_gets_them_at_the_next_load(con, tmp_path: Path) -> None:
    con.execute("DROP TABLE incidents_monthly")
    con.execute("ALTER TABLE incidents DROP COLUMN record_key")
    path = tmp_path / "later.csv"
    path.write_text(f"{HEADER}\n{good_line(1)}\n", encoding="utf-8")
    partners.load_files(con, [("incidents", path)], TODAY)
    (missing, total, sums) = con.execute(
        "SELECT count(*) FILTER (record_key IS NULL), count(*), "
        "(SELECT sum(key_sum) FROM incidents_monthly) = sum(record_key) FROM incidents"
    ).fetchone()
    assert (missing, sums) == (0, True) and total > 10_000
