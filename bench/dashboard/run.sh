#!/usr/bin/env bash
# The dashboard never polls and never hits 429 (issue 15): three tabs of the page on the real daemon
# (packaged jar, paper mode, default rate limit 100 requests / 60 s, the trading loop scanning every
# minute) for BENCH_MINUTES minutes (default 10). Each minute it prints the server's count of API
# requests (allowed, refused with 429, in the last minute) and each tab's own request count. Exits 1 on
# any 429, any console error, or a minute at the limit.
# Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).
# Usage: bench/dashboard/run.sh [minutes]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/dashboard/results"
mkdir -p "$out"
cd "$root"
minutes="${1:-${BENCH_MINUTES:-10}}"
if [ ! -f launcher/target/brokerbridge.jar ]; then
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
mvn -B -q -Dstyle.color=never -pl launcher -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="$root/launcher/target/test-classes:$root/launcher/target/classes:$(cat "$out/classpath.txt")"
java -Xmx512m -Dbrokerbridge.jar="$root/launcher/target/brokerbridge.jar" -cp "$cp" \
    tech.brokerbridge.launcher.browser.DashboardTabsBench "$minutes" 2>"$out/stderr.log" | tee "$out/last.txt"
