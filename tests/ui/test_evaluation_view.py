"""The evaluation page's parts that say numbers (``ui.evaluation_view``): the pre-trend test as
published (floored to 2 digits, "< 0.01" below; read at the verdict's threshold, so the
sentence and the verdict agree), and the choices it offers, which are the
filter table's fixed groups of types and the rules' minimum."""

from __future__ import annotations

import pytest

from i18n import t
from publish.evaluation_rules import MIN_COMMUNES, OFFERED_TYPES, p_value
from query import filter_table
from ui.evaluation_view import pre_trend_text


@pytest.mark.parametrize(("raw", "shown", "key"), [
    (0.0049, "< 0.01", "eval_pretrend_bad"),
    (0.0999, "0.09", "eval_pretrend_bad"),  # floored: below the verdict's 0.10 stays below
    (0.1000, "0.10", "eval_pretrend_ok"),  # the verdict's own threshold (analysis.verdict)
    (0.5571, "0.55", "eval_pretrend_ok"),
])  # fmt: skip
def test_the_pre_trend_test_reads_as_published(raw: float, shown: str, key: str) -> None:
    assert pre_trend_text(p_value(raw), "en") == t(key, "en", p=shown)


def test_no_p_value_is_said_so() -> None:
    assert pre_trend_text(p_value(float("nan")), "en") == t("eval_pretrend_none", "en")


def test_the_types_offered_are_the_filter_tables_groups() -> None:
    for name, types in OFFERED_TYPES.items():
        assert filter_table.INCIDENT_TYPE.choice_for(types) == name
    assert all(len(types) > 1 for types in OFFERED_TYPES.values())  # never one type
    note = t("eval_offer_note", "en", min=MIN_COMMUNES)
    assert f"at least {MIN_COMMUNES} each" in note and "not offered" in note
    assert f"{MIN_COMMUNES}" in t("eval_offer_note", "km", min=MIN_COMMUNES)
