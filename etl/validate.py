"""Vectorised validation of a staged partner file against its contract, in DuckDB SQL.

``check_rows`` turns the staged text table into temp table ``checked``: one row per input row
with typed values, the resolved place and ``errors``, a list of ``{column, reason}``. A row
with no error is loaded; any other row is quarantined with all its reasons. The query has two
layers: the first parses each value once (``p_`` columns) and joins the place found; the second
types the values and lists the errors. Identifiers in the SQL come from ``etl.contract``; the
file's values only ever appear as column data or bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from etl.contract import LOCATION_COLUMNS, Column, Contract
from etl.readers import ROW_OF_STAGED

TRUE_WORDS = ("yes", "true", "1", "y")
FALSE_WORDS = ("no", "false", "0", "n")
ISO = r"\d{4}-\d{1,2}-\d{1,2}"
DMY = r"\d{1,2}/\d{1,2}/\d{4}"

PLACE_KEY_MACRO = r"""
CREATE OR REPLACE TEMP MACRO place_key(x) AS CASE
    WHEN x IS NULL THEN NULL
    WHEN regexp_matches(x, '[\x{1780}-\x{17FF}]')
        THEN regexp_replace(x, '[\s\x{200B}\x{200C}\x{200D}]+', '', 'g')
    ELSE lower(regexp_replace(strip_accents(x), '[^A-Za-z0-9]+', '', 'g'))
