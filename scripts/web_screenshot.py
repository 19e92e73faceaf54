"""Screenshot of a page of a running yusuan server, in Debian's Chromium (the README's picture):

    .venv/bin/yusuan serve --demo &
    .venv/bin/python scripts/web_screenshot.py http://127.0.0.1:8000/disclosures/4 docs/images/web-disclosure.png
"""

import shutil
import sys

from playwright.sync_api import sync_playwright


def main(url: str, out: str, width: int = 1400, height: int = 1500) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
        page.goto(url)
        page.wait_for_function("() => [...document.querySelectorAll('.plot[data-chart]')].every(p => p.dataset.settled)",
                               timeout=30_000)  # every chart drawn, its animation over, labels that do not fit hidden
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
