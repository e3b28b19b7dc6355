#!/usr/bin/env bash
# Smoke-test a built bundle (run by build.sh; runnable alone):
#   bash packaging/smoke_test.sh dist/gym-companion/gym-companion
# 1. --version prints the version.
# 2. `demo --db` writes history into a new database (migrations and the exercise library load).
# 3. The app opens offscreen on it, warms up every page, runs its daily backup and quits by itself
#    (the hidden --quit-after MS): exit 0, no traceback, the lock released.
# 4. A second launch on the same database while the first runs brings the first forward and exits 0;
#    the first carries on and exits 0; the database passes SQLite's integrity check afterwards.
# 5. The files the app loads lazily (sound, Qt plugins for xcb/wayland/offscreen, SVG, multimedia,
#    text-to-speech) are in the bundle.
set -euo pipefail
EXE=$(realpath "${1:?usage: smoke_test.sh PATH/TO/gym-companion}")
BUNDLE=$(dirname "$EXE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gym-companion-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
export TMPDIR="$WORK/tmp"  # the app's single-instance socket appears here, and only ours
mkdir -p "$HOME" "$TMPDIR"
DB="$WORK/demo.sqlite3"
failures=0

check() {  # check NAME CONDITION...
    local name=$1
    shift
    if "$@"; then
        echo "  ok   $name"
    else
        echo "  FAIL $name" >&2
        failures=$((failures + 1))
    fi
}

no_traceback() {  # no_traceback FILE: nothing that looks like a crash in FILE
    if grep -E -q 'Traceback|Error:|Could not load the Qt platform plugin|core dumped' "$1"; then
        sed 's/^/       /' "$1" >&2
        return 1
    fi
}

# 1. version
version=$("$EXE" --version)
check "--version prints '$version'" test "${version#gym-companion }" != "$version"

# 2. demo history
"$EXE" demo --db "$DB" --years 1 --seed 1 > "$WORK/demo.out" 2> "$WORK/demo.err"
check "demo wrote history: $(cat "$WORK/demo.out")" grep -q "workouts" "$WORK/demo.out"
check "demo stderr clean" no_traceback "$WORK/demo.err"

# 3. open, warm up, quit by itself
started=$(date +%s%N)
set +e
timeout 60 "$EXE" --db "$DB" --quit-after 4000 > "$WORK/run.out" 2> "$WORK/run.err"
rc=$?
set -e
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
check "app opened and quit cleanly (exit $rc, ${elapsed_ms} ms incl. 4000 ms open)" test "$rc" -eq 0
check "app stderr clean" no_traceback "$WORK/run.err"
check "daily backup written beside the database" test -n "$(ls "$WORK/backups" 2>/dev/null)"
check "lock released" test ! -s "$DB.lock"

# 4. single instance
timeout 90 "$EXE" --db "$DB" --quit-after 15000 > "$WORK/first.out" 2> "$WORK/first.err" &
first=$!
for _ in $(seq 300); do  # until the first window listens for later launches (its socket exists)
    [ -n "$(find "$TMPDIR" -type s -name 'gym-companion-*' 2> /dev/null)" ] && break
    sleep 0.1
done
set +e
demo_out=$(timeout 30 "$EXE" demo --db "$DB" --years 1 2>&1)
demo_rc=$?
timeout 30 "$EXE" --db "$DB" --quit-after 5000 > "$WORK/second.out" 2> "$WORK/second.err"
second_rc=$?
wait "$first"
first_rc=$?
set -e
check "second launch handed over to the first window (exit $second_rc)" \
    grep -q "already open; brought its window to the front" "$WORK/second.err"
check "second launch exit 0" test "$second_rc" -eq 0
refused() { test "$demo_rc" -ne 0 && grep -q "already open" <<< "$demo_out"; }
check "demo writer refused while the window is open (exit $demo_rc)" refused
check "first window kept working and quit cleanly (exit $first_rc)" test "$first_rc" -eq 0
check "first window stderr clean" no_traceback "$WORK/first.err"
integrity=$("${PYTHON:-python3}" -c \
    "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$DB")
check "database integrity: $integrity" test "$integrity" = ok

# 5. lazily loaded files
internal="$BUNDLE/_internal"
for file in \
    gym_companion/_resources/sounds/rest_over.wav \
    gym_companion/_resources/icons/gym-companion.svg \
    gym_companion/storage/migrations/env.py \
    PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/platforms/libqwayland.so \
    PySide6/Qt/plugins/platforms/libqoffscreen.so \
    PySide6/Qt/plugins/iconengines/libqsvgicon.so \
    PySide6/Qt/plugins/imageformats/libqsvg.so \
    PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so \
    PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so \
    PySide6/QtMultimedia.abi3.so \
    PySide6/QtTextToSpeech.abi3.so \
    PySide6/QtSvg.abi3.so; do
    check "bundled: $file" test -f "$internal/$file"
done

if [ "$failures" -ne 0 ]; then
    echo "smoke test: $failures check(s) failed" >&2
    exit 1
fi
echo "smoke test: all checks passed"
