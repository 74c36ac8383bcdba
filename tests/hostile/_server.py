"""A loopback HTTP server that misbehaves on purpose, below HTTP where it has to.

`HostileServer` listens on 127.0.0.1 on an ephemeral port and answers each connection in its
own thread with a *behaviour*: a function that gets the parsed request (an `Exchange`) and writes
whatever bytes it likes to the raw socket, whenever it likes: a clean answer, a redirect, a body
that never ends, a ``Content-Length`` that lies, one byte every half second, a reset. Every
request is recorded (method, target, headers, body and the raw bytes), so a test can count the
creates that reached the server and look for the API key in what another host received.

Nothing here runs forever: each exchange gives up after ``give_up`` seconds (then the connection
is closed), and `HostileServer.stop` ends every exchange at once. Standard library only, so the
benchmarks can reuse it.

>>> with HostileServer() as server:  # doctest: +SKIP
...     server.serve(trickle_body(0.5), method="GET")
...     server.serve(json_response({"id": "x"}, status=200))  # everything else
"""

from __future__ import annotations

import contextlib
import http
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType

__all__ = [
    "Behaviour",
    "Exchange",
    "HostileServer",
    "Received",
    "cut_off",
    "dead_url",
    "echo_request",
    "endless",
    "gzip_bomb",
    "gzip_response",
    "hang",
    "huge",
    "json_response",
    "longer_than_declared",
    "lying_length",
    "redirect",
    "reset",
    "respond",
    "sequence",
    "stall",
    "trickle_body",
    "trickle_head",
]

HOST = "127.0.0.1"
MAX_HEAD = 64 * 1024
FILLER = b"a" * 65536
"""What endless and huge bodies are made of: the inside of a JSON string."""
JSON_OPENING = b'{"id": "'
"""How those bodies start: a JSON object whose first string never closes (or closes very late)."""


@dataclass(frozen=True)
class Received:
    """One request as the server read it."""

    method: str
    target: str
    """The request target: path and query string."""
    headers: Mapping[str, str]
    """Header names lower-cased; a repeated header's values joined with ", "."""
    body: bytes
    raw: bytes
    """Every byte read for this request: request line, headers and body."""

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


class Exchange:
    """One request being answered: what came in, and the raw socket to answer on."""

    def __init__(self, server: HostileServer, sock: socket.socket, request: Received) -> None:
        self.server = server
        self.request = request
        self._sock = sock
        self._end = time.monotonic() + server.give_up
        self.was_reset = False

    @property
    def alive(self) -> bool:
        """False once the server is stopping or this exchange has run for ``give_up`` seconds."""
        return not self.server.stopping.is_set() and time.monotonic() < self._end

    def send(self, data: bytes) -> None:
        self._sock.sendall(data)

    def head(
        self,
        status: int,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        *,
        close: bool = True,
    ) -> None:
        """The status line and *headers* (plus ``Connection: close``), then the blank line."""
        items = headers.items() if isinstance(headers, Mapping) else headers
        lines = [f"HTTP/1.1 {status} {_reason(status)}"]
        lines += [f"{name}: {value}" for name, value in items]
        if close:
            lines.append("Connection: close")
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def pause(self, seconds: float) -> bool:
        """Sleep up to *seconds*; False when the exchange must end (stop or give-up) instead."""
        remaining = self._end - time.monotonic()
        if remaining <= 0:
            return False
        stopped = self.server.stopping.wait(min(seconds, remaining))
        return not stopped and time.monotonic() < self._end

    def hold(self) -> None:
        """Keep the connection open, saying nothing, until the exchange must end."""
        while self.pause(0.25):
            pass

    def reset(self) -> None:
        """Close with a TCP reset (RST) instead of an orderly FIN."""
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self._sock.close()
        self.was_reset = True


Behaviour = Callable[[Exchange], None]
"""How the server answers one request."""


