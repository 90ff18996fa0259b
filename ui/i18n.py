"""Labels in English and Khmer. Every user-facing word goes through ``t``."""

from __future__ import annotations

LANGUAGES = {"en": "English", "km": "ខ្មែរ"}

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Enabling Environment Atlas", "km": "អាត្លាសបរិយាកាសអំណោយផល"},
    "language": {"en": "Language", "km": "ភាសា"},
    "page_map": {"en": "Commune map", "km": "ផែនទីឃុំ"},
    "page_about": {"en": "About the data", "km": "អំពីទិន្នន័យ"},
    "map_question": {
        "en": "Cambodia's communes and sangkats, with their official codes",
        "km": "ឃុំ និងសង្កាត់នៃប្រទេសកម្ពុជា ជាមួយលេខកូដផ្លូវការ",
    },
    "focus": {"en": "Focus", "km": "ផ្តោតលើ"},
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
    "other_province": {"en": "Any province", "km": "ខេត្តផ្សេងទៀត"},
    "district": {"en": "District", "km": "ស្រុក/ខណ្ឌ"},
    "province": {"en": "Province", "km": "ខេត្ត/រាជធានី"},
    "commune_code": {"en": "Commune code", "km": "លេខកូដឃុំ"},
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
    "db_missing": {
        "en": "The atlas database is not built yet.",
        "km": "មូលដ្ឋានទិន្នន័យអាត្លាសមិនទាន់បានបង្កើតនៅឡើយទេ។",
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
    "bad_province": {
        "en": "The link asked for a province that does not exist; showing the whole country.",
        "km": "តំណភ្ជាប់ស្នើសុំខេត្តដែលមិនមាន; បង្ហាញទូទាំងប្រទេស។",
    },
}


def t(key: str, lang: str) -> str:
    """The label ``key`` in ``lang``, falling back to English.

    Raises:
        KeyError: if the label does not exist (a programming error, caught by the tests).
    """
    entry = LABELS[key]
    return entry.get(lang) or entry["en"]
