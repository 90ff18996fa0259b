"""The offer: every view the export answers, read as a user reads it.

The views are derived from what the export accepts, never listed here: for each level of
``query.grid.LEVELS``, every window of ``query.grid.window_starts`` and every combination of
the choices ``query.grid.choices(level)`` offers that ``query.grid.off_grid`` accepts (the
filters of fixed choices are those of ``query.filter_table``). Each view is an Explore link
(``query.links.to_params``); a link the export answers with another view than asked (a
message, another level, period or choice) is not in the offer. So when the grid changes
(calendar years only, fewer fine choices, a rule on combinations), the attacker reads what
the new grid offers and nothing else. Each table's ``period_from`` and ``period_to`` say
which months a reading covers (the windows attack takes them from there).

Reading: ``query.export.Exporter`` (what ``python -m query.export`` runs) answers a link in
about 50 ms, too slow for the 80,000 links of today's grid on two shared cores. So each link
is parsed as the export parses it (``query.links.parse_params`` and the access rule: a link
answered otherwise is refused), and its ``incidents`` column is computed as the export
computes it, from the view's cells (``query.cells.unit_cells``) through the atlas's own
publication function (``query.cellkey.publish``). Before that *fast* reading is used, a
random sample of links (``CHECKED`` per level) is read both ways; if any text differs (or the
fast reading fails), every link is read through the export instead (``mode="export"``): a
protection that changes ``query.published`` is then read as the export shows it, slowly
but right. The fast reading also keeps each cell's true count aside (``Truth``), for scoring
only: no attack reads it.
"""

from __future__ import annotations

import itertools
import random
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

import access
import query
from benchmarks.attack.model import UNBOUNDED, PublicationModel
from benchmarks.attack.pool import run_tasks
from query import filter_table
from query.export import UNIT_COLUMNS, Exporter
from query.grid import LEVELS, choices, off_grid, window_starts
from query.links import ExploreOptions, parse_params, to_params
from query.months import parse_month
from query.view import Filters

Choice = tuple[str, ...]  # one value per filter of fixed choices
#: Links per level read both ways before the fast reading is trusted.
CHECKED = 20


def dimensions() -> tuple[str, ...]:
    """The filters a view chooses (those of fixed choices), in the table's order."""
    return tuple(f.field for f in filter_table.choice_filters())


@dataclass
class Readings:
    """What one level's tables read: per unit, choice and window a code into ``vocab`` (the
    texts read; −1 where the view was refused). ``units`` holds the tables' place columns
    and ``unit`` (a key: the commune, district or province code; a commune without a code by
    its names); ``ends`` each window's last month (from the tables). ``interpret`` fills
    ``lo``, ``hi`` (the interval of true counts, int64 [unit, choice, window]) and ``small``
    (the text was the small class)."""

    level: str
    units: pd.DataFrame
    choices: tuple[Choice, ...]
    starts: tuple[date, ...]
    ends: tuple[date, ...]
    code: np.ndarray
    vocab: tuple[str, ...]
    refused: int = 0
    links: int = 0
    lo: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    hi: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    small: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def texts(self) -> set[str]:
        """Every text read."""
        used = np.unique(self.code[self.code >= 0])
        return {self.vocab[i] for i in used}

    def interpret(self, model: PublicationModel) -> None:
        """Turn every text into its interval of true counts under ``model``."""
        lo, hi = model.intervals(self.vocab) if self.vocab else (np.zeros(0), np.zeros(0))
        small = np.array([model.is_small(t) for t in self.vocab], dtype=bool)
        read = self.code >= 0
        index = np.where(read, self.code, 0)
        self.lo = np.where(read, lo[index] if len(lo) else 0, 0).astype(np.int64)
        self.hi = np.where(read, hi[index] if len(hi) else 0, UNBOUNDED).astype(np.int64)
        self.small = read & (small[index] if len(small) else False)

    def copy_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Fresh copies of ``lo`` and ``hi`` (an attack tightens its own)."""
        return self.lo.copy(), self.hi.copy()


#: Per level, the true count ``[unit, choice, window]`` of every view read (−1 where not).
Truth = dict[str, np.ndarray]


@dataclass(frozen=True)
class Offer:
    """The views one audience may ask for: window starts and, per level, the choices."""

    starts: tuple[date, ...]
    choices: dict[str, tuple[Choice, ...]] = field(default_factory=dict)


def view_filters(start: date, choice: Choice) -> Filters:
    """The filters of one view (national: a province focus gives the same cells)."""
    return Filters(start, **dict(zip(dimensions(), choice, strict=True)))


def make_offer(bounds: tuple[date, date], levels: tuple[str, ...] = LEVELS) -> Offer:
    """Every window start and every choice the grid accepts at each of ``levels``."""
    starts = tuple(window_starts(bounds))
    per_level = {}
    for level in levels:
        offered = choices(level)
        combos = itertools.product(*(offered[name] for name in dimensions()))
        per_level[level] = tuple(c for c in combos
                                 if not off_grid(view_filters(starts[-1], c), level))  # fmt: skip
    return Offer(starts, per_level)


def link(level: str, start: date, choice: Choice, bounds: tuple[date, date]) -> str:
    """The Explore link of one view, as a user would share it."""
    params = {**to_params(view_filters(start, choice), ExploreOptions(level=level), bounds),
              "level": level}  # fmt: skip
    return "&".join(f"{k}={v}" for k, v in params.items())


def unit_keys(table: pd.DataFrame, level: str) -> pd.Series:
    """Each row's unit key: its code, or for a commune without one its names."""
    if level == "commune":
        named = (table["province_code"].astype(str) + ":" + table["district_name_en"].astype(str)
                 + ":" + table["commune_name_en"].astype(str))  # fmt: skip
        return table["commune_code"].where(table["commune_code"].notna(), named).astype(str)
    return table[f"{level}_code"].astype(str)


