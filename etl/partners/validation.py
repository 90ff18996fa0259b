"""Vectorised validation of a staged partner file against its contract, in DuckDB SQL.

``check_rows`` turns the staged text table into temp table ``checked``: one row per input row
with typed values, the resolved place and ``errors``, a list of ``{column, code, params,
reason}`` (a reason code of ``etl.reasons``, its parameters and its English sentence). A row
with no error is loaded; any other row is quarantined with all its reasons. The place is found
first (``placement``, materialised once); then ``b1`` parses each value once (``p_`` columns),
``b2`` adds what depends on those parses, and the final select types the values and lists the
errors (built only for rows where some check holds). Identifiers in the SQL come from
``contract``; the file's values only ever appear as column data or bound parameters.
"""

from __future__ import annotations

from datetime import date

import duckdb

from etl.partners.contract import LOCATION_COLUMNS, Column, Contract
from etl.partners.dates import (
    ascii_digits,
    date_parts,
    dmy_evidence,
    gregorian_year,
    month_parts,
    reading_notes,
)
from etl.partners.placement import (
    COMMUNE_PLACE,
    COMMUNE_PLACE_ERRORS,
    PROVINCE_PLACE,
    PROVINCE_PLACE_ERRORS,
    place_by_commune,
    place_by_province,
)
from etl.partners.sqlparts import ERROR_TYPE, Check, Parts, check, errors_sql, literal, sql_list
from etl.partners.staging import ROW_OF_STAGED, UNREADABLE
from etl.reference import PLACE_KEY_MACRO

TRUE_WORDS = ("yes", "true", "1", "y")
FALSE_WORDS = ("no", "false", "0", "n")
# The column a quarantine line names when the reader could not take the row at all.
READER_COLUMN = "(row)"


def _text(col: Column, v: str) -> Parts:
    return Parts(value=v, errors=[])


def _allowed(col: Column) -> str:
    """The contract's values of a column, as the reasons list them (SQL)."""
    return literal(", ".join(col.values))


