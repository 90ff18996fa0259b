"""Every user-facing word goes through ``t(key, lang, **values)``.

The English source text of each message is in ``i18n.messages`` (``N_(key, english)``); the
other languages are gettext catalogs: ``locale/<lang>/LC_MESSAGES/atlas.po``, edited by
translators, compiled to ``atlas.mo`` by ``scripts/setup.sh`` (``pybabel compile``) and read
here with Python's ``gettext`` (``pgettext``, the key as context). docs/translation.md says
how to add a message and how to update a translation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from i18n.messages import MESSAGES

#: The language the messages are written in (served from ``i18n.messages`` directly).
SOURCE = "en"
#: The gettext domain: ``locale/<lang>/LC_MESSAGES/atlas.po`` and ``.mo``.
DOMAIN = "atlas"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
COMPILE = "scripts/setup.sh (or: .venv/bin/python -m i18n.catalogs compile)"


class CatalogError(RuntimeError):
    """A language's compiled catalog is missing or older than its ``.po`` (the message names
    the file and the command that compiles it)."""


#: The atlas's languages: the source and one catalog per other language.
CODES = (SOURCE, "km")


class _Languages(Mapping[str, str]):
    """The atlas's languages, each named in itself (``km``: the catalog's word for Khmer)."""

    def __getitem__(self, lang: str) -> str:
        if lang not in CODES:
            raise KeyError(lang)
        return t("language_name", lang)

    def __iter__(self) -> Iterator[str]:
        return iter(CODES)

    def __len__(self) -> int:
        return len(CODES)


LANGUAGES: Mapping[str, str] = _Languages()


@cache
def _catalog(lang: str) -> dict[str, str]:
    """The compiled catalog of ``lang``, read once with ``gettext`` (imported here: English
    alone needs no catalog): each key's translation of its current English text (a
    translation of another English text, or none, reads as the English).

    Raises:
        CatalogError: if the ``.mo`` file is missing, or older than its ``.po`` file.
    """
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    named = mo.relative_to(LOCALE_DIR.parent)  # locale/km/...: no folder of the server
    if not mo.is_file():
        raise CatalogError(f"{named} is missing: compile the translations with {COMPILE}")
    if po.is_file() and po.stat().st_mtime > mo.stat().st_mtime:
        raise CatalogError(
            f"{named} is older than {po.name} (the translations changed): compile them again "
            f"with {COMPILE}"
        )
    import gettext

    with mo.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    return {key: translations.pgettext(key, english) for key, english in MESSAGES.items()}


def message(key: str, lang: str) -> str:
    """The text of ``key`` in ``lang``, placeholders unfilled: English for the source language
    and any language the atlas has no catalog for.

    Raises:
        KeyError: if the key does not exist (a programming error, caught by the tests).
        CatalogError: if the language's compiled catalog is missing or out of date.
    """
    english = MESSAGES[key]
    if lang == SOURCE or lang not in CODES:
        return english
    return _catalog(lang)[key]


def t(key: str, lang: str, /, **values: object) -> str:
    """The label ``key`` in ``lang`` (falling back to English), with ``{name}`` placeholders
    filled from ``values``.

    Raises:
        KeyError: if the label or one of its placeholders' values does not exist (a
            programming error, caught by the tests).
        CatalogError: see ``message``.
    """
    text = message(key, lang)
    return text.format_map(values) if values else text


#: The digits 0 to 9 as the messages' English writes them.
LATIN_DIGITS = "0123456789"


@cache
def _digit_table(lang: str) -> dict[int, str]:
    digits = message("digits", lang)
    if len(digits) != len(LATIN_DIGITS):  # a catalog that did not give ten keeps 0 to 9
        digits = LATIN_DIGITS
    return str.maketrans(LATIN_DIGITS, digits)


def numerals(text: object, lang: str) -> str:
    """``text`` (a number or a string, e.g. "3,301", "2014-01", "21%") as it reads on screen in
    ``lang``: its digits 0 to 9 written with the language's own (the catalog's ``digits``:
    Khmer digits in km; English unchanged). One numeral system per language on screen;
    downloads and exports keep 0 to 9.

    Raises:
        CatalogError: see ``message``.
    """
    return str(text).translate(_digit_table(lang))


def t_local(key: str, lang: str, /, **values: object) -> str:
    """``t`` for the screen: each value is written with ``numerals`` (the message's own text is
    the translator's, digits included). Not for a value that must stay as typed: a file name,
    a link, what a visitor typed.

    Raises:
        KeyError: see ``t``.
        CatalogError: see ``message``.
    """
    return t(key, lang, **{name: numerals(value, lang) for name, value in values.items()})


def check_catalogs() -> None:
    """Read every language's compiled catalog now (the dashboard calls this first, so a
    missing one is said in a message, not met half-way through a page).

    Raises:
        CatalogError: see ``message``.
    """
    for lang in CODES:
        if lang != SOURCE:
            _catalog(lang)
