"""Reference boundary files: found, downloaded, or refused with a message naming them."""

from __future__ import annotations

import shutil
import urllib.error
from pathlib import Path

import pytest

from etl.reference import sources


def test_real_layers_pass_their_checks(layers) -> None:
    assert {k: len(v) for k, v in layers.items()} == {
        "communes": 1633,
        "districts": 197,
        "provinces": 24,
    }
    assert all(layer.crs.to_epsg() == 4326 for layer in layers.values())


def test_missing_file_without_network_names_file_and_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(url: str, target: Path) -> None:
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(sources, "_download", offline)
    with pytest.raises(sources.BoundaryFileError) as caught:
        sources.locate(sources.COMMUNES, tmp_path / "ref", tmp_path / "cache")
    message = str(caught.value)
    assert "boundaries/khm_adm3_communes.geojson is missing" in message
    assert sources.COMMUNES.upstream_url in message
    assert "1633 polygon features" in message
    assert "ATLAS_REFERENCE_DIR and ATLAS_DOWNLOAD_DIR" in message and str(tmp_path) not in message


def test_missing_file_is_downloaded_then_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference_dir: Path
) -> None:
    upstream = reference_dir / sources.DISTRICTS.relative_path
    fetched = []

    def fake_download(url: str, target: Path) -> None:
        fetched.append(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(upstream, target)

    monkeypatch.setattr(sources, "_download", fake_download)
    path = sources.locate(sources.DISTRICTS, tmp_path / "ref", tmp_path / "cache")
    assert fetched == [sources.DISTRICTS.upstream_url]
    assert path == tmp_path / "cache" / sources.DISTRICTS.relative_path
    assert len(sources.read_boundaries(sources.DISTRICTS, path)) == 197


def test_a_bad_download_is_deleted_so_the_next_build_fetches_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_download(url: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")

    monkeypatch.setattr(sources, "_download", fake_download)
    with pytest.raises(sources.BoundaryFileError, match="found 0 features"):
        sources.read_located(sources.PROVINCES, tmp_path / "ref", tmp_path / "cache")
    assert not (tmp_path / "cache" / sources.PROVINCES.relative_path).exists()


def test_truncated_file_is_refused(tmp_path: Path, reference_dir: Path) -> None:
    original = (reference_dir / sources.DISTRICTS.relative_path).read_bytes()
    broken = tmp_path / "khm_adm2_districts.geojson"
    broken.write_bytes(original[: len(original) // 2])
    with pytest.raises(sources.BoundaryFileError, match=r"khm_adm2_districts\.geojson: cannot"):
        sources.read_boundaries(sources.DISTRICTS, broken)


def test_wrong_schema_is_refused_with_what_was_expected(
    tmp_path: Path, reference_dir: Path
) -> None:
    # The district layer offered as the commune layer: wrong count.
    wrong = tmp_path / "communes.geojson"
    shutil.copy(reference_dir / sources.DISTRICTS.relative_path, wrong)
    with pytest.raises(sources.BoundaryFileError) as caught:
        sources.read_boundaries(sources.COMMUNES, wrong)
    assert "found 197 features" in str(caught.value)
    assert "Expected 1633 polygon features with properties shapeName, shapeID" in str(caught.value)
    # The province layer offered as the district layer: wrong properties too.
    with pytest.raises(sources.BoundaryFileError, match="missing properties shapeName, shapeID"):
        sources.read_boundaries(sources.DISTRICTS, reference_dir / sources.PROVINCES.relative_path)
