"""The public cache: what the pages and API addresses that read disclosures answer to the public (a
request without a session cookie), kept in memory per server process, keyed by the address and the data
generation (store/generation.py), gzip'd once and given an ETag. A repeated request then costs learning
the generation (`Store.generation`: from memory on PostgreSQL while the app runs, store/listener.py; one
short read on SQLite) and a dictionary lookup, no ORM session; a browser revalidating its copy gets a
304. The whole policy lives here:

- only GET requests for the addresses of `CACHED`, and only answers 200 that set no cookie;
- the public only: a request carrying the session cookie (valid or not) is never answered from the
  cache and its answer is never kept, and it goes out `Cache-Control: private, no-store`, so neither this
  cache nor a shared one in between ever hands a draft to someone else (the public's answers hold only
  what store/access.py shows the public);
- a public answer goes out `Cache-Control: public, no-cache` (a new version may be published at any
  moment: every use is revalidated), `Vary: Cookie, Accept-Encoding` and a weak ETag of its bytes;
- every change of the data the public reads raises the generation in the transaction that makes it
  (publication, new version, status or identity change): the first request that learns the new value
  empties the cache. Several processes each keep their own cache and all follow the one generation. A
  request learns of a change committed by this process at once, of one committed by another when it
  reads the generation (SQLite; PostgreSQL while its listener is away) or once PostgreSQL's notice of
  that commit has reached this process (sent at the commit: store/listener.py says exactly what holds);
- bounded by bytes (least recently used out first); requests for an address being filled wait for it
  instead of computing it again.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.requests import cookie_parser

# addresses whose public answer depends on the stored data and the address alone
CACHED = re.compile(r"""^/(?:
      disclosures/\d+
    | bodies/\d+
    | search
    | compare
    | api/(?:
          disclosures(?:/\d+(?:/(?:tables|findings|cells\.csv|disclosure\.json|report\.json|checklist\.xlsx
                                   |document\.[a-z]+))?)?
        | bodies(?:/\d+)?
        | tables/\d+
        | files/\d+
        | cells | aggregate | findings | search\.csv)
)?$""", re.VERBOSE)
PUBLIC = b"public, no-cache"  # kept by anyone, revalidated at every use
PRIVATE = b"private, no-store"  # a signed-in user's answer: kept by no one
VARY = b"Cookie, Accept-Encoding"
COMPRESSIBLE = (b"text/", b"application/json", b"application/javascript")
MIN_GZIP = 1024  # bytes: smaller bodies go out as they are
DROPPED = {b"content-length", b"content-encoding", b"etag", b"cache-control", b"vary"}


@dataclass(slots=True, frozen=True)
class Entry:
    headers: tuple[tuple[bytes, bytes], ...]  # the answer's own, less those this module writes
    body: bytes
    gzipped: bytes | None
    etag: bytes

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"") + sum(len(k) + len(v) for k, v in self.headers) + 200

    @classmethod
    def of(cls, headers: list[tuple[bytes, bytes]], body: bytes) -> Entry:
        kept = tuple((k, v) for k, v in headers if k.lower() not in DROPPED)
        media = next((v for k, v in kept if k.lower() == b"content-type"), b"")
        gzipped = None
        if len(body) >= MIN_GZIP and media.startswith(COMPRESSIBLE):
            gzipped = gzip.compress(body, compresslevel=6, mtime=0)
            if len(gzipped) >= len(body):
                gzipped = None
        return cls(kept, body, gzipped, b'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"')


class Entries:
    """Entries of one generation, least recently used first, at most `max_bytes` together."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.items: OrderedDict[str, Entry] = OrderedDict()
        self.size = 0
        self.generation: int | None = None

    def at(self, generation: int) -> None:
        """Drop everything when the data have changed since the entries were made."""
        if generation != self.generation:
            self.items.clear()
            self.size = 0
            self.generation = generation

    def get(self, key: str) -> Entry | None:
        entry = self.items.get(key)
        if entry is not None:
            self.items.move_to_end(key)
        return entry

    def put(self, key: str, entry: Entry, generation: int) -> None:
        if generation != self.generation or entry.size > self.max_bytes // 4:
            return  # made from older data than the cache now holds, or too large to keep
        old = self.items.pop(key, None)
        if old is not None:
            self.size -= old.size
        self.items[key] = entry
        self.size += entry.size
        while self.size > self.max_bytes:
            _, dropped = self.items.popitem(last=False)
            self.size -= dropped.size


