"""``triangulate ingest`` and ``triangulate events``, and the two ways ``brief``
meets several events (a stored event, a folder that holds several). Thin:
parse arguments, call :mod:`triangulate.store` / :mod:`triangulate.cluster`,
print."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from .cli_common import EXIT_OK, EXIT_REJECTED, progress_bar, write_report, err, errors_to_exit_codes
from .errors import OutputError, UsageError
from .settings import DEFAULT_MAX_BYTES, Settings
from .store.db import DB_ENV, DEFAULT_DB, default_db_path

DB_HELP = f"The store file (default ${DB_ENV}, else {DEFAULT_DB} in the working folder)."
EVENT_FORMATS = ("table", "json", "jsonl")


def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files, folders (read recursively), glob patterns, feeds, WARC or JSONL; '-' reads standard input."
    ),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Reject inputs larger than this many bytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Add articles to the store: clean, deduplicate, and place each in an event (resumable, idempotent)."""
    from .store import Store
    from .store.ingest import ingest as run_ingest

    with errors_to_exit_codes():
        settings = Settings(max_bytes=max_bytes)
        with Store(db or default_db_path()) as store, progress_bar(quiet) as progress:
            summary = run_ingest(paths, store, settings, stdin=sys.stdin.buffer, progress=progress)
    for item in summary.rejected:
        err.print(f"[yellow]not used[/] {escape(item.origin)} ({item.stage}): {escape(item.reason)}", highlight=False)
    typer.echo(summary.line())
    raise typer.Exit(EXIT_REJECTED if summary.rejected else EXIT_OK)


def events(
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Only events that end on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", help="Only events that start on or before this date."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, metavar="N", help="Only events with at least N independent sources."),
    search: Optional[str] = typer.Option(None, "--search", metavar="TEXT", help="Only events with an article containing every word of TEXT."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, or jsonl (one event a line, with its article ids)."),
) -> None:
    """List the stored events: id, headline, dates, articles, independent sources, outlets."""
    from .store import Store
    from .store.events import format_events, list_events

    with errors_to_exit_codes():
        if fmt not in EVENT_FORMATS:
            raise UsageError(f"Unknown format {fmt!r}; choose one of: {', '.join(EVENT_FORMATS)}.")
        for name, value in (("--since", since), ("--until", until)):
            _check_date(name, value)
        with Store(db or default_db_path(), create=False) as store:
            rows = list_events(
                store, since=since, until=until, min_sources=min_sources, search=search, members=fmt == "jsonl"
            )
        if fmt == "table":
            _print_table(rows)
        else:
            sys.stdout.write(format_events(rows, fmt))
    raise typer.Exit(EXIT_OK)


def brief_stored(db: Path | None, event: str, settings: Settings, fmt: str, output: Path | None, quiet: bool) -> None:
    """``brief --db PATH --event ID``: the stored event's briefing, cached."""
    from .store import Store
    from .store.briefs import render_event

    with Store(db or default_db_path(), create=False) as store, progress_bar(quiet) as progress:
        report, live, cached = render_event(store, event, settings, fmt, progress)
    write_report(report, output)
    if live != event:
        err.print(f"Event {event} was merged into {live}; wrote the briefing of {live}.", highlight=False)
    if output:
        err.print(f"Wrote {fmt} briefing of event {live} to {output}" + (" (cached)" if cached else ""), highlight=False)


def brief_several(groups, rejected, settings: Settings, fmt: str, output: Path | None, largest: bool, quiet: bool):
    """``brief`` on inputs that hold several events: say so, then write the
    largest (``--largest``) or one briefing per event into the folder ``-o``.
    Returns the briefings written."""
    from .pipeline import brief_articles
    from .report import render

    sizes = ", ".join(str(len(g)) for g in groups)
    err.print(f"The inputs hold {len(groups)} events (articles per event: {sizes}).", highlight=False)
    if largest:
        with progress_bar(quiet) as progress:
            briefing = brief_articles(groups[0], rejected, settings, progress)
        write_report(render(briefing, fmt), output)
        return [briefing]
    if output is None:
        raise UsageError(
            f"The inputs hold {len(groups)} events. Give -o DIR to write one briefing per event into DIR, "
            "or --largest for the largest event only."
        )
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"Could not create the folder {output}: {error.strerror}.") from error
    briefings = []
    for group in groups:
        with progress_bar(quiet) as progress:
            briefing = brief_articles(group, rejected, settings, progress)
        path = output / f"{briefing.event.id}.{fmt}"
        write_report(render(briefing, fmt), path)
        err.print(f"Wrote {fmt} briefing of {briefing.event.articles} articles to {path}", highlight=False)
        briefings.append(briefing)
    return briefings


def _check_date(name: str, value: str | None) -> None:
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise UsageError(f"{name} takes a date as YYYY-MM-DD, got {value!r}.") from None


def _print_table(rows) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("event", "headline", "start", "end", "articles", "sources", "outlets"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.id, escape(row.title or ""), row.start or "", row.end or "", str(row.articles),
                      str(row.sources), escape(", ".join(row.outlets)))
    Console(width=160).print(table)
    err.print(f"{len(rows)} events", highlight=False)
