#!/usr/bin/env bash
# Smoke test of an installed copy: a wheel's venv command or the PyInstaller bundle.
#   packaging/smoke_test.sh PATH/TO/opsg-desktop
# Runs in a scratch folder, away from the source tree, so only the installed copy
# is used: --version, --demo (package data), import of a meeting file,
# export minutes, and a window start (offscreen) that quits by itself.
set -euo pipefail
exe=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_STATE_HOME="$work/state" OPSG_DB="$work/default.sqlite3"

version=$("$exe" --version)
echo "$version" | grep -Eq '^opsg-desktop [0-9]+\.[0-9]+' || { echo "bad --version: $version"; exit 1; }

"$exe" --db demo.sqlite3 --demo list | grep -q '^OPSG_49_2405 '
"$exe" --db meetings.sqlite3 import "$here/tests/fixtures/interchange_example.json" | grep -qx OPSG_49_2405
"$exe" --db meetings.sqlite3 export minutes OPSG_49_2405 -o minutes.docx >/dev/null
[ "$(head -c 2 minutes.docx)" = "PK" ] || { echo "minutes.docx is not a Word file"; exit 1; }

# The window: open the imported meeting, paint, and quit cleanly after a moment.
OPSG_QUIT_AFTER_MS=300 timeout 60 "$exe" --db meetings.sqlite3
echo "smoke test passed: $version ($exe)"
