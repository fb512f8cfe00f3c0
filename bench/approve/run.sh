#!/usr/bin/env bash
# Approve -> bracket submitted, durably, on the daemon's adapters: Desk.approve with the SQLite journal
# and the paper broker keeping its account in a state directory (launcher's ApproveBenchmark), at least
# 1,000 samples, beside the limit measured in the same run (two synced 1 KiB writes on the same disk).
# Goal: median <= 2 ms, p99 <= 5 ms. Then core alone (FakeBroker, in-memory journal), for reference.
# Usage: bench/approve/run.sh [samples=1080] [warm-up=270]   (BENCH_DIR: where the files go, default
# a temporary directory under bench/approve/results, i.e. on the disk of the checkout)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="$root/bench/approve/results"
mkdir -p "$out"
mvn -B -q -Dstyle.color=never -pl launcher -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="$root/launcher/target/test-classes:$root/launcher/target/classes:$(cat "$out/classpath.txt")"
work=$(mktemp -d "${BENCH_DIR:-$out}/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), files on $(df -P "$work" | awk 'NR==2 {print $1}')"
java -Xms512m -Xmx512m -Dlogback.configurationFile=/dev/null -cp "$cp" \
    tech.brokerbridge.launcher.bench.ApproveBenchmark "$work" "$out/approve.txt" "$@" 2>"$out/approve.log" \
    || { cat "$out/approve.log" >&2; exit 1; }
cat "$out/approve.txt"
# core alone, for reference: the desk's own cost without I/O
cpc="core/target/classes:core/target/test-classes:$(cat "$out/classpath.txt")"
java -Xmx512m -Dbench.out="$out/core.txt" -cp "$cpc" tech.brokerbridge.core.bench.ApproveBenchmark 2000 1000 \
    2>"$out/core.log" || { cat "$out/core.log" >&2; exit 1; }
echo "(reference) $(cat "$out/core.txt")"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
