#!/usr/bin/env bash
# Log growth under the drop attack of issue 14.2: the daemon (launcher jar, its own logging configuration,
# logs on standard error to a file) is attacked for ATTACK_SECONDS (60) by bench/logflood/DropAttack.java:
# connections that send headers and the start of a body and close (one in ten reset), with TLS and HTTP/2
# openings. Prints the bytes the log grew during the attack, per minute, against the goal of 10 KB per
# minute, and how health answered meanwhile. Results also go to bench/logflood/results/<time>/ (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${ATTACK_SECONDS:-60}
OUT="$ROOT/bench/logflood/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

cd "$ROOT"
echo "building the launcher jar (tests skipped)" >&2
mvn -B -q -pl launcher -am package -DskipTests >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }

BB_HOME=$(mktemp -d)
BROKERBRIDGE_HOME="$BB_HOME" java -Xmx512m -jar launcher/target/brokerbridge.jar serve --port 0 \
  >"$OUT/stdout.log" 2>"$OUT/daemon.log" &
PID=$!
PORT=""
for _ in $(seq 1 600); do
  PORT=$(grep -o '127\.0\.0\.1:[0-9]*' "$OUT/stdout.log" "$OUT/daemon.log" 2>/dev/null | head -1 | sed 's/.*://') || true
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || { echo "the daemon died; see $OUT/daemon.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "the daemon did not say its port" >&2; exit 1; }
sleep 2   # start-up lines written
BEFORE=$(stat -c %s "$OUT/daemon.log")
java bench/logflood/DropAttack.java "$PORT" "$SECS" | tee "$OUT/attack.txt"
sleep 2   # what the last connections make the server write
AFTER=$(stat -c %s "$OUT/daemon.log")
GROWTH=$((AFTER - BEFORE))
PER_MIN=$((GROWTH * 60 / SECS))
printf 'log growth: %d bytes in %d s = %d bytes/minute (goal < 10240: ratio %s)\n' "$GROWTH" "$SECS" "$PER_MIN" \
  "$(awk -v a="$PER_MIN" 'BEGIN { printf "%.3f", a / 10240 }')" | tee "$OUT/summary.txt"
tail -n +1 "$OUT/daemon.log" | sed -n "$(( $(head -c "$BEFORE" "$OUT/daemon.log" | wc -l) + 1 )),\$p" >"$OUT/attack-lines.log"
echo "lines written during the attack: $OUT/attack-lines.log" >&2
[ "$PER_MIN" -lt 10240 ]
