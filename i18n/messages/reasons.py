"""Why a partner file's row was quarantined: one message per reason code the ETL reports
(``etl.reasons.CODES``), key ``reason_<code>``, its placeholders the code's parameters.

The About and admin pages show them masked: a value from the file reads ``…``.
"""

from __future__ import annotations

from i18n.marker import N_

# TRANSLATORS: {value} is a value as written in the partner's file (or … where masked);
# {allowed} the accepted values, as codes.
N_("reason_not_one_of", "'{value}' is not one of: {allowed}")
N_("reason_value_outside", "'{value}' holds a value outside: {allowed}")
N_("reason_not_whole_number", "'{value}' is not a whole number")
N_("reason_not_number", "'{value}' is not a number")
N_("reason_below_minimum", "'{value}' is below {minimum}")
N_("reason_above_maximum", "'{value}' is above {maximum}")
N_("reason_not_yes_no", "'{value}' is not yes/no, true/false or 1/0")
N_("reason_not_month", "'{value}' is not a month (YYYY-MM)")
N_("reason_too_early", "'{value}' is before {earliest}: not a plausible date for the atlas")
N_("reason_date_in_future", "'{value}' is in the future")
N_("reason_not_date", "'{value}' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)")
N_("reason_not_real_date", "'{value}' is not a real date")
N_(
    "reason_ambiguous_date",
    "'{value}' is ambiguous: day and month are both 12 or less, and no date in the file "
    "shows DD/MM",
)
N_("reason_required_missing", "required value missing")
N_("reason_not_commune_code", "'{value}' is not a 6-digit commune code")
N_("reason_code_not_in_gazetteer", "commune code {code} is not in the 2025 gazetteer")
N_("reason_lonlat_not_numbers", "lon/lat '{lon}', '{lat}' are not two decimal numbers")
N_(
    "reason_point_outside",
    "point {lon}, {lat} is in no Cambodian commune (sea, abroad, or lon/lat swapped)",
)
N_(
    "reason_no_location",
    "no location: give commune_code, lon and lat, or province/district/commune names",
)
N_("reason_unknown_province", "'{value}' is not a province in the gazetteer")
N_("reason_unknown_commune", "no commune named '{commune}'")
N_("reason_unknown_commune_in_district", "no commune named '{commune}' in district '{district}'")
N_("reason_unknown_commune_in_province", "no commune named '{commune}' in province '{province}'")
N_(
    "reason_unknown_commune_in_district_province",
    "no commune named '{commune}' in district '{district}' in province '{province}'",
)
N_(
    "reason_ambiguous_commune",
    "commune name '{commune}' matches {n} communes: add the province and district, or the "
    "commune code",
)
# TRANSLATORS: {key} names the columns of a record's key (source/incident_id), {value} their
# values in the file, {first_row} a row number.
N_("reason_duplicate_key", "duplicate {key} '{value}' (first at row {first_row})")
N_("reason_already_loaded", "{key} '{value}' is already loaded from {file}")
# TRANSLATORS: {line}, {first} and {last} are line numbers of the CSV file.
N_(
    "reason_row_too_long",
    "line {line} of the file: the row is {size} MB; rows of up to {limit} MB are read",
)
N_("reason_unclosed_quote", "line {line} of the file: a quote opens a value that is never closed")
N_(
    "reason_text_after_quote",
    "line {line} of the file: text follows the closing quote of value {field}",
)
N_(
    "reason_text_after_quote_lines",
    "lines {first}-{last} of the file: text follows the closing quote of value {field}",
)
N_(
    "reason_field_count",
    "line {line} of the file: {fields} fields where the header has {columns} columns",
)
N_(
    "reason_field_count_lines",
    "lines {first}-{last} of the file: {fields} fields where the header has {columns} columns",
)
N_(
    "reason_extra_fields",
    "line {line} of the file: {fields} fields where the header has {columns} columns; fields "
    "beyond the header are not read (quote a value holding the delimiter)",
)
N_(
    "reason_extra_fields_lines",
    "lines {first}-{last} of the file: {fields} fields where the header has {columns} "
    "columns; fields beyond the header are not read (quote a value holding the delimiter)",
)
# TRANSLATORS: {row} is a row of the workbook's sheet, {cells} cell names such as A3.
N_(
    "reason_formula_without_result",
    "sheet row {row}: cell {cells} holds a formula without a stored result (the file was "
    "written by a program and never calculated): open it in Excel and save it again",
)
N_(
    "reason_beyond_header",
    "sheet row {row}: cell {cells} holds a value beyond the header's last column ({last}); "
    "name its column in the header, or remove it",
)
# A reason code this version of the atlas does not know (a database written by another one).
N_("reason_other", "a value in column {column} was not accepted")
# TRANSLATORS: {value} is a date as written in the file, with a year above 2400 that the
# atlas reads in the Buddhist Era (year - 543); {read} is the Gregorian date it gives.
N_(
    "reason_be_too_early",
    "'{value}' read as a Buddhist Era date is {read}, before {earliest}: not a plausible date "
    "for the atlas",
)
N_("reason_be_in_future", "'{value}' read as a Buddhist Era date is {read}, in the future")
