"""The pack as poppler reads it: A4, at most four pages, Khmer shaped and extractable, every
province, the synthetic label on every page, missing shown as missing, hostile text literal."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from PIL import Image

from briefing.model import Brief
from briefing.render import BriefingError, KhmerFont, render_pdf
from i18n import t
from tests.briefing.conftest import comparable, poppler
from tests.briefing.sample import HOSTILE, HOSTILE_FILE, MISSING, PROVINCES

pytestmark = pytest.mark.integration
A4_POINTS = (595, 842)


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))


def page_text(pdf: Path, page: int, *mode: str) -> str:
    return poppler("pdftotext", *mode, "-f", str(page), "-l", str(page), str(pdf), "-")


def test_at_most_four_a4_pages(packs: dict[str, Path], tmp_path: Path) -> None:
    for lang, pdf in packs.items():
        pages = page_count(pdf)
        assert 1 <= pages <= 4, lang
        sizes = re.findall(
            r"size:\s+([\d.]+) x ([\d.]+)", poppler("pdfinfo", "-f", "1", "-l", "4", str(pdf))
        )
        assert [(round(float(w)), round(float(h))) for w, h in sizes] == [A4_POINTS] * pages
        poppler("pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / lang))
        assert len(list(tmp_path.glob(f"{lang}-*.png"))) == pages


def test_the_map_is_drawn_on_page_two_in_colour(packs: dict[str, Path], tmp_path: Path) -> None:
    """The map page is full of the score colours; the ranking page has almost none."""
    poppler(
        "pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", str(packs["km"]), str(tmp_path / "p")
    )
    shares = []
    for page in sorted(tmp_path.glob("p-*.png")):
        pixels = np.asarray(Image.open(page).convert("RGB")).astype(int)
        red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
        warm = (red > 180) & (red - blue > 90) & (green < 230)
        shares.append(warm.mean())
    assert shares[0] < 0.02 and shares[1] > 0.1


def test_the_khmer_font_is_embedded_in_both_languages(packs: dict[str, Path]) -> None:
    for lang, pdf in packs.items():
        fonts = poppler("pdffonts", str(pdf))
        khmer = [line for line in fonts.splitlines() if "KhmerOS" in line]
        assert khmer, f"{lang}: no Khmer font in\n{fonts}"
        assert all(" yes " in line for line in khmer)  # embedded


def test_khmer_title_and_labels_come_back_as_text(packs: dict[str, Path]) -> None:
    text = comparable(poppler("pdftotext", "-raw", str(packs["km"]), "-"))
    for key in ("page_ranking", "pack_sec_ranking", "province", "rank_why", "rank_map",
                "pack_sec_method", "pack_sec_evaluation", "timeline", "pack_sec_protection",
                "pack_sec_vintage"):  # fmt: skip
        assert comparable(t(key, "km")) in text, key
    assert comparable(t("tl_policy", "km")) in text


def test_every_province_is_in_the_table(packs: dict[str, Path]) -> None:
    english = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(packs["en"]), "-")
    khmer = comparable(page_text(packs["km"], 1, "-raw"))
    for code, name_en, name_km in PROVINCES:
        assert re.search(rf"\b{code}\s+{name_en}\b", english), name_en
        assert comparable(name_km) in khmer, name_en


def test_the_synthetic_label_is_on_every_page(packs: dict[str, Path]) -> None:
    for lang, pdf in packs.items():
        wanted = comparable(t("synthetic", lang))
        for page in range(1, page_count(pdf) + 1):
            assert wanted in comparable(page_text(pdf, page, "-raw")), (lang, page)


def test_without_synthetic_data_no_page_says_so_and_unranked_reads_so(
    brief: Brief, province_shapes: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    last = brief.ranked()[-1]
    unranked = replace(last, rank=None, rank_median=None, rank_low=None, rank_high=None,
                       score=None, p_top3=None)  # fmt: skip
    real = replace(brief, synthetic=False, evaluation=None,
                   provinces=(*brief.ranked()[:-1], unranked))  # fmt: skip
    pdf = tmp_path / "real.pdf"
    pdf.write_bytes(render_pdf(real, "en", province_shapes))
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    assert "ynthetic demonstration" not in text
    assert t("pack_evaluation_not_run", "en") in " ".join(text.split())
    assert re.search(rf"not ranked\s+{last.province_code}\s+{last.name_en}", text)


def test_a_missing_criterion_reads_missing_never_zero(brief: Brief, packs: dict[str, Path]) -> None:
    rows = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(packs["en"]), "-")
    name = dict((code, en) for code, en, _ in PROVINCES)[MISSING[0]]
    lines = [line for line in rows.splitlines() if re.search(r"\d\.\d\d", line)]
    with_missing = [line for line in lines if "missing" in line]
    assert len(with_missing) == 1 and name in with_missing[0]
    # the score and the criteria that have a value: one fewer than the criteria, plus one
    assert len(re.findall(r"\b[01]\.\d\d\b", with_missing[0])) == len(brief.criteria)
    ranked = [row.name_en for row in brief.ranked()]
    following = ranked[ranked.index(name) + 1]
    khmer = comparable(page_text(packs["km"], 1, "-raw"))
    row_km = khmer[khmer.index(comparable(brief.province(MISSING[0]).name_km)) :]
    row_km = row_km[: row_km.index(comparable(following))]
    assert comparable(t("rank_missing", "km")) in row_km


def test_hostile_text_prints_literally(packs: dict[str, Path]) -> None:
    text = poppler("pdftotext", "-layout", str(packs["en"]), "-")
    assert HOSTILE in text
    assert HOSTILE_FILE in text
    assert "($x$ stays literal)" in " ".join(text.split())


def test_no_khmer_font_is_a_plain_message(brief: Brief, province_shapes: gpd.GeoDataFrame) -> None:
    nowhere = (KhmerFont("Khmer OS", Path("/nonexistent"), "KhmerOS.ttf", "fonts-khmeros"),)
    with pytest.raises(BriefingError, match="fonts-khmeros"):
        render_pdf(brief, "km", province_shapes, fonts=nowhere)


def test_the_same_brief_gives_the_same_bytes(
    brief: Brief, province_shapes: gpd.GeoDataFrame, packs: dict[str, Path]
) -> None:
    assert render_pdf(brief, "en", province_shapes) == packs["en"].read_bytes()
