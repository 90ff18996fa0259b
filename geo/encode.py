"""A compact text encoding of polygons for the browser.

Coordinates are rounded to ``precision`` decimals, delta-encoded along each ring and written
with the encoded-polyline algorithm (5-bit groups as printable ASCII), so a vertex takes 2-6
bytes instead of ~20 in GeoJSON. The characters start at ``OFFSET`` (58, ``:``) rather than the
usual 63, so that the text never holds ``{``, ``}``, ``%`` or ``#``: map scripts pass through
Jinja templates, where those would be read as template syntax. ``geo/compact_layer.js`` decodes
it in the browser; ``decode_ring`` is its Python twin, for tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shapely.geometry.base import BaseGeometry

OFFSET = 58


def _encode_value(value: int, out: list[str]) -> None:
    value = ~(value << 1) if value < 0 else value << 1
    while value >= 0x20:
        out.append(chr((0x20 | (value & 0x1F)) + OFFSET))
        value >>= 5
    out.append(chr(value + OFFSET))


def encode_ring(coords: Iterable[Sequence[float]], precision: int) -> str:
    """Encode one ring of (lon, lat) pairs; the closing vertex is dropped (it repeats the first).

    Raises:
        ValueError: if ``precision`` is not between 0 and 7.
    """
    if not 0 <= precision <= 7:
        raise ValueError(f"precision must be between 0 and 7 decimals, got {precision}")
    scale = 10**precision
    points = [(round(x * scale), round(y * scale)) for x, y, *_ in coords]
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    out: list[str] = []
    prev_x = prev_y = 0
    for x, y in points:
        _encode_value(x - prev_x, out)
        _encode_value(y - prev_y, out)
        prev_x, prev_y = x, y
    return "".join(out)


def decode_ring(text: str, precision: int) -> list[tuple[float, float]]:
    """Decode a ring written by ``encode_ring``; the ring is returned closed.

    Raises:
        ValueError: if the text ends in the middle of a value.
    """
    values: list[int] = []
    shift = result = 0
    for char in text:
        chunk = ord(char) - OFFSET
        result |= (chunk & 0x1F) << shift
        shift += 5
        if chunk < 0x20:
            values.append(~(result >> 1) if result & 1 else result >> 1)
            shift = result = 0
    if shift:
        raise ValueError("encoded ring ends in the middle of a value")
    scale = 10**precision
    points, x, y = [], 0, 0
    for dx, dy in zip(values[::2], values[1::2], strict=True):
        x, y = x + dx, y + dy
        points.append((x / scale, y / scale))
    if points:
        points.append(points[0])
    return points


def encode_geometry(geom: BaseGeometry, precision: int) -> list[list[str]]:
    """Encode a Polygon or MultiPolygon as a list of polygons, each a list of rings.

    Raises:
        ValueError: if the geometry is not polygonal.
    """
    if geom.geom_type == "Polygon":
        polygons = [geom]
    elif geom.geom_type == "MultiPolygon":
        polygons = list(geom.geoms)
    else:
        raise ValueError(f"only polygons can be encoded, got {geom.geom_type}")
    return [
        [encode_ring(ring.coords, precision) for ring in (p.exterior, *p.interiors)]
        for p in polygons
        if not p.is_empty
    ]
