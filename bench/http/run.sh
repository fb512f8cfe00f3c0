#!/usr/bin/env bash
# HTTP benchmark: the daemon (full middleware) against a bare Netty server answering the same bytes,
# and against the same bare server answering a fixed tiny JSON (only content-type and content-length),
# all measured with wrk in the same run at 8 and 64 connections. Prints req/s, p50, p99, the ratio
# daemon / bare (goal of issue 17 at 64 connections: >= 0.85 in every round, daemon p99 <= 1.25 x bare's
# p99) and daemon / tiny (reference: the middleware's whole cost, headers included).
#
# The daemon is `java -jar launcher/target/brokerbridge.jar serve --port P` when that jar exists
# (rate limit raised through BROKERBRIDGE_RATE_LIMIT so it stays active but never refuses), else the
# bench main in adapter-http's test sources (same server, same middleware, a stub desk).
#
# Each connection count: a warm-up of each server, then BENCH_ROUNDS rounds that alternate which
# server goes first; the medians are printed (the machine is shared, so single runs are noisy).
#
# Environment: BENCH_DURATION (per run, 10s), BENCH_ROUNDS (3), BENCH_WARMUP (5s), BENCH_CONNECTIONS ("8 64"),
# BENCH_THREADS (wrk threads, 2), BENCH_JAVA_OPTS (JVM options of both servers, "-Xmx1g"),
# BENCH_PATH (/api/health). Results also go to bench/http/results/<time>/ (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-"8 64"}
THREADS=${BENCH_THREADS:-2}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
BENCH_PATH=${BENCH_PATH:-/api/health}
OUT="$ROOT/bench/http/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

log() { printf '%s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  log "wrk is missing; installing the Debian package"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
  else
    sudo apt-get install -y -qq wrk || { sudo apt-get update -qq && sudo apt-get install -y -qq wrk; }
  fi
fi
command -v curl >/dev/null 2>&1 || { log "curl is required"; exit 1; }

wait_for_file() { # file pid
  for _ in $(seq 1 300); do
    [ -s "$1" ] && return 0
    kill -0 "$2" 2>/dev/null || { log "server process $2 died; see $OUT"; exit 1; }
    sleep 0.1
  done
  log "timed out waiting for $1"; exit 1
}

wait_for_http() { # url pid
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { log "server process $2 died; see $OUT"; exit 1; }
    sleep 0.1
  done
  log "timed out waiting for $1"; exit 1
}

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"; return 0
    fi
  done
  log "no free port found"; exit 1
}

# --- build what is needed -------------------------------------------------------------------
cd "$ROOT"
log "building adapter-http (tests skipped)"
# one reactor run, so that ports resolves from this checkout (never `mvn install`); the last module
# written is adapter-http, whose test classpath is the one kept
mvn -B -q -pl adapter-http -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/classpath.txt" >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
CP="$ROOT/adapter-http/target/test-classes:$ROOT/adapter-http/target/classes:$(cat "$OUT/classpath.txt")"

# --- the daemon -----------------------------------------------------------------------------
JAR="$ROOT/launcher/target/brokerbridge.jar"
if [ -f "$JAR" ]; then
  DAEMON_PORT=$(free_port)
  DAEMON_KIND="launcher jar ($JAR)"
  BB_HOME=$(mktemp -d)
  BROKERBRIDGE_RATE_LIMIT=100000000/60s BROKERBRIDGE_HOME="$BB_HOME" \
    java $JAVA_OPTS -jar "$JAR" serve --port "$DAEMON_PORT" >"$OUT/daemon.log" 2>&1 &
  PIDS+=($!)
  wait_for_http "http://127.0.0.1:$DAEMON_PORT$BENCH_PATH" "${PIDS[-1]}"
else
  DAEMON_KIND="bench main (adapter-http test classpath, full middleware, stub desk)"
  java $JAVA_OPTS -cp "$CP" tech.brokerbridge.http.bench.BenchServers daemon "$OUT/daemon.port" \
    >"$OUT/daemon.log" 2>&1 &
  PIDS+=($!)
  wait_for_file "$OUT/daemon.port" "${PIDS[-1]}"
  DAEMON_PORT=$(cat "$OUT/daemon.port")
fi
DAEMON_URL="http://127.0.0.1:$DAEMON_PORT$BENCH_PATH"
code=$(curl -s -o /dev/null -w '%{http_code}' "$DAEMON_URL")
[ "$code" = "200" ] || { log "daemon answered $code on $BENCH_PATH"; exit 1; }

# --- the bare Netty server, answering the daemon's exact bytes -----------------------------
curl -s -D "$OUT/headers.txt" -o "$OUT/body.bin" "$DAEMON_URL"
tr -d '\r' <"$OUT/headers.txt" | sed '/^$/d' >"$OUT/headers.clean"
java $JAVA_OPTS -cp "$CP" tech.brokerbridge.http.bench.BenchServers bare "$OUT/bare.port" \
  "$OUT/headers.clean" "$OUT/body.bin" >"$OUT/bare.log" 2>&1 &
