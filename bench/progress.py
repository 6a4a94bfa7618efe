"""Rich progress bars on stderr (stdout stays free; results go to the --out file)."""
from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

console = Console(stderr=True)


@contextmanager
def bar(description: str, total: int | None):
    """A progress bar; yields ``advance(n=1)``."""
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False)
    with progress:
        task = progress.add_task(description, total=total)
        yield lambda n=1: progress.advance(task, n)


def tracked(items, description: str, total: int | None = None, *, step: int = 1):
    """Iterate ``items`` with a progress bar, moved on every ``step`` items."""
    if total is None:
        total = len(items) if hasattr(items, "__len__") else None
    with bar(description, total) as advance:
        n = 0
        for item in items:
            yield item
            n += 1
            if n == step:
                advance(n)
                n = 0
        if n:
            advance(n)
