"""Screenshots of the demo for the README: the widget (desktop and phone, left-to-right and
right-to-left) and the moderator's desk (queue and stats). Needs Debian's chromium.

    .venv/bin/python bench/screenshots.py      # writes docs/screenshots/*.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, start_server  # noqa: E402

from majlis.demo import DEMO_MODERATOR, DEMO_PASSWORD  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHOTS = [
    ("widget-desktop-en.png", "/", {"width": 1280, "height": 1500}),
    ("widget-phone-en.png", "/", {"width": 390, "height": 1800}),
    ("widget-desktop-ar.png", "/ar", {"width": 1280, "height": 1300}),
    ("widget-phone-ar.png", "/ar", {"width": 390, "height": 1700}),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        process, server = start_server(Path(folder))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                for name, path, viewport in SHOTS:
                    page = browser.new_page(viewport=viewport)
                    page.goto(server.base + path)
                    page.wait_for_selector(".majlis .count")
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(OUT / name), full_page=True)
                    page.close()
                page = browser.new_page(viewport={"width": 1280, "height": 1100})
                page.goto(server.base + "/moderate/login")
                page.fill("#email", DEMO_MODERATOR)
                page.fill("#password", DEMO_PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_selector(".item")
                page.keyboard.press("j")
                page.screenshot(path=str(OUT / "desk-queue.png"), full_page=True)
                page.goto(server.base + "/moderate/stats")
                page.wait_for_selector("svg.chart")
                page.screenshot(path=str(OUT / "desk-stats.png"), full_page=True)
                page.goto(server.base + "/moderate?lang=ckb")  # the desk in Sorani, right to left
                page.wait_for_selector(".item")
                page.screenshot(path=str(OUT / "desk-queue-ckb.png"))
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
