"""Conflate the 2014 boundary polygons with the official 2025 gazetteer.

Province and district come from geometry (largest overlap with the province and district
layers); the district polygon is matched to a gazetteer district by name within its province;
each commune polygon is then matched by name to a gazetteer commune, preferring its own
district, one-to-one across the country. A crosswalk of manual decisions overrides the
automatic result where the data demands it. No polygon is ever dropped.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl.reference.names import direction_of, is_truncated, name_similarity, plain_key, split_stem
from vocabulary import METRIC_CRS

# Provinces split since the 2014 province layer: Tbong Khmum (25) from Kampong Cham (03), 2013.
PROVINCE_SUCCESSORS: dict[str, tuple[str, ...]] = {"03": ("03", "25")}
DISTRICT_MIN_SCORE = 0.6
COMMUNE_MIN_SCORE = 0.72
OTHER_DISTRICT_MIN_SCORE = 0.9
OWN_DISTRICT_BONUS = 0.2
TIE_EPSILON = 0.005
SPLIT_MIN_SCORE = 0.9
# Pairs that cannot reach this score are not candidates at all (nor listed in the report).
CANDIDATE_FLOOR = 0.4
MATCH_COLUMNS = ["source_id", "commune_code", "match_method", "match_score"]
CROSSWALK_PATH = Path(__file__).with_name("crosswalk.csv")
CROSSWALK_COLUMNS = ("source_id", "shape_name", "commune_code", "reason")


class CrosswalkError(ValueError):
    """The crosswalk file is malformed or contradicts the gazetteer or the polygons."""


@dataclass(frozen=True)
class CrosswalkEntry:
    """A manual decision: polygon ``source_id`` is ``commune_code`` (None: matches none)."""

    source_id: str
    shape_name: str
    commune_code: str | None
    reason: str


def assign_by_overlap(
    children: gpd.GeoDataFrame, parents: gpd.GeoDataFrame, parent_key: str
) -> pd.Series:
    """For each child polygon, the ``parent_key`` of the parent it overlaps most (by area).

    Returns a Series indexed like ``children``; a child overlapping no parent gets the parent
    nearest to its representative point, so no child is left without one.

    Raises:
        ValueError: if either frame has no CRS.
    """
    if children.crs is None or parents.crs is None:
        raise ValueError("assign_by_overlap needs both layers to carry a CRS")
    kids = gpd.GeoDataFrame({"_child": children.index}, geometry=children.geometry.values)
    kids = kids.set_crs(children.crs).to_crs(METRIC_CRS)
    mums = gpd.GeoDataFrame(
        {"_parent": parents[parent_key].values}, geometry=parents.geometry.values
    )
    mums = mums.set_crs(parents.crs).to_crs(METRIC_CRS)
    mums["geometry"] = mums.make_valid()
    pieces = gpd.overlay(kids, mums, how="intersection", keep_geom_type=True)
    pieces["_area"] = pieces.area
    best = pieces.sort_values("_area", ascending=False).drop_duplicates("_child")
    result = pd.Series(best["_parent"].values, index=best["_child"].values, dtype=object)
    missing = kids[~kids["_child"].isin(result.index)]
    if len(missing):
        points = gpd.GeoDataFrame(missing[["_child"]], geometry=missing.representative_point())
        near = gpd.sjoin_nearest(points, mums, how="left").drop_duplicates("_child")
        result = pd.concat([result, pd.Series(near["_parent"].values, index=near["_child"].values)])
    return result.reindex(children.index)


def assign_one_to_one(pairs: pd.DataFrame, left: str, right: str, score: str) -> pd.DataFrame:
    """Greedy one-to-one assignment: the best-scoring pair first, each side used once.

    ``pairs`` holds candidate pairs with a ranking column ``score``; the rows kept are returned.
    Ties are broken by the order of ``left`` then ``right`` so the result is deterministic.
    """
    ordered = pairs.sort_values([score, left, right], ascending=[False, True, True])
    used_left: set = set()
    used_right: set = set()
    keep = []
    for idx, lval, rval in zip(ordered.index, ordered[left], ordered[right], strict=True):
        if lval in used_left or rval in used_right:
            continue
        used_left.add(lval)
        used_right.add(rval)
        keep.append(idx)
    return ordered.loc[keep]


def _province_candidates(province_2014: str) -> tuple[str, ...]:
    return PROVINCE_SUCCESSORS.get(province_2014, (province_2014,))


def match_districts(adm2: pd.DataFrame, gaz_districts: pd.DataFrame) -> pd.DataFrame:
    """Match district polygons to gazetteer districts by name within their (successor) provinces.

    ``adm2`` needs ``source_id``, ``shapeName`` and ``province_2014``. Returns one row per
    polygon with ``district_code`` (None when nothing scores ``DISTRICT_MIN_SCORE``) and
    ``district_score``.
    """
    pairs = []
    for row in adm2.itertuples():
        provinces = _province_candidates(row.province_2014)
        pool = gaz_districts[gaz_districts["province_code"].isin(provinces)]
        for gaz in pool.itertuples():
            sim = name_similarity(row.shapeName, gaz.district_name_en)
            pairs.append((row.source_id, gaz.district_code, sim))
    scored = pd.DataFrame(pairs, columns=["source_id", "district_code", "district_score"])
    scored = scored[scored["district_score"] >= DISTRICT_MIN_SCORE]
    chosen = assign_one_to_one(scored, "source_id", "district_code", "district_score")
    out = adm2[["source_id"]].merge(chosen, on="source_id", how="left")
    return out.astype({"district_code": object})


def score_commune_candidates(communes: pd.DataFrame, gaz_communes: pd.DataFrame) -> pd.DataFrame:
    """All plausible (polygon, gazetteer commune) pairs with their scores.

    ``communes`` needs ``source_id``, ``shapeName``, ``geo_district_code`` and
    ``geo_province_code``. Candidates are the gazetteer communes of the polygon's province
    whose name similarity reaches ``CANDIDATE_FLOOR``;
    ``rank_score`` adds ``OWN_DISTRICT_BONUS`` when the candidate lies in the polygon's district.
    """
    frames = []
    for prov, polys in communes.groupby("geo_province_code", sort=True):
        pool = gaz_communes[gaz_communes["province_code"] == prov]
        if pool.empty:
            continue
        cross = polys[["source_id", "shapeName", "geo_district_code"]].merge(
            pool[["commune_code", "commune_name_en", "district_code"]], how="cross"
        )
        cross["match_score"] = [
            name_similarity(a, b, floor=CANDIDATE_FLOOR)
            for a, b in zip(cross["shapeName"], cross["commune_name_en"], strict=True)
        ]
        frames.append(cross[cross["match_score"] > 0])
    if not frames:
        return pd.DataFrame(
            columns=[
                "source_id",
                "commune_code",
                "commune_name_en",
                "match_score",
                "own_district",
            ]
        )
    pairs = pd.concat(frames, ignore_index=True)
    pairs["own_district"] = pairs["district_code"] == pairs["geo_district_code"]
    pairs["rank_score"] = pairs["match_score"] + OWN_DISTRICT_BONUS * pairs["own_district"]
    return pairs


def _method(row: pd.Series) -> str:
    exact = row["match_score"] >= 1.0
    if row["own_district"]:
        return "exact" if exact else "fuzzy"
    return "exact_other_district" if exact else "fuzzy_other_district"


def _eligible(pairs: pd.DataFrame) -> pd.DataFrame:
    own_ok = pairs["own_district"] & (pairs["match_score"] >= COMMUNE_MIN_SCORE)
    other_ok = ~pairs["own_district"] & (pairs["match_score"] >= OTHER_DISTRICT_MIN_SCORE)
    return pairs[own_ok | other_ok]


def find_ties(pairs: pd.DataFrame) -> pd.DataFrame:
    """Polygons whose name cannot choose between candidates, grouped.

    A polygon is tied when two or more eligible candidates share its best ``rank_score``
    (truncated names such as ``"Damnak Kantuot Khan*"``), or when it shares its name and best
    candidate with another polygon of its district. Returns ``source_id, group, candidates``
    (the sorted tuple of tied commune codes); ``group`` numbers the polygons that compete for
    the same candidates.
    """
    best = pairs.groupby("source_id")["rank_score"].transform("max")
    top = pairs[pairs["rank_score"] >= best - TIE_EPSILON]
    cands = top.groupby("source_id")["commune_code"].agg(lambda s: tuple(sorted(s)))
    meta = top.drop_duplicates("source_id").set_index("source_id")
    frame = pd.DataFrame(
        {
            "candidates": cands,
            "district": meta["geo_district_code"],
            "name": meta["shapeName"],
        }
    )
    frame["group_size"] = frame.groupby(["district", "name", "candidates"])["candidates"].transform(
        "size"
    )
    tied = frame[(frame["candidates"].map(len) > 1) | (frame["group_size"] > 1)].copy()
    tied["group"] = tied.groupby(["district", "name", "candidates"]).ngroup()
    return tied.reset_index()[["source_id", "group", "candidates"]]


def resolve_by_direction(polygons: pd.DataFrame, candidates: pd.DataFrame) -> dict[str, str] | None:
    """Assign tied polygons to candidates named by compass side (``Khang Cheung`` = north).

    ``polygons`` has ``source_id, x, y`` (metric centroid); ``candidates`` has
    ``commune_code, commune_name_en``. Chooses the assignment whose polygons lie furthest in
    their names' directions from the group's centre. Returns None when some candidate names
    no direction or there are fewer candidates than polygons.
    """
    directions = [direction_of(n) for n in candidates["commune_name_en"]]
    if any(d is None for d in directions) or len(candidates) < len(polygons):
        return None
    dx = (polygons["x"] - polygons["x"].mean()).tolist()
    dy = (polygons["y"] - polygons["y"].mean()).tolist()
    codes = candidates["commune_code"].tolist()
    best_score, best_perm = float("-inf"), None
    for perm in permutations(range(len(codes)), len(polygons)):
        score = sum(dx[i] * directions[j][0] + dy[i] * directions[j][1] for i, j in enumerate(perm))
        if score > best_score:
            best_score, best_perm = score, perm
    return {sid: codes[j] for sid, j in zip(polygons["source_id"], best_perm, strict=True)}


def _resolve_ties(eligible: pd.DataFrame, communes: pd.DataFrame) -> tuple[pd.DataFrame, set[str]]:
    """Direction-resolved pairs, and the polygons left ambiguous (never guessed)."""
    ties = find_ties(eligible)
    resolved, ambiguous = [], set()
    for _, group in ties.groupby("group"):
        codes = sorted(set().union(*group["candidates"]))
        polys = communes[communes["source_id"].isin(group["source_id"])]
        cands = eligible[eligible["commune_code"].isin(codes)].drop_duplicates("commune_code")
        assignment = resolve_by_direction(polys, cands)
        if assignment is None:
            ambiguous.update(group["source_id"])
            continue
        for sid, code in assignment.items():
            resolved.append(
                eligible[(eligible["source_id"] == sid) & (eligible["commune_code"] == code)]
            )
    columns = eligible.columns
    chosen = pd.concat(resolved) if resolved else pd.DataFrame(columns=columns)
    return chosen.assign(match_method="direction"), ambiguous


def find_split_parents(communes: pd.DataFrame, gaz_communes: pd.DataFrame) -> dict[str, list[str]]:
    """Polygons of communes split after 2014, with the codes of their successors.

    A polygon named ``"Chaom Chau"`` whose province now has ``"Chaom Chau Ti Muoy"``, ``"... Ti
    Pir"`` and ``"... Ti Bei"`` and no plain ``"Chaom Chau"`` stands for all of them: it is kept
    without a code, never given one successor's. Returns ``{source_id: [successor codes]}``.
    """
    gaz = gaz_communes.assign(stem=gaz_communes["commune_name_en"].map(split_stem))
    stems = gaz.dropna(subset=["stem"])
    plain_names = set(zip(gaz["province_code"], gaz["commune_name_en"].map(plain_key), strict=True))
    parents: dict[str, list[str]] = {}
    for row in communes.itertuples():
        name = row.shapeName
        if is_truncated(name) or (row.geo_province_code, plain_key(name)) in plain_names:
            continue
        pool = stems[stems["province_code"] == row.geo_province_code]
        if pool.empty:
            continue
        close = [name_similarity(name, stem) >= SPLIT_MIN_SCORE for stem in pool["stem"]]
        hits = pool[pd.Series(close, index=pool.index, dtype=bool)]
        best = hits.groupby("stem")["commune_code"].agg(sorted)
        best = best[best.map(len) >= 2]
        if len(best) == 1:
            parents[row.source_id] = best.iloc[0]
    return parents


def _codeless_rows(source_ids: list[str], method: str) -> pd.DataFrame:
    rows = {"source_id": source_ids, "commune_code": None, "match_method": method}
    return pd.DataFrame({**rows, "match_score": None}, columns=MATCH_COLUMNS)


def match_communes(
    communes: pd.DataFrame, gaz_communes: pd.DataFrame, crosswalk: list[CrosswalkEntry]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match every commune polygon to at most one gazetteer commune, one-to-one.

    ``communes`` needs ``source_id, shapeName, geo_district_code, geo_province_code`` and the
    metric centroid ``x, y``. Order of decisions: the crosswalk; ties between candidates named
    by compass side, resolved by position; then the best-scoring pairs first. Polygons whose
    name cannot decide between candidates are left unmatched as ``ambiguous``; polygons of
    communes split after 2014 as ``split_after_2014``, with their ``successor_codes``.

    Returns ``(matches, candidates)``: ``matches`` has one row per polygon with
    ``commune_code`` (None if unmatched), ``match_method`` and ``match_score``; ``candidates``
    holds the scored pairs, for the match report.

    Raises:
        CrosswalkError: if the crosswalk names an unknown polygon or commune code, or gives
            one commune code to two polygons.
    """
    _check_crosswalk(crosswalk, communes, gaz_communes)
    pairs = score_commune_candidates(communes, gaz_communes)
    manual = {e.source_id for e in crosswalk}
    manual_codes = {e.commune_code for e in crosswalk if e.commune_code}
    splits = find_split_parents(communes[~communes["source_id"].isin(manual)], gaz_communes)
    excluded = manual | set(splits)
    auto = _eligible(
        pairs[~pairs["source_id"].isin(excluded) & ~pairs["commune_code"].isin(manual_codes)]
    )
    by_direction, ambiguous = _resolve_ties(auto, communes)
    taken_ids = set(by_direction["source_id"]) | ambiguous
    rest = auto[
        ~auto["source_id"].isin(taken_ids)
        & ~auto["commune_code"].isin(by_direction["commune_code"])
    ]
    greedy = assign_one_to_one(rest, "source_id", "commune_code", "rank_score")
    greedy = greedy.assign(match_method=greedy.apply(_method, axis=1) if len(greedy) else [])
    manual_rows = pd.DataFrame(
        [
            {
                "source_id": e.source_id,
                "commune_code": e.commune_code,
                "match_method": "manual" if e.commune_code else "manual_unmatched",
                "match_score": None,
            }
            for e in crosswalk
        ],
        columns=MATCH_COLUMNS,
    )
    decided = pd.concat(
        [
            by_direction[MATCH_COLUMNS],
            greedy[MATCH_COLUMNS],
            manual_rows,
            _codeless_rows(sorted(ambiguous), "ambiguous"),
            _codeless_rows(list(splits), "split_after_2014"),
        ],
        ignore_index=True,
    )
    matches = communes[["source_id"]].merge(decided, on="source_id", how="left")
    matches["match_method"] = matches["match_method"].fillna("unmatched")
    matches = matches.astype({"commune_code": object, "match_score": float})
    matches["successor_codes"] = matches["source_id"].map(splits)
    return matches, pairs


