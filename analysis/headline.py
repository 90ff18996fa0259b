"""The pilot evaluation's answer in words, in Khmer or English.

``headline_text`` says the result in one sentence; ``reason_text`` says why an evaluation
could not be run, from the code and parameters of an ``analysis.designs.EvaluationInputError``
(label ``eval_<code>``); ``note_text`` says a note of the evaluation. No SQL here, no
streamlit: the evaluation of the database is the publish stage's (``publish.evaluation``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from analysis.designs import MESSAGES
from i18n import t
from vocabulary import INCIDENT_TYPES, PILOT_TYPES

__all__ = [
    "REASONS",
    "headline_text",
    "note_text",
    "pilot_offsets",
    "reason_text",
    "signed_percent",
    "subject_text",
]

#: Every reason an evaluation can give (``analysis.designs.MESSAGES``), each said by the label
#: ``eval_<code>``.
REASONS = tuple(MESSAGES)


def signed_percent(change: float) -> str:
    """A relative change as a signed whole percentage: ``−38 %``, ``+5 %``, ``0 %``."""
    value = round(change * 100)
    return "0 %" if value == 0 else f"{'+' if value > 0 else '−'}{abs(value)} %"


def subject_text(types: Sequence[str], lang: str) -> str:
    """What was counted, as the subject of the headline: arrests and confiscations (the pilot
    types), all incidents, or the chosen types."""
    chosen = set(types)
    if chosen == set(PILOT_TYPES):
        return t("group_arrests_confiscations", lang)
    if chosen == set(INCIDENT_TYPES):
        return t("eval_subject_all", lang)
    return t("eval_subject_types", lang)


def headline_text(effect: float, low: float, high: float, subject: str, lang: str) -> str:
    """The answer in one sentence: a fall or a rise with its 95 % interval when the interval
    excludes no change, otherwise that the data show no clear change."""
    if high < 0:
        values = {"pct": round(-effect * 100), "a": round(-high * 100), "b": round(-low * 100)}
        return t("eval_fell", lang, subject=subject, **values)
    if low > 0:
        values = {"pct": round(effect * 100), "a": round(low * 100), "b": round(high * 100)}
        return t("eval_rose", lang, subject=subject, **values)
    return t(
        "eval_unclear", lang, subject=subject, effect=signed_percent(effect),
        low=signed_percent(low), high=signed_percent(high),
    )  # fmt: skip


def reason_text(code: str, params: Mapping[str, object], lang: str) -> str:
    """Why the evaluation could not be run, in ``lang``: the label ``eval_<code>`` filled with
    ``params`` (and ``span``, "first – last", when they name the months). A code not known
    here is given as it is, after "No estimate:"."""
    if code not in REASONS:
        return t("eval_cannot", lang, detail=code)
    values = dict(params)
    if "first" in values and "last" in values:
        values["span"] = f"{values['first']} – {values['last']}"
    return t(f"eval_{code}", lang, **values)  # a label uses the values it names


def note_text(note: str, lang: str) -> str:
    """A note of the evaluation (``Evaluation.notes``) in ``lang``."""
    early = re.match(r"(\d+) pilot commune\(s\) started before the window opens \(([0-9-]+)\)",
                     note)  # fmt: skip
    if early:
        return t("eval_note_early", lang, n=early.group(1), month=early.group(2))
    if note.startswith("The robustness estimate (Callaway-Sant'Anna) could not be computed"):
        return t("eval_note_no_robustness", lang)
    return t("eval_cannot", lang, detail=note)


def pilot_offsets(starts: dict[str, pd.Timestamp], day: date) -> tuple[int, int] | None:
    """Where ``day`` falls in months since the start, for the pilot communes' ``starts``: the
    earliest and the latest offset (None without a pilot commune)."""
    if not starts:
        return None
    month = pd.Timestamp(day).year * 12 + pd.Timestamp(day).month - 1
    offsets = [month - (s.year * 12 + s.month - 1) for s in starts.values()]
    return min(offsets), max(offsets)
