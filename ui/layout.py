"""What every map page draws first: its title and question, and the check that the local map
scripts are there."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from geo.assets import assets_installed
from i18n import LATIN_DIGITS, numerals, t
from ui.state import language

#: The atlas's page style, added once per run by the router (``dashboard.py``) for every page.
#: Labels wrap onto further lines instead of ending in "…" when their place is narrow (a small
#: screen, or the longer Khmer words): the page list in the sidebar, the figures' labels, and
#: the buttons' labels. Style only: Streamlit adds it to the page without drawing an element.
#: (A table's own "Download as CSV" button is not hidden here but never drawn: the shipped
#: ``.streamlit/config.toml`` sets ``client.disableDataExport``; every download goes through
#: the audited buttons of ``ui.audited``.)
PAGE_STYLE = """<style>
[data-testid="stSidebarNavLink"] span, [data-testid="stSidebarNavLink"] .stMarkdownEllipsis,
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
button .stMarkdownEllipsis, button .stMarkdownEllipsis * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stSidebarNavLink"], button { height: auto !important; }
[data-testid="stSidebarNavLink"] * { overflow-wrap: anywhere; white-space: normal !important; }
[data-testid="stButtonGroup"] > div { flex-wrap: wrap !important; }  /* pills take more rows */
@media (max-width: 1000px) {  /* a small screen: the sidebar leaves the page most of it */
  [data-testid="stSidebar"] { width: 210px !important; min-width: 210px !important; }
  [data-testid="stSidebar"] [data-testid="stSidebarContent"] { padding: 0 4px; }
  [data-testid="stMetricValue"] { font-size: 1.5rem !important; }  /* a figure on one line */
  /* a map and its panel (``stacked_columns``) one above the other: the panel gets the width */
  [class*="st-key-stack_"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap !important; }
  [class*="st-key-stack_"] [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {
    flex: 1 1 100% !important; min-width: 100% !important; }
}
</style>"""
#: Added for Khmer pages (``page_header``): Khmer stacks vowels and subscripts above and
#: below the line, so its lines need more room than Latin ones or they touch.
KHMER_STYLE = """<style>
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"] p,
[data-testid="stMetricLabel"] p, [data-testid="stAlertContainer"] p,
[data-testid="stExpander"] summary p, [data-testid="stTable"], label p, .atlas-table td,
.atlas-table th {
  line-height: 1.9 !important;
}
h1, h2, h3 { line-height: 1.6 !important; padding-top: 0.35em !important; }
</style>"""


def page_header(title_key: str, question_key: str, needs_map: bool = True) -> str:
    """Draw the page's title and the question it answers (with ``KHMER_STYLE`` on a Khmer
    page); stop with a message when the page draws a map and the local map scripts are
    missing. Returns the language."""
    lang = language()
    if lang == "km":
        st.html(KHMER_STYLE)
    st.title(t(title_key, lang))
    if question_key:
        st.caption(t(question_key, lang))
    if needs_map and not assets_installed():
        st.error(t("assets_missing", lang))
        st.stop()
    return lang


#: A table that fits its column (``fit_table``): small type, the headings wrap (Khmer too), a
#: row's numbers stay on one line; on a small screen the cells wrap as well.
FIT_STYLE = """<style>
.st-key-{key} table, .st-key-{key} table p {{ font-size: 0.75rem !important; }}
.st-key-{key} th, .st-key-{key} th p {{ white-space: normal; overflow-wrap: anywhere !important; }}
.st-key-{key} th {{ vertical-align: bottom; }}
.st-key-{key} th, .st-key-{key} td {{ padding: 0.25rem 0.3rem !important; }}
.st-key-{key} td, .st-key-{key} td p {{ white-space: nowrap !important; }}
@media (max-width: 1000px) {{ .st-key-{key} td, .st-key-{key} td p {{
  white-space: normal !important; }} }}
</style>"""


#: ``fit_table(wrap=True)``: the cells wrap at every width.
WRAP_STYLE = """<style>
.st-key-{key} td, .st-key-{key} td p {{ white-space: normal !important;
  overflow-wrap: anywhere !important; }}
</style>"""


def local_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy of ``frame`` to show: every cell and heading in the reader's digits
    (``i18n.numerals``: numbers become text then), or ``frame`` itself where the reader's
    digits are 0 to 9. Only for tables of words and figures (a file name keeps its digits
    elsewhere); a download keeps the frame's own."""
    if numerals(LATIN_DIGITS, lang) == LATIN_DIGITS:
        return frame
    return frame.map(lambda v: numerals(v, lang)).rename(columns=lambda c: numerals(c, lang))


def fit_table(frame: pd.DataFrame, key: str, lang: str, wrap: bool = False) -> None:
    """``frame`` as a static table as tall as its rows (no inner scroll) and, where the screen
    allows, as wide as its column (no sideways scroll: a data grid cannot wrap its headings),
    every cell and heading in the reader's digits (``i18n.numerals``; a download of the frame
    keeps its own). ``key`` names the table's container (its style is scoped to it). With
    ``wrap``, cells wrap at every width (a column of sentences)."""
    with st.container(key=key):
        style = FIT_STYLE.format(key=key)
        if wrap:
            style += WRAP_STYLE.format(key=key)
        st.html(style)
        st.table(local_frame(frame, lang), hide_index=True)


def stacked_columns(key: str, spec: list[int]) -> list:
    """``st.columns(spec)`` side by side on a wide screen, one above the other below 1000 px
    (``PAGE_STYLE``): a map beside its panel would leave the panel 215 px at 800 px. ``key``
    names the container, ``stack_<key>``."""
    with st.container(key=f"stack_{key}"):
        return st.columns(spec)


#: A light table's look (``light_table``): the page's type, a heading that stays in view.
LIGHT_STYLE = """<style>
.atlas-table {{ max-height: {height}px; overflow: auto; border: 1px solid #e6e6e6; }}
.atlas-table table {{ border-collapse: collapse; width: 100%; font-size: 0.8rem; }}
.atlas-table th {{ position: sticky; top: 0; background: #f6f6f6; text-align: left;
  vertical-align: bottom; overflow-wrap: anywhere; }}
.atlas-table th, .atlas-table td {{ padding: 0.2rem 0.3rem; border-bottom: 1px solid #eee; }}
</style>"""


def light_table(frame: pd.DataFrame, height: int) -> None:
    """``frame`` (cells already text) as a plain HTML table in a box ``height`` px high that
    scrolls, its heading in view: no data grid, so the page does not load the grid's and
    Arrow's scripts (about 1.6 MB a new visitor's browser fetched and the server sent) for a
    table that is read, not edited."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))  # fmt: skip
    st.html(LIGHT_STYLE.format(height=height) + f'<div class="atlas-table"><table><thead><tr>'
            f"{head}</tr></thead><tbody>{rows}</tbody></table></div>")  # fmt: skip
