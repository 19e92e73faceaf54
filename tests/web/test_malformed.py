"""Malformed requests answer 422 in Chinese; what was sent (a password above all) reaches neither the
answer's echo nor the server's log; an unexpected error is a Chinese 500 whose log line has no message."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi import Request

from tests.web.conftest import RoleClient

SECRET = "Pa55-word-in-the-body"

BODIES = {  # (content-type, body) of a login
    "form-encoded": ("application/x-www-form-urlencoded", f"username=admin&password={SECRET}".encode()),
    "JSON cut short": ("application/json", f'{{"username": "admin", "password": "{SECRET}"'.encode()),
    "not UTF-8": ("application/json", f'{{"username": "admin\xff", "password": "{SECRET}"}}'.encode("latin-1")),
    "a list": ("application/json", json.dumps(["admin", SECRET]).encode()),
    "wrong type": ("application/json", json.dumps({"username": ["admin"], "password": {"p": SECRET}}).encode()),
    "no password": ("application/json", json.dumps({"username": SECRET}).encode()),
    "text/plain": ("text/plain", f"admin {SECRET}".encode()),
    "empty": ("application/json", b""),
}


@pytest.mark.parametrize("kind", BODIES)
def test_a_malformed_login_gets_422_and_the_password_goes_nowhere(world, kind, caplog):
    content_type, body = BODIES[kind]
    c = RoleClient(world.app, "public", None, ip="10.8.0.1")
    with caplog.at_level(logging.DEBUG):
        r = c.post("/api/login", content=body, headers={"content-type": content_type})
    assert r.status_code == 422, r.text
    assert r.json()["detail"].startswith("请求参数不正确：")
    assert SECRET not in r.text
    assert SECRET not in caplog.text


def test_a_wrong_password_is_logged_nowhere(world, caplog):
    c = RoleClient(world.app, "public", None, ip="10.8.0.2")
    with caplog.at_level(logging.DEBUG):
        r = c.post("/api/login", json={"username": "admin", "password": SECRET})
    assert r.status_code == 401 and SECRET not in caplog.text


def test_a_malformed_body_to_other_json_endpoints_gets_422(world):
    admin, draft = world.clients["admin"], world.ids["draft"]
    for method, url in (("POST", "/api/users"), ("PATCH", f"/api/disclosures/{draft}"),
                        ("POST", f"/api/disclosures/{draft}/comments")):
        for body in (b"{", b"\xff\xfe", b"[]"):
            r = admin.request(method, url, content=body, headers={"content-type": "application/json"})
            assert r.status_code == 422 and r.json()["detail"].startswith("请求参数不正确："), (method, url, body, r.text)


def test_an_unexpected_error_is_a_chinese_500_and_its_message_stays_out_of_the_log(world, caplog):
    from yusuan.web import create_app

    app = create_app(world.store)

    async def fails(request: Request):
        raise ValueError(f"the body was {(await request.body()).decode()}")  # as a driver's message may

    app.add_api_route("/api/fails", fails, methods=["POST"])
    with caplog.at_level(logging.DEBUG):
        r = RoleClient(app, "public", None).post("/api/fails", content=SECRET.encode())
    assert r.status_code == 500 and r.json()["detail"].startswith("服务器内部错误")
    assert "500 POST /api/fails" in caplog.text and "builtins.ValueError" in caplog.text  # where, and what
    assert SECRET not in caplog.text and SECRET not in r.text
