"""Romanised Khmer place names: normalisation and a similarity tolerant of spelling variants.

The commune polygons and the official gazetteer romanise the same Khmer names differently
(``Tma Kaev`` / ``Thma Kaev``, ``Anlong`` / ``Anlung``, ``Preak`` / ``Preaek``,
``Ballangk`` / ``Ballang``). Two keys are compared: the plain letters of the name, and a
consonant skeleton in which aspirated consonants, vowel clusters, doubled letters and a few
interchangeable spellings are folded together.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Ordinal words in numbered sangkats ("Boeng Keng Kang Ti Muoy" / "Boeng Keng Kang Muoy",
# "Lekh Bei" / "Bei").
_FILLER_WORDS = frozenset({"ti", "lekh", "lek"})
# The boundary file cuts names at 20 characters and marks the cut with this character.
TRUNCATION_MARK = "*"
# Directional qualifiers of split communes ("Khang Cheung" = north side) as (east, north) vectors.
DIRECTIONS: dict[str, tuple[float, float]] = {
    "cheung": (0.0, 1.0),
    "tboung": (0.0, -1.0),
    "kaeut": (1.0, 0.0),
    "lech": (-1.0, 0.0),
}
_NUMBER_WORDS = {
    "1": "muoy",
    "2": "pir",
    "3": "bei",
    "4": "buon",
    "5": "pram",
    "6": "prammuoy",
    "7": "prampir",
    "8": "prambei",
    "9": "prambuon",
}
# Applied in order to the plain letters to build the skeleton.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    (r"ngk$", "ng"),
    (r"nk$", "ng"),
    (r"chh", "c"),
    (r"ch", "c"),
    (r"kh", "k"),
    (r"th", "t"),
    (r"ph", "p"),
    (r"dh", "t"),
    (r"d", "t"),
    (r"b", "p"),
    (r"g", "k"),
    (r"w", "v"),
    (r"z", "s"),
    (r"h", ""),
    (r"[aeiouy]+", ""),
    (r"(.)\1+", r"\1"),
    # "Romoneiy" / "Rummeakney", "Ronak" / "Reaknak": a k before n is often not written.
    (r"kn", "n"),
)


def ascii_words(name: str) -> list[str]:
    """Split a romanised name into lower-case ASCII words, accents and punctuation removed.

    Digits are spelled out (``1`` becomes ``muoy``) and the ordinal word ``ti`` is dropped.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z]+|[0-9]", ascii_only)
    return [_NUMBER_WORDS.get(w, w) for w in words if w not in _FILLER_WORDS]


def plain_key(name: str) -> str:
    """Return the letters of a name, lower case.

    ``"Tuol Sangkae Ti Muoy"`` becomes ``"tuolsangkaemuoy"``.
    """
    return "".join(ascii_words(name))


def skeleton_key(name: str) -> str:
    """Return the consonant skeleton of a name, folding common romanisation variants.

    ``"Tma Kaev"`` and ``"Thma Kaev"`` share the skeleton ``"tmkv"``.
    """
    parts = []
    for word in ascii_words(name):
        key = word
        for pattern, repl in _SKELETON_RULES:
            key = re.sub(pattern, repl, key)
        parts.append(key or word[:1])
    return "".join(parts)


_SPLIT_SUFFIXES = frozenset({"muoy", "mouy", "pir", "bei", "buon", "pram", *DIRECTIONS})


def split_stem(name: str) -> str | None:
    """The name without its ordinal or compass suffix, or None if it has none.

    ``"Chaom Chau Ti Bei"`` and ``"Srae Chea Khang Cheung"`` give ``"Chaom Chau"`` and
    ``"Srae Chea"``: communes split after 2014 carry such suffixes.
    """
    words = ascii_words(name)
    if len(words) < 2 or words[-1] not in _SPLIT_SUFFIXES:
        return None
    words = words[:-1]
    if len(words) >= 2 and words[-1] == "khang":
        words = words[:-1]
    return " ".join(words)


def is_truncated(name: str) -> bool:
    """True when the boundary file cut the name short (``"Boeng Keng Kang Ti *"``)."""
    return name.rstrip().endswith(TRUNCATION_MARK)


def direction_of(name: str) -> tuple[float, float] | None:
    """The compass direction a name's qualifier names (``"... Khang Cheung"`` is north), if any."""
    words = ascii_words(name)
    if len(words) >= 2 and words[-2] == "khang":
        return DIRECTIONS.get(words[-1])
    return None


@lru_cache(maxsize=8192)
def _keys(name: str) -> tuple[str, str]:
    return plain_key(name), skeleton_key(name)


def name_similarity(a: str, b: str, floor: float = 0.0) -> float:
    """Similarity of a boundary name ``a`` and a gazetteer name ``b`` in [0, 1].

    1.0 when their plain letters are equal. Otherwise the mean of the sequence similarity of
    the plain keys and of the skeletons, so a spelling variant scores high while a different
    name sharing a few letters scores low. A truncated ``a`` (ending in ``*``) is compared with
    the same length of ``b`` only. Scores that cannot reach ``floor`` are returned as 0.0
    after a cheap upper-bound check, without the full comparison.
    """
    plain_a, skel_a = _keys(a)
    plain_b, skel_b = _keys(b)
    if is_truncated(a):
        plain_b, skel_b = plain_b[: len(plain_a)], skel_b[: len(skel_a)]
    if not plain_a or not plain_b:
        return 0.0
    if plain_a == plain_b:
        return 1.0
    plain = SequenceMatcher(None, plain_a, plain_b)
    skel = SequenceMatcher(None, skel_a, skel_b)
    if floor and (plain.quick_ratio() + skel.quick_ratio()) / 2 < floor:
        return 0.0
    return round((plain.ratio() + skel.ratio()) / 2, 4)
