"""Loading partner (or demo) files into an open atlas database, with progress and a summary."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
from tqdm import tqdm

import config
from etl import demo
from etl.aggregates import build_aggregates
from etl.contract import CONTRACTS
from etl.database import load_spatial
from etl.ingest import LoadResult, create_tables, ingest_file, log_rejection
from etl.readers import FileRejected
from etl.sqlparts import PLACE_KEY_MACRO

SUFFIXES = (".csv", ".xlsx", ".xlsm")


def partner_files(folder: Path) -> list[tuple[str, Path]]:
    """``(kind, path)`` for every CSV/XLSX file in ``folder/<kind>/``, in a stable order."""
    found = []
    for kind in CONTRACTS:
        sub = folder / kind
        if sub.is_dir():
            found += [(kind, p) for p in sorted(sub.iterdir()) if p.suffix.lower() in SUFFIXES]
    return found


def demo_parameters_from_settings() -> demo.DemoParameters:
    """Demo parameters with the configured seed and size."""
    return demo.DemoParameters(
        seed=config.get_int("ATLAS_DEMO_SEED"), incidents=config.get_int("ATLAS_DEMO_INCIDENTS")
    )


def ensure_demo(communes: gpd.GeoDataFrame, folder: Path, params: demo.DemoParameters) -> dict:
    """The demo manifest in ``folder``, writing the files first unless they are all there and
    were made with ``params``."""
    manifest_path = folder / demo.MANIFEST
    complete = all((folder / kind).is_dir() for kind in CONTRACTS)
    if manifest_path.is_file() and complete:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("parameters") == json.loads(json.dumps(demo.asdict(params))):
            return manifest
    return demo.write_demo(communes, folder, params)


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Load the spatial extension, the name-key macro, and create the partner tables."""
    load_spatial(con)
    con.execute(PLACE_KEY_MACRO)
    create_tables(con)


def load_files(
    con: duckdb.DuckDBPyConnection,
    files: Iterable[tuple[str, Path]],
    today: date | None = None,
    progress: bool = False,
) -> list[LoadResult]:
    """Ingest each file; a rejected file is logged and reported, the others still load.

    The aggregate tables are rebuilt once at the end.
    """
    files = list(files)
    results = []
    bar = tqdm(files, desc="ingest", unit="file", disable=not progress)
    for kind, path in bar:
        bar.set_postfix_str(f"{kind}/{path.name}")
        try:
            results.append(ingest_file(con, kind, path, today))
        except FileRejected as exc:
            log_rejection(con, kind, path, str(exc))
            results.append(LoadResult(path.name, kind, "rejected", message=str(exc)))
    if progress:
        print("aggregating ...", flush=True)
    build_aggregates(con)
    return results


def store_demo_manifest(con: duckdb.DuckDBPyConnection, manifest: dict) -> None:
    """Keep the demo's planted parameters in the database (table ``demo_parameters``)."""
    rows = [(key, json.dumps(value)) for key, value in manifest.items()]
    con.register("_manifest", pd.DataFrame(rows, columns=["key", "value"]))
    con.execute(
        "CREATE OR REPLACE TABLE demo_parameters AS SELECT key, value::JSON AS value FROM _manifest"
    )
    con.unregister("_manifest")


def summarise(results: list[LoadResult]) -> str:
    """One line per file: status and counts (read = loaded + quarantined)."""
    lines = []
    for r in results:
        if r.status == "rejected":
            lines.append(f"  REJECTED {r.kind}/{r.file_name}: {r.message}")
        elif r.status == "unchanged":
            lines.append(f"  unchanged {r.kind}/{r.file_name} (same content already loaded)")
        else:
            lines.append(
                f"  {r.status} {r.kind}/{r.file_name}: {r.rows_read} read = "
                f"{r.rows_loaded} loaded + {r.rows_quarantined} quarantined"
            )
    return "\n".join(lines)
