#!/usr/bin/env bash
# Makes the AppCDS archive of the runnable jar at package time (launcher/pom.xml runs it after the shade):
# Java 17's two steps, a training run with -XX:ArchiveClassesAtExit (start `serve` on a free port with a
# throw-away home, answer /api/health and the dashboard's first reads, stop with SIGTERM: the JVM writes
# the classes it loaded to the archive as it exits), then the launch script beside the jar maps it with
# -XX:SharedArchiveFile. Also copies that launch script next to the jar.
#
#   cds-training.sh JAR LAUNCH_SCRIPT
#
# A failed training run fails nothing: the script then runs the jar without an archive (it says why).
set -uo pipefail
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(dirname "$jar")
jsa="$dir/brokerbridge.jsa"
cp "$2" "$dir/brokerbridge" && chmod 0755 "$dir/brokerbridge"
rm -f "$jsa"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS HOME="$home" BROKERBRIDGE_HOME="$home/data" \
  BROKERBRIDGE_SECRETS_BACKEND=file BROKERBRIDGE_MACHINE_ID=cds-training-run-0001 \
  java -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" serve --port 0 \
  >"$home/out" 2>"$home/err" &
pid=$!
port=""
for _ in $(seq 1 1200); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$home/out")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  kill -KILL "$pid" 2>/dev/null
  echo "cds-training: the training run did not start; the launch script will run without an archive" >&2
  tail -5 "$home/err" >&2
  exit 0
fi
for path in /api/health /api/health /api/portfolio /api/proposals /api/orders /api/license /api/credentials/status /api/setup/status; do
  curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$port$path" || true
done
kill -TERM "$pid"
wait "$pid"
if [ -s "$jsa" ]; then
  echo "cds-training: $(du -h "$jsa" | cut -f1) archive $jsa"
else
  echo "cds-training: no archive was written; the launch script will run without one" >&2
fi
exit 0
