#!/usr/bin/env bash
# Benchmarks of adapter-ibkr:
#  1. the production codec alone (Outbound encode; frame split + InboundDecoder) on one thread pinned to one
#     core, per CPU-second and per wall-clock second (goal >= 500,000 msg/s);
#  2. bracket submit-to-ack against the fake IB Gateway over loopback, interleaved with bare round trips on
#     the same connection (goal: p99 <= 1.5x the bare round trip p99 of the same run; at least 1,000
#     brackets, after unmeasured warm-up triples; paced under IB's 50 messages/s so the pacer never waits),
#     and, for information, with the same brackets' bytes written by a bare client on a raw socket; the JIT
#     first compiles the measured paths on unpaced pairs against gateways of their own, until the JIT is quiet (at most jit-pairs).
# Usage: bench/ibkr/run.sh [codec-seconds=3] [brackets=1000] [warm-up=200] [jit-pairs=40000]
# Loopback only; bounded in time (about 5 s + up to jit-pairs x 1 ms + (brackets + warm-up) x 137 ms).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl adapter-ibkr -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="adapter-ibkr/target/test-classes:adapter-ibkr/target/classes:ports/target/test-classes:ports/target/classes"
CP="$CP:$(cat adapter-ibkr/target/bench.classpath)"
JAVA=(java -Xms256m -Xmx256m -cp "$CP" tech.brokerbridge.ibkr.bench.IbkrBench)
PIN=()
if command -v taskset >/dev/null 2>&1; then
    PIN=(taskset -c 0)
fi
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg)"
"${PIN[@]}" "${JAVA[@]}" codec "${1:-3}" 2>&1 | grep -E 'RESULT|Exception' || true
[ "${2:-1000}" -gt 0 ] && "${JAVA[@]}" latency "${2:-1000}" "${3:-200}" "${4:-40000}" 2>&1 | grep -E 'RESULT|Exception' || true
echo "== load after: $(cut -d" " -f1-3 /proc/loadavg)"
