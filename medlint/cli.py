"""The command line: ``medlint check``, ``medlint rules``, ``medlint explain``.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or internal error.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys

import click

from . import __version__

FORMATS = ("text", "json", "sarif", "github")


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _parse_today(value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-21") from None


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except (click.ClickException, click.Abort):
            raise
        except Exception as exc:  # last resort: one line, exit 2, never a traceback
            if os.environ.get("MEDLINT_DEBUG"):
                raise
            click.echo(f"medlint: internal error: {type(exc).__name__}: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="medlint")
def main() -> None:
    """medlint: a content-quality linter for medical and health articles."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, help="Run only these rules (codes, names, prefixes or "
              "categories; comma-separated or repeated).")
@click.option("--extend-select", multiple=True, help="Also run these rules (e.g. ones off by "
              "default).")
@click.option("--ignore", multiple=True, help="Do not run these rules.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              default=None, help="Exit 1 when a finding is at or above this severity "
              "[default: warning, or fail-on in the config].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Use this config file instead of searching for .medlint.yaml / pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--today", help="Date the date rules count from (YYYY-MM-DD); the clock is "
              "never read when given.")
@click.option("--stdin-filename", help="Name (and format, by extension) of the text read from "
              "stdin when PATH is '-'.")
@click.option("--force-exclude", is_flag=True, help="Apply exclude globs to files named "
              "explicitly too (useful in pre-commit).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a "
              "file instead of stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: no summary line.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--online", is_flag=True, help="Also check that links answer and embedded videos "
              "exist (network requests; never on by default).")
@click.option("--allow-host", "allow_host", multiple=True, help="With --online: a private, "
              "loopback or link-local address, network (CIDR) or host name that may be "
              "contacted (refused otherwise). Repeatable.")
def check(paths, fmt, select, extend_select, ignore, fail_on, config_path, isolated, today,
          stdin_filename, force_exclude, output, quiet, exit_zero, online, allow_host):
    """Lint PATHS (files or folders; '-' reads stdin). Default: the current folder."""
    from .config import Config, ConfigError, find_config, load_file
    from .discovery import expand
    from .engine import FileResult, Linter
    from .model import Severity
    from .reporters import render

    day = _parse_today(today)
    sel, ign, ext = _split(select), _split(ignore), _split(extend_select)
    paths = list(paths) or ["."]
    status = 0
    configs: dict[str | None, Config] = {}
    linters: dict[str | None, Linter] = {}

    def config_for(path: str) -> Config:
        if isolated:
            key = None
        elif config_path:
            key = config_path
        else:
            start = stdin_filename if path == "-" and stdin_filename else (
                "." if path == "-" else path)
            key = find_config(start if os.path.exists(start) else os.path.dirname(start) or ".")
        if key not in configs:
            configs[key] = load_file(key) if key else Config(root=os.getcwd())
        return configs[key]

    def linter_for(cfg: Config) -> Linter:
        key = cfg.path
        if key not in linters:
            linters[key] = Linter(cfg, cfg.enabled_rules(sel, ign, ext), today=day,
                                  online=online, allow_hosts=_split(allow_host))
        return linters[key]

    try:
        if config_path and not os.path.isfile(config_path):
            raise ConfigError(f"{config_path}: no such config file")
        base_cfg = config_for(paths[0] if paths[0] != "-" else "-")
        linter_for(base_cfg)  # validates --select / --ignore early
    except ConfigError as exc:
        click.echo(f"medlint: config error: {exc}", err=True)
        sys.exit(2)

    results: list[FileResult] = []
    used_rules: dict[str, type] = {}
    try:
        for path, missing in expand(paths, lambda p: config_for(p).is_excluded(p), force_exclude):
            if missing:
                click.echo(f"medlint: {path}: {missing}", err=True)
                status = 2
                continue
            if path == "-":
                cfg = config_for("-")
                lin = linter_for(cfg)
                name = stdin_filename or "-"
                if stdin_filename and force_exclude and cfg.is_excluded(stdin_filename):
                    continue
                res = lin.lint_bytes(name, sys.stdin.buffer.read())
            else:
                cfg = config_for(path)
                lin = linter_for(cfg)
                res = lin.lint_path(path)
            for r in lin.rule_classes:
                used_rules[r.code] = r
            results.append(res)
            if res.error:
                click.echo(f"medlint: {res.path}: {res.error}", err=True)
                if res.internal:
                    status = 2
    except ConfigError as exc:
        click.echo(f"medlint: config error: {exc}", err=True)
        sys.exit(2)

    report = render(fmt, results, list(used_rules.values()), __version__, quiet=quiet)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(report)
    else:
        click.echo(report, nl=False)

    threshold = fail_on or (str(base_cfg.fail_on) if base_cfg.fail_on else "warning")
    if status == 0 and not exit_zero and threshold != "never":
        level = Severity.parse(threshold)
        if any(f.severity >= level for r in results for f in r.findings):
            status = 1
    sys.exit(status)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]),
              default="table", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default "
              "(marked with *).")
def rules_cmd(fmt, show_all):
    """List the rules: code, name, category, severity, summary."""
    import json

    from .docs import rules_index
    from .rules.registry import all_rules

    rules = [r for r in all_rules() if show_all or r.enabled_by_default]
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "category": r.category,
                                "severity": str(r.severity), "summary": r.summary,
                                "enabled_by_default": r.enabled_by_default} for r in rules],
                              indent=2))
        return
    if fmt == "markdown":
        click.echo(rules_index(rules), nl=False)
        return
    w = max((len(r.name) for r in rules), default=10)
    click.echo(f"{'CODE':<7} {'NAME':<{w}} {'CATEGORY':<20} {'SEVERITY':<8} SUMMARY")
    for r in rules:
        mark = "" if r.enabled_by_default else "*"
        click.echo(f"{r.code + mark:<7} {r.name:<{w}} {r.category:<20} {str(r.severity):<8} "
                   f"{r.summary}")


@main.command()
@click.argument("rule")
def explain(rule):
    """Show a rule's documentation (by code or name)."""
    from .docs import rule_markdown
    from .rules.registry import all_rules

    key = rule.lower()
    found = [r for r in all_rules() if key in (r.code.lower(), r.name.lower())]
    if not found:
        click.echo(f"medlint: no rule named {rule!r} (see `medlint rules --all`)", err=True)
        sys.exit(2)
    click.echo(rule_markdown(found[0]), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
