"""SPARQL over a kg store: prefixes pre-bound, canned queries, table/CSV/JSON output."""
from kg.query.format import OUTPUT_FORMATS, format_result
from kg.query.guard import check_sparql
from kg.query.run import (canned_queries, canned_query_path, no_rows_message, resolve_query,
                          run_query, run_update, with_prefixes)
from kg.store.base import QueryResult

__all__ = [
    "OUTPUT_FORMATS", "QueryResult", "canned_queries", "canned_query_path", "check_sparql",
    "format_result", "no_rows_message", "resolve_query", "run_query", "run_update", "with_prefixes",
]
