"""What the browser is told about an answer: nosniff on every one; original files with the type their
bytes were read as (an HTML file named .pdf is saved, never opened in the site's origin); the rendered
document and the API docs with a Content-Security-Policy."""

from __future__ import annotations

import re
import secrets

from tests.web.conftest import CORPUS, checked

TEXT = "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"


def _upload(world, name: str, content: bytes, client: str = "admin"):
    return world.clients[client].post("/api/disclosures", files=[("files", (name, content, "application/pdf"))],
                                      data={"body_id": world.ids["unit_c"]})


def _file_of(world, r) -> tuple:
    assert r.status_code == 201, r.text
    f = r.json()["files"][0]
    got = world.clients["admin"].get(f"/api/files/{f['id']}")
    return got.status_code, got.headers


def test_an_html_file_named_pdf_is_saved_not_opened(world):
    from yusuan.render import render

    doc, _, _ = checked(TEXT)
    html = render(doc, "html") + b"<script>alert(document.cookie)</script>" + _unique()
    status, headers = _file_of(world, _upload(world, "预算.pdf", html))
    assert status == 200
    assert headers["content-type"] == "application/octet-stream"
    assert headers["content-disposition"].startswith("attachment;")
    assert headers["x-content-type-options"] == "nosniff"


def test_a_text_with_svg_markup_named_pdf_is_shown_as_plain_text(world):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>\n'
    r = _upload(world, "图.pdf", svg + (CORPUS / TEXT).read_bytes() + _unique())
    if r.status_code == 400:  # refused at upload: as good
        return
    status, headers = _file_of(world, r)
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in headers["content-security-policy"]


def test_original_pdf_and_text_open_in_the_browser_as_what_they_are(world):
    pdf = _upload(world, "江苏.pdf", (CORPUS / "jiangsu-2019-gaoji-fayuan-budget.pdf").read_bytes() + _unique())
    status, headers = _file_of(world, pdf)
    assert headers["content-type"] == "application/pdf" and headers["content-disposition"].startswith("inline;")
    assert "content-security-policy" not in headers  # a sandboxed PDF would not open in Chromium's viewer
    text = _upload(world, "文本.txt", (CORPUS / TEXT).read_bytes() + _unique())
    status, headers = _file_of(world, text)
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert headers["content-disposition"].startswith("inline;")
    assert "sandbox" in headers["content-security-policy"]


def _unique() -> bytes:
    return f"\n% {secrets.token_hex(8)}\n".encode()


def test_every_answer_says_nosniff(world):
    public, published = world.clients["public"], world.ids["published"]
    for url in ("/", "/api/bodies", "/static/site.js", "/openapi.json", "/docs", "/api/disclosures/999999",
                f"/api/disclosures/{published}/cells.csv", f"/api/disclosures/{published}/disclosure.json",
                "/api/disclosures?limit=0", "/no/such/page"):
        r = public.get(url)
        assert r.headers.get("x-content-type-options") == "nosniff", (url, r.status_code)
    r = public.post("/api/login", content=b"{", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.headers["x-content-type-options"] == "nosniff"


def test_the_rendered_document_runs_no_script(world):
    r = world.clients["public"].get(f"/api/disclosures/{world.ids['published']}/document.html")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = _policy(r.headers["content-security-policy"])
    assert csp["default-src"] == ["'none'"] and "script-src" not in csp and "sandbox" in csp
    assert csp["style-src"] == ["'unsafe-inline'"]  # its own stylesheet, in the page


def test_the_api_docs_load_only_the_sites_own_scripts(world):
    r = world.clients["public"].get("/docs")
    csp = _policy(r.headers["content-security-policy"])
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", r.text, re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)


def _policy(header: str) -> dict[str, list[str]]:
    parts = [p.split() for p in header.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}
