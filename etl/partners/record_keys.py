"""Record keys for the protection layer (the cell key method, as ONS and ABS use it).

Every incident loaded gets ``record_key``, an integer in [0, 256) derived from a secret and the
row's identity (``source``, ``incident_id``): the same record keeps its key across rebuilds, and
nobody without the secret can tell a key from the data. ``incidents_monthly.key_sum`` adds the
keys of a cell's rows, so a perturbation can be drawn from the cell's own records.

The secret lives in the file ``ATLAS_SECRET_FILE`` (created with 32 random bytes, in hex, mode
0600, the first time it is needed), never in the database: it reaches SQL only as a bound
parameter.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from audit.secret import SecretFileError, read_secret

__all__ = ["SecretFileError", "fill_record_keys", "record_key_sql", "record_secret"]


def record_key_sql(alias: str) -> str:
    """SQL for the record key of the incident row ``alias``; the secret is bound as ``$secret``."""
    identity = f"$secret || '|' || {alias}.source || '|' || {alias}.incident_id"
    # The low byte of the 128-bit digest (& 255: a modulo of a UHUGEINT is 15 times slower).
    return f"CAST(md5_number({identity}) & 255 AS INTEGER)"


def record_secret(path: Path | None = None) -> str:
    """The record-key secret in ``path`` (default ``ATLAS_SECRET_FILE``), created if absent
    (``audit.secret``: the audit log's chain key comes from the same file).

    Raises:
        SecretFileError: if the file cannot be created or read, or is not 64 hex digits; the
            message names the setting and the file.
    """
    return read_secret(path)


def fill_record_keys(con: duckdb.DuckDBPyConnection, secret: str) -> None:
    """Give keys to incident rows without one (a database built before record keys)."""
    con.execute("ALTER TABLE incidents ADD COLUMN IF NOT EXISTS record_key INTEGER")
    con.execute(
        f"UPDATE incidents SET record_key = {record_key_sql('incidents')} WHERE record_key IS NULL",
        {"secret": secret},
    )
