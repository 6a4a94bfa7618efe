"""One self-contained HTML page showing a networkx projection of the graph.

The page inlines vis-network (kg/view/static/vis-network.min.js), the page script
(static/view.js) and the data, so it opens offline and asks the network for nothing;
a Content-Security-Policy in the page enforces that. Article text is untrusted: the
data travels as JSON with ``<``, ``>`` and ``&`` escaped, the page script builds
every label, tooltip and panel with ``textContent``, and the policy allows only the
page's own two scripts (by hash), so injected markup could not run even if shown.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.log import logger
from kg.vocab import CORE_CLASSES, local_name

__all__ = ["render_html", "CLASS_STYLES", "LARGE_GRAPH", "MAX_NODES"]

DEFAULT_TITLE = "kg — tech-alliance graph"
LARGE_GRAPH = 300
"""Above this many nodes positions are computed in Python and physics stays off."""
MAX_NODES = 20_000
"""Above this many nodes the page shows communities instead (kg.view.select.aggregate)."""

# class -> (fill colour, vis-network shape); shapes with the label inside come last
CLASS_STYLES: dict[str, tuple[str, str]] = {
    "Country": ("#4e79a7", "dot"),
    "Person": ("#f28e2b", "triangle"),
    "Organization": ("#59a14f", "hexagon"),
    "Place": ("#76b7b2", "triangleDown"),
    "Agreement": ("#e15759", "diamond"),
    "Summit": ("#edc948", "star"),
    "ExportControl": ("#b07aa1", "square"),
    "TechnologyDomain": ("#ff9da7", "ellipse"),
    "Document": ("#bab0ac", "box"),
    "Community": ("#8cd17d", "dot"),
}
OTHER_STYLE = ("#9d9d9d", "dot")
EVIDENCE_KEYS = ("sentence", "doc", "title", "published", "url", "confidence")

_SWATCH = {  # legend icons, 16x16 SVG drawn to match the vis-network shapes
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "triangle": '<polygon points="8,2 14.5,13.5 1.5,13.5"/>',
    "triangleDown": '<polygon points="1.5,2.5 14.5,2.5 8,14"/>',
    "hexagon": '<polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "star": '<polygon points="8,1 9.9,5.6 14.7,5.8 11,8.9 12.2,13.6 8,11 3.8,13.6'
            ' 5,8.9 1.3,5.8 6.1,5.6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "ellipse": '<ellipse cx="8" cy="8" rx="7.5" ry="4.5"/>',
    "box": '<rect x="1" y="3.5" width="14" height="9" rx="2"/>',
}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def render_html(graph: Any, out: str | Path, *, title: str = DEFAULT_TITLE,
                max_nodes: int = MAX_NODES) -> Path:
    """Write ``graph`` (a networkx Graph or MultiDiGraph projection) as one HTML file.

    Nodes need ``label`` and ``type`` attributes (one of ``kg.vocab.CORE_CLASSES``;
    anything else is drawn grey as "Other"); edges a ``label``, optionally ``weight``
    and ``evidence``. Parent folders of ``out`` are created; nothing else is written.
    Graphs of more than ``max_nodes`` nodes are drawn as one node per community, with
    a banner saying so.

    >>> import networkx as nx, tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("tai:country/KOR", label="South Korea", type="Country")
    >>> g.add_node("tai:domain/ai", label="AI", type="TechnologyDomain")
    >>> _ = g.add_edge("tai:country/KOR", "tai:domain/ai", label="covers")
    >>> path = render_html(g, Path(tempfile.mkdtemp()) / "views" / "graph.html")
    >>> path.name, "South Korea" in path.read_text(encoding="utf-8")
    ('graph.html', True)
    """
    if not (hasattr(graph, "nodes") and hasattr(graph, "edges") and hasattr(graph, "is_directed")):
        raise TypeError(f"render_html needs a networkx graph, got {type(graph).__name__}")
    out = Path(out)
    aggregated = None
    if graph.number_of_nodes() > max_nodes:
        from kg.view.select import aggregate

        full = graph
        graph = aggregate(graph)
        aggregated = {"nodes": full.number_of_nodes(), "edges": full.number_of_edges(),
                      "communities": graph.number_of_nodes()}
        logger.info("%d nodes > max_nodes %d: drawing %d communities",
                    full.number_of_nodes(), max_nodes, graph.number_of_nodes())
    data = graph_payload(graph)
    if aggregated:
        data["aggregated"] = aggregated
    page = _page(data, title)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ExportError(
            f"Could not write the HTML view to {out}: {exc.strerror or exc}. "
            "Give --out a file path in a folder you can write to."
        ) from exc
    logger.info("wrote %s: %d nodes, %d edges, layout %s",
                out, len(data["nodes"]), len(data["edges"]), data["layout"])
    return out


def graph_payload(graph: Any) -> dict[str, Any]:
    """The JSON the page reads: nodes, edges, classes present and how to lay them out."""
    degree: Counter = Counter()
    edges: list[dict[str, Any]] = []
    ends: list[tuple[Any, Any]] = []
    parallel: dict[frozenset, int] = defaultdict(int)
    rows = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for row in rows:
        u, v, attrs = row[0], row[1], row[-1]
        degree[u] += 1
        degree[v] += 1
        ends.append((u, v))
        edge = _edge(f"e{len(edges)}", u, v, attrs)
        pair = frozenset((u, v))
        if parallel[pair]:  # a second edge between the same two nodes curves away
            edge["curve"] = 0.2 * parallel[pair]
        parallel[pair] += 1
        edges.append(edge)
    _edge_widths(edges)

    nodes = [_node(node, attrs, degree[node]) for node, attrs in graph.nodes(data=True)]
    counts = Counter(n["type"] for n in nodes)
    _link_domains(nodes, ends, graph)
    known = [c for c in CLASS_STYLES if c in counts]
    classes = known + sorted(c for c in counts if c not in CLASS_STYLES)
    layout = "physics"
    if len(nodes) > LARGE_GRAPH:
        from kg.view.layout import spring_positions

        positions = spring_positions(list(graph.nodes), ends)
        for node, record in zip(graph.nodes, nodes):
            record["x"], record["y"] = positions[node]
        layout = "precomputed"
    return {
        "directed": bool(graph.is_directed()),
        "layout": layout,
        "classes": [{"name": c, "color": _style(c)[0], "shape": _style(c)[1], "count": counts[c]}
                    for c in classes],
        "filters": _filters(nodes, edges),
        "nodes": nodes,
        "edges": edges,
    }


# the classes the technology-domain filter applies to, through the domains they link to
DOMAIN_SUBJECTS = ("Agreement", "ExportControl")
STATUSES = ("Planned", "Completed", "Cancelled")


def _link_domains(nodes: list[dict], ends: list[tuple[Any, Any]], graph: Any) -> None:
    """Give agreements and export controls the ids of the technology domains they touch."""
    types = {node: attrs.get("type") for node, attrs in graph.nodes(data=True)}
    covers: dict[str, set[str]] = defaultdict(set)
    for u, v in ends:
        for a, b in ((u, v), (v, u)):
            if types.get(a) in DOMAIN_SUBJECTS and types.get(b) == "TechnologyDomain":
                covers[str(a)].add(str(b))
    for record in nodes:
        if record["id"] in covers:
            record["domains"] = sorted(covers[record["id"]])


def _filters(nodes: list[dict], edges: list[dict]) -> dict[str, Any]:
    """The choices the page's filters offer, taken from the data."""
    titles: dict[str, str] = {}
    for e in edges:
        for item in e.get("evidence", ()):
            if item.get("doc") and item.get("title"):
                titles.setdefault(item["doc"], item["title"])
    docs = sorted({d for n in nodes for d in n.get("documents", ())})
    present = {n.get("status") for n in nodes}
    months = sorted(n["date"][:7] for n in nodes
                    if re.match(r"\d{4}-\d{2}", n.get("date", "")) or re.fullmatch(r"\d{4}", n.get("date", "")))
    return {
        "domains": sorted(({"id": n["id"], "label": n["label"]} for n in nodes if n["type"] == "TechnologyDomain"),
                          key=lambda d: d["label"].casefold()),
        "statuses": [s for s in STATUSES if s in present] + sorted(s for s in present if s and s not in STATUSES),
        "documents": [{"id": d, "title": titles.get(d, "")} for d in docs],
        "months": [months[0][:4] + "-01" if len(months[0]) == 4 else months[0],
                   months[-1][:4] + "-12" if len(months[-1]) == 4 else months[-1]] if months else [],
    }


