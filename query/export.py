"""The Explore view's table, as the page's download gives it, and the command that writes it for
any number of links.

    python -m query.export "from=2014-01&type=arrest_detention&province=12" ... --out DIR

writes, for each link (an Explore URL's query string), the CSV the page's download gives for that
view, as ``0001.csv``, ``0002.csv``, ... in link order. A link the page would correct is answered
with what the page shows, and its messages go to standard error; the command never stops half
way through a list. One process, one connection and shared caches serve hundreds of links.
Each file is written as the page's download is (``query.table_csv``: formulas neutralised), and
only after its line is in the audit log: with the log unwritable, nothing is exported (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import duckdb
import pandas as pd

import access
import audit
import config
import query
from etl.schema import briefing_store_path
from i18n import t
from query import explore, filter_table, published
from query.links import ExploreOptions, Problem, parse_params
from query.table_csv import table_csv
from query.view import Filters
from vocabulary import MIXED_LABEL, SYNTHETIC_LABEL

#: Each level's unit columns in the table (code and names in both scripts, then the place).
UNIT_COLUMNS = {
    "commune": ["province_code", "province_name_en", "province_name_km", "district_name_en",
                "district_name_km", "commune_code", "commune_name_en", "commune_name_km"],
    "district": ["province_code", "province_name_en", "province_name_km", "district_code",
                 "district_name_en", "district_name_km"],
    "province": ["province_code", "province_name_en", "province_name_km"],
}  # fmt: skip
PROTECTION = (
    "Counts are protected: 0 to 4 incidents read <5 (no count reads 0); 5 or more are "
    "rounded to a multiple of 5, up or down, the same way every time the same cell is asked "
    "for, so totals may differ a little from the sum of their parts. Rates are protected "
    "counts over public estimates."
)


def rate_text(rate: float, state: str) -> str:
    """A rate per 1,000 as the map's tooltip and the table show it."""
    if state == "shown":
        return f"{rate:.1f}"
    return {"hidden": "<5 incidents", "missing": ""}[state]


def explore_table(
    units: pd.DataFrame, filters: Filters, options: ExploreOptions, origin: str = "partner"
) -> pd.DataFrame:
    """The view's table: one row per unit of the level, every number as the map shows it, the
    filters and the protection note on every row (a file must explain itself); column
    ``data`` first says it when the ``origin`` of the rows (``query.data_origin``) is the
    synthetic demo set, alone or mixed with partner data."""
    table = units[UNIT_COLUMNS[options.level]].copy()
    table.insert(0, "level", options.level)
    table["incidents"] = units["text"]
    table["per_1000_people"] = [rate_text(r, s) for r, s in
                                zip(units["rate"], units["rate_state"], strict=True)]  # fmt: skip
    table["partnership"] = units["status"]
    if options.level == "commune":
        table["partnership_months"] = units["months_covered"]
    else:
        table["communes"] = units["n_communes"]
        table["communes_with_partnership"] = units["communes_partnered"]
    table["public_services"] = units["public_services"]
    for item in filter_table.table():  # each filter's columns, in the table's order
        for column, value in item.export(getattr(filters, item.field)).items():
            table[column] = value
    table["protection"] = PROTECTION
    label = {"synthetic": SYNTHETIC_LABEL, "mixed": MIXED_LABEL}.get(origin)
    if label:
        table.insert(0, "data", label)
    return table.reset_index(drop=True)


def problem_text(problem: Problem, lang: str = "en") -> str:
    """A link problem as plain text (the page's message, without Markdown escapes)."""
    return t(problem.key, lang, t=published.threshold(), **problem.values).replace("\\", "")


class Exporter:
    """Answers links on one open database, with shared caches."""

    def __init__(self, con: duckdb.DuckDBPyConnection, audience: str = "analyst") -> None:
        self.con = con
        self.audience = audience
        self.bounds = explore.month_range(con)
        self.provinces = set(query.province_list(con)["province_code"])
        self.origin = query.data_origin(con)
        self._units = lru_cache(maxsize=512)(self._read_units)

    def _read_units(self, filters: Filters, level: str) -> pd.DataFrame:
        return published.units(self.con, filters, level)

    def table(self, link: str) -> tuple[pd.DataFrame, list[str]]:
        """The CSV table a link's view gives, and the messages the page would show."""
        if self.bounds is None:
            return pd.DataFrame(), [t("no_incidents", "en")]
        params = dict(parse_qsl(urlsplit(link).query or link.lstrip("?"), keep_blank_values=True))
        filters, options, problems = parse_params(params, self.bounds, self.provinces)
        if not access.allowed(self.audience, "read_level", options.level):
            # Provinces only for this audience (the store it reads holds nothing finer).
            problems.append(Problem("level_not_for_audience", {}))
            options = replace(options, level="province", commune=None)
        units = self._units(filters, options.level)
        table = explore_table(units, filters, options, self.origin)
        return table, [problem_text(p) for p in problems]


def export_links(
    links: Sequence[str], out: Path, db_path: Path | None = None, audience: str = "analyst"
) -> list[Path]:
    """Write one CSV per link into ``out`` (``0001.csv`` ...); messages go to stderr, and each
    file is recorded in the audit log before it is written. The briefing audience reads the
    briefing store and gets provinces only.

    Raises:
        access.AccessDenied: if the access rule refuses ``audience`` the export (nothing read).
        audit.AuditUnavailable: if the audit log cannot be written (checked before anything is
            read; a file whose line cannot be written is not written).
        query.DatabaseMissingError: if the database (or its store) has not been built.
        OSError: if ``out`` cannot be written.
    """
    access.require(audience, "export", "csv")
    audit.check_writable()
    path = db_path or config.get_path("ATLAS_DB_PATH")
    store = access.reads_briefing_store(audience)
    con = query.open_database(briefing_store_path(path) if store else path)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        exporter = Exporter(con, audience)
        for i, link in enumerate(links, start=1):
            table, messages = exporter.table(link)
            for message in messages:
                print(f"link {i} ({link}): {message}", file=sys.stderr)
            target, content = out / f"{i:04d}.csv", table_csv(table)
            audit.record(
                "export", user=audit.os_user(), role=f"cli ({audience})", link=link,
                file=target.name, rows=len(table), sha256=audit.sha256_of(content),
            )  # fmt: skip
            target.write_bytes(content)
            written.append(target)
    finally:
        con.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code (2 when the database is missing, the access rule
    refuses the audience, the audit log cannot be written or a setting is not of its form)."""
    parser = argparse.ArgumentParser(
        prog="python -m query.export",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("links", nargs="+", help="Explore links' query strings")
    parser.add_argument("--out", required=True, help="folder for 0001.csv, 0002.csv, ...")
    parser.add_argument("--audience", choices=access.ROLES, default="analyst",
                        help="briefing: provinces only, from the briefing store")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        paths = export_links(args.links, Path(args.out), audience=args.audience)
    except (access.AccessDenied, query.DatabaseMissingError, config.SettingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except audit.AuditUnavailable as exc:
        print(f"error: {exc}; nothing more was exported", file=sys.stderr)
        return 2
    print(f"wrote {len(paths)} tables to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
