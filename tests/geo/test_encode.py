"""The compact polygon encoding and its template-safe serialisation."""

from __future__ import annotations

import random

import pytest
from shapely.geometry import MultiPolygon, Polygon

from geo.encode import OFFSET, decode_ring, encode_geometry, encode_ring
from geo.maps import payload_json


def test_ring_round_trip_keeps_rounded_coordinates() -> None:
    rng = random.Random(7)
    ring = [(102.3 + rng.random() * 5, 10.4 + rng.random() * 4) for _ in range(200)]
    ring.append(ring[0])
    decoded = decode_ring(encode_ring(ring, 4), 4)
    assert len(decoded) == len(ring)
    assert all(
        abs(a - round(c, 4)) < 1e-9 and abs(b - round(d, 4)) < 1e-9
        for (a, b), (c, d) in zip(decoded, ring, strict=True)
    )


def test_alphabet_has_no_template_characters() -> None:
    rng = random.Random(1)
    ring = [(rng.uniform(-180, 180), rng.uniform(-90, 90)) for _ in range(2000)]
    text = encode_ring(ring, 5)
    assert min(map(ord, text)) >= OFFSET
    assert not set(text) & set("{}%#")


def test_polygons_with_holes_and_parts() -> None:
    shell = [(0, 0), (4, 0), (4, 4), (0, 4)]
    hole = [(1, 1), (2, 1), (2, 2), (1, 2)]
    multi = MultiPolygon([Polygon(shell, [hole]), Polygon([(5, 5), (6, 5), (6, 6)])])
    encoded = encode_geometry(multi, 4)
    assert [len(p) for p in encoded] == [2, 1]
    assert decode_ring(encoded[0][1], 4)[:4] == [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0)]


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="precision must be between 0 and 7"):
        encode_ring([(0, 0)], 9)
    with pytest.raises(ValueError, match="only polygons"):
        encode_geometry(Polygon([(0, 0), (1, 0), (1, 1)]).exterior, 4)
    with pytest.raises(ValueError, match="ends in the middle"):
        decode_ring("_", 4)


def test_payload_refuses_template_syntax() -> None:
    assert payload_json({"name": "Kandal", "n": 1}) == '{"name":"Kandal","n":1}'
    with pytest.raises(ValueError, match="template syntax"):
        payload_json({"a": {"b": 1}})
    assert "<\\/script>" in payload_json({"x": "</script>", "n": 1})
