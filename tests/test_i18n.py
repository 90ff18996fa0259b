"""Every label exists in English and Khmer, with the same placeholders, and every label the
code asks for (literally or built from a contract value) is there."""

from __future__ import annotations

import re
import string

import pytest

from config import PROJECT_ROOT
from i18n import LABELS, t
from query.explore import STATUSES
from query.grid import LEVELS
from query.links import COVERS, LAYERS, MEASURES
from vocabulary import ACTIVITIES, ACTORS, INCIDENT_TYPES, POPULATIONS, SERVICE_TYPES

KHMER = re.compile("[\u1780-\u17ff]")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_each_label_has_both_languages_and_the_same_placeholders(key: str) -> None:
    entry = LABELS[key]
    assert set(entry) == {"en", "km"} and entry["en"] and entry["km"]
    assert KHMER.search(entry["km"]), f"{key}: the Khmer label has no Khmer script"
    assert placeholders(entry["en"]) == placeholders(entry["km"])


def test_labels_built_from_values_all_exist() -> None:
    wanted = (
        [f"type_{v}" for v in INCIDENT_TYPES] + [f"pop_{v}" for v in POPULATIONS]
        + [f"actor_{v}" for v in ACTORS] + [f"svc_{v}" for v in SERVICE_TYPES]
        + [f"activity_{v}" for v in ACTIVITIES] + [f"status_{v}" for v in STATUSES]
        + [f"measure_{v}" for v in MEASURES] + [f"cover_{v}" for v in COVERS]
        + [f"layer_{v}" for v in LAYERS] + [f"level_{v}" for v in LEVELS]
    )  # fmt: skip
    assert [k for k in wanted if k not in LABELS] == []


def test_labels_named_in_the_code_all_exist() -> None:
    used = set()
    for folder in ("pages", "ui", "dashboard.py"):
        path = PROJECT_ROOT / folder
        for file in [path] if path.is_file() else path.glob("*.py"):
            used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", file.read_text(encoding="utf-8")))
    assert len(used) > 50
    assert sorted(used - set(LABELS)) == []


def test_placeholders_are_filled_and_missing_ones_fail_loudly() -> None:
    assert t("rate_hidden", "km", t=5) == "ឧប្បត្តិហេតុតិចជាង 5"
    with pytest.raises(KeyError):
        t("rate_hidden", "en", n=5)
    with pytest.raises(KeyError):
        t("no_such_label", "en")


def test_every_ranking_criterion_has_a_label_and_the_rankings_own_definition() -> None:
    from analysis.ranking import CRITERIA, METHODS

    for criterion in CRITERIA:
        assert t(f"crit_{criterion.name}", "km")
        assert t(f"crit_{criterion.name}_def", "en") == criterion.definition, criterion.name
    assert all(f"rank_method_{m}" in LABELS and f"rank_why_{m}" in LABELS for m in METHODS)
