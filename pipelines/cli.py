"""The ``skillradar`` command: refresh the warehouse, serve the dashboard, extract skills."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from pipelines.taxonomy_cli import app as taxonomy_app
from warehouse.paths import DataPaths

app = typer.Typer(
    help="Skill Radar: which skills the market wants from data, ML and AI engineers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.add_typer(taxonomy_app, name="taxonomy")

DEFAULT_HOST = "127.0.0.1"
InputFile = Annotated[
    Path | None, typer.Option("--input", "-i", help="JSONL input (default: stdin)")
]
OutputFile = Annotated[
    Path | None, typer.Option("--output", "-o", help="JSONL output (default: stdout)")
]
DEFAULT_PORT = 8050


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    typer.echo(f"skillradar: error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def refresh() -> None:
    """Materialize every Dagster asset into the local warehouse and publish a snapshot."""
    from pipelines.refresh import run_refresh

    paths = DataPaths()
    typer.echo(f"Refreshing the warehouse in {paths.data_dir} …", err=True)
    outcome = run_refresh(paths)
    if not outcome.success:
        raise fail(f"refresh failed at {outcome.failed_step}: {outcome.message}", 1)
    typer.echo(outcome.summary, err=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="SKILLRADAR_HOST")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(envvar="SKILLRADAR_PORT")] = DEFAULT_PORT,
) -> None:
    """Serve the dashboard (binds 127.0.0.1 unless told otherwise)."""
    from dashboards.app import create_app

    dash_app = create_app(DataPaths().published_dir)
    typer.echo(f"Skill Radar dashboard: http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    dash_app.run(host=host, port=port, debug=False)


@app.command()
def demo(
    host: Annotated[str, typer.Option(envvar="SKILLRADAR_HOST")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(envvar="SKILLRADAR_PORT")] = DEFAULT_PORT,
) -> None:
    """Build the warehouse from the bundled real data, then serve the dashboard."""
    # The refresh runs in its own process: Dagster's execution installs signal handlers that
    # would otherwise outlive it and stop Ctrl+C from ending the server.
    code = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "refresh"], check=False
    ).returncode
    if code != 0:
        raise typer.Exit(code)
    serve(host=host, port=port)


@app.command()
def extract(
    input_file: InputFile = None,
    output_file: OutputFile = None,
) -> None:
    """Extract skills from JSONL lines {"id", "text", "title"?} into JSONL lines {"id", "skills"}.

    Malformed lines are reported as ``line N: reason`` on stderr and skipped; the exit code is 2
    if any line was rejected.
    """
    from pipelines.extract_cli import extract_stream

    source, sink = _open_streams(input_file, output_file)
    with source, sink:
        rejected = extract_stream(source, sink, errors=sys.stderr)
    if rejected:
        raise typer.Exit(2)


@app.command()
def salary(
    input_file: InputFile = None,
    output_file: OutputFile = None,
) -> None:
    """Parse pay from JSONL lines {"id", "text", "country"?}: min, max, currency, period, annual.

    Each output line has ``min``, ``max`` (stated currency), ``currency``, ``period``,
    ``annual_min``, ``annual_max`` and ``annual_min_usd``, ``annual_max_usd``; all null when the
    text states no salary. Malformed lines are reported as ``line N: reason``; exit code 2.
    """
    from pipelines.salary_cli import salary_stream

    source, sink = _open_streams(input_file, output_file)
    with source, sink:
        rejected = salary_stream(source, sink, errors=sys.stderr)
    if rejected:
        raise typer.Exit(2)


def _open_streams(input_file: Path | None, output_file: Path | None) -> tuple[IO[bytes], IO[str]]:
    try:
        source: IO[bytes] = input_file.open("rb") if input_file else sys.stdin.buffer
    except OSError as exc:
        raise fail(f"cannot read {input_file}: {exc.strerror}") from None
    try:
        sink: IO[str] = output_file.open("w", encoding="utf-8") if output_file else sys.stdout
    except OSError as exc:
        raise fail(f"cannot write {output_file}: {exc.strerror}") from None
    return source, sink


def main() -> None:
    """Entry point used by ``python -m pipelines.cli``."""
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    app()


if __name__ == "__main__":
    main()
