"""Shared borders once: the topology and its text come back exactly, ring by ring, on small
shapes made here and on the real display layers."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from shapely.geometry import MultiPolygon, Polygon, box

import query
from geo.encode import EncodedTopology, decode_topology, encode_topology
from geo.topology import Point, build_topology, quantise, ring_points

LEFT = box(0, 0, 1, 1)
RIGHT = box(1, 0, 2, 1)  # shares the edge x = 1 with LEFT
HOLED = Polygon([(3, 0), (6, 0), (6, 3), (3, 3)], [[(4, 1), (5, 1), (5, 2), (4, 2)]])
ISLANDS = MultiPolygon([box(7, 0, 8, 1), Polygon([(9, 0), (10.25, 0), (9.5, 0.75)])])


def same_cycle(a: list[Point], b: list[Point]) -> bool:
    """The same ring: same points in the same order, whatever the starting point."""
    return len(a) == len(b) and any(a[i:] + a[:i] == b for i, p in enumerate(a) if p == b[0])


def assert_round_trip(layers: list, precision: int) -> EncodedTopology:
    """Every ring of every layer comes back from the topology, and the first layer's rings
    and the later layers' edges come back from its text; returns the text."""
    topology = build_topology(layers, precision)
    for layer, shapes in zip(layers, topology.layers, strict=True):
        for geom, shape in zip(layer, shapes, strict=True):
            expected = quantise(geom, precision)
            assert [len(p) for p in shape] == [len(p) for p in expected]
            for rings, wanted in zip(shape, expected, strict=True):
                for refs, ring in zip(rings, wanted, strict=True):
                    assert same_cycle(ring_points(topology.arcs, refs), ring)
    encoded = encode_topology(topology)
    shapes, meshes = decode_topology(encoded)
    for geom, shape in zip(layers[0], shapes, strict=True):
        for rings, wanted in zip(shape, quantise(geom, precision), strict=True):
            assert all(same_cycle(r, w) for r, w in zip(rings, wanted, strict=True))
    for layer, mesh in zip(layers[1:], meshes, strict=True):
        drawn = {frozenset(e) for arc in mesh for e in pairwise(arc)}
        assert drawn == edges([r for g in layer for p in quantise(g, precision) for r in p])
    return encoded


def edges(rings: list[list[Point]]) -> set[frozenset]:
    return {frozenset(e) for r in rings for e in zip(r, r[1:] + r[:1], strict=True)}


def test_two_squares_share_their_edge_once() -> None:
    topology = build_topology([[LEFT, RIGHT]], 0)
    assert len(topology.arcs) == 3  # the shared edge, and the rest of each square's outline
    (left,), (right,) = (shape[0] for shape in topology.layers[0])
    assert len(left) == len(right) == 2
    shared = set(left) & {~r for r in right}
    assert len(shared) == 1 and topology.arcs[shared.pop()] in (((1, 0), (1, 1)), ((1, 1), (1, 0)))
    encoded = assert_round_trip([[LEFT, RIGHT]], 0)
    assert encoded.shapes[1][0][0].count(0) == 1  # the right square reuses the shared edge


def test_a_hole_and_a_multipolygon_come_back_exactly() -> None:
    encoded = assert_round_trip([[HOLED, ISLANDS, LEFT, RIGHT]], 2)
    assert [len(p) for p in encoded.shapes[0]] == [2]  # exterior and hole
    assert [len(p) for p in encoded.shapes[1]] == [1, 1]  # two parts
    assert encoded.scale == 100


def test_an_outline_layer_reuses_the_arcs_of_the_shapes_it_dissolves() -> None:
    outline = Polygon([(0, 0), (1, 0), (2, 0), (2, 1), (1, 1), (0, 1)])  # LEFT and RIGHT
    topology = build_topology([[LEFT, RIGHT], [outline]], 0)
    assert len(topology.arcs) == 3  # the outline adds no arc
    encoded = assert_round_trip([[LEFT, RIGHT], [outline]], 0)
    assert encoded.meshes == [[1, 1]]  # arcs 1 and 2: not the shared edge (arc 0)


def test_an_outline_whose_vertices_differ_gets_arcs_of_its_own() -> None:
    outline = Polygon([(0, 0), (2, 0), (2, 1), (1.5, 1.2), (0, 1)])  # not the squares' top
    topology = build_topology([[LEFT, RIGHT], [outline]], 1)
    assert len(topology.arcs) > 2
    encoded = assert_round_trip([[LEFT, RIGHT], [outline]], 1)
    assert encoded.arcs.count("!") + 1 == len(topology.arcs)


def test_rounding_to_the_grid_keeps_a_repeated_point_once() -> None:
    nearly = Polygon([(0, 0), (0.0001, 0.00004), (1, 0), (1, 1)])
    (ring,) = quantise(nearly, 3)[0]
    assert ring == [(0, 0), (1000, 0), (1000, 1000)]
    assert_round_trip([[nearly]], 3)


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="only polygons"):
        build_topology([[LEFT.exterior]], 4)
    with pytest.raises(ValueError, match="precision must be between 0 and 7"):
        build_topology([[LEFT]], 8)
    with pytest.raises(ValueError, match="at least one layer"):
        encode_topology(build_topology([], 4))
    encoded = encode_topology(build_topology([[LEFT]], 0))
    with pytest.raises(ValueError, match="more arcs than the text holds"):
        decode_topology(EncodedTopology("", encoded.shapes, [], 1))


@pytest.mark.integration
def test_the_real_display_layers_come_back_exactly(built_db: Path) -> None:
    con = query.open_database(built_db)
    try:
        communes = query.commune_layer(con).geometry
        provinces = query.border_layer(con, "provinces").geometry
        districts = query.border_layer(con, "districts").geometry
    finally:
        con.close()
    assert len(communes) == 1633
    assert_round_trip([communes, provinces, districts], 4)
    alone = build_topology([communes], 4)
    together = build_topology([communes, provinces, districts], 4)
    # The outlines are dissolved from the communes' display geometry: their vertices are the
    # communes' own, so they reuse the communes' arcs and add none.
    assert len(together.arcs) == len(alone.arcs)
    points = sum(len(arc) for arc in alone.arcs)
    vertices = sum(len(r) for g in communes for p in quantise(g, 4) for r in p)
    assert points < 0.65 * vertices  # each shared border stored once
