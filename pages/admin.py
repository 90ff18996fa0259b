"""Who loads what, and who took what away? Partner files uploaded through the same ingestion
as the command line, with its report, the state of the results published from the data, and
the audit log with its hash chain checked. When the log cannot be written the page says so
first: uploads (and every download) are then refused."""

from __future__ import annotations

import contextlib
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import streamlit as st

import access
import audit
from audit.findings import Break, Verification
from audit.secret import SecretFileError
from i18n import t
from pages import run_router
from publish import stage as publish_stage
from ui import data, upload
from ui.audited import view_link
from ui.freshness import records_table, when
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
        results = upload.ingest_uploads(
            kind,
            uploads,
            data.db_path(),
            user=who.label,
            role=role,
            link=link,
            allow_fewer=allow_fewer,
        )
    except audit.AuditUnavailable as exc:  # no line, no load
        st.session_state[REPORT_KEY] = {"no_audit": exc}
        return
    except Exception as exc:
        with contextlib.suppress(OSError):  # the failure is recorded if the log takes it
            upload.record_uploads(kind, uploads, None, who.label, role, link)
        if not isinstance(exc, upload.UploadError | OSError):
            raise
        problem = str(exc) if isinstance(exc, upload.UploadError) else exc.strerror
        st.session_state[REPORT_KEY] = {"error": problem or type(exc).__name__}
        return
    upload.start_publish(data.db_path())  # the facts are in: the products follow
    rows = [{"file_name": r.file_name, "kind": r.kind, "status": r.status,
             "rows_read": r.rows_read, "rows_loaded": r.rows_loaded,
             "rows_quarantined": r.rows_quarantined, "message": r.message}
            for r in results]  # fmt: skip
    st.session_state[REPORT_KEY] = {"results": rows, "publishing": True}


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
    if "no_audit" in report:
        st.error(t("upload_no_audit", lang, problem=report["no_audit"].in_words(lang)))
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
    if report.get("publishing"):
        st.info(t("upload_publishing", lang))
    reasons = data.quarantine_reasons()  # no value from the files (etl.reasons)
    mine = reasons_in_words(reasons[reasons["file_name"].isin(results["file_name"])], lang)
    if len(mine):
        st.caption(t("upload_reasons", lang))
        st.dataframe(mine.rename(columns={c: t(k, lang) for c, k in REASON_COLUMNS.items()}),
                     hide_index=True)  # fmt: skip


def _break_text(problem: Break, lang: str) -> str:
    kind, detail = t(f"audit_kind_{problem.kind}", lang), problem.detail_in(lang)
    if problem.line is None:
        return t("audit_break_end", lang, kind=kind, detail=detail)
    return t("audit_break_line", lang, line=problem.line, kind=kind, detail=detail)


@st.cache_data(max_entries=4, show_spinner=False)
def _verified(path: str, version: tuple) -> Verification:
    """``audit.verify`` of the log, once per version of the log and its head (a filter typed
    reruns the page; 20,000 lines take about 0.4 s)."""
    return audit.verify(Path(path))


def _version(path: Path) -> tuple:
    stats = []
    for file in (path, audit.head_path(path)):
        try:
            info = file.stat()
            stats.append((info.st_ino, info.st_size, info.st_mtime_ns))
        except OSError:
            stats.append(None)
    return tuple(stats)


def _chain(lang: str) -> bool:
    """Say whether the log's hash chain is intact, where it breaks, that it cannot be verified
    or that there is no log yet; False when there is nothing to list."""
    path = audit.log_path()
    try:
        found = _verified(str(path), _version(path))
    except (OSError, SecretFileError) as exc:
        st.error(t("audit_broken", lang, problem=audit.reason_in(exc, lang)))
        return False
    if found.status == "no_log":
        st.info(t("audit_no_log", lang))
        return False
    if found.status in ("no_chain", "unkeyed"):
        st.error(t("audit_no_chain", lang, summary=found.summary(lang)))
    elif not found.intact:
        st.error(t("audit_chain_broken", lang, n=len(found.breaks)))
        st.markdown("\n".join(f"- {_break_text(b, lang)}" for b in found.breaks))
    elif found.entries:
        st.caption(t("audit_chain_intact", lang, n=found.entries, hash=found.last_hash))
    if found.before_chain:
        st.caption(t("audit_chain_older", lang, n=found.before_chain))
    return True


def _audit_log(role: str, lang: str, unwritable: bool) -> None:
    st.subheader(t("audit_heading", lang))
    if not access.allowed(role, "read_audit_log"):
        st.info(t("audit_not_for_audience", lang))
        return
    st.caption(t("audit_help", lang))
    if not _chain(lang):
        return
    left, middle, right = st.columns([2, 1, 2])
    user = left.text_input(t("audit_user", lang), key="audit_user")
    actions = ("", *audit.ACTIONS)
    action = middle.selectbox(
        t("audit_action", lang), actions, key=f"audit_action_{lang}",  # one per language
        format_func=lambda a: t(f"action_{a}", lang) if a else t("all", lang),
    )  # fmt: skip
    days = right.date_input(t("audit_days", lang), value=(), key="audit_days")
    since, until = ([*days, None, None])[:2]  # a range: none, one or both days chosen
    entries = audit.read_entries(user=user, action=action, since=since, until=until,
                                 skip_bad=True)  # fmt: skip
    if not entries:
        if not unwritable:  # an unwritable log is said above, not as "no entries"
            st.info(t("audit_empty", lang))
        return
    frame = pd.DataFrame([asdict(e) for e in reversed(entries)], columns=AUDIT_COLUMNS)
    st.dataframe(frame.rename(columns={c: t(f"col_{c}", lang) for c in AUDIT_COLUMNS}),
                 hide_index=True)  # fmt: skip


def _products(lang: str) -> None:
    """The published results: whether they are made from the data as they are, publishing
    now, or behind (with a button to publish), and each product's record."""
    st.subheader(t("products_heading", lang))
    st.caption(t("products_help", lang))
    facts, records = data.facts_stamp(), data.product_records()
    if facts is not None:
        loaded = when(facts.written_at)
        if publish_stage.is_running(data.db_path()):
            st.caption(t("products_running", lang, loaded=loaded))
        elif set(records["build_id"]) == {facts.build_id}:
            st.caption(t("products_current", lang, loaded=loaded))
        else:
            st.caption(t("products_behind", lang, loaded=loaded))
            if st.button(t("products_publish", lang), key="publish_now"):
                upload.start_publish(data.db_path())
                st.caption(t("products_running", lang, loaded=loaded))
    if records.empty:
        st.caption(t("products_none", lang))
    else:
        st.dataframe(records_table(records, lang), hide_index=True)


def render() -> None:
    """Draw the admin page."""
    lang = page_header("page_admin", "admin_question", needs_map=False)
    role = current_role()
    refusal = audit.write_refusal()
    if refusal:
        st.error(t("audit_unwritable", lang, setting=refusal.setting or "ATLAS_AUDIT_LOG",
                   reason=refusal.reason_in(lang)))  # fmt: skip
    st.subheader(t("upload_heading", lang))
    if access.allowed(role, "upload"):
        _upload_form(role, lang)
        _report(lang)
    else:
        st.info(t("upload_not_for_audience", lang))
    _audit_log(role, lang, unwritable=refusal is not None)
    _products(lang)


if __name__ == "__main__":  # Streamlit ran this file itself: go through the router
    run_router()
