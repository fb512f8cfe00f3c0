#!/usr/bin/env bash
# Scan benchmark: 500 synthetic symbols x 252 daily bars, every signal plugin, on one core.
# Warms the JIT up, then times full scans and prints the median. Goal: median < 500 ms.
# Usage: bench/scan/run.sh [symbols] [bars] [warm-up scans] [timed scans]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/scan/results"
mkdir -p "$out"
cd "$root"
mvn -B -q -Dstyle.color=never -pl adapter-signals -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="$root/adapter-signals/target/test-classes:$root/adapter-signals/target/classes:$(cat "$out/classpath.txt")"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
"${pin[@]}" java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xms256m -Xmx256m -cp "$cp" \
    tech.brokerbridge.signals.ScanBenchmark "$@" | tee "$out/last.txt"
