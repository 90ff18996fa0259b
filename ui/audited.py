"""Downloads that leave a line in the audit log when their file is built for the visitor.

``st.download_button`` runs a callable passed as its data when the visitor clicks, outside the
page run (no ``st.user`` there): ``audited`` takes the visitor, their role and the view's link
now, in the page run, and returns the callable to pass instead of ``build``. Every download
button of the atlas is drawn by ``download_button``, which first asks the access rule whether
the visitor's role may download that kind of file (``access.allowed(role, "download", kind)``)
and then whether the audit log can be written: when it cannot, no button is drawn, only a plain
message (fail closed). A table leaves the atlas one way, ``download_table``: as the CSV of
``query.table_csv`` (cells a spreadsheet would run as formulas neutralised), audited.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import access
import audit
from i18n import t
from query.table_csv import table_csv
from ui.guard import current_page
from ui.identity import current_identity, current_role


def view_link() -> str:
    """The view as a link: the page's path and the query string the sidebar keeps in the URL."""
    params = urlencode(st.query_params.to_dict(), safe=",")
    return f"/{current_page()}" + (f"?{params}" if params else "")


def csv_rows(content: bytes) -> int:
    """Data rows of a CSV file (its header not counted)."""
    text = content.decode("utf-8-sig")
    return max(sum(1 for _ in csv.reader(io.StringIO(text))) - 1, 0)


def audited(
    action: str,
    build: Callable[[], bytes],
    *,
    file_name: str,
    rows: Callable[[bytes], int] | None = None,
) -> Callable[[], bytes]:
    """``build`` wrapped so that each time it runs (the file is built for the visitor) one line
    is appended to the audit log: who, role, ``action``, the view's link, ``file_name``, the
    rows (``rows(content)``, when given) and the content's SHA-256.

    The line is written before the bytes are handed out: if the log cannot be written, the
    callable raises ``audit.AuditUnavailable`` and nothing is handed out (Streamlit says "Failed
    to generate file for download" beside the button; the next page run says why).

    Raises:
        ValueError: if ``action`` is not one of ``audit.ACTIONS`` (at once, not at the click).
        roles.RolesError: if the visitor's role cannot be read (the router stopped already).
    """
    if action not in audit.ACTIONS:
        raise ValueError(f"audit action {action!r} is not one of {', '.join(audit.ACTIONS)}")
    who, role, link = current_identity(), current_role(), view_link()

    def run() -> bytes:
        content = build()
        audit.record(
            action, user=who.label, role=role, link=link, file=file_name,
            rows=rows(content) if rows else None, sha256=audit.sha256_of(content),
        )  # fmt: skip
        return content

    return run


def file_kind(file_name: str) -> str:
    """The kind of a file as the access rule names it: its extension (``csv``, ``pdf``)."""
    return Path(file_name).suffix.lstrip(".").lower()


def download_button(
    container: DeltaGenerator, label: str, build: Callable[[], bytes], *, file_name: str,
    mime: str, key: str, lang: str, rows: Callable[[bytes], int] | None = None,
) -> Callable[[], bytes] | None:  # fmt: skip
    """Draw in ``container`` a button that downloads ``build()`` (built on the click, recorded
    in the audit log: ``audited``) if the visitor's role may download this kind of file and the
    audit log can be written; otherwise a plain caption that it is not available for this
    audience, or a warning that downloads wait for the audit log. Returns the audited builder
    the button runs, or None when refused.

    Raises:
        roles.RolesError: if the visitor's role cannot be read (the router stopped already).
    """
    kind = file_kind(file_name)
    if not access.allowed(current_role(), "download", kind):
        container.caption(t("download_not_for_audience", lang, kind=kind.upper()))
        return None
    if audit.write_problem() is not None:  # no line, no file
        container.warning(t("download_no_audit", lang))
        return None
    run = audited("download", build, file_name=file_name, rows=rows)
    container.download_button(
        label, run, file_name=file_name, mime=mime, key=key, on_click="ignore"
    )
    return run


def download_table(
    container: DeltaGenerator, label: str, table: Callable[[], pd.DataFrame], *, file_name: str,
    key: str, lang: str,
) -> Callable[[], bytes] | None:  # fmt: skip
    """The one way a table leaves the atlas as a file: a ``download_button`` whose CSV is
    ``query.table_csv.table_csv(table())`` (built on the click, formulas neutralised), its rows
    counted in the audit line. Returns the audited builder, or None when refused.

    Raises:
        roles.RolesError: if the visitor's role cannot be read (the router stopped already).
    """
    return download_button(
        container, label, lambda: table_csv(table()), file_name=file_name, mime="text/csv",
        key=key, lang=lang, rows=csv_rows,
    )  # fmt: skip
