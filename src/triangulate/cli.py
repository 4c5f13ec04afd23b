"""Command line: parse arguments, call the library, print. Exit codes: 0 every
input was read, 1 some inputs were rejected (listed; the report is still
written), 2 usage error, 3 fatal error (missing model, unwritable output, any
other failure): no report was written, and an existing ``-o`` file is kept.

Everything printed through Rich is escaped (:func:`rich.markup.escape`): paths
and reasons are data, never markup."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__
from .cli_evaluate import app as evaluate_app
from .errors import ModelNotInstalled, OutputError, TriangulateError, UsageError
from .report import FORMATS, render
from .settings import DEFAULT_LLM_MODEL, DEFAULT_LLM_TIMEOUT, DEFAULT_MAX_BYTES, Settings

app = typer.Typer(
    name="triangulate",
    help="Read many news articles about the same events and get a cited, cross-source briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)  # paths stay whole on one line, for copying

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3
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
    paths: list[str] = typer.Argument(
        ..., help="Files, folders (read recursively) or glob patterns; '-' reads standard input."
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
) -> None:
    """Turn a folder of articles into one cited briefing (Markdown, JSON or HTML)."""
    from .pipeline import brief as run_brief

    with errors_to_exit_codes():
        if fmt not in FORMATS:
            raise UsageError(f"Unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
        settings = Settings(
            max_bytes=max_bytes, summary_sentences=sentences, summary_words=words,
            llm_url=llm, llm_model=llm_model, llm_timeout=llm_timeout,
            llm_api_key=os.environ.get(LLM_API_KEY_ENV) or None,
            aliases=str(aliases) if aliases else None,
        )
        with _progress(quiet) as progress:
            briefing = run_brief(paths, settings, stdin=sys.stdin.buffer, progress=progress)
        report = render(briefing, fmt)
        _write(report, output)

    for item in briefing.rejected:
        err.print(
            f"[yellow]not used[/] {escape(item.origin)} ({escape(item.stage)}): {escape(item.reason)}",
            highlight=False,
        )
    for warning in briefing.event.warnings:
        err.print(f"[yellow]warning[/] {escape(warning)}", highlight=False)
    if output:
        err.print(
            f"Wrote {escape(fmt)} briefing of {briefing.event.articles} articles to {escape(str(output))}",
            highlight=False,
        )
    raise typer.Exit(EXIT_REJECTED if briefing.rejected else EXIT_OK)


@contextlib.contextmanager
def errors_to_exit_codes():
    """The one place the CLI turns triangulate's errors into messages and exit codes."""
    try:
        yield
    except UsageError as error:
        err.print(f"[bold red]Usage error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None
    except ModelNotInstalled as error:
        err.print(f"[bold red]Missing model:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_FATAL) from None
    except TriangulateError as error:
        err.print(f"[bold red]Error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_FATAL) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as error:  # noqa: BLE001 - a bug: say so, and exit as fatal rather than 1
        err.print(escape(traceback.format_exc()), highlight=False)
        err.print(
            f"[bold red]Internal error:[/] {escape(type(error).__name__)}: {escape(str(error))}. "
            "No report was written. This is a bug in triangulate; please report it with the inputs that caused it."
        )
        raise typer.Exit(EXIT_FATAL) from None


def _write(report: str, output: Path | None) -> None:
    """The report to standard output, or atomically to ``output``: written to a
    temporary file in the same folder, then renamed over it, so a failure at any
    point leaves an existing report untouched."""
    if output is None:
        try:
            sys.stdout.write(report)
            sys.stdout.flush()
        except BrokenPipeError as error:  # `triangulate brief ... | head`: the reader stopped reading
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's own final flush stays quiet
            raise OutputError(
                "Standard output was closed before the whole report was written (the program reading it stopped)."
            ) from error
        return
    try:
        write_atomically(output, report)
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise OutputError(
            f"Could not write the report to {output}: {reason}. Check that the folder exists and is writable."
        ) from error


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file beside it and
    :func:`os.replace`; on any error the temporary file is removed and ``path``
    is as it was."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():  # keep the permissions of the report being replaced
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class _RichProgress:
    """Adapts a Rich progress display to the pipeline's Progress protocol."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task = None

    def stage(self, name: str, total: int | None = None) -> None:
        if self._task is not None:  # the previous stage is finished: fill its bar
            task = next(t for t in self._progress.tasks if t.id == self._task)
            done = task.total if task.total is not None else max(task.completed, 1)
            self._progress.update(self._task, total=done, completed=done)
        self._task = self._progress.add_task(name, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, steps)


class _progress:
    """Context manager: a Rich progress bar on stderr, or nothing when quiet or not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self._rich = None if quiet else Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=True,
        )

    def __enter__(self):
        if self._rich is None:
            return None
        self._rich.__enter__()
        return _RichProgress(self._rich)

    def __exit__(self, *exc) -> None:
        if self._rich is not None:
            self._rich.__exit__(*exc)
