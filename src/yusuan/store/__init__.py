"""The database: bodies, versioned disclosures with their tables, cells, narrative and findings, and the
workspace around them (accounts, sessions, comments, audit log).

`Store` opens a database (SQLite by default, PostgreSQL by URL) and runs the migrations;
`repository` writes (ingest, publish, comment, accounts); `queries` reads for the web layer and anyone
else; `access` says who may see and do what.
"""

from yusuan.store.db import Store, StoreError
from yusuan.store.location import default_url, locate

__all__ = ["Store", "StoreError", "default_url", "locate"]
