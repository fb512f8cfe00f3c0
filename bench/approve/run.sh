#!/usr/bin/env bash
# Approve -> bracket submitted, durably, on the daemon's adapters: Desk.approve with the SQLite journal
# and the paper broker keeping its account in a state directory (launcher's ApproveBenchmark), at least
# 1,000 samples, beside the limit measured in the same run (two synced 1 KiB writes on the same disk).
# Goal: median <= 2 ms, p99 <= 5 ms, on the JVM options the launch script gives the daemon (the serial
# collector, serve's initial young generation of 32 MB, the default heap); then the same with G1 and a fixed 512 MB heap as runs 1-5 had, each with
# its count of GC pauses (a pause that falls in an approval is part of its time); every sample goes to
# results/<variant>.samples.csv (end time on the JVM uptime scale of results/<variant>.gc.log). Then core alone
# (FakeBroker, in-memory journal), for reference.
# Unmeasured warm-up: warm-up approvals, repeated until the JVM has collected garbage 4 times (a fresh JVM's
# first collections touch heap pages for the first time, 40-120 ms each here) and until the JIT compiler spent
# less than 2 % of a round compiling (the steady state of a long-running desk; runs 1-7 stopped after the
# collections, with C2 still compiling through the measured approvals: 27 % of the CPU samples in perf). The
# collections and the compiler's time among the measured approvals are printed. The run-1-7 warm-up is kept as a
# variant for comparison.
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
gc_pauses() { # a -Xlog:gc file: how many collections stopped the approving thread, and for how long
  awk '/Pause/ {n++; ms = $NF; sub(/ms$/, "", ms); t += ms; if (ms + 0 > m) m = ms + 0}
       END {printf "%d GC pauses in the whole run, %.1f ms in all, longest %.1f ms", n, t, m}' "$1"
}
variant() { # name, JVM options...: one run of the benchmark on fresh files
  local name=$1 dir
  shift
  dir=$(mktemp -d "$work/$name.XXXXXX")
  java "$@" -Xlog:gc:file="$out/$name.gc.log" -Dbench.samples="$out/$name.samples.csv" -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -cp "$cp" \
      tech.brokerbridge.launcher.bench.ApproveBenchmark "$dir" "$out/$name.txt" "${args[@]}" >"$out/$name.log" 2>&1 \
      || { cat "$out/$name.log" >&2; exit 1; }
  cat "$out/$name.txt"
  echo "($(gc_pauses "$out/$name.gc.log"))"
}
args=("$@")
# the goal's figure: the JVM as the launch script starts the daemon (the serial collector, the JVM's default heap)
echo "-- the daemon's JVM options (launcher/target/brokerbridge serve: -XX:+UseSerialGC -XX:NewSize=32m, default heap):"
variant daemon-jvm -XX:+UseSerialGC -XX:NewSize=32m
# runs 1-7 measured after 270 approvals and 4 collections, the JIT compiler still at work: kept for comparison
echo "-- the daemon's JVM options, warmed up as in runs 1-7 (270 approvals and 4 collections, JIT still compiling):"
variant daemon-jvm-short-warmup -XX:+UseSerialGC -XX:NewSize=32m -Dbench.untilCompiled=false
# runs 1-5 used G1 with a fixed 512 MB heap: kept for comparison with them
echo "-- for comparison with runs 1-5 (G1, -Xms512m -Xmx512m):"
variant g1-512m -Xms512m -Xmx512m
# approvals at a person's pace (an untimed 150 ms pause after each, longer than the journal's 100 ms quiet gap):
# the journal checkpoints between approvals instead of at its size cap during them (about 4 minutes)
echo "-- the daemon's JVM options, one approval every 150 ms or more (as a person approves):"
# (warmed up back to back, as above; run 7 paced its warm-up too, so the JIT compiler was at work all along)
variant daemon-jvm-paced -XX:+UseSerialGC -XX:NewSize=32m -Dbench.pauseMillis=150
# core alone, for reference: the desk's own cost without I/O
cpc="core/target/classes:core/target/test-classes:$(cat "$out/classpath.txt")"
java -Xmx512m -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -Dbench.out="$out/core.txt" -cp "$cpc" tech.brokerbridge.core.bench.ApproveBenchmark 2000 1000 \
    2>"$out/core.log" || { cat "$out/core.log" >&2; exit 1; }
echo "(reference) $(cat "$out/core.txt")"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
