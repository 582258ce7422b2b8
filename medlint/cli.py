"""The command line: ``medlint check``, ``medlint rules``, ``medlint explain``.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or internal error.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import sys

import click

from . import __version__
from .reporters import FORMATS


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


def _lint_options(f):
    """Options shared by `check` and `report`."""
    opts = [
        click.option("--select", multiple=True, help="Run only these rules (codes, names, "
                     "prefixes or categories; comma-separated or repeated)."),
        click.option("--extend-select", multiple=True, help="Also run these rules (e.g. ones "
                     "off by default)."),
        click.option("--ignore", multiple=True, help="Do not run these rules."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Use this config file instead of searching for .medlint.yaml / "
                     "pyproject.toml."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
        click.option("--today", help="Date the date rules count from (YYYY-MM-DD); the clock "
                     "is never read when given."),
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Worker processes; 0 picks automatically (parallel only for large "
                     "runs)."),
        click.option("--no-cache", is_flag=True, help="Do not read or write .medlint_cache/."),
        click.option("--force-exclude", is_flag=True, help="Apply exclude globs to files named "
                     "explicitly too (useful in pre-commit)."),
        click.option("--online", is_flag=True, help="Also check that links answer and embedded "
                     "videos exist (network requests; never on by default)."),
        click.option("--allow-host", "allow_host", multiple=True, help="With --online: a "
                     "private, loopback or link-local address, network (CIDR) or host name that "
                     "may be contacted (refused otherwise). Repeatable."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _run(paths, select, extend_select, ignore, config_path, isolated, today, jobs, no_cache,
         force_exclude, online, allow_host, **extra):
    from .config import ConfigError
    from .runner import Runner, RunOptions

    opts = RunOptions(select=_split(select), ignore=_split(ignore),
                      extend_select=_split(extend_select), config_path=config_path,
                      isolated=isolated, today=_parse_today(today), jobs=jobs,
                      cache=not no_cache, force_exclude=force_exclude, online=online,
                      allow_hosts=_split(allow_host),
                      progress=sys.stderr.isatty(), **extra)
    try:
        if config_path and not os.path.isfile(config_path):
            raise ConfigError(f"{config_path}: no such config file")
        out = Runner(opts).run(list(paths) or ["."])
    except ConfigError as exc:
        click.echo(f"medlint: config error: {exc}", err=True)
        sys.exit(2)
    for m in out.messages:
        click.echo(f"medlint: {m}", err=True)
    return out


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              default=None, help="Exit 1 when a finding is at or above this severity "
              "[default: warning, or fail-on in the config].")
@_lint_options
@click.option("--stdin-filename", help="Name (and format, by extension) of the text read from "
              "stdin when PATH is '-'.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a "
              "file instead of stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: no summary line.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fix", "do_fix", is_flag=True, help="Apply safe fixes in place (atomic writes), "
              "then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff "
              "and write nothing; exit 1 when a file would change.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record the current findings in this baseline file and exit 0.")
def check(paths, fmt, fail_on, stdin_filename, output, quiet, exit_zero, do_fix, show_diff,
          baseline_path, write_baseline_path, **lint):
    """Lint PATHS (files or folders; '-' reads stdin). Default: the current folder."""
    from .model import Severity
    from .reporters import render

    if do_fix and "-" in paths:
        click.echo("medlint: --fix cannot rewrite stdin; use --diff", err=True)
        sys.exit(2)
    out = _run(paths, stdin_filename=stdin_filename, fix=do_fix, diff=show_diff, **lint)
    status = out.status
    if show_diff:
        for d in out.diffs:
            click.echo(d, nl=False)
        sys.exit(2 if status == 2 else (1 if out.diffs else 0))
    if write_baseline_path:
        from .baseline import write as write_baseline

        n = write_baseline(write_baseline_path, out.results)
        click.echo(f"Wrote {n} finding{'s' if n != 1 else ''} to {write_baseline_path}.", err=True)
        sys.exit(status)
    if baseline_path:
        from .baseline import BaselineError, filter_new, load

        try:
            known = filter_new(out.results, load(baseline_path))
        except BaselineError as exc:
            click.echo(f"medlint: {exc}", err=True)
            sys.exit(2)
        if known and not quiet and fmt == "text":
            click.echo(f"{known} finding{'s' if known != 1 else ''} already in the baseline "
                       "not shown.", err=True)
    if do_fix and out.fixed_files:
        click.echo(f"Fixed {out.fixed_findings} finding{'s' if out.fixed_findings != 1 else ''} "
                   f"in {out.fixed_files} file{'s' if out.fixed_files != 1 else ''}.", err=True)
    report = render(fmt, out.results, list(out.rules.values()), __version__, quiet=quiet)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(report)
    else:
        click.echo(report, nl=False)

    cfg = out.base_config
    threshold = fail_on or (str(cfg.fail_on) if cfg is not None and cfg.fail_on else "warning")
    if status == 0 and not exit_zero and threshold != "never":
        level = Severity.parse(threshold)
        if any(f.severity >= level for r in out.results for f in r.findings):
            status = 1
    sys.exit(status)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--html", "html_out", type=click.Path(dir_okay=False), required=True,
              help="Write the report to this HTML file.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False),
              help="Also write the JSON result (use it as --previous next time).")
@click.option("--previous", type=click.Path(exists=True, dir_okay=False),
              help="A previous JSON result, to show trends.")
@click.option("--title", default="medlint report", show_default=True)
@_lint_options
def report(paths, html_out, json_out, previous, title, **lint):
    """Lint PATHS and write a self-contained HTML report of the whole site."""
    from .report import load_previous, render_html
    from .reporters import render

    prev = None
    if previous:
        try:
            prev = load_previous(previous)
        except (OSError, ValueError) as exc:
            click.echo(f"medlint: {previous}: {exc}", err=True)
            sys.exit(2)
    out = _run(paths, **lint)
    day = _parse_today(lint.get("today"))
    page = render_html(out.results, [r.path for r in out.results], previous=prev, title=title,
                       generated=day)
    with open(html_out, "w", encoding="utf-8") as fh:
        fh.write(page)
    if json_out:
        with open(json_out, "w", encoding="utf-8") as fh:
            fh.write(render("json", out.results, list(out.rules.values()), __version__))
    n = sum(len(r.findings) for r in out.results)
    click.echo(f"Wrote {html_out}: {len(out.results)} files, {n} findings.", err=True)
    sys.exit(2 if out.status == 2 else 0)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def clean(folder):
    """Remove the findings cache (.medlint_cache/) in FOLDER."""
    from .runner import clean as clean_cache

    removed = clean_cache(folder)
    click.echo(f"medlint: {'removed' if removed else 'no'} cache in {folder}", err=True)


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


@main.command()
def lsp():
    """Run the language server on stdin/stdout (needs: pip install 'medlint[lsp]')."""
    try:
        from .lsp import main as lsp_main
    except ImportError as exc:
        click.echo(f"medlint: the language server needs pygls: pip install 'medlint[lsp]' ({exc})",
                   err=True)
        sys.exit(2)
    lsp_main()


def run() -> None:
    """The ``medlint`` command (console script and ``python -m medlint``): ``main``, in a
    process that ends with it.

    The interpreter's last garbage collections at shutdown walk everything still alive: after
    a run that loaded spaCy that is about 0.2 s of CPU, a tenth of a one-file run, spent on
    objects that are about to go anyway. Freezing them (as before forking workers) moves
    them out of the collector's sight; they are still released and finalised as usual. Only
    here: ``main`` itself also runs inside tests and editors, which go on after it.
    """
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
