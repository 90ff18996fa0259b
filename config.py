"""Every setting of the atlas in one place.

Each setting is declared once as (name, default, help). An environment variable of the same
name overrides the default; the README lists them all (a test checks that it does).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Setting:
    """One configurable value: its environment variable, default and meaning."""

    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "ATLAS_REFERENCE_DIR",
        str(PROJECT_ROOT.parent / "shared" / "data"),
        "Folder holding the reference data (boundaries/, covariates/). Missing boundary files "
        "are downloaded from their upstream address into ATLAS_DOWNLOAD_DIR when online.",
    ),
    Setting(
        "ATLAS_DOWNLOAD_DIR",
        str(PROJECT_ROOT / "data" / "cache"),
        "Where downloaded upstream copies of missing reference files are kept.",
    ),
    Setting(
        "ATLAS_DB_PATH",
        str(PROJECT_ROOT / "data" / "atlas.duckdb"),
        "The DuckDB file the ETL writes and the dashboard reads.",
    ),
    Setting(
        "ATLAS_REPORT_DIR",
        str(PROJECT_ROOT / "data" / "reports"),
        "Where build reports (the commune match report) are written.",
    ),
    Setting(
        "ATLAS_PARTNER_DIR",
        "",
        "Folder of partner files, one subfolder per kind (incidents/, services/, "
        "service_activity/, partnership/, academies/, kp_estimates/), CSV or XLSX. Empty: the "
        "build loads the synthetic demo set instead.",
    ),
    Setting(
        "ATLAS_XLSX_MAX_SHEET_MB",
        "200",
        "Largest uncompressed size, in MB, of any XML part of a partner workbook (a sheet, the "
        "shared strings), read from the zip directory before the workbook is opened: a larger "
        "one (a zip bomb expands a few KB into GB) is refused.",
    ),
    Setting(
        "ATLAS_XLSX_MAX_ROWS",
        "500000",
        "Most rows the data sheet of a partner workbook may have; reading stops and the file "
        "is refused at the next one (its declared dimension is never trusted).",
    ),
    Setting(
        "ATLAS_XLSX_MAX_COLUMNS",
        "200",
        "Most columns a partner workbook may fill: a value beyond this column refuses the file "
        "(empty cells beyond it are ignored).",
    ),
    Setting(
        "ATLAS_XLSX_MAX_SECONDS",
        "120",
        "Seconds the reading of one partner workbook may take before the file is refused "
        "(the write lock is then released as for any rejected file).",
    ),
    Setting(
        "ATLAS_DEMO_DIR",
        str(PROJECT_ROOT / "data" / "demo"),
        "Where the synthetic demo files are written (and read by the build when no partner "
        "folder is set).",
    ),
    Setting("ATLAS_DEMO_SEED", "2010", "Seed of the synthetic demo set (same seed, same files)."),
    Setting("ATLAS_DEMO_INCIDENTS", "20000", "Number of synthetic demo incidents."),
    Setting(
        "ATLAS_DEMO_PILOT_EFFECT",
        "0.40",
        "Fraction by which arrests and confiscations fall in the demo's pilot communes after the "
        "partnership starts there (0 plants no effect).",
    ),
    Setting(
        "ATLAS_SECRET_FILE",
        str(PROJECT_ROOT / "data" / "secret" / "record_keys.secret"),
        "File holding the secret from which every incident's record key is derived (created "
        "with 32 random bytes, mode 0600, when first needed; never stored in the database).",
    ),
    Setting(
        "ATLAS_SUPPRESSION_THRESHOLD",
        "5",
        "Counts below this are never shown; they appear as '<N'.",
    ),
    Setting(
        "ATLAS_SIMPLIFY_TOLERANCE",
        "0.002",
        "Tolerance in degrees for the coverage simplification of the display geometry.",
    ),
    Setting(
        "ATLAS_COORD_PRECISION",
        "4",
        "Decimals kept in display coordinates (4 is about 11 m).",
    ),
    Setting(
        "ATLAS_TILES",
        "auto",
        "Basemap tiles: 'auto' (use OpenStreetMap tiles when the tile server answers, a plain "
        "background otherwise), 'off', or a tile URL template.",
    ),
    Setting(
        "ATLAS_DOWNLOAD_TIMEOUT",
        "20",
        "Seconds to wait for the download of a missing reference file.",
    ),
    Setting(
        "ATLAS_ROLES_FILE",
        str(PROJECT_ROOT / "data" / "roles.toml"),
        "TOML file mapping users (emails) and groups to a role: analyst, briefing or admin. "
        "Missing: every visitor gets ATLAS_ANONYMOUS_ROLE. Not committed.",
    ),
    Setting(
        "ATLAS_ANONYMOUS_ROLE",
        "auto",
        "Role of a visitor with no identity, or one the roles file does not know: 'auto' "
        "(analyst while the database holds only the synthetic demo, briefing otherwise), "
        "'analyst' or 'briefing'.",
    ),
    Setting(
        "ATLAS_AUDIT_LOG",
        str(PROJECT_ROOT / "data" / "audit.jsonl"),
        "Append-only audit log (JSON Lines): one line per download, export, upload and ingest. "
        "Its own file: a rebuild replaces only the database.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """Return the value of a setting: the environment variable if set, else the default.

    Raises:
        KeyError: if ``name`` is not a declared setting.
    """
    setting = _BY_NAME[name]
    return os.environ.get(name, setting.default)


def get_path(name: str) -> Path:
    """Return a setting as a ``Path``.

    Raises:
        KeyError: if ``name`` is not a declared setting.
    """
    return Path(get(name)).expanduser()


def _typed(name: str, cast: type, kind: str):
    raw = get(name)
    try:
        return cast(raw)
    except ValueError:
        raise ValueError(f"setting {name} must be {kind}, got {raw!r}") from None


def get_int(name: str) -> int:
    """Return a setting as an integer.

    Raises:
        KeyError: if ``name`` is not a declared setting.
        ValueError: if the value is not an integer; the message names the setting.
    """
    return _typed(name, int, "an integer")


def get_float(name: str) -> float:
    """Return a setting as a float.

    Raises:
        KeyError: if ``name`` is not a declared setting.
        ValueError: if the value is not a number; the message names the setting.
    """
    return _typed(name, float, "a number")