class HostileServer:
    """A scripted HTTP/1.1 server on 127.0.0.1, started and stopped by its owner.

    `serve` routes requests (by method and exact path, the last matching rule wins) to
    behaviours; unrouted requests get a 404. ``received`` lists every request in arrival order.
    """

    def __init__(self, *, give_up: float = 8.0) -> None:
        self.give_up = give_up
        self.stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._routes: list[tuple[str | None, str | None, Behaviour]] = []
        self._received: list[Received] = []
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._acceptor: threading.Thread | None = None
        self.port = 0

    # --- life cycle ---------------------------------------------------------------------------
    def start(self) -> HostileServer:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind((HOST, 0))
        listener.listen(64)
        listener.settimeout(0.05)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._acceptor = threading.Thread(
            target=self._accept, name=f"hostile-server:{self.port}", daemon=True
        )
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """End every exchange (each connection is shut down) and stop listening."""
        self.stopping.set()
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes a blocked accept (Linux)
        if self._acceptor is not None:
            self._acceptor.join(timeout=2)
        if self._listener is not None:
            self._listener.close()
        with self._lock:
            connections = list(self._connections)
            threads = list(self._threads)
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout=2)

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- script and record --------------------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    def url(self, path: str = "") -> str:
        """A URL on this server (*path* may hold a query string)."""
        return self.origin + path

    def serve(
        self, behaviour: Behaviour, *, method: str | None = None, path: str | None = None
    ) -> HostileServer:
        """Answer requests with this *method* and exact *path* (None: any) with *behaviour*."""
        with self._lock:
            self._routes.append((method, path, behaviour))
        return self

    @property
    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """How many requests with this method and path (None: any) arrived."""
        return sum(
            1
            for request in self.received
            if (method is None or request.method == method)
            and (path is None or request.path == path)
        )

    # --- serving ------------------------------------------------------------------------------
    def _accept(self) -> None:
        assert self._listener is not None
        while not self.stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(
                target=self._handle, args=(sock,), name=f"hostile-exchange:{self.port}", daemon=True
            )
            with self._lock:
                self._connections.add(sock)
                self._threads.append(thread)
            thread.start()

    def _behaviour(self, request: Received) -> Behaviour:
        with self._lock:
            routes = list(self._routes)
        for method, path, behaviour in reversed(routes):
            if (method is None or method == request.method) and (
                path is None or path == request.path
            ):
                return behaviour
        return respond(404, b'{"error": {"code": "NotFound", "message": "no route"}}')

    def _handle(self, sock: socket.socket) -> None:
        exchange: Exchange | None = None
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(5.0)
            request = _read_request(sock)
            if request is None:
                return
            with self._lock:
                self._received.append(request)
            exchange = Exchange(self, sock, request)
            self._behaviour(request)(exchange)
        except OSError:
            pass  # the client went away (or the server is stopping): nothing to answer
        finally:
            with self._lock:
                self._connections.discard(sock)
            if exchange is None or not exchange.was_reset:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_WR)
                sock.close()


def _read_request(sock: socket.socket) -> Received | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > MAX_HEAD:
            return None
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = [*lines[0].split(" ", 2), "", ""][:3]
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(body) < length:
        chunk = sock.recv(min(65536, length - len(body)))
        if not chunk:
            break
        body += chunk
    return Received(method, target, headers, body, head + b"\r\n\r\n" + body)


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Whatever"


