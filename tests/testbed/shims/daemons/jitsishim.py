"""Shared parts of the testbed's stand-ins for jicofo and jitsi-videobridge2 (tests/testbed/shims/README.md).

They are real XMPP clients (slixmpp, Debian's python3-slixmpp) that log in to a real prosody, join the real
brewery MUC and write their logs in the shapes of reference/jitsi-packaging.md §4, so that our Verifier and
provisioning scripts meet the same evidence as on a real host. Nothing here is Jitsi code.
"""

import asyncio
import datetime
import inspect
import json
import os
import re
import socket
import ssl
import subprocess
import threading
import xml.etree.ElementTree as ET

import slixmpp
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import StanzaPath

MUC_NS = 'http://jabber.org/protocol/muc'
MUC_USER_NS = 'http://jabber.org/protocol/muc#user'
MUC_OWNER_NS = 'http://jabber.org/protocol/muc#owner'
COLIBRI_STATS_NS = 'http://jitsi.org/protocol/colibri'

LOCAL_HOSTS = ('localhost', '127.0.0.1', '::1')


def read_hocon(path, root):
    """The subtree `root` of a HOCON file as a dict, read with the real parser (ruby-hocon's hocon CLI).
    A missing file or path is an empty dict: the daemons then use the reference defaults."""
    if not os.path.exists(path):
        return {}
    result = subprocess.run(['hocon', '-i', path, '-j', 'get', root], capture_output=True, text=True)
    if result.returncode != 0:
        if "Can't find the given path" in result.stdout + result.stderr:
            return {}
        raise SystemExit(f'cannot read {path}: {(result.stderr or result.stdout).strip()}')
    return json.loads(result.stdout)


def dig(tree, dotted, default=None):
    node = tree
    for part in dotted.split('.'):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def as_bool(value, default=False):
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() == 'true'


