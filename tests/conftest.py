"""Shared test helpers. Tests never read the clock: TODAY is passed explicitly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from medlint.config import Config
from medlint.engine import Linter
from medlint.reading import build_document
from medlint.rules.registry import lookup

TODAY = dt.date(2026, 11, 21)
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"

EXT = {"markdown": "md", "html": "html", "text": "txt"}


def lint(text: str | bytes, select=None, fmt: str = "markdown", today=TODAY, config=None,
         path: str | None = None):
    """Findings for ``text`` with only the ``select``ed rules (all enabled ones by default)."""
    cfg = config or Config()
    rules = cfg.enabled_rules(list(select) if select else None)
    linter = Linter(cfg, rules, today=today)
    data = text.encode("utf-8") if isinstance(text, str) else text
    res = linter.lint_bytes(path or f"example.{EXT.get(fmt, 'md')}", data)
    assert not res.internal, res.error
    return res.findings


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def doc_of(text: str, fmt: str = "markdown", path: str | None = None):
    return build_document(path or f"example.{EXT.get(fmt, 'md')}", text.encode("utf-8"))


def rule(key: str):
    found = lookup(key)
    assert len(found) == 1, key
    return found[0]


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""
    import socket

    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls
