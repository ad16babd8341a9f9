"""The polite link checker behind `manage.py check_links`.

At most `concurrency` requests at once, and one request at a time per host with `delay`
seconds between them; HEAD first, GET when a server refuses HEAD (405, 403, 501); a timeout
per request; redirects followed up to `max_redirects`. Standard library only.

The addresses are contributors' text: unless `allow_private` (an intranet deployment, the
tests' local server), an address whose host resolves to anything but a public IP address
(loopback, private networks, link-local such as cloud metadata) is refused before any
request, and so is a redirect to one.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from http.client import HTTPMessage
    from typing import IO

USER_AGENT = "HealthDisparitiesToolkit-LinkCheck/1.0 (+editors; currency review)"
RETRY_WITH_GET = {403, 405, 501}
NOT_PUBLIC = "Not a public address: not checked"


def require_public_host(url: str) -> None:
    """ValueError unless every address the URL's host resolves to is a public one."""
    host = urlsplit(url).hostname
    if not host:
        raise ValueError("No host in the address")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise urllib.error.URLError(error) from None
    for info in infos:
        if not ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_global:
            raise ValueError(NOT_PUBLIC)


@dataclass(frozen=True)
class Outcome:
    url: str
    status: int | None
    error: str
    final_url: str

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400 and not self.error


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects up to a limit, keeping HEAD a HEAD."""

    def __init__(self, limit: int, allow_private: bool) -> None:
        # class attributes in urllib; one limit per checker here
        self.max_redirections = limit  # type: ignore[misc]
        self.max_repeats = limit  # type: ignore[misc]
        self.allow_private = allow_private

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not self.allow_private:
            require_public_host(newurl)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


class HostPacer:
    """One request at a time per host, `delay` seconds apart."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}

    def run(self, host: str, call: Callable[[], Outcome]) -> Outcome:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return call()
            finally:
                self._last[host] = time.monotonic()


class LinkChecker:
    def __init__(
        self,
        *,
        concurrency: int = 4,
        delay: float = 1.0,
        timeout: float = 10.0,
        max_redirects: int = 5,
        allow_private: bool = False,
    ) -> None:
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.allow_private = allow_private
        self.pacer = HostPacer(delay)
        self.opener = urllib.request.build_opener(_Redirects(max_redirects, allow_private))
        self.opener.addheaders = [("User-Agent", USER_AGENT)]

    def _request(self, url: str, method: str) -> tuple[int, str]:
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError("Not an http(s) address")
        if not self.allow_private:
            require_public_host(url)
        request = urllib.request.Request(url, method=method)  # noqa: S310 - http(s) only
        with self.opener.open(request, timeout=self.timeout) as response:
            if method == "GET":
                response.read(1024)  # a little of the body: the connection is then closed
            return response.status, response.geturl()

    def fetch(self, url: str) -> Outcome:
        """HEAD, then GET if the server refuses HEAD: the status after redirects, or the error."""
        try:
            try:
                status, final = self._request(url, "HEAD")
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_WITH_GET:
                    raise
                status, final = self._request(url, "GET")
            return Outcome(url, status, "", final)
        except urllib.error.HTTPError as error:
            message = "Too many redirects" if 300 <= error.code < 400 else ""
            return Outcome(url, error.code, message, error.geturl() or url)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            text = (
                "Timed out"
                if isinstance(reason, TimeoutError) or "timed out" in str(reason)
                else str(reason)
            )
            return Outcome(url, None, text or type(error).__name__, url)

    def check(self, url: str) -> Outcome:
        host = urlsplit(url).hostname or ""
        return self.pacer.run(host, lambda: self.fetch(url))

    def check_all(
        self, urls: Iterable[str], on_done: Callable[[Outcome], None] | None = None
    ) -> dict[str, Outcome]:
        """Check each distinct address once; `on_done` is called per outcome (progress)."""
        distinct = list(dict.fromkeys(urls))
        results: dict[str, Outcome] = {}
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            for outcome in pool.map(self.check, distinct):
                results[outcome.url] = outcome
                if on_done:
                    on_done(outcome)
        return results
