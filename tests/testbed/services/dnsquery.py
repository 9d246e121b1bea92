#!/usr/bin/python3
"""Asks one DNS server one question, without the machine's resolver (tests/testbed/README.md).

    dnsquery.py SERVER[:PORT] NAME [A|AAAA]

Prints "rcode=<NOERROR|NXDOMAIN|...>" and one line per address in the answer; exit 0 when the server
answered at all, 2 when it did not (timeout). The machine has no dig, and the testbed's dnsmasq must be
asked directly: the machine's own resolver does not know it.
"""
import random
import socket
import struct
import sys

RCODES = {0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}
TYPES = {"A": 1, "AAAA": 28}


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode("ascii")
    return out + b"\0"


def skip_name(data, pos):
    while True:
        length = data[pos]
        if length == 0:
            return pos + 1
        if length & 0xC0 == 0xC0:  # compression pointer: two bytes, ends the name
            return pos + 2
        pos += 1 + length


def query(server, port, name, qtype, timeout=2.0):
    ident = random.randrange(65536)
    packet = struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + encode_name(name) + struct.pack("!HH", qtype, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        sock.sendto(packet, (server, port))
        while True:
            data, _ = sock.recvfrom(4096)
            if struct.unpack("!H", data[:2])[0] == ident:
                break
    _, flags, qdcount, ancount, _, _ = struct.unpack("!HHHHHH", data[:12])
    pos = 12
    for _ in range(qdcount):
        pos = skip_name(data, pos) + 4
    addresses = []
    for _ in range(ancount):
        pos = skip_name(data, pos)
        rtype, _, _, length = struct.unpack("!HHIH", data[pos:pos + 10])
        pos += 10
        rdata = data[pos:pos + length]
        pos += length
        if rtype == 1:
            addresses.append(socket.inet_ntop(socket.AF_INET, rdata))
        elif rtype == 28:
            addresses.append(socket.inet_ntop(socket.AF_INET6, rdata))
    return RCODES.get(flags & 0xF, str(flags & 0xF)), addresses


def main():
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in TYPES):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 64
    server, _, port = sys.argv[1].partition(":")
    try:
        rcode, addresses = query(server, int(port or 53), sys.argv[2], TYPES[sys.argv[3] if len(sys.argv) == 4 else "A"])
    except OSError as error:
        print(f"no answer: {error}", file=sys.stderr)
        return 2
    print(f"rcode={rcode}")
    for address in addresses:
        print(address)
    return 0


if __name__ == "__main__":
    sys.exit(main())
