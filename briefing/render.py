"""The briefing pack as an A4 PDF, typeset with typst (PyPI ``typst``), in Khmer or English.

Text from the brief never becomes typst markup: ``briefing.view`` turns the brief into JSON, the
template (``template.typ``) reads it with ``json()`` and places each value as a string, so a
name such as ``#set page(width: 1cm)`` or ``$x$`` prints as it is written. The fonts are given to
typst explicitly (system fonts are ignored, so the PDF is the same on every machine): typst's
own Libertinus Serif for Latin text, and a Khmer font from Debian's ``fonts-khmeros`` (or
``fonts-noto-core``), which the set-up installs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import typst

from briefing.model import Brief
from briefing.static_map import draw_province_map
from briefing.view import build_view

TEMPLATE = Path(__file__).with_name("template.typ")
LATIN_FONT = "Libertinus Serif"  # built into the typst wheel
FALLBACK_FONT = "DejaVu Sans Mono"  # built in too: symbols the others lack


@dataclass(frozen=True)
class KhmerFont:
    """A Khmer font the pack can use: its family, the folder holding it, its Debian package."""

    family: str
    folder: Path
    file_name: str
    package: str


#: Tried in this order.
KHMER_FONTS = (
    KhmerFont(
        "Khmer OS Siemreap",
        Path("/usr/share/fonts/truetype/khmeros"),
        "KhmerOSsiemreap.ttf",
        "fonts-khmeros",
    ),
    KhmerFont(
        "Noto Sans Khmer",
        Path("/usr/share/fonts/truetype/noto"),
        "NotoSansKhmer-Regular.ttf",
        "fonts-noto-core",
    ),
)


class BriefingError(RuntimeError):
    """The pack cannot be made (the message says why and what to do)."""


def find_khmer_font(candidates: tuple[KhmerFont, ...] = KHMER_FONTS) -> KhmerFont:
    """The first Khmer font installed.

    Raises:
        BriefingError: naming the Debian packages to install when none is there.
    """
    for font in candidates:
        if (font.folder / font.file_name).is_file():
            return font
    looked = ", ".join(str(font.folder / font.file_name) for font in candidates)
    packages = " or ".join(font.package for font in candidates)
    raise BriefingError(
        f"No Khmer font found (looked for {looked}). Install the Debian package {packages} "
        "(scripts/setup.sh installs fonts-khmeros)."
    )


def render_pdf(
    brief: Brief,
    lang: str,
    provinces: gpd.GeoDataFrame,
    fonts: tuple[KhmerFont, ...] = KHMER_FONTS,
) -> bytes:
    """The pack as PDF bytes in ``lang`` ("km" or "en"): A4, laid out for four pages (the
    ranking, the map and academies, then the rest; files beyond ten are counted, not listed).

    ``provinces`` are the province polygons for the map (EPSG:4326, column ``province_code``;
    the atlas's ``provinces`` table, display geometry preferred). The same brief gives the same
    bytes (the PDF's date is the brief's date).

    Raises:
        ValueError: for an unknown language.
        briefing.static_map.MapError: if the provinces cannot be drawn.
        BriefingError: if no Khmer font is installed, or typst fails.
    """
    view = build_view(brief, lang)
    khmer = find_khmer_font(fonts)
    svg = draw_province_map(
        provinces,
        brief.provinces,
        brief.academies,
        fmt="svg",
        modules_total=brief.curriculum.modules,
    )
    inputs = {
        "brief": json.dumps(view, ensure_ascii=False),
        "fonts": json.dumps(font_order(lang, khmer)),
        "map": svg.decode("utf-8"),
    }
    return _compile(inputs, khmer, datetime(*brief.date.timetuple()[:3], tzinfo=UTC))


def font_order(lang: str, khmer: KhmerFont) -> list[str]:
    """Khmer text takes the Khmer font's own Latin letters and digits (same size and weight
    as its Khmer); English text takes Libertinus, and its Khmer names the Khmer font."""
    first = [khmer.family, LATIN_FONT] if lang == "km" else [LATIN_FONT, khmer.family]
    return [*first, FALLBACK_FONT]


def _compile(inputs: dict[str, str], khmer: KhmerFont, stamp: datetime) -> bytes:
    try:
        pdf, warnings = typst.compile_with_warnings(
            TEMPLATE.read_bytes(),
            font_paths=[str(khmer.folder)],
            ignore_system_fonts=True,
            sys_inputs=inputs,
            timestamp=stamp,
        )
    except typst.TypstError as error:
        raise BriefingError(f"typst could not typeset the pack: {error.message}") from error
    unknown = [w.message for w in warnings if "font" in w.message]
    if unknown:
        raise BriefingError(
            f"typst did not find a font ({'; '.join(unknown)}); install {khmer.package}"
        )
    return pdf