class PublicCache:
    """ASGI middleware: the public cache (see the module's description)."""

    def __init__(self, app, store, cookie: str, max_bytes: int):
        self.app = app
        self.store = store
        self.cookie = cookie
        self.entries = Entries(max_bytes)
        self.filling: dict[tuple[str, int], asyncio.Future] = {}

    async def __call__(self, scope, receive, send):
        if (scope["type"] != "http" or scope["method"] != "GET" or self.entries.max_bytes <= 0
                or not CACHED.match(scope["path"])):
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        if self.cookie in cookie_parser(headers.get("cookie", "")):
            return await self.app(scope, receive, _with(send, PRIVATE, b"Cookie"))
        try:
            generation = self.store.generation()  # from memory, or a short read (store/listener.py)
        except Exception:  # the database is away: the application answers (and fails) as without the cache
            return await self.app(scope, receive, _with(send, b"no-store", b"Cookie"))
        self.entries.at(generation)
        # the host too: no answer made for one Host header is ever served to another (no page uses it today)
        key = f'{headers.get("host", "")} {scope["path"]}?{scope["query_string"].decode("latin-1")}'
        entry = self.entries.get(key) or await self._fill(key, generation, scope, receive, send)
        if entry is not None:
            await _answer(entry, headers, send)

    async def _fill(self, key: str, generation: int, scope, receive, send) -> Entry | None:
        """The entry made by the application's answer; None when that answer was not one to keep (it has
        been sent as it was). Requests for an address being filled wait for that answer."""
        waiting = self.filling.get((key, generation))
        if waiting is not None:
            entry = await asyncio.shield(waiting)
            if entry is not None:
                return entry
            await self.app(scope, receive, _with(send, b"no-store", b"Cookie"))
            return None
        future = asyncio.get_running_loop().create_future()
        self.filling[key, generation] = future
        entry = None
        try:
            start, chunks = None, []

            async def keep(message):
                nonlocal start
                if message["type"] == "http.response.start":
                    start = message
                elif message["type"] == "http.response.body":
                    chunks.append(message.get("body", b""))

            await self.app(scope, receive, keep)
            heads = list(start["headers"]) if start else []
            if start is not None and start["status"] == 200 and not any(
                    k.lower() in (b"set-cookie", b"content-encoding") for k, _ in heads):
                entry = Entry.of(heads, b"".join(chunks))
                self.entries.put(key, entry, generation)
                return entry
            if start is not None:
                await _with(send, b"no-store", b"Cookie")(start)
                await send({"type": "http.response.body", "body": b"".join(chunks)})
            return None
        finally:
            del self.filling[key, generation]
            future.set_result(entry)


async def _answer(entry: Entry, request: Headers, send) -> None:
    """200 with the entry's body (gzip'd when the client takes it), or 304 when the client holds it."""
    common = [(b"etag", entry.etag), (b"cache-control", PUBLIC), (b"vary", VARY)]
    if _matches(request.get("if-none-match", ""), entry.etag):
        await send({"type": "http.response.start", "status": 304, "headers": common})
        await send({"type": "http.response.body", "body": b""})
        return
    body, extra = entry.body, []
    if entry.gzipped is not None and _takes_gzip(request.get("accept-encoding", "")):
        body, extra = entry.gzipped, [(b"content-encoding", b"gzip")]
    headers = [*entry.headers, *common, *extra, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _with(send, cache_control: bytes, vary: bytes):
    """`send` adding Cache-Control (unless the answer has one) and Vary to the answer's headers."""

    async def sending(message):
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            if b"cache-control" not in names:
                headers.append((b"cache-control", cache_control))
            if b"vary" not in names:
                headers.append((b"vary", vary))
            message = {**message, "headers": headers}
        await send(message)

    return sending


def _matches(if_none_match: str, etag: bytes) -> bool:
    """Weak comparison (RFC 9110 13.1.2): the tags equal without their W/ marks, or `*`."""
    if not if_none_match:
        return False
    ours = etag.decode().removeprefix("W/")
    return any(t.strip() == "*" or t.strip().removeprefix("W/") == ours for t in if_none_match.split(","))


def _takes_gzip(accept_encoding: str) -> bool:
    for part in accept_encoding.lower().split(","):
        name, _, params = part.partition(";")
        if name.strip() == "gzip":
            q = params.strip().removeprefix("q=")
            try:
                return not params.strip() or float(q) > 0
            except ValueError:
                return False
    return False