def answered_as_asked(table: pd.DataFrame, messages: list[str], level: str, start: date,
                      choice: Choice) -> bool:  # fmt: skip
    """Whether the export answered the view asked for (no correction, same level, period
    and choices: every table states them on each row)."""
    if messages or table.empty:
        return False
    row = table.iloc[0]
    asked = dict(zip(dimensions(), choice, strict=True))
    return (row["level"] == level and parse_month(str(row["period_from"])) == start
            and all(row[name] == value for name, value in asked.items()))  # fmt: skip


class Reader:
    """Reads views of one database for one audience through the export (one per process)."""

    def __init__(self, db_path: Path, audience: str) -> None:
        self.con = query.open_database(db_path)
        self.exporter = Exporter(self.con, audience)
        self.audience = audience

    def accepted(self, level: str, start: date, choice: Choice) -> bool:
        """Whether the export would answer this view as asked, as its parser decides."""
        params = dict(part.split("=", 1) for part in
                      link(level, start, choice, self.exporter.bounds).split("&"))  # fmt: skip
        filters, options, problems = parse_params(params, self.exporter.bounds,
                                                  self.exporter.provinces)  # fmt: skip
        return (not problems and options.level == level
                and access.allowed(self.audience, "read_level", level)
                and filters == view_filters(start, choice))  # fmt: skip

    def table(self, level: str, start: date, choice: Choice) -> pd.DataFrame | None:
        """The export's table of the view, or None if it answers another view."""
        table, messages = self.exporter.table(link(level, start, choice, self.exporter.bounds))
        return table if answered_as_asked(table, messages, level, start, choice) else None

    def window(self, level: str, start: date, view_choices: tuple[Choice, ...]) -> tuple:
        """Every choice of one level and window: (vocab, codes or None per choice)."""
        vocab: dict[str, int] = {}
        columns = []
        for choice in view_choices:
            table = self.table(level, start, choice)
            columns.append(
                None
                if table is None
                else np.array(
                    [vocab.setdefault(t, len(vocab)) for t in table["incidents"].astype(str)]
                )
            )
        return tuple(vocab), columns


_READER: Reader | None = None


def _open(db_path: Path, audience: str) -> None:
    global _READER
    _READER = Reader(db_path, audience)


def _read_window(task: tuple[str, date, tuple[Choice, ...]]) -> tuple:
    assert _READER is not None
    return _READER.window(*task)


def offered_levels(reader: Reader, offer: Offer) -> tuple[str, ...]:
    """The levels the audience is answered at (the briefing audience gets provinces only)."""
    return tuple(level for level, level_choices in offer.choices.items()
                 if level_choices and reader.table(level, offer.starts[-1], level_choices[0])
                 is not None)  # fmt: skip


def read_fast(reader: Reader, offer: Offer, level: str, ends: tuple[date, ...]
              ) -> tuple[np.ndarray, tuple[str, ...], np.ndarray]:  # fmt: skip
    """One level's codes, vocabulary and true counts, read fast (``fastread``); views the
    export's parser would not answer as asked are refused (code −1): each choice is asked of
    the parser in the last window and each window with the first choice (``check_fast``'s
    sample asks the export about other pairs)."""
    from benchmarks.attack import fastread

    first = offer.starts[0]
    months = (ends[-1].year - first.year) * 12 + ends[-1].month - first.month + 1
    facts = reader.con.table("incidents_monthly").df()
    inclusion, n, k = fastread.atom_cells(reader.con, facts, level, offer.choices[level],
                                          first, months)  # fmt: skip
    view_n, view_k = fastread.view_cells(inclusion, n, k, first, offer.starts, ends)
    ids = fastread.view_ids(reader.con, level, offer.choices[level], offer.starts)
    code, vocab = fastread.texts(view_n, view_k, ids)
    for c, choice in enumerate(offer.choices[level]):
        if not reader.accepted(level, offer.starts[-1], choice):
            code[:, c, :] = -1
    for j, start in enumerate(offer.starts):
        if not reader.accepted(level, start, offer.choices[level][0]):
            code[:, :, j] = -1
    return code, vocab, np.where(code >= 0, view_n, -1)


