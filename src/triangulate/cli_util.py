"""Helpers every CLI command shares: the error-to-exit-code edge, progress
bars, writing a report. Exit codes: 0 every input was read, 1 some inputs were
rejected (listed) or the store could not be used, 2 usage error."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .errors import ModelNotInstalled, OutputError, TriangulateError, UsageError

err = Console(stderr=True)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


@contextmanager
def errors_to_exit_codes():
    """The one place the CLI turns triangulate's errors into messages and exit codes."""
    try:
        yield
    except UsageError as error:
        err.print(f"[bold red]Usage error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE)
    except ModelNotInstalled as error:
        err.print(f"[bold red]Missing model:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_REJECTED)
    except TriangulateError as error:
        err.print(f"[bold red]Error:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_REJECTED)


def _write(report: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(report)
        return
    try:
        output.write_text(report, encoding="utf-8")
    except OSError as error:
        raise OutputError(
            f"Could not write the report to {output}: {error.strerror}. Check that the folder exists and is writable."
        ) from error


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
