#!/usr/bin/env bash
# Makes the AppCDS archive of the runnable jar at package time (launcher/pom.xml runs it after the shade),
# and extracts SQLite's native library for this OS and CPU next to the jar (native/), so that a start does
# not extract it from the jar into a temporary file again:
# a static archive from class lists, in Java 17's two steps: training runs record the classes they load
# with -XX:DumpLoadedClassList (`serve` on a free port with a throw-away home that a first start made,
# answering /api/health and the dashboard's first reads, stopped with SIGTERM; then `credentials set` and
# `credentials list` on that home), and -Xshare:dump makes one archive from their union; the launch
# script beside the jar maps it with -XX:SharedArchiveFile. A static dump (unlike -XX:ArchiveClassesAtExit)
# archives picocli too, whose classes are compiled for Java 5, and the lambda forms and lambdas the runs
# spun; training the credentials commands as well keeps their classes out of the jar at each start.
# Also copies that launch script next to the jar.
#
#   cds-training.sh JAR LAUNCH_SCRIPT
#
# A failed training run fails nothing: the script then runs the jar without an archive (it says why).
set -uo pipefail
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(dirname "$jar")
jsa="$dir/brokerbridge.jsa"
cp "$2" "$dir/brokerbridge" && chmod 0755 "$dir/brokerbridge"
rm -f "$jsa" "$jsa.jar"
rm -rf "$dir/native"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64|Linux/amd64) lib=Linux/x86_64/libsqlitejdbc.so ;;
  Linux/aarch64|Linux/arm64) lib=Linux/aarch64/libsqlitejdbc.so ;;
  Darwin/x86_64) lib=Mac/x86_64/libsqlitejdbc.dylib ;;
  Darwin/arm64) lib=Mac/aarch64/libsqlitejdbc.dylib ;;
  *) lib="" ;;
esac
if [ -n "$lib" ] && ! ldd --version 2>&1 | grep -qi musl; then
  # touched: the launch script uses it only when it is not older than the jar (unzip keeps the 1980 date)
  mkdir -p "$dir/native" && (cd "$dir/native" && unzip -q -o -j "$jar" "org/sqlite/native/$lib" && touch ./*) \
    || { echo "cds-training: SQLite's native library not extracted; the jar extracts it at each start" >&2; rm -rf "$dir/native"; }
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# start_serve JAVA_OPTS: starts `serve --port 0` on the training home; sets pid and port (empty: no start)
start_serve() {
  : >"$home/out"
  env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS HOME="$home" BROKERBRIDGE_HOME="$home/data" \
    BROKERBRIDGE_SECRETS_BACKEND=file BROKERBRIDGE_MACHINE_ID=cds-training-run-0001 \
    BROKERBRIDGE_JAVA_OPTS="$1" "$dir/brokerbridge" serve --port 0 \
    >"$home/out" 2>"$home/err" &
  pid=$!
  port=""
  for _ in $(seq 1 1200); do
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$home/out")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
}
# the first start makes the data directory; the recorded one starts on it, as every later start does
# (reading an existing journal, paper account and vault loads classes a first start does not)
start_serve ""
if [ -n "$port" ]; then
  kill -TERM "$pid"
  wait "$pid"
  start_serve "-XX:DumpLoadedClassList=$home/serve.classlist"
fi
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
# the credentials commands on the same home (a made-up key for a throw-away vault)
cli() { # NAME ARGS...: runs the launch script with ARGS, recording NAME.classlist; stdin is the caller's
  local name=$1
  shift
  env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS HOME="$home" BROKERBRIDGE_HOME="$home/data" \
    BROKERBRIDGE_SECRETS_BACKEND=file BROKERBRIDGE_MACHINE_ID=cds-training-run-0001 \
    BROKERBRIDGE_JAVA_OPTS="-XX:DumpLoadedClassList=$home/$name.classlist" "$dir/brokerbridge" "$@" \
    >/dev/null 2>>"$home/err" || echo "cds-training: the training run of $* failed; its classes are not archived" >&2
}
printf 'sk-cds-training-not-a-key-0000\n' | cli set credentials set claude
cli list credentials list </dev/null
# the union of the lists, in first-seen order (comments dropped)
awk '!/^#/ && !seen[$0]++' "$home"/*.classlist >"$home/all.classlist"
java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
fi
# dumped with G1, the only collector that writes archived heap objects in Java 17 (the serial collector
# the launch script picks maps them); the class path is the jar's absolute path, as the launch script's -jar
env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS "$java" -XX:+UseG1GC -Xshare:dump \
  -XX:SharedClassListFile="$home/all.classlist" -XX:SharedArchiveFile="$jsa" -cp "$jar" >"$home/dump" 2>&1 \
  || { echo "cds-training: -Xshare:dump failed; the launch script will run without an archive" >&2; tail -5 "$home/dump" >&2; rm -f "$jsa"; }
if [ -s "$jsa" ]; then
  # the jar path the archive was made for: a static archive is mapped only there (the launch script checks)
  printf '%s\n' "$jar" >"$jsa.jar"
  echo "cds-training: $(du -h "$jsa" | cut -f1) archive $jsa"
else
  echo "cds-training: no archive was written; the launch script will run without one" >&2
fi
exit 0
