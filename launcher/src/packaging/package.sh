#!/usr/bin/env bash
# Builds the native installer with the JDK's own tools: jlink makes a runtime holding only the JDK
# modules the desk uses, jpackage wraps it with the shaded jar into an application image, a training
# run of that image records the classes a start and a scan load (the AppCDS class list), and jpackage
# turns the image into the installer. Run by `mvn -Ppackage package` (launcher/pom.xml) after the
# shaded jar is built:
#
#   package.sh TYPE VERSION JAR MODULES OUT_DIR RESOURCE_DIR
#
# TYPE is deb here; on macOS and Windows the README gives the commands (no training run there).
# The CDS archive itself is made at install time by the package's postinst, from the class list,
# because Java 17 only maps an archive whose class path is exactly the one it was dumped with
# (/opt/brokerbridge/lib/app/brokerbridge.jar), and that path exists only once installed.
set -euo pipefail

type=$1 version=$2 jar=$3 modules=$4 out=$5 resources=$6
name=brokerbridge

rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/$name.jar"

jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/runtime"

# the launcher maps the archive when postinst has made it, and runs without it otherwise
jpackage --type app-image --name "$name" --app-version "${version%%-*}" \
  --input "$out/input" --main-jar "$name.jar" --main-class tech.brokerbridge.launcher.Main \
  --runtime-image "$out/runtime" --dest "$out/image" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/brokerbridge.jsa'
app="$out/image/$name"

# training run: start, answer /api/health, run one scan, stop with SIGTERM; the JVM writes the class list
train_home=$(mktemp -d)
trap 'rm -rf "$train_home"' EXIT
classlist="$app/lib/app/$name.classlist"
env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS HOME="$train_home" BROKERBRIDGE_HOME="$train_home/data" \
  BROKERBRIDGE_SECRETS_BACKEND=file BROKERBRIDGE_MACHINE_ID=packaging-training-run \
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist" \
  "$app/bin/$name" serve --port 0 >"$train_home/out" 2>"$train_home/err" &
pid=$!
port=""
for _ in $(seq 1 1200); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$train_home/out")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$train_home/err" >&2; echo "package: the training run died" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { kill -KILL "$pid"; echo "package: the training run did not start in 120 s" >&2; exit 1; }
request() { # METHOD PATH: prints the status line of the answer
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' "$1" "$2" >&3
  head -n 1 <&3
  exec 3>&-
}
request GET /api/health | grep -q ' 200 ' || { echo "package: /api/health did not answer 200" >&2; exit 1; }
request POST /api/scan | grep -q ' 200 ' || { echo "package: POST /api/scan did not answer 200" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid" || true
[ -s "$classlist" ] || { echo "package: no class list was written" >&2; exit 1; }
echo "package: class list of $(grep -vc '^#' "$classlist") entries"

# xz (dpkg-deb's default) takes minutes on the already-compressed jar and runtime for 5 % less
DPKG_DEB_COMPRESSOR_TYPE=gzip jpackage --type "$type" --app-image "$app" --name "$name" --app-version "${version%%-*}" \
  --description "BrokerBridge: a trading desk that runs entirely on your machine" \
  --vendor "BrokerBridge" --copyright "BrokerBridge" \
  --resource-dir "$resources" --install-dir /opt \
  --linux-package-name "$name" --linux-deb-maintainer "packaging@brokerbridge.invalid" \
  --linux-app-category misc --linux-app-release 1 \
  --dest "$out"
ls -l "$out"/*."$type"
