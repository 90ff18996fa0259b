"""The audit log's chain: each line carries a keyed hash of itself and of the line before it.

A line's ``mac`` is the HMAC-SHA256, under the chain key (``audit.secret.chain_key``, derived
from the atlas's secret file ``ATLAS_SECRET_FILE``), of its canonical form without ``mac``
(its stored fields as JSON with sorted keys, no spaces, UTF-8), so ``seq`` and ``prev`` are
covered; its ``prev`` is the ``mac`` of the line before it, and its ``seq`` its number in the
log. The first keyed line's ``prev`` seals every line before it (``seal``: the HMAC of their
canonical forms joined by newlines; nothing before it: of the empty text). Beside the log, its
head (``<log>.head``) records the number and ``mac`` of the last line, with a keyed tag over
both, so that lines cut from the end show too.

Who can only read or write the log and its head, but not the secret file, cannot make a line
that verifies: an edited, forged, inserted, deleted, reordered or cut line shows. Who holds the
secret and can write the log can rewrite it whole; and a log rolled back, head included, to a
state it once had shows only against a copy of the last hash kept elsewhere.

Older lines stay readable: lines without a chain, and lines chained by the unkeyed SHA-256 of
the line before them (written before the key, ``prev`` only), are sealed by the first keyed
line; after a keyed line, a line without ``mac`` is a break. ``audit.verify`` checks all this.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from audit.entry import parse_line

GENESIS = "0" * 64
#: ``prev`` of a line written when the head was missing or damaged: it chains to nothing, so
#: what the head would have shown (lines cut from the end) stays a break.
UNCHAINED = "f" * 64
#: Bytes read from the end of the log at a time when looking for its last line.
_TAIL_BLOCK = 1 << 14


def canonical(stored: Mapping[str, object]) -> bytes:
    """An entry's stored fields as the chain hashes them: JSON, sorted keys, no spaces."""
    return json.dumps(stored, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def digest(stored: Mapping[str, object]) -> str:
    """The SHA-256 of an entry's canonical form (the unkeyed chain of older logs)."""
    return hashlib.sha256(canonical(stored)).hexdigest()


def _hmac(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def mac(key: bytes, stored: Mapping[str, object]) -> str:
    """The keyed hash of an entry: the HMAC of its canonical form without ``mac``."""
    return _hmac(key, canonical({k: v for k, v in stored.items() if k != "mac"}))


def seal(before_chain: Sequence[Mapping[str, object]]) -> str:
    """The unkeyed ``prev`` of the first SHA-256-chained line of an older log: ``GENESIS``, or
    the SHA-256 of the lines before it joined by newlines."""
    if not before_chain:
        return GENESIS
    return hashlib.sha256(b"\n".join(canonical(s) for s in before_chain)).hexdigest()


def keyed_seal(key: bytes, before: Sequence[Mapping[str, object]]) -> str:
    """The first keyed line's ``prev``: the HMAC of the lines before it joined by newlines."""
    return _hmac(key, b"seal\n" + b"\n".join(canonical(s) for s in before))


def head_path(log: Path) -> Path:
    """The head file of the log at ``log``: ``<log>.head``."""
    return log.with_name(log.name + ".head")


@dataclass(frozen=True)
class Head:
    """The last entry written, as the head file records it: its number and hash (``mac``;
    an older head: the SHA-256), and the keyed tag over both ("" in an older head)."""

    seq: int
    hash: str
    tag: str = ""

    def valid(self, key: bytes) -> bool:
        """True when the head is keyed and its tag is the key's."""
        return bool(self.tag) and hmac.compare_digest(self.tag, head_tag(key, self.seq, self.hash))


def head_tag(key: bytes, seq: int, last_mac: str) -> str:
    """The keyed tag a head holds over its number and the last line's ``mac``."""
    return _hmac(key, f"head\n{seq}\n{last_mac}".encode())


def read_head(log: Path) -> Head | str | None:
    """The log's head; None when there is none (or it is empty); the text "unreadable" when it
    is not a head (verify reports that)."""
    try:
        text = head_path(log).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError):
        return "unreadable"
    if not text:
        return None
    try:
        raw = json.loads(text)
        if "tag" in raw:
            return Head(int(raw["seq"]), str(raw["mac"]), str(raw["tag"]))
        return Head(int(raw["seq"]), str(raw["sha256"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return "unreadable"


def write_head(log: Path, key: bytes, seq: int, last_mac: str) -> None:
    """Replace the head file with the keyed head of line ``seq`` (a new file renamed over it).

    Raises:
        OSError: if the folder cannot be written.
    """
    target = head_path(log)
    partial = target.with_name(target.name + ".part")
    with partial.open("w", encoding="utf-8") as handle:
        json.dump({"seq": seq, "mac": last_mac, "tag": head_tag(key, seq, last_mac)}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(target)


def _last_line(handle: BinaryIO) -> str | None:
    """The last non-empty line of the open log, or None."""
    end = handle.seek(0, os.SEEK_END)
    size, tail = _TAIL_BLOCK, b""
    while True:
        start = max(end - size, 0)
        handle.seek(start)
        tail = handle.read(end - start)
        lines = [line for line in tail.splitlines() if line.strip()]
        if start == 0 or len(lines) > 1:
            return lines[-1].decode("utf-8", "replace") if lines else None
        size *= 2


def made_with(key: bytes, stored: Mapping[str, object]) -> bool:
    """True when the stored line carries a ``mac`` that the key made."""
    return bool(stored.get("mac")) and hmac.compare_digest(str(stored["mac"]), mac(key, stored))


def _scan(handle: BinaryIO, key: bytes, may_seal: bool) -> tuple[int, str]:
    """The next entry's number and ``prev`` from the whole log, when it has no usable head:
    the seal of an older log's lines (when ``may_seal``: the log was never keyed, or the
    operator seals it); or, when keyed lines are there (their head missing or damaged) or the
    log lost the keyed chain it had, ``UNCHAINED``, after the last keyed line."""
    handle.seek(0)
    before: list[Mapping[str, object]] = []
    keyed, after = False, len(before)
    for raw_line in handle:
        try:
            stored, entry = parse_line(raw_line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue  # verify names it
        if stored.get("mac"):
            keyed = True
            after = max(after, int(entry.seq or 0)) if made_with(key, stored) else after
        elif not keyed:
            before.append(stored)
    if not keyed and (may_seal or not before):
        return len(before) + 1, keyed_seal(key, before)
    return max(after, len(before)) + 1, UNCHAINED


def next_link(
    handle: BinaryIO, head: Head | str | None, key: bytes, may_seal: bool = True
) -> tuple[int, str]:
    """The number and ``prev`` of the entry to append to the open log (locked by the caller).

    With a keyed head: the entry after it, or after the last line when the head is one behind
    (a write interrupted before its head). When the log's last line is not what the head
    records (lines removed or edited), the new entry still chains to the head, so that
    ``verify`` shows the break instead of the new entry hiding it. Without a usable head:
    from the whole log (``_scan``; ``may_seal``: lines without the keyed chain may be sealed).
    """
    if not (isinstance(head, Head) and head.valid(key)):
        return _scan(handle, key, may_seal)
    last = _last_line(handle)
    try:
        stored, entry = parse_line(last) if last else ({}, None)
    except ValueError:
        entry = None
    if (
        entry is not None and entry.seq == head.seq + 1 and entry.prev == head.hash
        and made_with(key, stored)
    ):  # fmt: skip
        return entry.seq + 1, entry.mac
    return head.seq + 1, head.hash
