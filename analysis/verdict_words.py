"""The evaluation's checks in plain words, in Khmer or English: the verdict and what stood in
its way, the second way of measuring, the drift check and the incidents the partnership should
not change. The page (``ui.evaluation_checks``) and the briefing pack (``briefing.view``) say
them with these functions, from numbers already published (``publish.evaluation_rules``): the
functions format, they never round a true value themselves. No method's name here: those are
for the method notes only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from analysis.headline import signed_percent
from analysis.verdict import CONTROL_ALPHA, MIN_FALL, REASONS, VERDICTS
from i18n import t

Percent = Callable[[float], str]


@dataclass(frozen=True)
class Change:
    """A published relative change with its 95 % interval."""

    effect: float
    low: float
    high: float

    def values(self, pct: Percent) -> dict[str, str]:
        """``effect``, ``low`` and ``high`` formatted by ``pct``."""
        return {"effect": pct(self.effect), "low": pct(self.low), "high": pct(self.high)}


def _size(value: float, pct: Percent) -> str:
    """A size (no sign) as ``pct`` writes a percentage: 0.1 -> "10 %"."""
    return pct(value).lstrip("+")


def verdict_text(verdict: str, lang: str, pct: Percent = signed_percent) -> str:
    """The verdict ("fell", "did_not_fall", "cannot_tell") in one sentence.

    Raises:
        ValueError: for another verdict.
    """
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}: expected one of {', '.join(VERDICTS)}")
    return t(f"verdict_{verdict}", lang, min=_size(MIN_FALL, pct))


def reason_texts(reasons: Sequence[str], lang: str, pct: Percent = signed_percent) -> list[str]:
    """What stood in the verdict's way, one phrase per code of ``analysis.verdict.REASONS``.

    Raises:
        ValueError: for a code that is not a reason.
    """
    unknown = [code for code in reasons if code not in REASONS]
    if unknown:
        raise ValueError(f"unknown verdict reasons {unknown}: expected codes of REASONS")
    return [t(f"verdict_why_{code}", lang, min=_size(MIN_FALL, pct)) for code in reasons]


def second_text(second: Change, control: str, lang: str, pct: Percent = signed_percent) -> str:
    """The second way of measuring's change, against ``control`` (the comparison communes in
    words). Raises nothing."""
    return t("eval_second", lang, control=control, **second.values(pct))


def drift_texts(
    drift: Change, slope: float, breakdown: float | None, lang: str, pct: Percent = signed_percent
) -> list[str]:
    """The change with the drift before the start carried on (``slope`` a quarter), and how
    far that drift may bend before it could explain the change (``breakdown``, log points a
    quarter, quarter on quarter; None: a straight drift could already). Raises nothing."""
    first = t("eval_drift", lang, slope=pct(slope), **drift.values(pct))
    if breakdown is None:
        return [first, t("eval_drift_explains", lang)]
    return [first, t("eval_drift_holds", lang, bend=_size(breakdown, pct))]


def control_texts(
    own: Change,
    relative: Change,
    p: float | None,
    types: Sequence[str],
    lang: str,
    pct: Percent = signed_percent,
    digits: Callable[[str], str] = str,
) -> list[str]:
    """The incidents the partnership should not change (``types``, incident-type codes): their
    own change, the change measured against them, and whether they moved more than chance
    would make them (their published p-value ``p``, floored; written with ``digits``). Raises
    nothing."""
    names = ", ".join(t(f"type_{code}", lang) for code in types)
    values = own.values(pct) | {f"relative_{k}": v for k, v in relative.values(pct).items()}
    first = t("eval_control_line", lang, types=names, **values)
    if p is None:
        return [first]
    shown = "p < 0.01" if p < 0.01 else f"p = {p:.2f}"
    key = "eval_control_moved" if p < CONTROL_ALPHA else "eval_control_still"
    return [first, t(key, lang, p=digits(shown))]
