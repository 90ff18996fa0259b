"""The atlas's shared vocabulary: the case study's facts, the data contract's values, the
coordinate systems and the synthetic label.

One module that ``etl/``, ``query/``, ``geo/``, ``ui/`` and the analysis import, so a date or a
value list is written once. It imports nothing of the project (and nothing heavy), so any layer
may use it. Words users read (in Khmer and English) live in ``i18n``; this module holds the
facts those words are about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# --- The case study (../shared/context/case-study.txt) ------------------------------------

#: The Village/Commune Safety Policy was announced by the Ministry of Interior on this day.
POLICY_DAY = date(2010, 8, 16)
#: The National Harm Reduction Curriculum was approved in November 2011 (no day is given).
CURRICULUM_DAY = date(2011, 11, 1)
#: The curriculum: adopted by six police academies, nine modules, a 34 % pre/post test gain
#: (at least 27 of 33 answers favouring a public-health approach).
CURRICULUM_ACADEMIES = 6
CURRICULUM_MODULES = 9
CURRICULUM_GAIN = 0.34
CURRICULUM_ANSWERS = (27, 33)


@dataclass(frozen=True)
class PilotSite:
    """A province where the partnership was piloted, in the case study's order."""

    province_code: str
    name_en: str  # the gazetteer calls 18 "Sihanoukville"; the atlas says "Preah Sihanouk"
    year: int
    programme: str
    partner: str


PILOT_SITES: tuple[PilotSite, ...] = (
    PilotSite("01", "Banteay Meanchey", 2011, "mcpi", "FHI360"),
    PilotSite("12", "Phnom Penh", 2012, "pcpi", "FHI360 (HAARP)"),
    PilotSite("18", "Preah Sihanouk", 2013, "pcpi", "planned expansion"),
)
PILOT_PROVINCES = tuple(site.province_code for site in PILOT_SITES)
#: The atlas's English name of a province where the gazetteer's differs: the gazetteer calls
#: province 18 after its town, Sihanoukville; the case study and the atlas say Preah Sihanouk
#: (its Khmer name, ព្រះសីហនុ, is the same in both), one name on every page, file and pack.
PROVINCE_NAMES_EN = {site.province_code: site.name_en for site in PILOT_SITES}

# --- The data contract (../shared/spec/data-contract.md) ----------------------------------

POPULATIONS = ("fsw", "pwid", "pwud", "msm", "tg", "outreach_worker", "other")
INCIDENT_TYPES = (
    "arrest_detention",
    "condom_confiscation",
    "syringe_confiscation",
    "venue_raid",
    "outreach_obstructed",
    "compulsory_treatment",
    "extortion_harassment",
    "service_disruption",
)
ACTORS = ("police", "military_police", "commune_authority", "village_security", "other")
SERVICE_TYPES = (
    "nsp",
    "mmt",
    "hiv_testing",
    "drop_in_centre",
    "outreach_team",
    "sti_clinic",
    "art_site",
    "condom_distribution",
)
PROGRAMMES = ("mcpi", "pcpi")
ACTIVITIES = ("police_sensitisation", "rapid_response_team", "joint_case_review", "police_training")
#: The incident types the partnership aims at (arrests and confiscations): the pilot's outcome.
PILOT_TYPES = ("arrest_detention", "condom_confiscation", "syringe_confiscation")
#: The key populations the case study names (sex and entertainment workers, people who use or
#: inject drugs, men who have sex with men, transgender people): those size estimates exist for.
KEY_POPULATIONS = ("fsw", "pwid", "pwud", "msm", "tg")
#: The activities that start the partnership in a commune (the demo plants its effect there).
STARTING_ACTIVITIES = ("police_sensitisation", "rapid_response_team")
#: Dates before this year are implausible for this field (the policy is from 2010).
EARLIEST_YEAR = 1990

#: How a commune polygon of the 2014 boundaries was matched to the 2025 gazetteer
#: (etl.reference.conflate): the About page says each in words.
MATCH_METHODS = (
    "exact", "fuzzy", "exact_other_district", "fuzzy_other_district", "direction", "manual",
    "manual_unmatched", "ambiguous", "split_after_2014", "unmatched",
)  # fmt: skip

# --- Geography ----------------------------------------------------------------------------

#: Every geometry the atlas stores or draws: WGS84 longitude/latitude.
CRS = "EPSG:4326"
#: Areas and distances: UTM zone 48N covers Cambodia.
METRIC_CRS = "EPSG:32648"

#: The border and port towns the policy hit hardest (demo-data.md): their districts, with Phnom
#: Penh (``CAPITAL``) the atlas's "hotspots"; with communes smaller than ``URBAN_MAX_KM2`` they
#: are its urban communes (the evaluation compares pilot communes with urban ones elsewhere).
HOTSPOT_DISTRICTS = {
    "0110": "Poipet",
    "0203": "Battambang",
    "1710": "Siem Reap",
    "1801": "Sihanoukville",
}
CAPITAL = "12"
URBAN_MAX_KM2 = 15.0

# --- Synthetic data -----------------------------------------------------------------------

#: What every file, source, view and download of the demo set says it is.
SYNTHETIC_LABEL = "synthetic demonstration data"
#: What a database holding the demo set's rows and partner rows together says it is.
MIXED_LABEL = "partly synthetic: demonstration data mixed with partner data"
