#!/usr/bin/env bash
# Install the Gym Companion bundle with its menu entry, icons and AppStream data — or remove them.
#
#   gym-companion/share/install.sh               from an unpacked release tarball
#   packaging/install.sh                         from a checkout, after packaging/build.sh
#   .../install.sh --uninstall                   (or uninstall.sh) removes exactly what install put there
#
# Where (the usual variables):
#   PREFIX   default ~/.local: the app goes to PREFIX/lib/gym-companion/, a link to PREFIX/bin/,
#            the menu entry, metainfo and icons to PREFIX/share/{applications,metainfo,icons/hicolor}/
#            (uninstall.sh inside an installed copy knows its own PREFIX)
#   DESTDIR  default empty: a staging root prepended to every path (for packagers); caches are not
#            refreshed then and the menu entry still names PREFIX/bin/gym-companion.
#   FORCE=1  replace a PREFIX/bin/gym-companion that is not ours (e.g. from `pip install --user`).
# Your training data (~/.local/share/gym-companion/) is never touched, by install or uninstall.
set -euo pipefail

APP=gym-companion
APP_ID=io.github.gymcompanion.GymCompanion
ICON_SIZES="16 24 32 48 64 128 256 512"
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "${PREFIX:-}" ] && [ -z "${DESTDIR:-}" ] && [ "$(basename "$(dirname "$HERE")")" = "$APP" ] \
    && [ "$(basename "$(dirname "$(dirname "$HERE")")")" = lib ] && [ -x "$HERE/../$APP" ]; then
    PREFIX=$(cd "$HERE/../../.." && pwd)  # run from an installed copy: PREFIX/lib/gym-companion/share/
fi
PREFIX="${PREFIX:-$HOME/.local}"
ROOT="${DESTDIR:-}$PREFIX"

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

case "$PREFIX" in
    /*) ;;
    *) fail "PREFIX must be an absolute path (got '$PREFIX')" ;;
esac

installed_files() {  # every path install creates, relative to ROOT (the bundle folder last)
    echo "bin/$APP"
    echo "share/applications/$APP.desktop"
    echo "share/metainfo/$APP_ID.metainfo.xml"
    for size in $ICON_SIZES; do
        echo "share/icons/hicolor/${size}x${size}/apps/$APP.png"
    done
    echo "share/icons/hicolor/scalable/apps/$APP.svg"
    echo "lib/$APP"
}

refresh_caches() {  # only for a real install (no DESTDIR), only with tools the desktop has
    [ -n "${DESTDIR:-}" ] && return 0
    if command -v update-desktop-database > /dev/null; then
        update-desktop-database -q "$ROOT/share/applications" 2> /dev/null || true
    fi
    local icons="$ROOT/share/icons/hicolor"
    if [ -d "$icons" ]; then
        touch "$icons"  # desktops re-read a theme folder whose time changed
        if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache > /dev/null; then
            gtk-update-icon-cache -q -t -f "$icons" 2> /dev/null || true
        fi
    fi
}

is_our_link() {  # PREFIX/bin/gym-companion points into PREFIX/lib/gym-companion/
    [ -L "$ROOT/bin/$APP" ] && [ "$(readlink "$ROOT/bin/$APP")" = "$PREFIX/lib/$APP/$APP" ]
}

remove_installed() {
    local removed=0 path dir
    while read -r path; do
        if [ "$path" = "bin/$APP" ]; then
            if [ -e "$ROOT/$path" ] || [ -L "$ROOT/$path" ]; then
                is_our_link || { say "left alone: $ROOT/$path (not installed by this script)"; continue; }
            fi
        fi
        if [ -e "$ROOT/$path" ] || [ -L "$ROOT/$path" ]; then
            rm -rf "${ROOT:?}/$path"
            say "removed $ROOT/$path"
            removed=$((removed + 1))
        fi
    done < <(installed_files)
    refresh_caches
    while read -r path; do  # folders left empty (e.g. icons/hicolor/16x16/apps), up to but not ROOT
        dir="$ROOT/$(dirname "$path")"
        while [ "$dir" != "$ROOT" ] && rmdir "$dir" 2> /dev/null; do
            dir=$(dirname "$dir")
        done
    done < <(installed_files)
    say "Gym Companion uninstalled ($removed items removed). Your data in ~/.local/share/$APP/ is kept."
}

find_bundle() {  # the folder holding the gym-companion executable and share/
    local candidate
    for candidate in "$HERE/.." "$HERE/../dist/$APP"; do
        if [ -x "$candidate/$APP" ] && [ -d "$candidate/_internal" ] && [ -d "$candidate/share/icons" ]; then
            (cd "$candidate" && pwd)
            return 0
        fi
    done
    fail "no built bundle next to this script: run packaging/build.sh first, or use the script inside the tarball"
}

install_bundle() {
    local bundle share
    bundle=$(find_bundle)
    share="$bundle/share"
    if { [ -e "$ROOT/bin/$APP" ] || [ -L "$ROOT/bin/$APP" ]; } && ! is_our_link && [ "${FORCE:-0}" != 1 ]; then
        fail "$ROOT/bin/$APP already exists and is not from this installer (FORCE=1 replaces it)"
    fi
    mkdir -p "$ROOT/lib" "$ROOT/bin" "$ROOT/share/applications" "$ROOT/share/metainfo"

    # The bundle: copied beside the old one, then swapped in (a running copy keeps its open files).
    rm -rf "${ROOT:?}/lib/$APP.new"
    cp -a "$bundle" "$ROOT/lib/$APP.new"
    rm -rf "${ROOT:?}/lib/$APP"
    mv "$ROOT/lib/$APP.new" "$ROOT/lib/$APP"
    ln -sfn "$PREFIX/lib/$APP/$APP" "$ROOT/bin/$APP"

    # The menu entry names the installed program by its full path (PREFIX/bin may not be on PATH).
    sed -e "s|^Exec=.*|Exec=$PREFIX/bin/$APP|" -e "s|^TryExec=.*|TryExec=$PREFIX/bin/$APP|" \
        "$share/$APP.desktop" > "$ROOT/share/applications/$APP.desktop"
    chmod 644 "$ROOT/share/applications/$APP.desktop"
    install -m 644 "$share/$APP_ID.metainfo.xml" "$ROOT/share/metainfo/$APP_ID.metainfo.xml"
    for size in $ICON_SIZES; do
        install -D -m 644 "$share/icons/hicolor/${size}x${size}/apps/$APP.png" \
            "$ROOT/share/icons/hicolor/${size}x${size}/apps/$APP.png"
    done
    install -D -m 644 "$share/icons/hicolor/scalable/apps/$APP.svg" \
        "$ROOT/share/icons/hicolor/scalable/apps/$APP.svg"
    refresh_caches

    say "Gym Companion installed:"
    say "  program     $ROOT/lib/$APP/ (run: $PREFIX/bin/$APP)"
    say "  menu entry  $ROOT/share/applications/$APP.desktop"
    say "  metainfo    $ROOT/share/metainfo/$APP_ID.metainfo.xml"
    say "  icons       $ROOT/share/icons/hicolor/*/apps/$APP.{png,svg}"
    say "Remove with: $PREFIX/lib/$APP/share/uninstall.sh"
}

case "${1:-}" in
    --uninstall) remove_installed ;;
    "") install_bundle ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' ;;
    *) fail "unknown option '$1' (use --uninstall or --help)" ;;
esac
