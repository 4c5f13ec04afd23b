"""What the commands share: the error console, exit codes, the one place
errors become exit codes, atomic report writing and the progress bar.

Exit codes: 0 every input was read, 1 some inputs were rejected (listed; the
report is still written), 2 usage error, 3 fatal error (missing model,
unwritable output, any other failure): no report was written, and an existing
``-o`` file is kept.

Everything printed through Rich is escaped (:func:`rich.markup.escape`): paths
and reasons are data, never markup."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from .errors import ModelNotInstalled, OutputError, TriangulateError, UsageError

err = Console(stderr=True, soft_wrap=True)  # paths stay whole on one line, for copying

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3


@contextmanager
def errors_to_exit_codes() -> Iterator[None]:
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


def write_report(report: str, output: Path | None) -> None:
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


class RichProgress:
    """Adapts a Rich progress display to the pipeline's Progress protocol."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: TaskID | None = None

    def stage(self, name: str, total: int | None = None) -> None:
        if self._task is not None:  # the previous stage is finished: fill its bar
            task = next(t for t in self._progress.tasks if t.id == self._task)
            done = task.total if task.total is not None else max(task.completed, 1)
            self._progress.update(self._task, total=done, completed=done)
        self._task = self._progress.add_task(name, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, steps)


class progress_bar:
    """Context manager: a Rich progress bar on stderr, or nothing when quiet or not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self._rich = None if quiet else Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=True,
        )

    def __enter__(self) -> RichProgress | None:
        if self._rich is None:
            return None
        self._rich.__enter__()
        return RichProgress(self._rich)

    def __exit__(self, *exc: Any) -> None:
        if self._rich is not None:
            self._rich.__exit__(*exc)
