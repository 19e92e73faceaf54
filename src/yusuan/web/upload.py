"""The upload size limit, enforced while the request body arrives (before it is parsed or stored)."""

from __future__ import annotations

import json

from yusuan.store.db import StoreError


class UploadTooLarge(StoreError):
    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"上传的文件过大：超过 {limit / 2**20:g} MB 的上限")


class UploadLimit:
    """ASGI middleware: a POST to an upload path whose body exceeds the limit gets 413 — at once when
    Content-Length says so, otherwise as soon as the streamed bytes pass it."""

    def __init__(self, app, *, limit: int, paths: tuple[str, ...] = ("/api/disclosures",)):
        self.app, self.limit, self.paths = app, limit, paths
        self.slack = 64 * 1024  # multipart boundaries and form fields around the files

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit + self.slack:
            return await _reject(send, self.limit)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit + self.slack:
                    raise UploadTooLarge(self.limit)
            return message

        return await self.app(scope, counted, send)


async def _reject(send, limit: int) -> None:
    body = json.dumps({"detail": str(UploadTooLarge(limit))}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
