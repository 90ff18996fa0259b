"""Shared borders once: the arcs of polygon layers (TopoJSON's idea).

Coordinates are quantised to integers (``round(x * 10**precision)``; the display geometry is
already rounded to that grid, so nothing moves). A point where rings part ways (its neighbours
differ between two rings, or between two places in one ring) is a junction. Every ring is cut
at its junctions into arcs, and an arc that a ring already holds, in either direction, is kept
once: a ring is then a list of arc references, ``i`` for arc ``i`` as stored and ``~i`` for it
reversed. Neighbouring communes share the arcs of their common border, and a province outline
dissolved from its communes reuses theirs; where an outline's vertices are not those of the
communes it gets arcs of its own, so every ring comes back exactly (``ring_points``).

Arcs are numbered in the order rings first use them, layer by layer: ``geo.encode`` relies on
it to write the arcs into the ring walk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

Point = tuple[int, int]
Arc = tuple[Point, ...]
Ring = list[int]  # arc references
Shape = list[list[Ring]]  # polygons, each a list of rings (exterior first)


@dataclass(frozen=True)
class Topology:
    """Arcs of integer points (in units of ``10**-precision`` degrees) and, per layer and per
    geometry, its polygons as rings of arc references."""

    precision: int
    arcs: list[Arc]
    layers: list[list[Shape]]


def quantise(geom: BaseGeometry, precision: int) -> list[list[list[Point]]]:
    """A Polygon or MultiPolygon as polygons of rings of integer points: open rings (the
    closing point dropped), a point repeated by rounding kept once, empty polygons left out.

    Raises:
        ValueError: if the geometry is not polygonal, or ``precision`` is not 0 to 7 decimals.
    """
    if not 0 <= precision <= 7:
        raise ValueError(f"precision must be between 0 and 7 decimals, got {precision}")
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"only polygons can be encoded, got {geom.geom_type}")
    scale = 10**precision
    polygons = []
    for polygon in getattr(geom, "geoms", [geom]):
        if polygon.is_empty:
            continue
        rings = []
        for ring in (polygon.exterior, *polygon.interiors):
            grid = np.rint(shapely.get_coordinates(ring) * scale).astype(np.int64)
            moved = np.ones(len(grid), dtype=bool)
            moved[1:] = (grid[1:] != grid[:-1]).any(axis=1)
            xs, ys = grid[moved].T.tolist() if len(grid) else ([], [])
            points = list(zip(xs, ys, strict=True))
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            rings.append(points)
        polygons.append(rings)
    return polygons


def _junctions(rings: Iterable[list[Point]]) -> set[Point]:
    """Points whose neighbours (in either direction) are not the same in every ring."""
    neighbours: dict[Point, tuple[Point, Point]] = {}
    junctions: set[Point] = set()
    for ring in rings:
        last = len(ring) - 1
        for i, point in enumerate(ring):
            pair = (ring[i - 1], ring[0 if i == last else i + 1])
            seen = neighbours.setdefault(point, pair)
            if seen != pair and seen != (pair[1], pair[0]):
                junctions.add(point)
    return junctions


def _cut(ring: list[Point], junctions: set[Point]) -> list[Arc]:
    """The ring's arcs, from junction to junction; a ring without one is a single closed arc
    starting at its smallest point (so that the same ring always gives the same arc)."""
    cuts = [i for i, point in enumerate(ring) if point in junctions]
    start = cuts[0] if cuts else ring.index(min(ring))
    turned = ring[start:] + ring[:start]
    turned.append(turned[0])
    bounds = [i - start for i in cuts] + [len(ring)] if cuts else [0, len(ring)]
    return [tuple(turned[a : b + 1]) for a, b in pairwise(bounds)]


class _ArcStore:
    """Arcs kept once: a reference to an arc already stored, forwards or reversed, or a new one."""

    def __init__(self) -> None:
        self.arcs: list[Arc] = []
        self._index: dict[Arc, int] = {}

    def ref(self, arc: Arc) -> int:
        found = self._index.get(arc)
        if found is not None:
            return found
        found = self._index.get(arc[::-1])
        if found is not None:
            return ~found
        self._index[arc] = len(self.arcs)
        self.arcs.append(arc)
        return len(self.arcs) - 1


def build_topology(layers: Sequence[Iterable[BaseGeometry]], precision: int) -> Topology:
    """The arcs shared by every ring of ``layers`` (e.g. communes, then province outlines).

    Raises:
        ValueError: if a geometry is not polygonal, or ``precision`` is not 0 to 7 decimals.
    """
    shapes = [[quantise(g, precision) for g in layer] for layer in layers]
    junctions = _junctions(r for layer in shapes for s in layer for p in s for r in p if r)
    store = _ArcStore()

    def ring_refs(ring: list[Point]) -> Ring:
        return [store.ref(arc) for arc in _cut(ring, junctions)]

    refs = [[[[ring_refs(r) for r in p if r] for p in s] for s in layer] for layer in shapes]
    return Topology(precision, store.arcs, refs)


def arc_points(arcs: Sequence[Arc], ref: int) -> Arc:
    """The points of arc reference ``ref`` (reversed for ``~i``)."""
    return arcs[ref] if ref >= 0 else arcs[~ref][::-1]


def ring_points(arcs: Sequence[Arc], ring: Ring) -> list[Point]:
    """The open ring that arc references ``ring`` describe (each arc ends where the next
    begins, and the last where the first begins)."""
    points: list[Point] = []
    for ref in ring:
        points.extend(arc_points(arcs, ref)[:-1])
    return points
