"""The audit log's hash chain: each line carries the SHA-256 of the line before it.

An entry's ``prev`` is the SHA-256 of the canonical form of the entry before it (its stored
fields as JSON with sorted keys, no spaces, UTF-8), and its ``seq`` is its number in the log.
The first entry chains to ``GENESIS``. An older log's lines, written before the chain, count
as one line: the first chained entry's ``prev`` is the SHA-256 of their canonical forms joined
by newlines, so it seals them. Beside the log, its head (``<log>.head``) records the number and
hash of the last entry, so that entries removed from the end show too.

``verify`` reads a log and its head and says where the chain breaks: a line edited, entries
deleted, a line inserted, entries reordered, the end truncated. The chain is not keyed: it
shows edits made by hand or by a tool that does not know the chain; someone who rewrites the
whole log after an entry, head included, is caught only by a copy of the last hash kept
elsewhere (``python -m audit --verify`` prints it).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from audit.entry import parse_line

GENESIS = "0" * 64
#: Bytes read from the end of the log at a time when looking for its last line.
_TAIL_BLOCK = 1 << 14


def canonical(stored: Mapping[str, object]) -> bytes:
    """An entry's stored fields as the chain hashes them: JSON, sorted keys, no spaces."""
    return json.dumps(stored, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def digest(stored: Mapping[str, object]) -> str:
    """The SHA-256 of an entry's canonical form (what the next entry's ``prev`` holds)."""
    return hashlib.sha256(canonical(stored)).hexdigest()


def seal(before_chain: Sequence[Mapping[str, object]]) -> str:
    """What the first chained entry's ``prev`` is: ``GENESIS`` for a log that starts with the
    chain, else the SHA-256 of the older lines' canonical forms joined by newlines."""
    if not before_chain:
        return GENESIS
    return hashlib.sha256(b"\n".join(canonical(s) for s in before_chain)).hexdigest()


def head_path(log: Path) -> Path:
    """The head file of the log at ``log``: ``<log>.head``."""
    return log.with_name(log.name + ".head")


@dataclass(frozen=True)
class Head:
    """The last entry written, as the head file records it."""

    seq: int
    sha256: str


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
        head = Head(int(raw["seq"]), str(raw["sha256"]))
    except (ValueError, KeyError, TypeError):
        return "unreadable"
    return head


def write_head(log: Path, head: Head) -> None:
    """Replace the head file with ``head`` (a new file renamed over it).

    Raises:
        OSError: if the folder cannot be written.
    """
    target = head_path(log)
    partial = target.with_name(target.name + ".part")
    with partial.open("w", encoding="utf-8") as handle:
        json.dump({"seq": head.seq, "sha256": head.sha256}, handle)
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


def _scan(handle: BinaryIO) -> tuple[int, str]:
    """The next entry's number and ``prev``, from the whole log (no usable head)."""
    handle.seek(0)
    before: list[Mapping[str, object]] = []
    last: tuple[int, str] | None = None
    for raw_line in handle:
        try:
            stored, entry = parse_line(raw_line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue  # verify names it; the chain goes on from the last good entry
        if entry.seq is None:
            if last is None:
                before.append(stored)
        else:
            last = (entry.seq + 1, digest(stored))
    return last or (len(before) + 1, seal(before))


def next_link(handle: BinaryIO, head: Head | str | None) -> tuple[int, str]:
    """The number and ``prev`` of the entry to append to the open log (locked by the caller).

    With a head: the entry after it, or after the last line when the head is one behind (a
    write interrupted before its head). When the log's last line is not what the head records
    (lines removed or edited), the new entry still chains to the head, so that ``verify``
    shows the break instead of the new entry hiding it. Without a head: from the whole log.
    """
    if not isinstance(head, Head):
        return _scan(handle)
    last = _last_line(handle)
    try:
        stored, entry = parse_line(last) if last else ({}, None)
    except ValueError:
        entry = None
    if entry is not None and entry.seq == head.seq + 1 and entry.prev == head.sha256:
        return entry.seq + 1, digest(stored)
    return head.seq + 1, head.sha256


@dataclass(frozen=True)
class Break:
    """Where the chain breaks: the file's line (None: the end of the log), what happened and
    how it shows."""

    line: int | None
    kind: str  # edited, deleted, inserted, reordered, truncated, head
    detail: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "end of the log"
        return f"{where}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class Link:
    """A chained entry as read: its line in the file, number, ``prev`` and own hash."""

    line: int
    seq: int
    prev: str
    hash: str


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found: the entries read, those written before the chain, the breaks,
    notes that are not breaks, and the hash of the last entry (to keep elsewhere)."""

    entries: int
    before_chain: int
    breaks: tuple[Break, ...]
    notes: tuple[str, ...]
    last_hash: str

    @property
    def intact(self) -> bool:
        """True when nothing breaks the chain."""
        return not self.breaks

    def summary(self) -> str:
        """One sentence: how many entries, how many before the chain, intact or how many
        breaks."""
        older = f" ({self.before_chain} written before the chain)" if self.before_chain else ""
        if self.intact:
            return f"{self.entries} entries{older}; the chain is intact"
        return f"{self.entries} entries{older}; the chain breaks in {len(self.breaks)} place(s)"
