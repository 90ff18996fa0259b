"""The reference boundary files: where they are, what they must hold, and how to get them.

Files are read from the reference-data folder (``ATLAS_REFERENCE_DIR``). A missing file is
downloaded from its upstream address into ``ATLAS_DOWNLOAD_DIR`` when a network is there, and
every file, local or downloaded, is checked by feature count, properties and geometry type
before it is used.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
import warnings
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

import config
from vocabulary import CRS

GEOBOUNDARIES = "https://github.com/wmgeolab/geoBoundaries/raw/main/releaseData/gbOpen/KHM"


class BoundaryFileError(RuntimeError):
    """A boundary file is missing, unreadable or not what the atlas expects."""


@dataclass(frozen=True)
class BoundarySource:
    """One reference layer: its file, its upstream copy and what it must contain."""

    layer: str
    relative_path: str
    upstream_url: str
    feature_count: int
    properties: tuple[str, ...]
    id_property: str

    def describe(self) -> str:
        """What a valid file holds, for error messages."""
        return f"{self.feature_count} polygon features with properties {', '.join(self.properties)}"


COMMUNES = BoundarySource(
    "communes",
    "boundaries/khm_adm3_communes.geojson",
    f"{GEOBOUNDARIES}/ADM3/geoBoundaries-KHM-ADM3_simplified.geojson",
    1633,
    ("shapeName", "shapeID"),
    "shapeID",
)
DISTRICTS = BoundarySource(
    "districts",
    "boundaries/khm_adm2_districts.geojson",
    f"{GEOBOUNDARIES}/ADM2/geoBoundaries-KHM-ADM2_simplified.geojson",
    197,
    ("shapeName", "shapeID"),
    "shapeID",
)
PROVINCES = BoundarySource(
    "provinces",
    "boundaries/khm_adm1_provinces_2014.topojson",
    "https://raw.githubusercontent.com/OpenDevelopmentMekong/data/master/kh/project_data/admin/kh_provinces.topojson",
    24,
    ("PROV_CODE", "PROV_NAME"),
    "PROV_CODE",
)
SOURCES = (COMMUNES, DISTRICTS, PROVINCES)


def locate(source: BoundarySource, reference_dir: Path, download_dir: Path) -> Path:
    """Return the path of a boundary file, downloading the upstream copy if it is missing.

    Raises:
        BoundaryFileError: if the file is in neither folder and cannot be downloaded; the
            message names the file, the settings of the folders looked in and the download's
            error (never a path of the server).
    """
    for folder in (reference_dir, download_dir):
        candidate = folder / source.relative_path
        if candidate.is_file():
            return candidate
    target = download_dir / source.relative_path
    try:
        _download(source.upstream_url, target)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise BoundaryFileError(
            f"{source.relative_path} is missing from the folders ATLAS_REFERENCE_DIR and "
            f"ATLAS_DOWNLOAD_DIR name, and the download from {source.upstream_url} failed "
            f"({_why(exc)}). Expected {source.describe()}; set ATLAS_REFERENCE_DIR to a folder "
            "that holds it."
        ) from exc
    return target


def _why(exc: BaseException) -> str:
    """A download's failure in words without the paths an ``OSError`` carries."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        return _why(reason) if isinstance(reason, BaseException) else str(reason)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def _download(url: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    timeout = config.get_float("ATLAS_DOWNLOAD_TIMEOUT")
    with urllib.request.urlopen(url, timeout=timeout) as response, partial.open("wb") as out:
        shutil.copyfileobj(response, out)
    partial.replace(target)


def read_boundaries(source: BoundarySource, path: Path) -> gpd.GeoDataFrame:
    """Read and check one boundary file; the result is in EPSG:4326.

    Raises:
        BoundaryFileError: if the file cannot be parsed (truncated, not GeoJSON/TopoJSON), has
            another feature count, lacks a property, holds non-polygon or empty geometries, or
            repeats a feature ID. The message names the file and what was expected.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        said = str(exc).replace(str(path), source.relative_path)  # no path of the server
        raise BoundaryFileError(
            f"{source.relative_path}: cannot be read as a {source.layer} layer ({said}); "
            f"expected {source.describe()}. Is the file truncated?"
        ) from exc
    problems = _schema_problems(source, frame)
    if problems:
        raise BoundaryFileError(
            f"{source.relative_path}: {'; '.join(problems)}. Expected {source.describe()}."
        )
    if frame.crs is None:  # the TopoJSON province layer carries no CRS: it is WGS84
        frame = frame.set_crs(CRS)
    return frame.to_crs(CRS)


def _schema_problems(source: BoundarySource, frame: gpd.GeoDataFrame) -> list[str]:
    problems = []
    if len(frame) != source.feature_count:
        problems.append(f"found {len(frame)} features")
    missing = [p for p in source.properties if p not in frame.columns]
    if missing:
        problems.append(
            f"missing properties {', '.join(missing)} (found {', '.join(frame.columns)})"
        )
    if len(frame) and not frame.geom_type.isin(["Polygon", "MultiPolygon"]).all():
        problems.append("found geometries other than polygons, or empty ones")
    if source.id_property in frame.columns and frame[source.id_property].duplicated().any():
        problems.append(f"{source.id_property} repeats")
    return problems


def load_reference_layers(
    reference_dir: Path | None = None, download_dir: Path | None = None
) -> dict[str, gpd.GeoDataFrame]:
    """Locate, read and check the commune, district and province layers.

    Returns ``{"communes": ..., "districts": ..., "provinces": ...}``.

    Raises:
        BoundaryFileError: if any layer is missing and cannot be downloaded, or is invalid.
    """
    reference_dir = reference_dir or config.get_path("ATLAS_REFERENCE_DIR")
    download_dir = download_dir or config.get_path("ATLAS_DOWNLOAD_DIR")
    return {s.layer: read_located(s, reference_dir, download_dir)[1] for s in SOURCES}


def read_located(
    source: BoundarySource, reference_dir: Path, download_dir: Path
) -> tuple[Path, gpd.GeoDataFrame]:
    """Locate (or download) and read one layer; returns its path and its features.

    A downloaded copy that fails its checks is deleted, so the next build fetches it again.

    Raises:
        BoundaryFileError: see ``locate`` and ``read_boundaries``.
    """
    path = locate(source, reference_dir, download_dir)
    try:
        return path, read_boundaries(source, path)
    except BoundaryFileError:
        if path.is_relative_to(download_dir):
            path.unlink(missing_ok=True)
        raise
