"""Whether what a page shows from a product is made from the facts as they are now, said
plainly when it is not (the page then shows the whole product it has, never a mix of it and
newer facts), and the products' state for the admin page."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

import config
from i18n import t
from publish.stage import is_running
from query.products import Stamp
from ui import data


def when(stamp_time: str) -> str:
    """An ISO time of the stage (UTC) as a reader reads it: ``2026-12-05 18:27 UTC``."""
    if not stamp_time:
        return "?"
    return pd.Timestamp(stamp_time).tz_convert("UTC").strftime("%Y-%m-%d %H:%M UTC")


def is_behind(made: Stamp | None) -> bool:
    """True when ``made`` (the build a product was made from) is not the facts' build now
    (False when either is unknown: a file without build ids, or no database beside the store)."""
    facts = data.facts_stamp()
    return made is not None and facts is not None and made.build_id != facts.build_id


def say_if_behind(made: Stamp | None, lang: str) -> bool:
    """Say, above what a page shows, that its product was made from older facts, when it was,
    and whether the newer ones are being published; returns whether it said so."""
    if not is_behind(made):
        return False
    facts = data.facts_stamp()
    running = is_running(config.get_path("ATLAS_DB_PATH"))
    key = "product_stale" if running else "product_stale_idle"
    st.info(t(key, lang, made=when(made.written_at), loaded=when(facts.written_at)))
    return True


def records_table(records: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The products' records as the admin page lists them."""

    def status(row: pd.Series) -> str:
        if row["status"] == "made":
            return t("product_made", lang)
        return t("product_failed", lang, reason=row["reason"])

    checks = [json.loads(text) for text in records["checks"]]
    return pd.DataFrame({
        t("col_product", lang): records["name"],
        t("col_made_from", lang): records["facts_written_at"].map(when),
        t("col_made_at", lang): records["made_at"].map(when),
        t("col_status", lang): records.apply(status, axis=1),
        t("col_rows", lang): [sum(json.loads(r).values()) for r in records["rows"]],
        t("col_checks", lang): [f"{sum(c['passed'] for c in cs)}/{len(cs)}" for cs in checks],
        t("col_seconds", lang): records["seconds"].map(lambda s: f"{s:.1f}"),
    })  # fmt: skip
