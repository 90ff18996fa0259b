"""Who the visitor is, from ``st.user``, and the role they get.

``st.user`` is filled by ``st.login`` (an OIDC provider configured in the ``[auth]`` section of
``.streamlit/secrets.toml``) or by a trusted proxy's headers (``server.trustedUserHeaders``
mapping its email header to ``email`` and, optionally, its groups header to ``groups``). A
visitor without an email there is anonymous. The role comes from the roles file
(``ui.roles``); anyone it does not name gets ``ATLAS_ANONYMOUS_ROLE``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

import config
from i18n import t
from ui import data
from ui.roles import RolesError, anonymous_role, load_roles, role_for

ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Identity:
    """A visitor: their email (None when anonymous) and the groups their provider gives."""

    user: str | None
    groups: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The name the audit log and the sidebar use."""
        return self.user or ANONYMOUS


def _groups(raw: object) -> tuple[str, ...]:
    if isinstance(raw, str):  # a proxy header: "a,b"
        raw = raw.split(",")
    if not isinstance(raw, list | tuple):
        return ()
    return tuple(str(g).strip() for g in raw if str(g).strip())


def identity_from(info: Mapping[str, object]) -> Identity:
    """The visitor described by ``st.user``'s fields (anonymous without a non-empty email, or
    when the OIDC login says they are logged out)."""
    if info.get("is_logged_in") is False:
        return Identity(None)
    email = info.get("email")
    if not isinstance(email, str) or not email.strip():
        return Identity(None)
    return Identity(email.strip(), _groups(info.get("groups")))


def current_identity() -> Identity:
    """The visitor of this page run."""
    return identity_from(st.user.to_dict())


def current_role() -> str:
    """The role of this page run's visitor.

    Raises:
        RolesError: if the roles file does not parse or ATLAS_ANONYMOUS_ROLE is not a choice.
        OSError: if the roles file exists but cannot be read.
    """
    who = current_identity()
    roles = load_roles(config.get_path("ATLAS_ROLES_FILE"))
    anonymous = anonymous_role(config.get("ATLAS_ANONYMOUS_ROLE"), data.is_synthetic())
    return role_for(who.user, who.groups, roles, anonymous)


def role_or_stop(lang: str) -> str:
    """``current_role()``, or the atlas's own error page (naming the file, its setting and the
    line) and a stop when the roles cannot be read: nobody is let in on a guess."""
    try:
        return current_role()
    except (RolesError, OSError) as exc:
        problem = str(exc) if isinstance(exc, RolesError) else exc.strerror
        st.error(t("roles_broken", lang, problem=problem or type(exc).__name__))
        st.stop()
        raise  # unreachable: st.stop() ends the script run


def draw_identity(lang: str, role: str) -> None:
    """Who the visitor is and their role, in the sidebar, with a log-in or log-out button when
    ``st.login`` is set up (``st.user`` then says whether the visitor is logged in)."""
    info = st.user.to_dict()
    who = identity_from(info)
    key = "signed_in_as" if who.user else "anonymous_visitor"
    with st.sidebar:
        st.caption(t(key, lang, user=who.label, role=t(f"role_{role}", lang)))
        if "is_logged_in" not in info:
            return
        if info["is_logged_in"]:
            st.button(t("log_out", lang), key="log_out", on_click=st.logout)
        else:
            st.button(t("log_in", lang), key="log_in", on_click=st.login)