def check_fast(reader: Reader, offer: Offer, fast: dict[str, tuple], seed: int = 0
               ) -> str | None:  # fmt: skip
    """Why the fast reading cannot be trusted (None: it gave the export's texts and refusals
    on ``CHECKED`` random links per level)."""
    draw = random.Random(seed)
    for level, (code, vocab, _) in fast.items():
        for _ in range(CHECKED):
            j = draw.randrange(len(offer.starts))
            c = draw.randrange(len(offer.choices[level]))
            asked = f"{level} {offer.starts[j]} {offer.choices[level][c]}"
            table = reader.table(level, offer.starts[j], offer.choices[level][c])
            if table is None or (code[:, c, j] < 0).any():
                if (table is None) != bool((code[:, c, j] < 0).all()):
                    return f"the export and the fast reading disagree on refusing {asked}"
                continue
            if [vocab[i] for i in code[:, c, j]] != table["incidents"].astype(str).tolist():
                return f"the export reads other texts than the fast reading for {asked}"
    return None


def read_offer(db_path: Path, audience: str = "analyst", jobs: int = 1, mode: str = "auto"
               ) -> tuple[dict[str, Readings], Truth | None, str]:  # fmt: skip
    """Every view the export answers the audience, by level; the true counts when read fast
    (for scoring only); and the mode used (``fast`` or ``export``; ``auto``: fast if it
    passes ``check_fast``, else through the export).

    Raises:
        RuntimeError: with ``mode="fast"``, if the fast reading cannot be trusted.
        query.DatabaseMissingError: if the database (or its store) cannot be opened.
        RuntimeError: if two tables of one level list different units.
    """
    reader = Reader(db_path, audience)
    try:
        if reader.exporter.bounds is None:
            return {}, None, mode
        offer = make_offer(reader.exporter.bounds)
        levels = offered_levels(reader, offer)
        units = {level: reader.table(level, offer.starts[-1], offer.choices[level][0])
                 for level in levels}  # fmt: skip
        ends = tuple(parse_month(str(reader.table(levels[0], s, offer.choices[levels[0]][0])
                                     ["period_to"].iloc[0])) for s in offer.starts)  # fmt: skip
        fast, why = {}, None
        if mode != "export":
            try:
                fast = {level: read_fast(reader, offer, level, ends) for level in levels}
                why = check_fast(reader, offer, fast)
            except Exception as exc:  # a changed protection layer: read it through the export
                why = f"the fast reading failed ({type(exc).__name__}: {exc})"
            if why and mode == "fast":
                raise RuntimeError(why)
            mode = "export" if why else "fast"
        if why:
            print(f"reading through the export: {why}", file=sys.stderr)
    finally:
        reader.con.close()
    readings, truth = {}, {}
    for level in levels:
        table = units[level]
        frame = table[UNIT_COLUMNS[level]].assign(unit=list(unit_keys(table, level)))
        frame = frame.reset_index(drop=True)
        if mode == "fast":
            code, vocab, truth[level] = fast[level]
        else:
            tasks = [(level, start, offer.choices[level]) for start in offer.starts]
            code, vocab = _assemble(level, len(frame), offer, list(run_tasks(
                _read_window, tasks, jobs, _open, (db_path, audience))))  # fmt: skip
        readings[level] = Readings(level, frame, offer.choices[level], offer.starts, ends, code,
                                   vocab, int((code[0] < 0).sum()) if len(code) else 0,
                                   code.shape[1] * code.shape[2])  # fmt: skip
    return readings, (truth if mode == "fast" else None), mode


def _assemble(level: str, size: int, offer: Offer, results: list[tuple]
              ) -> tuple[np.ndarray, tuple[str, ...]]:  # fmt: skip
    """One level's codes and vocabulary from its windows' results (read through the export).

    Raises:
        RuntimeError: if a table lists other units than the first.
    """
    code = np.full((size, len(offer.choices[level]), len(offer.starts)), -1, dtype=np.int32)
    vocab: dict[str, int] = {}
    for j, (local, columns) in enumerate(results):
        remap = np.array([vocab.setdefault(t, len(vocab)) for t in local], dtype=np.int32)
        for c, column in enumerate(columns):
            if column is None:
                continue
            if len(column) != size:
                raise RuntimeError(f"the {level} tables do not list the same units")
            code[:, c, j] = remap[column]
    return code, tuple(vocab)


def interpret_all(readings: dict[str, Readings], model: PublicationModel | None = None
                  ) -> PublicationModel:  # fmt: skip
    """Derive the model from every text read (unless given) and interpret every level."""
    from benchmarks.attack.model import derive

    if model is None:
        model = derive(set().union(*(r.texts() for r in readings.values())))
    for r in readings.values():
        r.interpret(model)
    return model
