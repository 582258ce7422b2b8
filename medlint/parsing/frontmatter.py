"""Front matter: locate it, load it safely, and record every key with its position.

YAML is composed once into nodes (CSafeLoader when libyaml is present) so that every key at
every nesting level keeps its line and column and duplicates are seen (PyYAML keeps the last
of two equal keys silently; Hugo >= 0.152 refuses to build). Values are then constructed by
the *safe* constructor from the same nodes, so ``!!python/object`` tags fail cleanly. Alias
bombs cost nothing: shared nodes are visited once.
"""

from __future__ import annotations

import re
import tomllib

import yaml

from ..model import FMDuplicate, FMError, FMKey, FrontMatter

try:  # libyaml keeps marks and is ~8x faster
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader

_MERGE = "tag:yaml.org,2002:merge"
MAX_NODES = 200_000  # a front matter with more nodes than this is not an article's metadata


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    pass


def _timestamp(loader, node):
    """An impossible date (2024-02-30) stays a string for the type rule, not a load error."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def split_front_matter(lines: list[str]) -> tuple[str, int, int] | None:
    """Find front matter at the top of a file.

    Returns (format, opening line index, closing line index) as 0-based indexes, with the
    closing index == len(lines) when the fence is never closed. None when there is none.
    """
    if not lines:
        return None
    first = lines[0].rstrip()
    if first == "---":
        fmt, fence = "yaml", ("---", "...")
    elif first == "+++":
        fmt, fence = "toml", ("+++",)
    else:
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in fence:
            return fmt, 0, i
    return fmt, 0, len(lines)


def parse_front_matter(lines: list[str]) -> FrontMatter | None:
    found = split_front_matter(lines)
    if not found:
        return None
    fmt, start, end = found
    unclosed = end >= len(lines)
    if unclosed:
        # the body the author meant starts where the lines stop looking like metadata; read
        # the lines before it as the front matter, so that both are still linted
        end = _unclosed_end(lines, fmt)
    fm = FrontMatter(format=fmt, start_line=start + 1, end_line=min(end, len(lines) - 1) + 1)
    body = "\n".join(lines[start + 1 : end])
    offset = start + 1  # 0-based index of the first front-matter content line
    if unclosed and end < len(lines):
        fm.end_line = end  # the last front-matter line: the body starts on the line after it
    if fmt == "yaml":
        _load_yaml(fm, body, offset)
        if fm.error is not None:
            fm.raw_pairs = _raw_pairs(lines[start + 1:end], offset)
    else:
        _load_toml(fm, body, offset)
    if unclosed:
        # the unclosed fence is the error shown first, and a load error of its lines second
        fm.unclosed, fm.load_error = True, fm.error
        where = (f" (medlint read lines {start + 2}-{end} as front matter and the rest as the "
                 "article)" if end < len(lines) else "")
        fm.error = FMError(
            f"front matter opened with '{lines[0].rstrip()}' on line 1 is never closed{where}",
            1,
            1,
        )
    return fm


_RAW_PAIR = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w.-]*)\s*:[ \t]+"
                       r"(?P<value>[^\s#|>\[{&*!][^#]*?|\"[^\"]*\"|'[^']*')\s*(?:#.*)?$")


def _raw_pairs(lines: list[str], offset: int) -> list[tuple]:
    """(line, indent, key, value, value column) of the "key: value" lines of YAML that did
    not load, values with their quotes taken off (one-line scalars only)."""
    out = []
    for i, line in enumerate(lines):
        m = _RAW_PAIR.match(line)
        if m:
            v = m.group("value")
            col = m.start("value") + 1
            if len(v) > 1 and v[0] == v[-1] and v[0] in "\"'":
                v, col = v[1:-1], col + 1
            out.append((offset + i + 1, len(m.group("indent")), m.group("key"), v, col))
    return out


_META_LINE = {
    # a key, a list entry or a comment (YAML); a key or a [table] (TOML)
    "yaml": re.compile(r"""-(?:\s|$)|#|(?:"[^"]*"|'[^']*'|[^\s:#"'][^:]*?)\s*:(?:\s|$)"""),
    "toml": re.compile(r"""#|\[|(?:"[^"]*"|'[^']*'|[\w.-]+)\s*="""),
}
_BODY_HEADING = re.compile(r"#{1,6}\s+\S")


def _unclosed_end(lines: list[str], fmt: str) -> int:
    """0-based index of the first line of the article when the front matter's fence is never
    closed: the first unindented line that is not metadata (a sentence), or a Markdown heading
    after a blank line with no metadata line after it (in YAML and TOML a heading is a
    comment). ``len(lines)`` when every line looks like metadata."""
    meta = _META_LINE[fmt]
    for i in range(1, len(lines)):
        line = lines[i]
        if not line.strip() or line[0] in " \t":
            continue
        if _BODY_HEADING.match(line) and not lines[i - 1].strip():
            after = next((x for x in lines[i + 1:] if x.strip()), "")
            if not meta.match(after) or _BODY_HEADING.match(after):
                return i
            continue
        if not meta.match(line):
            return i
    return len(lines)


