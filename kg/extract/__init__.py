"""Extraction: a parsed document in, typed records (entities, facts, evidence) out."""
from __future__ import annotations

from ..documents import Document
from ..link.mentions import MentionLinker
from ..vocab import TA, TAI, entity_iri, local_name, slug
from .cues import Cues, load_cues
from .events import Event, EventFinder
from .records import Entity, Evidence, Extraction, Fact, Value
from .roles import find_roles

__all__ = ["extract", "Entity", "Evidence", "Extraction", "Fact", "Value"]

EXTRACTOR_VERSION = "kg-rules 0.2.0"


def extract(document: Document, sdoc, *, gazetteer, cues: Cues | None = None) -> Extraction:
    """Extract entities and facts from ``sdoc`` (the spaCy parse of ``document.text``)."""
    cues = cues or load_cues()
    out = Extraction(document.id)
    linker = MentionLinker(gazetteer, document.published)
    mentions = [m for m in linker.link(sdoc) if _keep_domain(m, sdoc, cues)]
    hedged = {}

    def evidence(sent, confidence=0.9) -> Evidence:
        key = sent.start_char
        if key not in hedged:
            hedged[key] = any(t.lower_ in cues.hedge_words for t in sent)
        conf = round(confidence - (0.25 if hedged[key] else 0.0), 2)
        text = sent.text
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        return Evidence(text, sent.start_char + lead, sent.start_char + lead + len(text), conf)

    for m in mentions:
        alts = {m.surface} if m.surface != m.label and m.cls != "Country" else set()
        if m.entry is not None and m.entry.cls == m.cls and m.cls in ("Organization", "Person", "Place"):
            alts |= {a for a in m.entry.aliases if a != m.label}
            alts |= _usual_name(m.entry, gazetteer)
        out.add_entity(Entity(m.iri, m.cls, m.label, alts))

    roles = find_roles(sdoc, mentions, gazetteer, cues)
    person_country = {p: r.country for p, r in roles.items() if r.country}
    # an EU commissioner acts for the European Union, which makes agreements and meets as a party
    eu = entity_iri("org", "European Union")
    person_country.update({p: eu for p, r in roles.items()
                           if not r.country and r.acts_for_body and r.organization == eu})
    mentioned = {m.iri for m in mentions}
    for role in roles.values():
        if role.ministry and role.country and (role.organization is None or not role.org_from_text):
            _named_ministry(out, role, gazetteer)
        if role.organization and not role.org_from_text:
            entry = gazetteer.entries.get(role.organization)
            # the gazetteer's office counts when the body is named here and is not a legislature,
            # nor a leader's seat ("the Elysee said": Macron is not a member of his palace)
            if role.organization not in mentioned or (entry is not None and entry.kind == "legislature") \
                    or _leader(role.person, gazetteer):
                role.organization = None
        if role.country:
            _ensure_country(out, role.country, gazetteer)
            conf = 0.9 if role.from_text else 0.7
            out.add_fact(Fact(role.person, "represents", role.country, evidence(role.country_sent, conf)))
        if role.organization:
            _ensure_entity(out, role.organization, gazetteer)
            conf = 0.9 if role.from_text else 0.7
            out.add_fact(Fact(role.person, "memberOf", role.organization, evidence(role.org_sent, conf)))

    finder = EventFinder(sdoc, mentions, cues, person_country, document.published)
    events = finder.run()
    iris = {id(ev): _event_iri(ev, document) for ev in events}
    for iri, label in getattr(finder, "extra_places", {}).items():  # "visit Tokyo": the city, not named as such
        if iri not in out.entities:
            out.add_entity(Entity(iri, "Place", label, mentioned=False))
    for ev in events:
        _emit_event(out, ev, iris, evidence, document, gazetteer)
    return out


def _leader(person, gaz) -> bool:
    entry = gaz.entries.get(person)
    title = gaz.title(entry.role) if entry is not None and entry.role else None
    return title is not None and title.kind == "leader"


