"""The evaluation page and its headline (also the CLI's and the briefing pack's)."""

from __future__ import annotations

from i18n.marker import N_

# The evaluation page (pages/evaluation.py, ui/evaluation_view.py) and its headline
# (analysis/headline.py: also the CLI's and the briefing pack's).
N_("page_evaluation", "Did the pilot work?")
N_(
    "evaluation_question",
    "Did the pilot change arrests and confiscations? The pilot communes against "
    "similar communes without the partnership, before and after its start.",
)
N_(
    "eval_sidebar_note",
    "The sidebar's filters do not apply to this page: it has its own choices below.",
)
N_("eval_provinces", "Pilot provinces")
N_("eval_types", "Incident types")
N_("eval_design", "Comparison communes")
N_("eval_window", "Months compared")
N_("eval_design_shared_shock", "Urban communes of provinces without the pilot")
N_(
    "eval_design_not_yet_treated",
    "Urban communes of the pilot provinces, before their own start or without one",
)
N_("eval_design_all_communes", "All communes without the partnership")
N_(
    "eval_why_shared_shock",
    "They were hit by the {policy_month} policy as hard as the pilot communes and never "
    "had the partnership, so the policy's rise is not mistaken for the pilot's effect.",
)
N_(
    "eval_why_not_yet_treated",
    "They share the pilot communes' province, police command and reporting, at the "
    "cost of fewer comparison communes and so a wider interval.",
)
N_(
    "eval_why_all_communes",
    "The largest comparison, but most of it is rural and felt the {policy_year} policy less, so "
    "a window that includes the policy pulls the estimate toward zero.",
)
N_(
    "eval_window_after_policy",
    "From the first whole calendar year after the policy ({policy_day})",
)
N_("eval_window_all_months", "Every calendar year of the data")
N_(
    "eval_window_why_after_policy",
    "Every commune compared lives under the same policy for the whole window, so a "
    "shock that hit communes unequally cannot pass for the pilot's effect.",
)
N_(
    "eval_window_why_all_months",
    "More months before the start, but valid only if the comparison communes felt the "
    "{policy_year} policy exactly as the pilot communes did.",
)
N_("eval_subject_all", "All incidents")
N_("eval_subject_types", "Incidents of the chosen types")
N_(
    "eval_fell",
    "{subject} fell by {pct} % (95 % interval {a}–{b} %) after the partnership "
    "started, compared with similar communes without it.",
)
N_(
    "eval_rose",
    "{subject} rose by {pct} % (95 % interval {a}–{b} %) after the partnership "
    "started, compared with similar communes without it.",
)
N_(
    "eval_unclear",
    "{subject}: no clear change after the partnership started, compared with similar "
    "communes without it (estimate {effect}, 95 % interval {low} to {high}: the interval "
    "includes no change).",
)
N_("eval_metric_effect", "Change")
N_("eval_metric_interval", "95 % interval")
N_("eval_metric_pilots", "Pilot communes compared")
N_("eval_metric_comparison", "Comparison communes compared")
N_(
    "eval_metrics_help",
    "Every commune of the group, with or without incidents (the map shows them); the "
    "estimate rests on at least {min} of each with incidents.",
)
N_("eval_compared", "Compared with: {design}. Months: {first} to {last}.")
N_(
    "eval_method",
    "Method: Poisson regression with commune and month fixed effects and a separate "
    "effect for each start month and year since the start (Wooldridge's extended two-way "
    "fixed effects), pooled into one effect on the pilot communes; standard errors "
    "clustered by commune.",
)
N_("eval_event_heading", "Before and after the start")
N_("eval_event_axis_x", "Months since the partnership started in the commune")
N_("eval_event_axis_y", "Change against the 3 months before the start")
N_("eval_event_estimate", "Estimate with its 95 % interval")
N_("eval_event_reference", "Reference: the 3 months before the start")
N_("eval_event_pooled", "Earlier or later months, pooled")
N_("eval_event_bin", "Months {label}")
N_(
    "eval_event_caption",
    "Each point compares incidents in the pilot communes, that many months after their "
    "start, with what the comparison communes suggest, against the 3 months before the "
    "start. The policy ({policy_month}) and the curriculum ({curriculum_month}) fall at "
    "different months for each pilot commune: the shaded bands show where they fall for "
    "these communes.",
)
N_(
    "eval_pretrend_ok",
    "Pre-trend test: p = {p}. Before the start, the pilot and comparison communes "
    "moved alike (no sign of a difference), as the comparison assumes.",
)
N_(
    "eval_pretrend_bad",
    "Pre-trend test: p = {p}. Before the start, the pilot and comparison communes were "
    "already drifting apart: part of the estimate may be a difference that was there "
    "before the partnership.",
)
N_("eval_pretrend_none", "Pre-trend test: not possible here (too few months before the start).")
N_("eval_control_nevertreated", "communes never in the partnership")
N_("eval_control_notyettreated", "communes not yet in the partnership")
N_("eval_robustness_wait", "Computing the robustness line…")
N_("eval_series_heading", "Pilot and comparison communes over time")
N_("eval_series_axis", "Incidents per commune in a calendar year")
N_("eval_series_x", "Calendar year")
N_("eval_series_group", "{group} ({n} communes)")
N_(
    "eval_series_caption",
    "Each point is a group's published count of one calendar year "
    "(protected as every count of the atlas), divided by its number of communes; where the "
    "count reads <{t}, no point is drawn. The dashed lines mark the policy and the "
    "curriculum; the band, the months in which these pilot communes started.",
)
N_(
    "eval_series_off_grid",
    "Counts over time are published for all incidents, for arrests and confiscations, "
    "or for one incident type: choose one of these to see them. The estimate above uses "
    "the types chosen.",
)
N_(
    "eval_series_small",
    "{group}: too few communes for their counts of one incident type to be shown.",
)
N_("eval_starts", "Pilot starts")
N_("eval_map_heading", "Which communes are compared")
N_(
    "eval_map_caption",
    "Coloured by group only: the map shows no count. The groups hold every commune "
    "the design compares; the estimate keeps those with incidents in the months compared.",
)
N_("eval_group_pilot", "Pilot communes")
N_("eval_group_comparison", "Comparison communes")
N_("eval_group_other", "Not compared")
N_("eval_tt_group", "Group")
N_("eval_caveats", "What to keep in mind")
N_(
    "eval_caveat_assumption",
    "The comparison assumes that, without the partnership, incidents in the pilot "
    "communes would have changed in the same proportion as in the comparison communes. The "
    "pre-trend test can show that this was not so before the start; it cannot prove that it "
    "held after.",
)
N_(
    "eval_few_pilots_caveat",
    "Only {n} pilot communes: with so few, the interval is narrower than it should be "
    "and the answer may be chance. Read it with the pre-trend test below.",
)
N_(
    "eval_caveat_reporting",
    "Incidents are those reported to partners: a change in reporting where the "
    "partnership started would look like a change in incidents.",
)
N_(
    "eval_caveat_pooled",
    "The estimate pools {n} communes; this page shows no commune's count, and its "
    "counts over time are published counts of whole groups.",
)
N_(
    "eval_caveat_synthetic",
    "Synthetic demonstration data: the demo set plants a fall of {planted} % in arrests "
    "and confiscations after each pilot commune's start; the interval should cover it.",
)
N_("eval_cannot", "No estimate: {detail}")
N_("eval_failed", "No estimate: the estimator could not fit a model to these data.")
N_("eval_no_data", "No estimate: no incident is loaded yet.")
N_("eval_window_outside", "No estimate: the months chosen hold no data (the data cover {span}).")
N_("eval_no_incidents", "No estimate: no incident of the chosen types in {span}.")
N_("eval_no_pilots", "No estimate: no commune has a partnership start.")
N_("eval_no_pilots_in", "No estimate: no commune of province {codes} has a partnership start.")
N_(
    "eval_no_pre",
    "No estimate: every pilot commune started before the months compared begin, so "
    "none has months before its start. Choose every month of the data.",
)
N_(
    "eval_few_pilots",
    "No estimate: only {n} pilot communes have incidents of the chosen types in {span}; "
    "at least {min_pilots} are needed. Choose more pilot provinces or more incident types.",
)
N_(
    "eval_few_comparison",
    "No estimate: only {n} comparison communes have incidents of the chosen types in "
    "{span}; at least {min_comparison} are needed. Choose another comparison group or more "
    "incident types.",
)
N_(
    "eval_no_pre_incidents",
    "No estimate: the pilot communes have no incident of the chosen types before their "
    "start in {span}.",
)
N_(
    "eval_no_post",
    "No estimate: the pilot communes have no incident of the chosen types after their "
    "start in {span}.",
)
N_(
    "eval_no_overlap",
    "No estimate: no comparison commune has incidents in the months after the pilot "
    "communes' start, so they cannot be compared. Choose another comparison group.",
)
N_("eval_bad_province", "No estimate: {value} is not a province code.")
N_("eval_bad_type", "No estimate: {value} is not an incident type.")
N_("eval_choose_province", "Choose at least one pilot province.")
N_("eval_choose_type", "Choose at least one incident type.")
N_(
    "eval_note_early",
    "{n} pilot communes started before the months compared begin ({month}) and are "
    "left out: they have no month before their start.",
)
N_(
    "eval_note_no_robustness",
    "The robustness line (the second estimator) could not be computed for this choice.",
)
N_("eval_province_all", "Every pilot province")
N_(
    "eval_offer_note",
    "Offered: every pilot province together, or one province whose pilot and comparison "
    "communes, and those the other pilot provinces add, number at least {min} each; "
    "arrests and confiscations, or all incidents; whole calendar years. Smaller groups, "
    "single incident types and other months are not offered: estimates on them could be "
    "compared to tell small counts apart.",
)
N_(
    "eval_event_none",
    "The months around the start are not shown: the incidents of the pilot or the "
    "comparison communes in the reference months read <{t}.",
)
N_(
    "eval_event_shown",
    "A bin is drawn only where the incidents of both the pilot and the comparison communes "
    "in it are published as a number (not <{t}); estimates in whole percent, intervals "
    "rounded outward.",
)
N_(
    "eval_too_few_pilots",
    "No estimate: too few pilot communes with incidents of the chosen types in the years "
    "compared. Choose every pilot province or all incidents.",
)
N_(
    "eval_too_few_comparison",
    "No estimate: too few comparison communes with incidents of the chosen types in the "
    "years compared. Choose another comparison group or all incidents.",
)
N_(
    "eval_too_few_incidents",
    "No estimate: too few incidents in the pilot communes before or after their start in "
    "the years compared.",
)
N_(
    "eval_small_groups",
    "No estimate: too few communes in the groups compared; the pilot and the comparison "
    "communes must each number at least {min_communes}.",
)
N_(
    "eval_province_not_offered",
    "One province alone is not offered here: its pilot and comparison communes, and those "
    "the other pilot provinces add, must each number at least {min_communes}. Choose every "
    "pilot province.",
)
N_(
    "eval_one_province",
    "Choose every pilot province or one province: other sets of provinces are not offered.",
)
N_(
    "eval_types_not_offered",
    "The evaluation counts arrests and confiscations, or all incidents: a single type or "
    "another set of types is not offered.",
)
N_("eval_checks_heading", "Can the change be trusted?")
N_(
    "verdict_fell",
    "Verdict: fell. Every check agrees: neither a drift already under way, nor a change in "
    "reporting, nor chance explains the fall.",
)
N_(
    "verdict_did_not_fall",
    "Verdict: did not fall. Every check rules out a fall of {min} or more.",
)
N_(
    "verdict_cannot_tell",
    "Verdict: cannot tell. The data do not separate the partnership from other explanations:",
)
N_("verdict_why_no_fall", "the interval of the change includes no change")
N_("verdict_why_small_fall_possible", "a fall of {min} or more is not ruled out")
N_(
    "verdict_why_pre_trend",
    "the pilot and comparison communes already moved apart before the start",
)
N_("verdict_why_no_pre_trend", "the months before the start could not be compared")
N_(
    "verdict_why_drift",
    "a drift already under way before the start, had it simply gone on, could explain the change",
)
N_("verdict_why_no_drift_check", "too few months before the start to check for a drift")
N_("verdict_why_second_estimator", "the second way of measuring does not confirm the change")
N_("verdict_why_no_second_estimator", "the second way of measuring could not be made")
N_(
    "verdict_why_control_changed",
    "incidents the partnership should not change changed too: reporting may have changed",
)
N_(
    "verdict_why_control_explains",
    "measured against incidents the partnership should not change, the change is not clear",
)
N_(
    "verdict_why_no_control",
    "no incidents the partnership should not change were left to compare with",
)
N_(
    "eval_second",
    "A second way of measuring, which uses every month before the start, against {control}: "
    "{effect} ({low} to {high}).",
)
N_(
    "eval_drift",
    "If the gap that was opening between the pilot and comparison communes before the start "
    "({slope} a quarter) had simply gone on, the change would be {effect} ({low} to {high}).",
)
N_(
    "eval_drift_holds",
    "The change stays clear unless that gap's pace changed by more than {bend} from one "
    "quarter to the next.",
)
N_("eval_drift_explains", "Such a drift could explain the change on its own.")
N_(
    "eval_control_line",
    "Incidents the partnership should not change ({types}) changed by {effect} ({low} to "
    "{high}) in the pilot communes; measured against them, the change is {relative_effect} "
    "({relative_low} to {relative_high}).",
)
N_(
    "eval_control_moved",
    "They moved more than chance would make them ({p}): reporting may have changed.",
)
N_("eval_control_still", "They moved no more than chance would make them ({p}).")
N_("eval_checks_wait", "Running the checks…")
N_("eval_checks_none", "The checks could not be made on this choice.")
N_(
    "eval_method_checks",
    "The checks: the second way of measuring is the imputation estimator of Borusyak, Jaravel "
    "and Spiess (a Poisson fit on the communes and months not yet in the partnership, every "
    "month before the start as the base). The drift check is Rambachan and Roth's sensitivity "
    "analysis with their smoothness restriction, on quarters: the drift of the quarters before "
    "the start carried on in a straight line, and its breakdown value (the largest change of "
    "slope, quarter on quarter, at which the interval still excludes no change). The negative "
    "control is the same model on {types}, and a triple difference against them. The verdict "
    "is 'fell' only when every interval lies below no change, the pre-trend test does not flag "
    "(p of at least {pre_alpha}) and the control types did not change (p of at least "
    "{control_alpha}); 'did not fall' when every interval rules out a fall of {min} or more.",
)
