"""Build the commune, district and province tables from the reference boundaries.

Province and district of each commune polygon come from geometry, its official code from
``etl.conflate``; districts and provinces are then dissolved from the communes, so the three
levels nest exactly (Tbong Khmum, split from Kampong Cham in 2013, included).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import shapely

import config
from etl.reference import conflate, gazetteer, sources
from etl.reference.simplify import simplify_coverage
from vocabulary import CRS, METRIC_CRS

DISTRICT_NAME_COLUMNS = ["district_code", "district_name_en", "district_name_km"]
PROVINCE_NAME_COLUMNS = ["province_code", "province_name_en", "province_name_km"]


@dataclass
class BoundaryTables:
    """The tables a boundary build produces, before they are written."""

    communes: gpd.GeoDataFrame
    districts: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    gazetteer_communes: pd.DataFrame
    candidates: pd.DataFrame


def assign_districts(
    layers: dict[str, gpd.GeoDataFrame], gaz_districts: pd.DataFrame
) -> pd.DataFrame:
    """Province and district of every commune polygon, from geometry.

    Returns ``source_id, shapeName, adm2_source_id, geo_district_code, geo_province_code, x, y``
    (``x, y``: a point inside the polygon, in metres, EPSG:32648).
    """
    adm2 = layers["districts"].rename(columns={"shapeID": "source_id"})
    adm2["province_2014"] = conflate.assign_by_overlap(adm2, layers["provinces"], "PROV_CODE")
    adm2 = adm2.merge(conflate.match_districts(adm2, gaz_districts), on="source_id")
    adm2["geo_province_code"] = adm2["district_code"].str[:2].fillna(adm2["province_2014"])
    communes = layers["communes"].rename(columns={"shapeID": "source_id"})
    communes["adm2_source_id"] = conflate.assign_by_overlap(communes, adm2, "source_id")
    located = communes.merge(
        adm2[["source_id", "district_code", "geo_province_code"]].rename(
            columns={"source_id": "adm2_source_id", "district_code": "geo_district_code"}
        ),
        on="adm2_source_id",
        how="left",
    )
    inside = located.geometry.to_crs(METRIC_CRS).representative_point()
    located["x"], located["y"] = inside.x, inside.y
    return pd.DataFrame(located.drop(columns="geometry"))


def build_boundary_tables(
    layers: dict[str, gpd.GeoDataFrame],
    gazetteer: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
    crosswalk: list[conflate.CrosswalkEntry],
    tolerance: float,
    precision: int,
) -> BoundaryTables:
    """Conflate the layers with the gazetteer and derive every boundary table.

    Raises:
        conflate.CrosswalkError: if the crosswalk contradicts the polygons or the gazetteer.
    """
    _, gaz_districts, gaz_communes = gazetteer
    located = assign_districts(layers, gaz_districts)
    matches, candidates = conflate.match_communes(located, gaz_communes, crosswalk)
    frame = located.merge(matches, on="source_id")
    official = gaz_communes.set_index("commune_code")
    frame["commune_name_en"] = frame["commune_code"].map(official["commune_name_en"])
    frame["commune_name_en"] = frame["commune_name_en"].fillna(frame["shapeName"])
    frame["commune_name_km"] = frame["commune_code"].map(official["commune_name_km"])
    frame["district_code"] = frame["commune_code"].map(official["district_code"])
    frame["district_code"] = frame["district_code"].fillna(frame["geo_district_code"])
    frame = frame.merge(gaz_districts, on="district_code", how="left")
    communes = gpd.GeoDataFrame(
        frame.rename(columns={"shapeName": "source_name"}),
        geometry=layers["communes"].set_index("shapeID").geometry.loc[frame["source_id"]].values,
        crs=CRS,
    )
    communes["area_km2"] = (communes.geometry.to_crs(METRIC_CRS).area / 1e6).round(3)
    communes["geom_display"] = simplify_coverage(communes.geometry, tolerance, precision).values
    communes = communes.sort_values(["province_code", "district_code", "commune_code", "source_id"])
    districts = _dissolve(communes, DISTRICT_NAME_COLUMNS + PROVINCE_NAME_COLUMNS, "district_code")
    provinces = _dissolve(communes, PROVINCE_NAME_COLUMNS, "province_code")
    return BoundaryTables(
        communes=communes.reset_index(drop=True),
        districts=districts,
        provinces=provinces,
        gazetteer_communes=_gazetteer_coverage(gaz_communes, matches),
        candidates=candidates,
    )


def _dissolve(communes: gpd.GeoDataFrame, columns: list[str], key: str) -> gpd.GeoDataFrame:
    """Union the communes' full and display geometries per ``key``; adds ``n_communes``."""
    groups = communes.groupby(key, sort=True)
    attrs = groups[[c for c in columns if c != key]].first()
    attrs["n_communes"] = groups.size()
    full = groups.geometry.apply(lambda g: g.union_all())
    display = groups["geom_display"].apply(lambda g: gpd.GeoSeries(g).union_all())
    out = gpd.GeoDataFrame(attrs, geometry=full.values, crs=communes.crs)
    out["geom_display"] = gpd.GeoSeries(display.values, index=out.index, crs=communes.crs)
    return out.reset_index()


