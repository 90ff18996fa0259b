"""Loading partner files (the demo set's too) into an open atlas database, with progress and a
summary."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import duckdb
from tqdm import tqdm

from etl.database import load_spatial
from etl.partners.aggregates import build_aggregates
from etl.partners.contract import CONTRACTS
from etl.partners.ingest import LoadResult, file_identity, ingest_file, log_rejection
from etl.partners.privacy import round_coordinates
from etl.partners.provenance import create_demo_files, mark_demo_files, refresh_flag
from etl.partners.record_keys import fill_record_keys, record_secret
from etl.partners.staging import FileRejected, shown_name
from etl.partners.tables import create_tables
from etl.reference import PLACE_KEY_MACRO

SUFFIXES = (".csv", ".xlsx", ".xlsm")


def partner_files(folder: Path) -> list[tuple[str, Path]]:
    """``(kind, path)`` for every CSV/XLSX file in ``folder/<kind>/``, in a stable order."""
    found = []
    for kind in CONTRACTS:
        sub = folder / kind
        if sub.is_dir():
            found += [(kind, p) for p in sorted(sub.iterdir()) if p.suffix.lower() in SUFFIXES]
    return found


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Load the spatial extension, the name-key macro, and create the partner tables (and the
    record of the demo's files: ``provenance``)."""
    load_spatial(con)
    con.execute(PLACE_KEY_MACRO)
    create_tables(con)
    create_demo_files(con)


def load_files(
    con: duckdb.DuckDBPyConnection,
    files: Iterable[tuple[str, Path]],
    today: date | None = None,
    progress: bool = False,
    allow_fewer: bool = False,
    demo: bool = False,
) -> list[LoadResult]:
    """Ingest each file; a rejected file is logged and reported, the others still load. No
    fault of one file stops the others: an error the atlas did not foresee while ingesting a
    file rejects that file with a message naming the error's kind (never its text).

    ``allow_fewer`` lets a file replace its loaded version with far fewer rows
    (``ingest.FewerRows``). ``demo`` says the files are the synthetic demo set's (the build's
    own). The aggregate tables are rebuilt once at the end, and the synthetic flag set from
    the files now loaded (``provenance.refresh_flag``).

    Raises:
        record_keys.SecretFileError: if the record-key secret cannot be read or made.
    """
    files = list(files)
    results = []
    secret = record_secret()
    fill_record_keys(con, secret)
    bar = tqdm(files, desc="ingest", unit="file", disable=not progress)
    for kind, path in bar:
        bar.set_postfix_str(f"{kind}/{shown_name(path)}")
        results.append(_load_one(con, kind, path, today, secret, allow_fewer))
    if demo:
        mark_demo_files(con, [file_identity(kind, path) for kind, path in files])
    if progress:
        print("aggregating ...", flush=True)
    build_aggregates(con)
    refresh_flag(con)
    return results


def _load_one(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    path: Path,
    today: date | None,
    secret: str,
    allow_fewer: bool,
) -> LoadResult:
    """Ingest one file; whatever goes wrong with it, return its rejection (logged if the
    table can be written) rather than raise."""
    try:
        _check_path(kind, path)
        return ingest_file(con, kind, path, today, secret, allow_fewer)
    except FileRejected as exc:
        message = str(exc)
    except Exception as exc:  # a fault of the atlas met on this file: the others go on
        message = _unforeseen(path, exc)
    try:
        message = log_rejection(con, kind, path, message)
    except Exception:  # the rejection stands, even unrecorded
        message = round_coordinates(message)
    return LoadResult(shown_name(path), kind, "rejected", message=message)


def _check_path(kind: str, path: Path) -> None:
    """Refuse what is not a file the atlas can name: a folder named like a file, a name that
    is not UTF-8 text.

    Raises:
        FileRejected: saying which, the name shown with undecodable bytes escaped.
    """
    name = shown_name(path)
    if name != path.name:
        raise FileRejected(
            f"{name}: not loaded: its name is not UTF-8 text (the bytes that cannot be read are "
            "shown as \\x..; a zip unpacked on Windows can do this): rename it with plain "
            "letters, digits, '-' and '_' and send it again"
        )
    if not path.is_file():
        raise FileRejected(
            f"{name}: not loaded: {kind}/{name} is a folder, not a file: only .csv and .xlsx "
            f"files are read from {kind}/; move what it holds up into {kind}/ or rename it"
        )


def _unforeseen(path: Path, exc: Exception) -> str:
    """What a rejection for an error the atlas did not foresee says: the error's kind, never
    its text (it may hold SQL or a path)."""
    return (
        f"{shown_name(path)}: not loaded: the atlas met an error of its own while ingesting it "
        f"({type(exc).__name__}); the other files were loaded. Nothing of this file was kept: "
        "report it to the atlas's maintainers with the file"
    )


def summarise(results: list[LoadResult]) -> str:
    """One line per file: status and counts (read = loaded + quarantined)."""
    lines = []
    for r in results:
        if r.status == "rejected":
            lines.append(f"  REJECTED {r.kind}/{r.file_name}: {r.message}")
        elif r.status == "unchanged":
            lines.append(f"  unchanged {r.kind}/{r.file_name} (same content already loaded)")
        else:
            lines.append(
                f"  {r.status} {r.kind}/{r.file_name}: {r.rows_read} read = "
                f"{r.rows_loaded} loaded + {r.rows_quarantined} quarantined"
                + (f"; {r.message}" if r.message else "")
            )
    return "\n".join(lines)
