"""The commune match report: every polygon not matched exactly, with its best candidates."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

REPORT_CSV = "commune_match_report.csv"
REPORT_MD = "commune_match_report.md"
CANDIDATES_SHOWN = 3


def best_candidates(candidates: pd.DataFrame, source_ids: pd.Series) -> pd.Series:
    """For each polygon, its best candidates as text: ``code name [district] score; ...``."""
    pool = candidates[candidates["source_id"].isin(set(source_ids))]
    pool = pool.sort_values(["source_id", "rank_score"], ascending=[True, False])
    top = pool.groupby("source_id").head(CANDIDATES_SHOWN)
    text = (
        top["commune_code"]
        + " "
        + top["commune_name_en"]
        + " ["
        + top["district_code"]
        + "] "
        + top["match_score"].map("{:.2f}".format)
    )
    return text.groupby(top["source_id"]).agg("; ".join).reindex(source_ids).fillna("")


def match_report(communes: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    """Rows for every polygon whose match is not ``exact``, sorted by method then place."""
    columns = [
        "source_id",
        "source_name",
        "province_code",
        "district_code",
        "district_name_en",
        "match_method",
        "commune_code",
        "commune_name_en",
        "match_score",
        "successor_codes",
    ]
    rows = pd.DataFrame(communes.loc[communes["match_method"] != "exact", columns])
    rows["successor_codes"] = rows["successor_codes"].map(
        lambda codes: " ".join(codes) if isinstance(codes, list) else ""
    )
    rows["best_candidates"] = best_candidates(candidates, rows["source_id"]).values
    return rows.sort_values(["match_method", "province_code", "district_code", "source_name"])


def write_report(
    communes: pd.DataFrame,
    candidates: pd.DataFrame,
    gazetteer_communes: pd.DataFrame,
    report_dir: Path,
) -> Path:
    """Write the CSV report and a Markdown summary into ``report_dir``; return the CSV path.

    Raises:
        OSError: if the folder cannot be written.
    """
    report_dir.mkdir(parents=True, exist_ok=True)
    rows = match_report(communes, candidates)
    csv_path = report_dir / REPORT_CSV
    rows.to_csv(csv_path, index=False)
    coded = communes["commune_code"].notna().sum()
    methods = communes["match_method"].value_counts().sort_index()
    lonely = gazetteer_communes[gazetteer_communes["relation"] == "no_polygon"]
    lines = [
        "# Commune match report",
        "",
        f"{len(communes)} polygons; {coded} carry an official commune code "
        f"({coded / len(communes):.1%}).",
        "",
        "| match_method | polygons |",
        "| --- | --- |",
        *[f"| {m} | {n} |" for m, n in methods.items()],
        "",
        f"Every polygon not matched exactly is listed in `{REPORT_CSV}` with its best candidates.",
        "",
        f"## Official communes with no polygon ({len(lonely)})",
        "",
        *[
            f"- {r.commune_code} {r.commune_name_en} ({r.district_name_en}, {r.province_name_en})"
            for r in lonely.itertuples()
        ],
        "",
    ]
    (report_dir / REPORT_MD).write_text("\n".join(lines), encoding="utf-8")
    return csv_path
