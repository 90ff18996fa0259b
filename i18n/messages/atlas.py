"""The atlas's frame: its title, audiences, the admin page, the map and the About page; how
commune polygons were matched, and the kinds of partner file."""

from __future__ import annotations

from i18n.marker import N_

N_("app_title", "Enabling Environment Atlas")
N_("language", "Language")
# TRANSLATORS: the name of this language, in itself (the language menu shows it).
N_("language_name", "English")
N_("page_map", "Commune map")
N_("page_about", "About the data")
# Audiences (ui/identity.py, ui/guard.py) and the admin page (pages/admin.py).
N_("page_admin", "Partner files")
N_("admin_question", "Load partner files, and see who downloaded, exported or loaded what")
N_("not_for_audience", "This page is not available for this audience.")
N_("go_home", "Go to {page}")
N_("roles_broken", "The atlas cannot start: {problem}")
N_("signed_in_as", "Signed in as {user} ({role})")
N_("anonymous_visitor", "Visitor without sign-in ({role})")
N_("role_analyst", "analyst")
N_("role_briefing", "briefing")
N_("role_admin", "administrator")
N_("log_in", "Log in")
N_("log_out", "Log out")
N_("upload_heading", "Load partner files")
N_("upload_kind", "Kind of file")
N_("upload_files", "Partner files (CSV or XLSX)")
N_(
    "upload_help",
    "Each file goes through the same checks as `python -m etl ingest`: every row is "
    "loaded or quarantined with its reason. A file sent again under the same name replaces "
    "its earlier version.",
)
N_("upload_button", "Load the files")
N_("upload_done", "The database now holds these files: every page shows them from its next run.")
N_("upload_refused", "{file} was refused; nothing of it was loaded. {message}")
N_("upload_failed", "Nothing was loaded; the database is as it was: {problem}")
N_("upload_reasons", "Quarantined rows of these files, by column and reason (values masked)")
N_("load_loaded", "loaded")
N_("load_replaced", "replaced")
N_("load_unchanged", "unchanged (same content)")
N_("load_rejected", "refused")
N_("audit_heading", "Audit log")
N_(
    "audit_help",
    "Every download, export, upload and ingest, newest first (also: `python -m audit`).",
)
N_("audit_user", "User contains")
N_("audit_action", "Action")
N_("audit_days", "Days (UTC)")
N_("audit_empty", "No entry matches.")
N_("audit_broken", "The audit log cannot be read: {problem}")
N_("action_download", "download")
N_("action_export", "export")
N_("action_upload", "upload")
N_("action_ingest", "ingest")
N_("col_status", "Result")
N_("col_time", "Time (UTC)")
N_("col_user", "User")
N_("col_role", "Role")
N_("col_action", "Action")
N_("col_link", "View")
N_("col_outcome", "Outcome")
N_("col_sha256", "SHA-256")
N_("map_question", "Cambodia's communes and sangkats, with their official codes")
N_("whole_country", "Whole country")
N_("partnership_sites", "Partnership sites (one click)")
N_(
    "site_01",
    "First pilot (MCPI): FHI360 with the Ministry of Interior's AIDS Secretariat held "
    "police sensitisation sessions; police stopped using condoms as evidence for arrest.",
)
N_("site_12", "Second pilot, funded by AusAID's HAARP: FHI360 with the police in Phnom Penh.")
N_(
    "site_18",
    "Next: Ministry of Interior officials sought to expand the effort to Preah Sihanouk "
    "(Sihanoukville).",
)
N_("district", "District")
N_("province", "Province")
N_("commune_code", "Commune code")
N_("district_code", "District code")
N_("province_code", "Province code")
N_("no_code", "no official code")
N_("communes", "Communes")
N_("with_code", "with official code")
N_(
    "coloured_by_province",
    "Communes are coloured by province; hover for names in Khmer and English.",
)
N_(
    "offline_basemap",
    "No basemap: the tile server is out of reach, so the map uses a plain background.",
)
N_(
    "assets_missing",
    "The local map scripts are missing: run `python -m geo.assets` (the set-up does).",
)
N_("synthetic", "Synthetic demonstration data: no real incident is shown.")
N_("timeline", "Timeline")
N_("sources", "Sources")
N_("match_quality", "How the communes were matched")
N_("partner_files", "Partner files loaded")
N_(
    "partner_files_help",
    "Every row read is loaded or quarantined; reasons are shown without their values.",
)
# How each 2014 commune polygon found its gazetteer code (vocabulary.MATCH_METHODS).
N_("mm_exact", "Same name in the same district")
N_("mm_fuzzy", "Close spelling in the same district")
N_("mm_exact_other_district", "Same name, in a district renamed or redrawn since")
N_("mm_fuzzy_other_district", "Close spelling, in a district renamed or redrawn since")
N_(
    "mm_direction",
    "Names that differ by a compass side (north, south…), told apart by where each lies",
)
N_("mm_manual", "Matched by hand (checked list)")
N_("mm_manual_unmatched", "Checked by hand: no commune today")
N_("mm_ambiguous", "No code: the name fits several communes")
N_("mm_split_after_2014", "No code: split into several communes after 2014")
N_("mm_unmatched", "No code: no match found")
# The kinds of partner file (etl.partners.contract.CONTRACTS).
N_("kind_incidents", "Incidents")
N_("kind_services", "Services")
N_("kind_service_activity", "Service activity")
N_("kind_partnership", "Partnership")
N_("kind_academies", "Police academies")
N_("kind_kp_estimates", "Key-population estimates")
N_("col_polygons", "Polygons")
N_("col_kind", "Kind")
N_("col_file", "File")
N_("col_read", "Rows read")
N_("col_loaded", "Loaded")
N_("col_quarantined", "Quarantined")
N_("col_column", "Column")
N_("col_reason", "Reason")
N_("col_rows", "Rows")
N_("audit_not_for_audience", "The audit log is not available for this audience.")
N_("download_not_for_audience", "This download ({kind}) is not available for this audience.")
N_("list_and", "{items} and {last}")
N_("pack_not_for_audience", "The briefing pack is not available for this audience.")
N_("upload_not_for_audience", "Loading partner files is not available for this audience.")
N_("col_checks", "Checks")
N_("col_made_at", "Made on")
N_("col_made_from", "Data loaded on")
N_("col_product", "Product")
N_("col_seconds", "Seconds")
N_("product_failed", "failed: {reason}")
N_("product_made", "made")
N_(
    "product_stale",
    "These results were made from the data loaded on {made}. Newer data, loaded on "
    "{loaded}, are being published: reload this page in a minute to see them.",
)
N_(
    "product_stale_idle",
    "These results were made from the data loaded on {made}. Newer data, loaded on "
    "{loaded}, are not published yet: an administrator can publish them on the Admin "
    "page.",
)
N_(
    "products_behind",
    "The results are older than the data loaded on {loaded}, and no publish is running.",
)
N_("products_current", "Every result is made from the data loaded on {loaded}.")
N_("products_heading", "Published results")
N_(
    "products_help",
    "What the pages show without computing it: each result with the data it was made "
    "from, its rows, its checks and the seconds it took (python -m publish).",
)
N_("products_none", "Nothing is published yet.")
N_("products_publish", "Publish now")
N_("products_running", "Publishing now, from the data loaded on {loaded}.")
N_(
    "upload_publishing",
    "The files are in. The results derived from them (the evaluation, the ranking, the "
    "briefing store) are being published in the background: their state is shown below.",
)
N_("audit_break_end", "End of the log: {kind} ({detail})")
N_("audit_break_line", "Line {line}: {kind} ({detail})")
N_(
    "audit_chain_broken",
    "The audit log was changed after it was written: its hash chain breaks in {n} "
    "place(s). The entries below are those that can still be read.",
)
N_(
    "audit_chain_intact",
    "{n} entries; the hash chain is intact. Last hash: `{hash}` (keep a copy elsewhere: "
    "it pins the log's end).",
)
N_(
    "audit_chain_older",
    "{n} of them were written before the chain existed; its first line seals them.",
)
N_("audit_kind_deleted", "deleted")
N_("audit_kind_edited", "edited")
N_("audit_kind_head", "head file")
N_("audit_kind_inserted", "inserted")
N_("audit_kind_reordered", "reordered")
N_("audit_kind_truncated", "cut short")
N_(
    "audit_unwritable",
    "The audit log cannot be written (setting {setting}: {reason}). Until it can, every "
    "download, export, upload and ingest is refused.",
)
N_(
    "download_no_audit",
    "Downloads are paused: the audit log cannot be written, and no file leaves the atlas "
    "unrecorded. Tell the administrator (setting ATLAS_AUDIT_LOG).",
)
N_("rank_download_academies", "Download the academies (CSV)")
N_("rank_download_table", "Download the ranking (CSV)")
N_(
    "upload_no_audit",
    "Nothing was loaded; the database is as it was: {problem}. A file is loaded only once "
    "its line is in the audit log.",
)
# TRANSLATORS: said over every page when the database holds the synthetic demonstration rows
# together with real partner rows (a partner file loaded into a demo build).
N_(
    "synthetic_mixed",
    "Partly synthetic data: synthetic demonstration rows are mixed with real partner rows, and "
    "numbers may count both.",
)
N_("upload_allow_fewer", "Replace a loaded file even with far fewer rows")
N_(
    "upload_allow_fewer_help",
    "A new version of a loaded file with no rows, or with fewer than half the rows now loaded "
    "from it, is refused unless this is ticked; ticked, the rows it lacks are removed.",
)
# TRANSLATORS: {message} is the load's report for the file, in English (sheets not read,
# dates read in the Buddhist Era, services placed at their commune).
N_("upload_note", "{file} was loaded. {message}")
N_(
    "file_counts_protected",
    "Rows are rounded to tens, and fewer than ten read <10: a file's rows are incidents too. "
    "Only administrators see them exactly.",
)
N_("audit_detail_empty_line", "an empty line inside the chain")
N_("audit_detail_cut_short", "the last line is cut short")
N_("audit_detail_not_entry", "not an audit entry")
N_("audit_detail_unchained_after", "a line without the chain after the chain started")
N_(
    "audit_detail_sealed_changed",
    "the {n} line(s) before the chain are not those this entry sealed: one was edited, "
    "deleted or inserted",
)
N_(
    "audit_detail_first_missing",
    "the first {n} entr(y/ies) are missing (this line was written as entry {seq})",
)
N_("audit_detail_not_start", "it does not chain to the start of the log")
N_(
    "audit_detail_bad_mac",
    "its keyed hash does not match its content: it was edited, or written without the "
    "atlas's secret",
)
N_("audit_detail_number_order", "its number {seq} does not follow {after}")
N_("audit_detail_twice", "entry {seq} appears twice: this line or the other was inserted")
N_("audit_detail_reordered", "written as entry {seq}, it comes after entry {after}")
N_(
    "audit_detail_missing",
    "{n} entr(y/ies) written before it are missing (entries {first} to {last})",
)
N_("audit_detail_not_recorded", "it is not the entry line {line} recorded before it")
N_(
    "audit_detail_head_unchained",
    "written when the log's head was missing or damaged: entries after {after} may have been "
    "cut from the end",
)
N_(
    "audit_detail_head_unreadable",
    "the head file is not readable: entries removed from the end would not show",
)
N_(
    "audit_detail_head_missing",
    "the head file is missing: entries removed from the end would not show",
)
N_(
    "audit_detail_head_unkeyed",
    "the head file was not written with the atlas's secret: it was replaced",
)
N_(
    "audit_detail_head_without_chain",
    "the head records {n} entries, but no line carries the keyed chain: the chain was removed",
)
N_(
    "audit_detail_end_missing",
    "entries {first} to {last} are missing from the end (the head records {last})",
)
N_("audit_detail_not_head_entry", "it is not the entry the head recorded")
N_("audit_detail_head_ahead", "{n} entries after the last one the head records")
N_("audit_detail_log_missing", "the log is missing, but its head records {n} entries")
N_("audit_sum_entries", "{n} entries")
N_("audit_sum_entries_older", "{n} entries ({older} written before the chain)")
N_("audit_sum_intact", "the chain is intact")
N_("audit_sum_broken", "the chain breaks in {n} place(s)")
N_("audit_sum_no_log", "no log yet: nothing has been recorded")
N_("audit_sum_no_chain", "cannot be verified: no chain (no line carries the keyed chain)")
N_(
    "audit_sum_unkeyed",
    "cannot be verified: its chain is not keyed (written before the key); python -m audit "
    "--seal keys it",
)
N_(
    "audit_note_interrupted",
    "line {line} was written after the head was last updated (a write interrupted; the next "
    "write updates the head)",
)
N_(
    "audit_no_log",
    "No audit log yet: nothing has been downloaded, exported, uploaded or ingested since it "
    "was set up.",
)
N_(
    "audit_no_chain",
    "The audit log cannot be verified: {summary}. Its lines may have been edited; the "
    "administrator can key it with python -m audit --seal.",
)
N_("action_seal", "key the log")
N_("audit_cannot_write", "the audit log cannot be written (setting {setting}: {reason})")
N_("audit_reason_not_a_folder", "Not a directory")
N_("audit_reason_is_a_folder", "Is a directory")
N_("audit_reason_permission", "Permission denied")
N_("audit_reason_no_space", "No space left on device")
N_("audit_reason_read_only", "Read-only file system")
N_("audit_reason_missing", "No such file or directory")
# TRANSLATORS: {reason} is the operating system's own words, in English.
N_("audit_reason_other", "the system reports: {reason}")
N_("audit_reason_secret_missing", "the secret file is missing: restore it")
N_("audit_reason_secret_unreadable", "the secret file cannot be created or read")
N_("audit_reason_secret_not_hex", "the secret file does not hold 64 hexadecimal digits")
N_(
    "ncdd_counts",
    "{read} read: {matched} matched to a polygon ({by_code} by code, {by_name} by name), "
    "{unmatched} unmatched, {unreadable} unreadable",
)
N_("ncdd_missing", "missing: rates per 1,000 are not available")
N_(
    "audit_detail_chain_removed",
    "the {n} line(s) before it lost the keyed chain this log had: nothing vouches for them "
    "(python -m audit --seal seals them, if they are right)",
)
# TRANSLATORS: the ten digits 0 to 9 as numbers, dates and codes are written on screen in this
# language (the same ten if unchanged); downloads keep 0 to 9.
N_("digits", "0123456789")
