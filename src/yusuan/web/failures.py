"""An exception no handler took: a Chinese 500 for the client, and for the log the method, the path and
where it happened — never the request's body, query or headers, nor the exception's message (a driver's
or a parser's message may quote what was sent: a password, a file)."""

from __future__ import annotations

import json
import logging

from yusuan.store.jobs import describe

log = logging.getLogger("yusuan.web")
MESSAGE = "服务器内部错误，请稍后再试；如果一再出现，请告诉管理员出错的时间和操作"


class InternalErrors:
    """ASGI middleware, outermost of the application's own: Starlette's last resort would log the whole
    exception (message included) and re-raise it to the server, which logs it again."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watched(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as e:
            log.error("500 %s %s: %s", scope.get("method", ""), scope.get("path", ""), describe(e))
            if not started:
                await _answer(send)


async def _answer(send) -> None:
    body = json.dumps({"detail": MESSAGE}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 500,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
