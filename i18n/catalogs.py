"""The message catalogs, kept with Babel: extract the template from the code, update each
language's ``.po`` from it, compile the ``.mo`` files ``i18n`` reads, and check them (CI).

    python -m i18n.catalogs extract    # i18n/messages -> locale/atlas.pot
    python -m i18n.catalogs update     # locale/atlas.pot -> locale/<lang>/LC_MESSAGES/atlas.po
    python -m i18n.catalogs compile    # every atlas.po -> atlas.mo (scripts/setup.sh runs it)
    python -m i18n.catalogs check      # the template is up to date, every message translated
    python -m i18n.catalogs translate km KEY TEXT   # set one translation (no .po editing)

Extraction reads ``babel.cfg`` as ``pybabel extract -F babel.cfg`` does. Compiling uses Babel's
own reader and writer, not ``pybabel compile``: that command also runs Babel's ``%``-format
checker, which reads the literal ``%`` of "95 % interval" as a placeholder and fails 15 of our
messages (Babel issue 1268); our messages use ``{name}`` placeholders, which ``check`` compares.
Only the command line and the tests import this module (``import i18n`` never loads Babel).
"""

from __future__ import annotations

import string
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from i18n.messages import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "atlas"
TEMPLATE = Path("locale") / f"{DOMAIN}.pot"
PROJECT = MESSAGES["app_title"]


class CatalogProblem(ValueError):
    """A catalog cannot be read (the message names the file)."""


def po_files(root: Path = ROOT) -> list[Path]:
    """Every language's ``.po`` file under ``root/locale``, sorted."""
    return sorted((root / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract(root: Path = ROOT) -> Catalog:
    """The messages the code declares, as ``pybabel extract -F babel.cfg`` finds them."""
    with (root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project=PROJECT, domain=DOMAIN, charset="utf-8")
    found = extract_from_dir(root, method_map, options_map, keywords={})
    for _file, _line, english, comments, context in found:
        catalog.add(english, None, auto_comments=comments, context=context)
    return catalog


def read(path: Path, locale: str | None = None) -> Catalog:
    """A ``.po`` or ``.pot`` file.

    Raises:
        CatalogProblem: if it is missing or is not a readable catalog.
    """
    if not path.is_file():
        raise CatalogProblem(f"{path} is missing")
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=locale, abort_invalid=True)
    except Exception as exc:  # babel raises several types for a broken file
        raise CatalogProblem(f"{path} cannot be read: {exc}") from None


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, no_location=True)


def write_template(root: Path = ROOT) -> Path:
    """Extract the messages into ``locale/atlas.pot``; returns its path."""
    path = root / TEMPLATE
    _write(path, extract(root))
    return path


def update(root: Path = ROOT) -> list[Path]:
    """Bring every ``.po`` in line with the template, as ``pybabel update -N`` does: new
    messages come in untranslated, removed ones go, nothing is guessed (no fuzzy matching)."""
    template = read(root / TEMPLATE)
    done = []
    for path in po_files(root):
        catalog = read(path, locale=path.parent.parent.name)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        _write(path, catalog)
        done.append(path)
    return done


def compile_all(root: Path = ROOT) -> list[Path]:
    """Write each ``atlas.mo`` beside its ``atlas.po`` (fuzzy and empty messages left out, so
    they read as English); returns the ``.mo`` paths.

    Raises:
        CatalogProblem: if a ``.po`` file cannot be read.
    """
    done = []
    for path in po_files(root):
        catalog = read(path, locale=path.parent.parent.name)
        target = path.with_suffix(".mo")
        with target.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        done.append(target)
    return done


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of a text.

    Raises:
        ValueError: if its braces do not form placeholders (a lone ``{`` or ``}``).
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _key(message: Message) -> tuple[str | None, str]:
    return message.context, message.id


def _messages(catalog: Catalog) -> dict[tuple[str | None, str], Message]:
    return {_key(m): m for m in catalog if m.id}


def _notes(message: Message) -> str:
    """A message's notes to translators, as words (the file wraps them at its own width)."""
    return " ".join(" ".join(message.auto_comments).split())


