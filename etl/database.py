"""Writing the atlas's DuckDB file of facts: all at once, then renamed into place, one writer
at a time.

A build or an ingest writes every table into a new file beside the target and renames it over
the old one only when it is complete, so a reader never sees half a database and an
interrupted write leaves the previous file as it was. A lock file beside the database
(``atlas.duckdb.lock``, ``fcntl.flock``) makes a second build or ingest wait for the first, so
the later rename never drops what the earlier one loaded. Every write records a new
``build_id`` (and ``facts_written_at``) in ``build_info``: the products derived from the facts
(``publish``, run after the lock is released) carry the id they were made from.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import duckdb_extension_spatial
import geopandas as gpd
import pandas as pd
import shapely

from etl.schema import BUILD_ID, FACTS_WRITTEN_AT

GEOMETRY_COLUMNS = ("geom", "geom_display")
LOCK_WAIT_SECONDS = 600.0  # how long a second writer waits for the first
_POLL_SECONDS = 0.1
_held: dict[Path, int] = {}  # lock files this process holds, and how deeply


class DatabaseBusy(RuntimeError):
    """Another writer held a lock for longer than this one would wait."""


def _holder(lock_path: Path) -> str:
    try:
        pid = lock_path.read_text(encoding="ascii").strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def _acquire(handle: int, target: Path, lock_path: Path, wait: float, doing: str) -> None:
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
        f"waiting for another {doing} of {target}{_holder(lock_path)} to finish "
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
                    f"{target} is being written by another {doing}"
                    f"{_holder(lock_path)}, still running after {wait:g} s; nothing was "
                    f"changed: run this again when it has finished (lock file {lock_path.name})"
                ) from None
            time.sleep(_POLL_SECONDS)


@contextlib.contextmanager
def file_lock(target: Path, lock_path: Path, doing: str, wait: float) -> Iterator[None]:
    """Hold the lock file ``lock_path`` (``fcntl.flock``) for the block, on behalf of writing
    ``target``; re-entrant within a process. A second writer waits, printing a notice on
    stderr that names ``doing`` (e.g. "build or ingest").

    Raises:
        DatabaseBusy: if another process holds it for more than ``wait`` seconds.
        OSError: if the lock file cannot be created.
    """
    lock_path.parent.mkdir(parents=True, exist_ok=True)
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
        _acquire(handle, target, lock_path, wait, doing)
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


def lock_is_held(lock_path: Path) -> bool:
    """True when another process holds the lock file ``lock_path`` now (False when nobody
    does, or the file does not exist)."""
    try:
        handle = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(handle)  # closing the descriptor releases a lock taken on it
    return False


def database_lock(
    db_path: Path, wait: float = LOCK_WAIT_SECONDS
) -> contextlib.AbstractContextManager[None]:
    """Hold the write lock of ``db_path`` (the file ``<db>.lock`` beside it) for the block;
    re-entrant within a process. A second writer waits, printing a notice on stderr.

    Raises:
        DatabaseBusy: if another process holds it for more than ``wait`` seconds.
        OSError: if the lock file cannot be created.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    return file_lock(db_path, lock_path, "build or ingest", wait)


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


def remove_stale_files(path: Path) -> list[Path]:
    """Delete unfinished files written beside ``path`` (``<name>.<pid>.tmp*``) by processes
    that are gone (killed midway) or by this one; return them."""
    removed = []
    for leftover in path.parent.glob(f"{path.name}.*.tmp*"):
        pid = leftover.name[len(path.name) + 1 :].split(".")[0]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def remove_stale_builds(db_path: Path) -> list[Path]:
    """Delete unfinished database files of builds whose process is gone; return them."""
    return remove_stale_files(db_path)


def new_build_id() -> tuple[str, str]:
    """A new build id (32 hex digits) and the time it is written (UTC, ISO, seconds)."""
    return uuid.uuid4().hex, datetime.now(UTC).isoformat(timespec="seconds")


def _stamp(con: duckdb.DuckDBPyConnection) -> str:
    """Record a new build id and its time in ``build_info``; returns the id."""
    build_id, written = new_build_id()
    con.execute("CREATE TABLE IF NOT EXISTS build_info (key VARCHAR, value VARCHAR)")
    con.execute("DELETE FROM build_info WHERE key IN ($id, $at)",
                {"id": BUILD_ID, "at": FACTS_WRITTEN_AT})  # fmt: skip
    con.execute("INSERT INTO build_info VALUES ($id, $build), ($at, $written)",
                {"id": BUILD_ID, "build": build_id, "at": FACTS_WRITTEN_AT,
                 "written": written})  # fmt: skip
    return build_id


@contextlib.contextmanager
def _replacing(db_path: Path, copy_first: bool, wait: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a new file beside ``db_path`` (a copy of it if ``copy_first``) that is
    stamped with a new build id and renamed over ``db_path`` on success, and deleted on any
    exception; the write lock is held from before the copy until after the rename, and covers
    nothing else (the derived products are ``publish``'s, after it)."""
    with database_lock(db_path, wait):
        remove_stale_builds(db_path)
        tmp = db_path.with_name(f"{db_path.name}.{os.getpid()}.tmp")
        if copy_first:
            shutil.copy2(db_path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            yield con
            _stamp(con)
            con.execute("CHECKPOINT")
            con.close()
            os.replace(tmp, db_path)
        except BaseException:
            con.close()
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
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
