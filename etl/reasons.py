"""Quarantine reasons as codes with parameters: what the ETL reports, and how a reader sees it.

The ETL stores each reason as a code (``date_in_future``) and its parameters as JSON
(``{"value": "2031-01-15"}``), beside the English sentence for the CLI and the log. The words
are the catalog's message ``reason_<code>`` (``i18n.messages.reasons``), in either language.

Some parameters come from the file (a value, a name, a row or line number): the summary the
About page and the briefing store show (``quarantine_summary``) keeps only a code's ``public``
parameters (from the contract or the file's layout, never a value it holds), and a sentence
shown from it reads ``…`` for every other one.

Imports nothing but ``i18n``: the pages read it without loading the ETL.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

from i18n import MESSAGES, t

#: What stands for a parameter the summary does not keep.
MASK = "…"
#: The message said for a code this version does not know (a database from another one).
OTHER = "other"

#: Every code the ETL reports, with the parameters the masked summary keeps.
CODES: dict[str, tuple[str, ...]] = {
    "not_one_of": ("allowed",),
    "value_outside": ("allowed",),
    "not_whole_number": (),
    "not_number": (),
    "below_minimum": ("minimum",),
    "above_maximum": ("maximum",),
    "not_yes_no": (),
    "not_month": (),
    "too_early": ("earliest",),
    "date_in_future": (),
    "not_date": (),
    "not_real_date": (),
    "ambiguous_date": (),
    "required_missing": (),
    "not_commune_code": (),
    "code_not_in_gazetteer": (),
    "lonlat_not_numbers": (),
    "point_outside": (),
    "no_location": (),
    "unknown_province": (),
    "unknown_commune": (),
    "unknown_commune_in_district": (),
    "unknown_commune_in_province": (),
    "unknown_commune_in_district_province": (),
    "ambiguous_commune": (),
    "duplicate_key": ("key",),
    "already_loaded": ("key", "file"),
    "row_too_long": ("limit",),
    "unclosed_quote": (),
    "text_after_quote": (),
    "text_after_quote_lines": (),
    "field_count": ("columns",),
    "field_count_lines": ("columns",),
    "extra_fields": ("columns",),
    "extra_fields_lines": ("columns",),
    "formula_without_result": (),
    "beyond_header": ("last",),
    "be_too_early": ("earliest",),
    "be_in_future": (),
}


def message_key(code: str) -> str:
    """The catalog key of a reason code."""
    return f"reason_{code}"


def parameters(code: str) -> set[str]:
    """The parameters a code's message takes (its English ``{name}`` placeholders).

    Raises:
        KeyError: if the code has no message.
    """
    english = MESSAGES[message_key(code)]
    return {name for _, name, _, _ in string.Formatter().parse(english) if name}


def require_known(code: str, names: set[str]) -> None:
    """Check that ``code`` is a reason code whose message takes exactly the parameters
    ``names``.

    Raises:
        ValueError: if it is not (the message names the code and what it takes).
    """
    if code not in CODES:
        raise ValueError(f"unknown reason code {code!r}: add it to etl.reasons.CODES")
    if names != parameters(code):
        raise ValueError(f"reason {code!r} takes {sorted(parameters(code))}, not {sorted(names)}")


@dataclass(frozen=True)
class Reason:
    """One reason a row is quarantined: its code and the values of its parameters, as text."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        require_known(self.code, set(self.params))

    def english(self) -> str:
        """The reason in English, every parameter filled (the CLI's and the log's words)."""
        return t(message_key(self.code), "en", **self.params)

    def as_json(self) -> str:
        """The parameters as the quarantine stores them."""
        return json.dumps(dict(self.params), ensure_ascii=False, sort_keys=True)


def reason_text(
    code: str, params: Mapping[str, object] | str | None, lang: str, column: str
) -> str:
    """A reason in ``lang`` from its code and the parameters at hand (a dict or the JSON the
    summary holds); a parameter not at hand reads ``…``. A code this version does not know
    reads as a general sentence naming the ``column``.
    """
    if isinstance(params, str):
        params = json.loads(params) if params else {}
    given = {k: str(v) for k, v in (params or {}).items()}
    if code not in CODES:
        return t(message_key(OTHER), lang, column=column)
    filled = {name: given.get(name, MASK) for name in parameters(code)}
    return t(message_key(code), lang, **filled)


def public_params_sql(code: str = "code", params: str = "params") -> str:
    """SQL for the parameters the summary keeps, as JSON text: per code, its ``public`` ones
    (names from ``CODES``, never from a file)."""
    cases = []
    for name, kept in CODES.items():
        if kept:
            pairs = ", ".join(f"'{p}', {params}->>'{p}'" for p in kept)
            cases.append(f"WHEN '{name}' THEN json_object({pairs})")
    return f"CAST(CASE {code} {' '.join(cases)} ELSE json_object() END AS VARCHAR)"
