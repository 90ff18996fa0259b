"""The evaluation page's checks, in plain words: the verdict ("fell", "did not fall", "cannot
tell") and what stood in its way, the second way of measuring, the drift check with its
breakdown value and the incidents the partnership should not change
(``analysis.verdict_words``), every number as ``publish.evaluation_rules`` publishes it; then
the collapsed method note, the only place on the page that names the methods.
"""

from __future__ import annotations

import math

import streamlit as st

from analysis import verdict
from analysis.evaluation import Evaluation
from analysis.headline import signed_percent
from analysis.verdict_words import (
    Change,
    control_texts,
    drift_texts,
    reason_texts,
    second_text,
    verdict_text,
)
from i18n import numerals, t, t_local
from vocabulary import NEGATIVE_CONTROL_TYPES


def check_lines(result: Evaluation, lang: str) -> list[str]:
    """The second way of measuring, the drift check and the control, one sentence each (a
    check that could not be made says so or is left out). Raises nothing."""
    second = result.robustness
    if second is None or math.isnan(second.effect):
        lines = [t("eval_note_no_robustness", lang)]
    else:
        control = t(f"eval_control_{second.control}", lang)
        lines = [second_text(Change(second.effect, second.low, second.high), control, lang)]
    drift = result.sensitivity
    if drift is not None:
        change = Change(drift.effect, drift.low, drift.high)
        lines += drift_texts(change, drift.pre_slope, drift.breakdown, lang)
    found = result.negative_control
    if found is not None:
        own = Change(found.effect, found.low, found.high)
        relative = Change(found.adjusted_effect, found.adjusted_low, found.adjusted_high)
        lines += control_texts(own, relative, found.p, found.types, lang)
    return lines


def render_checks(result: Evaluation | None, lang: str) -> None:
    """The verdict, its reasons and the checks (``result`` computed with its checks; None or
    without a verdict: the checks could not be made), then the method note."""
    st.subheader(t("eval_checks_heading", lang))
    if result is None or result.verdict is None:
        st.caption(t("eval_checks_none", lang))
    else:
        st.markdown(f"**{verdict_text(result.verdict, lang)}**")
        reasons = reason_texts(result.verdict_reasons, lang)
        if reasons:
            st.markdown("\n".join(f"- {numerals(reason, lang)}" for reason in reasons))
        lines = check_lines(result, lang)  # figures in the reader's digits
        st.markdown("\n".join(f"- {numerals(line, lang)}" for line in lines))
    render_method_note(lang)


def render_method_note(lang: str) -> None:
    """The methods by name, collapsed: the estimate's and the checks'."""
    size = signed_percent(verdict.MIN_FALL).lstrip("+")
    names = ", ".join(t(f"type_{code}", lang) for code in NEGATIVE_CONTROL_TYPES)
    with st.expander(t("method_note", lang), expanded=False):  # as on every page
        st.markdown(t("eval_method", lang))
        st.markdown(t_local("eval_method_checks", lang, types=names, min=size,
                            pre_alpha=f"{verdict.PRE_TREND_ALPHA:.2f}",
                            control_alpha=f"{verdict.CONTROL_ALPHA:.2f}"))  # fmt: skip