class JavaStyleLog:
    """Appends lines shaped as java.util.logging with Jitsi's formatter writes them:
    `<PREFIX> 2026-06-01 09:00:00.100 INFO: [tid] [ctx] Class.method#line: message`, a throwable's lines below.
    Opened for every line, so logrotate or a test truncating the file is harmless."""

    def __init__(self, path, prefix):
        self.path = path
        self.prefix = prefix
        self.lock = threading.Lock()
        directory = os.path.dirname(path)
        if directory:
            os.makedirs(directory, exist_ok=True)

    def write(self, level, tid, context, where, message, detail=()):
        now = datetime.datetime.now().strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]
        ctx = f' [{context}]' if context else ''
        lines = [f'{self.prefix} {now} {level}: [{tid}]{ctx} {where}: {message}']
        lines.extend(detail)
        with self.lock, open(self.path, 'a', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')


class HttpServer:
    """A minimal HTTP/1.1 server on asyncio for the daemons' loopback REST endpoints.
    handler(method, path, headers) returns (status, content_type, body_bytes)."""

    REASONS = {200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error',
               503: 'Service Unavailable'}

    def __init__(self, host, port, handler):
        self.host = host
        self.port = port
        self.handler = handler
        self.server = None

    async def start(self):
        self.server = await asyncio.start_server(self._serve, self.host, self.port, reuse_address=True)

    async def _serve(self, reader, writer):
        try:
            request = await asyncio.wait_for(reader.readline(), 10)
            parts = request.decode('latin-1').split()
            if len(parts) < 2:
                return
            method, target = parts[0], parts[1]
            headers = {}
            while True:
                line = (await asyncio.wait_for(reader.readline(), 10)).decode('latin-1').strip()
                if not line:
                    break
                name, _, value = line.partition(':')
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get('content-length', '0') or 0)
            if length:
                await reader.readexactly(length)
            status, content_type, body = self.handler(method, target.split('?')[0], headers)
            head = (f'HTTP/1.1 {status} {self.REASONS.get(status, "Status")}\r\n'
                    f'Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n')
            writer.write(head.encode('latin-1') + body)
            await writer.drain()
        except (asyncio.TimeoutError, ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            writer.close()


class XmppAccount:
    """Where and as whom one MUC client logs in (jicoco's MucClientConfiguration, jicofo's xmpp.client)."""

    def __init__(self, hostname, port, domain, username, password, disable_cert_verification=False,
                 security_mode=None):
        self.hostname = hostname
        self.port = int(port) if port not in (None, '') else None
        self.domain = domain
        self.username = username
        self.password = password
        self.disable_cert_verification = disable_cert_verification
        # Smack's modes. jicoco requires TLS for any host that is not local (reference §2 "TLS").
        mode = (security_mode or '').lower()
        if mode not in ('required', 'ifpossible', 'disabled'):
            mode = 'ifpossible' if hostname in LOCAL_HOSTS else 'required'
        self.security_mode = mode

    @property
    def effective_port(self):
        return self.port or 5222


def start_connect(xmpp, host, port, security_mode):
    """Starts connecting to host:port with STARTTLS as Smack's SECURITY_MODE says, on either slixmpp API.

    slixmpp 1.8 (Debian 12) takes the TLS choice as connect() arguments; 1.9 removed them (Debian 13 has
    1.10) in favour of the enable_direct_tls, enable_starttls and enable_plaintext attributes, and connect(host,
    port). Smack never uses direct TLS on the client port, so neither does the shim.
    """
    if 'force_starttls' in inspect.signature(xmpp.connect).parameters:
        xmpp.connect(address=(host, port), force_starttls=security_mode == 'required',
                     disable_starttls=security_mode == 'disabled')
        return
    xmpp.enable_direct_tls = False
    xmpp.enable_starttls = security_mode != 'disabled'
    xmpp.enable_plaintext = security_mode == 'disabled'
    xmpp.connect(host, port)


class MucClient:
    """Keeps one account logged in and joined to its MUC rooms, reconnecting after every failure, and reports
    each step through the callbacks so the daemon can log it in its own shapes:
      on_connecting(), on_connected(), on_login(), on_authenticated(), on_connect_error(kind, text),
      on_login_failed(condition), on_joined(room), on_join_error(room, condition, etype),
      on_presence(room, nick, stanza, available), on_session_lost()
    presence_payload() returns the extra elements sent with every presence to the rooms."""

    def __init__(self, account, rooms, nickname, resource, events, retry_seconds=5.0):
        self.account = account
        self.rooms = [r.lower() for r in rooms]
        self.nickname = nickname
        self.resource = resource
        self.events = events
        self.retry_seconds = retry_seconds
        self.connect_timeout = 30.0
        self.xmpp = None
        self.connected = False
        self.joined = set()
        self.early = {}
        self.stopping = False

    async def run(self):
        while not self.stopping:
            await self._attempt()
            if self.stopping:
                break
            await asyncio.sleep(self.retry_seconds)

    async def stop(self):
        """Leaves the rooms (unavailable presence) and closes the stream, as a clean shutdown does."""
        self.stopping = True
        xmpp = self.xmpp
        if xmpp is not None and self.connected:
            for room in list(self.joined):
                xmpp.send_presence(pto=f'{room}/{self.nickname}', ptype='unavailable')
            await asyncio.sleep(0.2)
            xmpp.disconnect(wait=1.0)
            await asyncio.sleep(0.3)

    def send_presence_update(self):
        if self.xmpp is None or not self.connected:
            return
        for room in self.joined:
            self._send_room_presence(room)

    def _send_room_presence(self, room, join=False):
        presence = self.xmpp.make_presence(pto=f'{room}/{self.nickname}')
        if join:
            presence.append(ET.Element(f'{{{MUC_NS}}}x'))
        for element in self.events.presence_payload():
            presence.append(element)
        presence.send()

    async def _attempt(self):
        account = self.account
        jid = f'{account.username}@{account.domain}'
        if self.resource:
            jid += f'/{self.resource}'
        xmpp = slixmpp.ClientXMPP(jid, account.password)
        xmpp.whitespace_keepalive = True
        if account.disable_cert_verification:
            xmpp.ssl_context.check_hostname = False
            xmpp.ssl_context.verify_mode = ssl.CERT_NONE
        self.xmpp = xmpp
        self.connected = False
        self.joined = set()
        self.early = {}
        done = asyncio.get_running_loop().create_future()

        def finish(_=None):
            if not done.done():
                done.set_result(None)

        def connect_failed(error):
            self.events.on_connect_error('connect', str(error))
            finish()

        def tls_failed(error):
            self.events.on_connect_error('certificate', getattr(error, 'verify_message', None) or str(error))
            finish()

        def connected(_):
            self.events.on_connected()
            self.events.on_login()

        def failed_auth(_):
            self.events.on_login_failed('not-authorized')
            finish()

        def session_start(_):
            self.connected = True
            self.events.on_authenticated()
            for room in self.rooms:
                self._send_room_presence(room, join=True)

        def disconnected(_):
            if self.connected:
                self.events.on_session_lost()
            self.connected = False
            finish()

        encrypted_event = 'connected' if account.security_mode == 'disabled' else 'tls_success'
        xmpp.add_event_handler('connection_failed', connect_failed)
        xmpp.add_event_handler('ssl_invalid_chain', tls_failed)
        xmpp.add_event_handler(encrypted_event, connected)
        xmpp.add_event_handler('failed_all_auth', failed_auth)
        xmpp.add_event_handler('session_start', session_start)
        xmpp.add_event_handler('disconnected', disconnected)
        xmpp.register_handler(Callback('shim muc presence', StanzaPath('presence'), self._on_presence))

        tcp = {'up': False}

        def tcp_up(_):
            tcp['up'] = True

        def connect_timeout():
            # A dropped SYN would otherwise wait for the kernel's retries; Smack gives up after 30 s too.
            if not tcp['up'] and not done.done():
                self.events.on_connect_error('connect', 'Connect timed out')
                finish()

        xmpp.add_event_handler('connected', tcp_up)
        loop = asyncio.get_running_loop()

        async def configured_host(_domain, _port=None):
            # Smack connects to the configured host, never to what the XMPP domain resolves to.
            try:
                infos = await loop.getaddrinfo(account.hostname, account.effective_port, type=socket.SOCK_STREAM)
            except OSError:
                return []  # slixmpp then tries the host itself and reports the failure
            return [(account.domain, info[4][0], account.effective_port) for info in infos]

        xmpp.get_dns_records = configured_host
        timer = loop.call_later(self.connect_timeout, connect_timeout)
        self.events.on_connecting()
        start_connect(xmpp, account.hostname, account.effective_port, account.security_mode)
        # slixmpp checks the certificate against a host name given to connect() ("localhost", jicofo's
        # default); Smack checks it against the XMPP domain, whatever host it connects to.
        xmpp.default_domain = account.domain
        await done
        timer.cancel()
        xmpp.cancel_connection_attempt()
        if xmpp.transport is not None:
            xmpp.abort()
        self.connected = False
        self.xmpp = None

    def _on_presence(self, stanza):
        sender = stanza['from']
        room = sender.bare.lower()
        if room not in self.rooms:
            return
        nick = sender.resource
        if stanza['type'] == 'error':
            if nick == self.nickname:
                error = stanza.xml.find('{jabber:client}error')
                condition, etype = 'undefined-condition', 'cancel'
                if error is not None:
                    etype = error.get('type', etype)
                    for child in error:
                        if child.tag.endswith('}text'):
                            continue
                        condition = child.tag.split('}')[-1]
                        break
                self.events.on_join_error(room, condition, etype)
            return
        x = stanza.xml.find(f'{{{MUC_USER_NS}}}x')
        codes = set()
        if x is not None:
            codes = {s.get('code') for s in x.findall(f'{{{MUC_USER_NS}}}status')}
        available = stanza['type'] != 'unavailable'
        if '110' in codes:  # our own presence, echoed by the room
            if available and room not in self.joined:
                self.joined.add(room)
                if '201' in codes:
                    # A new room is locked until its owner accepts a configuration (XEP-0045 "instant
                    # room"); Smack's createOrJoin does the same.
                    iq = self.xmpp.make_iq_set(ito=room)
                    query = ET.Element(f'{{{MUC_OWNER_NS}}}query')
                    ET.SubElement(query, '{jabber:x:data}x', {'type': 'submit'})
                    iq.append(query)
                    iq.send()
                self.events.on_joined(room)
                # The room sends the other occupants before our own presence; report them after the join,
                # as jicofo logs "Joined the room." before it processes the members.
                for early in self.early.pop(room, []):
                    self.events.on_presence(*early)
            elif not available:
                self.joined.discard(room)
            return
        if room not in self.joined:
            self.early.setdefault(room, []).append((room, nick, stanza, available))
            return
        self.events.on_presence(room, nick, stanza, available)


def colibri_stats(stats):
    """<stats xmlns='http://jitsi.org/protocol/colibri'> with one <stat name value/> per item, as jvb
    puts in its brewery presence."""
    element = ET.Element(f'{{{COLIBRI_STATS_NS}}}stats')
    for name, value in stats.items():
        ET.SubElement(element, f'{{{COLIBRI_STATS_NS}}}stat', {'name': name, 'value': str(value)})
    return element


def read_colibri_stats(stanza):
    element = stanza.xml.find(f'{{{COLIBRI_STATS_NS}}}stats')
    if element is None:
        return None
    return {s.get('name'): s.get('value') for s in element.findall(f'{{{COLIBRI_STATS_NS}}}stat')}


def config_file_from_java_props(default):
    """The -Dconfig.file=… in JAVA_SYS_PROPS (the packages' EnvironmentFile), as the JVM would be given it."""
    match = re.search(r'-Dconfig\.file=(\S+)', os.environ.get('JAVA_SYS_PROPS', ''))
    return match.group(1) if match else default
