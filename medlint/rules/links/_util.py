"""Helpers shared by the link rules."""

from __future__ import annotations

from urllib.parse import urlsplit


def href(e) -> str:
    return (e.attrs.get("href") or "").strip()


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def host_matches(host: str, patterns) -> bool:
    for p in patterns or []:
        p = str(p).lower().strip()
        if p.startswith("*."):
            if host.endswith(p[1:]) or host == p[2:]:
                return True
        elif host == p or host.endswith("." + p):
            return True
    return False
