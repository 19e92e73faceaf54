"""Which database: one setting for `yusuan serve`, `yusuan db …`, the scripts and anyone opening a Store.

In order: the `--db` option of a command; the environment variable YUSUAN_DB; the `db` key of the
configuration file $YUSUAN_HOME/config.toml; else the SQLite file $YUSUAN_HOME/yusuan.db.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from yusuan.catalog.store import user_home

ENV = "YUSUAN_DB"


class SettingError(Exception):
    """The configuration file cannot be read; str(e) is one Chinese line."""


@dataclass(frozen=True, slots=True)
class Location:
    url: str
    source: str  # where the setting came from, in Chinese: 选项 --db, 环境变量 YUSUAN_DB, 配置文件 …, 默认

    @property
    def from_option(self) -> bool:
        return self.source == "选项 --db"


def config_path() -> Path:
    return user_home() / "config.toml"


def default_url() -> str:
    return f"sqlite:///{user_home() / 'yusuan.db'}"


def locate(option: str | None = None) -> Location:
    """The database a command opens: `option` (its --db) when given, else the shared setting."""
    if option:
        return Location(option, "选项 --db")
    if url := os.environ.get(ENV, "").strip():
        return Location(url, f"环境变量 {ENV}")
    path = config_path()
    if path.is_file():
        try:
            config = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise SettingError(f"配置文件 {path} 无法读取：{e}") from None
        url = config.get("db")
        if url is not None:
            if not isinstance(url, str) or not url.strip():
                raise SettingError(f"配置文件 {path} 中的 db 应为数据库地址字符串，如 db = \"sqlite:///路径\"")
            return Location(url.strip(), f"配置文件 {path}")
    return Location(default_url(), "默认")