def _node(node: Any, attrs: dict, degree: int) -> dict[str, Any]:
    iri = str(attrs.get("iri") or node)
    record: dict[str, Any] = {
        "id": str(node),
        "label": _text(attrs.get("label")) or local_name(iri),
        "type": _text(attrs.get("type")) or "Other",
        "iri": iri,
        "degree": degree,
    }
    for key in ("date", "status"):
        if attrs.get(key) not in (None, ""):
            record[key] = _text(attrs[key])
    for key in ("members", "sources"):  # sources: distinct stories (syndicated copies count once)
        number = _number(attrs.get(key))
        if number is not None and (number or key != "sources"):
            record[key] = number
    documents = attrs.get("documents")
    if documents:
        record["documents"] = [_text(d) for d in (documents if isinstance(documents, (list, tuple, set)) else [documents])]
    return record


def _edge(edge_id: str, u: Any, v: Any, attrs: dict) -> dict[str, Any]:
    record: dict[str, Any] = {"id": edge_id, "from": str(u), "to": str(v),
                              "label": _text(attrs.get("label"))}
    if attrs.get("predicate"):  # the fact's relation: the page's Review buttons need it
        record["predicate"] = _text(attrs["predicate"])
    for key in ("weight", "sources"):
        number = _number(attrs.get(key))
        if number is not None and (number or key != "sources"):  # no sources: nothing to say
            record[key] = number
    evidence = [_evidence(e) for e in attrs.get("evidence") or () if isinstance(e, dict)]
    if evidence:
        record["evidence"] = evidence
    return record


