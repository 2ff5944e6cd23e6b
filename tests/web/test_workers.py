"""`majlis serve --workers N`: a socket per web process (the kernel spreads connections evenly), a
supervisor that stops them gracefully, and no web process left serving when the supervisor dies."""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import httpx
import pytest

from majlis.web.workers import listening_socket, reuse_port_available
from tests.conftest import free_port, start_server

pytestmark = pytest.mark.skipif(not reuse_port_available(), reason="SO_REUSEPORT is Linux and BSD only")


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def listening_sockets(pid: int, port: int) -> set[str]:
    """Inodes of the sockets `pid` holds that listen on `port`."""
    listening = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].split(":")[1], 16) == port:
            listening.add(fields[9])
    held = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            held.add(target[8:-1])
    return held & listening


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_two_sockets_may_listen_on_one_port() -> None:
    port = free_port()
    first, second = listening_socket("127.0.0.1", port), listening_socket("127.0.0.1", port)
    try:
        assert first.getsockname() == second.getsockname()
    finally:
        first.close()
        second.close()


@pytest.mark.slow
def test_each_web_process_has_its_own_socket_and_all_stop_with_the_supervisor(tmp_path: Path) -> None:
    process, server = start_server(tmp_path, args=("--workers", "2"))
    port = int(server.base.rsplit(":", 1)[1])
    try:
        web = [pid for pid in children(process.pid) if listening_sockets(pid, port)]
        assert len(web) == 2
        assert listening_sockets(web[0], port).isdisjoint(listening_sockets(web[1], port))
        with httpx.Client(base_url=server.base) as client:
            assert all(client.get("/readyz").status_code == 200 for _ in range(20))
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in web):
        time.sleep(0.1)
    assert not any(alive(pid) for pid in web)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


@pytest.mark.slow
def test_web_processes_stop_when_their_supervisor_is_killed(tmp_path: Path) -> None:
    process, server = start_server(tmp_path, args=("--workers", "2"))
    port = int(server.base.rsplit(":", 1)[1])
    web = [pid for pid in children(process.pid) if listening_sockets(pid, port)]
    assert len(web) == 2
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in web):
        time.sleep(0.2)
    leftover = [pid for pid in web if alive(pid)]
    for pid in leftover:
        os.kill(pid, signal.SIGKILL)
    assert not leftover, "web processes kept serving after their supervisor died"
