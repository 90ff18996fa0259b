"""The audit log: one line per download, export, upload and ingest, written before the action
and chained by keyed hashes, so that a line edited, forged, deleted, inserted or moved shows to
whoever verifies it with the atlas's secret (``audit.chain`` says what it proves and what not).

The log is its own file (``ATLAS_AUDIT_LOG``, JSON Lines), beside the database but not in it:
a build replaces only the database file, so the log survives rebuilds. Each line holds the time
(UTC), the user, their role, the action, the view's link, the file, its rows and its SHA-256,
the outcome, its number in the log, the keyed hash of the line before it and its own
(``audit.chain``, the key from ``ATLAS_SECRET_FILE``: ``audit.secret``;
``audit.verify`` checks it). Writers take an exclusive lock on the log while they append one
line and update the log's head, so the command line and the dashboard can write at once.

A line is written before what it records happens: a download's bytes are handed over, an
export's file written, an upload's or ingest's data replace the database only once its line is
written. When the log cannot be written, ``record`` raises ``AuditUnavailable`` and the caller
refuses the action (``write_problem`` says so before a button is even drawn). No streamlit
here: the ETL's command line, the query layer's export command and the pages all call
``record``.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import getpass
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

import config
from audit import secret
from audit.chain import head_path, mac, next_link, read_head, write_head
from audit.entry import ACTIONS, FIELDS, AuditLogError, Entry, parse_line
from audit.findings import Verification
from audit.secret import SecretFileError, chain_key
from audit.verify import verify
from i18n import t

__all__ = [
    "ACTIONS",
    "FIELDS",
    "AuditLogError",
    "AuditUnavailable",
    "Entry",
    "Verification",
    "check_writable",
    "head_path",
    "log_path",
    "os_user",
    "read_entries",
    "reason_in",
    "record",
    "sha256_of",
    "verify",
    "write_problem",
    "write_refusal",
]  # fmt: skip


class AuditUnavailable(OSError):
    """The audit log cannot be written, so the action it would record is refused (the
    message names the setting and the reason, never a path). ``setting``, ``code`` (a key
    ``audit_reason_<code>``, "" when only the message is known) and ``reason`` (the system's
    words) say it in any language (``in_words``)."""

    def __init__(self, message: str, setting: str = "", code: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.setting, self.code, self.reason = setting, code, reason

    def reason_in(self, lang: str) -> str:
        """Why, in ``lang`` (the whole message when only the message is known)."""
        if not self.code:
            return str(self)
        return t(f"audit_reason_{self.code}", lang, reason=self.reason)

    def in_words(self, lang: str) -> str:
        """The message in ``lang``: "the audit log cannot be written (setting ...: ...)"."""
        if not self.code:
            return str(self)
        return t("audit_cannot_write", lang, setting=self.setting, reason=self.reason_in(lang))


#: The reasons the atlas says in words of its own (``audit_reason_<code>``); others are
#: given in the system's words.
_REASONS = {errno.ENOTDIR: "not_a_folder", errno.EISDIR: "is_a_folder", errno.EACCES:
            "permission", errno.EPERM: "permission", errno.ENOSPC: "no_space", errno.EROFS:
            "read_only", errno.ENOENT: "missing"}  # fmt: skip


def log_path() -> Path:
    """The configured audit log (``ATLAS_AUDIT_LOG``).

    Raises:
        config.SettingError: if the setting is empty.
    """
    return config.get_path("ATLAS_AUDIT_LOG")


def reason_in(exc: OSError | SecretFileError, lang: str) -> str:
    """Why a file of the log (or the secret) could not be used, in ``lang`` (the system's own
    words only for a reason the atlas does not name)."""
    return _unavailable(exc).reason_in(lang)


def _unavailable(exc: OSError | SecretFileError) -> AuditUnavailable:
    if isinstance(exc, SecretFileError):  # the chain's key
        setting, code, reason = secret.SETTING, f"secret_{exc.code}", str(exc)
    else:
        setting, reason = "ATLAS_AUDIT_LOG", exc.strerror or type(exc).__name__
        code = _REASONS.get(exc.errno or 0, "other")
    english = t(f"audit_reason_{code}", "en", reason=reason)
    message = t("audit_cannot_write", "en", setting=setting, reason=english)
    return AuditUnavailable(message, setting, code, reason)


def _setting_refusal(
    exc: config.SettingError, setting: str = "ATLAS_AUDIT_LOG"
) -> AuditUnavailable:
    message = t("audit_cannot_write", "en", setting=setting, reason=str(exc))
    return AuditUnavailable(message, setting, "other", str(exc))


def _make_folder(target: Path) -> None:
    """Create the log's folder if missing.

    Raises:
        OSError: if it cannot be made (NotADirectoryError when a file is in the way).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where a folder of the path should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None


def sha256_of(content: bytes | Path) -> str:
    """The SHA-256 of bytes, or of a file's bytes read in chunks.

    Raises:
        OSError: if the file cannot be read.
    """
    digest_ = hashlib.sha256()
    if isinstance(content, Path):
        with content.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest_.update(chunk)
    else:
        digest_.update(content)
    return digest_.hexdigest()


