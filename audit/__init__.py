"""The audit log: one line per download, export, upload and ingest, appended and never rewritten.

The log is its own file (``ATLAS_AUDIT_LOG``, JSON Lines), beside the database but not in it:
a build replaces only the database file, so the log survives rebuilds. Each line holds the time
(UTC), the user, their role, the action, the view's link, the file, its rows and its SHA-256,
and the outcome. Writers take an exclusive lock on the file while they append one line, so the
command line and the dashboard can write at once. No streamlit here: the ETL's command line,
the query layer's export command and the pages all call ``record``.
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path

import config

ACTIONS = ("download", "export", "upload", "ingest")


class AuditLogError(ValueError):
    """The audit log holds a line that is not an audit entry (the message names the line)."""


@dataclass(frozen=True)
class Entry:
    """One line of the audit log."""

    time: str  # ISO 8601, UTC, to the second
    user: str  # an email, "anonymous", or the operating-system user of a command
    role: str  # analyst, briefing, admin, or "cli" for a command run on the server
    action: str  # one of ACTIONS
    link: str = ""  # the view's link (page and query string) the file was made from
    file: str = ""  # the file's name (kind/name for partner files)
    rows: int | None = None  # data rows in the file, when it has rows
    sha256: str = ""  # of the bytes downloaded, exported or uploaded
    outcome: str = ""  # e.g. loaded, replaced, unchanged, rejected (for uploads and ingests)


FIELDS = tuple(f.name for f in fields(Entry))


def log_path() -> Path:
    """The configured audit log (``ATLAS_AUDIT_LOG``)."""
    return config.get_path("ATLAS_AUDIT_LOG")


def sha256_of(content: bytes | Path) -> str:
    """The SHA-256 of bytes, or of a file's bytes read in chunks.

    Raises:
        OSError: if the file cannot be read.
    """
    digest = hashlib.sha256()
    if isinstance(content, Path):
        with content.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    else:
        digest.update(content)
    return digest.hexdigest()


def os_user() -> str:
    """The operating-system user running this process (for commands run on the server)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER variable (some containers)
        return f"uid {os.getuid()}"


def record(
    action: str,
    *,
    user: str,
    role: str,
    link: str = "",
    file: str = "",
    rows: int | None = None,
    sha256: str = "",
    outcome: str = "",
    path: Path | None = None,
) -> Entry:
    """Append one line to the audit log (``path``, default ``ATLAS_AUDIT_LOG``) and return it.

    The time is now, in UTC. The line is written whole under an exclusive lock on the file, then
    flushed to disk, so writers in other processes never interleave.

    Raises:
        ValueError: if ``action`` is not one of ``ACTIONS``.
        OSError: if the log cannot be written (the caller should not hand out the file then).
    """
    if action not in ACTIONS:
        raise ValueError(f"audit action {action!r} is not one of {', '.join(ACTIONS)}")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    entry = Entry(now, user, role, action, link, file, rows, sha256, outcome)
    line = json.dumps(asdict(entry), ensure_ascii=False, separators=(",", ":")) + "\n"
    target = path or log_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    return entry


def _entry(line: str, number: int, path: Path) -> Entry:
    try:
        raw = json.loads(line)
        entry = Entry(**raw)
    except (json.JSONDecodeError, TypeError) as exc:
        raise AuditLogError(f"{path}, line {number}: not an audit entry ({exc})") from None
    if entry.action not in ACTIONS or not (entry.rows is None or isinstance(entry.rows, int)):
        raise AuditLogError(f"{path}, line {number}: not an audit entry (action or rows)")
    return entry


def _wanted(entry: Entry, user: str, action: str, since: date | None, until: date | None) -> bool:
    day = entry.time[:10]
    return (
        (not user or user.casefold() in entry.user.casefold())
        and (not action or entry.action == action)
        and (since is None or day >= since.isoformat())
        and (until is None or day <= until.isoformat())
    )


def read_entries(
    path: Path | None = None,
    *,
    user: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> list[Entry]:
    """The log's entries, oldest first: those whose user contains ``user`` (any case), of
    ``action``, and dated (UTC) from ``since`` to ``until`` inclusive. No log yet: no entries.

    Raises:
        AuditLogError: if a line is not an audit entry (the message names the file and line).
        OSError: if the log exists but cannot be read.
    """
    source = path or log_path()
    if not source.is_file():
        return []
    entries = []
    with source.open(encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)  # a writer's line is complete before we read it
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    entries.append(_entry(line, number, source))
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    return [e for e in entries if _wanted(e, user, action, since, until)]
