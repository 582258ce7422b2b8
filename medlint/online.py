"""The opt-in online link check (``medlint check --online``). Nothing here runs by default.

Guarantees:
- http and https only; other schemes are never requested.
- Every host is resolved first and every address it resolves to is vetted: private,
  loopback, link-local, multicast, reserved and unspecified addresses are refused unless
  the host, the address or its network is explicitly allowed (``--allow-host``). The
  connection is then made to the vetted address itself (the TLS name and Host header stay
  the original host), so a second DNS answer cannot redirect it; every redirect hop is
  vetted again.
- Timeouts on connect and read, a cap on redirects, and at most ``max_bytes`` of any body
  are read.
- Concurrent (a thread pool), with a per-run cache shared by all files, so a URL is
  requested once per run.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None  # final HTTP status, None when no answer
    problem: str  # '' when the link answered without error
    final_url: str = ""


class Refused(Exception):
    pass


def _networks(allow) -> tuple[list, set]:
    nets, names = [], set()
    for a in allow or ():
        a = str(a).strip()
        if not a:
            continue
        try:
            nets.append(ipaddress.ip_network(a, strict=False))
        except ValueError:
            names.add(a.lower().rstrip("."))
    return nets, names


def _is_public(ip) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or getattr(ip, "is_site_local", False))


class LinkChecker:
    def __init__(self, *, timeout: float = 10, max_bytes: int = 1 << 20, max_redirects: int = 5,
                 allow_hosts=(), user_agent: str = "medlint-linkcheck", cache: dict | None = None,
                 resolver=None):
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)
        self.max_redirects = int(max_redirects)
        self.nets, self.names = _networks(allow_hosts)
        self.user_agent = user_agent
        self.cache = cache if cache is not None else {}
        self._resolve = resolver or socket.getaddrinfo

    # ------------------------------------------------------------------ safety

    def vet(self, host: str, port: int) -> str:
        """The address to connect to, or Refused."""
        host_l = host.lower().rstrip(".")
        try:
            infos = self._resolve(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise OSError(f"host not found ({exc.strerror or exc})") from None
        addrs = []
        for info in infos:
            try:
                addrs.append(ipaddress.ip_address(info[4][0].split("%", 1)[0]))
            except ValueError:
                continue
        if not addrs:
            raise OSError("host not found")
        for ip in addrs:
            if _is_public(ip) or host_l in self.names or any(ip in n for n in self.nets):
                continue
            raise Refused(f"refused: {host} resolves to the non-public address {ip} "
                          "(allow it with --allow-host)")
        return str(addrs[0])

    # ------------------------------------------------------------------ requests

    def _request(self, url: str) -> tuple[int, str]:
        parts = urlsplit(url)
        scheme = (parts.scheme or "").lower()
        if scheme not in ("http", "https"):
            raise Refused(f"refused: only http and https are checked, not {scheme or 'no'} "
                          "scheme")
        host = parts.hostname
        if not host:
            raise OSError("no host in the URL")
        port = parts.port or (443 if scheme == "https" else 80)
        ip = self.vet(host, port)
        conn = _connection(scheme, host, port, ip, self.timeout)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        try:
            conn.request("GET", path, headers={"User-Agent": self.user_agent,
                                               "Accept": "*/*", "Connection": "close"})
            resp = conn.getresponse()
            status = resp.status
            location = resp.getheader("Location") or ""
            resp.read(self.max_bytes)  # drain at most max_bytes, then drop the connection
        finally:
            conn.close()
        return status, location

    def check(self, url: str) -> Result:
        if url in self.cache:
            return self.cache[url]
        current = url
        status = None
        try:
            for _ in range(self.max_redirects + 1):
                status, location = self._request(current)
                if status in (301, 302, 303, 307, 308) and location:
                    current = urljoin(current, location)
                    continue
                break
            else:
                res = Result(url, status, f"more than {self.max_redirects} redirects", current)
                self.cache[url] = res
                return res
            problem = f"answered HTTP {status}" if status is not None and status >= 400 else ""
            res = Result(url, status, problem, current)
        except Refused as exc:
            res = Result(url, None, str(exc), current)
        except TimeoutError:
            res = Result(url, None, f"no answer within {self.timeout:g} s (timeout)", current)
        except ssl.SSLError as exc:
            res = Result(url, None, f"TLS error: {exc.reason or exc}", current)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            msg = str(exc) or type(exc).__name__
            res = Result(url, None, f"no answer: {msg}", current)
        self.cache[url] = res
        return res

    def check_many(self, urls, concurrency: int = 8) -> dict[str, Result]:
        todo = [u for u in dict.fromkeys(urls) if u not in self.cache]
        if todo:
            with ThreadPoolExecutor(max_workers=max(1, min(int(concurrency), len(todo)))) as ex:
                list(ex.map(self.check, todo))
        return {u: self.cache[u] for u in urls}


def _connection(scheme: str, host: str, port: int, ip: str, timeout: float):
    if scheme == "https":
        ctx = ssl.create_default_context()

        class _Pinned(http.client.HTTPSConnection):
            def connect(self):
                sock = socket.create_connection((ip, port), timeout)
                self.sock = ctx.wrap_socket(sock, server_hostname=host)

        return _Pinned(host, port, timeout=timeout, context=ctx)

    class _PinnedHTTP(http.client.HTTPConnection):
        def connect(self):
            self.sock = socket.create_connection((ip, port), timeout)

    return _PinnedHTTP(host, port, timeout=timeout)
