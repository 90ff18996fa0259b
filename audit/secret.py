"""The atlas's secret file (``ATLAS_SECRET_FILE``): 32 random bytes, in hex, kept outside the
database and outside the audit log. The ETL derives every incident's record key from it
(``etl.partners.record_keys``); the audit log derives the key of its hash chain from it
(``chain_key``), so that the chain cannot be recomputed by someone who can only read (or
write) the log. The file is created (mode 0600) the first time a writer needs it."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

import config

SETTING = "ATLAS_SECRET_FILE"
_HEX = re.compile(r"[0-9a-f]{64}")
#: What the audit chain's key is derived for (another use of the secret gets another key).
_CHAIN_PURPOSE = b"atlas audit log chain v1"


class SecretFileError(ValueError):
    """The secret file cannot be created or read, or does not hold a secret (the message names
    the setting and the file's name, never its folder; ``code``: missing, unreadable or
    not_hex)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(32) + "\n")


def read_secret(path: Path | None = None, *, create: bool = True) -> str:
    """The secret in ``path`` (default ``ATLAS_SECRET_FILE``) as 64 hex digits; created when
    absent and ``create``.

    Raises:
        SecretFileError: if the file is missing (and not to be created), cannot be created or
            read, or is not 64 hex digits; the message names the setting and the file.
    """
    path = path or config.get_path(SETTING)
    try:
        if create and not path.exists():
            _create(path)
        text = path.read_text(encoding="ascii").strip().lower()
    except FileNotFoundError:
        raise SecretFileError(
            f"the secret file {path.name} (setting {SETTING}) is missing: restore it", "missing"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SecretFileError(
            f"the secret file {path.name} (setting {SETTING}) cannot be created or read "
            f"({exc.__class__.__name__}); set {SETTING} to a file the atlas may write",
            "unreadable",
        ) from None
    if not _HEX.fullmatch(text):
        raise SecretFileError(
            f"the secret file {path.name} (setting {SETTING}): expected 64 hexadecimal digits "
            "(32 random bytes); restore the file, or move it away to make a new one (every "
            "record key then changes, and the audit log's chain breaks at the next line)",
            "not_hex",
        )
    return text


def keyed_mark(log: Path, path: Path | None = None) -> Path:
    """The mark, beside the secret file, that the log at ``log`` has had a keyed line: a log
    that loses its keyed chain is then not sealed again by its next line (only by the
    operator's ``python -m audit --seal``). Beside the secret, so that whoever can write the
    log but not the secret's folder cannot remove it.

    Raises:
        config.SettingError: if ``ATLAS_SECRET_FILE`` is empty.
    """
    folder = (path or config.get_path(SETTING)).parent
    name = hashlib.sha256(str(log.resolve()).encode()).hexdigest()[:16]
    return folder / f"audit-{name}.keyed"


def chain_key(path: Path | None = None, *, create: bool = True) -> bytes:
    """The key of the audit log's chain: an HMAC-SHA256 of a fixed purpose under the secret.

    Raises:
        SecretFileError: as ``read_secret``.
    """
    secret = bytes.fromhex(read_secret(path, create=create))
    return hmac.new(secret, _CHAIN_PURPOSE, hashlib.sha256).digest()
