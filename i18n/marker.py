"""The marker of a message: ``N_(key, english)`` registers the English source text of ``key``.

``pybabel extract -k N_:1c,2`` reads the same calls: the key becomes the message's context
(``msgctxt``) and the English its ``msgid``, so each key is written once, beside its English.
Both arguments must be plain string literals (adjacent literals are joined), or extraction
cannot see them (``tests/test_i18n.py`` checks that it sees every one).
"""

from __future__ import annotations

#: Every message: key -> English source text, in the order the modules declare them.
MESSAGES: dict[str, str] = {}


def N_(key: str, english: str) -> str:
    """Register ``english`` as the source text of ``key``; return it.

    Raises:
        ValueError: if ``key`` is registered twice (each key is declared once).
    """
    if key in MESSAGES:
        raise ValueError(f"message {key!r} is declared twice")
    MESSAGES[key] = english
    return english
