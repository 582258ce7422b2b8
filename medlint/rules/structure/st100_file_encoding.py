from ...model import Severity
from ..base import Rule


class FileEncoding(Rule):
    code = "ST100"
    name = "file-encoding"
    category = "structure"
    severity = Severity.ERROR
    summary = "The file is not valid UTF-8 (or is UTF-16)."
    what = """
    Bytes that are not valid UTF-8 (the finding gives the first bad byte's line and guesses
    Windows-1252 when it fits), or a UTF-16 file. The rest of the file is still linted, with
    bad bytes read as U+FFFD.
    """
    why = """
    Site generators expect UTF-8: invalid bytes show as mojibake ('Ã©', '�') in the published
    article, which looks careless and can garble doses and units (µg, °C).
    """
    standard = "WHATWG Encoding Standard (UTF-8 is the encoding for the web); Hugo and Jekyll read UTF-8."
    cite = "WHATWG Encoding Standard"
    bad = "# Fever\n\nA temperature of 38\xb0C is a fever.\n"
    bad_encoding = "latin-1"  # the bad example is saved as Latin-1
    good = "# Fever\n\nA temperature of 38°C is a fever.\n"

    def check(self, doc, ctx):
        for hint, message, line, col in doc.problems:
            if hint == "encoding":
                ctx.report(line, col, message)
