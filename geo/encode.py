"""The text a map carries: a topology's arcs as one compact string, its rings as small integers.

The arcs are written in the order the first layer's rings walk them (``geo.topology`` numbers
them so): a ring is a list of tokens, ``0`` for the next arc of the string, ``d > 0`` for the arc
``d`` places back among those read (1: the last one) reversed (a neighbour's border, walked the
other way), ``-d`` for it as stored. An arc read in a ring after another starts where that one
ended, so its first point is not written; the last arc of a ring ends where the ring began,
so its last point is not written either. Arcs that only later layers use follow, whole. Later
layers are meshes: the arcs they draw (province borders, each once), as increasing ids written
as differences.

Every point is written as its difference from the point before it (where the ring walk
stands), each integer in 5-bit groups as printable characters (the encoded-polyline idea),
arcs separated by ``!``. The 64 characters run from ``:`` to ``z`` without ``\\``, so the
text needs no escaping in JSON and never holds ``{``, ``}``, ``%`` or ``#``: map scripts pass
through Jinja templates, where those would read as template syntax. ``decode_topology`` is the
Python twin of the map's script (``geo/compact_layer.js``), for tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, pairwise

from geo.topology import Point, Topology, arc_points

FIRST = 58  # ":"
SKIPPED = 92  # "\", which JSON would escape
ALPHABET = "".join(chr(c) for c in range(FIRST, FIRST + 65) if c != SKIPPED)
SEPARATOR = "!"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}


def encode_values(values: Iterable[int]) -> str:
    """Integers as text: zigzag, then 5-bit groups, low first, continued while >= 32."""
    out: list[str] = []
    for value in values:
        value = ~(value << 1) if value < 0 else value << 1
        while value >= 0x20:
            out.append(ALPHABET[0x20 | (value & 0x1F)])
            value >>= 5
        out.append(ALPHABET[value])
    return "".join(out)


def decode_values(text: str) -> list[int]:
    """The integers of ``encode_values``.

    Raises:
        ValueError: if the text holds a character outside the alphabet, or ends in the
            middle of a value.
    """
    values: list[int] = []
    shift = result = 0
    for char in text:
        if char not in _VALUE:
            raise ValueError(f"{char!r} is not a character of the encoding")
        chunk = _VALUE[char]
        result |= (chunk & 0x1F) << shift
        shift += 5
        if chunk < 0x20:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            shift = result = 0
    if shift:
        raise ValueError("encoded text ends in the middle of a value")
    return values


@dataclass(frozen=True)
class EncodedTopology:
    """A topology as a map carries it: ``arcs`` the string, ``shapes`` the first layer's
    geometries (polygons of rings of tokens), ``meshes`` the arc ids each later layer draws
    (differences), ``scale`` the integers per degree."""

    arcs: str
    shapes: list
    meshes: list[list[int]]
    scale: int


class _Writer:
    """Writes arcs into the string as a ring walk meets them, tracking where the walk stands."""

    def __init__(self, topology: Topology) -> None:
        self.arcs = topology.arcs
        self.parts: list[str] = []
        self.at: Point = (0, 0)

    def write(self, points: Iterable[Point]) -> None:
        values: list[int] = []
        x0, y0 = self.at
        for x, y in points:
            values += (x - x0, y - y0)
            x0, y0 = x, y
        self.parts.append(encode_values(values))

    def ring(self, refs: list[int]) -> list[int]:
        tokens = []
        for k, ref in enumerate(refs):
            if ref == len(self.parts):  # the arc's first use
                arc = self.arcs[ref]
                self.write(arc[1 if k else 0 : -1 if k == len(refs) - 1 else None])
                tokens.append(0)
            else:
                back = len(self.parts) - (ref if ref >= 0 else ~ref)
                if back <= 0:
                    raise ValueError("arcs are not numbered in the order rings first use them")
                tokens.append(-back if ref >= 0 else back)
            self.at = arc_points(self.arcs, ref)[-1]
        return tokens


def encode_topology(topology: Topology) -> EncodedTopology:
    """The topology's text: its first layer as rings of tokens, its later layers as meshes.

    Raises:
        ValueError: if the topology has no layer, or its arcs are not numbered in the order
            rings first use them (``build_topology`` numbers them so).
    """
    if not topology.layers:
        raise ValueError("a topology to encode needs at least one layer")
    writer = _Writer(topology)
    shapes = [[[writer.ring(r) for r in p] for p in s] for s in topology.layers[0]]
    for arc in topology.arcs[len(writer.parts) :]:  # arcs only the later layers use
        writer.write(arc)
        writer.at = arc[-1]
    meshes = []
    for layer in topology.layers[1:]:
        ids = sorted({ref if ref >= 0 else ~ref for s in layer for p in s for r in p for ref in r})
        meshes.append([b - a for a, b in pairwise([0, *ids])])
    return EncodedTopology(SEPARATOR.join(writer.parts), shapes, meshes, 10**topology.precision)


class _Reader:
    """Reads arcs from the string as a ring walk meets them (the twin of ``_Writer``)."""

    def __init__(self, text: str) -> None:
        self.parts = text.split(SEPARATOR) if text else []
        self.arcs: list[list[Point]] = []
        self.at: Point = (0, 0)

    def read(self, arc: list[Point]) -> list[Point]:
        if len(self.arcs) >= len(self.parts):
            raise ValueError("the rings read more arcs than the text holds")
        values = decode_values(self.parts[len(self.arcs)])
        x, y = self.at
        for dx, dy in zip(values[::2], values[1::2], strict=True):
            x, y = x + dx, y + dy
            arc.append((x, y))
        return arc

    def ring(self, tokens: list[int]) -> list[Point]:
        points: list[Point] = []
        for k, token in enumerate(tokens):
            if token == 0:
                arc = self.read([self.at] if k else [])
                if k == len(tokens) - 1:
                    arc.append(points[0] if points else arc[0])
                self.arcs.append(arc)
            elif abs(token) > len(self.arcs):
                raise ValueError(f"token {token} points before the first arc")
            else:
                arc = self.arcs[len(self.arcs) - abs(token)]
                arc = arc[::-1] if token > 0 else arc
            self.at = arc[-1]
            points.extend(arc[:-1])
        return points


def decode_topology(encoded: EncodedTopology) -> tuple[list, list[list[list[Point]]]]:
    """What the map's script draws: the first layer's geometries as polygons of open rings of
    integer points, and each mesh as its arcs (lists of points).

    Raises:
        ValueError: if the text is malformed, holds fewer arcs than the tokens read, or a
            token points before the first arc.
    """
    reader = _Reader(encoded.arcs)
    shapes = [[[reader.ring(r) for r in p] for p in s] for s in encoded.shapes]
    while len(reader.arcs) < len(reader.parts):  # the arcs only the meshes draw
        reader.arcs.append(reader.read([]))
        reader.at = reader.arcs[-1][-1]
    meshes = [[reader.arcs[i] for i in accumulate(mesh)] for mesh in encoded.meshes]
    return shapes, meshes
