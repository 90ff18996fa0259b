"""Every word of the pack exists in English and Khmer with the same placeholders; the words
built from values all exist; the dashboard's wording is reused, not retyped."""

from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest

from briefing.labels import LABELS, label
from briefing.model import METHODS
from config import PROJECT_ROOT
from etl.partners import CONTRACTS
from i18n import LABELS as UI_LABELS

KHMER = re.compile("[\u1780-\u17ff]")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_each_label_has_both_languages_and_the_same_placeholders(key: str) -> None:
    entry = LABELS[key]
    assert set(entry) == {"en", "km"} and entry["en"] and entry["km"]
    assert KHMER.search(entry["km"]), f"{key}: the Khmer label has no Khmer script"
    assert placeholders(entry["en"]) == placeholders(entry["km"]), key


def test_labels_built_from_values_all_exist() -> None:
    wanted = (
        [f"method_{m}" for m in METHODS] + [f"month_{m}" for m in range(1, 13)]
        + [f"kind_{k}" for k in CONTRACTS]
    )  # fmt: skip
    assert [k for k in wanted if k not in LABELS] == []


def test_labels_named_in_the_code_all_exist() -> None:
    used = set()
    for file in (PROJECT_ROOT / "briefing").glob("*.py"):
        used |= set(re.findall(r"\blabel\(\s*\"([a-z0-9_]+)\"", file.read_text(encoding="utf-8")))
    assert len(used) > 25
    assert sorted(used - set(LABELS)) == []


def test_the_dashboards_wording_is_reused() -> None:
    assert LABELS["synthetic"] == UI_LABELS["synthetic"]
    assert label("tl_policy", "km") == UI_LABELS["tl_policy"]["km"]
    shared = set(LABELS) & set(UI_LABELS)
    assert all(LABELS[k] == UI_LABELS[k] for k in shared), "a shared key says something else"


def test_a_missing_placeholder_fails_loudly() -> None:
    assert label("page_of", "km", n=1, total=4) == "ទំព័រ 1 នៃ 4"
    with pytest.raises(KeyError):
        label("page_of", "en", n=1)


def test_the_briefing_package_never_imports_streamlit() -> None:
    code = (
        "import sys, briefing.render, briefing.static_map, briefing.model\n"
        "assert 'streamlit' not in sys.modules, 'streamlit was imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
