"""The web workspace and its JSON API (FastAPI): a thin layer over yusuan.store.

Each view fetches one context dict from the store (`yusuan.store.queries`, `yusuan.store.aggregate`)
and hands it over: the API returns it as JSON, a page renders it with a template.
"""

from yusuan.web.app import create_app

__all__ = ["create_app"]