def load_crosswalk(path: Path = CROSSWALK_PATH) -> list[CrosswalkEntry]:
    """Read the crosswalk of manual decisions (CSV: source_id, shape_name, commune_code, reason).

    Raises:
        CrosswalkError: if a column is missing, or a line has no source_id or no reason; the
            message names the file and the line.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        found = tuple(reader.fieldnames or ())
        if found != CROSSWALK_COLUMNS:
            raise CrosswalkError(f"{path}: expected columns {CROSSWALK_COLUMNS}, found {found}")
        entries = []
        for line_no, row in enumerate(reader, start=2):
            if not row["source_id"].strip() or not row["reason"].strip():
                raise CrosswalkError(f"{path}, line {line_no}: source_id and reason are required")
            code = row["commune_code"].strip() or None
            entries.append(
                CrosswalkEntry(row["source_id"].strip(), row["shape_name"], code, row["reason"])
            )
    return entries


def _check_crosswalk(
    crosswalk: list[CrosswalkEntry], communes: pd.DataFrame, gaz_communes: pd.DataFrame
) -> None:
    known_ids = set(communes["source_id"])
    known_codes = set(gaz_communes["commune_code"])
    seen: dict[str, str] = {}
    for entry in crosswalk:
        if entry.source_id not in known_ids:
            raise CrosswalkError(f"crosswalk: polygon {entry.source_id} is not in the boundaries")
        if entry.commune_code is None:
            continue
        if entry.commune_code not in known_codes:
            raise CrosswalkError(
                f"crosswalk: commune code {entry.commune_code} is not in the gazetteer"
            )
        if entry.commune_code in seen:
            raise CrosswalkError(
                f"crosswalk: commune code {entry.commune_code} given to both "
                f"{seen[entry.commune_code]} and {entry.source_id}"
            )
        seen[entry.commune_code] = entry.source_id
