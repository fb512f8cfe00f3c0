#!/usr/bin/env bash
# The desk's speed goals on the real adapters (issue 3):
#   scan + score 500 symbols x 252 daily bars with every plugin, on one core   (goal < 0.5 s)
#   (approve -> bracket submitted, durable: bench/approve/run.sh)
# Usage: bench/desk/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/desk/results"
mkdir -p "$out"
cd "$root"
mvn -B -q -Dstyle.color=never -pl launcher -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="$root/launcher/target/test-classes:$root/launcher/target/classes:$(cat "$out/classpath.txt")"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
"${pin[@]}" java -XX:ActiveProcessorCount=1 -Xms512m -Xmx512m -Dlogback.configurationFile=/dev/null \
    -cp "$cp" tech.brokerbridge.launcher.bench.DeskBenchmark "$out/last.txt" "$@" 2>"$out/stderr.log"
cat "$out/last.txt"
