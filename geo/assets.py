"""Leaflet served from the app's own origin, so maps draw without internet.

``python -m geo.assets`` copies Leaflet from the installed ``xstatic-leaflet`` package into
``static/vendor/leaflet``, which Streamlit serves at ``/app/static/vendor/leaflet/`` when
``server.enableStaticServing`` is on (see ``.streamlit/config.toml``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xleaflet

from config import PROJECT_ROOT

STATIC_DIR = PROJECT_ROOT / "static" / "vendor"
URL_BASE = "/app/static/vendor"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images")
LEAFLET_JS = f"{URL_BASE}/leaflet/leaflet.js"
LEAFLET_CSS = f"{URL_BASE}/leaflet/leaflet.css"


def install_assets(target: Path = STATIC_DIR) -> Path:
    """Copy Leaflet's script, stylesheet and images into ``target/leaflet``; return that folder.

    Raises:
        FileNotFoundError: if the xstatic-leaflet package lacks one of the files.
    """
    source = Path(xleaflet.BASE_DIR)
    dest = target / "leaflet"
    dest.mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest / name)
    return dest


def assets_installed(target: Path = STATIC_DIR) -> bool:
    """True when the local Leaflet files are in place."""
    return all((target / "leaflet" / name).exists() for name in LEAFLET_FILES)


def use_local_assets(m: folium.Map) -> folium.Map:
    """Make the map load only Leaflet, from the app's own origin; returns the same map.

    folium's defaults also pull jQuery, Bootstrap and Font Awesome from CDNs; the atlas's maps
    use none of them, and one unreachable script stops a map from drawing.
    """
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    return m


def standalone_html(m: folium.Map, target: Path = STATIC_DIR) -> str:
    """The map as one HTML file that draws with no server and no internet: Leaflet's script
    and stylesheet are written into it instead of linked.

    Raises:
        FileNotFoundError: if the local Leaflet files are not installed.
        ValueError: if the map does not link the local Leaflet files (``use_local_assets``).
    """
    page = m.get_root().render()
    folder = target / "leaflet"
    script = (folder / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    style = (folder / "leaflet.css").read_text(encoding="utf-8")
    js_tag = f'<script src="{LEAFLET_JS}"></script>'
    css_tag = f'<link rel="stylesheet" href="{LEAFLET_CSS}"/>'
    if js_tag not in page or css_tag not in page:
        raise ValueError("the map does not link the local Leaflet files (use_local_assets)")
    page = page.replace(js_tag, f"<script>{script}</script>")
    return page.replace(css_tag, f"<style>{style}</style>")


if __name__ == "__main__":
    print(f"Leaflet {xleaflet.VERSION} copied to {install_assets()}", file=sys.stderr)
