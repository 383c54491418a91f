#!/usr/bin/env python3
"""Drives an interactive command through a real pseudo-terminal, for the -it tests.

usage: pty_drive.py ROWS COLS TRANSCRIPT STEPS_JSON -- COMMAND [ARG...]

STEPS_JSON is a list of steps: ["expect", TEXT, SECONDS] waits until TEXT appears in the
output after what earlier expects consumed; ["send", TEXT] types TEXT; ["resize", ROWS,
COLS] changes the window size (the kernel sends SIGWINCH); ["sleep", SECONDS].
Everything the command printed goes to TRANSCRIPT. Exits with the command's exit code,
or 124 when an expectation times out (the command is then killed).
"""
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import fcntl
import time


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def main():
    rows, cols, transcript, steps = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
    command = sys.argv[sys.argv.index("--") + 1:]
    pid, master = pty.fork()
    if pid == 0:
        set_size(0, rows, cols)
        os.execvp(command[0], command)
    out = bytearray()
    seen = 0  # output consumed by earlier expects

    def pump(timeout):
        r, _, _ = select.select([master], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(master, 65536)
        except OSError:
            return False
        if not data:
            return False
        out.extend(data)
        return True

    def finish(code):
        with open(transcript, "wb") as f:
            f.write(bytes(out))
        sys.exit(code)

    for step in steps:
        kind = step[0]
        if kind == "expect":
            want, deadline = step[1].encode(), time.time() + float(step[2])
            while True:
                i = out.find(want, seen)
                if i >= 0:
                    seen = i + len(want)
                    break
                if time.time() > deadline or not pump(0.1) and out.find(want, seen) < 0:
                    sys.stderr.write("pty_drive: did not see %r\n" % step[1])
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    finish(124)
        elif kind == "send":
            os.write(master, step[1].encode())
        elif kind == "resize":
            set_size(master, int(step[1]), int(step[2]))
        elif kind == "sleep":
            end = time.time() + float(step[1])
            while time.time() < end and pump(max(0.0, end - time.time())):
                pass
    deadline = time.time() + 20
    while time.time() < deadline:
        open_ = pump(0.2)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            while pump(0.1):
                if not select.select([master], [], [], 0)[0]:
                    break
            finish(os.waitstatus_to_exitcode(status))
        if not open_:
            time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    sys.stderr.write("pty_drive: the command did not exit\n")
    finish(124)

main()
