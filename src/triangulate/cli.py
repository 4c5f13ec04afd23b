"""Command line: parse arguments, call the library, print. Exit codes and how
errors and reports are written: :mod:`triangulate.cli_common`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from . import __version__, cli_store
from .cli_common import EXIT_OK, EXIT_REJECTED, err, errors_to_exit_codes, progress_bar, write_report
from .cli_evaluate import app as evaluate_app
from .errors import UsageError
from .report import FORMATS, render
from .settings import DEFAULT_LLM_MODEL, DEFAULT_LLM_TIMEOUT, DEFAULT_MAX_BYTES, Settings

app = typer.Typer(
    name="triangulate",
    help="Read many news articles about the same events and get a cited, cross-source briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(evaluate_app, name="evaluate")

#: The abstractive mode's API key comes from here, never from the command line
#: (where it would show in the shell history and the process list).
LLM_API_KEY_ENV = "TRIANGULATE_LLM_API_KEY"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"triangulate {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """triangulate: many articles in, one cited cross-source briefing out."""


@app.command()
def brief(
    paths: Optional[list[str]] = typer.Argument(
        None, help="Files, folders (read recursively) or glob patterns; '-' reads standard input."
    ),
    fmt: str = typer.Option("md", "--format", "-f", help=f"Report format: {', '.join(FORMATS)}."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of standard output."),
    sentences: Optional[int] = typer.Option(None, "--sentences", min=1, help="Summary length in sentences (default 6)."),
    words: Optional[int] = typer.Option(None, "--words", min=1, help="Summary length in words (instead of --sentences)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Reject inputs larger than this many bytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
    aliases: Optional[Path] = typer.Option(
        None, "--aliases", metavar="FILE",
        help="A TSV of entity aliases (name, then its aliases, tab-separated) added to the shipped table.",
    ),
    llm: Optional[str] = typer.Option(
        None, "--llm", metavar="URL",
        help=f"Abstractive mode: rewrite the briefing with this OpenAI-compatible server (key from ${LLM_API_KEY_ENV}).",
    ),
    llm_model: str = typer.Option(DEFAULT_LLM_MODEL, "--llm-model", metavar="NAME", help="Model name sent to the --llm server."),
    llm_timeout: float = typer.Option(
        DEFAULT_LLM_TIMEOUT, "--llm-timeout", metavar="SECONDS", help="Seconds to wait for the --llm server's answer."
    ),
    lexical: bool = typer.Option(
        False, "--lexical",
        help="Align facts by shared words only, without the sentence model (faster; paraphrases stay apart).",
    ),
    db: Optional[Path] = typer.Option(None, "--db", help="With --event: the store to read the event from."),
    event: Optional[str] = typer.Option(None, "--event", metavar="ID", help="Brief this stored event (ids from 'triangulate events')."),
    largest: bool = typer.Option(False, "--largest", help="When the inputs hold several events, brief only the largest."),
) -> None:
    """Turn a folder of articles into one cited briefing (Markdown, JSON or HTML).

    When the inputs hold several events it says so and writes one briefing per
    event into the folder given with -o (or only the largest with --largest);
    --db PATH --event ID briefs an event of the store.
    """
    from .cli_store import brief_several, brief_stored

    with errors_to_exit_codes():
        if fmt not in FORMATS:
            raise UsageError(f"Unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
        settings = Settings(
            max_bytes=max_bytes, summary_sentences=sentences, summary_words=words,
            llm_url=llm, llm_model=llm_model, llm_timeout=llm_timeout,
            llm_api_key=os.environ.get(LLM_API_KEY_ENV) or None,
            aliases=str(aliases) if aliases else None,
            meaning=not lexical,
        )
        if event is not None:
            if paths:
                raise UsageError("Give either the articles to brief or --event ID, not both.")
            brief_stored(db, event, settings, fmt, output, quiet)
            raise typer.Exit(EXIT_OK)
        if db is not None:
            raise UsageError("--db goes with --event ID: name the stored event to brief (see 'triangulate events').")
        if not paths:
            raise UsageError("Give the articles to brief (files, folders, globs or '-'), or --db PATH --event ID.")
        from .pipeline import brief_articles, read_and_clean

        with progress_bar(quiet) as progress:
            articles, rejected = read_and_clean(paths, settings, stdin=sys.stdin.buffer, progress=progress)
            groups = [tuple(articles)]
            if len(articles) > 1:  # one article is one event: the clustering is not even imported
                from .cluster.split import split_events

                groups = split_events(articles, seed=settings.seed)
            if len(groups) == 1:
                briefings = [brief_articles(articles, rejected, settings, progress)]
        if len(groups) == 1:
            write_report(render(briefings[0], fmt), output)
        else:
            briefings = brief_several(groups, rejected, settings, fmt, output, largest, quiet)

    listed = set()
    for briefing in briefings:
        for item in briefing.rejected:
            if item not in listed:
                listed.add(item)
                err.print(
                    f"[yellow]not used[/] {escape(item.origin)} ({escape(item.stage)}): {escape(item.reason)}",
                    highlight=False,
                )
        for warning in briefing.event.warnings:
            err.print(f"[yellow]warning[/] {escape(warning)}", highlight=False)
    if output and len(groups) == 1:
        err.print(
            f"Wrote {escape(fmt)} briefing of {briefings[0].event.articles} articles to {escape(str(output))}",
            highlight=False,
        )
    raise typer.Exit(EXIT_REJECTED if listed else EXIT_OK)


app.command()(cli_store.ingest)
app.command()(cli_store.events)
