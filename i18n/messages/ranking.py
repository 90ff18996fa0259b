"""The ranking page: its questions, criteria, methods, map and downloads."""

from __future__ import annotations

from i18n.marker import N_

# The ranking page (pages/ranking.py, ui/ranking_view.py), its criteria (labels and
# one-sentence definitions: the English ones are analysis.ranking's own, a test checks),
# its map and its briefing pack's words that the pack does not hold itself.
N_("page_ranking", "Which province next?")
N_(
    "ranking_question",
    "Where should the police–community partnership go after {pilots}? A ranking to "
    "question: change the weights and see how sure each rank is.",
)
N_("crit_disruption_rate", "Disruption rate")
N_(
    "crit_disruption_rate_def",
    "Incidents in the latest calendar year of data per 1,000 key-population members, as "
    "an empirical-Bayes rate (a province with few members borrows strength from the "
    "others, so a handful of incidents cannot make it the extreme); a higher rate "
    "is more reason to choose the province.",
)
N_("crit_disruption_change", "Change since the policy")
N_(
    "crit_disruption_change_def",
    "The empirical-Bayes disruption rate of the latest calendar year divided by that of "
    "{year_before_policy}, the year before the Village/Commune Safety Policy ({policy_day}); "
    "a larger rise is more reason (on a log scale, so a doubling and a halving are "
    "equally far from no change).",
)
N_("crit_kp_size", "Key-population size")
N_(
    "crit_kp_size_def",
    "Key-population members estimated in the province (summed over the populations "
    "that have an estimate); more people within the partnership's reach is more reason "
    "(on a log scale, so the largest province does not flatten the others).",
)
N_("crit_services_per_kp", "Few services")
N_(
    "crit_services_per_kp_def",
    "HIV prevention service points per 1,000 key-population members; fewer "
    "services mean more need, so a lower value is more reason (the normalisation "
    "reverses it).",
)
N_("crit_communes_without_partnership", "Communes without partnership")
N_(
    "crit_communes_without_partnership_def",
    "Share of the province's communes with no partnership activity in the last 12 "
    "months of data; more communes left to reach is more reason.",
)
N_("crit_police_readiness", "Police readiness")
N_(
    "crit_police_readiness_def",
    "Trained police within reach: for every province with a police academy, its "
    "trainees × the share of the 9 curriculum modules delivered × the pre/post test "
    "gain (post minus pre mean, per 100), counted in full in its own province and "
    "less with distance (e to the power minus distance over 150 km: about a third "
    "at 150 km) in the others; more readiness is more reason (on a log scale).",
)
N_("rank_weights", "Weights")
N_(
    "rank_weights_help",
    "Relative weights: they are scaled to sum to 1, and 0 leaves a criterion out.",
)
N_("rank_reset", "Reset the default weights")
N_("rank_method", "Method")
N_("rank_method_spotis", "Distance to the ideal")
N_("rank_method_weighted_sum", "Weighted sum")
N_("rank_method_topsis", "Closeness, province against province")
N_(
    "rank_why_spotis",
    "Each province is scored by its distance to the ideal on fixed bounds, so leaving a "
    "province out never reverses the order of the others.",
)
N_(
    "rank_why_weighted_sum",
    "The weighted sum is the plainest score; on these criteria it orders the "
    "provinces exactly as the distance to the ideal does.",
)
N_(
    "rank_why_topsis",
    "The provinces are compared with each other: leaving one out can reverse the order of others.",
)
N_("rank_criteria", "The criteria")
N_(
    "rank_weights_all_zero",
    "Every weight is zero ({criteria}): give at least one criterion a positive weight.",
)
N_("rank_weights_bad", "These weights cannot be used: {problem}")
N_("rank_input_bad", "The ranking cannot be computed from these data: {problem}")
N_("rank_table", "The ranking")
N_("rank_col_rank", "Rank (90 % interval)")
N_("rank_col_median", "Median rank")
N_("rank_col_top3", "Chance of top 3")
N_("rank_col_score", "Score")
N_("rank_col_partnership", "In the partnership")
N_("rank_in_partnership", "yes, already")
N_("rank_missing", "missing")
N_("rank_not_ranked", "not ranked")
N_(
    "rank_table_note",
    "The rank is the one at the chosen weights; {draws} draws of the weights around "
    "them, of the way the criteria are put on one scale and combined, of the "
    "key-population estimates within their ranges and of the counts put the province "
    "inside its 90 % interval 9 times in 10. "
    "Criteria run from 0 to 1 (1 = most reason to choose the province); “missing” means "
    "no data there, never 0.",
)
N_("rank_why", "Why the leaders lead")
N_(
    "rank_leader",
    "{province} (rank {rank}, 90 % interval {low}–{high}, in the top 3 in {p} of "
    "draws) is ahead of the median province mainly on {criteria}.",
)
N_(
    "rank_leader_none",
    "{province} (rank {rank}, 90 % interval {low}–{high}, in the top 3 in {p} of "
    "draws) is not ahead of the median province on any criterion.",
)
N_("rank_nobody", "No province could be ranked: every province lacks every weighted criterion.")
N_("rank_and", " and ")
N_("rank_map", "Map")
N_(
    "rank_map_caption",
    "Provinces coloured by score (darker: more reason to choose; grey: not ranked); "
    "thick outline: already in the partnership. Blue dots: police academies, placed at "
    "their province's centre because the academies file gives no coordinates.",
)
N_("rank_tt_rank", "Rank")
N_("rank_academy_point", "{name}: {modules} of {total} modules, test gain {gain}")
N_("rank_academies", "Police academies")
N_("rank_no_academies", "No police academy file is loaded: police readiness is missing everywhere.")
N_("rank_col_academy", "Academy")
N_("rank_col_modules", "Modules (of {n})")
N_("rank_col_trainees", "Trainees")
N_("rank_col_tests", "Test before → after")
N_("rank_col_gain", "Gain")
N_("rank_not_reported", "not reported")
N_("rank_counts", "Counts (the same whatever the sidebar's filters): {selection}")
N_("rank_before_window", "before the policy: {period}")
N_("rank_before_missing", "the data do not reach back to it, so the change is missing")
N_(
    "rank_stand_in",
    "A count that reads “<{t}” enters the ranking as {s} (the mean of 0 to {h}), "
    "never as itself; the count itself is never used.",
)
N_("rank_stand_in_here", "Here: {provinces}.")
N_(
    "rank_protection",
    "How numbers are protected: the ranking reads only the province counts the atlas "
    "publishes (0 to {h} incidents read “<{t}”, {t} or more are rounded to a multiple of "
    "{t}, the same way every time), public population estimates and public tables; it shows no "
    "incident count, only rates and shares scaled from 0 to 1.",
)
N_("rank_inputs", "The inputs, as published")
N_("rank_col_incidents", "Incidents, latest calendar year")
N_("rank_col_before", "Incidents, the calendar year before the policy")
N_("rank_col_kp", "Key-population estimate")
N_("rank_col_services", "Service points")
N_("rank_col_communes", "Communes")
N_("rank_col_without", "Without partnership")
N_("rank_counted_as", "{text} (counted as {s})")
N_("rank_pack", "The briefing pack")
N_(
    "rank_pack_help",
    "An A4 PDF of at most four pages with this ranking, its map, the academies, the "
    "method and the data used; built when clicked and recorded in the audit log.",
)
N_("rank_pack_en", "Briefing pack (PDF, English)")
N_("rank_pack_km", "Briefing pack (PDF, Khmer)")
N_("col_match_method", "Match method")
N_("crit_kp_per_service", "Members per service point")
N_(
    "crit_kp_per_service_def",
    "Key-population members estimated in the province per HIV prevention service "
    "point (one added to the service points, so a province without one stays "
    "finite): many people and few services are more reason (on a log scale). It "
    "replaces the size and the services per member, which measured the same thing "
    "twice.",
)
N_("rank_include_partnership", "Rank the provinces already in the partnership too")
N_(
    "rank_include_partnership_help",
    "By default the ranking holds only the candidates: the provinces already in the "
    "partnership are listed apart with their start.",
)
N_("rank_partnership_apart", "Already in the partnership (not ranked)")
N_("rank_partnership_since", "{province}: since {start}")
N_("rank_partnership_since_unknown", "{province}: start not given in the data")
N_(
    "rank_framework",
    "What the next province should have more of: police disruption of HIV prevention that "
    "is frequent and rising for the people at risk, many key-population members for each "
    "service point, and trained police within reach to carry the partnership.",
)
N_("rank_diagnostics", "How each criterion weighs in")
N_("rank_diag_effective", "Correlation with the score")
N_("rank_diag_share", "Share of the score explained")
N_("rank_diag_decision", "Decision")
N_("rank_dec_kept", "kept as it is")
N_("rank_dec_shrunk", "small numbers of members pulled towards the average (empirical Bayes)")
N_("rank_dec_capped", "{n} extreme values capped")
N_("rank_dec_constant", "the same for every province ranked: it changes no one's place")
N_("rank_dec_overlap", "measures much the same as {other} (r = {r})")
N_("rank_dec_merged", "merged into members per service point: it counted the same thing twice")
N_("rank_dec_dropped", "dropped: the same for every candidate")
N_("rank_sens", "What moves the ranking")
N_("rank_sens_moves", "What moves the first three places most: {inputs}.")
N_(
    "rank_sens_first",
    "{first} would lose first place to {new} if the weight of {criterion} went from "
    "{before} to {after}.",
)
N_("rank_sens_first_none", "No change of a single weight takes first place from {first}.")
N_(
    "rank_sens_loo",
    "Without {criterion}: first {first}; the largest move is {n} places ({province}).",
)
N_("rank_in_weight_of", "the weight of {criterion}")
N_("rank_in_normalisation", "how the criteria are put on one scale")
N_("rank_in_aggregation", "how the criteria are combined")
N_("rank_in_kp_sizes", "the key-population estimates within their ranges")
N_("rank_in_rates", "the chance in the incident counts")
N_("rank_in_protection_noise", "the protection's noise on the counts")
N_(
    "rank_method_note",
    "Distance to the ideal is SPOTIS; closeness, province against province, is TOPSIS. "
    "Members per service point and police readiness are normalised on log(1 + value); "
    "small numbers of members are shrunk by empirical Bayes, and the uncertainty adds a "
    "Monte Carlo over weights, normalisation and aggregation, Sobol' indices and leave one "
    "criterion out.",
)
