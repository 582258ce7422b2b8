"""spaCy imported without its CLI (medlint.spacy_loader): a fresh interpreter each time."""

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_spacy_is_imported_without_its_cli_and_works():
    out = run("""
        import sys
        from medlint.spacy_loader import import_spacy
        spacy = import_spacy()
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        print([t.text for t in nlp("Don't stop. Rest.")])
        print("spacy.cli" in sys.modules, any(m.split(".")[0] in ("typer", "weasel", "httpx")
                                             for m in sys.modules))
        print(import_spacy() is spacy)
    """)
    assert out.splitlines() == ["['Do', \"n't\", 'stop', '.', 'Rest', '.']", "False False", "True"]


def test_the_real_cli_is_still_importable_afterwards():
    out = run("""
        from medlint.spacy_loader import import_spacy
        spacy = import_spacy()
        import spacy.cli
        print(callable(spacy.cli.download), isinstance(spacy.info(), dict))
    """)
    assert out == "True True"


def test_a_failing_import_falls_back_to_the_ordinary_one():
    # the first import of spacy.language fails (as if a spaCy release needed more of its CLI
    # at import time): the loader drops the half-imported modules and imports spaCy as usual
    out = run("""
        import sys
        class FailOnce:
            done = False
            def find_spec(self, name, path=None, target=None):
                if name == "spacy.language" and not FailOnce.done:
                    FailOnce.done = True
                    raise ImportError("simulated")
                return None
        sys.meta_path.insert(0, FailOnce())
        from medlint.spacy_loader import import_spacy
        spacy = import_spacy()
        print(FailOnce.done, len(spacy.blank("en")("Rest well.")), "spacy.cli" in sys.modules)
    """)
    assert out == "True 3 True"