def os_user() -> str:
    """The operating-system user running this process (for commands run on the server)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER variable (some containers)
        return f"uid {os.getuid()}"


def _writable_folder(folder: Path) -> None:
    """Return if ``folder`` (or, when missing, its nearest existing parent) takes new files.

    Raises:
        OSError: NotADirectoryError when a file is in the way, PermissionError otherwise.
    """
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


def write_refusal(path: Path | None = None) -> AuditUnavailable | None:
    """Why the log cannot be written now, or None when it can: the log opens for appending,
    its folder takes the head file, and the secret file is readable or can be made (nothing
    is created: a missing log needs a folder, or a parent of it, that takes files). A full
    disk shows only when a line is written."""
    try:
        target = path or log_path()
        if target.exists():
            with target.open("ab"):
                pass
        _writable_folder(target.parent)
        secret_file = config.get_path(secret.SETTING)
        if secret_file.exists():
            secret.read_secret(secret_file, create=False)
        else:
            _writable_folder(secret_file.parent)
    except (OSError, SecretFileError) as exc:
        return _unavailable(exc)
    except config.SettingError as exc:
        return _setting_refusal(exc)
    return None


def write_problem(path: Path | None = None) -> str | None:
    """Why the log cannot be written now (``write_refusal``'s message, in English), or None."""
    refusal = write_refusal(path)
    return str(refusal) if refusal else None


def check_writable(path: Path | None = None) -> None:
    """Return if the log can be written now (see ``write_problem``).

    Raises:
        AuditUnavailable: if it cannot; the message says why.
    """
    refusal = write_refusal(path)
    if refusal:
        raise refusal


def _stored(entry: Entry) -> bytes:
    return json.dumps(asdict(entry), ensure_ascii=False, separators=(",", ":")).encode()


def _keyed(entry: Entry, key: bytes) -> Entry:
    """``entry`` with its ``mac``."""
    stored = asdict(entry)
    return Entry(**{**stored, "mac": mac(key, stored)})


def _mark(target: Path) -> None:
    """Mark the log as keyed (``audit.secret.keyed_mark``); a folder that takes no file leaves
    it unmarked (the line is written all the same)."""
    with contextlib.suppress(OSError):
        secret.keyed_mark(target).touch(exist_ok=True)


def _append(target: Path, make: Callable[[int, str], Entry], reseal: bool = False) -> Entry:
    """Append the entry ``make(seq, prev)``, keyed, to the log under its lock and update the
    head; on a failure the log is cut back to where it was. Lines without the keyed chain
    are sealed unless the log was keyed before (then only with ``reseal``)."""
    try:
        key = chain_key()
        may_seal = reseal or not secret.keyed_mark(target).exists()
        _make_folder(target)
        handle = target.open("a+b")
    except (OSError, SecretFileError) as exc:
        raise _unavailable(exc) from exc
    except config.SettingError as exc:
        raise _setting_refusal(exc, secret.SETTING) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            seq, prev = next_link(handle, read_head(target), key, may_seal)
            entry = _keyed(make(seq, prev), key)
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(size - 1, 0))
            prefix = b"" if size == 0 or handle.read(1) == b"\n" else b"\n"
            try:
                handle.write(prefix + _stored(entry) + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
                write_head(target, key, entry.seq or seq, entry.mac)
            except OSError as exc:
                handle.truncate(size)
                raise _unavailable(exc) from exc
            _mark(target)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    return entry


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
    reseal: bool = False,
) -> Entry:
    """Append one line to the audit log (``path``, default ``ATLAS_AUDIT_LOG``) and return it.

    The time is now, in UTC. The line is numbered and chained to the one before it, written
    whole under an exclusive lock on the log, flushed to disk, and the head updated; call it
    before the action it records, and do not act if it raises.

    Raises:
        ValueError: if ``action`` is not one of ``ACTIONS``.
        AuditUnavailable: if the log (or its head) cannot be written; nothing was written.

    Lines without the keyed chain before it are sealed by it, unless the log had a keyed
    chain before (it was stripped: the line then chains to nothing, and the break shows);
    ``reseal`` seals them all the same (``python -m audit --seal``, the operator's decision).
    """
    if action not in ACTIONS:
        raise ValueError(f"audit action {action!r} is not one of {', '.join(ACTIONS)}")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        target = path or log_path()
    except config.SettingError as exc:
        raise _setting_refusal(exc) from None
    return _append(target, lambda seq, prev: Entry(
        now, user, role, action, link, file, rows, sha256, outcome, seq, prev
    ), reseal)  # fmt: skip


def _wanted(entry: Entry, user: str, action: str, since: date | None, until: date | None) -> bool:
    day = entry.time[:10]
    return (
        (not user or user.casefold() in entry.user.casefold())
        and (not action or entry.action == action)
        and (since is None or day >= since.isoformat())
        and (until is None or day <= until.isoformat())
    )


def _entry(line: str, number: int, path: Path) -> Entry:
    try:
        return parse_line(line)[1]
    except ValueError as exc:
        raise AuditLogError(f"{path.name}, line {number}: not an audit entry ({exc})") from None


def read_entries(
    path: Path | None = None,
    *,
    user: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
    skip_bad: bool = False,
) -> list[Entry]:
    """The log's entries, oldest first: those whose user contains ``user`` (any case), of
    ``action``, and dated (UTC) from ``since`` to ``until`` inclusive. No log yet: no entries.
    With ``skip_bad``, lines that are not entries are left out (``verify`` names them).

    Raises:
        AuditLogError: if a line is not an audit entry (the message names the file and line).
        OSError: if the log exists but cannot be read.
    """
    source = path or log_path()
    if not source.is_file():
        return []
    entries = []
    with source.open(encoding="utf-8", errors="replace") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)  # a writer's line is complete before we read it
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    entries.append(_entry(line, number, source))
                except AuditLogError:
                    if not skip_bad:
                        raise
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    return [e for e in entries if _wanted(e, user, action, since, until)]
