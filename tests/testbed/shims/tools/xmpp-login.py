#!/usr/bin/env python3
"""One XMPP client login against a real prosody, for the moderated-meeting tests (tst_moderatedprosody).

    xmpp-login.py HOST PORT DOMAIN anonymous        SASL ANONYMOUS on DOMAIN (a guest)
    xmpp-login.py HOST PORT DOMAIN scram USER       SASL SCRAM-SHA-1 as USER@DOMAIN; the password is the first
                                                    line of stdin (as Jitsi Meet's web client logs in a moderator)
    xmpp-login.py HOST PORT DOMAIN services TO      SASL ANONYMOUS on DOMAIN, bind, then ask TO for its external
                                                    services (XEP-0215 urn:xmpp:extdisco:2), as lib-jitsi-meet asks
                                                    its hosts.domain for STUN/TURN whichever host the user is on;
                                                    prints one "service TYPE PORT credentials|no-credentials" line
                                                    per service after "success"

Prints "success" (exit 0) or "failure <why>" (exit 1); anything else is exit 2. A test tool written from RFC 6120
(streams, SASL) and RFC 5802 (SCRAM), not Jitsi code; plain TCP, since the meeting and guest hosts allow it
(c2s_require_encryption = false) and SCRAM never sends the password itself.
"""
import base64
import hashlib
import hmac
import os
import re
import socket
import sys

SASL = "urn:ietf:params:xml:ns:xmpp-sasl"


class Stream:
    def __init__(self, host, port, domain):
        self.sock = socket.create_connection((host, port), timeout=10)
        self.buffer = ""
        self.sock.sendall(("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
                           "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % domain).encode())

    def read_until(self, pattern):
        regex = re.compile(pattern, re.S)
        while True:
            match = regex.search(self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                return match
            if "<stream:error" in self.buffer and "</stream:error>" in self.buffer:
                error = re.search(r"<stream:error>\s*<([a-z-]+)", self.buffer)
                raise LoginFailed("stream-error " + (error.group(1) if error else "unknown"))
            data = self.sock.recv(65536)
            if not data:
                raise LoginFailed("connection closed")
            self.buffer += data.decode("utf-8", "replace")

    def send(self, xml):
        self.sock.sendall(xml.encode())

    def mechanisms(self):
        features = self.read_until(r"<stream:features.*?</stream:features>").group(0)
        return re.findall(r"<mechanism>([^<]+)</mechanism>", features)

    def outcome(self):
        match = self.read_until(r"<(success|failure|challenge)\b[^>]*?(/>|>(.*?)</\1>)")
        return match.group(1), match.group(3) or ""


class LoginFailed(Exception):
    pass


def services(stream, domain, to):
    """After a successful SASL: a new stream, a bound resource, then the extdisco query to `to`."""
    stream.send("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
                "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % domain)
    stream.read_until(r"<stream:features.*?</stream:features>")
    stream.send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>")
    stream.read_until(r"<iq[^>]*id=['\"]bind1['\"].*?</iq>")
    stream.send("<iq type='get' id='ext1' to='%s'><services xmlns='urn:xmpp:extdisco:2'/></iq>" % to)
    answer = stream.read_until(r"<iq[^>]*id=['\"]ext1['\"][^>]*?(/>|>.*?</iq>)").group(0)
    if "type='error'" in answer or 'type="error"' in answer:
        raise LoginFailed("services-error " + condition(answer[answer.find("<error"):]))
    lines = []
    for service in re.findall(r"<service\b[^>]*>", answer):
        attrs = dict(re.findall(r"([a-z]+)=['\"]([^'\"]*)['\"]", service))
        has = "credentials" if attrs.get("username") and attrs.get("password") else "no-credentials"
        lines.append("service %s %s %s" % (attrs.get("type", "?"), attrs.get("port", "?"), has))
    return lines


def condition(text):
    found = re.search(r"<([a-z-]+)", text)
    return found.group(1) if found else "unknown"


def anonymous(stream):
    if "ANONYMOUS" not in stream.mechanisms():
        raise LoginFailed("anonymous-not-offered")
    stream.send("<auth xmlns='%s' mechanism='ANONYMOUS'/>" % SASL)
    kind, body = stream.outcome()
    if kind != "success":
        raise LoginFailed(condition(body))


def scram(stream, user, password):
    if "SCRAM-SHA-1" not in stream.mechanisms():
        raise LoginFailed("scram-not-offered")
    nonce = base64.b64encode(os.urandom(18)).decode()
    first_bare = "n=%s,r=%s" % (user.replace("=", "=3D").replace(",", "=2C"), nonce)
    stream.send("<auth xmlns='%s' mechanism='SCRAM-SHA-1'>%s</auth>"
                % (SASL, base64.b64encode(("n,," + first_bare).encode()).decode()))
    kind, body = stream.outcome()
    if kind != "challenge":
        raise LoginFailed(condition(body))
    server_first = base64.b64decode(body).decode()
    fields = dict(item.split("=", 1) for item in server_first.split(","))
    if not fields["r"].startswith(nonce):
        raise LoginFailed("bad-nonce")
    salted = hashlib.pbkdf2_hmac("sha1", password.encode(), base64.b64decode(fields["s"]), int(fields["i"]))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha1).digest()
    stored_key = hashlib.sha1(client_key).digest()
    without_proof = "c=biws,r=" + fields["r"]
    message = ",".join([first_bare, server_first, without_proof])
    signature = hmac.new(stored_key, message.encode(), hashlib.sha1).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    final = without_proof + ",p=" + base64.b64encode(proof).decode()
    stream.send("<response xmlns='%s'>%s</response>" % (SASL, base64.b64encode(final.encode()).decode()))
    kind, body = stream.outcome()
    if kind != "success":
        raise LoginFailed(condition(body))


def main(argv):
    if len(argv) < 5 or argv[4] not in ("anonymous", "scram", "services") or (
            argv[4] in ("scram", "services") and len(argv) != 6):
        print(__doc__, file=sys.stderr)
        return 2
    host, port, domain, mode = argv[1], int(argv[2]), argv[3], argv[4]
    found = []
    try:
        stream = Stream(host, port, domain)
        if mode in ("anonymous", "services"):
            anonymous(stream)
        else:
            scram(stream, argv[5], sys.stdin.readline().rstrip("\n"))
        if mode == "services":
            found = services(stream, domain, argv[5])
    except LoginFailed as failed:
        print("failure", failed)
        return 1
    print("\n".join(["success"] + found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
