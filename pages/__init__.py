"""The atlas's pages: one module per page, each with a ``render()`` that ``dashboard.py``
registers (``ui.registry``).

Streamlit still treats a ``pages/`` folder beside the main script as old-style pages until
``st.navigation`` has run once in the server process: a deep link as a fresh server's first
request runs the page's file as a script. Each page file therefore ends with
``if __name__ == "__main__": run_router()``, which draws the router instead (and with it the
shared sidebar and the page asked for); imported as a module, the file only defines ``render``.
"""

from __future__ import annotations


def run_router() -> None:
    """Run the atlas through its router (``dashboard.main``)."""
    from dashboard import main  # imported here: the router imports the pages

    main()