def _gazetteer_coverage(gaz_communes: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Every official commune with the polygon that covers it and how.

    ``relation`` is ``matched`` (its own polygon), ``split_successor`` (part of the polygon of
    the commune it was split from) or ``no_polygon``.
    """
    own = matches.dropna(subset=["commune_code"])[["commune_code", "source_id"]]
    own = own.assign(relation="matched")
    split = matches.dropna(subset=["successor_codes"])[["source_id", "successor_codes"]]
    split = split.explode("successor_codes").rename(columns={"successor_codes": "commune_code"})
    split = split.assign(relation="split_successor")
    links = pd.concat([own, split], ignore_index=True).drop_duplicates("commune_code")
    out = gaz_communes.merge(links, on="commune_code", how="left")
    out["relation"] = out["relation"].fillna("no_polygon")
    return out.sort_values("commune_code").reset_index(drop=True)


def read_and_conflate(
    reference_dir: Path,
) -> tuple[dict[str, Path], dict[str, gpd.GeoDataFrame], BoundaryTables]:
    """Read and check the three layers, then conflate them into the boundary tables.

    Returns the layers' paths, the layers, and the tables.

    Raises:
        sources.BoundaryFileError: if a layer is missing (and cannot be downloaded) or invalid.
        conflate.CrosswalkError: if the crosswalk is malformed or contradicts the data.
    """
    download_dir = config.get_path("ATLAS_DOWNLOAD_DIR")
    located = {
        s.layer: sources.read_located(s, reference_dir, download_dir) for s in sources.SOURCES
    }
    paths = {layer: path for layer, (path, _) in located.items()}
    layers = {layer: frame for layer, (_, frame) in located.items()}
    tables = build_boundary_tables(
        layers,
        gazetteer.load_gazetteer(),
        conflate.load_crosswalk(),
        config.get_float("ATLAS_SIMPLIFY_TOLERANCE"),
        config.get_int("ATLAS_COORD_PRECISION"),
    )
    return paths, layers, tables


def communes_with_geometry() -> gpd.GeoDataFrame:
    """Commune polygons with codes and names: from the built database, else from the sources.

    Raises:
        sources.BoundaryFileError: if the database is missing and a boundary file is too.
    """
    db = config.get_path("ATLAS_DB_PATH")
    if db.is_file():
        with duckdb.connect(str(db), read_only=True) as con:
            frame = con.execute(
                "SELECT * EXCLUDE (geom, geom_display), ST_AsWKB(geom) AS wkb FROM communes"
            ).df()
        geometry = shapely.from_wkb(frame.pop("wkb").map(bytes).to_numpy())
        return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)
    _, _, tables = read_and_conflate(config.get_path("ATLAS_REFERENCE_DIR"))
    return tables.communes
