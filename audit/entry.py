"""One line of the audit log: its fields, and reading one line back (strictly)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields

ACTIONS = ("download", "export", "upload", "ingest", "seal")
_HASH = re.compile(r"[0-9a-f]{64}")


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
    seq: int | None = None  # the entry's number in the log (None: written before the chain)
    prev: str = ""  # the previous entry's mac (unkeyed: its SHA-256); "" before the chain
    mac: str = ""  # this entry's keyed hash (audit.chain); "" on lines written before the key


FIELDS = tuple(f.name for f in fields(Entry))


def _no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a field appears twice")
    return dict(pairs)


def parse_line(line: str) -> tuple[dict[str, object], Entry]:
    """The stored fields of one line (as written, for the chain's hash) and its entry.

    Raises:
        ValueError: if the line is not JSON, repeats a field, names a field an entry does not
            have, or holds an action, rows, number or hash of the wrong kind.
    """
    try:
        raw = json.loads(line, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg}") from None
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    try:
        entry = Entry(**raw)
    except TypeError:
        unknown = sorted(set(raw) - set(FIELDS)) or sorted(set(FIELDS[:4]) - set(raw))
        raise ValueError(f"fields {', '.join(unknown)} do not fit an entry") from None
    if entry.action not in ACTIONS:
        raise ValueError(f"action {entry.action!r} is not one of {', '.join(ACTIONS)}")
    if not (
        entry.rows is None or (isinstance(entry.rows, int) and not isinstance(entry.rows, bool))
    ):
        raise ValueError("rows is not a whole number")
    chained = entry.seq is not None or "prev" in raw
    if chained and not (
        isinstance(entry.seq, int) and entry.seq >= 1 and isinstance(entry.prev, str)
        and _HASH.fullmatch(entry.prev)
    ):  # fmt: skip
        raise ValueError("its chain fields (seq, prev) are not a number and a SHA-256")
    if "mac" in raw and not (chained and isinstance(entry.mac, str) and _HASH.fullmatch(entry.mac)):
        raise ValueError("its keyed hash (mac) is not a number, a previous hash and an HMAC")
    return raw, entry
