"""What ``audit.verify`` finds, as codes with values: the pages and the command line turn them
into words in the reader's language (``i18n``: ``audit_detail_<code>``, ``audit_sum_<state>``,
``audit_kind_<kind>``)."""

from __future__ import annotations

from dataclasses import dataclass

from i18n import t

#: What a verification can conclude (``Verification.status``).
STATUSES = ("intact", "broken", "no_log", "no_chain", "unkeyed")


@dataclass(frozen=True)
class Break:
    """Where the chain breaks: the file's line (None: the end of the log), what happened
    (``kind``) and how it shows (``code`` with its ``values``)."""

    line: int | None
    kind: str  # edited, deleted, inserted, reordered, truncated, head
    code: str
    values: tuple[tuple[str, object], ...] = ()

    def detail_in(self, lang: str) -> str:
        """How the break shows, in ``lang``."""
        return t(f"audit_detail_{self.code}", lang, **dict(self.values))

    @property
    def detail(self) -> str:
        """How the break shows, in English (the command line's words)."""
        return self.detail_in("en")

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "end of the log"
        return f"{where}: {self.kind}: {self.detail}"


def found(line: int | None, kind: str, code: str, /, **values: object) -> Break:
    """A break at ``line``, of ``kind``, said by ``code`` with ``values``."""
    return Break(line, kind, code, tuple(values.items()))


@dataclass(frozen=True)
class Link:
    """A chained entry as read: its line in the file, number, ``prev``, own hash (its ``mac``,
    or for an unkeyed line its SHA-256) and whether the key made it."""

    line: int
    seq: int
    prev: str
    hash: str
    valid: bool = True


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found: the entries read, those written before the keyed chain, the
    breaks, notes that are not breaks (the line of a write interrupted before its head), the
    hash of the last entry (to keep elsewhere) and the conclusion (one of ``STATUSES``)."""

    entries: int
    before_chain: int
    breaks: tuple[Break, ...]
    notes: tuple[int, ...]
    last_hash: str
    status: str = "intact"

    @property
    def intact(self) -> bool:
        """True when the keyed chain holds every line and nothing breaks it."""
        return self.status == "intact"

    def summary(self, lang: str = "en") -> str:
        """One sentence: how many entries (and before the chain), then what was concluded."""
        if self.status == "no_log":
            return t("audit_sum_no_log", lang)
        older = self.before_chain
        entries = t("audit_sum_entries_older" if older else "audit_sum_entries", lang,
                    n=self.entries, older=older)  # fmt: skip
        return f"{entries}; {t(f'audit_sum_{self.status}', lang, n=len(self.breaks))}"

    def note_texts(self, lang: str = "en") -> list[str]:
        """The notes, in ``lang``."""
        return [t("audit_note_interrupted", lang, line=line) for line in self.notes]
