"""Who a visitor is, from the fields of ``st.user`` (OIDC claims or a trusted proxy's headers)."""

from __future__ import annotations

from ui.identity import Identity, identity_from


def test_identity_comes_from_the_email_and_groups_in_st_user() -> None:
    assert identity_from({"email": " a@b.org ", "groups": "x, y,,"}) == Identity(
        "a@b.org", ("x", "y")
    )
    assert identity_from({"is_logged_in": True, "email": "a@b.org", "groups": ["g"]}).groups == (
        "g",
    )
    assert identity_from({"is_logged_in": False, "email": "a@b.org"}) == Identity(None)
    assert identity_from({"email": None, "groups": "atlas-admins"}) == Identity(None)
    assert identity_from({"email": ""}).label == "anonymous"
    assert identity_from({}) == Identity(None)