def _evidence(item: dict) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key in EVIDENCE_KEYS:
        value = item.get(key)
        if value in (None, ""):
            continue
        record[key] = _number(value) if key == "confidence" else _text(value)
    return record


def _edge_widths(edges: list[dict]) -> None:
    """Countries projection: edge width 1-6 px by weight (square root scale)."""
    weights = [e["weight"] for e in edges if "weight" in e]
    if not weights:
        return
    low, high = math.sqrt(max(min(weights), 0)), math.sqrt(max(max(weights), 0))
    for e in edges:
        if "weight" in e:
            share = (math.sqrt(max(e["weight"], 0)) - low) / (high - low) if high > low else 0.5
            e["width"] = round(1 + 5 * share, 2)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    return value if isinstance(value, int) else number


def _style(cls: str) -> tuple[str, str]:
    return CLASS_STYLES.get(cls, OTHER_STYLE)


def script_json(obj: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _legend(classes: list[dict]) -> str:
    items = []
    for c in classes:
        name = html.escape(c["name"])
        shape = _SWATCH.get(c["shape"], _SWATCH["dot"])
        items.append(
            f'<li><label><input type="checkbox" checked data-class="{name}">'
            f'<svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" fill="{c["color"]}"'
            f' stroke="#3b3b3b" stroke-width="0.8">{shape}</svg>'
            f'<span class="cls">{name}</span><span class="n">{c["count"]}</span></label></li>'
        )
    return "\n".join(items)


def _banner(aggregated: dict | None) -> str:
    if not aggregated:
        return ""
    return (f'<div id="kg-banner" role="status">Aggregated view: {aggregated["nodes"]:,} nodes in '
            f'{aggregated["communities"]:,} communities; use --focus or filters to see individual nodes</div>')


def _asset(name: str) -> str:
    try:
        return resources.files("kg.view").joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"kg's view asset {name} is missing ({exc}); reinstall kg.") from exc


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _page(data: dict[str, Any], title: str) -> str:
    vis = _asset("static/vis-network.min.js")
    from kg.review.view import review_script

    app = _asset("static/view.js") + review_script()  # Confirm/Reject buttons (kg review)
    if "</script" in vis.lower() or "</script" in app.lower():
        raise ExportError("a bundled script contains '</script'; it cannot be inlined.")
    n, m = len(data["nodes"]), len(data["edges"])
    fields = {
        "csp": f"default-src 'none'; script-src {_csp_hash(vis)} {_csp_hash(app)}; "
               "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        "title": html.escape(title),
        "counts": f"{n:,} node{'s' * (n != 1)} · {m:,} edge{'s' * (m != 1)}",
        "banner": _banner(data.get("aggregated")),
        "legend": _legend(data["classes"]),
        "data": script_json(data),
        "vis": vis,
        "app": app,
    }
    return _PLACEHOLDER.sub(lambda match: fields[match.group(1)], _asset("template.html"))