PIDS+=($!)
wait_for_file "$OUT/bare.port" "${PIDS[-1]}"
BARE_URL="http://127.0.0.1:$(cat "$OUT/bare.port")$BENCH_PATH"
java $JAVA_OPTS -cp "$CP" tech.brokerbridge.http.bench.BenchServers tiny "$OUT/tiny.port" >"$OUT/tiny.log" 2>&1 &
PIDS+=($!)
wait_for_file "$OUT/tiny.port" "${PIDS[-1]}"
TINY_URL="http://127.0.0.1:$(cat "$OUT/tiny.port")$BENCH_PATH"

# --- measure --------------------------------------------------------------------------------
to_ms() { # wrk latency like 312.00us, 1.20ms, 1.01s
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else { printf "%s", v } }'
}

measure() { # name url connections round -> "rps p50 p99"
  local file="$OUT/$1-c$3-r$4.txt"
  wrk -t"$THREADS" -c"$3" -d"$DURATION" --latency "$2" >"$file"
  if grep -q 'Non-2xx' "$file"; then
    log "WARNING: $1 answered non-2xx during the run (see $file)"
  fi
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  p50=$(awk '$1 == "50%" {print $2}' "$file")
  p99=$(awk '$1 == "99%" {print $2}' "$file")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

log "daemon: $DAEMON_KIND on $DAEMON_URL"
log "bare:   minimal Netty (codec + canned answer: the daemon's bytes) on $BARE_URL"
log "tiny:   the same minimal Netty answering a fixed 15-byte JSON on $TINY_URL"
log "wrk -t$THREADS; per connection count: warm-up $WARMUP each, then $ROUNDS alternating rounds of $DURATION"
log "each; medians shown. cores: $(nproc), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "date $(date -u +%Y-%m-%dT%H:%MZ), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-6s %-7s %12s %9s %9s\n' "conns" "server" "req/s" "p50 ms" "p99 ms"
  for c in $CONNECTIONS; do
    for url in "$DAEMON_URL" "$BARE_URL" "$TINY_URL"; do
      wrk -t"$THREADS" -c"$c" -d"$WARMUP" "$url" >/dev/null
    done
    for who in daemon bare tiny; do : >"$OUT/$who-c$c.tsv"; done
    for r in $(seq 1 "$ROUNDS"); do
      # rotate who goes first, so a burst of load from elsewhere hits all alike
      case $((r % 3)) in
        1) order="daemon bare tiny" ;;
        2) order="bare tiny daemon" ;;
        0) order="tiny daemon bare" ;;
      esac
      for who in $order; do
        case $who in daemon) url=$DAEMON_URL ;; bare) url=$BARE_URL ;; tiny) url=$TINY_URL ;; esac
        measure "$who" "$url" "$c" "$r" >>"$OUT/$who-c$c.tsv"
      done
    done
    for who in daemon bare tiny; do
      rps=$(cut -d' ' -f1 "$OUT/$who-c$c.tsv" | median)
      p50=$(cut -d' ' -f2 "$OUT/$who-c$c.tsv" | median)
      p99=$(cut -d' ' -f3 "$OUT/$who-c$c.tsv" | median)
      printf '%-6s %-7s %12.0f %9.3f %9.3f\n' "$c" "$who" "$rps" "$p50" "$p99"
      eval "${who}_rps=$rps ${who}_p99=$p99"
    done
    # the worst round's ratio (each round pairs the daemon with the bare server measured beside it)
    worst=$(paste -d' ' "$OUT/daemon-c$c.tsv" "$OUT/bare-c$c.tsv" | awk '{r = $1 / $4; if (NR == 1 || r < m) m = r} END {printf "%.3f", m}')
    awk -v c="$c" -v d="$daemon_rps" -v b="$bare_rps" -v t="$tiny_rps" -v w="$worst" -v p="$daemon_p99" \
        -v bp="$bare_p99" -v tp="$tiny_p99" 'BEGIN {
      r = d / b; pr = p / bp; goal = (c == 64);
      printf "%-6s ratio daemon/bare = %.3f (median), %.3f (worst round)%s\n", c, r, w,
        (goal ? (w >= 0.85 ? "  goal >= 0.85 in every round: met" : "  goal >= 0.85 in every round: MISSED") : "")
      printf "%-6s p99 daemon %.3f ms / bare %.3f ms = %.2f%s\n", c, p, bp, pr,
        (goal ? (pr <= 1.25 ? "  goal <= 1.25: met" : "  goal <= 1.25: MISSED") : "")
      printf "%-6s ratio daemon/tiny = %.3f, p99 tiny %.3f ms (reference: the middleware and its headers)\n", c, d / t, tp }'
  done
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/summary.txt"
log "raw wrk output: $OUT"
