"""Run a command and report every process it leaves behind (Linux).

    python -m tests.reaper [--timeout S] [--interrupt-after S] [--grace S] -- CMD...

This process becomes a child subreaper (``prctl(PR_SET_CHILD_SUBREAPER)``), so anything the command
orphans is re-parented to it instead of to init; it runs the command in a process group of its
own with stdout and stderr on pipes (as ``cmd | tail`` or a test's capture would), optionally
sends SIGINT to that group (a terminal's Ctrl-C), and waits for the pipes to close. Then it
waits up to ``--grace`` seconds for its remaining children to exit, kills the survivors, and
prints one JSON line: the exit status, the ends of stdout and stderr, whether the pipes stayed
open past the timeout (``hung``: a survivor still holds them), and the survivors' command lines.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def cmdline(pid: int) -> str:
    """A process's command line, or '' once it is gone."""
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def reap() -> None:
    """Collect exited children (orphans re-parented here become our zombies)."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``."""
    out, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        out.extend(kids)
        todo.extend(kids)
    return out


def _disturb(proc: subprocess.Popen[bytes], args: argparse.Namespace, started: float) -> bool:
    """Ctrl-C the command's group, or kill one of its stage processes, when asked to."""
    after = args.interrupt_after if args.interrupt_after is not None else args.kill_worker_after
    if after is None:
        return False
    while proc.poll() is None and time.monotonic() - started < args.timeout:
        below = descendants(proc.pid)
        if time.monotonic() - started >= after and len(below) >= args.interrupt_when:
            if args.interrupt_after is not None:
                os.killpg(proc.pid, signal.SIGINT)
                return True
            workers = [p for p in below if "spawn_main" in cmdline(p)]
            if workers:
                os.kill(max(workers), signal.SIGKILL)
                return True
        time.sleep(0.1)
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--interrupt-after", type=float, help="SIGINT the command's process group after S seconds")
    parser.add_argument("--interrupt-when", type=int, default=0, help="... and once it has N descendants")
    parser.add_argument("--kill-worker-after", type=float, help="SIGKILL the newest stage process after S seconds")
    parser.add_argument("--grace", type=float, default=10.0)
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    me = os.getpid()
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, process_group=0)
    interrupted = _disturb(proc, args, started)
    hung = False
    try:
        out, err = proc.communicate(timeout=max(1.0, args.timeout - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        hung = True
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = b"", b""
    proc.wait()
    deadline = time.monotonic() + args.grace
    while children(me) and time.monotonic() < deadline:
        reap()
        time.sleep(0.1)
    survivors = []
    for pid in [p for c in children(me) for p in (c, *descendants(c))]:
        survivors.append(cmdline(pid))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    reap()
    report = {
        "returncode": proc.returncode,
        "seconds": round(time.monotonic() - started, 2),
        "interrupted": interrupted,
        "hung": hung,
        "survivors": survivors,
        "stdout": out.decode(errors="replace")[-2000:],
        "stderr": err.decode(errors="replace")[-4000:],
    }
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