END
"""


@dataclass
class Parts:
    """SQL for one column: first-layer helpers, the typed value, and its error checks."""

    helpers: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)  # helpers that use the first ones
    value: str = "NULL"
    errors: list[Check] = field(default_factory=list)


def _list(values: tuple[str, ...]) -> str:
    # Values come from etl.contract (fixed enums), never from input files.
    return "[" + ", ".join("'" + v + "'" for v in values) + "]"


@dataclass(frozen=True)
class Check:
    """One error check: when ``condition`` holds, ``column`` gets ``reason`` (SQL text)."""

    condition: str
    column: str
    reason: str

    def sql(self) -> str:
        """The error as a struct, or NULL when the condition does not hold."""
        struct = f"{{'column': '{self.column}', 'reason': {self.reason}}}"
        return f"CASE WHEN {self.condition} THEN {struct} END"


def _err(condition: str, column: str, reason: str) -> Check:
    return Check(condition, column, reason)


def errors_sql(checks: list[Check]) -> str:
    """The row's list of errors. The list is built only for rows where some check holds: an
    OR of conditions costs far less per row than building every struct."""
    if not checks:
        return '[]::STRUCT("column" VARCHAR, reason VARCHAR)[]'
    anything = " OR ".join(f"({c.condition})" for c in checks)
    structs = ", ".join(c.sql() for c in checks)
    return (
        f"CASE WHEN {anything} THEN list_filter([{structs}], x -> x IS NOT NULL) "
        'ELSE []::STRUCT("column" VARCHAR, reason VARCHAR)[] END'
    )


def _shown(expr: str, text: str) -> str:
    """SQL for ``'<value>' text``."""
    return f"'''' || {expr} || ''' {text}'"


def _text(col: Column, v: str) -> Parts:
    return Parts(value=v, errors=[])


def _enum(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    bad = f"{v} IS NOT NULL AND {p} IS NULL"
    return Parts(
        helpers=[
            f"CASE WHEN list_contains({_list(col.values)}, lower({v})) THEN lower({v}) END {p}"
        ],
        value=p,
        errors=[_err(bad, col.name, _shown(v, "is not one of: " + ", ".join(col.values)))],
    )


def _list_column(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    items = f"list_transform(string_split(lower({v}), ';'), x -> trim(x))"
    bad = f"{v} IS NOT NULL AND NOT list_has_all({_list(col.values)}, {p})"
    return Parts(
        helpers=[f"{items} AS {p}"],
        value=p,
        errors=[_err(bad, col.name, _shown(v, "holds a value outside: " + ", ".join(col.values)))],
    )


def _number(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    cast = "BIGINT" if col.kind == "int" else "DOUBLE"
    what = "a whole number" if col.kind == "int" else "a number"
    errors = [_err(f"{v} IS NOT NULL AND {p} IS NULL", col.name, _shown(v, f"is not {what}"))]
    if col.minimum is not None:
        errors.append(
            _err(f"{p} < {col.minimum}", col.name, _shown(v, f"is below {col.minimum:g}"))
        )
    if col.maximum is not None:
        errors.append(
            _err(f"{p} > {col.maximum}", col.name, _shown(v, f"is above {col.maximum:g}"))
        )
    value = p if col.default is None else f"coalesce({p}, {col.default})"
    return Parts(helpers=[f"try_cast({v} AS {cast}) AS {p}"], value=value, errors=errors)


def _bool(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    parse = (
        f"CASE WHEN list_contains({_list(TRUE_WORDS)}, lower({v})) THEN true "
        f"WHEN list_contains({_list(FALSE_WORDS)}, lower({v})) THEN false END"
    )
    bad = f"{v} IS NOT NULL AND {p} IS NULL"
    value = p if col.default is None else f"coalesce({p}, {col.default})"
    return Parts(
        helpers=[f"{parse} AS {p}"],
        value=value,
        errors=[_err(bad, col.name, _shown(v, "is not yes/no, true/false or 1/0"))],
    )


def _month(col: Column, v: str) -> Parts:
    p = f"p_{col.name}"
    parse = (
        f"CASE WHEN regexp_full_match({v}, '\\d{{4}}-\\d{{2}}') "
        f"THEN CAST(try_strptime({v} || '-01', '%Y-%m-%d') AS DATE) END"
    )
    return Parts(
        helpers=[f"{parse} AS {p}"],
        value=p,
        errors=[
            _err(
                f"{v} IS NOT NULL AND {p} IS NULL", col.name, _shown(v, "is not a month (YYYY-MM)")
            ),
            _err(f"{p} > $today", col.name, _shown(v, "is in the future")),
        ],
    )


def _date(col: Column, v: str) -> Parts:
    """ISO or DD/MM/YYYY. A slash date whose day and month are both 12 or less (and differ) is
    ambiguous unless the file itself shows DD/MM (``$dmy_<column>``, see ``_dmy_evidence``)."""
    p, f, a = f"p_{col.name}", f"f_{col.name}", f"a_{col.name}"
    form = (
        f"CASE WHEN regexp_full_match({v}, '{ISO}') THEN 'iso' "
        f"WHEN regexp_full_match({v}, '{DMY}') THEN 'dmy' END"
    )
    parse = (
        f"CAST(CASE {f} WHEN 'iso' THEN try_strptime({v}, '%Y-%m-%d') "
        f"WHEN 'dmy' THEN try_strptime({v}, '%d/%m/%Y') END AS DATE)"
    )
    day = f"try_cast(split_part({v}, '/', 1) AS INTEGER)"
    month = f"try_cast(split_part({v}, '/', 2) AS INTEGER)"
    ambiguous = (
        f"coalesce({f} = 'dmy' AND {day} <= 12 AND {month} <= 12 AND {day} <> {month} "
        f"AND NOT $dmy_{col.name}, false)"
    )
    not_date = "is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"
    unclear = "is ambiguous: day and month are both 12 or less, and no date in the file shows DD/MM"
    return Parts(
        helpers=[f"{form} AS {f}"],
        second=[f"{parse} AS {p}", f"{ambiguous} AS {a}"],
        value=f"CASE WHEN {a} THEN NULL ELSE {p} END",
        errors=[
            _err(f"{v} IS NOT NULL AND {f} IS NULL", col.name, _shown(v, not_date)),
            _err(f"{f} IS NOT NULL AND {p} IS NULL", col.name, _shown(v, "is not a real date")),
            _err(a, col.name, _shown(v, unclear)),
            _err(f"{p} > $today", col.name, _shown(v, "is in the future")),
        ],
    )


PARSERS = {
    "text": _text,
    "enum": _enum,
    "list": _list_column,
    "int": _number,
    "float": _number,
    "bool": _bool,
    "month": _month,
    "date": _date,
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
        parts.errors.insert(0, _err(f"{v} IS NULL", col.name, "'required value missing'"))
    return parts


def _dmy_evidence(
    con: duckdb.DuckDBPyConnection, staged: str, contract: Contract, present: set[str]
) -> dict[str, bool]:
    """Per date column: does the file show DD/MM (a first part above 12, no second part above
    12 among its slash dates)? Then its other slash dates are read as DD/MM too."""
    evidence = {}
    for col in contract.columns:
        key = f"dmy_{col.name}"
        if col.kind != "date" or col.name not in present:
            evidence[key] = False
            continue
        c = f'"{col.name}"'
        evidence[key] = bool(
            con.execute(
                f"SELECT coalesce(bool_or(try_cast(split_part({c}, '/', 1) AS INTEGER) > 12) "
                f"AND NOT bool_or(try_cast(split_part({c}, '/', 2) AS INTEGER) > 12), false) "
                f"FROM (SELECT trim({c}) AS {c} FROM {staged}) "
                f"WHERE regexp_full_match({c}, '{DMY}')"
            ).fetchone()[0]
        )
    return evidence


def _locate_communes(con: duckdb.DuckDBPyConnection, present: set[str]) -> None:
    """Temp view ``loc``: each trimmed row with the commune found by code, point or names.

    The rows are materialised once, in temp table ``located`` (the later steps read it).
    """

    def text(name: str) -> str:
        return f"v_{name}" if name in present else "NULL::VARCHAR"

    # Every row with its point's polygon, in one pass that also materialises the trimmed
    # values (only the parsed code and coordinates are added, to keep the table narrow). A
    # plain join condition lets DuckDB use its SPATIAL_JOIN operator (LEFT, so no row is lost);
    # rows with a code get no point. The communes are a valid coverage (interiors never
    # overlap), so a point has at most one hit.
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE located AS
        SELECT l.*, c.source_id AS pt_polygon, c.commune_code AS pt_code,
            c.province_code AS pt_province
        FROM (SELECT *,
                CASE WHEN regexp_full_match({text("commune_code")}, '\\d{{5,6}}')
                    THEN lpad({text("commune_code")}, 6, '0') END AS code,
                try_cast({text("lon")} AS DOUBLE) AS lon, try_cast({text("lat")} AS DOUBLE) AS lat
              FROM trimmed) l
        LEFT JOIN communes c ON ST_Contains(
            c.geom, CASE WHEN {text("commune_code")} IS NULL THEN ST_Point(l.lon, l.lat) END)
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP VIEW located_v AS
        SELECT *, {text("commune_code")} AS raw_code, {text("lon")} AS raw_lon,
            {text("lat")} AS raw_lat, {text("province")} AS prov, {text("district")} AS dist,
            {text("commune")} AS comm
        FROM located
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE prov_hits AS
        SELECT l._row, count(DISTINCT p.province_code) AS hits, min(p.province_code) AS code
        FROM (SELECT _row, prov FROM located_v WHERE prov IS NOT NULL) l JOIN place_provinces p
          ON p.key = place_key(l.prov) OR p.province_code = lpad(l.prov, 2, '0')
        GROUP BY l._row
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE name_hits AS
        SELECT l._row, count(DISTINCT n.commune_code) AS hits, min(n.commune_code) AS code
        FROM (SELECT * FROM located_v
              WHERE raw_code IS NULL AND raw_lon IS NULL AND comm IS NOT NULL) l
        JOIN place_communes n ON n.key = place_key(l.comm)
        LEFT JOIN prov_hits ph ON ph._row = l._row
        WHERE (l.prov IS NULL OR n.province_code = ph.code)
          AND (l.dist IS NULL OR n.district_key = place_key(l.dist))
        GROUP BY l._row
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP VIEW loc AS
        SELECT l.*, gc.commune_code AS code_hit, gc.source_id AS code_polygon,
            nh.hits AS name_matches,
            gn.commune_code AS name_code, gn.source_id AS name_polygon,
            prh.hits AS province_matches
        FROM located_v l
        LEFT JOIN gazetteer_communes gc ON gc.commune_code = l.code
        LEFT JOIN name_hits nh ON nh._row = l._row
        LEFT JOIN gazetteer_communes gn ON gn.commune_code = nh.code AND nh.hits = 1
        LEFT JOIN prov_hits prh ON prh._row = l._row
        """
    )


