"""Headers that keep a browser from reading an answer as something else: `nosniff` on every answer, and
the Content-Security-Policies of the pages, of documents rendered from uploads and of original files."""

from __future__ import annotations

NOSNIFF = (b"x-content-type-options", b"nosniff")

# the site's pages load only their own scripts and styles; ECharts and Swagger UI set inline styles
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
# a disclosure rendered to HTML (its text comes from an upload): its own stylesheet, nothing else, and an
# origin of its own (sandbox), so even a script that slipped through could reach nothing of the site
DOCUMENT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                "form-action 'none'; frame-ancestors 'self'; sandbox")
# an original file shown in the browser as text
FILE_CSP = "default-src 'none'; sandbox"


class Nosniff:
    """ASGI middleware: `X-Content-Type-Options: nosniff` on every answer (JSON, files, static files,
    errors), so a browser never guesses HTML from the bytes of an upload or a download."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_header(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != NOSNIFF[0]]
                message = {**message, "headers": [*headers, NOSNIFF]}
            await send(message)

        await self.app(scope, receive, with_header)
