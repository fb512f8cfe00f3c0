#!/usr/bin/env bash
# Start-up of the packaged application image (jlink runtime + jpackage launcher): milliseconds from
# launching `brokerbridge serve --port 0` to the first 200 from /api/health, with the AppCDS archive
# (made here exactly as the .deb's postinst makes it, from the class list of the build's training run)
# and without it; the shaded jar on the system JDK (with its default CDS) for reference. Runs alternate,
# each with a fresh data directory; medians are printed.
#
#   bench/startup/run.sh [RUNS]      (default 7; builds the image with -Ppackage if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
app=launcher/target/jpackage/image/brokerbridge
[ -x "$app/bin/brokerbridge" ] || mvn -B -q -Ppackage package -DskipTests
jsa="$app/lib/app/brokerbridge.jsa"
rm -f "$jsa"
env -u JDK_JAVA_OPTIONS JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/lib/app/brokerbridge.classlist" \
  "$app/bin/brokerbridge" >/dev/null 2>&1
[ -s "$jsa" ] || { echo "bench: could not dump the archive" >&2; exit 1; }
mv "$jsa" "$jsa.off"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -e "$jsa.off" ] && mv "$jsa.off" "$jsa"; true' EXIT

once() { # prints the milliseconds to the first 200 of /api/health
  rm -rf "$work/home"; : >"$work/out"
  local start port pid ms
  start=$(date +%s%N)
  env -u JAVA_TOOL_OPTIONS BROKERBRIDGE_HOME="$work/home" BROKERBRIDGE_SECRETS_BACKEND=file \
    BROKERBRIDGE_MACHINE_ID=bench-startup-0001 "$@" serve --port 0 >"$work/out" 2>/dev/null &
  pid=$!
  port=""
  for _ in $(seq 1 6000); do
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/out")
    [ -n "$port" ] && break
    sleep 0.005
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 200 ]; do sleep 0.005; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill -TERM "$pid"; wait "$pid" || true
  echo "$ms"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$work/with"; : >"$work/without"; : >"$work/jar"
for i in $(seq 1 "$runs"); do
  mv "$jsa.off" "$jsa"; once "$app/bin/brokerbridge" >>"$work/with"
  mv "$jsa" "$jsa.off"; once "$app/bin/brokerbridge" >>"$work/without"
  once java -jar launcher/target/brokerbridge.jar >>"$work/jar"
done
echo "start to first /api/health 200, median of $runs (ms; all runs in brackets):"
echo "  packaged, AppCDS archive:   $(median <"$work/with")  [$(tr '\n' ' ' <"$work/with")]"
echo "  packaged, no archive:       $(median <"$work/without")  [$(tr '\n' ' ' <"$work/without")]"
echo "  java -jar, system JDK:      $(median <"$work/jar")  [$(tr '\n' ' ' <"$work/jar")]"
