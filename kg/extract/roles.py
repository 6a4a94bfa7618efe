"""Who acts for whom: ``ta:represents`` (person → state) and ``ta:memberOf`` (person → body).

Sources, strongest first: a title phrase in the text ("U.S. President Donald Trump",
"White House OSTP Director Michael Kratsios", "Commerce Secretary Malcolm Baldrige"), an
apposition ("Osamu Watanabe, Director of MITI's Americas Division"), then the gazetteer.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..vocab import country_iri


@dataclass(slots=True)
class Role:
    person: str
    country: str | None = None
    organization: str | None = None
    country_sent: object = None
    org_sent: object = None
    from_text: bool = False
    org_from_text: bool = False


def find_roles(sdoc, mentions, gaz, cues) -> dict[str, Role]:
    by_token = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token[i] = m
    roles: dict[str, Role] = {}
    for m in mentions:
        if m.cls != "Person":
            continue
        role = roles.setdefault(m.iri, Role(m.iri))
        sent = sdoc[m.start].sent
        _title_before(sdoc, m, by_token, gaz, cues, role, sent)
        _apposition_after(sdoc, m, by_token, gaz, cues, role, sent)
    for m in mentions:  # the gazetteer fills what the text did not say
        if m.cls == "Person" and m.entry is not None:
            role = roles[m.iri]
            if role.country is None and m.entry.country:
                role.country = country_iri(m.entry.country)
                role.country_sent = sdoc[m.start].sent
            if role.organization is None and m.entry.organization:
                role.organization = m.entry.organization
                role.org_sent = sdoc[m.start].sent
    return roles


def _title_words(tokens, gaz, cues):
    """The longest title among ``tokens`` (read right to left, ending next to the name)."""
    for k in range(len(tokens)):
        phrase = " ".join(t.text for t in tokens[k:])
        title = gaz.title(phrase)
        if title is not None or phrase.lower() in cues.state_titles:
            return phrase, title
    return None, None


def _title_before(sdoc, m, by_token, gaz, cues, role, sent):
    """"U.S. President Donald Trump", "Chinese President Xi", "OSTP Director Michael Kratsios"."""
    i = m.start - 1
    title_tokens = []
    while i >= sent.start and i not in by_token and sdoc[i].is_title or (i >= sent.start and sdoc[i].text in ("Sen.", "Rep.", "Gov.")):
        if i in by_token:
            break
        title_tokens.insert(0, sdoc[i])
        i -= 1
    phrase, title = _title_words(title_tokens, gaz, cues) if title_tokens else (None, None)
    if phrase is None:
        return
    kind_is_state = title is None or title.kind in ("leader", "minister", "official", "legislator", "diplomat", "spokesperson")
    if not kind_is_state:
        return
    left = by_token.get(i)
    if left is not None and left.cls == "Country":
        role.country, role.country_sent, role.from_text = left.iri, sent, True
    elif left is not None and left.cls == "Organization":
        role.organization, role.org_sent, role.from_text = left.iri, sent, True
        role.org_from_text = True
        if left.entry is not None and left.entry.country:
            role.country, role.country_sent = country_iri(left.entry.country), sent
    if title is not None:
        if title.country and role.country is None:
            role.country, role.country_sent = country_iri(title.country), sent
        if title.organization and role.organization is None and title.kind not in ("legislator", "leader"):
            role.organization, role.org_sent = title.organization, sent
            role.org_from_text = True


def _apposition_after(sdoc, m, by_token, gaz, cues, role, sent):
    """"Osamu Watanabe, Director of the Ministry of International Trade and Industry's ..."."""
    j = m.end
    if j >= sent.end or sdoc[j].text != ",":
        return
    window = sdoc[j + 1:min(sent.end, j + 14)]
    words = [t.lower_ for t in window]
    if not any(w in cues.state_titles for w in words[:4]):
        return
    for t in window:
        if t.text in (",", ";") and t.i > j + 2:
            break
        other = by_token.get(t.i)
        if other is not None and other.cls == "Organization":
            role.organization, role.org_sent, role.from_text = other.iri, sent, True
            role.org_from_text = True
            if other.entry is not None and other.entry.country:
                role.country, role.country_sent = country_iri(other.entry.country), sent
            return
        if other is not None and other.cls == "Country" and role.country is None:
            role.country, role.country_sent = other.iri, sent
