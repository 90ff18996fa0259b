"""The real province polygons, the sample brief rendered in both languages, and poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest

from briefing.model import Brief
from briefing.render import render_pdf
from etl import reference
from tests.briefing.sample import sample_brief

#: A Khmer orthographic cluster: a base, then subscript consonants and signs.
KHMER_CLUSTER = re.compile(
    r"[\u1780-\u17b3](?:\u17d2[\u1780-\u17b3]|[\u17b4-\u17d1\u17d3\u17dd])*|."
)


def poppler(tool: str, *args: str) -> str:
    """Run a poppler tool and return its standard output; fail (never skip) without it."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: run scripts/setup.sh --browser (it installs poppler-utils)")
    done = subprocess.run([tool, *args], capture_output=True, text=True, check=True)
    return done.stdout


def comparable(text: str) -> str:
    """Text as typst's PDF gives it back, made comparable with what was written.

    Copying Khmer out of a typst PDF is imperfect in a known way (typst/typst#4225,
    LaurenzV/krilla#425): a cluster whose marks are positioned apart is extracted once per
    piece, and gaps become spaces. So whitespace is dropped and a cluster repeated right after
    itself is kept once, on both sides of a comparison; a missing or wrong character still
    fails.
    """
    clusters = KHMER_CLUSTER.findall("".join(text.split()))
    return "".join(c for i, c in enumerate(clusters) if i == 0 or c != clusters[i - 1])


@pytest.fixture(scope="session")
def province_shapes(reference_dir: Path) -> gpd.GeoDataFrame:
    """The atlas's 25 provinces (dissolved from the real communes), display geometry."""
    _, _, tables = reference.read_and_conflate(reference_dir)
    return tables.provinces.set_geometry("geom_display")[["province_code", "geom_display"]]


@pytest.fixture(scope="session")
def brief() -> Brief:
    return sample_brief()


@pytest.fixture(scope="session")
def packs(
    brief: Brief, province_shapes: gpd.GeoDataFrame, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The sample brief as a PDF file in each language."""
    folder = tmp_path_factory.mktemp("packs")
    out = {}
    for lang in ("en", "km"):
        out[lang] = folder / f"pack_{lang}.pdf"
        out[lang].write_bytes(render_pdf(brief, lang, province_shapes))
    return out
