"""Golden tests for precision classes found by auditing extracted facts on news outside the
dev set (issue G): facts an analyst would call false. Every sentence is written for the
project."""
from __future__ import annotations

from datetime import date

import pytest

P = pytest.param
PUBLISHED = date(1987, 3, 27)


def _statuses(facts, agreement):
    return {o for s, p, o in facts if s == agreement and p == "status"}


def _parties(facts):
    agreements = {s for s, p, _o in facts if p == "party"}
    return [frozenset(o for s, p, o in facts if s == a and p == "party") for a in agreements]


# -- 1. a pact in force named under a verb of keeping or breaking it is not Planned ---------
@pytest.mark.parametrize("text", [
    P("The president said he was prepared to impose tariffs on Japan for breaking its chip agreement "
      "with the United States.", id="ready to impose tariffs for breaking the pact"),
    P("Tokyo asked its companies to cut production in a bid to rescue its trade pact with Washington.",
      id="a bid to rescue the pact"),
    P("Officials said Washington planned to impose duties although Japan was trying to honour the accord "
      "with the United States.", id="trying to honour the accord"),
    P("Ministers said Tokyo had made efforts to live up to the chip pact with Washington, which planned "
      "to impose tariffs.", id="efforts to live up to the pact"),
])
def test_pact_in_force_is_not_planned(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _statuses(facts, "jpn-usa") == {"Completed"}, sorted(facts)


# -- 2. a threatened or possible cancellation is not a cancellation -------------------------
@pytest.mark.parametrize("text, agreement", [
    P("Washington's threats to scrap the accord signed last spring with Tokyo have pushed the ministry to act.",
      "jpn-usa", id="threats to scrap"),
    P("Seoul threatened to cancel its fishing accord with Tokyo.", "jpn-kor", id="threatened to cancel"),
    P("Officials warned that Canberra could scrap its submarine pact with Paris.", "aus-fra", id="could scrap"),
])
def test_threatened_cancellation_is_not_cancelled(extract_text, text, agreement):
    _ext, facts = extract_text(text, PUBLISHED)
    statuses = _statuses(facts, agreement)
    assert statuses and "Cancelled" not in statuses, sorted(facts)


@pytest.mark.parametrize("text", [
    P("France and Germany scrapped their pact on fighter jets.", id="scrapped"),
    P("Paris and Berlin have suspended their accord on fighter jets.", id="suspended"),
    P("Germany and France have abandoned their accord on fighter jets.", id="abandoned"),
])
def test_cancellation_still_found(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _statuses(facts, "deu-fra") == {"Cancelled"}, sorted(facts)


# -- 3. "any accord" is hypothetical --------------------------------------------------------
@pytest.mark.parametrize("text, agreement", [
    P("Paris fears Washington could ignore its interests in any accord with Moscow on missiles.",
      "sun-usa", id="interests in any accord with"),
    P("Lima says any trade deal with Quito must protect farmers.", "ecu-per", id="any deal must"),
    P("Bonn will oppose any pact between Paris and Madrid on fighter jets.", "esp-fra", id="oppose any pact between"),
])
def test_any_accord_is_planned(extract_text, text, agreement):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _statuses(facts, agreement) == {"Planned"}, sorted(facts)


# -- 4. a promise to sign is a plan ---------------------------------------------------------
@pytest.mark.parametrize("text, agreement", [
    P("Ankara must issue a statement promising to sign an accord with Cyprus on trade.", "cyp-tur",
      id="a statement promising to sign"),
    P("Seoul pledged to conclude a fisheries pact with Tokyo.", "jpn-kor", id="pledged to conclude"),
    P("Lima made an offer to sign a trade deal with Quito.", "ecu-per", id="an offer to sign"),
])
def test_promise_to_sign_is_planned(extract_text, text, agreement):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _statuses(facts, agreement) == {"Planned"}, sorted(facts)


# -- 5. a state that hails, welcomes or disputes a deal is not its party -------------------
@pytest.mark.parametrize("text, outsider", [
    P("Britain's prime minister hailed a deal bringing Turkey closer to the EU.", "GBR", id="hailed a deal"),
    P("Canada's foreign minister criticised a steel deal bringing Mexico closer to Brazil.", "CAN",
      id="criticised a deal"),
    P("Washington and Tokyo signed a pact on chip prices last year. Brussels has challenged the agreement "
      "as unfair to European producers.", "european-union", id="challenged the agreement"),
])
def test_commenting_state_is_not_a_party(extract_text, text, outsider):
    _ext, facts = extract_text(text, PUBLISHED)
    assert all(outsider not in parties for parties in _parties(facts)), sorted(facts)


# -- 6. a deal with a partner that is no state is not a pact between states ----------------
@pytest.mark.parametrize("text", [
    P("Tokyo is at odds with Washington over chips. The Japanese premier struck a deal with the opposition "
      "over the budget.", id="deal with the opposition"),
    P("Bonn is at odds with Paris over farm aid. Germany's chancellor reached an accord with trade unions "
      "on pensions.", id="accord with trade unions"),
    P("Delhi is at odds with Islamabad. The Indian government signed an agreement with rebel groups "
      "in the north.", id="agreement with rebel groups"),
])
def test_deal_with_non_state_partner(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _parties(facts) == [], sorted(facts)


# -- 7. a portfolio of several words in a title names a ministry, not a body ---------------
@pytest.mark.parametrize("text, person, fragment", [
    P("Trade and Industry Secretary Paul Channon said Britain did not want a trade war.", "paul-channon",
      "trade-and-industry", id="X and Y Secretary"),
    P("Undersecretary of State for Economic Affairs Allen Wallis said Japan must buy more.", "allen-wallis",
      "state-for-economic-affairs", id="Undersecretary of State for X"),
    P("Japan's Economy, Trade and Industry Minister Ken Saito met the Dutch envoy.", "ken-saito",
      "economy-trade-and-industry", id="X, Y and Z Minister"),
])
def test_portfolio_is_not_an_organization(extract_text, text, person, fragment):
    _ext, facts = extract_text(text, PUBLISHED)
    bodies = {o for s, p, o in facts if s == person and p == "memberOf"}
    assert fragment not in bodies and fragment not in {o for _s, _p, o in facts}, sorted(facts)
    assert all(b.startswith(("ministry-", "department-")) for b in bodies), sorted(facts)


# -- 8. a shadow minister acts for no state -------------------------------------------------
@pytest.mark.parametrize("text, person", [
    P("Conservative shadow foreign secretary Michael Ancram said the move was wrong.", "michael-ancram",
      id="shadow foreign secretary"),
    P("The opposition's shadow foreign secretary, Liam Fox, said the pact was weak.", "liam-fox",
      id="apposition after shadow title"),
    P("Shadow Foreign Secretary William Hague attacked the embargo.", "william-hague", id="capitalised Shadow"),
])
def test_shadow_minister_represents_no_state(extract_text, text, person):
    _ext, facts = extract_text(text, PUBLISHED)
    assert not any(s == person and p == "represents" for s, p, _o in facts), sorted(facts)


def test_shadow_minister_keeps_party_membership(extract_text):
    _ext, facts = extract_text("Labour's shadow defence secretary John Reid questioned the deal.", PUBLISHED)
    assert ("john-reid", "memberOf", "labour") in facts


# -- 9. a country word inside a company's name is not the person's state ------------------
@pytest.mark.parametrize("text, person", [
    P('"Margins are thin," said Tom Baker, head of Acme Japan K.K.', "tom-baker", id="K.K."),
    P('"Margins are thin," said Rita Moss, chief executive of Delta Korea Ltd.', "rita-moss", id="Ltd."),
    P('"Margins are thin," said Paul Gray, managing director of Orion France S.A.', "paul-gray", id="S.A."),
])
def test_country_in_company_name_is_not_represented(extract_text, text, person):
    _ext, facts = extract_text(text, PUBLISHED)
    assert not any(s == person and p == "represents" for s, p, _o in facts), sorted(facts)


# -- 10. an energy company's deal with one state is not a pact between two states ----------
@pytest.mark.parametrize("text", [
    P("Shell has signed a deal with Qatar to supply gas to Europe. France buys much of it.", id="Shell"),
    P("Exxon signed an exploration agreement with Angola on Monday. Washington welcomed it.", id="Exxon"),
    P("Petrobras has signed a drilling accord with Bolivia, officials in Buenos Aires said.", id="Petrobras"),
    P("BP agreed a pipeline deal with Azerbaijan last year. Moscow objected.", id="BP"),
])
def test_company_deal_gets_no_second_state(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _parties(facts) == [], sorted(facts)


# -- 11. a date in a clause about something else the agreement did is not its date --------
@pytest.mark.parametrize("text", [
    P("Lima and Quito have renewed a fuel-for-grain deal, which helped Lima overcome a power crisis last year.",
      id="which helped ... last year"),
    P("Wellington will not renew an accord with Suva which supports sugar prices when it expires in March.",
      id="which supports ... when it expires in March"),
    P("Oslo and Stockholm extended their fishing pact, which boosted catches in 1985.",
      id="which boosted ... in 1985"),
])
def test_date_of_another_clause_is_not_the_agreement_date(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert not any(p == "date" for _s, p, _o in facts), sorted(facts)


@pytest.mark.parametrize("text, when", [
    P("The chip pact between Japan and the United States, which was signed last September, is in trouble.",
      "1986-09", id="which was signed last September"),
    P("Last April, Argentina signed a fuel agreement with Venezuela.", "1986-04", id="fronted date"),
    P("The rail accord reached in January by Japan and India is working.", "1987-01",
      id="accord reached in January by"),
])
def test_signing_date_in_a_clause_still_found(extract_text, text, when):
    _ext, facts = extract_text(text, PUBLISHED)
    assert when in {o for _s, p, o in facts if p == "date"}, sorted(facts)


# -- 12. bare "agreement" after "barrier to", "progress towards": consent, not a pact -------
@pytest.mark.parametrize("text", [
    P("Moscow's offer removed a major barrier to agreement and matched the stand Washington took at the "
      "Geneva summit in November 1985.", id="a barrier to agreement"),
    P("Diplomats from Washington and Moscow reported real progress towards agreement in Geneva.",
      id="progress towards agreement"),
    P("Envoys of Paris and Bonn voiced new hopes for accord on farm prices.", id="hopes for accord"),
])
def test_mass_noun_agreement_is_not_a_pact(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _parties(facts) == [], sorted(facts)


@pytest.mark.parametrize("text, agreement", [
    P("Washington said progress towards an accord with Tokyo on chips was slow.", "jpn-usa",
      id="progress towards an accord"),
    P("The main obstacle to a trade pact between Lima and Quito is farm policy.", "ecu-per",
      id="obstacle to a pact"),
    P("Seoul named the last barriers to a fishing deal with Tokyo.", "jpn-kor", id="barriers to a deal"),
])
def test_agreement_under_progress_or_obstacle_is_planned(extract_text, text, agreement):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _statuses(facts, agreement) == {"Planned"}, sorted(facts)


# -- 6b. a deal with a private person ("French businessman X") is not a pact with his state --
@pytest.mark.parametrize("text", [
    P("The ministry said the accord signed in Moscow last month with French businessman Jean Dupont had "
      "not yet produced deals.", id="with French businessman X"),
    P("Moscow signed a grain accord with Italian industrialist Marco Rossi.", id="with Italian industrialist X"),
    P("Tokyo reached a deal with American investor John Hall on the port.", id="with American investor X"),
])
def test_deal_with_private_person(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _parties(facts) == [], sorted(facts)


def test_deal_with_a_leader_keeps_his_state(extract_text):
    _ext, facts = extract_text("Tokyo is at odds with Paris. Japan signed a trade pact with Kishida's guest, "
                               "President Macron.", PUBLISHED)
    assert frozenset({"FRA", "JPN"}) in _parties(facts)


# -- 13. "were committed to" states a stance, not an agreement the two made ----------------
@pytest.mark.parametrize("text", [
    P("At a meeting in Paris, French and Soviet trade ministers said they were committed to efforts to cut "
      "the deficit.", id="they were committed to"),
    P("The leaders of Spain and Portugal are committed to closer ties.", id="are committed to"),
    P("Japanese and Korean officials said they remain committed to the goal of open trade.",
      id="remain committed to"),
])
def test_being_committed_is_not_an_agreement(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert _parties(facts) == [], sorted(facts)


def test_committing_together_is_still_an_agreement(extract_text):
    _ext, facts = extract_text("France and Italy committed to building a joint rocket.", PUBLISHED)
    assert frozenset({"FRA", "ITA"}) in _parties(facts)


# -- 14. "micro chip" written apart or hyphenated is the semiconductors domain -------------
@pytest.mark.parametrize("text", [
    P("Tokyo and Seoul signed a micro-chip accord.", id="micro-chip"),
    P("Officials defended the U.S.-Japan micro chip trade pact.", id="micro chip"),
    P("Japan and Korea reached a pact on micro chips.", id="micro chips"),
])
def test_micro_chip_is_semiconductors(extract_text, text):
    _ext, facts = extract_text(text, PUBLISHED)
    assert any(p == "covers" and o == "semiconductors" for _s, p, o in facts), sorted(facts)
