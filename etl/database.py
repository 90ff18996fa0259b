"""Writing the atlas's DuckDB file: all at once, then renamed into place, one writer at a time.

A build writes every table into a new file beside the target and renames it over the old one
only when it is complete, so a reader never sees half a database and an interrupted build
leaves the previous file as it was. A lock file beside the database (``atlas.duckdb.lock``,
``fcntl.flock``) makes a second build or ingest wait for the first, so the later rename never
drops what the earlier one loaded.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import duckdb_extension_spatial
import geopandas as gpd
import pandas as pd
import shapely

from etl.briefing_store import write_briefing_store, write_evaluation_headline
from etl.schema import briefing_store_path

GEOMETRY_COLUMNS = ("geom", "geom_display")
LOCK_WAIT_SECONDS = 600.0  # how long a second writer waits for the first
_POLL_SECONDS = 0.1
_held: dict[Path, int] = {}  # lock files this process holds, and how deeply


class DatabaseBusy(RuntimeError):
    """Another build or ingest held the database for longer than this one would wait."""


def _holder(lock_path: Path) -> str:
    try:
        pid = lock_path.read_text(encoding="ascii").strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def _acquire(handle: int, db_path: Path, lock_path: Path, wait: float) -> None:
    """Take the lock on ``handle``, waiting up to ``wait`` seconds.

    Raises:
        DatabaseBusy: if it is still held after ``wait`` seconds.
    """
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    print(
        f"waiting for another build or ingest of {db_path}{_holder(lock_path)} to finish "
        f"(up to {wait:g} s) ...",
        file=sys.stderr,
        flush=True,
    )
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"{db_path} is being written by another build or ingest"
                    f"{_holder(lock_path)}, still running after {wait:g} s; nothing was "
                    f"changed: run this again when it has finished (lock file {lock_path.name})"
                ) from None
            time.sleep(_POLL_SECONDS)


@contextlib.contextmanager
def database_lock(db_path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the write lock of ``db_path`` (the file ``<db>.lock`` beside it) for the block;
    re-entrant within a process. A second writer waits, printing a notice on stderr.

    Raises:
        DatabaseBusy: if another process holds it for more than ``wait`` seconds.
        OSError: if the lock file cannot be created.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    key = lock_path.resolve()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(handle, db_path, lock_path, wait)
        os.ftruncate(handle, 0)
        os.write(handle, str(os.getpid()).encode("ascii"))
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def spatial_extension_path() -> Path:
    """The spatial extension shipped by the ``duckdb-extension-spatial`` wheel.

    Raises:
        FileNotFoundError: if the wheel holds no build for the installed duckdb version (the
            two packages must have the same version).
    """
    root = Path(duckdb_extension_spatial.__file__).parent / "extensions"
    path = root / f"v{duckdb.__version__}" / "spatial.duckdb_extension"
    if not path.is_file():
        found = sorted(p.name for p in root.iterdir()) if root.is_dir() else []
        raise FileNotFoundError(
            f"no spatial extension for duckdb {duckdb.__version__} in {root} (found {found}); "
            "install duckdb-extension-spatial with the same version as duckdb"
        )
    return path


def load_spatial(con: duckdb.DuckDBPyConnection) -> None:
    """Load the spatial extension into a connection, offline, by path.

    Raises:
        FileNotFoundError: see ``spatial_extension_path``.
    """
    con.execute(f"LOAD '{spatial_extension_path()}'")


def _to_relation_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Geometry columns become WKB bytes; list columns stay lists."""
    out = pd.DataFrame(frame).copy()
    for column in GEOMETRY_COLUMNS:
        if column in out.columns:
            out[column] = shapely.to_wkb(gpd.GeoSeries(out[column]).values)
    return out


def _create_table(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    staged = _to_relation_frame(frame)
    con.register("staged", staged)
    geo = [c for c in GEOMETRY_COLUMNS if c in staged.columns]
    exclude = f" EXCLUDE ({', '.join(geo)})" if geo else ""
    converted = "".join(f", ST_GeomFromWKB({c}) AS {c}" for c in geo)
    # ``name`` comes from the build's own fixed table list, never from input data.
    con.execute(f'CREATE TABLE "{name}" AS SELECT *{exclude}{converted} FROM staged')
    con.unregister("staged")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_builds(db_path: Path) -> list[Path]:
    """Delete unfinished files of builds whose process is gone (killed midway), the database's
    and its briefing store's; return them."""
    removed = []
    for name in (db_path.name, briefing_store_path(db_path).name):
        for leftover in db_path.parent.glob(f"{name}.*.tmp*"):
            pid = leftover.name[len(name) + 1 :].split(".")[0]
            if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
    return removed


@contextlib.contextmanager
def _replacing(db_path: Path, copy_first: bool, wait: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a new file beside ``db_path`` (a copy of it if ``copy_first``) that is
    renamed over ``db_path`` on success, with the pilot evaluation's headline written into it
    and its briefing store (``etl.briefing_store``) beside it, and deleted on any exception;
    the write lock is held from before the copy until after the renames."""
    with database_lock(db_path, wait):
        remove_stale_builds(db_path)
        tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.tmp")
        if copy_first:
            shutil.copy2(db_path, tmp)
        con = duckdb.connect(str(tmp))
        store = None
        try:
            yield con
            write_evaluation_headline(con)
            store = write_briefing_store(con, db_path)
            con.execute("CHECKPOINT")
            con.close()
            os.replace(tmp, db_path)
            os.replace(store, briefing_store_path(db_path))
        except BaseException:
            con.close()
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal"), store):
                if leftover is not None:
                    leftover.unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def atomic_database(
    db_path: Path, wait: float = LOCK_WAIT_SECONDS
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a new, empty database file that replaces ``db_path`` on success.

    On any exception the new file is deleted and ``db_path`` is left untouched.

    Raises:
        OSError: if the folder cannot be written.
        DatabaseBusy: if another writer holds the database for more than ``wait`` seconds.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _replacing(db_path, copy_first=False, wait=wait) as con:
        yield con


@contextlib.contextmanager
def atomic_update(
    db_path: Path, wait: float = LOCK_WAIT_SECONDS
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a copy of ``db_path`` that replaces it on success. The copy is
    taken under the write lock, so it holds what any earlier writer loaded.

    Raises:
        FileNotFoundError: if ``db_path`` does not exist (build it first).
        DatabaseBusy: if another writer holds the database for more than ``wait`` seconds.
    """
    with database_lock(db_path, wait):
        if not db_path.is_file():
            raise FileNotFoundError(
                f"{db_path} does not exist: build it first with python -m etl build"
            )
        with _replacing(db_path, copy_first=True, wait=wait) as con:
            yield con


def write_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """Create one table per entry; geometry columns are stored as DuckDB GEOMETRY."""
    for name, frame in tables.items():
        _create_table(con, name, frame)
