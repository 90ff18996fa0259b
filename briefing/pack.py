"""A ``Brief`` filled from a ranking and what the atlas says about its data: the one way the
ranking page's button and ``python -m briefing`` make the pack.

Pure: DataFrames and values in, a ``Brief`` (and PDF bytes) out; the callers read the data
through the query layer (the briefing store, for the audience the pack is for). The pack
prints no incident count: the ranking's criteria are rates and shares scaled from 0 to 1,
computed from published counts (``query.ranking``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

import geopandas as gpd
import pandas as pd

from analysis.ranking import CRITERION_NAMES, Ranking
from briefing.model import (
    Academy,
    Brief,
    Checks,
    Criterion,
    Evaluation,
    Leader,
    LoadedFile,
    ProvinceRow,
    Text,
    case_study_timeline,
)
from briefing.render import render_pdf
from briefing.view import case_study_dates
from i18n import t


@dataclass(frozen=True)
class PackData:
    """What the pack shows beside the ranking: the province polygons (EPSG:4326, column
    ``province_code``), the academies (``query.ranking.academies``), the files loaded
    (``query.load_log``), the evaluation's headline (``query.ranking.evaluation_headline``),
    the counts' selection in both languages, the protection note's threshold and stand-in,
    whether the data hold the synthetic demo's rows (``synthetic``) and whether partner rows
    are mixed with them (``mixed``)."""

    provinces: gpd.GeoDataFrame
    academies: pd.DataFrame
    files: pd.DataFrame
    headline: dict[str, object] | None
    selection: Text
    threshold: int
    stand_in: float
    synthetic: bool
    mixed: bool = False


def both(key: str, **values: object) -> Text:
    """An i18n label in both languages."""
    return Text(t(key, "en", **values), t(key, "km", **values))


def criterion_definition(name: str, lang: str) -> str:
    """The one-sentence definition of criterion ``name`` in ``lang``, its dates from
    ``vocabulary`` (``case_study_dates``)."""
    return t(f"crit_{name}_def", lang, **case_study_dates(lang))


def criteria(weights: dict[str, float]) -> tuple[Criterion, ...]:
    """Each criterion with its label and one-sentence definition in both languages."""
    return tuple(
        Criterion(
            name,
            both(f"crit_{name}"),
            Text(*(criterion_definition(name, lang) for lang in ("en", "km"))),
            float(weights[name]),
        )
        for name in CRITERION_NAMES
    )


def province_rows(ranking: Ranking) -> tuple[ProvinceRow, ...]:
    """The ranking's provinces (``ProvinceRank``'s fields by name), then those left out as
    already in the partnership (not ranked, marked)."""
    fields = ProvinceRow.__dataclass_fields__
    ranked = [
        ProvinceRow(**{k: v for k, v in vars(p).items() if k in fields}) for p in ranking.provinces
    ]
    listed = {row.province_code for row in ranked}
    apart = [
        ProvinceRow(
            p.province_code,
            p.name_en,
            p.name_km,
            None,
            None,
            None,
            None,
            None,
            None,
            {name: None for name in CRITERION_NAMES},
            True,
            p.start,
        )
        for p in ranking.partnership
        if p.province_code not in listed
    ]
    return (*ranked, *apart)


def leaders(ranking: Ranking) -> tuple[Leader, ...]:
    """The leaders whose lead some criterion carries."""
    return tuple(Leader(r.province_code, r.main) for r in ranking.explanation.leaders if r.main)


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return float(value)


def academies(frame: pd.DataFrame) -> tuple[Academy, ...]:
    """The academies, each drawn inside its province (the file gives no coordinates)."""
    out = []
    for row in frame.itertuples(index=False):
        modules, trainees = _number(row.modules_delivered), _number(row.trainees)
        out.append(
            Academy(
                str(row.academy),
                str(row.province_code),
                None if modules is None else int(modules),
                trainees=None if trainees is None else int(trainees),
                pre_test_mean=_number(row.pre_test_mean),
                post_test_mean=_number(row.post_test_mean),
            )
        )
    return tuple(out)


def loaded_files(frame: pd.DataFrame) -> tuple[LoadedFile, ...]:
    """The files loaded and when (the data's vintage)."""
    return tuple(
        LoadedFile(str(r.kind), str(r.file_name), pd.Timestamp(r.loaded_at).to_pydatetime())
        for r in frame.itertuples(index=False)
    )


def evaluation(headline: dict[str, object] | None) -> Evaluation | None:
    """The evaluation's headline, or None (no estimate: see ``evaluation_reason``).

    Raises:
        briefing.model.BriefError: if the headline's interval does not hold its effect."""
    if not headline or headline.get("effect") is None:
        return None
    level = _number(headline.get("level")) or 0.95
    words = (headline.get("text_en"), headline.get("text_km"))
    text = Text(str(words[0]), str(words[1])) if all(words) else None
    communes = [_number(headline.get(k)) for k in ("pilot_communes", "comparison_communes")]
    return Evaluation(
        float(headline["effect"]), float(headline["low"]), float(headline["high"]),
        str(headline.get("method") or headline.get("estimator") or ""), level, text,
        pilot_communes=None if communes[0] is None else int(communes[0]),
        comparison_communes=None if communes[1] is None else int(communes[1]),
        pre_trend_p=_number(headline.get("pre_trend_p")),
        robustness=interval_of(headline, "robustness"),
        checks=checks(headline),
    )  # fmt: skip


def interval_of(
    headline: dict[str, object], prefix: str, ends: tuple[str, str, str] = ("effect", "low", "high")
) -> tuple[float, float, float] | None:
    """A change with its interval the headline publishes (``<prefix>_effect``, ``_low``,
    ``_high``, or the names ``ends``), or None when it holds none."""
    values = [_number(headline.get(f"{prefix}_{k}")) for k in ends]
    return None if None in values else (values[0], values[1], values[2])


def _codes(value: object) -> tuple[str, ...]:
    """Comma-separated codes as a tuple (none for None or an empty text)."""
    return tuple(c for c in str(value or "").split(",") if c)


def checks(headline: dict[str, object]) -> Checks:
    """The evaluation's checks and verdict as the headline publishes them (the columns of
    ``publish.evaluation.CHECK_COLUMNS``; absent columns: not published, None).

    Raises:
        briefing.model.BriefError: for a verdict or reason the pack cannot say."""
    relative = ("relative_effect", "relative_low", "relative_high")
    return Checks(
        verdict=headline.get("verdict") or None,
        reasons=_codes(headline.get("verdict_reasons")),
        drift=interval_of(headline, "drift"),
        drift_slope=_number(headline.get("drift_slope")),
        breakdown=_number(headline.get("drift_breakdown")),
        control_types=_codes(headline.get("control_types")),
        control=interval_of(headline, "control"),
        control_p=_number(headline.get("control_p")),
        relative=interval_of(headline, "control", relative),
    )


def evaluation_reason(headline: dict[str, object] | None) -> Text | None:
    """Why the evaluation gave no estimate on these data, in both languages (None when it
    gave one, or was not run)."""
    if not headline or headline.get("effect") is not None:
        return None
    words = (headline.get("reason_en"), headline.get("reason_km"))
    return Text(str(words[0]), str(words[1])) if all(words) else None


def protection_note(threshold: int, stand_in: float) -> Text:
    """How small numbers are protected, and what a count reading ``<t`` enters as."""
    values = {"t": threshold, "h": threshold - 1, "s": f"{stand_in:g}"}
    return Text(
        f"{t('rank_protection', 'en', **values)} {t('rank_stand_in', 'en', **values)}",
        f"{t('rank_protection', 'km', **values)} {t('rank_stand_in', 'km', **values)}",
    )


def build_brief(ranking: Ranking, data: PackData, day: date | None = None) -> Brief:
    """The brief of ``ranking`` with ``data``, dated ``day`` (today by default).

    Raises:
        briefing.model.BriefError: if a value cannot be printed (the message names it).
    """
    return Brief(
        date=day or date.today(),
        method=ranking.method,
        draws=ranking.draws,
        criteria=criteria(ranking.weights),
        provinces=province_rows(ranking),
        filters=data.selection,
        files=loaded_files(data.files),
        protection_note=protection_note(data.threshold, data.stand_in),
        synthetic=data.synthetic,
        mixed=data.mixed,
        leaders=leaders(ranking),
        evaluation=evaluation(data.headline),
        evaluation_reason=evaluation_reason(data.headline),
        academies=academies(data.academies),
        timeline=case_study_timeline({p.province_code: p.start for p in ranking.partnership}),
    )


def render_pack(ranking: Ranking, data: PackData, lang: str, day: date | None = None) -> bytes:
    """The pack as PDF bytes in ``lang`` ("en" or "km").

    Raises:
        briefing.model.BriefError: see ``build_brief``.
        briefing.render.BriefingError: if no Khmer font is installed or typst fails.
        ValueError: for an unknown language.
    """
    return render_pdf(build_brief(ranking, data, day), lang, data.provinces)


def pack_name(
    lang: str, synthetic: bool, when: datetime | date | None = None, mixed: bool = False
) -> str:
    """The pack's file name: ``[partly_][synthetic_]briefing_pack_<lang>_<YYYY-MM-DD>.pdf``
    (``partly_synthetic_`` when partner rows are ``mixed`` with the demo's)."""
    day = (when or date.today()).strftime("%Y-%m-%d")
    prefix = "partly_synthetic_" if mixed else "synthetic_" if synthetic else ""
    return f"{prefix}briefing_pack_{lang}_{day}.pdf"