COMMUNE_PLACE = [
    "coalesce(code_hit, pt_code, name_code) AS commune_code",
    "coalesce(code_polygon, pt_polygon, name_polygon) AS polygon_id",
    "coalesce(left(coalesce(code_hit, pt_code, name_code), 2), pt_province) AS province_code",
]
_NO_POINT = "raw_code IS NULL AND raw_lon IS NULL AND raw_lat IS NULL"
_PLACE_NAMES = (
    "CASE WHEN dist IS NOT NULL THEN ' in district ''' || dist || '''' ELSE '' END || "
    "CASE WHEN prov IS NOT NULL THEN ' in province ''' || prov || '''' ELSE '' END"
)
COMMUNE_PLACE_ERRORS = [
    _err(
        "raw_code IS NOT NULL AND code IS NULL",
        "commune_code",
        _shown("raw_code", "is not a 6-digit commune code"),
    ),
    _err(
        "code IS NOT NULL AND code_hit IS NULL",
        "commune_code",
        "'commune code ' || code || ' is not in the 2025 gazetteer'",
    ),
    _err(
        "raw_code IS NULL AND (raw_lon IS NOT NULL OR raw_lat IS NOT NULL) "
        "AND (lon IS NULL OR lat IS NULL)",
        "lon",
        "'lon/lat ''' || coalesce(raw_lon, '') || ''', ''' || coalesce(raw_lat, '') "
        "|| ''' are not two decimal numbers'",
    ),
    _err(
        "raw_code IS NULL AND lon IS NOT NULL AND lat IS NOT NULL AND pt_polygon IS NULL",
        "lon",
        "'point ' || round(lon, 2) || ', ' || round(lat, 2) "
        "|| ' is in no Cambodian commune (sea, abroad, or lon/lat swapped)'",
    ),
    _err(
        f"{_NO_POINT} AND comm IS NULL",
        "commune_code",
        "'no location: give commune_code, lon and lat, or province/district/commune names'",
    ),
    _err(
        f"{_NO_POINT} AND prov IS NOT NULL AND province_matches IS NULL",
        "province",
        _shown("prov", "is not a province in the gazetteer"),
    ),
    _err(
        f"{_NO_POINT} AND comm IS NOT NULL AND name_matches IS NULL "
        "AND (prov IS NULL OR province_matches IS NOT NULL)",
        "commune",
        f"'no commune named ''' || comm || '''' || {_PLACE_NAMES}",
    ),
    _err(
        "name_matches > 1",
        "commune",
        "'commune name ''' || comm || ''' matches ' || name_matches "
        "|| ' communes: add the province and district, or the commune code'",
    ),
]


