"""Shared fixtures: the real reference boundaries and atlas databases built from them, each
published (``publish.stage``: its products file and briefing store beside it), as
``python -m etl build`` leaves them."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import config  # noqa: E402
from etl import build, reference  # noqa: E402
from publish.stage import publish  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def record_key_secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The record-key secret of the test session, in a temporary folder (tests never write
    into data/); processes the tests start inherit it."""
    path = tmp_path_factory.mktemp("secret") / "record_keys.secret"
    os.environ["ATLAS_SECRET_FILE"] = str(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def _audit_and_roles_outside_the_checkout(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """Tests (and the servers and commands they start) never write the checkout's audit log
    nor read a roles file left in ``data/``; a test that needs either sets its own."""
    folder = tmp_path_factory.mktemp("audience")
    wanted = {"ATLAS_AUDIT_LOG": folder / "audit.jsonl", "ATLAS_ROLES_FILE": folder / "none.toml"}
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update({name: str(path) for name, path in wanted.items()})
    yield
    for name, value in before.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The reference-data folder; the integration tests need it and say so if it is missing."""
    path = config.get_path("ATLAS_REFERENCE_DIR")
    if not (path / reference.COMMUNES.relative_path).is_file():
        pytest.fail(f"reference boundaries not found in {path}: set ATLAS_REFERENCE_DIR")
    return path


@pytest.fixture(scope="session")
def layers(reference_dir: Path) -> dict[str, gpd.GeoDataFrame]:
    """The three real boundary layers, read and checked."""
    return reference.load_reference_layers(reference_dir, reference_dir)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory, reference_dir: Path) -> Path:
    """An atlas database built once from the real boundaries and the default synthetic demo
    set (written beside it), in a temporary folder, and published."""
    folder = tmp_path_factory.mktemp("atlas")
    result = build.build(
        db_path=folder / "atlas.duckdb",
        reference_dir=reference_dir,
        report_dir=folder / "reports",
        demo_dir=folder / "demo",
    )
    publish(result.db_path)
    return result.db_path


@pytest.fixture()
def atlas_env(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the settings at the test database (for the pages)."""
    monkeypatch.setenv("ATLAS_DB_PATH", str(built_db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    return built_db


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny atlas made in code (``tests/tiny_atlas.py``): five communes, counts known
    (facts only: ``publish`` it where a test needs its products)."""
    from tests.tiny_atlas import build_tiny_atlas

    return build_tiny_atlas(tmp_path_factory.mktemp("tiny") / "tiny.duckdb")


def write_partner_incidents(folder: Path) -> Path:
    """A partner's incidents file (not the demo): 30 arrests in three communes in 2014, and one
    row of an unknown type (quarantined)."""
    path = folder / "incidents" / "outreach_2014.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["incident_id,date,commune_code,incident_type,population,actor,source"]
    for i in range(30):
        code = ("120203", "230101", "010201")[i % 3]
        lines.append(f"P-{i:03d},2014-{i % 12 + 1:02d}-15,{code},arrest_detention,fsw,police,NGO A")
    lines.append("P-999,2014-05-15,120203,not_a_type,fsw,police,NGO A")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def partner_db(tmp_path_factory: pytest.TempPathFactory, reference_dir: Path) -> Path:
    """An atlas built from the real boundaries and partner files made here, and published: no
    synthetic demo, so a visitor with no identity gets the briefing role."""
    folder = tmp_path_factory.mktemp("partner_atlas")
    write_partner_incidents(folder / "partners")
    result = build.build(
        db_path=folder / "atlas.duckdb", reference_dir=reference_dir,
        report_dir=folder / "reports", partner_dir=folder / "partners",
    )  # fmt: skip
    publish(result.db_path)
    return result.db_path


@pytest.fixture()
def refused_access(monkeypatch: pytest.MonkeyPatch) -> set[tuple[str, str | None]]:
    """The (action, resource) pairs the access rule refuses every role in this test: add to
    the set to refuse them (``access.allowed`` is replaced for the test; what the set does not
    name, the rule decides). Shows that a page, a button or a command asks the rule."""
    import access

    rule = access.allowed
    refused: set[tuple[str, str | None]] = set()

    def allowed(role: str, action: str, resource: str | None = None) -> bool:
        return (action, resource) not in refused and rule(role, action, resource)

    monkeypatch.setattr(access, "allowed", allowed)
    return refused


def published_copy(db: Path, folder: Path) -> Path:
    """A copy of the published database ``db`` in ``folder``: the facts, the products file
    and the briefing store; returns the copy of the facts."""
    from etl.schema import briefing_store_path, products_path

    for source in (db, briefing_store_path(db), products_path(db)):
        shutil.copy(source, folder / source.name)
    return folder / db.name


@pytest.fixture()
def stale_env(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test database with newer facts than its products (an ingest that loaded nothing,
    not published yet), the settings pointing at it (for the pages)."""
    from etl.database import atomic_update

    db = published_copy(built_db, tmp_path)
    with atomic_update(db):
        pass
    monkeypatch.setenv("ATLAS_DB_PATH", str(db))
    monkeypatch.setenv("ATLAS_TILES", "off")
    return db
