"""The atlas's pages: one module per page, each with a ``render()`` that the router
(``dashboard.py``) registers and runs once the access rule lets the visitor see it. Pages know
nothing above them: neither the router nor the page table.

Streamlit still treats a ``pages/`` folder beside the main script as old-style pages until
``st.navigation`` has run once in the server process: a deep link as a fresh server's first
request runs the page's file as a script. Each page file therefore ends with
``if __name__ == "__main__": run_router()``, which hands the run over to the router's script
(and with it the access rule, the shared sidebar and the page asked for); imported as a module,
the file only defines ``render``.
"""

from __future__ import annotations

import runpy

from config import PROJECT_ROOT

#: The router's script, run (not imported: it sits above the pages) on a deep link.
ROUTER = PROJECT_ROOT / "dashboard.py"


def run_router() -> None:
    """Run the router's script as Streamlit runs it (``__main__``), in place of the page's."""
    runpy.run_path(str(ROUTER), run_name="__main__")
