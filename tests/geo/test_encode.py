"""The compact text of a topology and its template-safe serialisation."""

from __future__ import annotations

import json
import random

import pytest
from shapely.geometry import Polygon, box

from geo.encode import (
    ALPHABET,
    SEPARATOR,
    EncodedTopology,
    decode_topology,
    decode_values,
    encode_topology,
    encode_values,
)
from geo.maps import payload_json
from geo.topology import build_topology


def test_values_round_trip() -> None:
    rng = random.Random(7)
    values = [0, 1, -1, 31, -32, 1 << 20, -(1 << 30)] + [
        rng.randint(-5000, 5000) for _ in range(2000)
    ]
    assert decode_values(encode_values(values)) == values
    assert encode_values([0, 0]) == "::"  # a point that does not move costs two characters


def test_the_alphabet_needs_no_escaping_and_no_template_character() -> None:
    assert len(ALPHABET) == len(set(ALPHABET)) == 64
    assert not set(ALPHABET + SEPARATOR) & set('{}%#"\\/-')
    rng = random.Random(1)
    text = encode_values(rng.randint(-(10**7), 10**7) for _ in range(5000))
    assert json.dumps(text) == f'"{text}"'  # JSON writes it as it is


def test_a_walk_writes_a_shared_edge_once_and_skips_known_points() -> None:
    left, right = box(0, 0, 1, 1), box(1, 0, 2, 1)
    encoded = encode_topology(build_topology([[left, right]], 0))
    parts = encoded.arcs.split(SEPARATOR)
    assert len(parts) == 3
    # left: the shared edge from (1, 0), then the rest with its first and last points known
    assert decode_values(parts[0]) == [1, 0, 0, 1]
    assert decode_values(parts[1]) == [-1, 0, 0, -1]
    assert encoded.shapes[0] == [[[0, 0]]]
    # right: the shared edge reversed (two arcs back), then its own arc
    assert encoded.shapes[1] == [[[2, 0]]]


def test_bad_text_is_refused() -> None:
    with pytest.raises(ValueError, match="ends in the middle"):
        decode_values(ALPHABET[40])
    with pytest.raises(ValueError, match="not a character of the encoding"):
        decode_values("{")
    with pytest.raises(ValueError, match="points before the first arc"):
        decode_topology(EncodedTopology("::", [[[[0, 5]]]], [], 1))
    triangle = Polygon([(0, 0), (1, 0), (0, 1)])
    topology = build_topology([[triangle]], 0)
    bad = type(topology)(0, topology.arcs, [[[[[~0]]]]])  # a reversed arc before any was read
    with pytest.raises(ValueError, match="order rings first use them"):
        encode_topology(bad)


def test_payload_refuses_template_syntax() -> None:
    assert payload_json({"name": "Kandal", "n": 1}) == '{"name":"Kandal","n":1}'
    with pytest.raises(ValueError, match="template syntax"):
        payload_json({"a": {"b": 1}})
    assert "<\\/script>" in payload_json({"x": "</script>", "n": 1})