def _named_ministry(out, role, gaz) -> None:
    """"foreign ministry spokesman Zhao Lijian": the person belongs to that state's ministry."""
    descriptor, sent, start, end = role.ministry
    iso = local_name(role.country)
    entry, canonical = gaz.ministry(iso, descriptor)
    surface = sent.doc.text[start:end]
    if entry is not None:
        alts = (set(entry.aliases) | _usual_name(entry, gaz) | {surface}) - {entry.label}
        out.add_entity(Entity(entry.iri, "Organization", entry.label, alts))
        role.organization = entry.iri
    else:
        home = gaz.entries.get(role.country)
        iri = entity_iri("org", f"{canonical} of {home.label if home else iso}")
        out.add_entity(Entity(iri, "Organization", canonical, {surface}))
        role.organization = iri
    role.org_sent, role.org_from_text = sent, True


def _usual_name(entry, gaz) -> set[str]:
    """"Ministry of Commerce" for the gazetteer's "Ministry of Commerce of China": a state's
    body is usually named without its state."""
    home = gaz.entries.get(f"{TAI}country/{entry.country}") if entry.country else None
    if entry.cls != "Organization" or home is None:
        return set()
    for tail in (f" of the {home.label}", f" of {home.label}"):
        if entry.label.endswith(tail):
            return {entry.label[:-len(tail)]}
    return set()


def _keep_domain(m, sdoc, cues) -> bool:
    """Generic words ("space", "defense") count as a technology domain only in a list of
    domains or next to a technology noun ("space cooperation", "outer space")."""
    if m.cls != "TechnologyDomain" or m.surface.lower() not in cues.ambiguous_domains:
        return True
    sent = sdoc[m.start].sent
    nxt = sdoc[m.end].lower_ if m.end < len(sdoc) else ""
    prev = sdoc[m.start - 1].lower_ if m.start > 0 else ""
    if nxt in cues.domain_context_nouns or prev in ("outer",):
        return True
    others = [t for t in sent if t.ent_type_ == "TECH" and not (m.start <= t.i < m.end)
              and t.text.lower() not in cues.ambiguous_domains]
    return bool(others) and any(abs(t.i - m.start) <= 8 for t in others)


def _ensure_country(out, iri, gaz):
    entry = gaz.entries.get(iri)
    if entry is not None and entry.cls != "Country":  # a body among a grouping's members (the EU)
        return _ensure_entity(out, iri, gaz)
    out.add_entity(Entity(iri, "Country", entry.label if entry else local_name(iri), mentioned=False))


def _ensure_entity(out, iri, gaz):
    if iri in out.entities:
        return
    entry = gaz.entries.get(iri)
    if entry is not None:
        out.add_entity(Entity(iri, entry.cls, entry.label, set(entry.aliases) - {entry.label}, mentioned=False))


def _year(ev: Event) -> str | None:
    return ev.dates[0][0].lexical[:4] if ev.dates else None


def _event_iri(ev: Event, document) -> str:
    parties = "-".join(sorted(local_name(p) for p in ev.parties)).lower()
    if ev.kind == "Agreement":
        year = _year(ev)
        return f"{TAI}agreement/{parties}" + (f"-{year}" if year else "")
    if ev.kind == "Summit":
        who = parties or "-".join(sorted(slug(local_name(p)) for p in ev.persons))
        where = "-".join(sorted(local_name(p) for p in ev.places)) if not who else ""
        when = ev.dates[0][0].lexical if ev.dates else (document.published.isoformat() if document.published else "")
        base = "-".join(x for x in (slug(ev.name_hint) if ev.name_hint and not who else "", who, where, when) if x)
        return f"{TAI}summit/{base or slug(document.id)}"
    domains = "-".join(sorted(local_name(d) for d in ev.covers))[:60]
    year = document.published.year if document.published else ""
    return f"{TAI}export-control/{parties}" + (f"-{domains}" if domains else "") + (f"-{year}" if year else "")


