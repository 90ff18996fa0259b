"""The pack's words for the pilot evaluation: its headline on page 1 (the change, the verdict
and what stood in its way, the communes compared, the pre-trend check, the second way of
measuring) and its other checks beside the method (the drift check, the incidents the
partnership should not change), in plain words (``analysis.verdict_words``), every number as
the headline product publishes it; no method's name (those are in the method note).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from analysis.verdict import PRE_TREND_ALPHA
from analysis.verdict_words import (
    Change,
    control_texts,
    drift_texts,
    reason_texts,
    verdict_text,
)
from briefing.model import Brief, Checks
from briefing.numbers import format_percent, local_digits
from i18n import t


def evaluation_section(brief: Brief, lang: str) -> dict[str, Any]:
    """The evaluation's headline in plain words (page 1: the change, the verdict and what stood
    in its way, the communes compared, the pre-trend check, the second way of measuring) and
    its other checks (``checks``, with the method: the drift check and the incidents the
    partnership should not change); no method's name."""
    e = brief.evaluation
    if e is None:
        reason = brief.evaluation_reason
        text = reason.get(lang) if reason else t("pack_evaluation_not_run", lang)
        return {"heading": t("pack_sec_evaluation", lang), "text": text, "lines": [],
                "checks_heading": "", "checks": []}  # fmt: skip
    if e.text is not None:
        text = e.text.get(lang)
    else:
        text = t(
            "pack_evaluation_headline",
            lang,
            change=format_percent(e.change, signed=True),
            level=format_percent(e.level),
            low=format_percent(e.low, signed=True),
            high=format_percent(e.high, signed=True),
        )
    lines = _verdict_lines(e.checks, lang)
    if e.pilot_communes is not None and e.comparison_communes is not None:
        lines.append(t("pack_communes", lang, pilots=local_digits(str(e.pilot_communes), lang),
                       others=local_digits(str(e.comparison_communes), lang)))  # fmt: skip
    if e.pre_trend_p is not None:
        key = "pack_pretrend_alike" if e.pre_trend_p >= PRE_TREND_ALPHA else "pack_pretrend_apart"
        lines.append(t(key, lang, p=local_digits(_p_text(e.pre_trend_p), lang)))
    if e.robustness is None:
        lines.append(t("pack_robustness_none", lang))
    else:
        change, low, high = (format_percent(v, signed=True) for v in e.robustness)
        lines.append(t("pack_robustness", lang, change=change, low=low, high=high))
    checks = {"checks_heading": t("pack_sec_checks", lang), "checks": _check_lines(e.checks, lang)}
    return {"heading": t("pack_sec_evaluation", lang), "text": text, "lines": lines, **checks}


def _p_text(p: float) -> str:
    """A published p-value (floored to 2 digits) as it reads: "0.37", "< 0.01"."""
    return "< 0.01" if p < 0.01 else f"{p:.2f}"


_pct = partial(format_percent, signed=True)


def _verdict_lines(checks: Checks, lang: str) -> list[str]:
    """The verdict in one line, with what stood in its way (none when not published)."""
    if checks.verdict is None:
        return []
    reasons = reason_texts(checks.reasons, lang, _pct)
    said = verdict_text(checks.verdict, lang, _pct)
    return [f"{said} {'; '.join(reasons)}." if reasons else said]


def _check_lines(checks: Checks, lang: str) -> list[str]:
    """The drift check and the incidents the partnership should not change, in words (each
    only when published)."""
    lines = []
    if checks.drift is not None and checks.drift_slope is not None:
        drift = Change(*checks.drift)
        lines += drift_texts(drift, checks.drift_slope, checks.breakdown, lang, _pct)
    if checks.control is not None and checks.relative is not None:
        own, relative = Change(*checks.control), Change(*checks.relative)
        lines += control_texts(own, relative, checks.control_p, checks.control_types, lang,
                               _pct, lambda text: local_digits(text, lang))  # fmt: skip
    return lines
