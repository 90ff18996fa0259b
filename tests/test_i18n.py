"""The catalogs: every message the code declares is in the template and translated into Khmer
with the same placeholders (the CI check, also broken on purpose on a copy), every label the
code asks for exists, ``t`` fills placeholders and fails loudly, a missing or stale compiled
catalog is named with its command, and the code holds no Khmer text."""

from __future__ import annotations

import ast
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

import i18n
from briefing.view import case_study_dates
from config import PROJECT_ROOT
from i18n import MESSAGES, CatalogError, catalogs, t
from query.explore import STATUSES
from query.grid import LEVELS
from query.links import COVERS, LAYERS, MEASURES
from vocabulary import ACTIVITIES, ACTORS, INCIDENT_TYPES, POPULATIONS, SERVICE_TYPES

KHMER = re.compile("[\u1780-\u17ff]")
KM_PO = Path("locale/km/LC_MESSAGES/atlas.po")
#: Python files that may hold Khmer script, and why: names that are data, not words.
KHMER_ALLOWED = {
    "vocabulary.py": "a comment quoting the gazetteer's Khmer name of Preah Sihanouk",
    "benchmarks/bench_ranking.py": "synthetic Khmer province names (name_km) for the benchmark",
}


def test_the_catalogs_are_complete_and_the_template_up_to_date() -> None:
    assert catalogs.problems() == []


def test_extraction_sees_every_message_the_code_declares() -> None:
    found = {m.context: m.id for m in catalogs.extract() if m.id}
    assert found == MESSAGES  # every N_ call is literal, so pybabel sees what t() serves


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_message_reads_in_khmer_with_the_same_placeholders(key: str) -> None:
    khmer = t(key, "km")
    assert KHMER.search(khmer), f"{key}: the Khmer text has no Khmer script"
    assert catalogs.placeholders(khmer) == catalogs.placeholders(MESSAGES[key])


def test_labels_built_from_values_all_exist() -> None:
    wanted = (
        [f"type_{v}" for v in INCIDENT_TYPES] + [f"pop_{v}" for v in POPULATIONS]
        + [f"actor_{v}" for v in ACTORS] + [f"svc_{v}" for v in SERVICE_TYPES]
        + [f"activity_{v}" for v in ACTIVITIES] + [f"status_{v}" for v in STATUSES]
        + [f"measure_{v}" for v in MEASURES] + [f"cover_{v}" for v in COVERS]
        + [f"layer_{v}" for v in LAYERS] + [f"level_{v}" for v in LEVELS]
    )  # fmt: skip
    assert [k for k in wanted if k not in MESSAGES] == []


def test_labels_named_in_the_code_all_exist() -> None:
    used = set()
    for folder in ("pages", "ui", "briefing", "dashboard.py"):
        path = PROJECT_ROOT / folder
        for file in [path] if path.is_file() else path.glob("*.py"):
            used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", file.read_text(encoding="utf-8")))
    assert len(used) > 80
    assert sorted(used - set(MESSAGES)) == []


def test_placeholders_are_filled_and_missing_ones_fail_loudly() -> None:
    assert t("rate_hidden", "km", t=5) == "ឧប្បត្តិហេតុតិចជាង 5"
    assert t("go_home", "en", page="Explore") == "Go to Explore"
    assert t("app_title", "fr") == "Enabling Environment Atlas"  # no catalog: English
    with pytest.raises(KeyError):
        t("rate_hidden", "en", n=5)
    with pytest.raises(KeyError):
        t("no_such_label", "en")
    with pytest.raises(KeyError):
        t("no_such_label", "km")


def test_the_languages_are_named_in_themselves() -> None:
    assert dict(i18n.LANGUAGES) == {"en": "English", "km": "ខ្មែរ"}
    assert "km" in i18n.LANGUAGES and "fr" not in i18n.LANGUAGES


def test_every_ranking_criterion_has_a_label_and_the_rankings_own_definition() -> None:
    from analysis.ranking import CRITERIA, METHODS

    for criterion in CRITERIA:
        assert t(f"crit_{criterion.name}", "km")
        definition = t(f"crit_{criterion.name}_def", "en", **case_study_dates("en"))
        assert definition == criterion.definition, criterion.name
    assert all(f"rank_method_{m}" in MESSAGES and f"rank_why_{m}" in MESSAGES for m in METHODS)


def test_no_sentence_is_kept_twice() -> None:
    # Short labels may repeat under two keys (a column heading and a menu choice can say
    # "Province"): each key is its own context, which a translator may word apart.
    sentences: dict[str, str] = {}
    for key, english in MESSAGES.items():
        if len(english.split()) >= 5:
            assert english not in sentences, f"{key} and {sentences.get(english)}: same English"
            sentences[english] = key


