#!/usr/bin/python3
"""Asks a meeting's prosody for its external services (STUN/TURN, XEP-0215) the way a Jitsi Meet client does:
an anonymous XMPP session over BOSH (XEP-0124/0206) through the web host's nginx (/http-bind), then an
urn:xmpp:extdisco:2 <services/> query to the meeting domain (tests/testbed/README.md).

    extdisco.py ADDRESS DOMAIN

ADDRESS is where to connect (the web host's IP, port 443); DOMAIN the meeting domain (TLS server name, Host
header, the XMPP domain). The certificate is not checked: the test is about what prosody answers, and the web
host may still serve its self-signed one. Prints one JSON object per advertised service (its attributes:
type, host, port, transport, username, password, expires, ...) and exits 0; 1 with a message on stderr when
the session or the query fails. Standard library only.
"""
import http.client
import json
import socket
import ssl
import sys
import xml.etree.ElementTree as ET

BOSH = "http://jabber.org/protocol/httpbind"
XBOSH = "urn:xmpp:xbosh"
SASL = "urn:ietf:params:xml:ns:xmpp-sasl"
BIND = "urn:ietf:params:xml:ns:xmpp-bind"
EXTDISCO = "urn:xmpp:extdisco:2"


class Session:
    def __init__(self, address, domain):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.address = address
        self.domain = domain
        self.context = context
        self.rid = 4242
        self.sid = None

    def post(self, payload="", **attributes):
        """Sends one <body/> (with `payload` inside) and returns the <body/> that answers it."""
        self.rid += 1
        attrs = {"rid": str(self.rid), "xmlns": BOSH}
        if self.sid:
            attrs["sid"] = self.sid
        attrs.update(attributes)
        head = " ".join('%s="%s"' % (k, v) for k, v in attrs.items())
        body = "<body %s>%s</body>" % (head, payload)
        # To the address given, with the domain as TLS server name (nginx picks its server block by it).
        connection = http.client.HTTPConnection(self.address, 443, timeout=70)
        connection.sock = self.context.wrap_socket(socket.create_connection((self.address, 443), timeout=70),
                                                   server_hostname=self.domain)
        connection.request("POST", "/http-bind", body.encode(),
                           {"Host": self.domain, "Content-Type": "text/xml; charset=utf-8"})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        if response.status != 200:
            raise RuntimeError("BOSH answered HTTP %d: %s" % (response.status, data[:200]))
        root = ET.fromstring(data)
        if root.get("type") == "terminate":
            raise RuntimeError("BOSH session terminated: %s" % (root.get("condition") or data[:200]))
        return root

    def until(self, predicate, payload="", attempts=5):
        """Posts `payload`, then empty polls, until an answer holds a child for which predicate is true."""
        answer = self.post(payload)
        for _ in range(attempts):
            for child in answer:
                if predicate(child):
                    return child
            answer = self.post()
        raise RuntimeError("no answer from the server")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    address, domain = sys.argv[1], sys.argv[2]
    s = Session(address, domain)
    try:
        first = s.post(to=domain, **{"xml:lang": "en", "wait": "10", "hold": "1", "ver": "1.6",
                                     "xmpp:version": "1.0", "xmlns:xmpp": XBOSH})
        s.sid = first.get("sid")
        if not s.sid:
            raise RuntimeError("no BOSH session id in %s" % ET.tostring(first)[:200])
        features = list(first)
        if not any(f.tag.endswith("features") for f in features):
            features = [s.until(lambda c: c.tag.endswith("features"))]
        mechanisms = [m.text for m in features[0].iter("{%s}mechanism" % SASL)]
        if "ANONYMOUS" not in mechanisms:
            raise RuntimeError("the meeting domain offers no anonymous login (mechanisms: %s)" % mechanisms)
        result = s.until(lambda c: c.tag in ("{%s}success" % SASL, "{%s}failure" % SASL),
                         '<auth xmlns="%s" mechanism="ANONYMOUS"/>' % SASL)
        if result.tag.endswith("failure"):
            raise RuntimeError("anonymous login refused")
        # Stream restart after SASL (XEP-0206), then bind a resource.
        s.post(to=domain, **{"xml:lang": "en", "xmpp:restart": "true", "xmlns:xmpp": XBOSH})
        bound = s.until(lambda c: c.get("id") == "bind1",
                        '<iq type="set" id="bind1" xmlns="jabber:client"><bind xmlns="%s"/></iq>' % BIND)
        if bound.get("type") != "result":
            raise RuntimeError("resource binding failed")
        answer = s.until(lambda c: c.get("id") == "disco1",
                         '<iq type="get" id="disco1" to="%s" xmlns="jabber:client"><services xmlns="%s"/></iq>'
                         % (domain, EXTDISCO))
        if answer.get("type") != "result":
            raise RuntimeError("the extdisco query failed: %s" % ET.tostring(answer)[:300])
        for service in answer.iter("{%s}service" % EXTDISCO):
            print(json.dumps(dict(service.attrib), sort_keys=True))
        try:
            s.post(type="terminate")
        except (RuntimeError, OSError):
            pass
        return 0
    except (RuntimeError, OSError, ET.ParseError) as error:
        print("extdisco.py: %s" % error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
