"""The build: reference boundaries in, one DuckDB file out."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

import config
from etl import conflate, gazetteer, partners, report, sources
from etl.boundaries import BoundaryTables, build_boundary_tables
from etl.database import atomic_database, write_tables
from etl.ingest import LoadResult
from etl.places import create_place_tables

COMMUNE_COLUMNS = [
    "commune_code",
    "commune_name_en",
    "commune_name_km",
    "district_code",
    "district_name_en",
    "district_name_km",
    "province_code",
    "province_name_en",
    "province_name_km",
    "source_id",
    "source_name",
    "match_method",
    "match_score",
    "successor_codes",
    "area_km2",
    "geom",
    "geom_display",
]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and how long it took."""

    db_path: Path
    report_path: Path
    seconds: float
    communes: int
    coded: int
    loads: list[LoadResult] = field(default_factory=list)
    synthetic: bool = False


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _commune_table(tables: BoundaryTables) -> pd.DataFrame:
    communes = tables.communes
    communes["area_km2"] = (communes.geometry.to_crs(conflate.METRIC_CRS).area / 1e6).round(3)
    return pd.DataFrame(communes.rename(columns={"geometry": "geom"}))[COMMUNE_COLUMNS]


def _build_info(
    layer_paths: dict[str, Path], tolerance: float, precision: int, data_label: str
) -> pd.DataFrame:
    info = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "partner_data": data_label,
        "gazetteer": gazetteer.SOURCE,
        "simplify_tolerance_deg": str(tolerance),
        "coordinate_precision": str(precision),
    }
    for layer, path in layer_paths.items():
        info[f"{layer}_file"] = path.name
        info[f"{layer}_sha256"] = _sha256(path)
    return pd.DataFrame({"key": list(info), "value": list(info.values())})


def build(
    db_path: Path | None = None,
    reference_dir: Path | None = None,
    report_dir: Path | None = None,
    partner_dir: Path | None = None,
    progress: bool = False,
    demo_dir: Path | None = None,
) -> BuildResult:
    """Build the atlas database: boundaries, then partner files (or the synthetic demo set).

    ``partner_dir`` defaults to ``ATLAS_PARTNER_DIR``; when that is empty, the demo set in
    ``demo_dir`` (default ``ATLAS_DEMO_DIR``) is (re)generated if needed and loaded through the
    same ingestion.

    Raises:
        sources.BoundaryFileError: if a boundary file is missing (and cannot be downloaded),
            truncated or of the wrong schema; the previous database is left as it was.
        conflate.CrosswalkError: if the crosswalk is malformed or contradicts the data.
    """
    started = time.perf_counter()
    db_path = db_path or config.get_path("ATLAS_DB_PATH")
    reference_dir = reference_dir or config.get_path("ATLAS_REFERENCE_DIR")
    report_dir = report_dir or config.get_path("ATLAS_REPORT_DIR")
    download_dir = config.get_path("ATLAS_DOWNLOAD_DIR")
    tolerance = config.get_float("ATLAS_SIMPLIFY_TOLERANCE")
    precision = config.get_int("ATLAS_COORD_PRECISION")
    located = {
        s.layer: sources.read_located(s, reference_dir, download_dir) for s in sources.SOURCES
    }
    paths = {layer: path for layer, (path, _) in located.items()}
    layers = {layer: frame for layer, (_, frame) in located.items()}
    tables = build_boundary_tables(
        layers, gazetteer.load_gazetteer(), conflate.load_crosswalk(), tolerance, precision
    )
    communes = _commune_table(tables)
    if partner_dir is None and config.get("ATLAS_PARTNER_DIR"):
        partner_dir = config.get_path("ATLAS_PARTNER_DIR")
    manifest = None
    if partner_dir is None:
        partner_dir = demo_dir or config.get_path("ATLAS_DEMO_DIR")
        params = partners.demo_parameters_from_settings()
        manifest = partners.ensure_demo(tables.communes, partner_dir, params)
    label = "synthetic demonstration data" if manifest else f"partner files from {partner_dir}"
    with atomic_database(db_path) as con:
        write_tables(
            con,
            {
                "communes": communes,
                "districts": pd.DataFrame(tables.districts.rename(columns={"geometry": "geom"})),
                "provinces": pd.DataFrame(tables.provinces.rename(columns={"geometry": "geom"})),
                "gazetteer_communes": tables.gazetteer_communes,
                "build_info": _build_info(paths, tolerance, precision, label),
            },
        )
        create_place_tables(con, layers["provinces"])
        partners.prepare(con)
        loads = partners.load_files(con, partners.partner_files(partner_dir), progress=progress)
        if manifest:
            partners.store_demo_manifest(con, manifest)
    report_path = report.write_report(
        tables.communes, tables.candidates, tables.gazetteer_communes, report_dir
    )
    return BuildResult(
        db_path=db_path,
        report_path=report_path,
        seconds=time.perf_counter() - started,
        communes=len(communes),
        coded=int(communes["commune_code"].notna().sum()),
        loads=loads,
        synthetic=manifest is not None,
    )
