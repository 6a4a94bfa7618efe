"""The HTML view's review buttons (static/review.js), appended to the page's script."""
from __future__ import annotations

from importlib import resources

from ..errors import ExportError


def review_script() -> str:
    """The script that adds Confirm and Reject buttons to the view's side panel."""
    try:
        return "\n" + resources.files("kg.review").joinpath("static/review.js").read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"kg's review script is missing ({exc}); reinstall kg.") from exc
