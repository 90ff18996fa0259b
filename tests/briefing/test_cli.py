"""``python -m briefing``: the pack of the ranking, read from the briefing store, in both
languages, checked with poppler; no incident count below 5 can be learnt from it; audited."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import audit
import query
from briefing.__main__ import main, write_pack
from config import PROJECT_ROOT
from etl.schema import briefing_store_path
from i18n import t
from query import cells
from query import ranking as ranking_query
from tests.briefing.conftest import comparable, poppler
from tests.briefing.test_render import A4_POINTS, page_count, page_text

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def store_inputs(built_db: Path):
    """The ranking's inputs as the store publishes them."""
    con = query.open_database(briefing_store_path(built_db))
    try:
        return ranking_query.province_inputs(con)
    finally:
        con.close()


@pytest.fixture(scope="module")
def cli_packs(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """The pack made by the command in each language, and the audit log it wrote."""
    folder = tmp_path_factory.mktemp("cli_packs")
    alone = folder / "atlas.duckdb"  # only the store is there: the command reads nothing else
    briefing_store_path(alone).hardlink_to(briefing_store_path(built_db))
    env = {**os.environ, "ATLAS_DB_PATH": str(alone), "ATLAS_AUDIT_LOG": str(folder / "a.jsonl")}
    packs = {}
    for lang in ("km", "en"):
        packs[lang] = folder / f"pack_{lang}.pdf"
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "--lang", lang, "--out", str(packs[lang])],
            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    return packs, folder / "a.jsonl"


def test_at_most_four_a4_pages_with_the_khmer_title(cli_packs: tuple[dict, Path]) -> None:
    packs, _ = cli_packs
    for lang, pdf in packs.items():
        pages = page_count(pdf)
        assert 1 <= pages <= 4, lang
        sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+)",
                           poppler("pdfinfo", "-f", "1", "-l", str(pages), str(pdf)))  # fmt: skip
        assert [(round(float(w)), round(float(h))) for w, h in sizes] == [A4_POINTS] * pages
    khmer = comparable(page_text(packs["km"], 1, "-raw"))
    assert comparable(t("page_ranking", "km")) in khmer  # ខេត្តណាបន្ទាប់?


def test_every_province_and_the_synthetic_label_on_every_page(
    cli_packs: tuple[dict, Path], store_inputs
) -> None:
    packs, _ = cli_packs
    english = poppler("pdftotext", "-layout", "-f", "1", "-l", "1", str(packs["en"]), "-")
    khmer = comparable(page_text(packs["km"], 1, "-raw"))
    for code, name_en, name_km in store_inputs[["province_code", "name_en", "name_km"]].values:
        assert re.search(rf"\b{code}\s+{name_en}\b", english), name_en
        assert comparable(name_km) in khmer, name_en
    for lang, pdf in packs.items():
        wanted = comparable(t("synthetic", lang))
        assert "synthetic demonstration data" in t("synthetic", "en").lower()
        for page in range(1, page_count(pdf) + 1):
            assert wanted in comparable(page_text(pdf, page, "-raw")), (lang, page)


def test_no_count_below_five_is_printed(cli_packs: tuple[dict, Path], store_inputs) -> None:
    """The pack prints no incident count: no "<5" but the protection note's quoted one, and
    the rows of the provinces whose counts read "<5" hold no whole number from 1 to 4 but
    their rank and its interval."""
    packs, _ = cli_packs
    text = poppler("pdftotext", "-layout", str(packs["en"]), "-")
    assert text.count("“<5”") == 2  # how numbers are protected, and the stand-in
    assert "<5" not in text.replace("“<5”", "") and "< 5" not in text
    small = store_inputs[store_inputs["incidents_12m_state"] == "small"]
    assert len(small) >= 1
    for code, name in small[["province_code", "name_en"]].values:
        (row,) = [  # the ranking's row (the map's key names the province too, by its code)
            line for line in text.splitlines()
            if re.search(rf"\b{code}\s+{name}\b", line) and re.search(r"\(\d+–\d+\)", line)
        ]  # fmt: skip
        ranks = re.findall(r"\d+", row.split(code)[0])  # rank, median and interval, before it
        tokens = re.findall(r"(?<![\d.])\d+(?![\d.])", row.split(name)[1])
        assert not [t for t in tokens if 1 <= int(t) <= 4], row
        assert all(1 <= int(r) <= 25 for r in ranks)


