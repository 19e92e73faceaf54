"""Settings of one web application, validated once."""

from __future__ import annotations

from dataclasses import dataclass

MAX_UPLOAD_BYTES = 50 * 2**20  # a disclosure PDF is a few MB; scanned ones reach tens of MB
SESSION_COOKIE = "yusuan_session"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True, slots=True)
class WebSettings:
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_upload_files: int = 2  # a text part and a tables part
    cookie_secure: bool = False  # set when served over HTTPS (behind a proxy)
    session_cookie: str = SESSION_COOKIE
    title: str = "yusuan 预算公开"

    def __post_init__(self):
        if self.max_upload_bytes <= 0:
            raise ValueError("max_upload_bytes must be positive")
        if self.max_upload_files < 1:
            raise ValueError("max_upload_files must be at least 1")
