"""The briefing pack: a plain ``Brief`` (``briefing.model``) typeset as an A4 PDF in Khmer or
English (``briefing.render.render_pdf``), with a province map drawn without tiles or a browser
(``briefing.static_map``). Pure: no Streamlit, no SQL; the caller fills the brief."""
