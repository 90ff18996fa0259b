"""A product that failed is made again by the next publish (found by the review of issue 18:
it was never made again until the facts changed, although the build says "run python -m
publish to try again")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from publish import products as declared
from publish import stage
from tests.publish.test_stage import db, restamp  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration


def test_a_failed_product_is_made_by_the_next_publish_once_its_cause_is_gone(
    db: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fails(inputs: object) -> dict:
        raise RuntimeError("the Khmer catalog is not compiled")

    original = declared.PRODUCTS
    broken = tuple(dataclasses.replace(p, make=fails) if p.name == "evaluation_headline" else p
                   for p in original)  # fmt: skip
    monkeypatch.setattr(declared, "PRODUCTS", broken)
    restamp(db)
    assert "failed" in {r.status for r in stage.publish(db).records}
    monkeypatch.setattr(declared, "PRODUCTS", original)  # the cause is gone
    again = stage.publish(db)
    assert {r.name: r.status for r in again.records} == {p.name: "made" for p in original}


def test_products_made_by_other_code_are_made_again(
    db: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    new = restamp(db)
    first = stage.publish(db)
    assert first.rounds == 1 and stage.published_build(db)[0] == new
    assert {r.code_version for r in first.records} == {stage.code_version()}
    assert stage.publish(db).rounds == 0  # nothing changed: nothing to do
    monkeypatch.setattr(stage, "code_version", lambda: "another-atlas")  # an upgrade
    assert stage.published_build(db)[0] is None
    again = stage.publish(db)
    assert again.rounds == 1 and {r.code_version for r in again.records} == {"another-atlas"}
