import networkx as nx

from kg.notebook import rows, show


def test_notebook_rows_are_dicts(sample_store):
    out = rows(sample_store, "SELECT ?l WHERE { ?c a ta:Country ; rdfs:label ?l } ORDER BY ?l")
    assert out and all(set(r) == {"l"} for r in out)
    assert "Japan" in {r["l"] for r in out}


def test_notebook_show_renders_inline_iframe_with_escaped_page():
    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/techalliance/id/country/JPN", label="<b>Japan</b>", type="Country")
    view = show(g)
    markup = view._repr_html_()
    assert markup.startswith("<iframe") and 'sandbox="allow-scripts"' in markup
    assert "<b>Japan</b>" not in markup  # page text is escaped inside srcdoc
