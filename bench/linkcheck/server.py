#!/usr/bin/env python3
"""A slow local web server for the link-checking benchmark.

Listens on 127.0.0.1 on --ports ports (each counts as a separate host for per-host
limits), answers every HEAD or GET with 200 after --latency seconds, keeps
connections alive, and counts requests. Writes the ports, one a line, to --port-file
once it is listening; stops on SIGTERM/SIGINT, or by itself after --lifetime seconds.
On stopping it prints the request count to stderr.
"""
import argparse
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
requests = {"HEAD": 0, "GET": 0, "other": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    latency = 0.1

    def answer(self, body):
        with lock:
            key = self.command if self.command in requests else "other"
            requests[key] += 1
        time.sleep(self.latency)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.answer(b"<!doctype html><title>ok</title>ok\n")

    def do_GET(self):
        self.answer(b"<!doctype html><title>ok</title>ok\n")

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the default listen backlog of 5 would drop connections


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ports", type=int, default=1)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--lifetime", type=float, default=600)
    parser.add_argument("--port-file", required=True)
    args = parser.parse_args()
    Handler.latency = args.latency

    servers = [Server(("127.0.0.1", 0), Handler) for _ in range(args.ports)]
    for s in servers:
        threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write("".join(f"{s.server_address[1]}\n" for s in servers))
    os.replace(args.port_file + ".tmp", args.port_file)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait(args.lifetime)
    for s in servers:
        s.shutdown()
    with lock:
        print(f"server: {requests['HEAD']} HEAD, {requests['GET']} GET, {requests['other']} other requests",
              file=sys.stderr)


if __name__ == "__main__":
    main()
