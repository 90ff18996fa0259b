"""The one access rule: every role against every action and resource, written out in full (a
change to the rule must change this table), what is refused when unknown, and the helpers."""

from __future__ import annotations

import pytest

import access
from access import ADMIN, ANALYST, BRIEFING, ROLES
from config import PROJECT_ROOT

# action, resource ("-": none), then whether briefing, analyst, admin may. Today's matrix:
# briefing the province-level pages, provinces and the pack; analyst all but the admin page;
# admin everything, the upload and the audit log.
EXPECTED = """
view_page       explore        no   yes  yes
view_page       national_map   no   yes  yes
view_page       evaluation     no   yes  yes
view_page       ranking        yes  yes  yes
view_page       about          yes  yes  yes
view_page       admin          no   no   yes
read_level      commune        no   yes  yes
read_level      district       no   yes  yes
read_level      province       yes  yes  yes
download        csv            no   yes  yes
download        html           no   yes  yes
download        png            no   yes  yes
download        pdf            yes  yes  yes
export          csv            yes  yes  yes
build_pack      -              yes  yes  yes
evaluate        -              no   yes  yes
rank            -              yes  yes  yes
upload          -              no   no   yes
ingest          -              no   no   yes
read_audit_log  -              no   no   yes
"""


def expected() -> dict[tuple[str, str, str | None], bool]:
    table = {}
    for line in EXPECTED.strip().splitlines():
        action, resource, *marks = line.split()
        assert len(marks) == len(ROLES), line
        for role, mark in zip(ROLES, marks, strict=True):
            table[(role, action, None if resource == "-" else resource)] = mark == "yes"
    return table


def test_the_roles_narrowest_first() -> None:
    assert ROLES == (BRIEFING, ANALYST, ADMIN) == ("briefing", "analyst", "admin")


def test_the_table_names_every_declared_action_and_resource_and_no_other() -> None:
    declared = {(a, r) for a in access.ACTIONS for r in access.resources(a)}
    assert {(a, r) for _, a, r in expected()} == declared


@pytest.mark.parametrize(("role", "action", "resource"), sorted(expected(), key=str))
def test_every_role_action_and_resource(role: str, action: str, resource: str | None) -> None:
    assert access.allowed(role, action, resource) is expected()[(role, action, resource)]


@pytest.mark.parametrize(
    ("role", "action", "resource"),
    [("wizard", "view_page", "about"), ("", "rank", None), ("ADMIN", "upload", None),
     (None, "rank", None), (ADMIN, "delete_everything", None), (ADMIN, "view_page", "nowhere"),
     (ADMIN, "view_page", None), (ADMIN, "upload", "incidents"), (ADMIN, "download", "exe"),
     (ADMIN, "read_level", "village"), (ADMIN, "read_level", ["commune"]),
     (["admin"], "upload", None), (ADMIN, {"upload": 1}, None), (ADMIN, None, None),
     (ADMIN, "download", "CSV")],
)  # fmt: skip
def test_whatever_is_not_declared_is_refused_without_an_exception(
    role: object, action: object, resource: object
) -> None:
    assert access.allowed(role, action, resource) is False  # type: ignore[arg-type]


def test_the_briefing_store_is_for_a_role_that_may_read_nothing_finer_than_provinces() -> None:
    assert [access.reads_briefing_store(r) for r in ROLES] == [True, False, False]
    assert access.reads_briefing_store("wizard")  # unknown: the narrowest store


def test_roles_allowed_and_require_say_the_same_as_allowed() -> None:
    assert access.roles_allowed("view_page", "admin") == (ADMIN,)
    assert access.roles_allowed("read_level", "province") == ROLES
    assert access.roles_allowed("no_such_action") == ()
    access.require(BRIEFING, "build_pack")  # returns
    with pytest.raises(access.AccessDenied) as refused:
        access.require(BRIEFING, "view_page", "admin")
    assert str(refused.value) == (
        "the 'briefing' role may not open the page admin (the access rule, access.py)"
    )
    assert not isinstance(refused.value, OSError | ValueError)  # never swallowed as one


def test_the_rule_cannot_be_changed_in_place() -> None:
    with pytest.raises(TypeError):
        access.ACTIONS["upload"] = access.ACTIONS["rank"]  # type: ignore[index]
    with pytest.raises(TypeError):
        access.ACTIONS["upload"].rule[None] = frozenset(ROLES)  # type: ignore[index]


def test_the_documentation_shows_the_rule_as_it_is() -> None:
    text = (PROJECT_ROOT / "docs" / "audiences-access.md").read_text(encoding="utf-8")
    assert access.matrix_markdown() in text
    assert access.matrix_markdown().count("\n") == len(expected()) // len(ROLES) + 1


def test_the_rule_imports_nothing_of_the_project() -> None:
    source = (PROJECT_ROOT / "access.py").read_text(encoding="utf-8")
    imports = [line.split()[1] for line in source.splitlines()
               if line.startswith(("import ", "from "))]  # fmt: skip
    assert set(imports) <= {"__future__", "collections.abc", "dataclasses", "types"}
