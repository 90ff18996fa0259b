"""Every word the briefing pack prints, in English and Khmer.

Where the dashboard already says the same thing, the pack takes the dashboard's wording from
``i18n`` (a plain dictionary), so the two never drift apart.
The rest is written here. Placeholders are ``{name}``, filled by ``label``.
"""

from __future__ import annotations

from i18n import LABELS as UI_LABELS

LANGS = ("en", "km")

#: Labels said exactly as the dashboard says them.
_SHARED = ("synthetic", "timeline", "tl_policy", "tl_mcpi", "tl_curriculum", "col_kind", "col_file",
           *(f"kind_{kind}" for kind in ("incidents", "services", "service_activity",
                                         "partnership", "academies", "kp_estimates")))  # fmt: skip

_OWN: dict[str, dict[str, str]] = {
    "title": {"en": "Which province next?", "km": "ខេត្តណាបន្ទាប់?"},
    "subtitle": {
        "en": "Briefing on where to extend the police–community partnership for HIV prevention",
        "km": "សេចក្តីសង្ខេបស្តីពីទីកន្លែងដែលគួរពង្រីកភាពជាដៃគូរវាងនគរបាល និងសហគមន៍ ក្នុងការបង្ការមេរោគអេដស៍",
    },
    "prepared_on": {"en": "Prepared on {date}", "km": "រៀបចំនៅថ្ងៃទី {date}"},
    "page_of": {"en": "Page {n} of {total}", "km": "ទំព័រ {n} នៃ {total}"},
    "sec_ranking": {"en": "Ranking of the provinces", "km": "ចំណាត់ថ្នាក់ខេត្ត"},
    "ranking_intro": {
        "en": "A higher score means more reason to extend the partnership to the province. "
        "The rank is the one at the chosen weights; {draws} draws of the weights around them "
        "(and of the counts) give the median rank, and 90 % of the draws put the province "
        "inside its interval.",
        "km": "ពិន្ទុកាន់តែខ្ពស់ មានន័យថាមានហេតុផលកាន់តែច្រើនក្នុងការពង្រីកភាពជាដៃគូទៅខេត្តនោះ។ "
        "ចំណាត់ថ្នាក់គឺជាចំណាត់ថ្នាក់តាមទម្ងន់ដែលបានជ្រើស; ការចាប់ទម្ងន់ដោយចៃដន្យ {draws} ដង "
        "ជុំវិញទម្ងន់ទាំងនោះ (និងចំនួនករណី) ផ្តល់ចំណាត់ថ្នាក់កណ្តាល ហើយ ៩០ % "
        "នៃការចាប់ទាំងនោះដាក់ខេត្តនៅក្នុងចន្លោះរបស់វា។",
    },
    "col_rank": {"en": "Rank", "km": "ចំណាត់ថ្នាក់"},
    "col_interval": {
        "en": "Median rank (90 % interval)",
        "km": "ចំណាត់ថ្នាក់កណ្តាល (ចន្លោះ ៩០ %)",
    },
    "not_ranked": {"en": "not ranked", "km": "មិនបានចាត់ថ្នាក់"},
    "col_code": {"en": "Code", "km": "លេខកូដ"},
    "col_province": {"en": "Province", "km": "ខេត្ត/រាជធានី"},
    "col_score": {"en": "Score", "km": "ពិន្ទុ"},
    "col_top3": {"en": "Chance of top 3", "km": "ឱកាសជាប់ ៣ ដំបូង"},
    "col_partnership": {"en": "In the partnership", "km": "ក្នុងភាពជាដៃគូ"},
    "missing": {"en": "missing", "km": "គ្មានទិន្នន័យ"},
    "partnership_mark": {"en": "yes", "km": "មាន"},
    "table_note": {
        "en": "Criterion values run from 0 to 1 (1 = most reason to choose the province); "
        "“missing” means the atlas has no data for it there, which is not a 0.",
        "km": "តម្លៃលក្ខណៈវិនិច្ឆ័យមានចាប់ពី ០ ដល់ ១ (១ = មានហេតុផលច្រើនបំផុតក្នុងការជ្រើសខេត្ត); "
        "“គ្មានទិន្នន័យ” មានន័យថាអាត្លាសគ្មានទិន្នន័យនៅទីនោះ មិនមែនតម្លៃ ០ ទេ។",
    },
    "why_heading": {"en": "Why the leaders lead", "km": "ហេតុអ្វីខេត្តទាំងនេះនាំមុខ"},
    "why_item": {
        "en": "{province}: mainly {criteria}",
        "km": "{province}៖ ភាគច្រើនដោយសារ {criteria}",
    },
    "sec_map": {"en": "Map", "km": "ផែនទី"},
    "map_caption_score": {
        "en": "Provinces coloured by score (darker: more reason to choose); the number in each "
        "province is its rank. Hatched: already in the partnership. Triangles: police academies "
        "(A1, A2, … as in the table below) with the curriculum modules they delivered.",
        "km": "ខេត្តត្រូវបានដាក់ពណ៌តាមពិន្ទុ (ពណ៌កាន់តែចាស់៖ មានហេតុផលកាន់តែច្រើន); "
        "លេខក្នុងខេត្តនីមួយៗគឺចំណាត់ថ្នាក់របស់វា។ ឆូតបន្ទាត់៖ មានភាពជាដៃគូរួចហើយ។ "
        "ត្រីកោណ៖ សាលានគរបាល (A1, A2, … ដូចក្នុងតារាងខាងក្រោម) ជាមួយម៉ូឌុលដែលបានបង្រៀន។",
    },
    "map_caption_rank": {
        "en": "Provinces coloured by rank (darker: nearer the top); the number in each province "
        "is its rank. Hatched: already in the partnership. Triangles: police academies (A1, "
        "A2, … as in the table below) with the curriculum modules they delivered.",
        "km": "ខេត្តត្រូវបានដាក់ពណ៌តាមចំណាត់ថ្នាក់ (ពណ៌កាន់តែចាស់៖ កាន់តែជិតលេខមួយ); "
        "លេខក្នុងខេត្តនីមួយៗគឺចំណាត់ថ្នាក់របស់វា។ ឆូតបន្ទាត់៖ មានភាពជាដៃគូរួចហើយ។ "
        "ត្រីកោណ៖ សាលានគរបាល (A1, A2, … ដូចក្នុងតារាងខាងក្រោម) ជាមួយម៉ូឌុលដែលបានបង្រៀន។",
    },
    "sec_academies": {
        "en": "Police academies teaching the harm-reduction curriculum",
        "km": "សាលានគរបាលដែលបង្រៀនកម្មវិធីសិក្សាកាត់បន្ថយគ្រោះថ្នាក់",
    },
    "no_academies": {
        "en": "No police academy file is loaded.",
        "km": "មិនទាន់មានឯកសារសាលានគរបាលទេ។",
    },
    "col_academy": {"en": "Academy", "km": "សាលា"},
    "col_modules": {"en": "Modules (of {n})", "km": "ម៉ូឌុល (ក្នុងចំណោម {n})"},
    "col_trainees": {"en": "Trainees", "km": "សិក្ខាកាម"},
    "col_tests": {"en": "Test before → after", "km": "តេស្តមុន → ក្រោយ"},
    "col_gain": {"en": "Gain", "km": "កំណើន"},
    "not_reported": {"en": "not reported", "km": "មិនបានរាយការណ៍"},
    "sec_method": {"en": "Method and weights", "km": "វិធីសាស្ត្រ និងទម្ងន់"},
    "method_line": {
        "en": "Method: {method}. Each criterion is scaled to 0–1 so that a higher value means "
        "more reason to choose the province.",
        "km": "វិធីសាស្ត្រ៖ {method}។ លក្ខណៈវិនិច្ឆ័យនីមួយៗត្រូវបានធ្វើមាត្រដ្ឋានពី ០ ដល់ ១ "
        "ដូច្នេះតម្លៃកាន់តែខ្ពស់ មានន័យថាមានហេតុផលកាន់តែច្រើនក្នុងការជ្រើសខេត្ត។",
    },
    "method_weighted_sum": {"en": "weighted sum", "km": "ផលបូកតាមទម្ងន់"},
    "method_topsis": {
        "en": "TOPSIS (closeness to the ideal province)",
        "km": "TOPSIS (ភាពជិតនឹងខេត្តឧត្តមគតិ)",
    },
    "method_spotis": {
        "en": "SPOTIS (distance to the ideal point; no rank reversal)",
        "km": "SPOTIS (ចម្ងាយទៅចំណុចឧត្តមគតិ; ចំណាត់ថ្នាក់មិនប្តូរបញ្ច្រាស)",
    },
    "col_criterion": {"en": "Criterion", "km": "លក្ខណៈវិនិច្ឆ័យ"},
    "col_weight": {"en": "Weight", "km": "ទម្ងន់"},
    "col_definition": {"en": "Definition", "km": "និយមន័យ"},
    "sec_selection": {"en": "Data selection", "km": "ការជ្រើសរើសទិន្នន័យ"},
    "sec_vintage": {"en": "Data used", "km": "ទិន្នន័យដែលបានប្រើ"},
    "col_loaded_on": {"en": "Loaded on", "km": "ផ្ទុកនៅ"},
    "no_files": {"en": "No partner file is loaded.", "km": "មិនទាន់មានឯកសារដៃគូទេ។"},
    "more_files": {
        "en": "… and {n} earlier files (the atlas's About page lists them all).",
        "km": "… និងឯកសារមុននេះ {n} ទៀត (ទំព័រអំពីទិន្នន័យនៃអាត្លាសរាយបញ្ជីទាំងអស់)។",
    },
    "kind_boundaries": {"en": "Boundaries", "km": "ព្រំប្រទល់"},
    "sec_evaluation": {"en": "Pilot evaluation", "km": "ការវាយតម្លៃកម្មវិធីសាកល្បង"},
    "evaluation_headline": {
        "en": "In the pilot communes, arrests and confiscations changed by {change} after the "
        "partnership started ({level} interval {low} to {high}; {estimator}).",
        "km": "នៅក្នុងឃុំសាកល្បង ការចាប់ខ្លួន និងការរឹបអូសបានប្រែប្រួល {change} "
        "ក្រោយពេលភាពជាដៃគូចាប់ផ្តើម (ចន្លោះ {level} ពី {low} ដល់ {high}; {estimator})។",
    },
    "evaluation_said": {
        "en": "{text} Estimated on the data shown ({estimator}); the evaluation page of the "
        "atlas gives its pre-trend test and robustness check.",
        "km": "{text} ប៉ាន់ស្មានលើទិន្នន័យដែលបានបង្ហាញ ({estimator}); ទំព័រវាយតម្លៃនៃអាត្លាសផ្តល់"
        "ការធ្វើតេស្តនិន្នាការមុន និងការត្រួតពិនិត្យភាពរឹងមាំរបស់វា។",
    },
    "evaluation_not_run": {
        "en": "Not run: the pilot evaluation has not been run on these data.",
        "km": "មិនទាន់ដំណើរការ៖ ការវាយតម្លៃកម្មវិធីសាកល្បងមិនទាន់បានដំណើរការលើទិន្នន័យនេះទេ។",
    },
    "next": {"en": "Next", "km": "បន្ទាប់"},
    "tl_pilot_pp": {
        "en": "HAARP-funded pilot with police in Phnom Penh (FHI360)",
        "km": "កម្មវិធីសាកល្បងឧបត្ថម្ភដោយ HAARP ជាមួយនគរបាលនៅភ្នំពេញ (FHI360)",
    },
    "tl_next": {
        "en": "Ministry of Interior officials plan to expand the effort to Sihanoukville "
        "(Preah Sihanouk)",
        "km": "មន្ត្រីក្រសួងមហាផ្ទៃគ្រោងពង្រីកកិច្ចខិតខំនេះទៅខេត្តព្រះសីហនុ",
    },
    "sec_curriculum": {"en": "The police curriculum", "km": "កម្មវិធីសិក្សានគរបាល"},
    "curriculum_figures": {
        "en": "National Harm Reduction Curriculum, approved {approved}: {academies} police "
        "academies, {modules} modules, a pre/post test gain of {gain} (at least {answers} of "
        "{questions} answers favouring a public-health approach).",
        "km": "កម្មវិធីសិក្សាជាតិស្តីពីការកាត់បន្ថយគ្រោះថ្នាក់ អនុម័តនៅ {approved}៖ សាលានគរបាល "
        "{academies} ម៉ូឌុល {modules} ពិន្ទុតេស្តមុន/ក្រោយកើនឡើង {gain} (យ៉ាងហោចណាស់ {answers} "
        "ក្នុងចំណោម {questions} ចម្លើយគាំទ្រវិធីសាស្ត្រសុខភាពសាធារណៈ)។",
    },
    "sec_protection": {
        "en": "How small numbers are protected",
        "km": "របៀបការពារចំនួនតូចៗ",
    },
    "month_1": {"en": "January", "km": "មករា"},
    "month_2": {"en": "February", "km": "កុម្ភៈ"},
    "month_3": {"en": "March", "km": "មីនា"},
    "month_4": {"en": "April", "km": "មេសា"},
    "month_5": {"en": "May", "km": "ឧសភា"},
    "month_6": {"en": "June", "km": "មិថុនា"},
    "month_7": {"en": "July", "km": "កក្កដា"},
    "month_8": {"en": "August", "km": "សីហា"},
    "month_9": {"en": "September", "km": "កញ្ញា"},
    "month_10": {"en": "October", "km": "តុលា"},
    "month_11": {"en": "November", "km": "វិច្ឆិកា"},
    "month_12": {"en": "December", "km": "ធ្នូ"},
}

LABELS: dict[str, dict[str, str]] = {key: UI_LABELS[key] for key in _SHARED} | _OWN


def label(key: str, lang: str, **values: object) -> str:
    """The pack's word ``key`` in ``lang`` with its ``{name}`` placeholders filled.

    Raises:
        KeyError: if the key, the language or a placeholder's value does not exist (a
            programming error, caught by the tests).
    """
    text = LABELS[key][lang]
    return text.format_map(values) if values else text
