#!/usr/bin/python3
"""The testbed's web server (tests/testbed/README.md, "The services"): static files over HTTP and HTTPS.

    serve.py --root DIR --address IP [--http-port 80] [--https-port 443] --cert FILE --key FILE --log FILE

Serves DIR read-only (GET and HEAD; no directory listings) on IP only: the sandboxes reach it as
download.jitsi.org (HTTPS, the prepare script insists on it) and debian.testbed (HTTP, like the Debian
archive). One thread per connection, HTTP/1.1 keep-alive, so apt's parallel downloads do not queue. Each
request is one line in the log file. Ends on SIGTERM.
"""
import argparse
import functools
import http.server
import signal
import ssl
import sys
import threading
import time


LOG = None
LOG_LOCK = threading.Lock()


def log(scheme, client, text):
    with LOG_LOCK:
        LOG.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {scheme} {client} {text}\n")


class Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive: apt fetches many files over one connection.
    protocol_version = "HTTP/1.1"

    def list_directory(self, path):
        self.send_error(404, "No listing")
        return None

    def log_message(self, format, *args):
        log(self.server.scheme, self.client_address[0], format % args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # apt opens several connections at once, and several hosts install at the same time.
    request_queue_size = 64
    # A restarted server must not wait for the old sockets' TIME_WAIT.
    allow_reuse_address = True

    def __init__(self, address, handler, scheme, tls=None):
        self.scheme = scheme
        self.tls = tls
        super().__init__(address, handler)

    def finish_request(self, request, client_address):
        # The TLS handshake runs in the connection's own thread: a slow client cannot stall accept().
        if self.tls is not None:
            request.settimeout(30)
            try:
                request = self.tls.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError) as error:
                log(self.scheme, client_address[0], f"TLS handshake failed: {error}")
                return
        super().finish_request(request, client_address)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--address", required=True)
    parser.add_argument("--http-port", type=int, default=80)
    parser.add_argument("--https-port", type=int, default=443)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()

    global LOG
    LOG = open(args.log, "a", buffering=1)
    handler = functools.partial(Handler, directory=args.root)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(args.cert, args.key)
    servers = [
        Server((args.address, args.http_port), handler, "http"),
        Server((args.address, args.https_port), handler, "https", tls),
    ]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    log("-", "-", f"serving {args.root} on {args.address}:{args.http_port} and :{args.https_port}")

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(1):
        pass
    for server in servers:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
