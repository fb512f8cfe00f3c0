#!/usr/bin/env bash
# Fuzzes each Jazzer target (issue 14.12) for a set time and prints, per target, how many inputs ran and
# whether anything was found, including Netty's leak reports (a buffer never released). A finding fails
# the script (exit 1) and Jazzer leaves the crashing input in the target's *Inputs/ directory under
# src/test/resources, where the regular test run replays it.
#
# Environment: FUZZ_SECONDS (per target, 60), FUZZ_HTTP_SECONDS and FUZZ_TWS_SECONDS (override for the
# HTTP pipeline and the TWS decoder, whose goal is >= 1,000,000 inputs each), FUZZ_TARGETS (a subset, by
# name: http json tws fernet config; a name also picks its -suffixed targets). Results also go to
# bench/fuzz/results/<time>/ (git-ignored).
# The corpus Jazzer grows goes to each module's .cifuzz-corpus/ (git-ignored) and is reused next time.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT="$ROOT/bench/fuzz/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

# name | module | test selector | seconds
TARGETS=(
  "http|adapter-http|HttpPipelineFuzzTest#anyBytesGetWellFormedAnswers|${FUZZ_HTTP_SECONDS:-$SECONDS_EACH}"
  "json|adapter-http|JsonBodiesFuzzTest#anyBodyIsAnsweredOrRefusedWith4xx|$SECONDS_EACH"
  "json-trades|adapter-http|JsonBodiesFuzzTest#anyTradeActionBodyIsAnsweredOrRefusedWith4xx|$SECONDS_EACH"
  "tws|adapter-ibkr|TwsDecoderFuzzTest#anyStreamIsDecodedOrRefused|${FUZZ_TWS_SECONDS:-$SECONDS_EACH}"
  "fernet|adapter-keyring|FernetFuzzTest#anyTokenIsDecryptedOrRefused|$SECONDS_EACH"
  "fernet-signed|adapter-keyring|FernetFuzzTest#anySignedBodyIsDecryptedOrRefused|$SECONDS_EACH"
  "config|launcher|ConfigLoaderFuzzTest#anyFileOrValueLoadsOrIsRefused|$SECONDS_EACH"
)

cd "$ROOT"
echo "compiling once" >&2
mvn -B -q -DskipTests verify -pl adapter-http,adapter-ibkr,adapter-keyring,launcher -am >"$OUT/build.log" 2>&1 \
  || { echo "build failed; see $OUT/build.log" >&2; exit 1; }

status=0
printf '%-14s %-16s %8s %12s %10s  %s\n' target module seconds inputs "inputs/s" result | tee "$OUT/summary.txt"
for t in "${TARGETS[@]}"; do
  IFS='|' read -r name module selector secs <<<"$t"
  if [ -n "${FUZZ_TARGETS:-}" ] && [[ " $FUZZ_TARGETS " != *" ${name%%-*} "* ]]; then
    continue
  fi
  log="$OUT/$name.log"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${secs}s" mvn -B -q -pl "$module" -am verify -Dtest="$selector" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  code=$?
  cat "$ROOT/$module"/target/surefire-reports/*"${selector%%#*}"-output.txt >>"$log" 2>/dev/null
  done_line=$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)
  runs=$(echo "$done_line" | awk '{print $2}')
  took=$(echo "$done_line" | awk '{print $5}')
  runs=${runs:-0}
  took=${took:-$secs}
  # Netty's leak detector reports a buffer never released when the garbage collector finds it, during
  # whichever input runs then: not a finding of that input, so counted here over the whole run
  leaks=$(grep -a -c 'LEAK: ' "$log")
  if [ "$code" -eq 0 ] && ! grep -a -q 'FuzzTestFinding\|== Java Exception' "$log"; then
    result="0 crashes"
  else
    result="FINDING (see $log)"
    status=1
  fi
  if [ "$leaks" -gt 0 ]; then
    result="$result, $leaks leak reports (see $log)"
    status=1
  else
    result="$result, 0 leak reports"
  fi
  printf '%-14s %-16s %8s %12s %10s  %s\n' "$name" "$module" "$took" "$runs" "$((runs / (took > 0 ? took : 1)))" \
    "$result" | tee -a "$OUT/summary.txt"
done
echo "results: $OUT" >&2
exit $status
