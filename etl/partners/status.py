"""Reading back what the ETL did: the load log and the quarantine, as text for the CLI."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.reasons import public_params_sql, reason_text


def report_text(db_path: Path, examples: int = 3) -> str:
    """The load log (read = loaded + quarantined per file) and quarantine reasons with examples
    (no value from a file: a reason's other parameters read ``…``).

    Raises:
        FileNotFoundError: if the database does not exist.
    """
    if not db_path.is_file():
        raise FileNotFoundError(f"{db_path} does not exist: build it with python -m etl build")
    with duckdb.connect(str(db_path), read_only=True) as con:
        info = dict(con.execute("SELECT key, value FROM build_info").fetchall())
        log = con.execute(
            "SELECT kind, file_name, 'loaded', rows_read, rows_loaded, rows_quarantined, NULL "
            "FROM load_log UNION ALL SELECT kind, file_name, 'rejected', 0, 0, 0, message "
            "FROM rejected_files ORDER BY 1, 2, 3"
        ).fetchall()
        reasons = con.execute(
            f"""
            SELECT file_name, "column", code, {public_params_sql()} AS params,
                count(*) AS n, list(row_number ORDER BY row_number)[1:$k] AS rows
            FROM quarantine GROUP BY ALL ORDER BY file_name, n DESC, code, params
            """,
            {"k": examples},
        ).fetchall()
    lines = [f"{db_path} built {info.get('built_at')} with {info.get('partner_data')}", ""]
    lines.append(f"{'kind':<17}{'file':<40}{'status':<10}{'read':>9}{'loaded':>9}{'quarant.':>9}")
    for kind, name, state, read, loaded, quarantined, message in log:
        lines.append(f"{kind:<17}{name:<40}{state:<10}{read:>9,}{loaded:>9,}{quarantined:>9,}")
        if message:
            lines.append(f"    {message}")
    lines += ["", "Quarantined, by file, column and reason (first rows):"]
    for name, column, code, params, n, rows in reasons:
        why = reason_text(code, params, "en", column)
        lines.append(
            f"  {name} [{column}] {why}: {n:,} rows (e.g. rows {', '.join(map(str, rows))})"
        )
    if not reasons:
        lines.append("  nothing")
    return "\n".join(lines)
