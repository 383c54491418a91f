#!/usr/bin/env python3
"""Measurements for bench/app/run.sh (one per call, printed as plain numbers).

  measure.py start APP MODE TMP DISPLAY
      one cold start of APP under Xvfb: "<ms to first frame> <idle RSS MB>" (MODE "bare"
      is the bare Quick Controls window of the same binary)
  measure.py rows APP TMP DISPLAY SOCKET IMAGE COUNT
      starts APP once, then creates COUNT containers through the Engine API (as `docker
      create` from elsewhere would); for each, the ms from the API call's return to the
      row in the app's sidebar model (the app prints it: BERTH_BENCH_CONTAINER_ROWS)
  measure.py populate SOCKET IMAGE COUNT PREFIX
      creates COUNT containers (created, not started)
  measure.py pull SOCKET REFERENCE
"""
import http.client
import json
import os
import select
import socket
import subprocess
import sys
import time


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=120)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def api(conn, method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300:
        raise SystemExit(f"{method} {path}: HTTP {r.status}: {data[:300]!r}")
    return data


def app_env(tmp, display, extra):
    env = dict(os.environ, DISPLAY=":" + display, QT_QPA_PLATFORM="xcb", QT_QUICK_BACKEND="software",
               BERTH_BENCH_FIRST_FRAME="1", XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    env.update(extra)
    return env


def read_line(p, timeout):
    ready, _, _ = select.select([p.stdout], [], [], timeout)
    return p.stdout.readline() if ready else ""


def start(app, mode, tmp, display):
    env = app_env(tmp, display, {"BERTH_BENCH_BARE": "1"} if mode == "bare" else {})
    begin = time.monotonic()
    p = subprocess.Popen([app], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = read_line(p, 30).split()
        if len(line) != 2 or line[0] != "first-frame":
            print("nan nan")
            return
        first_ms = (float(line[1]) - begin) * 1000.0
        time.sleep(3.0)  # settle: connection made, lists loaded, nothing moving
        rss_kb = 0
        with open(f"/proc/{p.pid}/status") as f:
            for l in f:
                if l.startswith("VmRSS:"):
                    rss_kb = int(l.split()[1])
        print(f"{first_ms:.0f} {rss_kb / 1024:.1f}")
    finally:
        p.terminate()
        p.wait(timeout=10)


def rows(app, tmp, display, sock, image, count):
    env = app_env(tmp, display, {"BERTH_BENCH_CONTAINER_ROWS": "1"})
    p = subprocess.Popen([app], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = read_line(p, 30)
        if not line.startswith("first-frame"):
            raise SystemExit("the app showed no first frame")
        time.sleep(3.0)  # connected, lists loaded, event stream open
        conn = UnixConnection(sock)
        for i in range(count):
            name = f"bench-row-{os.getpid()}-{i}"
            api(conn, "POST", f"/containers/create?name={name}", {"Image": image, "Cmd": ["true"]})
            returned = time.monotonic()
            deadline = returned + 10
            shown = None
            while time.monotonic() < deadline:
                l = read_line(p, max(0.0, deadline - time.monotonic())).split()
                if len(l) == 3 and l[0] == "container-row" and l[1] == name:
                    shown = float(l[2])
                    break
            print(f"{(shown - returned) * 1000.0:.1f}" if shown else "nan", flush=True)
            time.sleep(0.3)
    finally:
        p.terminate()
        p.wait(timeout=10)


def populate(sock, image, count, prefix):
    conn = UnixConnection(sock)
    for i in range(count):
        api(conn, "POST", f"/containers/create?name={prefix}-{i}", {"Image": image, "Cmd": ["true"]})


def pull(sock, reference):
    name, _, tag = reference.rpartition(":")
    conn = UnixConnection(sock)
    body = api(conn, "POST", f"/images/create?fromImage={name}&tag={tag}").decode()
    if '"error"' in body:
        raise SystemExit(f"pull {reference}: {body[-300:]}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "start":
        start(*args)
    elif cmd == "rows":
        rows(args[0], args[1], args[2], args[3], args[4], int(args[5]))
    elif cmd == "populate":
        populate(args[0], args[1], int(args[2]), args[3])
    elif cmd == "pull":
        pull(*args)
    else:
        raise SystemExit(__doc__)