def test_the_pack_is_the_same_whatever_a_small_count_is(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte: the true count under a "<5" never reaches the pack."""
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    real = cells.unit_cells
    made = []
    for true_count in (1, 4):

        def fake(con, filters, level, n=true_count):
            frame = real(con, filters, level)
            small = (frame["n"] > 0) & (frame["n"] < 5)
            return frame.assign(n=np.where(small, n, frame["n"]))

        monkeypatch.setattr(cells, "unit_cells", fake)
        made.append(write_pack(tmp_path / f"pack_{true_count}.pdf", "en", {}, "spotis"))
    assert made[0] == made[1] and made[0].startswith(b"%PDF")


def test_the_pack_is_audited_with_its_sha256(cli_packs: tuple[dict, Path]) -> None:
    packs, log = cli_packs
    entries = audit.read_entries(log)
    assert [(e.action, e.file, e.role) for e in entries] == [
        ("export", "pack_km.pdf", "cli (briefing)"),
        ("export", "pack_en.pdf", "cli (briefing)"),
    ]
    assert entries[1].sha256 == audit.sha256_of(packs["en"])


def test_bad_weights_exit_2_and_write_nothing(
    built_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    log = tmp_path / "audit.jsonl"
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(log))
    out = tmp_path / "pack.pdf"
    assert main(["--lang", "en", "--out", str(out), "--weight", "speed=2",
                 "--weight", "kp_per_service=-1"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "unknown criteria: speed" in err and "kp_per_service=-1 is negative" in err
    assert not out.exists() and not log.exists()


def test_the_pack_says_the_builds_evaluation_headline(
    cli_packs: tuple[dict, Path], built_db: Path
) -> None:
    """The build computed the pilot evaluation and stored it with the briefing store; the pack
    says it in the store's words, in each language."""
    packs, _ = cli_packs
    con = query.open_database(briefing_store_path(built_db))
    try:
        headline = ranking_query.evaluation_headline(con)
    finally:
        con.close()
    assert headline is not None and headline["effect"] < 0
    english = " ".join(poppler("pdftotext", str(packs["en"]), "-").split())
    assert headline["text_en"] in english and "Not run" not in english
    khmer = comparable(poppler("pdftotext", "-raw", str(packs["km"]), "-"))
    assert comparable(headline["text_km"]) in khmer


def test_the_command_asks_the_access_rule_for_the_pack(
    built_db: Path, tmp_path: Path, refused_access: set, capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    refused_access.add(("build_pack", None))
    out = tmp_path / "pack.pdf"
    assert main(["--lang", "en", "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: the 'briefing' role may not build the briefing pack (the access rule, access.py)"
    )
    assert not out.exists() and audit.read_entries() == []


def test_with_the_audit_log_unwritable_no_pack_is_written(
    built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the log's folder should be\n", encoding="utf-8")
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    monkeypatch.setenv("ATLAS_AUDIT_LOG", str(blocker / "audit.jsonl"))
    out = tmp_path / "pack.pdf"
    assert main(["--lang", "en", "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: the audit log cannot be written (setting ATLAS_AUDIT_LOG: Not a directory); "
        "the pack was not written"
    )
    assert not out.exists()


def test_the_pack_speaks_plainly_to_its_readers(cli_packs: tuple[dict, Path]) -> None:
    """The headline names the verdict, the pilot communes, the pre-trend check, the second
    measure, the drift check and the control; no page the briefing audience cannot open; the
    methods' names only in the method note; the
    timeline's "Next" is not a province already in the partnership."""
    packs, _ = cli_packs
    text = " ".join(poppler("pdftotext", str(packs["en"]), "-").split())
    first = " ".join(poppler("pdftotext", "-f", "1", "-l", "1", str(packs["en"]), "-").split())
    assert "Measured in 58 pilot communes, against" in first
    assert "Before the partnership started, the pilot communes and the others" in first
    assert "second way of measuring" in first
    assert "Verdict: fell. Every check agrees" in first  # the demo's planted fall
    checks = text.index("How far the pilot's result holds")  # with the method, page 3
    assert "If the gap that was opening between the pilot and comparison communes" in text
    assert text.index("from one quarter to the next") > checks  # the breakdown, in words
    assert "Incidents the partnership should not change (Venue raid, Compulsory drug" in text
    assert "evaluation page" not in text.lower() and "explore page" not in text.lower()
    note = text.index("Method note:")
    for name in ("etwfe_poisson", "TOPSIS", "SPOTIS", "Rambachan", "Borusyak", "imputation"):
        assert all(i >= note for i in [m.start() for m in re.finditer(name, text)]), name
    assert "To be chosen among the provinces not yet in the partnership" in text
    assert "Sihanoukville" not in text  # the planned expansion has started: dated, not "Next"
    assert "The partnership starts in Preah Sihanouk, the planned expansion" in text
    assert "Colour key: the score" in text


def _khmer_strings(value: object) -> list[str]:
    """Every string holding Khmer in the pack's view, all the way down."""
    if isinstance(value, str):
        return [value] if re.search("[\u1780-\u17ff]", value) else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in _khmer_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _khmer_strings(v)]
    return []


def test_the_khmer_copies_out_as_the_same_khmer(built_db: Path, cli_packs: tuple[dict, Path]):
    """pdftotext gives back every Khmer string the pack prints exactly, cluster for cluster
    (whitespace aside: lines wrap): no doubled cluster ("ទិទិន្នន័យ"), no help from the
    other tests' ``comparable``."""
    from briefing.__main__ import read_pack
    from briefing.pack import build_brief
    from briefing.view import build_view

    packs, _ = cli_packs
    ranking, data = read_pack(briefing_store_path(built_db), {}, "weighted_sum")
    view = build_view(build_brief(ranking, data), "km")
    printed = [s for s in _khmer_strings(view) if "{" not in s]
    empties = {t("pack_no_academies", "km"), t("pack_no_files", "km")}  # not printed here
    printed = [s for s in printed if s not in empties]
    assert len(printed) > 100
    text = "".join(poppler("pdftotext", "-raw", str(packs["km"]), "-").split())
    missing = [s for s in printed if "".join(s.split()) not in text]
    assert not missing, missing[:5]
    assert "ទិទិន្នន័យ" not in text and "ទិន្នន័យ" in text
