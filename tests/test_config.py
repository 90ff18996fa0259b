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
    with pytest.raises(ValueError, match="ATLAS_COORD_PRECISION must be an integer, got 'four'"):
        config.get_int("ATLAS_COORD_PRECISION")


def test_unknown_setting_is_an_error() -> None:
    with pytest.raises(KeyError):
        config.get("ATLAS_NO_SUCH_THING")


def test_readme_lists_every_setting() -> None:
    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in config.SETTINGS if f"`{s.name}`" not in readme]
    assert missing == []
