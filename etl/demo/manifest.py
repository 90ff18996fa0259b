"""The demo set as the build uses it: parameters from the settings, files written only when
needed, and the planted parameters kept in the database."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd

import config
from etl.demo.generator import KINDS, MANIFEST, DemoParameterError, DemoParameters, write_demo


def demo_parameters_from_settings() -> DemoParameters:
    """Demo parameters with the configured seed, size and pilot effect.

    Raises:
        DemoParameterError: if a setting is not a number or out of range; the message names it.
    """
    try:
        return DemoParameters(
            seed=config.get_int("ATLAS_DEMO_SEED"),
            incidents=config.get_int("ATLAS_DEMO_INCIDENTS"),
            pilot_effect=config.get_float("ATLAS_DEMO_PILOT_EFFECT"),
            mix_spread=config.get_float("ATLAS_DEMO_MIX_SPREAD"),
        )
    except DemoParameterError as exc:
        raise DemoParameterError(f"settings ATLAS_DEMO_*: {exc}") from None
    except ValueError as exc:  # config names the setting
        raise DemoParameterError(str(exc)) from None


def ensure_demo(communes: gpd.GeoDataFrame, folder: Path, params: DemoParameters) -> dict:
    """The demo manifest in ``folder``, writing the files first unless they are all there and
    were made with ``params``.

    Raises:
        OSError: if the folder cannot be written.
    """
    manifest_path = folder / MANIFEST
    complete = all((folder / kind).is_dir() for kind in KINDS)
    if manifest_path.is_file() and complete:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("parameters") == json.loads(json.dumps(asdict(params))):
            return manifest
    return write_demo(communes, folder, params)


def store_demo_manifest(con: duckdb.DuckDBPyConnection, manifest: dict) -> None:
    """Keep the demo's planted parameters in the database (table ``demo_parameters``)."""
    rows = [(key, json.dumps(value)) for key, value in manifest.items()]
    con.register("_manifest", pd.DataFrame(rows, columns=["key", "value"]))
    con.execute(
        "CREATE OR REPLACE TABLE demo_parameters AS SELECT key, value::JSON AS value FROM _manifest"
    )
    con.unregister("_manifest")
