"""Every word of the pack is a catalog message (``i18n``): the words built from values all
exist, the ones the pack names exist, the dashboard's wording is reused under its own key (no
copy), and a missing placeholder fails loudly."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from briefing.model import METHODS
from briefing.view import local_digits
from config import PROJECT_ROOT
from etl.partners import CONTRACTS
from i18n import MESSAGES, t


def test_labels_built_from_values_all_exist() -> None:
    wanted = (
        [f"pack_method_{m}" for m in METHODS] + [f"month_{m}" for m in range(1, 13)]
        + [f"kind_{k}" for k in CONTRACTS] + ["kind_boundaries"]
    )  # fmt: skip
    assert [k for k in wanted if k not in MESSAGES] == []


def test_labels_named_in_the_code_all_exist() -> None:
    used = set()
    for file in (PROJECT_ROOT / "briefing").glob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", file.read_text(encoding="utf-8")))
    assert len(used) > 25
    assert sorted(used - set(MESSAGES)) == []


def test_the_dashboards_wording_is_reused_not_retyped() -> None:
    pack_own = {k: v for k, v in MESSAGES.items() if k.startswith("pack_")}
    dashboard = {v: k for k, v in MESSAGES.items() if not k.startswith("pack_")}
    same = {k: dashboard[v] for k, v in pack_own.items() if v in dashboard}
    assert same == {}, "a pack message says what a dashboard message says: use its key"


def test_a_missing_placeholder_fails_loudly() -> None:
    assert t("pack_page_of", "km", n=1, total=4) == "ទំព័រ 1 នៃ 4"
    with pytest.raises(KeyError):
        t("pack_page_of", "en", n=1)


def test_digits_are_the_catalogs() -> None:
    assert local_digits("16 August 2010", "en") == "16 August 2010"
    assert local_digits("2010", "km") == "២០១០"


def test_the_briefing_package_never_imports_streamlit() -> None:
    code = (
        "import sys, briefing.render, briefing.static_map, briefing.model\n"
        "assert 'streamlit' not in sys.modules, 'streamlit was imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
