"""``triangulate evaluate``: score triangulate against benchmarks and baselines.
Thin: parse arguments, call :mod:`triangulate.evaluate`, print."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="evaluate",
    help="Score triangulate on public benchmarks beside classic baselines run in the same process.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def summaries(
    data: Path = typer.Argument(
        ..., help="A Multi-News CSV (validation.csv) or a NeuS/AllSides .source file (its .target beside it)."
    ),
    fmt: str = typer.Option(..., "--format", "-f", help="Data format: multinews or allsides."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N clusters of the file."),
    words: Optional[int] = typer.Option(
        None, "--words", min=1, help="Word budget for every system (default 260 for multinews, 70 for allsides)."
    ),
    save_summaries: Optional[Path] = typer.Option(
        None, "--save-summaries", help='Write every summary as JSONL: {"index", "system", "summary"} per line.'
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Score triangulate's summaries against human ones, beside LexRank, TextRank, LSA, Lead and an Oracle.

    Every system reads the same cleaned sentences and gets the same word budget;
    the table gives ROUGE-1/2/L F1, mean length and seconds per cluster, then
    the headline against each reference's first sentence and citation precision.
    """
    from .cli_common import EXIT_FATAL, EXIT_OK, err, errors_to_exit_codes, progress_bar
    from .errors import UsageError
    from .evaluate.summaries import evaluate_summaries, format_table, write_summaries

    with errors_to_exit_codes():
        try:
            with progress_bar(quiet) as progress:
                evaluation = evaluate_summaries(data, fmt, limit=limit, words=words, progress=progress)
        except ImportError as error:
            err.print(
                f"[bold red]Missing package:[/] {error.name}. The evaluation needs rouge-score and sumy: "
                "pip install 'triangulate[eval]'"
            )
            raise typer.Exit(EXIT_FATAL)
        if save_summaries:
            try:
                write_summaries(evaluation, save_summaries)
            except OSError as error:
                raise UsageError(f"Could not write {save_summaries}: {error.strerror}. Check the folder exists.")
    typer.echo(format_table(evaluation, title=f"{fmt}: {data}"))
    if save_summaries:
        err.print(f"Wrote {len(evaluation.scores)} summaries to {save_summaries}", highlight=False)
    raise typer.Exit(EXIT_OK)


@app.command()
def clustering(
    data: Path = typer.Argument(
        ..., help="JSONL, one article a line: id, title, text, published (or null) and the gold cluster."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Score event clustering (B-cubed and pairwise P/R/F1) beside a single-pass TF-IDF baseline.

    triangulate's side runs the real ingest path into a temporary store; the
    baseline reads the same lines in the same run.
    """
    from .cli_common import EXIT_OK, progress_bar, errors_to_exit_codes
    from .evaluate.clustering import evaluate_clustering, format_table

    with errors_to_exit_codes():
        with progress_bar(quiet) as progress:
            evaluation = evaluate_clustering(data, progress=progress)
    typer.echo(format_table(evaluation, title=str(data)))
    raise typer.Exit(EXIT_OK)
