#!/usr/bin/env bash
# Start-up: milliseconds from launching `serve --port 0` to the first 200 from /api/health, on an existing
# data directory (made by one start before the runs), median of RUNS (default 10), beside a bare Netty
# server started the same way (the same java, its own AppCDS archive made in the same two steps, answering a
# fixed tiny JSON); then `credentials list` and `credentials set` on the same home, start to exit.
#   the daemon through the launch script launcher/target/brokerbridge (its AppCDS archive)   goal <= 1500 ms
#   the daemon as `java -jar launcher/target/brokerbridge.jar` (the JDK's default CDS only)
#   the packaged application image (jlink runtime + jpackage launcher) with and without its archive, when
#   `mvn -Ppackage package` has built it (made here as the .deb's postinst makes it)
#   credentials list / credentials set through the launch script                              goal <= 1000 ms each
# Runs alternate between the variants, so load from elsewhere hits them alike.
#
#   bench/startup/run.sh [RUNS]     (builds the jar, its archive and the bench classes if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${1:-10}
jar=launcher/target/brokerbridge.jar
[ -x launcher/target/brokerbridge ] && [ -f "$jar" ] || mvn -B -q package -DskipTests
mvn -B -q -pl adapter-http -am test-compile -Dstyle.color=never >/dev/null
work=$(mktemp -d)
app=launcher/target/jpackage/image/brokerbridge
pjsa="$app/lib/app/brokerbridge.jsa"
trap 'rm -rf "$work"; [ -e "$pjsa.off" ] && mv "$pjsa.off" "$pjsa"; true' EXIT
export BROKERBRIDGE_SECRETS_BACKEND=file BROKERBRIDGE_MACHINE_ID=bench-startup-0001
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

# the bare server: Netty, SLF4J and logback from the same jar, and its own dynamic archive, dumped as the build does
# (a CDS class path holds jars only: the bench classes go into one)
jar cf "$work/bench.jar" -C adapter-http/target/test-classes .
bare_cp="$root/$jar:$work/bench.jar"
bare=(java -XX:SharedArchiveFile="$work/bare.jsa" -Xshare:auto -cp "$bare_cp" tech.brokerbridge.http.bench.BenchServers tiny)
java -XX:ArchiveClassesAtExit="$work/bare.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$bare_cp" \
  tech.brokerbridge.http.bench.BenchServers tiny "$work/bare.train" >/dev/null 2>&1 &
tp=$!
until [ -s "$work/bare.train" ]; do sleep 0.05; done
curl -s -o /dev/null "http://127.0.0.1:$(cat "$work/bare.train")/api/health"
kill -TERM "$tp"; wait "$tp" || true
[ -s "$work/bare.jsa" ] || { echo "bench: the bare server's archive was not written" >&2; exit 1; }

home="$work/home"
# both measured by first_answer.py: it waits on the output pipe (or the port file) and then tries one request a
# millisecond from one process; a shell loop forking sed, curl and sleep every 5 ms took about 0.9 s of CPU from
# the daemon's start on 2 cores (runs 1-5 used that loop)
daemon() { # the start command ... : prints ms to the first 200 of /api/health
  BROKERBRIDGE_HOME="$home" python3 bench/startup/first_answer.py --stdout --stderr "$work/err" -- "$@" serve --port 0 \
    || { cat "$work/err" >&2; exit 1; }
}
bare_once() {
  rm -f "$work/ready"
  python3 bench/startup/first_answer.py --port-file "$work/ready" -- "${bare[@]}" "$work/ready"
}
command_once() { # args ... : prints ms from launch to exit (exit status must be 0)
  local start ms
  start=$(date +%s%N)
  printf 'sk-bench-key-0123456789\n' | BROKERBRIDGE_HOME="$home" launcher/target/brokerbridge "$@" >/dev/null 2>"$work/cerr" \
    || { cat "$work/cerr" >&2; exit 1; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$ms"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

daemon launcher/target/brokerbridge >/dev/null # the existing home: made by a first start
packaged=0
if [ -x "$app/bin/brokerbridge" ] && [ -s "$app/lib/app/brokerbridge.classlist" ]; then
  rm -f "$pjsa"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/lib/app/brokerbridge.classlist" \
    "$app/bin/brokerbridge" >/dev/null 2>&1 || true
  [ -s "$pjsa" ] && packaged=1 && mv "$pjsa" "$pjsa.off"
fi
for f in script jar bare pwith pwithout list set; do : >"$work/$f"; done
for i in $(seq 1 "$runs"); do
  daemon launcher/target/brokerbridge >>"$work/script"
  bare_once >>"$work/bare"
  daemon java -jar "$jar" >>"$work/jar"
  if [ "$packaged" = 1 ]; then
    mv "$pjsa.off" "$pjsa"; daemon "$app/bin/brokerbridge" >>"$work/pwith"
    mv "$pjsa" "$pjsa.off"; daemon "$app/bin/brokerbridge" >>"$work/pwithout"
  fi
  command_once credentials list >>"$work/list"
  command_once credentials set claude >>"$work/set"
done
s=$(median <"$work/script"); b=$(median <"$work/bare"); l=$(median <"$work/list"); t=$(median <"$work/set")
echo "start to first /api/health 200 on an existing home, median of $runs (ms; all runs in brackets):"
echo "  daemon, launch script + AppCDS:  $s  [$(tr '\n' ' ' <"$work/script")] (goal <= 1500: $([ "$s" -le 1500 ] && echo met || echo MISSED))"
echo "  bare Netty, same way:            $b  [$(tr '\n' ' ' <"$work/bare")]  daemon/bare $(awk -v s="$s" -v b="$b" 'BEGIN {printf "%.2f", s / b}')"
echo "  daemon, java -jar:               $(median <"$work/jar")  [$(tr '\n' ' ' <"$work/jar")]"
if [ "$packaged" = 1 ]; then
  echo "  packaged image, AppCDS archive:  $(median <"$work/pwith")  [$(tr '\n' ' ' <"$work/pwith")]"
  echo "  packaged image, no archive:      $(median <"$work/pwithout")  [$(tr '\n' ' ' <"$work/pwithout")]"
fi
echo "credentials, launch to exit, median of $runs (ms):"
echo "  credentials list:  $l  [$(tr '\n' ' ' <"$work/list")] (goal <= 1000: $([ "$l" -le 1000 ] && echo met || echo MISSED))"
echo "  credentials set:   $t  [$(tr '\n' ' ' <"$work/set")] (goal <= 1000: $([ "$t" -le 1000 ] && echo met || echo MISSED))"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
