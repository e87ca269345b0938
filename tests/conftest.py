"""Shared fixtures: the site built once per session, served on 127.0.0.1, and a browser."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_support import ROOT, SITE_PATH, mkdocs_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's own site, built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site under its site_url path; a missing file gets 404.html, as on
    GitHub Pages."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(SITE_PATH):
            return str(Path(self.directory) / "\0outside")
        return super().translate_path("/" + url_path[len(SITE_PATH):])

    def send_error(self, code, message=None, explain=None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_server(built_site):
    """Base URL of the built site, served by a threaded http.server on 127.0.0.1."""
    server = ThreadingHTTPServer((LOCAL_HOST, 0), partial(SiteHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_address[1]}{SITE_PATH}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make system-deps` as root"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """One browser page that records what a reader would not want: requests leaving
    127.0.0.1 (blocked) and console errors."""

    page: object
    offsite: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.offsite == [], f"requests left {LOCAL_HOST}: {self.offsite}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def tab(browser):
    context = browser.new_context(locale="ko-KR", service_workers="block")
    page = context.new_page()
    the_tab = Tab(page)

    def route(route):
        if urlsplit(route.request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            the_tab.offsite.append(route.request.url)
            route.abort()

    def console(message):
        if message.type == "error":
            where = message.location.get("url", "")
            the_tab.console_errors.append(f"{message.text} ({where})")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda error: the_tab.console_errors.append(f"page error: {error}"))
    page.set_default_timeout(15_000)
    yield the_tab
    context.close()
