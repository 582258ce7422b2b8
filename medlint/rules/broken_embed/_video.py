"""YouTube and Vimeo URL shapes, shared by the embed rules."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

YT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{5,12}$")
YT_HOSTS = re.compile(r"^(?:www\.|m\.)?(?:youtube\.com|youtube-nocookie\.com)$", re.I)


def iframe_src(el) -> str:
    for k in ("src", "data-src", "data-lazy-src", "data-original"):
        v = (el.attrs.get(k) or "").strip()
        if v:
            return v
    return ""


def video_id(url: str) -> tuple[str, str] | None:
    """('youtube'|'vimeo', id as written) for an embed-player URL, else None."""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = parts.path
    if YT_HOSTS.match(host) and path.startswith("/embed"):
        rest = path[len("/embed"):].strip("/")
        if rest in ("videoseries", "live_stream") or (not rest and "list" in parse_qs(parts.query)):
            return None  # playlists and live streams have no video id
        return "youtube", rest
    if host == "player.vimeo.com" and path.startswith("/video"):
        return "vimeo", path[len("/video"):].strip("/")
    return None


def bad_id(service: str, vid: str) -> bool:
    return not (YT_ID if service == "youtube" else VIMEO_ID).match(vid)
