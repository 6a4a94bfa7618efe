"""Memberships the text states in words, not titles (read by :func:`kg.extract.roles.find_roles`).

* "X, a member of the National Security Council", "X, who sits on the board of Y",
  "X, a Security Council member": the person belongs to the body named there;
* "the council, which includes Finance Minister X and Defence Minister Y", "the panel,
  whose members include X": each person listed belongs to it;
* "X, Y and Z, who make up the Economic Policy Council", "The four, who form the
  council, ..." (the people named in the sentence before): each belongs to it;
* "Senators X of Utah and Y of Alabama": a plural title before a list of people gives each
  of them the title's state.

A body counts only where the text names it (a mention), never from a title's office.
"""
from __future__ import annotations

from ..nlp.boundaries import previous_sentence
from ..vocab import country_iri

_STATE_BODIES = ("government", "legislature", "military", "state_company")
_MEMBER_WORDS = {"member", "members"}
_SEAT_VERBS = {"sit", "sits", "sat", "serve", "serves", "served", "serving", "sitting"}
_HEAD_VERBS = {"heads", "headed", "leads", "led", "runs", "ran", "chairs", "chaired", "directs", "directed",
               "oversees", "oversaw"}
_INCLUDE_VERBS = {"include", "includes", "included", "including", "comprise", "comprises", "comprised",
                  "consist", "consists", "consisted"}
_MAKE_UP = {"make", "makes", "made", "form", "forms", "formed", "constitute", "constitutes", "constituted"}
_PLURAL_SUBJECTS = {"they", "two", "three", "four", "five", "six", "seven", "eight", "both", "ministers",
                    "officials", "men", "women", "leaders", "secretaries", "members"}


def find_memberships(sdoc, mentions, by_token, gaz, roles) -> None:
    """Fill ``roles`` (person IRI -> Role) with the memberships stated in words."""
    persons = [m for m in mentions if m.cls == "Person"]
    for m in persons:
        role = roles.get(m.iri)
        if role is not None and (role.organization is None or not role.org_from_text):
            body = _member_of_after(sdoc, m, by_token) or _body_acronym_title_before(sdoc, m, by_token, gaz) \
                or _body_title_apposition(sdoc, m, by_token, gaz)
            if body is not None:
                _set(role, body, sdoc[m.start].sent)
                state = body.country or (body.entry.country if body.entry is not None
                                         and body.entry.kind in _STATE_BODIES else None)
                if state and role.country is None:
                    role.country, role.country_sent = country_iri(state), sdoc[m.start].sent
    for m in mentions:
        if m.cls != "Organization":
            continue
        sent = sdoc[m.start].sent
        members = _listed_after(sdoc, m, by_token, sent) + _making_up(sdoc, m, by_token, sent, persons) \
            + _headed_by(sdoc, m, by_token, sent)
        for p in members:
            role = roles.get(p.iri)
            if role is not None and (role.organization is None or not role.org_from_text):
                _set(role, m, sent)
    _plural_title_lists(sdoc, persons, by_token, gaz, roles)
    for m in persons:
        role = roles.get(m.iri)
        if role is not None and role.country is None:
            state = _speaks_for_state(sdoc, m, by_token, gaz)
            if state is not None:
                role.country, role.country_sent, role.from_text = state.iri, sdoc[m.start].sent, True
                continue
            body = _ministry_of_previous(sdoc, m, by_token, gaz)
            if body is not None:
                _set(role, body, sdoc[m.start].sent)
                role.country, role.country_sent = country_iri(body.country or body.entry.country), sdoc[m.start].sent
                continue
            state = _body_of_previous(sdoc, m, by_token, gaz)
            if state is not None:  # "X, a spokesman for the embassy" after "China's embassy said"
                role.country, role.country_sent, role.from_text = state.iri, sdoc[m.start].sent, True
                continue
            entry = _unique_ministry_after(sdoc, m, gaz)
            if entry is not None:  # "X, the minister of trade, industry and energy," (Korea's)
                role.country, role.country_sent, role.from_text = country_iri(entry.country), sdoc[m.start].sent, True
                continue
            body = _portfolio_of_previous(sdoc, m, by_token, gaz)
            if body is not None:  # the state only: "Trade Minister" is no proof of membership
                role.country, role.country_sent = country_iri(body.country or body.entry.country), sdoc[m.start].sent


_GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "embassy", "mission", "delegation", "presidency"}
_SPEAK_VERBS = {"speaks", "spoke", "speaking", "works", "worked", "working"}


def _speaks_for_state(sdoc, m, by_token, gaz):
    """"A spokesperson for the Dutch government, X,", "X, who speaks for the Swedish
    government": the state whose government the title or verb names (a Country mention)."""
    sent = sdoc[m.start].sent
    if m.start - 1 > sent.start and sdoc[m.start - 1].text == ",":  # the title before the name
        i = m.start - 2
        if i >= sent.start and sdoc[i].lower_ in _GOVERNMENT_NOUNS:
            state = by_token.get(i - 1)
            j = i - 2 if state is not None else -1
            if j > sent.start and sdoc[j].lower_ == "the":
                j -= 1
            if state is not None and state.cls == "Country" and j > sent.start \
                    and sdoc[j].lower_ in ("for", "of", "at", "to") and gaz.title(sdoc[j - 1].text) is not None:
                return state
    k = m.end  # ", who speaks for the Swedish government"
    window = sdoc[k:min(sent.end, k + 8)]
    if len(window) >= 6 and window[0].text == "," and window[1].lower_ == "who" and window[2].lower_ in _SPEAK_VERBS \
            and window[3].lower_ == "for":
        j = k + 4 + (1 if sdoc[k + 4].lower_ == "the" else 0)
        state = by_token.get(j)
        if state is not None and state.cls == "Country" and state.end < sent.end \
                and sdoc[state.end].lower_ in _GOVERNMENT_NOUNS:
            return state
    return None


def _ministry_of_previous(sdoc, m, by_token, gaz):
    """"China's Ministry of Commerce announced curbs. Commerce ministry spokesperson X said":
    a title naming a ministry by its portfolio alone, opening the sentence, speaks for the one
    state body of that portfolio the sentence before names."""
    sent = sdoc[m.start].sent
    lead = [t for t in sdoc[sent.start:m.start] if t.lower_ not in ("the", "a") and not t.is_space]
    if sent.start == 0 or not 3 <= len(lead) <= 5 or any(t.i in by_token or not t.is_alpha for t in lead):
        return None
    words = [t.lower_ for t in lead]
    k = words.index("ministry") if "ministry" in words else 0
    descriptor = " ".join(words[:k])
    if k == 0 or k == len(words) - 1 or descriptor not in gaz.ministry_names:
        return None
    portfolio = gaz.ministry_names[descriptor].lower()
    prev = previous_sentence(sdoc, sent)
    if prev is None:
        return None
    bodies = {b.iri: b for b in (by_token.get(t.i) for t in prev) if b is not None and b.cls == "Organization"
              and (b.country or b.entry is not None and b.entry.country and b.entry.kind == "government")}
    fitting = [b for b in bodies.values() if portfolio in b.label.lower()]
    return fitting[0] if len(fitting) == 1 and len(bodies) == 1 else None


