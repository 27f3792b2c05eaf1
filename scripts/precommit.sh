#!/usr/bin/env bash
# What must hold before a commit lands on main: lint and a fresh dist/. Exits non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s lint
npm run -s check-dist
