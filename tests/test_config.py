"""The settings module: defaults, overrides, and the README listing every setting."""

from __future__ import annotations

import pytest

import config


def test_environment_overrides_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert config.get("ATLAS_SUPPRESSION_THRESHOLD") == "5"
    monkeypatch.setenv("ATLAS_SUPPRESSION_THRESHOLD", "10")
    assert config.get_int("ATLAS_SUPPRESSION_THRESHOLD") == 10


def test_bad_integer_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATLAS_COORD_PRECISION", "four")
    with pytest.raises(ValueError) as caught:
        config.get_int("ATLAS_COORD_PRECISION")
    assert str(caught.value) == (
        "setting ATLAS_COORD_PRECISION must be an integer from 0 to 15, got 'four'"
    )


def test_every_default_is_of_its_settings_form() -> None:
    for setting in config.SETTINGS:
        setting.form.parse(setting.default)  # raises for a default of the wrong form
    assert config.problems() == []


BAD = [  # (setting, value, the message)
    ("ATLAS_SUPPRESSION_THRESHOLD", "five",
     "setting ATLAS_SUPPRESSION_THRESHOLD must be an integer of 3 or more, got 'five'"),
    ("ATLAS_SUPPRESSION_THRESHOLD", "1",
     "setting ATLAS_SUPPRESSION_THRESHOLD must be an integer of 3 or more, got '1'"),
    ("ATLAS_ANONYMOUS_ROLE", "root",
     "setting ATLAS_ANONYMOUS_ROLE must be one of auto, analyst, briefing, got 'root'"),
    ("ATLAS_ANONYMOUS_ROLE", "admin",
     "setting ATLAS_ANONYMOUS_ROLE must be one of auto, analyst, briefing, got 'admin'"),
    ("ATLAS_DEMO_PILOT_EFFECT", "1.5",
     "setting ATLAS_DEMO_PILOT_EFFECT must be a number from 0 to 1, got '1.5'"),
    ("ATLAS_DOWNLOAD_TIMEOUT", "0",
     "setting ATLAS_DOWNLOAD_TIMEOUT must be a number above 0, got '0'"),
    ("ATLAS_DOWNLOAD_TIMEOUT", "nan",
     "setting ATLAS_DOWNLOAD_TIMEOUT must be a number above 0, got 'nan'"),
    ("ATLAS_TILES", "tiles.example.org",
     "setting ATLAS_TILES must be auto, off, or a tile URL template (http:// or https://, "
     "with {z}, {x}, {y}), got 'tiles.example.org'"),
    ("ATLAS_DB_PATH", " ", "setting ATLAS_DB_PATH must be a path to a file or folder, got ' '"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "raw", "message"), BAD)
def test_a_value_of_the_wrong_form_names_the_setting_and_the_form(
    monkeypatch: pytest.MonkeyPatch, name: str, raw: str, message: str
) -> None:
    monkeypatch.setenv(name, raw)
    with pytest.raises(config.SettingError) as caught:
        config.value(name)
    assert str(caught.value) == message
    assert config.problems() == [message]


def test_forms_read_values_as_the_code_uses_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATLAS_ANONYMOUS_ROLE", " Briefing ")
    monkeypatch.setenv("ATLAS_SUPPRESSION_THRESHOLD", " 10 ")
    monkeypatch.setenv("ATLAS_PARTNER_DIR", "")
    assert config.value("ATLAS_ANONYMOUS_ROLE") == "briefing"
    assert config.get_int("ATLAS_SUPPRESSION_THRESHOLD") == 10
    assert config.get_float("ATLAS_DEMO_PILOT_EFFECT") == 0.4
    assert config.expected("ATLAS_SUPPRESSION_THRESHOLD") == "an integer of 3 or more"
    assert config.problems() == []


def test_a_long_bad_value_is_quoted_only_in_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATLAS_COORD_PRECISION", "x" * 500)
    (message,) = config.problems()
    assert message.endswith("got '" + "x" * 40 + "…'")


def test_the_anonymous_choices_are_the_roles_rule() -> None:
    from ui.roles import ANONYMOUS_CHOICES

    assert config.ANONYMOUS_CHOICES == ANONYMOUS_CHOICES


def test_unknown_setting_is_an_error() -> None:
    with pytest.raises(KeyError):
        config.get("ATLAS_NO_SUCH_THING")


def test_readme_lists_every_setting() -> None:
    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in config.SETTINGS if f"`{s.name}`" not in readme]
    assert missing == []


def test_the_deploying_doc_lists_each_settings_form() -> None:
    doc = (config.PROJECT_ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    rows = {line.split("|")[2].strip(): line for line in doc.splitlines() if line.startswith("| `")}
    for setting in config.SETTINGS:
        if setting.form is config.PATH:
            continue
        row = rows.get(setting.form.expected, "")
        assert f"`{setting.name}`" in row, f"{setting.name}: {setting.form.expected}"
