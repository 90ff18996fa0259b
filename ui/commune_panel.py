"""A commune's story, in the Explore page's side panel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.charts import events_key
from i18n import numerals, t, t_local
from query.view import Filters
from ui import data
from ui.explore_view import ViewNumbers, commune_chart, commune_story, story_events, threshold
from ui.state import set_view
from ui.suppress import format_count

#: The charts' toolbar is off: it sat over the marks of the dated lines (hover still reads).
CHART_CONFIG = {"displayModeBar": False}


def render_panel(polygon_id: str, view: Filters, numbers: ViewNumbers, lang: str) -> None:
    """Names, the period's count, the monthly chart, partnership activities and services."""
    p = data.commune_profile(polygon_id)
    other = "en" if lang == "km" else "km"
    st.subheader(p[f"commune_name_{lang}"] or p["commune_name_en"])
    st.markdown(f"**{p[f'commune_name_{other}'] or ''}**")
    st.caption(
        f"{t('district', lang)}: {p[f'district_name_{lang}']} · "
        f"{t('province', lang)}: {p[f'province_name_{lang}']} · "
        f"{t('commune_code', lang)}: {numerals(p['commune_code'] or t('no_code', lang), lang)}"
    )
    st.button(t("close_panel", lang), on_click=set_view, args=("commune", None), key="close_panel")
    rows = numbers.units[numbers.units["unit"] == polygon_id] if numbers.level == "commune" \
        else numbers.units.iloc[0:0]  # fmt: skip
    if len(rows):
        row = rows.iloc[0]
        left, right = st.columns(2)
        left.metric(t("tt_incidents", lang), numerals(row["text"], lang))
        right.markdown(f"{t('tt_partnership', lang)}  \n**{t(f'status_{row.status}', lang)}**")
    activities = data.commune_partnership(polygon_id)
    first_start = activities["start_date"].min() if len(activities) else None
    st.markdown(f"**{t('yearly_story', lang)}**")
    story = commune_story(polygon_id, view)
    st.plotly_chart(commune_chart(story, view, first_start, lang), key="commune_chart",
                    config=CHART_CONFIG)  # fmt: skip
    # Where the commune's own counts are small, its district shows the trend it belongs to.
    st.markdown(f"**{t('district_story', lang, district=p[f'district_name_{lang}'])}**")
    district = commune_story(polygon_id, view, "district", p["district_code"])
    st.plotly_chart(commune_chart(district, view, first_start, lang), key="district_chart",
                    config=CHART_CONFIG)  # fmt: skip
    st.caption(events_key(story_events(first_start, lang)))
    st.caption(t_local("story_note", lang, t=threshold()))
    _partnership(activities, lang)
    _services(polygon_id, lang)


def _partnership(acts: pd.DataFrame, lang: str) -> None:
    st.markdown(f"**{t('partnership_activities', lang)}**")
    if acts.empty:
        st.caption(t("no_partnership_here", lang))
        return
    table = pd.DataFrame({
        t("programme", lang): acts["programme"].str.upper(),
        t("activity", lang): [t(f"activity_{a}", lang) for a in acts["activity"]],
        t("start", lang): _local(acts["start_date"].dt.strftime("%Y-%m-%d"), lang),
        t("end", lang): _local(acts["end_date"].dt.strftime("%Y-%m-%d").fillna("—"), lang),
        t("participants", lang): [
            "—" if pd.isna(n) else numerals(format_count(int(n)), lang)
            for n in acts["participants"]
        ],
        t("partner", lang): acts["partner"].fillna("—"),
    })  # fmt: skip
    st.dataframe(table, hide_index=True, width="stretch")


def _services(polygon_id: str, lang: str) -> None:
    st.markdown(f"**{t('services_around', lang)}**")
    services = data.services_around(polygon_id)
    if services.empty:
        st.caption(t("no_services", lang))
        return
    public = services[services["public"]]
    if len(public):
        st.dataframe(pd.DataFrame({
            t("service_type", lang): [t(f"svc_{s}", lang) for s in public["service_type"]],
            t("operator", lang): public["operator"],
            t("commune", lang): [
                f"{r[f'commune_name_{lang}'] or r['commune_name_en']} ("
                + t("in_this_commune" if r["is_selected"] else "next_door", lang) + ")"
                for _, r in public.iterrows()
            ],
            t("opened", lang): _local(public["opened"].dt.strftime("%Y-%m"), lang),
        }), hide_index=True, width="stretch")  # fmt: skip
    hidden = services[~services["public"]]
    if len(hidden):
        # Only the total: a count per type would be small, and the total would give it away.
        st.caption(t_local("other_services", lang, n=format_count(int(hidden["services"].sum()))))


def _local(texts: pd.Series, lang: str) -> list[str]:
    """Dates or numbers as text, in the reader's digits (``i18n.numerals``)."""
    return [numerals(text, lang) for text in texts]
