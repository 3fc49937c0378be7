#!/usr/bin/env python3
"""Misbehaving HTTP clients against a Lede server on loopback, for `make soak`. Light on CPU: every client
sleeps between its misdeeds, so the soak tests the server, not the machine. Runs for --seconds, then prints
one JSON line: per kind, how many attempts, how many got the expected outcome, and the unexpected ones.

Kinds (each its own thread):
  slowloris      opens connections and trickles a header byte every second (the head deadline must close them)
  half-open      connects and sends nothing, or half a body, then just sits there
  big-headers    a 100 KB header section → 431
  big-body       Content-Length of 20 MB → 413 before any body byte; a chunked body past the limit → 413
  bad-utf8       a JSON body with invalid UTF-8 → 400
  pipeline       200 pipelined GET /healthz in one write; every response must come back, in order
  no-read        pipelines 2,000 requests and never reads the responses (write back-pressure), then resets
  disconnect     POSTs a real article and resets the connection (SO_LINGER 0) before the answer
Loopback only: the host is 127.0.0.1 and cannot be changed.
"""
import argparse
import collections
import json
import socket
import struct
import threading
import time

HOST = "127.0.0.1"
stats = collections.defaultdict(lambda: {"attempts": 0, "expected": 0, "unexpected": []})
lock = threading.Lock()


def record(kind, ok, detail=""):
    with lock:
        s = stats[kind]
        s["attempts"] += 1
        if ok:
            s["expected"] += 1
        elif len(s["unexpected"]) < 5:
            s["unexpected"].append(detail[:120])


def connect(port, timeout=15):
    s = socket.create_connection((HOST, port), timeout=timeout)
    return s


def open_connections(port, kind, count=20, first_bytes=lambda i: b""):
    """`count` connections, the i-th sent `first_bytes(i)`; a failed connect is recorded against `kind`."""
    socks = []
    for i in range(count):
        try:
            s = connect(port)
            if first_bytes(i):
                s.send(first_bytes(i))
            socks.append(s)
        except OSError as e:
            record(kind, False, f"connect: {e}")
    return socks


def status_of(sock):
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    line = data.split(b"\r\n", 1)[0].decode(errors="replace")
    parts = line.split(" ")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else line or "closed"


def reset(sock):
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def slowloris(port, deadline):
    # 20 connections at a time, each trickling one byte a second until the server gives up on it.
    while time.time() < deadline:
        socks = open_connections(port, "slowloris")
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 1000
        for i in range(len(head)):
            if time.time() > deadline or not socks:
                break
            for s in list(socks):
                try:
                    s.send(head[i:i + 1])
                except OSError:
                    socks.remove(s)
                    record("slowloris", True)
            time.sleep(1)
        for s in socks:
            record("slowloris", time.time() > deadline, "still open after the head deadline")
            s.close()


def half_open(port, deadline):
    while time.time() < deadline:
        # Even connections send nothing; odd ones half a body.
        half_body = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000\r\n\r\n{\"text\": \"half")
        socks = open_connections(port, "half-open", first_bytes=lambda i: half_body if i % 2 else b"")
        time.sleep(min(40, max(0, deadline - time.time())))
        for s in socks:
            s.settimeout(0.5)
            try:
                data = s.recv(4096)
                # Silent close (no byte ever came) or a 408 (the body never finished) are both right.
                record("half-open", data == b"" or b" 408 " in data[:20], repr(data[:40]))
            except socket.timeout:
                record("half-open", time.time() > deadline - 1, "still open")
            except OSError:
                record("half-open", True)
            s.close()


def one_shot(kind, port, payload, expected):
    try:
        s = connect(port)
        s.sendall(payload)
        status = status_of(s)
        record(kind, status == expected, f"got {status}")
        s.close()
    except OSError as e:
        record(kind, False, f"{e}")


def big_headers(port, deadline):
    while time.time() < deadline:
        one_shot("big-headers", port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100_000 + b"\r\n\r\n", 431)
        time.sleep(0.5)


def big_body(port, deadline):
    while time.time() < deadline:
        one_shot("big-body", port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 20000000\r\n\r\n{\"text\":", 413)
        one_shot("big-body", port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n" + b"%x\r\n" % (11 << 20) + b"x" * 1000, 413)
        time.sleep(0.5)


def bad_utf8(port, deadline):
    body = b'{"text": "caf\xe9 \xff\xfe \xc3\x28 Putin said."}'
    while time.time() < deadline:
        one_shot("bad-utf8", port, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body, 400)
        time.sleep(0.5)


def pipeline(port, deadline):
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    while time.time() < deadline:
        try:
            s = connect(port)
            s.sendall(request * 199 + request.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            count = data.count(b"HTTP/1.1 200 ")
            record("pipeline", count == 200, f"{count} of 200 responses")
            s.close()
        except OSError as e:
            record("pipeline", False, f"{e}")
        time.sleep(1)


def no_read(port, deadline):
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    while time.time() < deadline:
        try:
            s = connect(port)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.settimeout(2)
            sent = 0
            try:
                for _ in range(2000):
                    s.send(request)
                    sent += 1
            except (socket.timeout, BlockingIOError):
                pass  # the server stopped reading: back-pressure works
            record("no-read", True)
            time.sleep(5)
            reset(s)
        except OSError as e:
            record("no-read", False, f"{e}")
        time.sleep(1)


def disconnect(port, deadline, article):
    body = json.dumps({"text": article}).encode()
    while time.time() < deadline:
        try:
            s = connect(port)
            s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: %d\r\n\r\n" % len(body) + body)
            time.sleep(0.01)
            reset(s)
            record("disconnect", True)
        except OSError as e:
            record("disconnect", False, f"{e}")
        time.sleep(0.5)


def summarize(path):
    """Markdown lines from a run's JSON: kind, attempts / expected outcomes, the first unexpected ones."""
    for kind, s in sorted(json.load(open(path)).items()):
        extra = ("; unexpected: " + "; ".join(s["unexpected"])) if s["unexpected"] else ""
        print(f"- {kind}: {s['attempts']} / {s['expected']}{extra}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--article", help="a text file POSTed by the disconnecting client")
    parser.add_argument("--summarize", help="print the summary of a finished run's JSON instead")
    args = parser.parse_args()
    if args.summarize:
        return summarize(args.summarize)
    deadline = time.time() + args.seconds
    article = open(args.article, encoding="utf-8").read()[:6000]
    workers = [slowloris, half_open, big_headers, big_body, bad_utf8, pipeline, no_read]
    threads = [threading.Thread(target=w, args=(args.port, deadline), daemon=True) for w in workers]
    threads.append(threading.Thread(target=disconnect, args=(args.port, deadline, article), daemon=True))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0, deadline - time.time()) + 60)
    print(json.dumps(dict(stats), sort_keys=True))


if __name__ == "__main__":
    main()
