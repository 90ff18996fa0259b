"""The atoms of a level: the finest pieces of the incidents that the offered choices separate.

Each filter's offered choices (``query.grid.choices``) are sets of values (``Filters.values``);
the values with the same membership in every offered set form one *class*, and an *atom* is
one class per filter. At district level today every single type, population and actor is
offered, so an atom is one type × one population × one actor (8 × 7 × 5 = 280); at commune
level the classes are arrests and confiscations or not, key populations or not, any actor
(2 × 2 × 1 = 4). Every offered choice is a union of atoms, so every published cell is a sum
of atoms; a level's classes also separate what the finer levels offer, so a commune's atoms
are unions of its district's (the ties between levels).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from benchmarks.attack.offer import Choice, dimensions, view_filters
from query import filter_table

_ANY_MONTH = date(2000, 1, 1)


def value_sets(choice: Choice) -> tuple[frozenset[str], ...]:
    """The contract values each filter's choice stands for."""
    filters = view_filters(_ANY_MONTH, choice)
    return tuple(frozenset(filters.values(name)) for name in dimensions())


def contract_values(name: str) -> tuple[str, ...]:
    """Every contract value one filter's choices stand for (``query.filter_table``)."""
    item = filter_table.by_field(name)
    return tuple(dict.fromkeys(v for c in item.choices for v in c.stands_for))


def classes(generators: Iterable[Choice]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Per filter, the classes of values that the choices ``generators`` separate."""
    sets = [value_sets(choice) for choice in generators]
    out = []
    for d, name in enumerate(dimensions()):
        by_signature: dict[tuple[bool, ...], set[str]] = {}
        for value in contract_values(name):
            signature = tuple(value in s[d] for s in sets)
            by_signature.setdefault(signature, set()).add(value)
        out.append(tuple(frozenset(v) for v in by_signature.values()))
    return tuple(out)


@dataclass(frozen=True)
class Atoms:
    """A level's atoms (one class per filter) and which of them each choice sums:
    ``inclusion[c, a]`` is True when choice ``c`` holds atom ``a``."""

    atoms: tuple[tuple[frozenset[str], ...], ...]
    inclusion: np.ndarray

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(choice, atom) index pairs of ``inclusion``."""
        return np.nonzero(self.inclusion)

    def within(self, coarser: Atoms) -> np.ndarray:
        """``[g, a]``: atom ``a`` of this level lies in atom ``g`` of a coarser partition.

        Raises:
            ValueError: if an atom here is not inside exactly one atom of ``coarser``.
        """
        inside = np.array([[all(f <= g for f, g in zip(atom, big, strict=True))
                            for atom in self.atoms] for big in coarser.atoms])  # fmt: skip
        if not (inside.sum(axis=0) == 1).all():
            raise ValueError("the finer level's atoms do not nest in the coarser level's")
        return inside


def level_atoms(choices: tuple[Choice, ...], generators: Iterable[Choice]) -> Atoms:
    """The atoms that ``generators`` separate, with the inclusion of ``choices`` (a level's
    offered choices; the generators hold them and those of the finer levels)."""
    per_filter = classes(generators)
    atoms = tuple(itertools.product(*per_filter))
    inclusion = np.zeros((len(choices), len(atoms)), dtype=bool)
    for c, choice in enumerate(choices):
        sets = value_sets(choice)
        for a, atom in enumerate(atoms):
            inclusion[c, a] = all(part <= s for part, s in zip(atom, sets, strict=True))
    return Atoms(atoms, inclusion)


def atoms_by_level(choices: dict[str, tuple[Choice, ...]]) -> dict[str, Atoms]:
    """Each level's atoms: separated by its own choices and those of every finer level
    (``choices`` in the grid's order, finest first), so that the levels nest."""
    out, generators = {}, []
    for level, level_choices in choices.items():
        generators.extend(level_choices)
        out[level] = level_atoms(level_choices, generators)
    return out
