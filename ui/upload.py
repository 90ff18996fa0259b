"""Partner files uploaded on the admin page, ingested exactly as ``python -m etl ingest KIND
FILE...`` does, and recorded in the audit log; then the publish stage started in the
background. No streamlit here: the page draws.

Each upload is saved under its own name in a temporary folder (a partner file's identity is
its kind and its name, so a corrected file sent under the same name replaces the earlier one),
loaded into a copy of the database that replaces it when complete (``etl.database.
atomic_update``: a reader never sees half a database, a failure leaves it as it was), and the
folder is removed. A file that is not a partner file is refused with the ingestion's own
message; nothing already loaded changes. The upload returns as soon as the facts are in:
the products derived from them are made by ``python -m publish`` in a process of its own
(``start_publish``), which outlives the page's run; the page shows their state.

Each upload's audit line is written inside that update, after the load and before the copy
replaces the database: an upload whose line cannot be written is refused and nothing of it is
loaded (``audit.AuditUnavailable``). Messages name settings, never a path of the server.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

import audit
import config
from etl import partners
from etl.database import atomic_update

KINDS = tuple(partners.CONTRACTS)
UPLOAD_TYPES = ("csv", "xlsx")
NO_DATABASE = (
    "the atlas database (setting ATLAS_DB_PATH) does not exist yet: build it with "
    "python -m etl build"
)


class UploadError(ValueError):
    """The uploads cannot be taken as they are (a bad name, a name twice, an unknown kind), or
    the database engine stopped while loading them (the database is then as it was)."""


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser sent and its bytes."""

    name: str
    content: bytes


def file_name(name: str) -> str:
    """The uploaded name without any folder part (the name a partner file is known by).

    Raises:
        UploadError: if nothing that can be a file name is left.
    """
    base = Path(name.replace("\\", "/")).name.strip()
    if not base or base.startswith("."):
        raise UploadError(f"{name!r} is not a file name")
    return base


def _checked(kind: str, uploads: Sequence[Upload]) -> list[str]:
    if kind not in KINDS:
        raise UploadError(f"{kind!r} is not a kind of partner file ({', '.join(KINDS)})")
    names = [file_name(u.name) for u in uploads]
    twice = sorted(n for n, count in Counter(names).items() if count > 1)
    if twice:
        raise UploadError(f"{', '.join(twice)}: sent more than once; send each file once")
    return names


def ingest_uploads(
    kind: str,
    uploads: Sequence[Upload],
    db_path: Path,
    *,
    user: str,
    role: str,
    link: str,
    allow_fewer: bool = False,
) -> list:
    """Ingest the uploads as partner files of ``kind``, each recorded in the audit log as
    ``user`` in ``role`` from ``link`` before the database is replaced: one ``LoadResult`` per
    upload, in order (``rejected`` ones carry the ingestion's message and load nothing). A file
    replacing a loaded one with no rows or far fewer is refused unless ``allow_fewer`` (the
    page's confirmation box: ``etl.partners.ingest.FewerRows``).

    Raises:
        UploadError: see ``_checked`` (nothing is read then); the database does not exist, the
            engine stopped or a file could not be written (the message names no path).
        audit.AuditUnavailable: if the audit log cannot be written (nothing is loaded).
    """
    names = _checked(kind, uploads)
    audit.check_writable()
    if not db_path.is_file():
        raise UploadError(NO_DATABASE)
    try:
        with tempfile.TemporaryDirectory(prefix="atlas-upload-") as folder:
            paths = [Path(folder) / name for name in names]
            for path, upload in zip(paths, uploads, strict=True):
                path.write_bytes(upload.content)
            with atomic_update(db_path) as con:
                partners.prepare(con)
                results = partners.load_files(
                    con, [(kind, p) for p in paths], allow_fewer=allow_fewer
                )
                record_uploads(kind, uploads, results, user, role, link)  # before the swap
    except duckdb.Error as exc:  # a fault of the atlas, not of the files: said in one line
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise UploadError(f"the database engine stopped ({type(exc).__name__}: {first})") from exc
    except audit.AuditUnavailable:
        raise
    except FileNotFoundError as exc:  # the database went away while we waited for the lock
        raise UploadError(NO_DATABASE) from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UploadError(f"the files could not be loaded ({reason})") from exc
    return results


def record_uploads(
    kind: str, uploads: Sequence[Upload], results: list | None, user: str, role: str, link: str
) -> None:
    """One audit line per upload; ``results`` None when the ingest failed as a whole.

    Raises:
        audit.AuditUnavailable: if a line cannot be written.
    """
    for i, upload in enumerate(uploads):
        status = results[i].status if results is not None else "failed"
        rows = results[i].rows_read if status in ("loaded", "replaced") else None
        audit.record(
            "upload", user=user, role=role, link=link, file=f"{kind}/{upload.name}", rows=rows,
            sha256=audit.sha256_of(upload.content), outcome=status,
        )  # fmt: skip


def publish_log(db_path: Path) -> Path:
    """Where a publish started from the page writes its lines: ``atlas.duckdb.publish.log``."""
    return db_path.with_name(f"{db_path.name}.publish.log")


def start_publish(db_path: Path) -> subprocess.Popen:
    """Start ``python -m publish --db DB`` in a process of its own, detached from this one's
    session (it goes on when the page reruns or the visitor leaves), its lines appended to
    ``publish_log``; returns at once. A publish already running makes it wait, and the later
    one ends on the newest facts (``publish.stage``).

    Raises:
        OSError: if the process or its log cannot be started.
    """
    with publish_log(db_path).open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "publish", "--db", str(db_path)], cwd=config.PROJECT_ROOT,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    # Collect its exit status when it ends (no defunct process left behind).
    threading.Thread(target=process.wait, daemon=True).start()
    return process
