"""Who loads what, and who took what away? Partner files uploaded through the same ingestion
as the command line, with its report, and the audit log."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

import access
import audit
from i18n import t
from pages import run_router
from ui import data, upload
from ui.audited import view_link
from ui.identity import current_identity, current_role
from ui.layout import page_header
from ui.quarantine import reasons_in_words

REPORT_KEY = "_upload_report"
RESULT_COLUMNS = {"file_name": "col_file", "kind": "col_kind", "status": "col_status",
                  "rows_read": "col_read", "rows_loaded": "col_loaded",
                  "rows_quarantined": "col_quarantined"}  # fmt: skip
REASON_COLUMNS = {"file_name": "col_file", "column": "col_column", "reason": "col_reason",
                  "rows": "col_rows"}  # fmt: skip
AUDIT_COLUMNS = ("time", "user", "role", "action", "file", "rows", "outcome", "link", "sha256")


def _ingest(kind: str, files: list, role: str, allow_fewer: bool = False) -> None:
    if not access.allowed(role, "ingest"):  # nothing is read, loaded or recorded
        st.session_state[REPORT_KEY] = {"refused": True}
        return
    uploads = [upload.Upload(f.name, f.getvalue()) for f in files]
    who, link = current_identity(), view_link()
    try:
        results = upload.ingest_uploads(kind, uploads, data.db_path(), allow_fewer)
    except Exception as exc:
        upload.record_uploads(kind, uploads, None, who.label, role, link)
        if not isinstance(exc, upload.UploadError | OSError):  # OSError: no database, a full disk
            raise
        st.session_state[REPORT_KEY] = {"error": str(exc)}
        return
    upload.record_uploads(kind, uploads, results, who.label, role, link)
    rows = [{"file_name": r.file_name, "kind": r.kind, "status": r.status,
             "rows_read": r.rows_read, "rows_loaded": r.rows_loaded,
             "rows_quarantined": r.rows_quarantined, "message": r.message}
            for r in results]  # fmt: skip
    st.session_state[REPORT_KEY] = {"results": rows}


def _upload_form(role: str, lang: str) -> None:
    with st.form("upload", clear_on_submit=True):
        kind = st.selectbox(t("upload_kind", lang), upload.KINDS, key="upload_kind")
        files = st.file_uploader(
            t("upload_files", lang), type=list(upload.UPLOAD_TYPES), accept_multiple_files=True,
            key="upload_files", help=t("upload_help", lang),
        )  # fmt: skip
        fewer = st.checkbox(t("upload_allow_fewer", lang), key="upload_allow_fewer",
                            help=t("upload_allow_fewer_help", lang))  # fmt: skip
        submitted = st.form_submit_button(t("upload_button", lang))
    if submitted and files:
        _ingest(kind, files, role, fewer)


def _report(lang: str) -> None:
    report = st.session_state.get(REPORT_KEY)
    if not report:
        return
    if "error" in report:
        st.error(t("upload_failed", lang, problem=report["error"]))
        return
    if report.get("refused"):
        st.error(t("upload_not_for_audience", lang))
        return
    results = pd.DataFrame(report["results"])
    for row in results.itertuples():
        if row.status == "rejected":
            st.error(t("upload_refused", lang, file=row.file_name, message=row.message))
        elif row.message and row.status != "unchanged":  # sheets not read, dates read as BE...
            st.info(t("upload_note", lang, file=row.file_name, message=row.message))
    shown = results.drop(columns="message").assign(
        status=[t(f"load_{s}", lang) for s in results["status"]]
    )
    st.dataframe(shown.rename(columns={c: t(k, lang) for c, k in RESULT_COLUMNS.items()}),
                 hide_index=True)  # fmt: skip
    if (results["status"] != "rejected").any():
        st.success(t("upload_done", lang))
    reasons = data.quarantine_reasons()  # no value from the files (etl.reasons)
    mine = reasons_in_words(reasons[reasons["file_name"].isin(results["file_name"])], lang)
    if len(mine):
        st.caption(t("upload_reasons", lang))
        st.dataframe(mine.rename(columns={c: t(k, lang) for c, k in REASON_COLUMNS.items()}),
                     hide_index=True)  # fmt: skip


def _audit_log(role: str, lang: str) -> None:
    st.subheader(t("audit_heading", lang))
    if not access.allowed(role, "read_audit_log"):
        st.info(t("audit_not_for_audience", lang))
        return
    st.caption(t("audit_help", lang))
    left, middle, right = st.columns([2, 1, 2])
    user = left.text_input(t("audit_user", lang), key="audit_user")
    actions = ("", *audit.ACTIONS)
    action = middle.selectbox(
        t("audit_action", lang), actions, key="audit_action",
        format_func=lambda a: t(f"action_{a}", lang) if a else t("all", lang),
    )  # fmt: skip
    days = right.date_input(t("audit_days", lang), value=(), key="audit_days")
    since, until = ([*days, None, None])[:2]  # a range: none, one or both days chosen
    try:
        entries = audit.read_entries(user=user, action=action, since=since, until=until)
    except (audit.AuditLogError, OSError) as exc:
        st.error(t("audit_broken", lang, problem=str(exc)))
        return
    if not entries:
        st.info(t("audit_empty", lang))
        return
    frame = pd.DataFrame([asdict(e) for e in reversed(entries)], columns=AUDIT_COLUMNS)
    st.dataframe(frame.rename(columns={c: t(f"col_{c}", lang) for c in AUDIT_COLUMNS}),
                 hide_index=True)  # fmt: skip


def render() -> None:
    """Draw the admin page."""
    lang = page_header("page_admin", "admin_question", needs_map=False)
    role = current_role()
    st.subheader(t("upload_heading", lang))
    if access.allowed(role, "upload"):
        _upload_form(role, lang)
        _report(lang)
    else:
        st.info(t("upload_not_for_audience", lang))
    _audit_log(role, lang)


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