def _python_files() -> list[Path]:
    skip = {".venv", "tests", "__pycache__", "data", "static"}
    return [
        p for p in PROJECT_ROOT.rglob("*.py")
        if not skip & set(p.relative_to(PROJECT_ROOT).parts)
    ]  # fmt: skip


def test_the_code_holds_no_khmer_text() -> None:
    found = sorted(
        str(p.relative_to(PROJECT_ROOT))
        for p in _python_files()
        if KHMER.search(p.read_text(encoding="utf-8"))
    )
    assert found == sorted(KHMER_ALLOWED)


def test_no_english_message_is_typed_again_in_the_code() -> None:
    sentences = {english: key for key, english in MESSAGES.items() if len(english.split()) >= 3}
    messages = PROJECT_ROOT / "i18n" / "messages"
    copies = []
    for path in _python_files():
        if messages in path.parents or path.parts[-2:] == ("benchmarks", "naive_explore.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in sentences:
                copies.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    # analysis/ keeps the English of its designs and criteria (a test above and
    # tests/analysis check they are the catalog's); its CLI prints two ranking words.
    assert [c for c in copies if not c.startswith("analysis/")] == []


# The compiled catalog: missing or older than its .po, it is named with the command.


@pytest.fixture()
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``i18n`` reading a copy of the locale folder (its cache emptied before and after)."""
    folder = tmp_path / "locale"
    shutil.copytree(PROJECT_ROOT / "locale", folder)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    i18n._catalog.cache_clear()
    yield folder
    i18n._catalog.cache_clear()


def test_a_missing_compiled_catalog_is_named_with_its_command(locale_copy: Path) -> None:
    (locale_copy / "km/LC_MESSAGES/atlas.mo").unlink(missing_ok=True)
    assert t("app_title", "en") == "Enabling Environment Atlas"  # English needs none
    with pytest.raises(CatalogError, match=r"atlas\.mo is missing.*i18n\.catalogs compile"):
        t("app_title", "km")
    with pytest.raises(CatalogError, match=r"scripts/setup\.sh"):
        i18n.check_catalogs()


def test_a_compiled_catalog_older_than_its_po_is_named(locale_copy: Path) -> None:
    mo, po = locale_copy / "km/LC_MESSAGES/atlas.mo", locale_copy / "km/LC_MESSAGES/atlas.po"
    later = time.time() + 60
    os.utime(po, (later, later))
    with pytest.raises(CatalogError, match=r"older than atlas\.po.*i18n\.catalogs compile"):
        t("app_title", "km")
    os.utime(mo, (later + 1, later + 1))
    assert t("app_title", "km") == "អាត្លាសបរិយាកាសអំណោយផល"


def test_compile_writes_the_catalog_t_reads(tmp_path: Path, locale_copy: Path) -> None:
    (locale_copy / "km/LC_MESSAGES/atlas.mo").unlink()
    assert catalogs.compile_all(tmp_path) == [locale_copy / "km/LC_MESSAGES/atlas.mo"]
    assert t("go_home", "km", page="x") == "ទៅកាន់ x"


# The CI check, broken on purpose on a copy of the catalogs and the messages.


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """The files the check reads: babel.cfg, i18n/messages and the catalogs."""
    shutil.copy(PROJECT_ROOT / "babel.cfg", tmp_path / "babel.cfg")
    shutil.copytree(PROJECT_ROOT / "i18n" / "messages", tmp_path / "i18n" / "messages",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copytree(PROJECT_ROOT / "locale", tmp_path / "locale",
                    ignore=shutil.ignore_patterns("*.mo"))  # fmt: skip
    assert catalogs.problems(tmp_path) == []
    return tmp_path


def _edit_po(root: Path, key: str, **changes: object) -> None:
    path = root / KM_PO
    with path.open("rb") as handle:
        catalog = read_po(handle)
    message = next(m for m in catalog if m.context == key)
    for name, value in changes.items():
        setattr(message, name, value)
    with path.open("wb") as handle:
        write_po(handle, catalog, no_location=True)


def test_the_check_finds_a_message_missing_from_the_template(project_copy: Path) -> None:
    module = project_copy / "i18n" / "messages" / "atlas.py"
    module.write_text(module.read_text() + 'N_("brand_new", "A new label")\n')
    found = catalogs.problems(project_copy)
    assert found == [
        "locale/atlas.pot: 'brand_new' is in the code but not in the template "
        "(run python -m i18n.catalogs extract, then update)"
    ]
    catalogs.write_template(project_copy)
    assert catalogs.problems(project_copy) == [
        f"{KM_PO}: 'brand_new' is missing (run python -m i18n.catalogs update)"
    ]
    catalogs.update(project_copy)
    assert catalogs.problems(project_copy) == [f"{KM_PO}: 'brand_new' has no translation"]
    catalogs.translate("km", "brand_new", "ស្លាកថ្មី", project_copy)
    assert catalogs.problems(project_copy) == []
    with pytest.raises(catalogs.CatalogProblem, match="has no message 'no_such'"):
        catalogs.translate("km", "no_such", "x", project_copy)


def test_the_check_finds_a_message_the_code_no_longer_has(project_copy: Path) -> None:
    module = project_copy / "i18n" / "messages" / "atlas.py"
    module.write_text(module.read_text().replace('N_("log_out", "Log out")\n', ""))
    assert catalogs.problems(project_copy) == [
        "locale/atlas.pot: 'log_out' is in the template but no longer in the code "
        "(run python -m i18n.catalogs extract, then update)"
    ]


def test_the_check_finds_english_changed_in_the_code(project_copy: Path) -> None:
    module = project_copy / "i18n" / "messages" / "atlas.py"
    module.write_text(module.read_text().replace('"Log out"', '"Sign out"'))
    found = catalogs.problems(project_copy)
    assert len(found) == 2 and all("'log_out'" in line for line in found), found


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"string": ""}, "'go_home' has no translation"),
        ({"flags": {"fuzzy", "python-brace-format"}}, "'go_home' is marked fuzzy"),
        ({"string": "ទៅកាន់ {pages}"}, "'go_home': the translation's placeholders ['pages'] "
                                       "differ from the English ['page']"),
        ({"string": "ទៅកាន់"}, "'go_home': the translation's placeholders [] differ"),
        ({"string": "ទៅកាន់ {page"}, "'go_home': the braces do not form placeholders"),
    ],
)  # fmt: skip
def test_the_check_finds_a_bad_translation_and_names_its_key(
    project_copy: Path, changes: dict, said: str
) -> None:
    _edit_po(project_copy, "go_home", **changes)
    (found,) = catalogs.problems(project_copy)
    assert found.startswith(f"{KM_PO}: {said}"), found


def test_the_check_says_when_a_catalog_is_missing(project_copy: Path) -> None:
    (project_copy / KM_PO).unlink()
    assert catalogs.problems(project_copy)[-1].startswith("no translation under")
    (project_copy / catalogs.TEMPLATE).unlink()
    assert f"{project_copy / catalogs.TEMPLATE} is missing" in catalogs.problems(project_copy)


def test_the_command_line_check_fails_on_a_problem(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert catalogs.main(["check"]) == 0
    monkeypatch.setattr(catalogs, "problems", lambda: ["one problem"])
    assert catalogs.main(["check"]) == 1
    assert "one problem" in capsys.readouterr().err
    assert catalogs.main(["extrakt"]) == 1
    assert "usage: python -m i18n.catalogs extract|update|compile|check" in capsys.readouterr().err


def test_a_missing_catalog_is_named_without_the_servers_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n._catalog.cache_clear()
    try:
        with pytest.raises(i18n.CatalogError) as caught:
            i18n.t("language_name", "km")
    finally:
        i18n._catalog.cache_clear()
    assert str(caught.value).startswith("locale/km/LC_MESSAGES/atlas.mo is missing: compile")
    assert str(tmp_path) not in str(caught.value)


def test_numbers_on_screen_are_in_the_readers_digits() -> None:
    assert i18n.numerals("3,301 · 2014-01 – 2014-12 · +3% · <5", "km") == (
        "៣,៣០១ · ២០១៤-០១ – ២០១៤-១២ · +៣% · <៥"
    )
    assert i18n.numerals(2014, "km") == "២០១៤" and i18n.numerals(0.5, "km") == "០.៥"
    assert i18n.numerals("3,301 · 2014-01", "en") == "3,301 · 2014-01"
    assert i18n.numerals("ឃុំ ១២", "km") == "ឃុំ ១២"  # Khmer digits stay as they are
    # t_local writes the values with the reader's digits, the message's own text as the
    # translator wrote it (a formula, a name)
    assert i18n.t_local("legend_n_district", "km", label="x", n="1,234") == t(
        "legend_n_district", "km", label="x", n="១,២៣៤"
    )
    assert i18n.t_local("legend_n_district", "en", label="x", n=1234) == "x: 1234 districts"
    assert "log(1 + " in i18n.t_local("rank_method_note", "km")


def test_a_catalog_that_does_not_give_ten_digits_keeps_0_to_9(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    english = i18n.message
    monkeypatch.setattr(i18n, "message", lambda key, lang: "០១២" if key == "digits" else
                        english(key, lang))  # fmt: skip
    i18n._digit_table.cache_clear()
    try:
        assert i18n.numerals("2014", "km") == "2014"
    finally:
        monkeypatch.undo()
        i18n._digit_table.cache_clear()
    assert i18n.numerals("2014", "km") == "២០១៤"
