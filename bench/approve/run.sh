#!/usr/bin/env bash
# Approve -> bracket submitted: median latency of TradingDesk.approve on a pending proposal
# (five gates re-run, approval + order record + executing status written, bracket submitted).
# Goal: median < 2 ms. Usage: bench/approve/run.sh [runs] [warmup]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="$root/bench/approve/results"
mkdir -p "$out"
mvn -B -q -pl core -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
cp="core/target/classes:core/target/test-classes:$(cat core/target/bench-cp.txt)"
java -Xmx512m -Dbench.out="$out/approve.txt" -cp "$cp" tech.brokerbridge.core.bench.ApproveBenchmark "$@" \
    2>"$out/approve.log" || { cat "$out/approve.log" >&2; exit 1; }
cat "$out/approve.txt"
