"""The briefing pack's own words (the dashboard's wording it shares is taken from the other
modules, never retyped)."""

from __future__ import annotations

from i18n.marker import N_

N_(
    "pack_subtitle",
    "Briefing on where to extend the police–community partnership for HIV prevention",
)
N_("pack_prepared_on", "Prepared on {date}")
N_("pack_page_of", "Page {n} of {total}")
N_("pack_sec_ranking", "Ranking of the provinces")
N_(
    "pack_ranking_intro",
    "A higher score means more reason to extend the partnership to the province. "
    "The rank is the one at the chosen weights; {draws} draws that vary the weights, the way "
    "the criteria are put on one scale and combined, the key-population estimates and the "
    "counts give the median rank, and 90 % of the draws put the province inside its "
    "interval. The provinces already in the partnership are listed last, not ranked.",
)
N_("pack_col_interval", "Median rank (90 % interval)")
N_("pack_col_code", "Code")
N_("pack_partnership_mark", "yes")
N_(
    "pack_table_note",
    "Criterion values run from 0 to 1 (1 = most reason to choose the province); "
    "“missing” means the atlas has no data for it there, which is not a 0.",
)
N_("pack_why_item", "{province}: mainly {criteria}")
N_(
    "pack_map_caption_score",
    "Provinces coloured by score (darker: more reason to choose); the number in each "
    "province is its rank. Hatched: already in the partnership. Triangles: police academies "
    "(A1, A2, … as in the table below) with the curriculum modules they delivered.",
)
N_(
    "pack_map_caption_rank",
    "Provinces coloured by rank (darker: nearer the top); the number in each province "
    "is its rank. Hatched: already in the partnership. Triangles: police academies (A1, "
    "A2, … as in the table below) with the curriculum modules they delivered.",
)
N_("pack_sec_academies", "Police academies teaching the harm-reduction curriculum")
N_("pack_no_academies", "No police academy file is loaded.")
N_("pack_sec_method", "Method and weights")
N_(
    "pack_method_line",
    "Method: {method}. Each criterion is scaled to 0–1 so that a higher value means "
    "more reason to choose the province.",
)
N_("pack_method_weighted_sum", "weighted sum")
N_("pack_method_topsis", "TOPSIS (closeness to the ideal province)")
N_("pack_method_spotis", "SPOTIS (distance to the ideal point; no rank reversal)")
N_("pack_col_criterion", "Criterion")
N_("pack_col_weight", "Weight")
N_("pack_col_definition", "Definition")
N_("pack_sec_selection", "Data selection")
N_("pack_sec_vintage", "Data used")
N_("pack_col_loaded_on", "Loaded on")
N_("pack_no_files", "No partner file is loaded.")
N_("pack_more_files", "… and {n} earlier files (the atlas's About page lists them all).")
N_("kind_boundaries", "Boundaries")
N_("pack_sec_evaluation", "Pilot evaluation")
N_(
    "pack_evaluation_headline",
    "In the pilot communes, arrests and confiscations changed by {change} after the "
    "partnership started ({level} interval {low} to {high}).",
)
N_("pack_evaluation_not_run", "Not run: the pilot evaluation has not been run on these data.")
N_("pack_next", "Next")
N_("pack_tl_pilot_pp", "HAARP-funded pilot with police in Phnom Penh (FHI360)")
N_(
    "pack_tl_next",
    "Ministry of Interior officials plan to expand the effort to Sihanoukville (Preah Sihanouk)",
)
N_("pack_sec_curriculum", "The police curriculum")
N_(
    "pack_curriculum_figures",
    "National Harm Reduction Curriculum, approved {approved}: {academies} police "
    "academies, {modules} modules, a pre/post test gain of {gain} (at least {answers} of "
    "{questions} answers favouring a public-health approach).",
)
N_("pack_sec_protection", "How small numbers are protected")
N_("month_1", "January")
N_("month_2", "February")
N_("month_3", "March")
N_("month_4", "April")
N_("month_5", "May")
N_("month_6", "June")
N_("month_7", "July")
N_("month_8", "August")
N_("month_9", "September")
N_("month_10", "October")
N_("month_11", "November")
N_("month_12", "December")
# TRANSLATORS: the ten digits 0 to 9 as the pack writes dates (the same ten if unchanged).
N_("pack_tl_planned_started", "The partnership starts in Preah Sihanouk, the planned expansion")
N_(
    "pack_tl_next_candidates",
    "To be chosen among the provinces not yet in the partnership (the ranking in this pack)",
)
N_(
    "pack_communes",
    "Measured in {pilots} pilot communes, against {others} similar communes without the "
    "partnership.",
)
N_(
    "pack_pretrend_alike",
    "Before the partnership started, the pilot communes and the others moved alike (the "
    "check of the years before found no difference, p = {p}).",
)
N_(
    "pack_pretrend_apart",
    "Before the partnership started, the pilot communes and the others already moved apart "
    "(p = {p}): read the change with care.",
)
N_("pack_robustness", "A second way of measuring gives {change} ({low} to {high}).")
N_(
    "pack_robustness_none",
    "The second way of measuring is not part of the data this pack is made from.",
)
N_(
    "pack_method_note",
    "Method note: each rank's interval comes from 5,000 draws that vary the weights, how the "
    "criteria are put on one scale (min-max, z-score, rank) and combined (arithmetic, "
    "geometric, TOPSIS), the key-population estimates within their ranges and the counts; "
    "rates are empirical-Bayes rates.",
)
N_("pack_method_evaluation", "The pilot evaluation's estimator: {estimator}.")
N_("pack_map_key_title", "Colour key: the score (darker: more reason to choose the province)")
N_(
    "pack_map_caption_codes",
    "Each province carries its code (names below). Grey: not ranked. Hatched: already in "
    "the partnership. Triangles: police academies (A1, A2, … as in the table below) with the "
    "curriculum modules they delivered.",
)
N_("pack_partnership_since", "in it since {start}")
N_(
    "pack_method_checks",
    "Its checks: a second estimator (imputation, after Borusyak, Jaravel and Spiess), the "
    "drift check of Rambachan and Roth (smoothness restriction, breakdown value) and a "
    "negative control (the same model on incident types the partnership should not change).",
)
N_("pack_sec_checks", "How far the pilot's result holds")
