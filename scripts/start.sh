#!/usr/bin/env bash
# Starts Vigil on one box (Temporal dev server, web, worker): `bash scripts/start.sh [--no-build]`.
# Relative paths in settings (VIGIL_DATA_DIR, DATABASE_URL=sqlite:...) are relative to the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh
# node --import tsx (not the tsx wrapper) keeps one process, so a signal sent to this pid reaches the platform once.
exec node --import tsx scripts/start-platform.ts "$@"