def template_problems(root: Path = ROOT) -> list[str]:
    """How ``locale/atlas.pot`` differs from what the code declares (empty when up to date)."""
    try:
        template = _messages(read(root / TEMPLATE))
    except CatalogProblem as exc:
        return [str(exc)]
    code = _messages(extract(root))
    fix = "run python -m i18n.catalogs extract, then update"
    problems = [
        f"{TEMPLATE}: {key!r} is in the code but not in the template ({fix})"
        for key, _ in sorted(code.keys() - template.keys(), key=str)
    ]
    problems += [
        f"{TEMPLATE}: {key!r} is in the template but no longer in the code ({fix})"
        for key, _ in sorted(template.keys() - code.keys(), key=str)
    ]
    problems += [
        f"{TEMPLATE}: {key!r} has other notes to translators in the code ({fix})"
        for key, _ in sorted(code.keys() & template.keys(), key=str)
        if _notes(code[(key, _)]) != _notes(template[(key, _)])
    ]
    return problems


def _message_problems(path: Path, key: str | None, english: str, found: Message | None) -> str:
    """What is wrong with one message of a translation ("" if nothing)."""
    if found is None:
        return f"{path}: {key!r} is missing (run python -m i18n.catalogs update)"
    if not found.string or not str(found.string).strip():
        return f"{path}: {key!r} has no translation"
    if found.fuzzy:
        return f"{path}: {key!r} is marked fuzzy (check the translation, then remove the flag)"
    try:
        wanted, got = placeholders(english), placeholders(str(found.string))
    except ValueError as exc:
        return f"{path}: {key!r}: the braces do not form placeholders ({exc})"
    if wanted != got:
        return (
            f"{path}: {key!r}: the translation's placeholders {sorted(got)} differ from the "
            f"English {sorted(wanted)}"
        )
    return ""


def translation_problems(root: Path = ROOT) -> list[str]:
    """Each message of the template that a language's ``.po`` lacks, leaves untranslated or
    fuzzy, or translates with other placeholders; and its messages the template no longer has."""
    try:
        template = _messages(read(root / TEMPLATE))
    except CatalogProblem as exc:
        return [str(exc)]
    problems = []
    for path in po_files(root):
        try:
            catalog = read(path, locale=path.parent.parent.name)
        except CatalogProblem as exc:
            problems.append(str(exc))
            continue
        found = _messages(catalog)
        shown = path.relative_to(root)
        for (key, english), _ in template.items():
            problem = _message_problems(shown, key, english, found.get((key, english)))
            problems += [problem] if problem else []
        problems += [
            f"{shown}: {key!r} is not in the template (run python -m i18n.catalogs update)"
            for key, _ in sorted(found.keys() - template.keys(), key=str)
        ]
    return problems


def problems(root: Path = ROOT) -> list[str]:
    """Every problem ``check`` reports: the template's, then the translations'."""
    found = template_problems(root) + translation_problems(root)
    if not po_files(root):
        found.append(f"no translation under {root / 'locale'}")
    return found


def translate(lang: str, key: str, text: str, root: Path = ROOT) -> Path:
    """Set the translation of ``key`` in ``lang``'s ``.po`` (no longer fuzzy); returns the file.

    Raises:
        CatalogProblem: if the ``.po`` is missing or unreadable, or has no message ``key`` (add
            it to i18n/messages, then extract and update).
    """
    path = root / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = read(path, locale=lang)
    found = [m for m in catalog if m.id and m.context == key]
    if not found:
        raise CatalogProblem(f"{path} has no message {key!r}: extract and update first")
    found[0].string = text
    found[0].flags.discard("fuzzy")
    _write(path, catalog)
    return path


def _report(lines: Iterable[str]) -> int:
    lines = list(lines)
    for line in lines:
        print(line, file=sys.stderr)
    return 1 if lines else 0


COMMANDS = {
    "extract": lambda: [f"wrote {write_template()}"],
    "update": lambda: [f"updated {p}" for p in update()],
    "compile": lambda: [f"compiled {p}" for p in compile_all()],
}


def main(argv: list[str] | None = None) -> int:
    """``python -m i18n.catalogs extract|update|compile|check``, or ``translate LANG KEY TEXT``;
    0 when done, 1 on a problem (said on stderr)."""
    args = argv if argv is not None else sys.argv[1:] or ["check"]
    try:
        if args[0] == "check":
            return _report(problems())
        if args[0] == "translate" and len(args) == 4:
            print(f"translated {args[2]!r} in {translate(*args[1:])}")
        elif args[0] in COMMANDS:
            print("\n".join(COMMANDS[args[0]]()))
        else:
            return _report([f"usage: python -m i18n.catalogs {'|'.join(COMMANDS)}|check, or "
                            "translate LANG KEY TEXT"])  # fmt: skip
    except CatalogProblem as exc:
        return _report([str(exc)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