_MINISTER_HEADS = {"minister", "secretary"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson"}


def _body_of_previous(sdoc, m, by_token, gaz):
    """"China's embassy in Washington said ... Liu Pengyu, a spokesman for the embassy, said":
    a title "for/at the <government noun>" next to the name speaks for the state whose
    government noun the sentence before names ("China's embassy", "the Japanese embassy")."""
    sent = sdoc[m.start].sent
    window = list(sdoc[max(sent.start, m.start - 6):m.start]) + list(sdoc[m.end:min(sent.end, m.end + 7)])
    noun = None
    for k, t in enumerate(window[2:], start=2):
        if t.lower_ in _GOVERNMENT_NOUNS and window[k - 1].lower_ == "the" and window[k - 2].lower_ in ("for", "at", "of") \
                and k >= 3 and (window[k - 3].lower_ in _SPOKES or gaz.title(window[k - 3].text) is not None):
            noun = t.lower_
            break
    if noun is None or sent.start == 0:
        return None
    prev = previous_sentence(sdoc, sent)
    states = {}
    for t in prev:
        if t.lower_ != noun:
            continue
        for c in t.children:
            x = by_token.get(c.i)
            if c.dep_ in ("poss", "amod", "compound", "nmod") and x is not None and x.cls == "Country":
                states[x.iri] = x
    return next(iter(states.values())) if len(states) == 1 else None


def _unique_ministry_after(sdoc, m, gaz):
    """"Sung Yun-mo, the minister of trade, industry and energy,": a lower-case portfolio
    that spells the name of one state's ministry the gazetteer knows ("Ministry of Trade,
    Industry and Energy" is South Korea's) gives that state."""
    sent = sdoc[m.start].sent
    k = m.end
    if k + 3 >= sent.end or sdoc[k].text != ",":
        return None
    k += 1 + (sdoc[k + 1].lower_ in ("the", "a"))
    if sdoc[k].lower_ not in ("minister", "secretary") or sdoc[k + 1].lower_ != "of":
        return None
    j = k + 2
    while j < sent.end:  # up to the comma that closes the apposition ("trade, industry and energy,")
        if sdoc[j].text == "," and not (j + 1 < sent.end and sdoc[j + 1].is_lower
                                        and sdoc[j + 1].pos_ in ("NOUN", "ADJ", "PROPN")):
            break
        j += 1
    portfolio = sdoc[k + 2:j].text
    if not portfolio or not portfolio.islower():
        return None
    entry = gaz.lookup(f"Ministry of {portfolio.title().replace(' And ', ' and ')}")
    return entry if entry is not None and entry.cls == "Organization" and entry.country else None


def _portfolio_of_previous(sdoc, m, by_token, gaz):
    """"..., the Ministry of Economy, Trade and Industry said. Trade minister X said": a
    stateless portfolio title opening the sentence is held in the one state ministry the
    sentence before names, when that ministry's name holds the portfolio."""
    sent = sdoc[m.start].sent
    lead = [t for t in sdoc[sent.start:m.start] if not t.is_space]
    if sent.start == 0 or not 2 <= len(lead) <= 4 or lead[-1].lower_ not in _MINISTER_HEADS \
            or any(t.i in by_token or not t.is_alpha for t in lead):
        return None
    if any(x.cls == "Country" for x in (by_token.get(t.i) for t in sent) if x is not None):
        return None  # the sentence names a state of its own
    words = [t.lower_ for t in lead[:-1] if t.lower_ != "and"]
    prev = previous_sentence(sdoc, sent)
    if prev is None:
        return None
    bodies = {b.iri: b for b in (by_token.get(t.i) for t in prev) if b is not None and b.cls == "Organization"
              and (b.country or b.entry is not None and b.entry.country and b.entry.kind == "government")}
    if len(bodies) != 1:
        return None
    (body,) = bodies.values()
    name = set(body.label.lower().replace(",", " ").split())
    # "Economy Minister" holds the "Economic Affairs" portfolio: words compared by their stem
    return body if words and all(any(n.startswith(w[:5]) for n in name) for w in words) else None


def _set(role, body, sent) -> None:
    role.organization, role.org_sent, role.org_from_text = body.iri, sent, True
    role.from_text = True


def _member_of_after(sdoc, m, by_token):
    """"X, a member of the Council", "X, who sits on the Council", "X, a Council member"."""
    sent = sdoc[m.start].sent
    j = m.end
    if j >= sent.end or sdoc[j].text != ",":
        return None
    words = []
    for t in sdoc[j + 1:min(sent.end, j + 10)]:
        other = by_token.get(t.i)
        if other is not None:
            if other.cls != "Organization":
                return None
            nxt = sdoc[other.end] if other.end < sent.end else None
            if _MEMBER_WORDS & set(words) and words[-1:] in (["of"], ["the"]) or \
                    (set(words) & _SEAT_VERBS and words[-1:] in (["on"], ["the"])) or \
                    (len(words) in (2, 3) and words[0] == "who" and words[1] in _HEAD_VERBS and words[2:] in ([], ["the"])):
                return other  # "a member of the Council", "who sits on the Council", "who heads the Council"
            if nxt is not None and nxt.lower_ in _MEMBER_WORDS and all(w in ("a", "an", "the", "who", "is", "was")
                                                                      for w in words):
                return other  # "a Council member"
            return None
        if not (t.is_lower or t.is_punct and t.text != ","):
            return None
        words.append(t.lower_)
    return None


def _body_acronym_title_before(sdoc, m, by_token, gaz):
    """"Ministry of Foreign Affairs (MOFA) spokesperson X", "... (MITI) Deputy Director
    General X": a title after a body and its acronym in brackets."""
    sent = sdoc[m.start].sent
    i, titled = m.start - 1, False
    while i >= sent.start and m.start - i <= 4 and sdoc[i].is_alpha and i not in by_token \
            and (sdoc[i].is_title or sdoc[i].is_lower):
        titled = titled or gaz.title(sdoc[i].text) is not None
        i -= 1
    if not titled or i - 2 < sent.start or sdoc[i].text != ")" or sdoc[i - 2].text != "(":
        return None
    body = by_token.get(i - 3)
    if body is None or body.cls != "Organization":
        return None
    inner = by_token.get(i - 1)
    return body if inner is None or inner.iri == body.iri or sdoc[i - 1].text.isupper() else None


_TITLE_WORDS = {"minister", "secretary", "official", "spokesman", "spokeswoman", "spokesperson", "adviser",
                "advisor", "director", "ambassador", "envoy", "undersecretary", "chief", "head", "counsel",
                "administrator", "negotiator", "commissioner", "chairman", "chairwoman", "chair", "president"}


def _body_title_apposition(sdoc, m, by_token, gaz):
    """"X, the Commerce Department's under secretary for industry", "X, the White House
    national security adviser": a title whose first words name the body. Not "a former ..."."""
    sent = sdoc[m.start].sent
    j = m.end
    if j + 2 >= sent.end or sdoc[j].text != ",":
        return None
    k = j + 1 + (1 if sdoc[j + 1].lower_ in ("the", "a", "an") else 0)
    body = by_token.get(k)
    if body is None or body.cls != "Organization" or body.start != k:
        return None
    i = body.end + (1 if body.end < sent.end and sdoc[body.end].text in ("'s", "’s") else 0)
    for t in sdoc[i:sent.end]:
        if t.text in (",", ";", "(", ")"):
            break
        if t.i in by_token and by_token[t.i].cls == "Person":
            return None  # "X, European Council President Y and ...": a list of people
    for t in sdoc[i:min(sent.end, i + 5)]:
        if t.text in (",", ";") or t.i in by_token:
            return None
        if t.lower_ in _TITLE_WORDS or gaz.title(t.text) is not None and gaz.title(t.text).kind != "leader":
            return body
        if not t.is_alpha:
            return None
    return None


def _listed_after(sdoc, org, by_token, sent) -> list:
    """"the council, which includes Finance Minister X and Y": the people in the clause."""
    k = org.end
    if k + 2 >= sent.end or sdoc[k].text != ",":
        return []
    if sdoc[k + 1].lower_ in ("which", "that") and sdoc[k + 2].lower_ in _INCLUDE_VERBS:
        start = k + 3
    elif sdoc[k + 1].lower_ == "whose" and sdoc[k + 2].lower_ in _MEMBER_WORDS and k + 3 < sent.end \
            and sdoc[k + 3].lower_ in _INCLUDE_VERBS:
        start = k + 4
    else:
        return []
    return _people_list(sdoc, start, sent.end, by_token)


_LED_BY = {"led", "headed", "run", "chaired", "directed"}


def _headed_by(sdoc, org, by_token, sent) -> list:
    """"the Bureau of Industry and Security, headed by X,", "the commission, led by Y": the
    head belongs to the body."""
    k = org.end
    if org.entry is not None and org.entry.kind == "company":
        return []  # a firm's chief is reported, not a member of an office
    if k + 2 >= sent.end or sdoc[k].text != "," or sdoc[k + 1].lower_ not in _LED_BY or sdoc[k + 2].lower_ != "by":
        return []
    j = k + 3
    while j < sent.end and by_token.get(j) is None and (sdoc[j].is_title or sdoc[j].lower_ in ("the", "of", "for")) \
            and j - k < 8:
        j += 1  # "led by Economy Minister X"
    head = by_token.get(j) if j < sent.end else None
    return [head] if head is not None and head.cls == "Person" else []


def _people_list(sdoc, start, end, by_token) -> list:
    """People named one after another from ``start``: titles, commas and "and" between them."""
    out, i = [], start
    while i < end:
        t = sdoc[i]
        other = by_token.get(i)
        if other is not None:
            if other.cls == "Person":
                out.append(other)
            elif other.cls not in ("Country", "Organization", "Place"):  # "U.S. Secretary of State X"
                break
            i = other.end
            continue
        if t.text in (";", "(", ")") or t.is_lower and t.lower_ not in ("and", "of", "for", "the") \
                or t.pos_ == "VERB":
            break
        i += 1
    return out


def _making_up(sdoc, org, by_token, sent, persons) -> list:
    """"X, Y and Z, who make up the Council", "The four, who form the Council, ...": the
    people listed before the relative clause, or those of the sentence before when the
    clause's head is a plural word ("The four", "They")."""
    i = org.start - 1
    if i > sent.start and sdoc[i].lower_ == "the":
        i -= 1
    if i > sent.start and sdoc[i].lower_ == "up":
        i -= 1
    if i <= sent.start or sdoc[i].lower_ not in _MAKE_UP or sdoc[i - 1].lower_ != "who":
        return []
    who = i - 1
    if who - 1 < sent.start or sdoc[who - 1].text != ",":
        return []
    here = [p for p in persons if sent.start <= p.start and p.end <= who - 1]
    if here:
        return here if len(here) >= 2 or _adjacent(sdoc, here[-1], who - 1) else []
    head = [t for t in sdoc[sent.start:who - 1] if t.is_alpha]
    if not head or head[-1].lower_ not in _PLURAL_SUBJECTS or len(head) > 3 or sent.start == 0:
        return []
    prev = previous_sentence(sdoc, sent)
    before = [p for p in persons if prev.start <= p.start < prev.end]
    return before if len(before) >= 2 else []


def _adjacent(sdoc, person, comma) -> bool:
    return person.end == comma


def _plural_title_lists(sdoc, persons, by_token, gaz, roles) -> None:
    """"Senators X of Utah, Y of Alabama and Z": each person after a plural title."""
    for m in persons:
        if m.start == 0:
            continue
        word = sdoc[m.start - 1].text
        if word == "." and m.start >= 2 and not sdoc[m.start - 2].whitespace_:
            word = sdoc[m.start - 2].text + "."  # "Sens." split by the tokenizer
        title = gaz.title(word)
        if title is None or not title.country or not word.endswith(("s", "s.")):
            continue
        k = m.start - (3 if word.endswith(".") and sdoc[m.start - 1].text == "." else 2)
        before = by_token.get(k) if k >= 0 else None
        # "Australian Senators X and Y": the state named before the title, not the title's own
        state = before.iri if before is not None and before.cls == "Country" else country_iri(title.country)
        sent = sdoc[m.start].sent
        for p in _people_list(sdoc, m.start, sent.end, by_token):
            role = roles.get(p.iri)
            if role is not None and role.country is None:
                role.country, role.country_sent, role.from_text = state, sent, True
