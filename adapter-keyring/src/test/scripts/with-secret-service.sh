#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service,
# so that the keyring tests run against a real keyring (and never the developer's own).
#   adapter-keyring/src/test/scripts/with-secret-service.sh mvn -B -q -pl adapter-keyring -am verify
# Needs: gnome-keyring, dbus (dbus-run-session), libsecret-tools (secret-tool).
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (apt-get install -y gnome-keyring dbus libsecret-tools)" >&2; exit 3; }
done
XDG_DATA_HOME=$(mktemp -d)
XDG_RUNTIME_DIR=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_DATA_HOME XDG_RUNTIME_DIR
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"' EXIT
# The password is read from standard input up to a newline: `echo ""` (a bare newline) creates and
# unlocks an empty-password "login" collection; `echo -n ""` sends nothing and creates no collection,
# after which every client waits for a prompt that never comes.
dbus-run-session -- bash -c 'echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' bash "$@"