def _locate_provinces(con: duckdb.DuckDBPyConnection) -> None:
    """Temp view ``loc``: each trimmed row with the province its ``province`` value names."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE prov_hits AS
        SELECT t._row, count(DISTINCT p.province_code) AS hits, min(p.province_code) AS code
        FROM trimmed t JOIN place_provinces p
          ON p.key = place_key(t.v_province) OR p.province_code = lpad(t.v_province, 2, '0')
        GROUP BY t._row
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP VIEW loc AS
        SELECT t.*, t.v_province AS prov, coalesce(h.hits, 0) AS province_matches,
            h.code AS province_hit
        FROM trimmed t LEFT JOIN prov_hits h USING (_row)
        """
    )


PROVINCE_PLACE = ["province_hit AS province_code"]
PROVINCE_PLACE_ERRORS = [
    _err(
        "prov IS NOT NULL AND province_matches = 0",
        "province",
        _shown("prov", "is not a province in the gazetteer"),
    ),
]


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
    label, shown = "/".join(keys), f"concat_ws('/', {cols})"
    errors = [
        _err(
            "_row <> first_row",
            keys[-1],
            f"'duplicate {label} ''' || {shown} || ''' (first at row ' || first_row || ')'",
        ),
        _err(
            "existing_file IS NOT NULL",
            keys[-1],
            f"'{label} ''' || {shown} || ''' is already loaded from ' || existing_file",
        ),
    ]
    return ["d.first_row", "ex.file_name AS existing_file"], join, errors


def check_rows(
    con: duckdb.DuckDBPyConnection,
    staged: str,
    columns: tuple[str, ...],
    contract: Contract,
    file_identity: str,
    today: date,
) -> None:
    """Validate every staged row; creates temp table ``checked`` (typed values, place, errors).

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
        _locate_communes(con, present)
        place, errors = COMMUNE_PLACE, errors + COMMUNE_PLACE_ERRORS
    elif contract.place == "province":
        _locate_provinces(con)
        place, errors = PROVINCE_PLACE, errors + PROVINCE_PLACE_ERRORS
    base = "located" if contract.place == "commune" else "trimmed"
    dup_helpers, dup_join, dup_errors = _duplicates(con, contract, present, base)
    errors += dup_errors
    source = "trimmed" if contract.place == "none" else "loc"
    first = ["t.*", *[h for p in parts for h in p.helpers], *dup_helpers]
    second = ["b1.*", *[h for p in parts for h in p.second]]
    typed = [f"{p.value} AS {c.name}" for p, c in zip(parts, contract.columns, strict=True)]
    sql = f"""
        CREATE OR REPLACE TEMP TABLE checked AS
        WITH b1 AS (SELECT {", ".join(first)} FROM {source} t {dup_join}),
             b2 AS (SELECT {", ".join(second)} FROM b1)
        SELECT _row, {", ".join(typed + place)},
            {errors_sql(errors)} AS errors
        FROM b2
    """
    params = {"today": today, "fid": file_identity, **_dmy_evidence(con, staged, contract, present)}
    con.execute(sql, {k: v for k, v in params.items() if f"${k}" in sql})
