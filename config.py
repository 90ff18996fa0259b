"""Every setting of the atlas in one place.

Each setting is declared once as (name, default, help, form). An environment variable of the
same name overrides the default; the README lists them all (a test checks that it does). The
form says what a value must be (an integer of 3 or more, one of a few choices, a path):
``value`` checks it and a bad value raises ``SettingError`` naming the setting, the form
expected and the value found, never a path of the server; ``problems`` lists every bad setting
(the dashboard checks them all before it draws anything).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent


class SettingError(ValueError):
    """A setting's value is not of the form it must have (the message names the setting, the
    form expected and the value found; never a path of the server)."""


@dataclass(frozen=True)
class Form:
    """What a setting's value must be: ``expected`` in words (for messages and the README), and
    ``parse`` turning the text into the value or raising ``ValueError``."""

    expected: str

    def parse(self, raw: str) -> object:
        """The value of ``raw``.

        Raises:
            ValueError: if ``raw`` is not of this form.
        """
        return raw


@dataclass(frozen=True)
class PathForm(Form):
    """A path to a file or folder (whether it exists is checked where it is used)."""

    expected: str = "a path to a file or folder"
    allow_empty: bool = False

    def parse(self, raw: str) -> object:
        """As ``Form.parse`` (raises ``ValueError`` for a value not of this form)."""
        if "\x00" in raw or (not raw.strip() and not self.allow_empty):
            raise ValueError(self.expected)
        return raw


@dataclass(frozen=True)
class IntegerForm(Form):
    """A whole number from ``minimum`` (to ``maximum``, when given)."""

    expected: str = ""
    minimum: int = 0
    maximum: int | None = None

    def parse(self, raw: str) -> object:
        """As ``Form.parse`` (raises ``ValueError`` for a value not of this form)."""
        whole = int(raw.strip())
        if whole < self.minimum or (self.maximum is not None and whole > self.maximum):
            raise ValueError(self.expected)
        return whole


@dataclass(frozen=True)
class NumberForm(Form):
    """A finite number from ``minimum`` (above it when ``above``), to ``maximum`` when given."""

    expected: str = ""
    minimum: float = 0.0
    maximum: float | None = None
    above: bool = False

    def parse(self, raw: str) -> object:
        """As ``Form.parse`` (raises ``ValueError`` for a value not of this form)."""
        found = float(raw.strip())
        low = found > self.minimum if self.above else found >= self.minimum
        high = self.maximum is None or found <= self.maximum
        if not (math.isfinite(found) and low and high):
            raise ValueError(self.expected)
        return found


@dataclass(frozen=True)
class ChoiceForm(Form):
    """One of ``choices`` (any case, spaces around ignored)."""

    expected: str = ""
    choices: tuple[str, ...] = ()

    def parse(self, raw: str) -> object:
        """As ``Form.parse`` (raises ``ValueError`` for a value not of this form)."""
        value = raw.strip().lower()
        if value not in self.choices:
            raise ValueError(self.expected)
        return value


@dataclass(frozen=True)
class TilesForm(Form):
    """``auto``, ``off``, or a tile URL template."""

    expected: str = "auto, off, or a tile URL template (http:// or https://, with {z}, {x}, {y})"

    def parse(self, raw: str) -> object:
        """As ``Form.parse`` (raises ``ValueError`` for a value not of this form)."""
        value = raw.strip()
        if value.lower() in ("auto", "off"):
            return value.lower()
        parts = ("{z}", "{x}", "{y}")
        if not value.startswith(("http://", "https://")) or not all(p in value for p in parts):
            raise ValueError(self.expected)
        return value


def integer(minimum: int, maximum: int | None = None) -> IntegerForm:
    """An integer form: "an integer of 2 or more", "an integer from 0 to 15"."""
    words = f"from {minimum} to {maximum}" if maximum is not None else f"of {minimum} or more"
    return IntegerForm(f"an integer {words}", minimum, maximum)


def number(minimum: float, maximum: float | None = None, above: bool = False) -> NumberForm:
    """A number form: "a number from 0 to 1", "a number above 0", "a number of 0 or more"."""
    if above:
        words = f"above {minimum:g}"
    elif maximum is not None:
        words = f"from {minimum:g} to {maximum:g}"
    else:
        words = f"of {minimum:g} or more"
    return NumberForm(f"a number {words}", minimum, maximum, above)


PATH = PathForm()
#: What ATLAS_ANONYMOUS_ROLE may be (``ui.roles.ANONYMOUS_CHOICES``: never admin).
ANONYMOUS_CHOICES = ("auto", "analyst", "briefing")


@dataclass(frozen=True)
class Setting:
    """One configurable value: its environment variable, default, meaning and the form its
    value must have."""

    name: str
    default: str
    help: str
    form: Form = PATH


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
        PathForm("a path to a folder, or nothing", allow_empty=True),
    ),
    Setting(
        "ATLAS_XLSX_MAX_SHEET_MB",
        "200",
        "Largest uncompressed size, in MB, of any XML part of a partner workbook (a sheet, the "
        "shared strings), read from the zip directory before the workbook is opened: a larger "
        "one (a zip bomb expands a few KB into GB) is refused.",
        number(0, above=True),
    ),
    Setting(
        "ATLAS_XLSX_MAX_STRINGS_MB",
        "50",
        "Largest uncompressed size, in MB, of a partner workbook's shared strings (the text of "
        "its cells, which openpyxl holds whole in memory from the moment it opens the file).",
        number(0, above=True),
    ),
    Setting(
        "ATLAS_XLSX_MAX_PART_MB",
        "5",
        "Largest uncompressed size, in MB, of any other XML part of a partner workbook (styles, "
        "theme, drawings...: openpyxl parses some of them whole when it opens the file).",
        number(0, above=True),
    ),
    Setting(
        "ATLAS_XLSX_MAX_RATIO",
        "100",
        "Most times a part of a partner workbook larger than 4 MB may expand from its size in "
        "the file: a part past it is a zip bomb (sheets of real data expand 5 to 30 times).",
        number(1),
    ),
    Setting(
        "ATLAS_XLSX_MAX_ROWS",
        "500000",
        "Most rows the data sheet of a partner workbook may have; reading stops and the file "
        "is refused at the next one (its declared dimension is never trusted).",
        integer(1),
    ),
    Setting(
        "ATLAS_XLSX_MAX_COLUMNS",
        "200",
        "Most columns a partner workbook may fill: a value beyond this column refuses the file "
        "(empty cells beyond it are ignored).",
        integer(1),
    ),
    Setting(
        "ATLAS_XLSX_MAX_CELLS",
        "10000000",
        "Most cells the data sheet of a partner workbook may write, filled or holding only a "
        "format (each one costs its reading); past it the file is refused.",
        integer(1),
    ),
    Setting(
        "ATLAS_XLSX_MAX_SECONDS",
        "120",
        "Seconds the reading of one partner workbook may take before the file is refused "
        "(the write lock is then released as for any rejected file).",
        number(0, above=True),
    ),
    Setting(
        "ATLAS_DEMO_DIR",
        str(PROJECT_ROOT / "data" / "demo"),
        "Where the synthetic demo files are written (and read by the build when no partner "
        "folder is set).",
    ),
    Setting(
        "ATLAS_DEMO_SEED",
        "2010",
        "Seed of the synthetic demo set (same seed, same files).",
        integer(0),
    ),
    Setting("ATLAS_DEMO_INCIDENTS", "20000", "Number of synthetic demo incidents.", integer(0)),
    Setting(
        "ATLAS_DEMO_PILOT_EFFECT",
        "0.40",
        "Fraction by which arrests and confiscations fall in the demo's pilot communes after the "
        "partnership starts there (0 plants no effect).",
        number(0, 1),
    ),
    Setting(
        "ATLAS_DEMO_MIX_SPREAD",
        "0",
        "How far each province's and district's mix of incident types strays from the national "
        "one in the demo (0: the national mix everywhere; 1: each type's weight in each "
        "province and district times a random factor of mean 1 and variance 1).",
        number(0),
    ),
    Setting(
        "ATLAS_SECRET_FILE",
        str(PROJECT_ROOT / "data" / "secret" / "record_keys.secret"),
        "File holding the secret from which every incident's record key and the audit log's "
        "chain key are derived (created with 32 random bytes, mode 0600, when first needed; "
        "never stored in the database nor in the log).",
    ),
    Setting(
        "ATLAS_SUPPRESSION_THRESHOLD",
        "5",
        "Counts below this are never shown; they appear as '<N'; counts of N or more are "
        "rounded to a multiple of N.",
        integer(3),  # query.cellkey.MIN_THRESHOLD: with 2, a whole read 2 below its part pins
    ),
    Setting(
        "ATLAS_SIMPLIFY_TOLERANCE",
        "0.002",
        "Tolerance in degrees for the coverage simplification of the display geometry.",
        number(0, 1),
    ),
    Setting(
        "ATLAS_COORD_PRECISION",
        "4",
        "Decimals kept in display coordinates (4 is about 11 m).",
        integer(0, 15),
    ),
    Setting(
        "ATLAS_TILES",
        "auto",
        "Basemap tiles: 'auto' (use OpenStreetMap tiles when the tile server answers, a plain "
        "background otherwise), 'off', or a tile URL template.",
        TilesForm(),
    ),
    Setting(
        "ATLAS_DOWNLOAD_TIMEOUT",
        "20",
        "Seconds to wait for the download of a missing reference file.",
        number(0, above=True),
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
        ChoiceForm("one of " + ", ".join(ANONYMOUS_CHOICES), ANONYMOUS_CHOICES),
    ),
    Setting(
        "ATLAS_AUDIT_LOG",
        str(PROJECT_ROOT / "data" / "audit.jsonl"),
        "Append-only, hash-chained audit log (JSON Lines): one line per download, export, "
        "upload and ingest, written before the action. Its own file: a rebuild replaces only "
        "the database.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}
#: At most this many characters of a bad value are quoted back in a message.
_QUOTED = 40


def get(name: str) -> str:
    """Return the value of a setting as text: the environment variable if set, else the default
    (not checked: ``value`` checks it).

    Raises:
        KeyError: if ``name`` is not a declared setting.
    """
    setting = _BY_NAME[name]
    return os.environ.get(name, setting.default)


def expected(name: str) -> str:
    """The form a setting's value must have, in words ("an integer of 3 or more").

    Raises:
        KeyError: if ``name`` is not a declared setting.
    """
    return _BY_NAME[name].form.expected


def value(name: str) -> object:
    """Return a setting's value checked against its form (an ``int`` for an integer, a
    ``float`` for a number, the choice in lower case, the text of a path).

    Raises:
        KeyError: if ``name`` is not a declared setting.
        SettingError: if the value is not of the setting's form; the message names the setting,
            the form expected and (the start of) the value found.
    """
    setting, raw = _BY_NAME[name], get(name)
    try:
        return setting.form.parse(raw)
    except ValueError:
        shown = raw if len(raw) <= _QUOTED else raw[:_QUOTED] + "…"
        raise SettingError(
            f"setting {name} must be {setting.form.expected}, got {shown!r}"
        ) from None


def problems() -> list[str]:
    """One message per setting whose value is not of its form (empty when all are)."""
    found = []
    for setting in SETTINGS:
        try:
            value(setting.name)
        except SettingError as exc:
            found.append(str(exc))
    return found


def get_path(name: str) -> Path:
    """Return a setting as a ``Path``.

    Raises:
        KeyError: if ``name`` is not a declared setting.
        SettingError: if the value is not a path (empty, where a path is needed).
    """
    return Path(str(value(name))).expanduser()


def get_int(name: str) -> int:
    """Return a setting as an integer.

    Raises:
        KeyError: if ``name`` is not a declared setting.
        SettingError: if the value is not an integer in the setting's range (a ``ValueError``;
            the message names the setting and the form expected).
    """
    result = value(name)
    if not isinstance(result, int):
        raise SettingError(f"setting {name} is not an integer setting")
    return result


def get_float(name: str) -> float:
    """Return a setting as a float.

    Raises:
        KeyError: if ``name`` is not a declared setting.
        SettingError: if the value is not a number in the setting's range (a ``ValueError``;
            the message names the setting and the form expected).
    """
    result = value(name)
    if isinstance(result, bool) or not isinstance(result, int | float):
        raise SettingError(f"setting {name} is not a number setting")
    return float(result)
