"""The place search: other names, spellings, administrative words and typos (geo.search)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.search import build_index, places, read_names, search

COMMUNES = pd.DataFrame(
    {
        "commune_code": ["120801", "180101", None],
        "commune_name_en": ["Phnum Penh Thmei", "Muoy", "Boeng Keng Kang Ti *"],
        "commune_name_km": ["ភ្នំពេញថ្មី", "មួយ", None],
        "district_code": ["1208", "1801", "1201"],
        "district_name_en": ["Saen Sokh", "Preah Sihanouk", "Chamkar Mon"],
        "district_name_km": ["សែនសុខ", "ព្រះសីហនុ", "ចំការមន"],
        "province_code": ["12", "18", "12"],
        "province_name_en": ["Phnom Penh", "Preah Sihanouk", "Phnom Penh"],
        "province_name_km": ["រាជធានីភ្នំពេញ", "ព្រះសីហនុ", "រាជធានីភ្នំពេញ"],
        "source_id": ["a1b2c3", "d4e5f6", "g7h8i9"],
    }
)


@pytest.fixture(scope="module")
def index():
    folding, aliases = read_names()
    return build_index(places(COMMUNES, aliases), folding)


def first(index, text: str) -> tuple[str, str, str]:
    place, alias, _ = search(index, text)[0]
    return place.level, place.key, alias


def test_other_names_spellings_and_missing_spaces_find_the_place(index) -> None:
    assert first(index, "Sihanoukville") == ("province", "18", "Sihanoukville")
    assert first(index, "Kampong Som") == ("province", "18", "Kampong Som")
    assert first(index, "krong preah sihanouk") == ("province", "18", "")
    assert first(index, "Phnom Penh Thmei") == ("commune", "120801", "")  # gazetteer: Phnum
    assert first(index, "phnompenh") == ("province", "12", "")
    assert first(index, "ខេត្តព្រះសីហនុ") == ("province", "18", "")  # "province" in Khmer


def test_typos_are_forgiven_and_nonsense_finds_nothing(index) -> None:
    assert first(index, "Saen Sok") == ("district", "1208", "")
    assert first(index, "Chamkar Morn") == ("district", "1201", "")
    assert search(index, "Atlantis") == [] and search(index, "a") == []


def test_parents_are_kept_and_a_missing_name_is_empty_never_nan(index) -> None:
    (codeless,) = [p for p, *_ in search(index, "Boeng Keng Kang") if p.level == "commune"]
    assert codeless.key == "g7h8i9" and codeless.name_km == ""
    assert codeless.parents_en == ("Chamkar Mon", "Phnom Penh")


def test_a_broken_names_file_is_named_with_what_it_lacks(tmp_path: Path) -> None:
    bad = tmp_path / "names.toml"
    bad.write_text('[[alias]]\nlevel = "village"\ncode = "1"\nname = "x"\nkind = "common"\n')
    with pytest.raises(ValueError, match="level must be one of province, district, commune"):
        read_names(bad)
    bad.write_text("[[alias]\n")
    with pytest.raises(ValueError, match=r"names\.toml: not valid TOML"):
        read_names(bad)
