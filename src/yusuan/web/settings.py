"""Settings of one web application, validated once."""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import ip_network

MAX_UPLOAD_BYTES = 50 * 2**20  # a disclosure PDF is a few MB; scanned ones reach tens of MB
JOB_SECONDS = 120.0  # reading and checking the largest corpus publication takes under 2 s
JOB_MEMORY_BYTES = 2 * 2**30  # address space of the process reading one upload (about 0.2 GB before the file)
JOB_WORKERS = 2  # uploads read at the same time (each in its own process)
CACHE_BYTES = 64 * 2**20  # the public cache of one server process (web/cache.py); 0: none
SESSION_COOKIE = "yusuan_session"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True, slots=True)
class WebSettings:
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_upload_files: int = 2  # a text part and a tables part
    job_seconds: float = JOB_SECONDS  # an upload read past this is stopped (422)
    job_memory_bytes: int = JOB_MEMORY_BYTES  # an upload needing more to be read is stopped (413)
    job_workers: int = JOB_WORKERS
    cookie_secure: bool = False  # set when served over HTTPS (behind a proxy)
    trusted_proxies: tuple[str, ...] = ()  # addresses or networks whose X-Forwarded-For is believed
    session_cookie: str = SESSION_COOKIE
    cache_bytes: int = CACHE_BYTES  # public answers kept in memory (web/cache.py); 0 keeps none
    title: str = "yusuan 预算公开"

    def __post_init__(self):
        if self.max_upload_bytes <= 0:
            raise ValueError("max_upload_bytes must be positive")
        if self.max_upload_files < 1:
            raise ValueError("max_upload_files must be at least 1")
        if self.cache_bytes < 0:
            raise ValueError("cache_bytes must not be negative")
        if self.job_workers < 1:
            raise ValueError("job_workers must be at least 1")
        for proxy in self.trusted_proxies:
            ip_network(proxy, strict=False)  # ValueError when it is no address
