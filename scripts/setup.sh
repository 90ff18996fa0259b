#!/usr/bin/env bash
# Install everything the atlas needs into .venv, Leaflet into static/vendor, and compile the
# translations (locale/*/LC_MESSAGES/atlas.po -> atlas.mo, docs/translation.md).
# Always a Khmer font from Debian (the briefing PDF); with --browser, also what the tests
# need: chromium and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$want" > "$stamp"
fi
.venv/bin/python -m geo.assets
.venv/bin/python -m i18n.catalogs compile >/dev/null

# Debian packages. Always a Khmer font: the briefing PDF needs it (python -m briefing, the
# ranking page's button). With --browser (the tests) also chromium, and poppler-utils, whose
# pdftotext, pdftoppm and pdffonts check the PDF.
missing=()
dpkg -s fonts-khmeros >/dev/null 2>&1 || missing+=(fonts-khmeros)
if [ "${1:-}" = "--browser" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} from Debian's packages" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
