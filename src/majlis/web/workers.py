"""Several web processes on one port, each with its own listening socket (`SO_REUSEPORT`).

Why not uvicorn's own `workers=N`: its processes share one listening socket, and an asyncio server
accepts every waiting connection at each wake-up, so the first process to wake takes a whole burst
of connections. With keep-alive clients (a CDN, a reverse proxy, a load test) one process then
serves nearly everything while the other idles: in two of three runs of the posting benchmark here,
one process did all the work and the posting rate halved. With a socket per process the kernel
spreads new connections evenly across them (balanced in every run since).

Where the platform has no `SO_REUSEPORT`, `serve` falls back to uvicorn's shared socket.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from types import FrameType
from typing import Any

log = logging.getLogger("majlis.workers")
BACKLOG = 2048
# A process that dies is started again, but not in a tight loop if it dies at once every time.
RESTART_PAUSE_SECONDS = 1.0


def reuse_port_available() -> bool:
    """Whether this platform can give each process its own socket on the same port."""
    return hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port that other processes may bind too (each gets its share of connections)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    return sock


def _stop_when_orphaned(parent: int) -> None:  # pragma: no cover - runs in a child
    """A web process whose supervisor died (SIGKILL, OOM) stops too, gracefully, instead of serving on."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


def _worker(host: str, port: int, options: dict[str, Any], parent: int) -> None:  # pragma: no cover - a child
    import uvicorn

    threading.Thread(target=_stop_when_orphaned, args=(parent,), daemon=True).start()
    config = uvicorn.Config(**options)
    uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


def serve(host: str, port: int, workers: int, options: dict[str, Any]) -> None:
    """Run `workers` uvicorn processes on host:port with `options` (uvicorn.Config arguments), each on
    its own socket; restart any that dies; on SIGINT or SIGTERM stop them all gracefully (each
    finishes its requests in flight) and return."""
    # Bound here first: a port already taken fails now, in the foreground, not in every child.
    probe = listening_socket(host, port)
    context = multiprocessing.get_context("spawn")
    stopping = False

    def start() -> multiprocessing.process.BaseProcess:
        process = context.Process(target=_worker, args=(host, port, options, os.getpid()), daemon=False)
        process.start()
        return process

    def stop(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    probe.close()  # the children listen now; the probe would otherwise take a share of connections
    log.info("serving on http://%s:%d with %d processes, one socket each", host, port, workers)
    try:
        while not stopping:
            time.sleep(0.2)
            for n, process in enumerate(processes):
                if not process.is_alive() and not stopping:
                    log.warning("web process %s exited with %s; starting another", process.pid, process.exitcode)
                    time.sleep(RESTART_PAUSE_SECONDS)
                    processes[n] = start()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn stops accepting and finishes what is in flight
        for process in processes:
            process.join()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
