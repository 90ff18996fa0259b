"""What the router checks before it draws anything: every setting is of its form.

A setting of the wrong form (``ATLAS_SUPPRESSION_THRESHOLD=five``) stops every page with the
atlas's own message naming the setting, the form expected and the value found (``config``),
before anything reads it: never Streamlit's error box, a traceback or a path of the server.
"""

from __future__ import annotations

import streamlit as st

import config
from i18n import t


def settings_or_stop(lang: str) -> None:
    """Return when every setting is of its form; otherwise say which are not, in one error
    (``The atlas cannot start: setting ... must be ..., got ...``), and stop the run."""
    problems = config.problems()
    if not problems:
        return
    st.error(t("roles_broken", lang, problem="; ".join(problems)))
    st.stop()