def _enum(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    bad = f"{v} IS NOT NULL AND {p} IS NULL"
    return Parts(
        helpers=[
            f"CASE WHEN list_contains({sql_list(col.values)}, lower({v})) THEN lower({v}) END {p}"
        ],
        value=p,
        errors=[check(bad, col.name, "not_one_of", value=v, allowed=_allowed(col))],
    )


def _list_column(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    items = f"list_transform(string_split(lower({v}), ';'), x -> trim(x))"
    bad = f"{v} IS NOT NULL AND NOT list_has_all({sql_list(col.values)}, {p})"
    return Parts(
        helpers=[f"{items} AS {p}"],
        value=p,
        errors=[check(bad, col.name, "value_outside", value=v, allowed=_allowed(col))],
    )


def _number(col: Column, v: str) -> Parts:
    """A whole or decimal number, Khmer digits read; a year (``col.year``) above 2400 read in
    the Buddhist Era."""
    p = f"p_{col.name}"
    cast = "BIGINT" if col.kind == "int" else "DOUBLE"
    parse = gregorian_year(v) if col.year else f"try_cast({ascii_digits(v)} AS {cast})"
    what = "not_whole_number" if col.kind == "int" else "not_number"
    errors = [check(f"{v} IS NOT NULL AND {p} IS NULL", col.name, what, value=v)]
    if col.minimum is not None:
        low = literal(f"{col.minimum:g}")
        errors.append(
            check(f"{p} < {col.minimum}", col.name, "below_minimum", value=v, minimum=low)
        )
    if col.maximum is not None:
        high = literal(f"{col.maximum:g}")
        errors.append(
            check(f"{p} > {col.maximum}", col.name, "above_maximum", value=v, maximum=high)
        )
    value = p if col.default is None else f"coalesce({p}, {col.default})"
    return Parts(helpers=[f"{parse} AS {p}"], value=value, errors=errors)


def _bool(col: Column, v: str) -> Parts:
    p, word = f"p_{col.name}", f"lower({ascii_digits(v)})"
    parse = (
        f"CASE WHEN list_contains({sql_list(TRUE_WORDS)}, {word}) THEN true "
        f"WHEN list_contains({sql_list(FALSE_WORDS)}, {word}) THEN false END"
    )
    bad = f"{v} IS NOT NULL AND {p} IS NULL"
    value = p if col.default is None else f"coalesce({p}, {col.default})"
    return Parts(
        helpers=[f"{parse} AS {p}"],
        value=value,
        errors=[check(bad, col.name, "not_yes_no", value=v)],
    )


PARSERS = {
    "text": _text,
    "enum": _enum,
    "list": _list_column,
    "int": _number,
    "float": _number,
    "bool": _bool,
    "month": month_parts,
    "date": date_parts,
}


def _literal(col: Column) -> str:
    if col.default is None:
        return "NULL"
    return str(col.default).lower() if col.kind in ("int", "float", "bool") else f"'{col.default}'"


def column_parts(col: Column, present: set[str]) -> Parts:
    """The SQL parts of one contract column; a column absent from the file takes its default,
    and a required one absent cannot happen (the file is rejected before)."""
    if col.name not in present:
        return Parts(value=_literal(col))
    v = f"v_{col.name}"
    parts = PARSERS[col.kind](col, v)
    if col.required:
        parts.errors.insert(0, check(f"{v} IS NULL", col.name, "required_missing"))
    return parts


def _kind_of(contract: Contract, name: str) -> str:
    return next(c.kind for c in contract.columns if c.name == name)


def _stored_key(contract: Contract, name: str) -> str:
    """A stored key column as the text a file would hold (months as YYYY-MM)."""
    if _kind_of(contract, name) == "month":
        return f"strftime(k.{name}, '%Y-%m') AS {name}"
    return f"CAST(k.{name} AS VARCHAR) AS {name}"


def _key_text(contract: Contract, name: str) -> str:
    """A row's key value as stored: enums in lower case."""
    return f"lower(t.v_{name})" if _kind_of(contract, name) == "enum" else f"t.v_{name}"


def _duplicates(
    con: duckdb.DuckDBPyConnection, contract: Contract, present: set[str], base: str
) -> tuple[list[str], str, list[str]]:
    """Helpers, joins and errors flagging a key seen earlier in the file or in another file.

    Repeated keys are found by one aggregation into temp table ``dup_keys`` (cheaper than a
    window over every row); rows then join it and the other files' keys.
    """
    keys = [k for k in contract.key if k in present]
    if not keys or any(k not in present for k in contract.key if k != "population"):
        return [], "", []
    cols = ", ".join(f"v_{k}" for k in keys)
    complete = " AND ".join(f"v_{k} IS NOT NULL" for k in keys if k != "population")
    aliases = ", ".join(f"v_{k} AS k_{k}" for k in keys)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE dup_keys AS SELECT {aliases}, min(_row) AS first_row "
        f"FROM {base} WHERE {complete} GROUP BY ALL HAVING count(*) > 1"
    )
    same = " AND ".join(f"d.k_{k} IS NOT DISTINCT FROM t.v_{k}" for k in keys)
    other = " AND ".join(f"ex.{k} IS NOT DISTINCT FROM {_key_text(contract, k)}" for k in keys)
    stored = ", ".join(_stored_key(contract, c) for c in keys)
    join = (
        f"LEFT JOIN dup_keys d ON {same} "
        f"LEFT JOIN (SELECT DISTINCT {stored}, lg.file_name "
        f"FROM {contract.kind} k JOIN load_log lg USING (file_identity) "
        f"WHERE k.file_identity <> $fid) ex ON {other}"
    )
    label, value = literal("/".join(keys)), f"concat_ws('/', {cols})"
    errors = [
        check(
            "_row <> first_row", keys[-1], "duplicate_key", key=label, value=value,
            first_row="first_row",
        ),
        check(
            "existing_file IS NOT NULL", keys[-1], "already_loaded", key=label, value=value,
            file="existing_file",
        ),
    ]  # fmt: skip
    return ["d.first_row", "ex.file_name AS existing_file"], join, errors


def check_rows(
    con: duckdb.DuckDBPyConnection,
    staged: str,
    columns: tuple[str, ...],
    contract: Contract,
    file_identity: str,
    today: date,
    unreadable: bool = False,
) -> list[str]:
    """Validate every staged row; creates temp table ``checked`` (typed values, place, errors)
    and returns the notes for the load's report (values read in Khmer digits or in the
    Buddhist Era: ``dates.reading_notes``).

    With ``unreadable``, the rows listed in temp table ``unreadable`` (the reader could not
    take them) get the reader's reason as their only error.

    Raises:
        duckdb.Error: only on a programming error; bad values become errors, never exceptions.
    """
    present = set(columns)
    con.execute(PLACE_KEY_MACRO)
    wanted = [c.name for c in contract.columns]
    if contract.place == "commune":
        wanted += [c for c in LOCATION_COLUMNS if c not in wanted]
    cols = ", ".join(f"nullif(trim(\"{n}\"), '') AS v_{n}" for n in wanted if n in present)
    row = f"{ROW_OF_STAGED} AS _row"
    con.execute(f"CREATE OR REPLACE TEMP VIEW trimmed AS SELECT {row}, {cols} FROM {staged}")
    parts = [column_parts(c, present) for c in contract.columns]
    place, errors = [], [e for p in parts for e in p.errors]
    if contract.place == "commune":
        place_by_commune(con, present)
        place, errors = COMMUNE_PLACE, errors + COMMUNE_PLACE_ERRORS
    elif contract.place == "province":
        place_by_province(con)
        place, errors = PROVINCE_PLACE, errors + PROVINCE_PLACE_ERRORS
    base = "located" if contract.place == "commune" else "trimmed"
    dup_helpers, dup_join, dup_errors = _duplicates(con, contract, present, base)
    source = "trimmed" if contract.place == "none" else "loc"
    first = ["t.*", *[h for p in parts for h in p.helpers], *dup_helpers]
    second = ["b1.*", *[h for p in parts for h in p.second]]
    typed = [f"{p.value} AS {c.name}" for p, c in zip(parts, contract.columns, strict=True)]
    sql = f"""
        CREATE OR REPLACE TEMP TABLE checked AS
        WITH b1 AS (SELECT {", ".join(first)} FROM {source} t {dup_join}),
             b2 AS (SELECT {", ".join(second)} FROM b1)
        SELECT _row, {", ".join(typed + place)},
            {_errors(errors + dup_errors, unreadable)}
    """
    params = {"today": today, "fid": file_identity, **dmy_evidence(con, staged, contract, present)}
    con.execute(sql, {k: v for k, v in params.items() if f"${k}" in sql})
    return reading_notes(con, contract, present)


def _errors(checks: list[Check], unreadable: bool) -> str:
    """The select's errors column and its FROM clause: the checks' errors, or for a row the
    reader could not take, the reader's reason alone."""
    if not unreadable:
        return f"{errors_sql(checks)} AS errors FROM b2"
    reader = (
        f"[{{'column': '{READER_COLUMN}', 'code': u.why_code, 'params': u.why_params, "
        f"'reason': u.why}}]::{ERROR_TYPE}[]"
    )
    return (
        f"CASE WHEN u.why IS NOT NULL THEN {reader} ELSE {errors_sql(checks)} END AS errors "
        f"FROM b2 LEFT JOIN {UNREADABLE} u USING (_row)"
    )
