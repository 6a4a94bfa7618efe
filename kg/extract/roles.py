"""Who acts for whom: ``ta:represents`` (person → state) and ``ta:memberOf`` (person → body).

Sources, strongest first: a title phrase in the text ("U.S. President Donald Trump",
"India's petroleum minister X", "his Japanese counterpart X", "South Korea's ambassador,
X,"), an apposition ("Osamu Watanabe, Director of MITI's Americas Division", "X, Korea's
trade minister", "X of the Korean Mission in Taipei"), then the gazetteer. Never proximity:
a state counts only inside the title phrase or apposition (the host state of "ambassador
to the US" does not), and a body gives its state only when it is a state body (a ministry,
an agency, a state-owned company), never a company or an industry association. A title's
office ("Commerce Secretary" → the Commerce Department) is a membership only where the
text names that body.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..vocab import country_iri
from .memberships import find_memberships


@dataclass(slots=True)
class Role:
    person: str
    country: str | None = None
    organization: str | None = None
    country_sent: object = None
    org_sent: object = None
    from_text: bool = False
    org_from_text: bool = False
    acts_for_body: bool = False  # the text's title is of an international body (EU commissioner)
    ministry: tuple | None = None  # ("foreign", sentence, start_char, end_char) named in a title


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
        if role.country is None and role.organization is None:
            _spokesperson_of_previous(sdoc, m, by_token, role, sent)
    find_memberships(sdoc, mentions, by_token, gaz, roles)  # "X, a member of the Council"
    for m in mentions:  # the gazetteer fills what the text did not say
        if m.cls == "Person" and m.entry is not None:
            role = roles[m.iri]
            if role.country is None and m.entry.country and not role.acts_for_body:
                role.country = country_iri(m.entry.country)
                role.country_sent = sdoc[m.start].sent
            if role.organization is None and m.entry.organization:
                role.organization = m.entry.organization
                role.org_sent = sdoc[m.start].sent
    return roles


def _title_words(tokens, gaz, cues):
    """The longest title among ``tokens`` (read right to left, ending next to the name);
    failing that, a title with a portfolio after "of"/"for": "Minister of Electronics",
    "Permanent Secretary for Trade", "Minister for Industry and Science"."""
    for k in range(len(tokens)):
        phrase = " ".join(t.text for t in tokens[k:]).replace(" ,", ",")
        title = gaz.title(phrase)
        if title is not None or phrase.lower() in cues.state_titles:
            return phrase, title
    for end, t in enumerate(tokens):
        if t.lower_ not in ("of", "for") or end == 0:
            continue
        for k in range(end):
            phrase = " ".join(x.text for x in tokens[k:end])
            title = gaz.title(phrase)
            if title is not None or phrase.lower() in cues.state_titles:
                return " ".join(x.text for x in tokens[k:]).replace(" ,", ","), title
        break
    return None, None


def _title_of_state(sdoc, left, sent, gaz, cues):
    """"the Emir of Qatar, Sheikh Tamim", "Prime Minister of India Narendra Modi": the title
    words before "of" and a state."""
    j = left.start - 1
    if j - 1 < sent.start or sdoc[j].lower_ != "of":
        return []
    words = []
    i = j - 1
    while i >= sent.start and len(words) < 4 and sdoc[i].is_title and sdoc[i].is_alpha:
        words.insert(0, sdoc[i])
        i -= 1
    for k in range(len(words)):
        phrase = " ".join(x.text for x in words[k:])
        if gaz.title(phrase) is not None or phrase.lower() in cues.state_titles:
            return words[k:]
    return []


_CONNECTORS = {"of", "for", "and", "the", "'s", "’s", "'", "’", "-"}
_MODIFIER_POS = {"NOUN", "ADJ", "PROPN"}
_STATE_KINDS = ("leader", "minister", "official", "legislator", "diplomat", "spokesperson")


def _title_span(sdoc, m, by_token, sent):
    """The title phrase right before a name, read leftwards: "U.S. Secretary of State",
    "India's petroleum minister", "Japan's foreign minister," (apposition), "Saudi Foreign
    Minister Prince", "his Japanese counterpart". Returns (tokens, mention at its left
    edge or None)."""
    i = m.start - 1
    closed = m.end >= sent.end or sdoc[m.end].is_punct  # "..., Taro Kono, lodged" / "..., Nam Gwan-pyo."
    if closed and i >= sent.start and sdoc[i].text == "," and i - 1 >= sent.start and (
            sdoc[i - 1].i not in by_token or by_token[i - 1].cls in ("Organization", "Country", "Place")):
        i -= 1  # "South Korea's ambassador, Nam Gwan-pyo", "a spokesperson for the Ministry, X"
    tokens = []
    while i >= sent.start and len(tokens) < 8:
        t = sdoc[i]
        if i in by_token and by_token[i].cls == "TechnologyDomain" and not t.is_title:
            tokens.insert(0, t)  # "defense chief", "minister of state for artificial intelligence"
            i -= 1
            continue
        if i in by_token:
            left = by_token[i]
            if tokens and tokens[0].lower_ == "and" and left.cls in ("Country", "Place"):
                break  # "X of India and Business Secretary Y": the state ends the conjunct before
            k = left.start - 1
            if k > sent.start and sdoc[k].lower_ == "the":
                k -= 1
            if left.cls in ("Country", "Place") and k > sent.start and sdoc[k].lower_ in ("to", "in"):
                i = k - 1  # "China's ambassador to the US, X": the host state is not represented
                continue
            return tokens, (left if left.cls in ("Country", "Organization") else None)
        if t.text in ("Sen.", "Rep.", "Gov.") or t.is_title or t.text.isupper() and t.is_alpha:
            tokens.insert(0, t)
        elif t.lower_ in _CONNECTORS and tokens:
            tokens.insert(0, t)
        elif t.text == "," and tokens and tokens[0].is_title and i - 1 >= sent.start and \
                sdoc[i - 1].is_title and sdoc[i - 1].is_alpha and (i - 1) not in by_token:
            tokens.insert(0, t)  # "Minister of Economy, Trade and Industry"
        elif t.is_lower and t.is_alpha and t.pos_ in _MODIFIER_POS:
            tokens.insert(0, t)
        else:
            break
        i -= 1
    while tokens and (tokens[0].lower_ in _CONNECTORS or tokens[0].text == ","):
        tokens.pop(0)
    return tokens, None


def _title_before(sdoc, m, by_token, gaz, cues, role, sent):
    """"U.S. President Donald Trump", "Chinese President Xi", "OSTP Director Michael Kratsios",
    "India's petroleum minister Mani Shankar Aiyar", "Japan's foreign minister, Taro Kono"."""
    title_tokens, left = _title_span(sdoc, m, by_token, sent)
    if not title_tokens and left is not None and left.cls == "Organization":
        title_tokens = _title_of_body(sdoc, left, gaz, cues, sent)
    if not title_tokens and left is not None and left.cls == "Country":
        title_tokens = _title_of_state(sdoc, left, sent, gaz, cues)
    if left is not None and title_tokens and title_tokens[0].lower_ in ("'s", "’s"):
        title_tokens = title_tokens[1:]
    honorifics = gaz.words("honorific")
    while title_tokens and title_tokens[-1].text in honorifics:
        title_tokens = title_tokens[:-1]  # "Foreign Minister Prince Faisal"
    phrase, title = _title_words(title_tokens, gaz, cues) if title_tokens else (None, None)
    if phrase is None:
        return
    if any(t.lower_ in cues.non_state_title_words for t in title_tokens):
        # "Labour's shadow foreign secretary X": the party's, not the state's
        if left is not None and left.cls == "Organization" and _body_country(left) is None:
            role.organization, role.org_sent, role.from_text, role.org_from_text = left.iri, sent, True, True
        return
    kind_is_state = title is None or title.kind in _STATE_KINDS
    if not kind_is_state:
        return
    if left is not None and left.cls == "Country":
        role.country, role.country_sent, role.from_text = left.iri, sent, True
    elif left is not None and left.cls == "Organization":
        role.organization, role.org_sent, role.from_text = left.iri, sent, True
        role.org_from_text = True
        country = _body_country(left)
        if country:
            role.country, role.country_sent = country_iri(country), sent
        elif left.entry is not None and left.entry.kind == "international":
            role.acts_for_body = True  # "EU Trade Commissioner": the EU, not a state
    _ministry_in_title(title_tokens, gaz, role, sent)
    if title is not None:
        if title.country and role.country is None:
            role.country, role.country_sent = country_iri(title.country), sent
        if title.organization and role.organization is None and title.kind not in ("legislator", "leader"):
            # the title's office ("Commerce Secretary" → the Commerce Department) counts
            # only where the text also names that body, or where the title is the body's
            # name ("Minister of Economy, Trade and Industry" → that Ministry)
            role.organization, role.org_sent = title.organization, sent
            body = gaz.entries.get(title.organization)
            named = phrase.replace("Minister", "Ministry", 1).lower()
            if body is not None and phrase.startswith("Minister ") and \
                    named in {body.label.lower(), *(a.lower() for a in body.aliases)}:
                role.org_from_text = True
        if title.organization and title.country is None and role.country is None:
            role.acts_for_body = True
    if role.country is None and not role.acts_for_body:
        _of_state_after(sdoc, m, by_token, role, sent)


def _of_state_after(sdoc, m, by_token, role, sent):
    """"Foreign Minister Yoko Kamikawa of Japan", "Research Minister X of West Germany and
    ...": a state title before the name, the state after "of" (and not a longer name:
    "of Japan Airlines")."""
    k = m.end
    if k + 1 >= sent.end or sdoc[k].lower_ != "of":
        return
    k += 2 if sdoc[k + 1].lower_ == "the" else 1
    other = by_token.get(k)
    if other is None or other.cls != "Country" or other.start != k:
        return
    if other.end < sent.end and sdoc[other.end].text[:1].isupper() and sdoc[other.end].is_alpha:
        return
    role.country, role.country_sent, role.from_text = other.iri, sent, True


_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}


def _spokesperson_of_previous(sdoc, m, by_token, role, sent):
    """"China's commerce ministry condemned the pact. Spokesperson Shu Jueting said ...": a
    bare spokesperson title opening its sentence speaks for the one state body (or "X's
    ... ministry") the sentence before names."""
    i = m.start if sdoc[m.start].lower_ in _SPOKES else m.start - 1  # the name may take the title in
    if i - 1 >= sent.start and sdoc[i].text == "," and sdoc[i - 1].lower_ in _SPOKES:
        i -= 1  # "A spokesman, Kim Do-hyun, said"
    if i < sent.start or sdoc[i].lower_ not in _SPOKES or sent.start == 0:
        return
    if any(t.is_alpha and t.lower_ not in ("the", "a", "ministry") for t in sdoc[sent.start:i]):
        return
    prev = sdoc[sent.start - 1].sent
    bodies = {b.iri: b for b in (by_token.get(t.i) for t in prev) if b is not None
              and b.cls == "Organization" and _body_country(b)}
    ministries = [t for t in prev if t.lower_ == "ministry" and t.i - 2 >= prev.start and t.i not in by_token]
    if len(bodies) == 1 and not ministries:
        (body,) = bodies.values()
        role.organization, role.org_sent, role.org_from_text = body.iri, prev, True
        role.country, role.country_sent, role.from_text = country_iri(_body_country(body)), prev, True
        return
    if len(ministries) != 1 or bodies:
        return
    t = ministries[0]  # "China's commerce ministry", "the Chinese foreign ministry"
    word, owner = sdoc[t.i - 1], sdoc[t.i - 2]
    if owner.lower_ in ("'s", "’s") and t.i - 3 >= prev.start:
        owner = sdoc[t.i - 3]
    state = by_token.get(owner.i)
    if state is None or state.cls != "Country" or not word.is_alpha or word.i in by_token:
        return
    role.country, role.country_sent, role.from_text = state.iri, prev, True
    role.ministry = (word.lower_, prev, word.idx, t.idx + len(t.text))


def _title_of_body(sdoc, body, gaz, cues, sent):
    """"a spokesperson for the Ministry of Commerce, Shu Jueting": the title before the body."""
    j = body.start - 1
    if j >= sent.start and sdoc[j].lower_ == "the":
        j -= 1
    if j - 1 < sent.start or sdoc[j].lower_ not in ("for", "of", "at"):
        return []
    head = sdoc[j - 1]
    if head.lower_ in cues.state_titles or gaz.title(head.text) is not None:
        return [head]
    return []


def _ministry_in_title(tokens, gaz, role, sent):
    """"foreign ministry spokesman", "commerce ministry official": the ministry is named."""
    words = [t.lower_ for t in tokens]
    for k, w in enumerate(words):
        if w in ("ministry", "department") and k > 0:
            role.ministry = (words[k - 1], sent, tokens[k - 1].idx, tokens[k].idx + len(tokens[k].text))
            return


def _apposition_after(sdoc, m, by_token, gaz, cues, role, sent):
    """"Osamu Watanabe, Director of the Ministry of International Trade and Industry's ...",
    "Kim Hyun-chong, Korea's trade minister", "Lee, of the Korean Mission in Taipei"."""
    j = m.end
    if j < sent.end and sdoc[j].lower_ == "of":
        _of_body(sdoc, j + 1, by_token, role, sent)
        return
    if j >= sent.end or sdoc[j].text != ",":
        return
    window = sdoc[j + 1:min(sent.end, j + 14)]
    words = [t.lower_ for t in window]
    if words[:1] == ["of"]:
        _of_body(sdoc, j + 2, by_token, role, sent)
        return
    if not any(w in cues.state_titles or gaz.title(w) is not None for w in words[:4] if w.isalpha()):
        return
    head, titled = None, False  # the apposition's head: "chief US economist for ..." is an economist
    for t in window:
        if t.lower_ in ("of", "for", "at", "with", "in", ",", ";", "who", "which") or t.i in by_token and by_token[t.i].cls == "Organization":
            break
        if t.is_alpha and t.pos_ in ("NOUN", "PROPN") and t.i not in by_token:
            head = t
            titled = titled or (t.lower_ != "chief" and _is_title_head(sdoc, t, gaz, cues))
    if head is None or not titled:
        return
    for t in window:
        if t.text in (",", ";") and t.i > j + 2:
            break
        if t.i in by_token and by_token[t.i].cls == "Person":
            return  # "Subir Raha, Gazprom chairman Aleksey Miller and ...": a list of people
    for t in window:
        if t.text in (",", ";") and t.i > j + 2:
            break
        if t.i > j + 1 and t.i - 1 not in by_token and by_token.get(t.i) is not None and sdoc[t.i - 1].lower_ == "and" \
                and by_token[t.i].cls == "Person":
            break  # "X, Commerce Secretary Y and ...": a list of people, not an apposition
        other = by_token.get(t.i)
        if other is not None and other.cls == "Person":
            break
        if other is not None and other.cls == "Organization":
            role.organization, role.org_sent, role.from_text = other.iri, sent, True
            role.org_from_text = True
            country = _body_country(other)
            if country:
                role.country, role.country_sent = country_iri(country), sent
            return
        if other is not None and other.cls == "Country" and role.country is None:
            prev = sdoc[t.i - 1]
            if t.i + 1 < sent.end and sdoc[t.i + 1].text[:1].isupper() and sdoc[t.i + 1].i not in by_token \
                    and (prev.lower_ == "of" or (prev.text[:1].isupper() and prev.i not in by_token
                                                 and not _is_title_head(sdoc, prev, gaz, cues))):
                continue  # "Association of Japan ...", "MMI Japan K.K.": part of a body's name
            role.country, role.country_sent = other.iri, sent


_STATE_BODIES = ("government", "legislature", "military", "state_company")


def _body_country(m) -> str | None:
    """The state a body acts for: a ministry or agency's, never a company's ("Gazprom
    chairman" does not act for Russia) nor an industry association's."""
    if m.country:
        return m.country
    if m.entry is not None and m.entry.kind in _STATE_BODIES:
        return m.entry.country
    return None


def _is_title_head(sdoc, head, gaz, cues) -> bool:
    """"minister", "Director-General", "secretary-general": a title, not "economist"."""
    if head.lower_ in cues.state_titles or gaz.title(head.text) is not None:
        return True
    if head.i >= 2 and sdoc[head.i - 1].text == "-":
        joined = f"{sdoc[head.i - 2].text}-{head.text}"
        return gaz.title(joined) is not None or gaz.title(joined.title()) is not None
    return False


def _of_body(sdoc, k, by_token, role, sent):
    """"of the Korean Mission in Taipei", "of the Foreign Ministry's North American Division"."""
    if k < sent.end and sdoc[k].lower_ == "the":
        k += 1
    k = _past_owner_state(sdoc, k, by_token, sent)  # "of Japan's Ministry of ..."
    other = by_token.get(k)
    if other is None or k >= sent.end:
        return
    if other.cls == "Organization":
        role.organization, role.org_sent, role.from_text, role.org_from_text = other.iri, sent, True, True
        country = _body_country(other)
        if country:
            role.country, role.country_sent = country_iri(country), sent
    elif other.cls == "Country" and other.end < sent.end and sdoc[other.end].text[:1].isupper():
        role.country, role.country_sent, role.from_text = other.iri, sent, True


def _past_owner_state(sdoc, k, by_token, sent) -> int:
    """"of (South) Korea's Ministry of Science": the body after its state's possessive."""
    for i in range(k, min(sent.end - 1, k + 4)):
        t = sdoc[i]
        if t.text in ("'s", "’s"):
            nxt = by_token.get(i + 1)
            return i + 1 if nxt is not None and nxt.cls == "Organization" and i > k else k
        m = by_token.get(i)
        if m is not None and m.cls == "Organization" and i > k and sdoc[k].ent_type_ == "":
            return i  # "South" before "Korea's Ministry ...", the state inside the body's span
        if not (m is not None and m.cls == "Country" or m is None and t.is_title and t.is_alpha):
            return k
    return k
