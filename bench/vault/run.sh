#!/usr/bin/env bash
# Vault benchmark: PBKDF2-HMAC-SHA256 at 480,000 iterations with the project's code (Bouncy Castle)
# beside OpenSSL and Python's hashlib, and Fernet encrypt+decrypt round trips per second for 64 B and
# 4 KiB beside Python's `cryptography` Fernet. Goals: PBKDF2 ratio <= 1.5; Fernet at least as fast.
#   bench/vault/run.sh          (from anywhere; builds adapter-keyring, never installs)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3   # Debian's python3-cryptography lives here, not in a pyenv python3
ITER=480000

mvn -B -q -pl adapter-keyring -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$TMP/cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="$ROOT/adapter-keyring/target/classes:$ROOT/ports/target/classes:$(cat "$TMP/cp.txt")"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java: $(java -version 2>&1 | head -1)"
java -cp "$CP" "$ROOT/bench/vault/VaultBench.java" | tee "$TMP/java.txt"
# reference only (not the project's code): the JDK's PBKDF2WithHmacSHA256, in its own fresh JVM
java -cp "$CP" "$ROOT/bench/vault/VaultBench.java" jdk | tee "$TMP/jdk.txt"
get() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
best=999999
for i in 1 2 3; do
  t=$(ms openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:password -kdfopt salt:saltsaltsaltsalt \
        -kdfopt iter:$ITER PBKDF2)
  [ "$t" -lt "$best" ] && best=$t
done
echo "openssl_pbkdf2_ms $best   ($(openssl version))"
openssl_key=$(openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:password -kdfopt salt:saltsaltsaltsalt \
        -kdfopt iter:$ITER PBKDF2 | tr -d ':\n' | tr 'A-F' 'a-f')
[ "$openssl_key" = "$(get java_pbkdf2_key "$TMP/java.txt")" ] && echo "keys match: yes" || { echo "keys match: NO"; exit 1; }
"$PY" -c "
import hashlib, time
best = min((lambda t: (hashlib.pbkdf2_hmac('sha256', b'password', b'saltsaltsaltsalt', $ITER, 32), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(3))
print('python_hashlib_pbkdf2_ms %.1f' % (best * 1000))" | tee -a "$TMP/py.txt"

cold=$(get java_pbkdf2_cold_ms "$TMP/java.txt"); warm=$(get java_pbkdf2_warm_ms "$TMP/java.txt")
awk -v c="$cold" -v w="$warm" -v o="$best" 'BEGIN {
  printf "pbkdf2_ratio_vs_openssl cold %.2f  warm %.2f   (goal <= 1.5)\n", c / o, w / o }'
awk -v c="$(get jdk_pbkdf2_cold_ms "$TMP/jdk.txt")" -v w="$(get jdk_pbkdf2_warm_ms "$TMP/jdk.txt")" -v o="$best" 'BEGIN {
  printf "(reference) jdk_pbkdf2_ratio_vs_openssl cold %.2f  warm %.2f\n", c / o, w / o }'

if "$PY" -c "import cryptography.fernet" 2>/dev/null; then
  "$PY" - <<'PYEOF' | tee -a "$TMP/py.txt"
import os, time, cryptography
from cryptography.fernet import Fernet
f = Fernet(Fernet.generate_key())
for size in (64, 4096):
    plain = os.urandom(size)
    def run(seconds):
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for _ in range(100):
                f.decrypt(f.encrypt(plain))
            n += 100
        return n / (time.perf_counter() - start)
    run(1.0)
    print("python_fernet_%d_ops %.0f   (cryptography %s)" % (size, run(3.0), cryptography.__version__))
PYEOF
  for size in 64 4096; do
    awk -v j="$(get java_fernet_${size}_ops "$TMP/java.txt")" -v p="$(get python_fernet_${size}_ops "$TMP/py.txt")" -v s=$size \
      'BEGIN { printf "fernet_%d_java_vs_python %.2fx   (goal >= 1)\n", s, j / p }'
  done
else
  echo "python cryptography unavailable to $PY: Fernet reference skipped (apt-get install -y python3-cryptography)"
fi