def dead_url(path: str = "/") -> str:
    """A loopback URL on a port nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    return f"http://{HOST}:{port}{path}"


# --- behaviours: answers that are well-formed HTTP --------------------------------------------
def respond(
    status: int = 200,
    body: bytes = b"",
    *,
    content_type: str = "application/json",
    headers: Mapping[str, str] | None = None,
) -> Behaviour:
    """A complete answer with a truthful ``Content-Length``."""

    def behaviour(exchange: Exchange) -> None:
        fields = {"Content-Type": content_type, "Content-Length": str(len(body)), **(headers or {})}
        exchange.head(status, fields)
        exchange.send(body)

    return behaviour


def json_response(
    value: object, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> Behaviour:
    return respond(status, json.dumps(value).encode(), headers=headers)


def redirect(location: str, *, status: int = 302) -> Behaviour:
    return respond(status, b"", headers={"Location": location})


def sequence(*behaviours: Behaviour) -> Behaviour:
    """The n-th request gets the n-th behaviour; the last one answers every request after."""
    served = [0]
    lock = threading.Lock()

    def behaviour(exchange: Exchange) -> None:
        with lock:
            index = min(served[0], len(behaviours) - 1)
            served[0] += 1
        behaviours[index](exchange)

    return behaviour


def echo_request(status: int, *, html: bool = False) -> Behaviour:
    """An error answer that quotes the request it got, headers and all (``Authorization`` too)."""

    def behaviour(exchange: Exchange) -> None:
        request = exchange.request
        head = request.raw.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        if html:
            body = (
                f"<html><head><title>{status} {_reason(status)}</title></head><body>"
                f"<h1>{status} {_reason(status)}</h1><p>Your request was:</p><pre>{head}</pre>"
                f"<p>Authorization: {request.headers.get('authorization', '')}</p></body></html>"
            ).encode()
            content_type = "text/html; charset=utf-8"
        else:
            body = json.dumps(
                {
                    "error": {
                        "code": f"Echo{status}",
                        "message": f"rejected: {head}",
                        "type": request.headers.get("authorization", ""),
                    },
                    "code": request.headers.get("authorization", ""),
                    "message": f"rejected: {head}",
                    "detail": {"message": head, "headers": dict(request.headers)},
                    "request_headers": dict(request.headers),
                }
            ).encode()
            content_type = "application/json"
        fields = {
            "Content-Type": content_type,
            "Content-Length": str(len(body)),
            "X-Request-Id": request.headers.get("authorization", "none"),
            "X-Echo-Authorization": request.headers.get("authorization", ""),
        }
        exchange.head(status, fields)
        exchange.send(body)

    return behaviour


# --- behaviours: bodies too large, or lying about their size ---------------------------------
def endless(
    *, prefix: bytes = JSON_OPENING, filler: bytes = FILLER, content_type: str = "application/json"
) -> Behaviour:
    """A body with no length that never ends: *prefix*, then *filler* until the client leaves."""

    def behaviour(exchange: Exchange) -> None:
        exchange.head(200, {"Content-Type": content_type})
        exchange.send(prefix)
        while exchange.alive:
            exchange.send(filler)

    return behaviour


def huge(total: int, *, prefix: bytes = JSON_OPENING, chunked: bool = True) -> Behaviour:
    """A JSON body of exactly *total* bytes, streamed (never built): chunked, or with its true
    ``Content-Length``."""
    suffix = b'"}'
    framed = b"%x\r\n%s\r\n" % (len(FILLER), FILLER)

    def behaviour(exchange: Exchange) -> None:
        if chunked:
            exchange.head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        else:
            exchange.head(200, {"Content-Type": "application/json", "Content-Length": str(total)})

        def send(data: bytes) -> None:
            if data:
                exchange.send(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)

        send(prefix)
        left = total - len(prefix) - len(suffix)
        while left >= len(FILLER) and exchange.alive:
            exchange.send(framed if chunked else FILLER)
            left -= len(FILLER)
        if not exchange.alive:
            return
        send(FILLER[:left])
        send(suffix)
        if chunked:
            exchange.send(b"0\r\n\r\n")

    return behaviour


def lying_length(claimed: int, body: bytes) -> Behaviour:
    """``Content-Length: claimed`` over a short *body*, then silence until the client leaves."""

    def behaviour(exchange: Exchange) -> None:
        exchange.head(200, {"Content-Type": "application/json", "Content-Length": str(claimed)})
        exchange.send(body)
        exchange.hold()

    return behaviour


def gzip_response(compressed: bytes, *, content_type: str = "application/json") -> Behaviour:
    """*compressed* as a ``Content-Encoding: gzip`` body with its true (compressed) length."""

    def behaviour(exchange: Exchange) -> None:
        fields = {
            "Content-Type": content_type,
            "Content-Encoding": "gzip",
            "Content-Length": str(len(compressed)),
        }
        exchange.head(200, fields)
        exchange.send(compressed)

    return behaviour


def gzip_bomb(inflated: int = 2**30, *, block: int = 2**20) -> bytes:
    """A gzip member of about ``inflated / 1000`` bytes that inflates to a JSON object holding one
    string of *inflated* bytes (``{"id": "000…"}``). Built without ever holding the inflated
    data: after a full flush deflate output depends only on its input, so one compressed block
    of *block* zeros is repeated."""
    opening, closing, zeros = b'{"id": "', b'"}', b"0" * block
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(opening) + deflate.flush(zlib.Z_FULL_FLUSH)
    repeated = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    last = deflate.compress(closing) + deflate.flush(zlib.Z_FINISH)
    blocks = inflated // block
    crc = zlib.crc32(opening)
    for _ in range(blocks):
        crc = zlib.crc32(zeros, crc)
    crc = zlib.crc32(closing, crc)
    size = len(opening) + blocks * block + len(closing)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF)
    return header + first + repeated * blocks + last + trailer


# --- behaviours: too slow, or never finishing ------------------------------------------------
def trickle_body(
    interval: float = 0.5,
    *,
    declared: int = 1_000_000,
    content_type: str = "application/json",
    body: bytes = JSON_OPENING + FILLER,
) -> Behaviour:
    """Status line and headers at once (``Content-Length: declared``), then one byte of *body*
    every *interval* seconds: the body never completes."""

    def behaviour(exchange: Exchange) -> None:
        exchange.head(200, {"Content-Type": content_type, "Content-Length": str(declared)})
        index = 0
        while exchange.pause(interval):
            exchange.send(body[index % len(body) : index % len(body) + 1])
            index += 1

    return behaviour


def trickle_head(interval: float = 0.5) -> Behaviour:
    """The status line, then the headers one byte every *interval* seconds, never ending."""
    header = b"Content-Type: application/json\r\nX-Trickle: " + FILLER

    def behaviour(exchange: Exchange) -> None:
        exchange.send(b"HTTP/1.1 200 OK\r\n")
        index = 0
        while exchange.pause(interval):
            exchange.send(header[index % len(header) : index % len(header) + 1])
            index += 1

    return behaviour


def stall(
    status: int = 200,
    first: bytes = b"",
    *,
    declared: int | None = None,
    content_type: str = "video/mp4",
) -> Behaviour:
    """Headers and the *first* bytes of the body, then not another byte."""

    def behaviour(exchange: Exchange) -> None:
        fields = {"Content-Type": content_type}
        if declared is not None:
            fields["Content-Length"] = str(declared)
        exchange.head(status, fields)
        exchange.send(first)
        exchange.hold()

    return behaviour


def hang() -> Behaviour:
    """Read the request and never answer."""

    def behaviour(exchange: Exchange) -> None:
        exchange.hold()

    return behaviour


def reset() -> Behaviour:
    """Read the request, then reset the connection without a word."""

    def behaviour(exchange: Exchange) -> None:
        exchange.reset()

    return behaviour


# --- behaviours: files that are not what they say --------------------------------------------
def cut_off(body: bytes, at: int, *, content_type: str = "video/mp4") -> Behaviour:
    """No ``Content-Length``; the first *at* bytes of *body*, then the connection is closed."""

    def behaviour(exchange: Exchange) -> None:
        exchange.head(200, {"Content-Type": content_type})
        exchange.send(body[:at])

    return behaviour


def longer_than_declared(
    body: bytes, declared: int, *, content_type: str = "video/mp4"
) -> Behaviour:
    """``Content-Length: declared`` (less than the body), then the whole *body* anyway."""

    def behaviour(exchange: Exchange) -> None:
        exchange.head(200, {"Content-Type": content_type, "Content-Length": str(declared)})
        exchange.send(body)

    return behaviour
