"""The README and docs/ stay true: every relative link reaches a file (and a heading, when it
names one), every `python -m X` they name is a module that runs, the README stays short and
lists every document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
DOCS = sorted((PROJECT_ROOT / "docs").glob("*.md"))
#: The README is an entrance, not the manual: the design lives in docs/.
README_MAX_LINES = 260

# Written by other parts of issue 18 on their own branches. Lead: empty both sets when the
# branches are merged (the test fails on an entry that exists, to say so).
PENDING_MODULES: set[str] = set()
PENDING_DOCS: set[str] = set()

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
COMMAND = re.compile(r"python -m\s+([A-Za-z_][\w.]*)")
FENCE = re.compile(r"^(```|~~~)")


def _prose(path: Path) -> str:
    """A markdown file without its fenced code blocks (their lines may look like headings)."""
    lines, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return "\n".join(lines)


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to -."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors of a markdown file's headings."""
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+)$", _prose(path), re.M)}


def links(path: Path) -> list[str]:
    """The relative links of a markdown file (web and mail addresses left out)."""
    found = LINK.findall(_prose(path))
    return [link for link in found if not re.match(r"[a-z]+:", link)]


def commands() -> set[str]:
    """Every module named as `python -m X` in the README and docs/ (code blocks included)."""
    texts = [path.read_text(encoding="utf-8") for path in (README, *DOCS)]
    return {name.rstrip(".") for text in texts for name in COMMAND.findall(text)}


def is_the_atlas(name: str) -> bool:
    """True when ``name`` is one of the atlas's own packages or modules (the docs also name
    installed tools: ``python -m pytest``, ``python -m timeit``)."""
    top = PROJECT_ROOT / name.split(".")[0]
    return top.is_dir() or top.with_suffix(".py").is_file()


def runs_as_module(name: str) -> bool:
    """True when ``python -m name`` would run: a package with __main__.py, or a module file
    with an ``if __name__ == "__main__":`` block."""
    path = PROJECT_ROOT.joinpath(*name.split("."))
    if (path / "__main__.py").is_file():
        return True
    module = path.with_suffix(".py")
    return module.is_file() and '__name__ == "__main__"' in module.read_text(encoding="utf-8")


def test_the_slugs_are_githubs() -> None:
    assert slug("Rates per 1,000") == "rates-per-1000"
    assert slug("The map, and on the wire") == "the-map-and-on-the-wire"
    assert slug("Measured: bytes") == "measured-bytes"
    assert slug("`etl` and `geo`") == "etl-and-geo"


def test_the_checks_see_what_they_check(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n[a](other.md) [b](#title) ![img](x.png) [web](https://example.org)\n"
        "```\n# not a heading [c](code.md)\n```\n",
        encoding="utf-8",
    )
    assert links(page) == ["other.md", "#title"] and anchors(page) == {"title"}
    assert runs_as_module("etl") and runs_as_module("benchmarks.bench_explore")
    assert not runs_as_module("benchmarks.servers") and not runs_as_module("no_such_module")


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda p: p.name)
def test_every_relative_link_reaches_a_file_and_its_heading(path: Path) -> None:
    broken = []
    for link in links(path):
        target, _, anchor = link.partition("#")
        file = (path.parent / target).resolve() if target else path
        name = (
            file.relative_to(PROJECT_ROOT).as_posix() if file.is_relative_to(PROJECT_ROOT) else ""
        )
        if name in PENDING_DOCS and not file.exists():
            continue
        if not file.exists():
            broken.append(f"{link}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{link}: no heading #{anchor} in {file.name}")
    assert broken == []


def test_every_command_named_is_a_module_that_runs() -> None:
    named = commands()
    assert {"etl", "publish", "briefing", "benchmarks.bench_explore"} <= named
    ours = {n for n in named - PENDING_MODULES if is_the_atlas(n)}
    missing = sorted(n for n in ours if not runs_as_module(n))
    assert missing == []


def test_the_pending_lists_hold_only_what_is_still_pending() -> None:
    """Lead: an entry here exists now; remove it from PENDING_MODULES / PENDING_DOCS."""
    assert [n for n in PENDING_MODULES if runs_as_module(n)] == []
    assert [d for d in PENDING_DOCS if (PROJECT_ROOT / d).exists()] == []


def test_the_readme_is_short_and_lists_every_document() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_MAX_LINES
    listed = {link.partition("#")[0] for link in links(README)}
    assert sorted(f"docs/{p.name}" for p in DOCS if f"docs/{p.name}" not in listed) == []
    assert DOCS, "the design lives in docs/"
