"""The publish stage: every derived product (``publish.products``) made from one build of the
facts, written beside the database and renamed into place, one publish at a time.

The stage reads the facts through a read-only snapshot (the file as it was when the stage
opened it: a build or an ingest that replaces it meanwhile does not change what the stage
reads), makes each product in order, writes its tables into a new products file and a new
briefing store, checks what it wrote and records per product its rows, its checks, its
seconds and the build id it was made from (table ``products``, in both files). A failing
product records its reason and does not stop the others. Then both files are renamed over the
old ones (the briefing store only when it was made).

A lock beside the database (``atlas.duckdb.publish.lock``, not the facts' write lock) makes a
second publish wait; a publish that finds every product made from the facts' current build
does nothing; one that finds the facts changed while it ran publishes again, so it ends on the
newest facts.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

import query
from etl.database import LOCK_WAIT_SECONDS, file_lock, lock_is_held, remove_stale_files
from etl.schema import briefing_store_path, products_path, publish_lock_path
from publish import products as declared
from publish.codec import dumps
from publish.product import FILES, Copy, Inputs, Product, Table
from query.products import RECORD_COLUMNS, Stamp, facts_stamp, open_file, records, stamp

#: How many times one publish starts again when the facts keep changing under it.
MAX_ROUNDS = 5


@dataclass(frozen=True)
class Record:
    """What the stage recorded of one product (a row of the ``products`` table)."""

    name: str
    file: str
    build_id: str
    facts_written_at: str
    made_at: str
    status: str  # made, failed
    reason: str | None
    rows: dict[str, int]
    checks: list[dict]
    seconds: float


@dataclass(frozen=True)
class StageResult:
    """One run of the stage: the build it ends on, each product's record, how many times it
    published (0: the products were already made from that build) and its seconds."""

    build_id: str
    records: tuple[Record, ...]
    rounds: int
    seconds: float


def file_paths(db_path: Path) -> dict[str, Path]:
    """Where each file of the stage goes, by ``publish.product.FILES`` name."""
    return {"products": products_path(db_path), "briefing": briefing_store_path(db_path)}


def is_running(db_path: Path) -> bool:
    """True while a publish of ``db_path`` runs (in any process)."""
    return lock_is_held(publish_lock_path(db_path))


def published_build(db_path: Path) -> tuple[str | None, pd.DataFrame]:
    """The build every product was made from (None when the products were made from
    different builds, or are missing), and the records of the products file."""
    try:
        con = open_file(products_path(db_path))
    except query.products.ProductsMissingError:
        return None, records_frame([])
    try:
        found = records(con)
    finally:
        con.close()
    builds = set(found["build_id"])
    complete = set(found["name"]) >= {p.name for p in declared.PRODUCTS}
    return (builds.pop() if complete and len(builds) == 1 else None), found


def records_frame(rows: list[Record]) -> pd.DataFrame:
    """Records as the ``products`` table holds them (rows and checks as JSON)."""
    data = [{**vars(r), "rows": dumps(r.rows), "checks": dumps(r.checks)} for r in rows]
    return pd.DataFrame(data, columns=list(RECORD_COLUMNS))


def publish(db_path: Path, wait: float = LOCK_WAIT_SECONDS) -> StageResult:
    """Make every product from the facts at ``db_path`` unless they are made from its current
    build already, until the facts stop changing (at most ``MAX_ROUNDS`` times).

    Raises:
        query.DatabaseMissingError: if there is no database, or it records no build id
            (written by an older version: build it again).
        etl.database.DatabaseBusy: if another publish runs for longer than ``wait`` seconds.
        OSError: if a file cannot be written.
    """
    started = time.perf_counter()
    with file_lock(db_path, publish_lock_path(db_path), "publish", wait):
        rounds, done = 0, ()
        while rounds < MAX_ROUNDS:
            facts = facts_stamp(db_path)
            if facts is None:
                raise query.DatabaseMissingError(
                    f"{db_path} holds no facts with a build id: build it with python -m etl build"
                )
            current, found = published_build(db_path)
            if current == facts.build_id:
                done = done or tuple(_read_records(found))
                break
            done = tuple(publish_once(db_path))
            rounds += 1
    build = done[0].build_id if done else ""
    return StageResult(build, done, rounds, time.perf_counter() - started)


def _read_records(frame: pd.DataFrame) -> list[Record]:
    """The ``products`` table as records, in the order the products are declared."""
    found = [
        Record(**{**row, "rows": json.loads(row["rows"]), "checks": json.loads(row["checks"])})
        for row in frame.to_dict(orient="records")
    ]
    order = {p.name: i for i, p in enumerate(declared.PRODUCTS)}
    return sorted(found, key=lambda r: order.get(r.name, len(order)))


def publish_once(db_path: Path, products: tuple[Product, ...] | None = None) -> list[Record]:
    """Make ``products`` (default: every declared one) from one snapshot of the facts, write
    the files and rename them into place; returns the records. The caller holds the publish
    lock.

    Raises:
        query.DatabaseMissingError: if the database is missing or records no build id.
        OSError: if a file cannot be written.
    """
    paths = file_paths(db_path)
    con = query.open_database(db_path)
    tmps = {name: path.with_name(f"{path.name}.{os.getpid()}.tmp") for name, path in paths.items()}
    try:
        facts = stamp(con)
        if facts is None:
            raise query.DatabaseMissingError(f"{db_path} records no build id: build it again")
        for name, tmp in tmps.items():
            remove_stale_files(paths[name])
            con.execute(f"ATTACH '{_literal(tmp)}' AS out_{name}")
        done = _make_all(con, facts, products or declared.PRODUCTS)
        frame = records_frame(done)
        for name in FILES:
            _write(con, name, "products", frame, RECORD_COLUMNS)
            con.execute(f"DETACH out_{name}")
    except BaseException:
        con.close()
        for tmp in tmps.values():
            tmp.unlink(missing_ok=True)
        raise
    con.close()
    failed = {r.name for r in done if r.status != "made"}
    for name, tmp in tmps.items():
        if declared.FILE_MAKERS.get(name) in failed:
            tmp.unlink(missing_ok=True)  # the file before stays, with its own build id
        else:
            os.replace(tmp, paths[name])
    return done


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


def _make_all(
    con: duckdb.DuckDBPyConnection, facts: Stamp, products: tuple[Product, ...]
) -> list[Record]:
    """Make, write and check each product in order; one record each."""
    made: dict[str, dict[str, pd.DataFrame]] = {}
    names = {p.name for p in products}
    done = []
    for product in products:
        started = time.perf_counter()
        missing = [r for r in product.reads if r in names and r not in made]
        rows, checks, reason = {}, [], None
        if missing:
            reason = f"not made: it reads {', '.join(missing)}, which failed"
        else:
            try:
                tables = product.make(Inputs(con, facts, made))
                rows = {t: _write(con, product.file, t, v, product.schemas.get(t))
                        for t, v in tables.items()}  # fmt: skip
                checks = _check(con, product)
                failed = [c for c in checks if not c["passed"]]
                if failed:
                    reason = f"check failed: {failed[0]['name']}: {failed[0]['detail']}"
                else:
                    made[product.name] = {t: v for t, v in tables.items()
                                          if isinstance(v, pd.DataFrame)}  # fmt: skip
            except Exception as exc:  # a failing product records why; the others go on
                reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            if reason is not None:
                for table in rows:
                    con.execute(f'DROP TABLE IF EXISTS out_{product.file}."{table}"')
        done.append(Record(
            product.name, product.file, facts.build_id, facts.written_at,
            datetime.now(UTC).isoformat(timespec="seconds"), "failed" if reason else "made",
            reason, rows, checks, round(time.perf_counter() - started, 3),
        ))  # fmt: skip
    return done


def _write(
    con: duckdb.DuckDBPyConnection, file: str, table: str, value: Table,
    schema: dict[str, str] | None,
) -> int:  # fmt: skip
    """Write one table into the file's new copy; returns its rows. Table names come from the
    declarations, never from data."""
    target = f'out_{file}."{table}"'
    con.execute(f"DROP TABLE IF EXISTS {target}")
    if isinstance(value, pd.DataFrame) and not len(value.columns):
        return 0  # nothing to hold: the table is left out (a reader gets None)
    if isinstance(value, Copy):
        con.execute(f"CREATE TABLE {target} AS {value.sql}")
    else:
        con.register("_product_rows", value)
        try:
            if schema:
                columns = ", ".join(f'"{c}" {kind}' for c, kind in schema.items())
                con.execute(f"CREATE TABLE {target} ({columns})")
                names = ", ".join(f'"{c}"' for c in schema)
                con.execute(f"INSERT INTO {target} SELECT {names} FROM _product_rows")
            else:
                con.execute(f"CREATE TABLE {target} AS SELECT * FROM _product_rows")
        finally:
            con.unregister("_product_rows")
    return int(con.execute(f"SELECT count(*) FROM {target}").fetchone()[0])


def _check(con: duckdb.DuckDBPyConnection, product: Product) -> list[dict]:
    """Run the product's checks on what was written: name, passed, and what is wrong."""

    def read(table: str) -> pd.DataFrame:
        return con.execute(f'SELECT * FROM out_{product.file}."{table}"').df()

    results = []
    for check in product.checks:
        problem = check.test(read)
        results.append({"name": check.name, "passed": problem is None, "detail": problem or ""})
    return results