def _labels(out, iris):
    return [out.entities[i].label if i in out.entities else local_name(i) for i in sorted(iris)]


def _emit_event(out, ev, iris, evidence, document, gaz):
    iri = iris[id(ev)]
    first = ev.sentences[0]
    for p in ev.parties:
        if p not in out.entities:
            _ensure_country(out, p, gaz)
    party_names = " – ".join(_labels(out, ev.parties))
    if ev.kind == "Agreement":
        label = f"{party_names} {ev.name_hint or 'agreement'}"
        if _year(ev):
            label += f" ({_year(ev)})"
        pred_party = "party"
    elif ev.kind == "Summit":
        who = " – ".join(_labels(out, ev.persons)) or party_names
        label = (ev.name_hint or "summit") + (f": {who}" if who else "")
        if not who and ev.places:
            label += " in " + ", ".join(_labels(out, ev.places))
        if ev.dates:
            label += f" ({ev.dates[0][0].lexical})"
        pred_party = "participant"
    else:
        label = f"{party_names} export controls"
        if ev.covers:
            label += " on " + ", ".join(_labels(out, ev.covers))
        pred_party = "imposedBy"
    out.add_entity(Entity(iri, ev.kind, label, mentioned=True))
    for p in sorted(ev.parties):
        out.add_fact(Fact(iri, pred_party, p, evidence(ev.party_sent.get(p, first))))
    for p in sorted(ev.persons):
        pred = "signatory" if ev.kind == "Agreement" else "participant"
        out.add_fact(Fact(iri, pred, p, evidence(ev.person_sent.get(p, first))))
    for d, sent in ev.covers.items():
        out.add_fact(Fact(iri, "covers", d, evidence(sent)))
    if ev.kind == "ExportControl":
        for c, sent in ev.targets.items():
            _ensure_country(out, c, gaz)
            out.add_fact(Fact(iri, "targets", c, evidence(sent, 0.7)))
    if ev.kind in ("Agreement", "Summit"):
        for place, sent in ev.places.items():
            if place in out.entities and out.entities[place].cls == "Place":
                out.add_fact(Fact(iri, "location", place, evidence(sent)))
        dates = ev.dates
        if not dates and ev.kind == "Agreement":
            dates = [d for s, _sent in ev.during for d in s.dates]
        for value, sent in _distinct_dates(dates):
            out.add_fact(Fact(iri, "date", value, evidence(sent, 0.8)))
        status, sent = _status(ev, document)  # one per document, as the shapes say
        if status:
            out.add_fact(Fact(iri, "status", TA + status,
                              evidence(sent, 0.8 if status != "Completed" or ev.statuses else 0.6)))
        for summit, sent in ev.during:
            if id(summit) in iris:
                out.add_fact(Fact(iri, "duringEvent", iris[id(summit)], evidence(sent, 0.8)))


def _distinct_dates(dates):
    """Each date an event is given once, a coarser one dropped when a finer one says the
    same ("2025-10" besides "2025-10-29"): an agreement named twice, or two agreements
    between the same parties, can carry several."""
    seen = {}
    for value, sent in dates:
        seen.setdefault(value.lexical, (value, sent))
    keys = list(seen)
    return [seen[k] for k in keys if not any(o != k and o.startswith(k) for o in keys)]


def _status(ev: Event, document):
    cancelled = [s for s in ev.statuses if s[0] == "Cancelled"]
    if cancelled:
        return cancelled[0]
    if ev.statuses:
        return ev.statuses[0]
    first = ev.sentences[0]
    if ev.kind == "Agreement":
        return "Completed", first  # an agreement the news refers to without a plan cue exists
    if ev.dates and document.published:
        when = ev.dates[0][0].lexical
        today = document.published.isoformat()[: len(when)]
        return ("Planned" if when > today else "Completed"), ev.dates[0][1]
    return None, first
