#!/usr/bin/env bash
# Remove what install.sh installed (same PREFIX / DESTDIR); your training data is kept.
exec bash "$(dirname "$0")/install.sh" --uninstall "$@"
