"""The one access rule: who may do what in the atlas.

Every action a visitor or a command can take is declared once here, with the resources it
applies to and the roles allowed on each (as datasette declares its actions once and asks one
check). ``allowed(role, action, resource)`` is that check: the router asks it before it runs a
page, the download buttons before they are drawn, the admin page before its upload and its
audit log, and the commands (``query.export``, ``publish``, ``briefing``, ``audit``) before
they read or write. An unknown role, action or resource is refused; nothing here raises into a
grant. The table, as ``docs/audiences-access.md`` shows it, is ``matrix_markdown()``.

The roles, narrowest first:

- ``briefing``: the province-level pages (the ranking, the data's sources), provinces only,
  the briefing pack; it reads the briefing store (province tables only).
- ``analyst``: everything but the admin page (numbers through the protection layer).
- ``admin``: everything, with the upload of partner files and the audit log.

Which role a visitor gets (the roles file, the anonymous role) is ``ui.roles``'s business. The
bottom layer: imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

ANALYST, BRIEFING, ADMIN = "analyst", "briefing", "admin"
#: Narrowest first.
ROLES = (BRIEFING, ANALYST, ADMIN)
#: The role a command run on the server asks as when it serves no audience of its own
#: (``python -m audit``, ``python -m publish evaluate``): whoever runs it holds the files.
OPERATOR = ADMIN

_EVERYONE = frozenset(ROLES)
_COMMUNE_LEVEL = frozenset({ANALYST, ADMIN})  # what shows communes: never the briefing audience
_ADMIN_ONLY = frozenset({ADMIN})


class AccessDenied(Exception):
    """The access rule refuses a role an action (the message says who, what and on what).

    Not an ``OSError`` nor a ``ValueError``: a handler written for those never swallows it."""


@dataclass(frozen=True, eq=False)
class Action:
    """One thing a role may do: its name, what it is in words (for messages and the docs), and
    the roles allowed on each of its resources (the key ``None``: an action on no resource)."""

    name: str
    description: str
    rule: Mapping[str | None, frozenset[str]]


def _declare(*actions: Action) -> Mapping[str, Action]:
    return MappingProxyType({a.name: a for a in actions})


#: Every action, declared once: resource -> the roles allowed.
ACTIONS: Mapping[str, Action] = _declare(
    Action("view_page", "open the page", MappingProxyType({
        "explore": _COMMUNE_LEVEL, "national_map": _COMMUNE_LEVEL, "evaluation": _COMMUNE_LEVEL,
        "ranking": _EVERYONE, "about": _EVERYONE, "admin": _ADMIN_ONLY,
    })),
    Action("read_level", "read numbers by", MappingProxyType({
        "commune": _COMMUNE_LEVEL, "district": _COMMUNE_LEVEL, "province": _EVERYONE,
    })),
    # The Explore view's table, map and slide; the briefing pack.
    Action("download", "download a file of the kind", MappingProxyType({
        "csv": _COMMUNE_LEVEL, "html": _COMMUNE_LEVEL, "png": _COMMUNE_LEVEL, "pdf": _EVERYONE,
    })),
    # python -m query.export: the briefing audience gets provinces only (read_level).
    Action("export", "export the Explore view's tables as", MappingProxyType({"csv": _EVERYONE})),
    Action("build_pack", "build the briefing pack", MappingProxyType({None: _EVERYONE})),
    Action("evaluate", "run the pilot's evaluation", MappingProxyType({None: _COMMUNE_LEVEL})),
    Action("rank", "rank the provinces", MappingProxyType({None: _EVERYONE})),
    Action("upload", "upload partner files", MappingProxyType({None: _ADMIN_ONLY})),
    Action("ingest", "load partner files into the database", MappingProxyType({None: _ADMIN_ONLY})),
    Action("read_audit_log", "read the audit log", MappingProxyType({None: _ADMIN_ONLY})),
)  # fmt: skip


def allowed(role: str, action: str, resource: str | None = None) -> bool:
    """Whether ``role`` may do ``action`` on ``resource`` (None for an action on no resource).

    False for a role, action or resource that is not declared (or not text), and for a
    resource given to an action on none or missing from an action on some. Never raises.
    """
    if not isinstance(role, str) or not isinstance(action, str):
        return False
    if resource is not None and not isinstance(resource, str):
        return False
    declared = ACTIONS.get(action)
    return declared is not None and role in declared.rule.get(resource, frozenset())


def resources(action: str) -> tuple[str | None, ...]:
    """The resources ``action`` is declared on (``(None,)`` for an action on none; ``()`` for
    an unknown action)."""
    declared = ACTIONS.get(action) if isinstance(action, str) else None
    return tuple(declared.rule) if declared is not None else ()


def roles_allowed(action: str, resource: str | None = None) -> tuple[str, ...]:
    """The roles that may do ``action`` on ``resource``, narrowest first."""
    return tuple(role for role in ROLES if allowed(role, action, resource))


def reads_briefing_store(role: str) -> bool:
    """Whether ``role`` reads the briefing store (province tables only) rather than the
    database: so it does when the rule lets it read nothing finer than provinces (an unknown
    role too: the narrowest store)."""
    return not (allowed(role, "read_level", "commune") or allowed(role, "read_level", "district"))


def refusal(role: str, action: str, resource: str | None = None) -> str:
    """The plain sentence that says ``role`` may not do ``action`` (on ``resource``)."""
    declared = ACTIONS.get(action) if isinstance(action, str) else None
    what = declared.description if declared is not None else f"do {action!r}"
    on = f" {resource}" if resource is not None else ""
    return f"the {role!r} role may not {what}{on} (the access rule, access.py)"


def require(role: str, action: str, resource: str | None = None) -> None:
    """Return if ``role`` may do ``action`` on ``resource``.

    Raises:
        AccessDenied: if the rule refuses it (``refusal`` is its message).
    """
    if not allowed(role, action, resource):
        raise AccessDenied(refusal(role, action, resource))


def matrix_markdown() -> str:
    """The whole rule as a Markdown table: one row per action and resource, one column per
    role (what ``docs/audiences-access.md`` shows)."""
    lines = ["| action | resource | " + " | ".join(ROLES) + " |",
             "|---|---|" + "---|" * len(ROLES)]  # fmt: skip
    for name, action in ACTIONS.items():
        for resource in action.rule:
            marks = " | ".join("yes" if allowed(r, name, resource) else "—" for r in ROLES)
            lines.append(f"| `{name}` | {resource or '—'} | {marks} |")
    return "\n".join(lines)
