"""The ranking page's account of itself: the provinces already in the partnership (listed
apart), the framework, the diagnostics table and what moves the ranking, in Khmer or English
from the ranking's parts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.ranking import Ranking
from i18n import t

INCLUDE_KEY = "rank_include_partnership"


def include_partnership(lang: str) -> bool:
    """The switch that ranks the partnership's provinces too (off by default)."""
    return st.toggle(
        t("rank_include_partnership", lang), key=INCLUDE_KEY,
        help=t("rank_include_partnership_help", lang),
    )  # fmt: skip


def partnership_lines(ranking: Ranking, lang: str) -> list[str]:
    """One line per province left out as already in the partnership, with its start."""
    if ranking.include_partnership:
        return []
    out = []
    for p in ranking.partnership:
        name = p.name_km if lang == "km" and p.name_km else p.name_en
        if p.start:
            out.append(t("rank_partnership_since", lang, province=name, start=p.start[:7]))
        else:
            out.append(t("rank_partnership_since_unknown", lang, province=name))
    return out


def diagnostics_table(ranking: Ranking, lang: str) -> pd.DataFrame:
    """Each criterion's weight beside its effective weight, and the decisions taken."""
    rows = []
    for d in ranking.diagnostics:
        words = [_decision(code, values, lang) for code, values in d.decisions]
        rows.append(
            {
                t("pack_col_criterion", lang): t(f"crit_{d.criterion}", lang),
                t("pack_col_weight", lang): f"{d.weight:.0%}",
                t("rank_diag_effective", lang): "" if d.effective is None else f"{d.effective:.2f}",
                t("rank_diag_share", lang): "" if d.share is None else f"{d.share:.0%}",
                t("rank_diag_decision", lang): "; ".join(words) or t("rank_dec_kept", lang),
            }
        )
    return pd.DataFrame(rows)


def _decision(code: str, values: dict, lang: str) -> str:
    if code == "overlap":
        return t("rank_dec_overlap", lang, other=t(f"crit_{values['other']}", lang), r=values["r"])
    if code == "capped":
        return t("rank_dec_capped", lang, n=values["n"])
    return t(f"rank_dec_{code}", lang)


def _input_name(name: str, lang: str) -> str:
    prefix = "weight of "
    if name.startswith(prefix):
        return t("rank_in_weight_of", lang, criterion=t(f"crit_{name[len(prefix) :]}", lang))
    return t(f"rank_in_{name}", lang)


def sensitivity_lines(ranking: Ranking, lang: str) -> list[str]:
    """What moves the top three (Sobol'), what would change first place, and the ranking
    without each criterion; empty when the ranking carries no sensitivity analysis."""
    report = ranking.sensitivity
    if not report:
        return []
    names = {p.province_code: (p.name_km if lang == "km" and p.name_km else p.name_en)
             for p in ranking.provinces}  # fmt: skip
    moves = [_input_name(n, lang) for n in report["sobol"]["moves"]]
    lines = [t("rank_sens_moves", lang, inputs=", ".join(moves))] if moves else []
    change = report["first_place"]
    first = names.get(ranking.provinces[0].province_code, "") if ranking.provinces else ""
    if change is None:
        lines.append(t("rank_sens_first_none", lang, first=first))
    else:
        lines.append(t("rank_sens_first", lang, first=names[change["first"]],
                       new=names[change["new_first"]],
                       criterion=t(f"crit_{change['criterion']}", lang),
                       before=f"{change['from']:.0%}", after=f"{change['to']:.0%}"))  # fmt: skip
    for row in report["leave_one_out"]:
        lines.append(t("rank_sens_loo", lang, criterion=t(f"crit_{row['criterion']}", lang),
                       first=names[row["first"]], n=row["largest_shift"],
                       province=names[row["shifted"]]))  # fmt: skip
    return lines
