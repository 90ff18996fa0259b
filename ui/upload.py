"""Partner files uploaded on the admin page, ingested exactly as ``python -m etl ingest KIND
FILE...`` does, and recorded in the audit log. No streamlit here: the page draws.

Each upload is saved under its own name in a temporary folder (a partner file's identity is
its kind and its name, so a corrected file sent under the same name replaces the earlier one),
loaded into a copy of the database that replaces it when complete (``etl.database.
atomic_update``: a reader never sees half a database, a failure leaves it as it was), and the
folder is removed. A file that is not a partner file is refused with the ingestion's own
message; nothing already loaded changes.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

import audit
from etl import partners
from etl.database import atomic_update

KINDS = tuple(partners.CONTRACTS)
UPLOAD_TYPES = ("csv", "xlsx")


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
    kind: str, uploads: Sequence[Upload], db_path: Path, allow_fewer: bool = False
) -> list:
    """Ingest the uploads as partner files of ``kind``: one ``LoadResult`` per upload, in
    order (``rejected`` ones carry the ingestion's message and load nothing). A file replacing
    a loaded one with no rows or far fewer is refused unless ``allow_fewer`` (the page's
    confirmation box: ``etl.partners.ingest.FewerRows``).

    Raises:
        UploadError: see ``_checked`` (nothing is read then), or the engine stopped.
        FileNotFoundError: if the database does not exist (build it first).
        OSError: if the temporary folder or the database copy cannot be written.
    """
    names = _checked(kind, uploads)
    with tempfile.TemporaryDirectory(prefix="atlas-upload-") as folder:
        paths = []
        for name, upload in zip(names, uploads, strict=True):
            path = Path(folder) / name
            path.write_bytes(upload.content)
            paths.append(path)
        try:
            with atomic_update(db_path) as con:
                partners.prepare(con)
                results = partners.load_files(
                    con, [(kind, p) for p in paths], allow_fewer=allow_fewer
                )
        except duckdb.Error as exc:  # a fault of the atlas, not of the files: said in one line
            first = str(exc).splitlines()[0][:200] if str(exc) else ""
            raise UploadError(
                f"the database engine stopped ({type(exc).__name__}: {first})"
            ) from exc
    return results


def record_uploads(
    kind: str, uploads: Sequence[Upload], results: list | None, user: str, role: str, link: str
) -> None:
    """One audit line per upload; ``results`` None when the ingest failed as a whole."""
    for i, upload in enumerate(uploads):
        status = results[i].status if results is not None else "failed"
        rows = results[i].rows_read if status in ("loaded", "replaced") else None
        audit.record(
            "upload", user=user, role=role, link=link, file=f"{kind}/{upload.name}", rows=rows,
            sha256=audit.sha256_of(upload.content), outcome=status,
        )  # fmt: skip
