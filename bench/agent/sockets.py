#!/usr/bin/env python3
"""Holds PAIRS loopback TCP connections open (2 * PAIRS established sockets) for the agent bench.

Usage: sockets.py PAIRS BASE_PORT. Listens on 127.0.0.1:BASE_PORT..BASE_PORT+3 (four ports, so the
ephemeral port range is never the limit), connects and accepts in batches, prints "ready N" with
the number of sockets held, then holds them until standard input closes or the process is stopped.
Each socket is a file descriptor, and the open-file limit of a process may be capped (20,000 in some
containers, where even root cannot raise it): the bench runs several of these, 8,000 pairs each.
Run it inside the bench's network namespace only.
"""
import resource
import selectors
import socket
import sys
import time

PORTS = 4
BATCH = 1000
BATCH_DEADLINE_S = 30


def listeners(base_port):
    socks = []
    for i in range(PORTS):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", base_port + i))
        s.listen(4096)
        s.setblocking(False)
        socks.append(s)
    return socks


def connect_batch(count, base_port, first):
    clients = []
    for j in range(count):
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setblocking(False)
        c.connect_ex(("127.0.0.1", base_port + (first + j) % PORTS))
        clients.append(c)
    return clients


def accept_batch(selector, count):
    accepted = []
    deadline = time.monotonic() + BATCH_DEADLINE_S
    while len(accepted) < count:
        if time.monotonic() > deadline:
            sys.exit(f"sockets.py: only {len(accepted)} of {count} connections accepted in time")
        for key, _ in selector.select(timeout=1):
            try:
                while len(accepted) < count:
                    conn, _ = key.fileobj.accept()
                    accepted.append(conn)
            except BlockingIOError:
                pass
    return accepted


def main():
    pairs, base_port = int(sys.argv[1]), int(sys.argv[2])
    need = 2 * pairs + 64
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < need:
        sys.exit(f"sockets.py: {pairs} pairs need {need} open files, the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))
    selector = selectors.DefaultSelector()
    for s in listeners(base_port):
        selector.register(s, selectors.EVENT_READ)
    held = []
    while len(held) < 2 * pairs:
        count = min(BATCH, pairs - len(held) // 2)
        clients = connect_batch(count, base_port, len(held) // 2)
        held.extend(accept_batch(selector, count))
        held.extend(clients)
    print("ready", len(held), flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
