#!/usr/bin/env bash
# Set up a local virtual environment on first use, then run the app or the tests.
#   ./run.sh           open Gym Companion (on demo data if you have no database yet)
#   ./run.sh test      run the whole test suite (what CI runs)
#   ./run.sh -- ARGS   pass ARGS to gym-companion (e.g. ./run.sh -- --db ~/gym.sqlite3)
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
STAMP="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$STAMP" ]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".[test]"
    touch "$STAMP"
fi
case "${1:-}" in
    test)
        shift
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    --)
        shift
        exec "$VENV/bin/gym-companion" "$@"
        ;;
    "")
        if [ -f "$("$VENV/bin/python" -c 'from gym_companion.paths import default_db_path; print(default_db_path())')" ]; then
            exec "$VENV/bin/gym-companion"
        fi
        exec "$VENV/bin/gym-companion" --demo
        ;;
    *)
        exec "$VENV/bin/gym-companion" "$@"
        ;;
esac
