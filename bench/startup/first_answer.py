#!/usr/bin/env python3
"""Start a server and print the milliseconds from its launch to its first 200 on /api/health.

    first_answer.py (--stdout | --port-file FILE) [--stderr FILE] -- command ...

--stdout: the port is read from the server's output line "listening on http://127.0.0.1:PORT";
--port-file: the server writes its port to FILE (which must not exist yet).
The server is then stopped (SIGTERM, SIGKILL after 30 s). Exit status 1 when it ends before answering.

Why not a shell loop: a loop that runs sed, curl and sleep every few milliseconds forks hundreds of
processes a second, and on 2 cores those take CPU from the JVM being measured (measured here: about
0.9 s of a 2.7 s daemon start). This waits on the output pipe (no polling at all) and then tries one
HTTP request every millisecond from this one process.
"""
import http.client
import os
import re
import subprocess
import sys
import threading
import time


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    opts, cmd = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    port_file = opts[opts.index("--port-file") + 1] if "--port-file" in opts else None
    err_path = opts[opts.index("--stderr") + 1] if "--stderr" in opts else os.devnull
    with open(err_path, "wb") as err:
        start = time.monotonic_ns()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if port_file is None else subprocess.DEVNULL,
                                stderr=err)
        try:
            port = port_from_output(proc) if port_file is None else port_from_file(proc, port_file)
            if port is None:
                print("the server ended before it listened", file=sys.stderr)
                return 1
            while not answers(port):
                if port_file is not None:
                    port = port_from_file(proc, port_file) or port  # a port read while being written
                if proc.poll() is not None:
                    print("the server ended before it answered", file=sys.stderr)
                    return 1
                time.sleep(0.001)
            print((time.monotonic_ns() - start) // 1_000_000)
            return 0
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def port_from_output(proc):
    for raw in proc.stdout:
        m = re.search(rb"listening on http://127\.0\.0\.1:(\d+)", raw)
        if m:
            # keep draining, so that the server never blocks on a full pipe
            threading.Thread(target=lambda: proc.stdout.read(), daemon=True).start()
            return int(m.group(1))
    return None


def port_from_file(proc, path):
    while True:
        try:
            with open(path) as f:
                text = f.read().strip()
            if text:
                return int(text)
        except FileNotFoundError:
            pass
        if proc.poll() is not None:
            return None
        time.sleep(0.001)


def answers(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", "/api/health")
        r = c.getresponse()
        r.read()
        c.close()
        return r.status == 200
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
