"""The benchmark corpus: Reuters-21578 stories from ``../shared/corpus`` when present,
else generated text (sentences built from templates).

Corpus text is read at run time only; nothing of it is copied into the project.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters-21578"
SEED = 1987


@dataclass
class Corpus:
    """The documents of one run and what they are."""

    documents: list  # kg.documents.Document
    source: str  # "reuters-21578" or "generated"
    available: int  # stories the source holds (with a body), before sampling
    description: str
    available_words: int = 0  # whitespace words of all those stories, after clean_text

    @property
    def words(self) -> int:
        return sum(len(d.text.split()) for d in self.documents)

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.documents)


def load_corpus(n: int | None, *, folder: Path = REUTERS, force_generated: bool = False) -> Corpus:
    """``n`` stories sampled with a fixed seed (all of them when ``n`` is None)."""
    files = sorted(folder.glob("*.json")) if folder.is_dir() and not force_generated else []
    if files:
        docs = _reuters(files)
        available = len(docs)
        available_words = sum(len(d.text.split()) for d in docs)
        if n is not None and n < available:
            picked = sorted(random.Random(SEED).sample(range(available), n))
            docs = [docs[i] for i in picked]
        what = (f"Reuters-21578 (1987 newswire), {len(docs):,} of the {available:,} stories "
                f"with a body" + (f", sampled with seed {SEED}" if len(docs) < available else "")
                + "; bodies cleaned with kg.clean.clean_text")
        return Corpus(docs, "reuters-21578", available, what, available_words)
    count = n if n is not None else 2000
    docs = generated_documents(count)
    why = "--generated given" if force_generated else f"Reuters-21578 not found at {folder}"
    what = f"generated text: {count:,} documents of 3-12 sentences built from templates ({why})"
    corpus = Corpus(docs, "generated", count, what)
    corpus.available_words = corpus.words
    return corpus


def _reuters(files: list[Path]) -> list:
    from kg.clean import clean_text
    from kg.documents import Document

    docs = []
    for path in files:
        for story in json.loads(path.read_text(encoding="utf-8", errors="replace")):
            body = (story.get("body") or "").strip()
            if not body:
                continue
            text = clean_text(body)
            if not text:
                continue
            newid = (story.get("attrs") or {}).get("newid") or f"{path.stem}-{len(docs)}"
            docs.append(Document(id=f"reuters-{newid}", text=text,
                                 title=(story.get("title") or None),
                                 published=_date(story.get("date", ""))))
    return docs


def _date(value: str) -> dt.date | None:
    """``"03-MAR-1987 14:22:25.46"`` -> 1987-03-03."""
    try:
        return dt.datetime.strptime(value.strip().split()[0].title(), "%d-%b-%Y").date()
    except (ValueError, IndexError):
        return None


# Template parts for generated text: the kind of sentence kg reads, in the bench's own words.
_STATES = ["Japan", "South Korea", "the United States", "Germany", "France", "India", "Brazil",
           "Canada", "Australia", "China", "the United Kingdom", "Italy", "Mexico", "Singapore"]
_FIELDS = ["semiconductors", "artificial intelligence", "quantum computing", "space research",
           "batteries", "biotechnology", "6G networks", "critical minerals", "robotics"]
_TEMPLATES = [
    "{a} and {b} signed an agreement on {f} in {city} on {day}.",
    "Officials said {a} will sign a memorandum with {b} covering {f} and {g} next month.",
    "{a} imposed export controls on {f} equipment bound for {b}, the ministry said.",
    "Leaders of {a} and {b} met in {city} to discuss cooperation on {f}.",
    "Trade ministers from {a} said talks with {b} on {f} had stalled over tariffs.",
    "The two governments expect the {f} pact to be concluded before the end of the year.",
    "Shares of chipmakers rose 2.5 pct after {a} eased restrictions on {f} exports.",
    "Analysts in {city} said demand for {f} would grow by about 12 pct in {year}.",
    "{a} plans to spend 4.2 billion dlrs on {f} research over five years, officials said.",
    "The agreement between {a} and {b} was cancelled after the election.",
]
_CITIES = ["Tokyo", "Seoul", "Washington", "Paris", "Berlin", "New Delhi", "Ottawa", "Geneva"]


def generated_documents(n: int, *, seed: int = SEED) -> list:
    """``n`` documents of 3 to 12 template sentences, dated across 2020-2025."""
    from kg.documents import Document

    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(3, 12)):
            a, b = rng.sample(_STATES, 2)
            f, g = rng.sample(_FIELDS, 2)
            s = rng.choice(_TEMPLATES).format(a=a, b=b, f=f, g=g, city=rng.choice(_CITIES),
                                              day=f"{rng.randint(1, 28)} March", year=rng.randint(2020, 2026))
            sentences.append(s[0].upper() + s[1:])
        published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        docs.append(Document(id=f"generated-{i:06d}", text=" ".join(sentences), published=published))
    return docs
