"""Find a province, district or commune by a name typed in either script, forgiving: other
names (common and former ones, ``place_names.toml``), other romanisations, a missing or extra
space, an administrative word ("Krong", "Khett", or their Khmer) and typos. Ranked with rapidfuzz.

Pure: the names come from the commune layer (``query.commune_layer``: the gazetteer's names
where a polygon has a code, the boundaries' otherwise); no streamlit.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

#: The other names of places, their spellings and administrative words: data, documented
#: in the file (docs/dashboard.md#search).
NAMES_FILE = Path(__file__).with_name("place_names.toml")
LEVELS = ("province", "district", "commune")
#: Results scoring below this (0-100) are not offered.
CUTOFF = 80.0
_SPACES = re.compile(r"[\s\-'’·.,()\u200b]+")


@dataclass(frozen=True)
class Place:
    """One place the search can find: its level, code (or polygon id, for a commune without
    code), province code, names in both scripts, its parents' names (district, province; empty
    where the level has none) and its other names."""

    level: str
    key: str
    province: str
    name_en: str
    name_km: str
    parents_en: tuple[str, ...]
    parents_km: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Folding:
    """How names are made comparable (``place_names.toml``): whole-word spellings and the
    administrative words dropped."""

    spellings: tuple[tuple[re.Pattern, str], ...]
    prefixes: tuple[str, ...]

    def fold(self, text: str) -> str:
        """``text`` case-folded, spellings unified, administrative words and every space,
        hyphen and apostrophe removed."""
        text = " " + _SPACES.sub(" ", text.casefold()) + " "
        for pattern, spelled in self.spellings:
            text = pattern.sub(f" {spelled} ", text)
        for prefix in self.prefixes:
            if prefix.isascii():
                text = text.replace(f" {prefix} ", " ")
            else:  # Khmer words are written without spaces between them
                text = re.sub(rf"(^|\s){re.escape(prefix)}", " ", text)
        return _SPACES.sub("", text)


def read_names(path: Path = NAMES_FILE) -> tuple[Folding, pd.DataFrame]:
    """The folding rules and the other names (``level, code, name, kind``) of ``path``.

    Raises:
        ValueError: if the file is not valid TOML, or an alias lacks a field or names an
            unknown level.
    """
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: not valid TOML ({exc})") from exc
    aliases = pd.DataFrame(raw.get("alias", []), columns=["level", "code", "name", "kind"])
    if aliases.isna().any().any():
        raise ValueError(f"{path.name}: every [[alias]] needs level, code, name and kind")
    if not aliases["level"].isin(LEVELS).all():
        raise ValueError(f"{path.name}: an alias's level must be one of {', '.join(LEVELS)}")
    spellings = tuple(
        (re.compile(rf" {re.escape(word.casefold())} "), spelled.casefold())
        for word, spelled in raw.get("spellings", {}).items()
    )
    prefixes = tuple(p.casefold() for p in raw.get("prefixes", []))
    return Folding(spellings, prefixes), aliases


def _text(value: object) -> str:
    """A name as text: empty for a missing one (never "nan")."""
    return value if isinstance(value, str) else ""


def places(communes: pd.DataFrame, aliases: pd.DataFrame) -> list[Place]:
    """Every province, district and commune of ``communes`` (the commune layer's columns),
    with its parents' names and its ``aliases`` (``read_names``). Raises nothing."""
    other = aliases.groupby(["level", "code"])["name"].agg(tuple).to_dict()
    found: list[Place] = []
    provinces = communes.drop_duplicates("province_code")
    for r in provinces.itertuples(index=False):
        found.append(Place("province", r.province_code, r.province_code,
                           _text(r.province_name_en), _text(r.province_name_km), (), (),
                           other.get(("province", r.province_code), ())))  # fmt: skip
    for r in communes.drop_duplicates("district_code").itertuples(index=False):
        found.append(Place("district", r.district_code, r.province_code,
                           _text(r.district_name_en), _text(r.district_name_km),
                           (_text(r.province_name_en),), (_text(r.province_name_km),),
                           other.get(("district", r.district_code), ())))  # fmt: skip
    for r in communes.itertuples(index=False):
        code = r.commune_code if isinstance(r.commune_code, str) else None
        found.append(Place("commune", code or r.source_id, r.province_code,
                           _text(r.commune_name_en), _text(r.commune_name_km),
                           (_text(r.district_name_en), _text(r.province_name_en)),
                           (_text(r.district_name_km), _text(r.province_name_km)),
                           other.get(("commune", code), ()) if code else ()))  # fmt: skip
    return found


@dataclass(frozen=True)
class SearchIndex:
    """The places and, for each name of each, its folded form (``choices[i]`` names
    ``places[owner[i]]``; ``alias[i]`` is the name when it is another name)."""

    places: tuple[Place, ...]
    choices: tuple[str, ...]
    owner: tuple[int, ...]
    alias: tuple[str, ...]
    folding: Folding


def build_index(all_places: list[Place], folding: Folding) -> SearchIndex:
    """The search index of ``all_places``. Raises nothing."""
    choices, owner, alias = [], [], []
    for i, place in enumerate(all_places):
        names = [(place.name_en, ""), (place.name_km, "")] + [(a, a) for a in place.aliases]
        for name, other in names:
            folded = folding.fold(name)
            if folded:
                choices.append(folded)
                owner.append(i)
                alias.append(other)
    return SearchIndex(tuple(all_places), tuple(choices), tuple(owner), tuple(alias), folding)


def _score(query: str, choice: str, **_: object) -> float:
    """How well ``choice`` answers ``query`` (both folded): 100 for the name itself, then a
    name that starts with it, one that holds it, then rapidfuzz's ratio (a typo in the whole
    name) or partial ratio (a typo in part of a longer name)."""
    if choice == query:
        return 100.0
    if choice.startswith(query) and len(query) >= 3:
        return 96.0 + 3.0 * len(query) / len(choice)
    if query in choice and len(query) >= 4:
        return 90.0 + 5.0 * len(query) / len(choice)
    score = fuzz.ratio(query, choice)
    if len(choice) > len(query) >= 5:
        score = max(score, fuzz.partial_ratio(query, choice) * 0.92)
    return score * 0.95


def search(index: SearchIndex, text: str, limit: int = 50) -> list[tuple[Place, str, float]]:
    """The places whose names answer ``text`` best, each once, as (place, the other name it
    was found by or "", score): best first, then provinces before districts before communes.
    Raises nothing."""
    query = index.folding.fold(text)
    if not query:
        return []
    hits = process.extract(query, index.choices, scorer=_score, score_cutoff=CUTOFF,
                           limit=None)  # fmt: skip
    best: dict[int, tuple[float, str]] = {}
    for _, score, i in hits:
        owner = index.owner[i]
        if owner not in best or score > best[owner][0]:
            best[owner] = (score, index.alias[i])
    order = sorted(best, key=lambda o: (-round(best[o][0], 1),
                                        LEVELS.index(index.places[o].level),
                                        index.places[o].name_en))  # fmt: skip
    return [(index.places[o], best[o][1], best[o][0]) for o in order[:limit]]
