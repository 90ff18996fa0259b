"""Who is who: the roles file, and the role a visitor gets (the roles themselves, and what
each may do, are the access rule's: ``access``).

The roles file (``ATLAS_ROLES_FILE``, TOML) maps users (their email, any case) and groups to a
role::

    [users]
    "analyst@unaids.org" = "analyst"
    "official@interior.gov.kh" = "briefing"

    [groups]
    "atlas-admins" = "admin"

A user's own line decides; otherwise the broadest role of their groups. A visitor the file does
not name, or names with a role that is not one of ``ROLES``, gets the anonymous role, never
more. A file that cannot be read or does not parse lets no one in: its message names the file
by its name and setting (``roles file roles.toml (setting ATLAS_ROLES_FILE), line 3: ...``),
never by a path of the server. No streamlit here (``ui.identity`` reads the visitor from
``st.user``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from access import ANALYST, BRIEFING, ROLES

#: What ATLAS_ANONYMOUS_ROLE may be: a visitor with no identity is never an admin.
ANONYMOUS_CHOICES = ("auto", ANALYST, BRIEFING)
SECTIONS = ("users", "groups")
_WHERE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


class RolesError(ValueError):
    """The roles file or the anonymous-role setting cannot be used (the message says where)."""


@dataclass(frozen=True)
class RoleMap:
    """The roles file, read: casefolded user or group name -> the role written for it (which
    may not be a known role; such a line gives the anonymous role)."""

    users: Mapping[str, str] = field(default_factory=dict)
    groups: Mapping[str, str] = field(default_factory=dict)

    def role_of(self, user: str | None, groups: Iterable[str] = ()) -> str | None:
        """The role the file gives this user, or None when it gives none that is known."""
        if user and user.casefold() in self.users:
            written = self.users[user.casefold()]
            return written if written in ROLES else None
        known = [self.groups[g.casefold()] for g in groups if g.casefold() in self.groups]
        known = [r for r in known if r in ROLES]
        return max(known, key=ROLES.index) if known else None


def _line_of(text: str, name: str) -> int | None:
    """The first line (1-based) that declares ``name`` as a key or a table."""
    key = re.compile(
        rf"""^\s*(\[\s*)?("{re.escape(name)}"|'{re.escape(name)}'|{re.escape(name)})\s*[=\]]"""
    )
    for number, line in enumerate(text.splitlines(), start=1):
        if key.match(line):
            return number
    return None


def named(path: Path) -> str:
    """How messages name the roles file: its name and its setting, not its folder."""
    return f"roles file {path.name} (setting ATLAS_ROLES_FILE)"


def _error(path: Path, text: str, name: str, problem: str) -> RolesError:
    line = _line_of(text, name)
    where = f", line {line}" if line else ""
    return RolesError(f"{named(path)}{where}: {problem}")


def _section(path: Path, text: str, name: str, table: object) -> dict[str, str]:
    if not isinstance(table, dict):
        raise _error(path, text, name, f"'{name}' must be a table ([{name}]) of names = roles")
    entries = {}
    for key, role in table.items():
        if not isinstance(role, str):
            raise _error(path, text, key, f"the role of '{key}' must be text, e.g. \"analyst\"")
        entries[key.strip().casefold()] = role.strip().lower()
    return entries


def parse_roles(text: str, path: Path) -> RoleMap:
    """Read the text of a roles file (``path`` names it in messages).

    Raises:
        RolesError: if it is not TOML, or holds something other than ``[users]`` and
            ``[groups]`` tables of ``"name" = "role"``; the message names the file and line.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _WHERE.search(str(exc))
        line = (found.group(1) or len(text.splitlines()) or 1) if found else None
        problem = _WHERE.sub("", str(exc))
        where = f", line {line}" if line else ""
        raise RolesError(
            f'{named(path)}{where}: {problem} (not valid TOML; write each line as "name" = "role")'
        ) from None
    for name in data:
        if name not in SECTIONS:
            raise _error(path, text, name, f"unknown section '{name}': expected [users], [groups]")
    users = _section(path, text, "users", data.get("users", {}))
    groups = _section(path, text, "groups", data.get("groups", {}))
    return RoleMap(users, groups)


@lru_cache(maxsize=4)
def _read(path: Path, version: tuple[int, int]) -> RoleMap:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RolesError(f"{named(path)}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return parse_roles(text, path)


def _unreadable(path: Path, exc: OSError) -> RolesError:
    reason = exc.strerror or type(exc).__name__
    return RolesError(f"{named(path)}: cannot be read ({reason}); expected a TOML file")


def load_roles(path: Path) -> RoleMap:
    """The roles file at ``path``, read again only when it changes. A missing file names no
    one (every visitor gets the anonymous role).

    Raises:
        RolesError: see ``parse_roles``; also when the file is not UTF-8 text, or exists but
            cannot be read (a folder, no permission, a file where a folder of its path is).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return RoleMap()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return _read(path, (info.st_mtime_ns, info.st_size))


def anonymous_role(setting: str, synthetic: bool) -> str:
    """The role of a visitor with no identity: the setting, or for ``auto`` analyst while the
    database holds only the synthetic demo and briefing otherwise.

    Raises:
        RolesError: if the setting is not one of ``ANONYMOUS_CHOICES``.
    """
    value = setting.strip().lower()
    if value not in ANONYMOUS_CHOICES:
        raise RolesError(
            f"setting ATLAS_ANONYMOUS_ROLE must be one of {', '.join(ANONYMOUS_CHOICES)}, "
            f"got {setting!r}"
        )
    if value == "auto":
        return ANALYST if synthetic else BRIEFING
    return value


def role_for(user: str | None, groups: Iterable[str], roles: RoleMap, anonymous: str) -> str:
    """The visitor's role: what the roles file gives them, else ``anonymous``. A visitor with
    no identity (``user`` None) is anonymous whatever groups a request claims."""
    if not user:
        return anonymous
    return roles.role_of(user, groups) or anonymous
