#!/usr/bin/env bash
# Vault benchmark, through the keyring adapter's published surface only (VaultFactory, Vault):
#  1. opening a vault, i.e. PBKDF2-HMAC-SHA256 at 480,000 iterations over the machine id (Bouncy Castle's
#     generator over the JDK's SHA-256) plus reading vault.json, beside the fastest OpenSSL PBKDF2 on the
#     machine: the best of the `openssl kdf` command and OpenSSL's PKCS5_PBKDF2_HMAC called in-process by
#     Python's hashlib (no process start in it). Goal: warm ratio <= 1.2 (cold, the first open in a fresh
#     JVM, is reported beside it: it includes compiling the loop).
#  2. vault reads (read secrets.json, parse, Fernet-decrypt) and writes (Fernet-encrypt, durable atomic
#     write) per second for 64 B and 4 KiB secrets, beside Python's `cryptography` Fernet doing the same
#     file work. Goal: reads at least as fast; writes are bound by fsync on both sides (reference only).
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

echo "== $(date -u +%Y-%m-%dT%H:%MZ), machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java: $(java -version 2>&1 | head -1)"
# the vault logs each write at debug: keep the log to warnings so the run measures the vault, not the log
printf '<configuration><root level="WARN"/></configuration>\n' >"$TMP/logback.xml"
java -Dlogback.configurationFile="$TMP/logback.xml" -cp "$CP" "$ROOT/bench/vault/VaultBench.java" | tee "$TMP/java.txt"
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
"$PY" -c "
import hashlib, time
best = min((lambda t: (hashlib.pbkdf2_hmac('sha256', b'password', b'saltsaltsaltsalt', $ITER, 32), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(3))
print('python_hashlib_pbkdf2_ms %.1f   (OpenSSL in-process)' % (best * 1000))" | tee -a "$TMP/py.txt"

cold=$(get java_vault_open_cold_ms "$TMP/java.txt"); warm=$(get java_vault_open_warm_ms "$TMP/java.txt")
fastest=$(awk -v a="$best" -v b="$(get python_hashlib_pbkdf2_ms "$TMP/py.txt")" 'BEGIN { print (b != "" && b < a) ? b : a }')
awk -v c="$cold" -v w="$warm" -v o="$fastest" 'BEGIN {
  r = w / o
  printf "vault_open_ratio_vs_fastest_openssl_pbkdf2 (%.1f ms) warm %.2f%s  cold %.2f   (goal: warm <= 1.2)\n", o, r,
    (r <= 1.2 ? " met" : " MISSED"), c / o }'
awk -v c="$(get jdk_pbkdf2_cold_ms "$TMP/jdk.txt")" -v w="$(get jdk_pbkdf2_warm_ms "$TMP/jdk.txt")" -v o="$fastest" 'BEGIN {
  printf "(reference) jdk_pbkdf2_ratio_vs_fastest_openssl cold %.2f  warm %.2f\n", c / o, w / o }'

if "$PY" -c "import cryptography.fernet" 2>/dev/null; then
  "$PY" - <<'PYEOF' | tee -a "$TMP/py.txt"
import fcntl, json, os, tempfile, time, cryptography
from cryptography.fernet import Fernet
# the same file work as the vault's file backend: a locked read-modify-write of secrets.json, written to a
# temporary file, synced and renamed over it; a read parses the file and decrypts the token
f = Fernet(Fernet.generate_key())
d = tempfile.mkdtemp()
path, lock = os.path.join(d, "secrets.json"), os.path.join(d, ".secrets.lock")
def load():
    try:
        with open(path) as inp:
            return json.load(inp)["secrets"]
    except FileNotFoundError:
        return {}
def put(plain):
    token = f.encrypt(plain).decode()
    with open(lock, "a") as l:
        fcntl.flock(l, fcntl.LOCK_EX)
        secrets = load()
        secrets["bench.secret"] = token
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".secrets.json", suffix=".tmp")
        with os.fdopen(fd, "w") as out:
            json.dump({"format": 1, "secrets": secrets}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
def get():
    return f.decrypt(load()["bench.secret"].encode())
def rate(op, seconds):
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        op()
        n += 1
    return n / (time.perf_counter() - start)
for size in (64, 4096):
    plain = b"s" * size
    put(plain)
    assert get() == plain
    rate(get, 1.0)
    print("python_vault_get_%d_ops %.0f   (cryptography %s)" % (size, rate(get, 3.0), cryptography.__version__))
    rate(lambda: put(plain), 1.0)
    print("python_vault_put_%d_ops %.0f" % (size, rate(lambda: put(plain), 3.0)))
PYEOF
  for size in 64 4096; do
    awk -v j="$(get java_vault_get_${size}_ops "$TMP/java.txt")" -v p="$(get python_vault_get_${size}_ops "$TMP/py.txt")" -v s=$size \
      'BEGIN { printf "vault_get_%d_java_vs_python %.2fx   (goal >= 1)\n", s, j / p }'
    awk -v j="$(get java_vault_put_${size}_ops "$TMP/java.txt")" -v p="$(get python_vault_put_${size}_ops "$TMP/py.txt")" -v s=$size \
      'BEGIN { printf "vault_put_%d_java_vs_python %.2fx   (reference: both wait for fsync)\n", s, j / p }'
  done
else
  echo "python cryptography unavailable to $PY: Python reference skipped (apt-get install -y python3-cryptography)"
fi
