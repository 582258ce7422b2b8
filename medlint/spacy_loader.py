"""Import spaCy without its command-line interface.

``import spacy`` runs ``from .cli.info import info`` in spaCy's package ``__init__``, and
``spacy.cli`` imports every command spaCy has (train, package, project ...), with typer, weasel,
rich, httpx, requests and pydantic's v1 layer behind them: about a quarter of the 0.7-1.0 CPU s
that importing spaCy costs on a 2-core machine (``python -X importtime -c "import spacy"``),
paid by every run that needs the language layer, in the parent before workers fork. medlint
uses the library (``spacy.blank``, the tokenizer, sentencizer and matchers), never the CLI.

:func:`import_spacy` therefore imports spaCy with ``spacy.cli`` and ``spacy.cli.info`` standing
in ``sys.modules`` as empty stand-ins, then removes them again, so that a later ``import
spacy.cli`` (by anyone) imports the real one. If anything about the stand-ins goes wrong (a spaCy
release that imports more of its CLI at import time), the half-imported modules are dropped and
spaCy is imported the ordinary way: this can cost time, never correctness.
"""

from __future__ import annotations

import sys
import types

_STANDINS = ("spacy.cli", "spacy.cli.info")


def import_spacy():
    """The ``spacy`` module, imported without its CLI when it was not imported before."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that "spacy.cli.info" resolves under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_info
    standins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(standins)
    try:
        import spacy

        spacy.blank  # noqa: B018 - the part medlint needs is there
    except Exception:
        spacy = None
    finally:
        for name, mod in standins.items():
            if sys.modules.get(name) is mod:
                del sys.modules[name]
    if spacy is None:  # drop what the failed import left and import spaCy the ordinary way
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    elif getattr(spacy, "cli", None) is cli:
        del spacy.cli  # "import spacy.cli" later imports the real package
    return spacy


def _real_info(*args, **kwargs):
    """``spacy.info``: the real one, from the real CLI, imported when someone calls it."""
    import importlib

    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)
