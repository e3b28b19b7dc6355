#!/usr/bin/env bash
# Build the Linux bundle of Gym Companion and smoke-test it.
#
#   bash packaging/build.sh            wheel -> build venv -> icons -> PyInstaller -> smoke test -> .tar.gz
#
# Produces (all ignored by git):
#   build/venv/                               the build's own virtual environment (PyInstaller pinned)
#   build/wheel/gym_companion-VERSION-*.whl   the wheel the bundle is made from
#   build/icons/hicolor/                      the app icon as PNGs (16-512 px) and SVG
#   dist/gym-companion/gym-companion          the one-folder bundle's executable
#   dist/gym-companion-VERSION-linux-ARCH.tar.gz
#
# Environment: PYTHON (default python3; needs a shared libpython, as PyInstaller does),
# SKIP_SMOKE=1 to skip the smoke test (not recommended).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/venv"
started=$(date +%s)

say() { printf '== %s\n' "$*"; }
fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# --- 1. a Python that PyInstaller can freeze -------------------------------------------------------
"$PYTHON" - <<'EOF' || fail "$PYTHON has no shared libpython (build Python with --enable-shared) or is older than 3.11"
import sys, sysconfig
assert sys.version_info >= (3, 11)
assert sysconfig.get_config_var("Py_ENABLE_SHARED") or sys.platform != "linux"
EOF

# The bundle carries the system libraries Qt's xcb plugin links to only if they are here to copy.
if command -v ldconfig > /dev/null && ! ldconfig -p | grep 'libxcb-cursor\.so\.0' > /dev/null; then
    echo "build.sh: warning: libxcb-cursor0 is not installed, so the bundle will need it on the user's machine" >&2
fi

# --- 2. the build venv (only `venv` is needed from the base Python; pip comes with the venv) -----------
say "build venv ($VENV)"
STAMP="$VENV/.deps-$(cat pyproject.toml packaging/requirements-build.txt | sha1sum | cut -c1-12)"
if [ ! -f "$STAMP" ]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip 2> >(grep -v '^WARNING: Location' >&2)
fi

# --- 3. the wheel (also checks that it carries every resource the app loads) ----------------------
say "wheel"
rm -rf build/wheel
"$VENV/bin/python" -m pip wheel --quiet --no-deps --wheel-dir build/wheel . 2> >(grep -v '^WARNING: Location' >&2)
WHEEL=$(ls build/wheel/gym_companion-*.whl)
"$VENV/bin/python" - "$WHEEL" <<'EOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
needed = [
    "gym_companion/_resources/exercises.json",
    "gym_companion/_resources/sounds/rest_over.wav",
    "gym_companion/_resources/icons/gym-companion.svg",
    "gym_companion/storage/migrations/env.py",
    "gym_companion/storage/migrations/versions/0001_initial.py",
]
missing = [name for name in needed if name not in names]
if missing:
    sys.exit(f"build.sh: the wheel lacks {missing}")
print(f"{sys.argv[1]}: {len(names)} files, resources and migrations included")
EOF

# The app's dependencies (from pyproject, through the wheel) and the pinned PyInstaller, once per change.
if [ ! -f "$STAMP" ]; then
    "$VENV/bin/python" -m pip install --quiet "$WHEEL" -r packaging/requirements-build.txt \
        2> >(grep -v '^WARNING: Location' >&2)
    touch "$STAMP"
fi
# Always the wheel just built (its version number may not have changed).
"$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall "$WHEEL" 2> >(grep -v '^WARNING: Location' >&2)
VERSION=$("$VENV/bin/python" -c 'import gym_companion; print(gym_companion.__version__)')

# --- 4. desktop files (validated where the validators are installed) and icons -------------------------
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate packaging/gym-companion.desktop
fi
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net packaging/io.github.gymcompanion.GymCompanion.metainfo.xml > /dev/null
fi
say "icons"
rm -rf build/icons
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py resources/icons/gym-companion.svg build/icons \
    > /dev/null

# --- 5. the bundle -------------------------------------------------------------------------------------
say "PyInstaller (dist/gym-companion/)"
rm -rf dist/gym-companion
pyi_started=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/gym-companion.spec
pyi_seconds=$(( $(date +%s) - pyi_started ))
# A self-built Python (pyenv) carries debug info: ~25 MB of libpython and lib-dynload. Strip only files
# that have it; stripping the wheels' patchelf-edited libraries (numpy's OpenBLAS) breaks them.
if command -v strip > /dev/null && command -v readelf > /dev/null; then
    for lib in dist/gym-companion/_internal/libpython3*.so* dist/gym-companion/_internal/python3*/lib-dynload/*.so; do
        if [ -f "$lib" ] && readelf -S "$lib" 2> /dev/null | grep '\.debug_info' > /dev/null; then
            strip --strip-debug "$lib"
        fi
    done
fi
# Desktop integration files travel inside the bundle, so install.sh needs nothing but the tarball.
mkdir -p dist/gym-companion/share
cp -r build/icons dist/gym-companion/share/icons
cp packaging/gym-companion.desktop packaging/io.github.gymcompanion.GymCompanion.metainfo.xml \
    packaging/install.sh packaging/uninstall.sh dist/gym-companion/share/

# --- 6. smoke test -------------------------------------------------------------------------------------
if [ "${SKIP_SMOKE:-0}" != 1 ]; then
    say "smoke test"
    bash packaging/smoke_test.sh dist/gym-companion/gym-companion
fi

# --- 7. the tarball --------------------------------------------------------------------------------------
say "tarball"
ARCH=$(uname -m)
TARBALL="dist/gym-companion-$VERSION-linux-$ARCH.tar.gz"
tar -C dist -czf "$TARBALL" gym-companion

bundle_size=$(du -sh dist/gym-companion | cut -f1)
tar_size=$(du -h "$TARBALL" | cut -f1)
say "done in $(( $(date +%s) - started )) s (PyInstaller $pyi_seconds s)"
echo "bundle  dist/gym-companion/  $bundle_size"
echo "tarball $TARBALL  $tar_size"
