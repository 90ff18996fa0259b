"""Did the pilot change arrests and confiscations? The pilot communes against similar communes
without the partnership, before and after its start: the estimate with its interval, the
verdict with its checks, the event study and its pre-trend test, the groups over time
(published counts), their map, the caveats.
The first choice is the publish stage's product; any other is computed here."""

from __future__ import annotations

import streamlit as st

from analysis.designs import InsufficientDataError
from analysis.headline import reason_text
from i18n import t
from pages import run_router
from ui import data
from ui.evaluation_checks import render_checks
from ui.evaluation_view import (
    checked,
    draw_choices,
    estimate,
    groups_of,
    published_view,
    render_caveats,
    render_event_study,
    render_headline,
    render_map,
    render_series,
    warm_up,
)
from ui.layout import page_header


def render() -> None:
    """Draw the evaluation page."""
    lang = page_header("page_evaluation", "evaluation_question")
    st.caption(t("eval_sidebar_note", lang))
    if data.month_range() is None:
        st.info(t("eval_no_data", lang))
        st.stop()
    choice = draw_choices(lang)
    if choice is None:
        st.stop()
    view = published_view(choice, lang)  # the first choice, as the publish stage made it
    if view is not None and view.result is None:
        st.warning(reason_text(view.code, view.params, lang))
        st.stop()
    try:
        if view is not None:
            result, groups = view.result, view.groups
        else:
            warm_up()
            result = estimate(choice.provinces, choice.types, choice.design, choice.window, False)
            groups = groups_of(choice.provinces, choice.design, choice.window)
    except InsufficientDataError as exc:
        st.warning(reason_text(exc.code, exc.params, lang))
        st.stop()
    render_headline(result, choice, lang)
    checks = st.container()  # filled last: the slowest part waits for the rest
    render_event_study(result, groups, lang)
    render_series(choice, groups, lang, view)
    render_map(groups, lang)
    render_caveats(result, lang, view)
    with checks:
        render_checks(checked(choice, lang, view), lang)


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
