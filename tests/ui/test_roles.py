"""The roles file: its format, the line a fault is on, and the anonymous role, never more."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from access import ADMIN, ANALYST, BRIEFING
from ui.roles import (
    RoleMap,
    RolesError,
    anonymous_role,
    load_roles,
    parse_roles,
    role_for,
)

GOOD = """# who sees what
[users]
"Ana@UNAIDS.org" = "analyst"
"official@interior.gov.kh" = "briefing"
'ops@example.org' = "admin"
"typo@example.org" = "superuser"

[groups]
moi-briefing = "briefing"
"unaids-analysts" = "analyst"
"atlas-admins" = "admin"
"strange" = "root"
"""


@pytest.fixture()
def roles() -> RoleMap:
    return parse_roles(GOOD, Path("roles.toml"))


def test_users_are_matched_in_any_case_and_groups_give_the_broadest_role(roles: RoleMap) -> None:
    assert role_for("ana@unaids.org", (), roles, BRIEFING) == ANALYST
    assert role_for("OFFICIAL@interior.gov.kh", (), roles, ANALYST) == BRIEFING
    assert role_for("ops@example.org", (), roles, BRIEFING) == ADMIN
    assert role_for("x@y.org", ("moi-briefing", "UNAIDS-analysts"), roles, BRIEFING) == ANALYST
    assert role_for("x@y.org", ("moi-briefing", "atlas-admins"), roles, BRIEFING) == ADMIN
    # A user's own line decides, even against a broader group.
    assert role_for("official@interior.gov.kh", ("atlas-admins",), roles, ANALYST) == BRIEFING


@pytest.mark.parametrize("anonymous", [ANALYST, BRIEFING])
def test_unknown_roles_and_unknown_people_get_the_anonymous_role(
    roles: RoleMap, anonymous: str
) -> None:
    assert role_for("typo@example.org", ("atlas-admins",), roles, anonymous) == anonymous
    assert role_for("x@y.org", ("strange",), roles, anonymous) == anonymous
    assert role_for("stranger@example.org", ("nobody",), roles, anonymous) == anonymous
    assert role_for(None, (), roles, anonymous) == anonymous
    assert role_for(None, ("atlas-admins",), roles, anonymous) == anonymous  # no identity


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ('[users]\n"a@b.org" = "analyst"\n"c@d.org" = analyst\n', 3, "Invalid value"),
        ('[users]\n"a@b.org" = "analyst"\n"a@b.org" = "admin"\n', 3, "Cannot overwrite"),
        ('[users]\n"a@b.org" = \n', 2, "Invalid value"),
        ('[users]\n"a@b.org" = "analyst"\n\n[admins]\n"c@d.org" = "admin"\n', 4,
         "unknown section 'admins'"),
        ('[groups]\n"x" = "analyst"\n"y" = 3\n', 3, "the role of 'y' must be text"),
        ('users = "a@b.org"\n', 1, "'users' must be a table"),
    ],
)  # fmt: skip
def test_a_file_that_does_not_parse_is_named_with_its_line(text: str, line: int, what: str) -> None:
    with pytest.raises(RolesError) as caught:
        parse_roles(text, Path("/srv/atlas/roles.toml"))
    message = str(caught.value)
    assert message.startswith(f"roles file roles.toml (setting ATLAS_ROLES_FILE), line {line}: ")
    assert "/srv" not in message  # the file is named by its setting, not its folder
    assert what in message


def test_the_file_is_read_again_when_it_changes_and_a_missing_one_names_nobody(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roles.toml"
    assert load_roles(path) == RoleMap()
    path.write_text('[users]\n"a@b.org" = "analyst"\n', encoding="utf-8")
    assert load_roles(path).role_of("a@b.org") == ANALYST
    path.write_text('[users]\n"a@b.org" = "briefing"\n', encoding="utf-8")
    os.utime(path, ns=(1, 1))  # another version, even within the clock's resolution
    assert load_roles(path).role_of("a@b.org") == BRIEFING
    path.write_bytes(b'[users]\n"\xff" = "admin"\n')
    os.utime(path, ns=(2, 2))
    with pytest.raises(RolesError, match="not UTF-8"):
        load_roles(path)


def test_the_anonymous_role_follows_the_data_unless_set() -> None:
    assert anonymous_role("auto", synthetic=True) == ANALYST
    assert anonymous_role("auto", synthetic=False) == BRIEFING
    assert anonymous_role(" Briefing ", synthetic=True) == BRIEFING
    assert anonymous_role("analyst", synthetic=False) == ANALYST
    for bad in ("admin", "everyone", ""):
        with pytest.raises(RolesError, match="ATLAS_ANONYMOUS_ROLE must be one of auto"):
            anonymous_role(bad, synthetic=True)
