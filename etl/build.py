"""The build: reference boundaries in, one DuckDB file out."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd
from tqdm import tqdm

import config
from etl import demo, partners, reference
from etl.database import LOCK_WAIT_SECONDS, atomic_database, database_lock, write_tables
from etl.partners import LoadResult
from etl.reference import BoundaryTables
from etl.schema import COMMUNE_COLUMNS, SYNTHETIC_FLAG
from vocabulary import SYNTHETIC_LABEL


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


def _commune_table(tables: BoundaryTables) -> pd.DataFrame:
    return pd.DataFrame(tables.communes.rename(columns={"geometry": "geom"}))[COMMUNE_COLUMNS]


def _build_info(
    layer_paths: dict[str, Path], data_label: str, synthetic: bool, extra: dict[str, str]
) -> pd.DataFrame:
    info = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "partner_data": data_label,
        # The pages decide from this flag, never from the label's words.
        SYNTHETIC_FLAG: "true" if synthetic else "false",
        "gazetteer": reference.GAZETTEER_SOURCE,
        "simplify_tolerance_deg": config.get("ATLAS_SIMPLIFY_TOLERANCE"),
        "coordinate_precision": config.get("ATLAS_COORD_PRECISION"),
    }
    for layer, path in layer_paths.items():
        info[f"{layer}_file"] = path.name
        info[f"{layer}_sha256"] = partners.file_sha256(path)
    info.update(extra)
    return pd.DataFrame({"key": list(info), "value": list(info.values())})


def _partner_source(
    partner_dir: Path | None, demo_dir: Path | None, communes: gpd.GeoDataFrame
) -> tuple[Path, dict | None]:
    """The folder of partner files to load, and the demo manifest when it is the demo set."""
    if partner_dir is None and config.get("ATLAS_PARTNER_DIR"):
        partner_dir = config.get_path("ATLAS_PARTNER_DIR")
    if partner_dir is not None:
        return partner_dir, None
    folder = demo_dir or config.get_path("ATLAS_DEMO_DIR")
    return folder, demo.ensure_demo(communes, folder, demo.demo_parameters_from_settings())


def _write_database(
    db_path: Path,
    tables: BoundaryTables,
    provinces_2014: gpd.GeoDataFrame,
    paths: dict[str, Path],
    folder: Path,
    manifest: dict | None,
    families: tuple[pd.DataFrame, dict[str, str]],
) -> list[LoadResult]:
    """Write the boundary tables and load the partner files into a new database file that
    replaces ``db_path`` only when complete."""
    label = SYNTHETIC_LABEL if manifest else f"partner files from {folder}"
    with atomic_database(db_path) as con:
        write_tables(
            con,
            {
                "communes": _commune_table(tables),
                "districts": pd.DataFrame(tables.districts.rename(columns={"geometry": "geom"})),
                "provinces": pd.DataFrame(tables.provinces.rename(columns={"geometry": "geom"})),
                "gazetteer_communes": tables.gazetteer_communes,
                "commune_pieces": reference.commune_pieces(tables.communes),
                "commune_neighbours": reference.commune_neighbours(tables.communes),
                "commune_families": families[0],
                "build_info": _build_info(paths, label, manifest is not None, families[1]),
            },
        )
        reference.create_place_tables(con, provinces_2014)
        partners.prepare(con)
        loads = partners.load_files(con, partners.partner_files(folder), demo=bool(manifest))
        if manifest:
            demo.store_demo_manifest(con, manifest)
    return loads


def build(
    db_path: Path | None = None,
    reference_dir: Path | None = None,
    report_dir: Path | None = None,
    partner_dir: Path | None = None,
    progress: bool = False,
    demo_dir: Path | None = None,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> BuildResult:
    """Build the atlas database: boundaries, then partner files (or the synthetic demo set).

    ``partner_dir`` defaults to ``ATLAS_PARTNER_DIR``; when that is empty, the demo set in
    ``demo_dir`` (default ``ATLAS_DEMO_DIR``) is (re)generated if needed and loaded through the
    same ingestion. The database's write lock is held throughout: a build or ingest already
    running is waited for (up to ``lock_wait`` seconds).

    Raises:
        reference.BoundaryFileError: if a boundary file is missing (and cannot be downloaded),
            truncated or of the wrong schema; the previous database is left as it was.
        reference.CrosswalkError: if the crosswalk is malformed or contradicts the data.
        reference.CovariateFileError: if the NCDD file lacks a needed column or is unreadable.
        demo.DemoParameterError: if a demo setting is out of range.
        database.DatabaseBusy: if another writer holds the database for over ``lock_wait`` s.
    """
    started = time.perf_counter()
    db_path = db_path or config.get_path("ATLAS_DB_PATH")
    reference_dir = reference_dir or config.get_path("ATLAS_REFERENCE_DIR")
    with (
        database_lock(db_path, lock_wait),
        tqdm(total=4, desc="build", unit="step", disable=not progress) as stages,
    ):
        stages.set_postfix_str("boundaries: read and conflate with the gazetteer")
        paths, layers, tables = reference.read_and_conflate(reference_dir)
        stages.update()
        stages.set_postfix_str("partner data: locate (or write the demo set)")
        folder, manifest = _partner_source(partner_dir, demo_dir, tables.communes)
        stages.update()
        stages.set_postfix_str("write the new database and ingest")
        reports = report_dir or config.get_path("ATLAS_REPORT_DIR")
        families = reference.families_table(reference_dir, tables.communes, reports)
        loads = _write_database(
            db_path, tables, layers["provinces"], paths, folder, manifest, families
        )
        stages.update()
        stages.set_postfix_str("match report")
        report_path = reference.write_report(
            tables.communes, tables.candidates, tables.gazetteer_communes, reports
        )
        stages.update()
    return BuildResult(
        db_path=db_path,
        report_path=report_path,
        seconds=time.perf_counter() - started,
        communes=len(tables.communes),
        coded=int(tables.communes["commune_code"].notna().sum()),
        loads=loads,
        synthetic=manifest is not None,
    )
