"""The NCDD Commune Database 2011: families per commune, to share a province's key-population
estimate among its communes (the denominators of the Explore page's rates).

The file is messy on purpose of history (see the reference README): CR line endings, a few
bytes that are not UTF-8, codes without leading zeros, 2011 codes of which some changed since.
Rows are matched to the 2014 commune polygons by code, then, for codes that changed, by name
within the 2011 province (Kampong Cham's rows may match Tbong Khmum, split from it in 2013).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from etl.reference.conflate import assign_one_to_one
from etl.reference.names import name_similarity

NCDD_FILE = Path("covariates") / "ncdd_commune_database_2011.csv"
NCDD_COLUMNS = ("NCDD_CodeP", "NCDD_CodeC", "Commune", "TT_Family")
NAME_FLOOR = 0.85
CODE_NAME_FLOOR = 0.7  # a code match must also agree on the name (some codes were reused)
# 2011 province → provinces its communes are in now.
PROVINCE_SUCCESSORS = {"03": ("03", "25")}


class CovariateFileError(ValueError):
    """The covariate file is not a readable table or lacks a column the atlas needs."""


def read_ncdd(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of the NCDD file as ``row_number, ncdd_code, province_2011, name, families``, and
    the rows that could not be read, with ``row_number`` and ``reason``.

    Lines may end in CR, LF or both; bytes that are not UTF-8 are read as cp1252.

    Raises:
        FileNotFoundError: if the file does not exist.
        CovariateFileError: if the file is not a readable CSV table, or a needed column is
            missing (the message names the file and the columns expected and found).
    """
    lines = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    text = "\n".join(_decode(line) for line in lines)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError):
        raise CovariateFileError(
            f"{path.name}: not a readable CSV table (empty, or rows with a wrong number of "
            f"fields); expected columns {list(NCDD_COLUMNS)}"
        ) from None
    missing = [c for c in NCDD_COLUMNS if c not in frame.columns]
    if missing:
        raise CovariateFileError(
            f"{path.name}: missing columns {missing}; expected {list(NCDD_COLUMNS)}, "
            f"found {list(frame.columns)}"
        )
    frame["row_number"] = range(1, len(frame) + 1)
    code = frame["NCDD_CodeC"].str.strip()
    families = pd.to_numeric(frame["TT_Family"].str.strip(), errors="coerce")
    problems = pd.Series("", index=frame.index)
    problems[~code.str.fullmatch(r"\d{5,6}")] = "NCDD_CodeC is not a 5- or 6-digit commune code"
    problems[(problems == "") & ~(families >= 0)] = "TT_Family is not a number of families ≥ 0"
    good = problems == ""
    rows = pd.DataFrame({
        "row_number": frame["row_number"], "ncdd_code": code.str.zfill(6),
        "province_2011": code.str.zfill(6).str[:2], "name": frame["Commune"].str.strip(),
        "families": families,
    })[good].reset_index(drop=True)  # fmt: skip
    bad = pd.DataFrame({"row_number": frame["row_number"][~good], "reason": problems[~good]})
    return rows.astype({"families": "int64"}), bad.reset_index(drop=True)


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def match_ncdd(rows: pd.DataFrame, communes: pd.DataFrame) -> pd.DataFrame:
    """``polygon_id, province_code, families, ncdd_code, method`` for each polygon matched.

    ``communes`` has ``source_id``, ``source_name``, ``commune_code`` and ``province_code``.
    Matching is one-to-one: by code first (when the names agree too: some 2011 codes now name
    another commune), then by name among what is left in the same (2011) province; a name
    that does not decide (below ``NAME_FLOOR``, or tied with another) is left unmatched.
    """
    coded = communes.dropna(subset=["commune_code"])
    by_code = rows.merge(coded, left_on="ncdd_code", right_on="commune_code")
    agree = [name_similarity(a, b) >= CODE_NAME_FLOOR
             for a, b in zip(by_code["name"], by_code["source_name"], strict=True)]  # fmt: skip
    by_code = by_code[agree].drop_duplicates("ncdd_code").drop_duplicates("source_id")
    by_code = by_code.assign(method="code")
    rest = rows[~rows["ncdd_code"].isin(by_code["ncdd_code"])]
    free = communes[~communes["source_id"].isin(by_code["source_id"])]
    pairs = []
    for row in rest.itertuples(index=False):
        provinces = PROVINCE_SUCCESSORS.get(row.province_2011, (row.province_2011,))
        for cand in free[free["province_code"].isin(provinces)].itertuples(index=False):
            score = name_similarity(row.name, cand.source_name, NAME_FLOOR)
            if score >= NAME_FLOOR:
                pairs.append((row.ncdd_code, cand.source_id, score))
    scored = _without_ties(pd.DataFrame(pairs, columns=["ncdd_code", "source_id", "score"]))
    by_name = assign_one_to_one(scored, "ncdd_code", "source_id", "score")
    by_name = (
        by_name.merge(rows, on="ncdd_code")
        .merge(communes[["source_id", "province_code"]], on="source_id")
        .assign(method="name")
    )
    columns = ["source_id", "province_code", "families", "ncdd_code", "method"]
    matched = pd.concat([by_code[columns], by_name[columns]], ignore_index=True)
    return matched.rename(columns={"source_id": "polygon_id"})


def _without_ties(scored: pd.DataFrame) -> pd.DataFrame:
    """Drop the rows and polygons whose best name score is shared by two candidates."""
    for side in ("ncdd_code", "source_id"):
        best = scored.groupby(side)["score"].transform("max")
        tied = scored[scored["score"] == best].groupby(side).size()
        scored = scored[~scored[side].isin(tied[tied > 1].index)]
    return scored


def families_table(
    reference_dir: Path, communes: pd.DataFrame, report_dir: Path
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The ``commune_families`` table and its build_info entries, as codes with values that the
    pages put in words (``ncdd_status``: "read" or "missing"; ``ncdd_counts``: JSON of the rows
    read, matched by code and by name, unmatched and unreadable); an empty table when the NCDD
    file is not in ``reference_dir`` (the rates are then not offered). Rows read but not
    matched, or not readable, are listed in ``report_dir/ncdd_match_report.csv``.

    Raises:
        CovariateFileError: if the file is unreadable or lacks a needed column.
        OSError: if the report cannot be written.
    """
    path = reference_dir / NCDD_FILE
    if not path.is_file():
        empty = pd.DataFrame({"polygon_id": pd.Series(dtype=str),
                              "province_code": pd.Series(dtype=str),
                              "families": pd.Series(dtype="int64"),
                              "ncdd_code": pd.Series(dtype=str),
                              "method": pd.Series(dtype=str)})  # fmt: skip
        return empty, {"ncdd_status": "missing"}
    rows, bad = read_ncdd(path)
    matched = match_ncdd(rows, communes)
    unmatched = rows[~rows["ncdd_code"].isin(matched["ncdd_code"])].assign(
        reason="no 2014 polygon matches this code and name"
    )
    report_dir.mkdir(parents=True, exist_ok=True)
    pd.concat([unmatched[["row_number", "ncdd_code", "name", "reason"]], bad]).sort_values(
        "row_number"
    ).to_csv(report_dir / "ncdd_match_report.csv", index=False)
    counts = {"read": len(rows) + len(bad), "matched": len(matched),
              "by_code": int((matched["method"] == "code").sum()),
              "by_name": int((matched["method"] == "name").sum()),
              "unmatched": len(unmatched), "unreadable": len(bad)}  # fmt: skip
    return matched, {"ncdd_file": path.name, "ncdd_status": "read",
                     "ncdd_counts": json.dumps(counts)}  # fmt: skip