# --------------------------------------------------------------------------- YAML


def _scalar_text(node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _load_yaml(fm: FrontMatter, text: str, offset: int) -> None:
    if not text.strip():
        return
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        keys: list[FMKey] = []
        dups: list[FMDuplicate] = []
        _walk(loader, node, (), keys, dups, offset, set(), [0])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + offset + 1) if mark else offset + 1
        col = (mark.column + 1) if mark else 1
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        fm.error = FMError(_clean(problem) or "invalid YAML", line, col)
        return
    except _TooBig as exc:
        fm.error = FMError(str(exc), offset + 1, 1)
        return
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, OverflowError) as exc:
        fm.error = FMError(_clean(str(exc)) or type(exc).__name__, offset + 1, 1)
        return
    finally:
        loader.dispose()
    fm.keys = keys
    fm.duplicates = dups
    if isinstance(data, dict):
        fm.data = data
    elif data is not None:
        fm.error = FMError(
            f"front matter is a {type(data).__name__}, not a mapping of keys to values",
            offset + 1,
            1,
        )


class _TooBig(Exception):
    pass


def _clean(msg: str) -> str:
    return re.sub(r"\s+", " ", msg).strip()


def _walk(loader, node, path, keys, dups, offset, seen, count) -> None:
    """Record keys of mapping nodes (iteratively enough: front matter is shallow)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _TooBig(f"front matter has more than {MAX_NODES} nodes (an alias bomb?)")
    if len(path) > 100:
        raise _TooBig("front matter is nested more than 100 levels deep")
    if isinstance(node, yaml.MappingNode):
        first_at: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                _walk(loader, value_node, path, keys, dups, offset, seen, count)
                continue
            try:
                key = loader.construct_object(key_node, deep=True)
                hash(key)
            except Exception:  # unhashable or unconstructable key: keep its text
                key = _scalar_text(key_node) or "?"
            try:
                value = loader.construct_object(value_node, deep=True)
            except yaml.YAMLError:
                raise
            except Exception:
                value = None
            k = FMKey(
                path=path + (key,),
                line=key_node.start_mark.line + offset + 1,
                col=key_node.start_mark.column + 1,
                value=value,
                value_line=value_node.start_mark.line + offset + 1,
                value_col=value_node.start_mark.column + 1,
                raw_value=_scalar_text(value_node),
                tag=value_node.tag or "",
                items=tuple((c.start_mark.line + offset + 1, c.start_mark.column + 1)
                            for c in value_node.value)
                if isinstance(value_node, yaml.SequenceNode) else (),
            )
            keys.append(k)
            if key in first_at:
                dups.append(FMDuplicate(first_at[key], k))
            else:
                first_at[key] = k
            _walk(loader, value_node, path + (key,), keys, dups, offset, seen, count)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _walk(loader, child, path + (i,), keys, dups, offset, seen, count)


# --------------------------------------------------------------------------- TOML

_TOML_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))\s*=\s*(.*)$""")
_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def _load_toml(fm: FrontMatter, text: str, offset: int) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        line, col = (int(m.group(1)) + offset, int(m.group(2))) if m else (offset + 1, 1)
        fm.error = FMError(_clean(_TOML_POS.sub("", msg)), line, col)
        return
    fm.data = data
    table: tuple = ()
    for i, raw in enumerate(text.split("\n")):
        t = _TOML_TABLE.match(raw)
        if t and "=" not in raw:
            table = tuple(p.strip().strip("\"'") for p in t.group(1).split("."))
            continue
        m = _TOML_KEY.match(raw)
        if not m:
            continue
        name = m.group(1) or m.group(2) or m.group(3)
        path = table + tuple(name.split(".")) if m.group(3) else table + (name,)
        value = _dig(data, path)
        col = raw.index(name) + 1 - (1 if m.group(1) or m.group(2) else 0)
        vcol = len(raw) - len(m.group(4)) + 1
        fm.keys.append(
            FMKey(
                path=path,
                line=i + offset + 1,
                col=col,
                value=value,
                value_line=i + offset + 1,
                value_col=vcol,
                raw_value=m.group(4).strip(),
            )
        )


def _dig(data, path):
    cur = data
    for p in path:
        if isinstance(cur, dict) and p in cur:
            cur = cur[p]
        elif isinstance(cur, list) and cur and isinstance(cur[-1], dict) and p in cur[-1]:
            cur = cur[-1][p]
        else:
            return None
    return cur
