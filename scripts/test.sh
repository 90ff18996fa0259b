#!/usr/bin/env bash
# Set up (with the browser), lint, check the import contracts and the message catalogs
# (docs/translation.md), and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
.venv/bin/ruff check .
.venv/bin/ruff format --check .
PYTHONPATH=. .venv/bin/lint-imports  # the layers' contracts in pyproject.toml
.venv/bin/python -m i18n.catalogs check
exec .venv/bin/python -m pytest "$@"
