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

import os
import re
import secrets
from pathlib import Path

import duckdb

import config

_HEX = re.compile(r"[0-9a-f]{64}")


def record_key_sql(alias: str) -> str:
    """SQL for the record key of the incident row ``alias``; the secret is bound as ``$secret``."""
    identity = f"$secret || '|' || {alias}.source || '|' || {alias}.incident_id"
    # The low byte of the 128-bit digest (& 255: a modulo of a UHUGEINT is 15 times slower).
    return f"CAST(md5_number({identity}) & 255 AS INTEGER)"


class SecretFileError(ValueError):
    """The record-key secret file cannot be created or read, or does not hold a secret."""


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(32) + "\n")


def record_secret(path: Path | None = None) -> str:
    """The record-key secret in ``path`` (default ``ATLAS_SECRET_FILE``), created if absent.

    Raises:
        SecretFileError: if the file cannot be created or read, or is not 64 hex digits; the
            message names the file.
    """
    path = path or config.get_path("ATLAS_SECRET_FILE")
    try:
        if not path.exists():
            _create(path)
        text = path.read_text(encoding="ascii").strip().lower()
    except (OSError, UnicodeDecodeError) as exc:
        raise SecretFileError(
            f"record-key secret {path}: cannot be created or read ({exc.__class__.__name__}); "
            "set ATLAS_SECRET_FILE to a file the ETL may write"
        ) from None
    if not _HEX.fullmatch(text):
        raise SecretFileError(
            f"record-key secret {path}: expected 64 hexadecimal digits (32 random bytes); "
            "restore the file, or move it away to make a new one (every key then changes)"
        )
    return text


def fill_record_keys(con: duckdb.DuckDBPyConnection, secret: str) -> None:
    """Give keys to incident rows without one (a database built before record keys)."""
    con.execute("ALTER TABLE incidents ADD COLUMN IF NOT EXISTS record_key INTEGER")
    con.execute(
        f"UPDATE incidents SET record_key = {record_key_sql('incidents')} WHERE record_key IS NULL",
        {"secret": secret},
    )
