"""A full brief made in code: Cambodia's 25 provinces with made-up but plausible values, one
missing criterion, hostile text in names, synthetic on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import numpy as np

from briefing.model import (
    Academy,
    Brief,
    Criterion,
    Evaluation,
    Leader,
    LoadedFile,
    ProvinceRow,
    Text,
)

PROVINCES = (
    ("01", "Banteay Meanchey", "បន្ទាយមានជ័យ"),
    ("02", "Battambang", "បាត់ដំបង"),
    ("03", "Kampong Cham", "កំពង់ចាម"),
    ("04", "Kampong Chhnang", "កំពង់ឆ្នាំង"),
    ("05", "Kampong Speu", "កំពង់ស្ពឺ"),
    ("06", "Kampong Thom", "កំពង់ធំ"),
    ("07", "Kampot", "កំពត"),
    ("08", "Kandal", "កណ្ដាល"),
    ("09", "Koh Kong", "កោះកុង"),
    ("10", "Kratie", "ក្រចេះ"),
    ("11", "Mondul Kiri", "មណ្ឌលគិរី"),
    ("12", "Phnom Penh", "រាជធានីភ្នំពេញ"),
    ("13", "Preah Vihear", "ព្រះវិហារ"),
    ("14", "Prey Veng", "ព្រៃវែង"),
    ("15", "Pursat", "ពោធិ៍សាត់"),
    ("16", "Ratanak Kiri", "រតនគិរី"),
    ("17", "Siemreap", "សៀមរាប"),
    ("18", "Preah Sihanouk", "ព្រះសីហនុ"),
    ("19", "Stung Treng", "ស្ទឹងត្រែង"),
    ("20", "Svay Rieng", "ស្វាយរៀង"),
    ("21", "Takeo", "តាកែវ"),
    ("22", "Otdar Meanchey", "ឧត្ដរមានជ័យ"),
    ("23", "Kep", "កែប"),
    ("24", "Pailin", "ប៉ៃលិន"),
    ("25", "Tboung Khmum", "ត្បូងឃ្មុំ"),
)

CRITERIA = (
    ("disruption_rate", 0.25, "Disruption rate", "អត្រានៃការរំខាន",
     "Incidents per 1,000 key-population members over the last 12 months.",
     "ឧប្បត្តិហេតុក្នុង ១០០០ នាក់នៃក្រុមប្រជាជនគន្លឹះ ក្នុងរយៈពេល ១២ ខែចុងក្រោយ។"),
    ("disruption_change", 0.15, "Change since the policy", "បម្រែបម្រួលចាប់តាំងពីគោលនយោបាយ",
     "How much the disruption rate rose after 16 August 2010.",
     "អត្រានៃការរំខានកើនឡើងប៉ុណ្ណា ក្រោយថ្ងៃទី ១៦ សីហា ២០១០។"),
    ("kp_size", 0.15, "Key-population size", "ទំហំក្រុមប្រជាជនគន្លឹះ",
     "Estimated number of key-population members in the province.",
     "ចំនួនប៉ាន់ស្មាននៃក្រុមប្រជាជនគន្លឹះក្នុងខេត្ត។"),
    ("services_per_kp", 0.15, "Few services", "សេវាតិច",
     "Services per key-population member, reversed: fewer services, more need.",
     "សេវាក្នុងមនុស្សម្នាក់នៃក្រុមប្រជាជនគន្លឹះ បញ្ច្រាស៖ សេវាកាន់តែតិច តម្រូវការកាន់តែច្រើន។"),
    ("communes_without_partnership", 0.15, "Communes without partnership", "ឃុំគ្មានភាពជាដៃគូ",
     "Share of the province's communes with no partnership activity.",
     "ចំណែកនៃឃុំក្នុងខេត្តដែលគ្មានសកម្មភាពភាពជាដៃគូ។"),
    ("police_readiness", 0.15, "Police readiness", "ការត្រៀមខ្លួនរបស់នគរបាល",
     "Trainees, modules delivered (of 9) and test gain at the province's police academy.",
     "សិក្ខាកាម ម៉ូឌុលដែលបានបង្រៀន (ក្នុងចំណោម ៩) និងកំណើនពិន្ទុនៅសាលានគរបាលក្នុងខេត្ត។"),
)  # fmt: skip

#: The province and criterion left without data.
MISSING = ("11", "disruption_rate")
PARTNERSHIP = ("01", "12", "18")
HOSTILE = "#set page(width: 1cm) $x$ *b* _i_ <l> @r [a] // c"
HOSTILE_FILE = "incidents/outreach_#1_$x$.csv"
#: The data selection in words, as ``query.view.Filters.describe`` gives it.
FILTERS = Text(
    "2024-01 – 2024-12 · Incidents: All · Population: Key populations · Actor: All · Whole country",
    "2024-01 – 2024-12 · ឧប្បត្តិហេតុ៖ ទាំងអស់ · ក្រុមប្រជាជន៖ ក្រុមប្រជាជនគន្លឹះ · អ្នកប្រព្រឹត្ត៖ ទាំងអស់ · ទូទាំងប្រទេស",
)


def _criteria() -> tuple[Criterion, ...]:
    return tuple(
        Criterion(name, Text(en_label, km_label), Text(en_def, km_def), weight)
        for name, weight, en_label, km_label, en_def, km_def in CRITERIA
    )


def _rows(rng: np.random.Generator) -> tuple[ProvinceRow, ...]:
    values = rng.uniform(0, 1, size=(len(PROVINCES), len(CRITERIA))).round(2)
    weights = np.array([c[1] for c in CRITERIA])
    scores = values @ weights
    order = np.argsort(-scores)
    rows = []
    for rank, index in enumerate(order, start=1):
        code, name_en, name_km = PROVINCES[index]
        criteria = {c[0]: float(v) for c, v in zip(CRITERIA, values[index], strict=True)}
        if code == MISSING[0]:
            criteria[MISSING[1]] = None
        spread = int(rng.integers(0, 4))
        rows.append(
            ProvinceRow(
                code,
                name_en,
                name_km,
                rank=rank,
                rank_median=rank,
                rank_low=max(1, rank - spread),
                rank_high=min(25, rank + spread + 1),
                score=round(float(scores[index]), 3),
                p_top3=round(max(0.0, 1 - rank / 5) ** 2, 2),
                criteria=criteria,
                in_partnership=code in PARTNERSHIP,
            )
        )
    return tuple(rows)


def _academies(rng: np.random.Generator) -> tuple[Academy, ...]:
    places = (("12", 104.92, 11.56), ("01", 102.98, 13.58), ("02", 103.2, 13.1),
              ("17", 103.86, 13.36), ("18", None, None), ("07", 104.18, 10.61))  # fmt: skip
    out = []
    for i, (code, lon, lat) in enumerate(places, start=1):
        pre = round(float(rng.uniform(45, 55)), 1)
        name = HOSTILE if i == 5 else f"SYNTHETIC police academy {i}"
        out.append(Academy(name, code, modules_delivered=9 - (i == 6) * 3, lon=lon, lat=lat,
                           trainees=int(rng.integers(60, 240)), pre_test_mean=pre,
                           post_test_mean=round(pre * 1.34, 1)))  # fmt: skip
    return tuple(out)


def _files() -> tuple[LoadedFile, ...]:
    kinds = ("incidents", "services", "service_activity", "partnership", "academies")
    files = [LoadedFile(k, f"{k}/synthetic_{k}.csv", datetime(2025, 3, 4, 9, 30)) for k in kinds]
    files.append(LoadedFile("incidents", HOSTILE_FILE, datetime(2025, 3, 5, 14, 0)))
    files.append(LoadedFile("kp_estimates", "kp/synthetic.csv", datetime(2025, 3, 4, 9, 31)))
    return tuple(files)


def _strongest(row: ProvinceRow) -> tuple[str, ...]:
    return tuple(sorted(row.criteria, key=lambda c: -(row.value(c) or 0)))[:2]


def sample_brief(seed: int = 13) -> Brief:
    """The sample brief: every field filled, synthetic on."""
    rng = np.random.default_rng(seed)
    rows = _rows(rng)
    criteria = _criteria()
    leaders = tuple(
        Leader(row.province_code, _strongest(row)) for row in sorted(rows, key=lambda r: r.rank)[:3]
    )
    note = Text(
        "Province figures only. Counts below 5 are never shown ($x$ stays literal); the "
        "criteria are rates and shares computed from protected counts.",
        "មានតែតួលេខខេត្តប៉ុណ្ណោះ។ ចំនួនតិចជាង ៥ មិនដែលបង្ហាញទេ ($x$)។",
    )
    return Brief(
        date=date(2025, 3, 6), method="spotis", draws=2000, criteria=criteria, provinces=rows,
        filters=FILTERS,
        files=_files(), protection_note=note, synthetic=True, leaders=leaders,
        evaluation=Evaluation(-0.38, -0.49, -0.25, "Callaway–Sant'Anna"),
        academies=_academies(rng),
    )  # fmt: skip


def real_brief() -> Brief:
    """The sample without synthetic label or evaluation (for the variants)."""
    return replace(sample_brief(), synthetic=False, evaluation=None)
