"""Golden tests for agreement extraction (issue G): parties as arguments of the trigger,
verbal triggers, named initiatives, continuation sentences, modality, dates, places and
signatories. Every sentence is written for the project."""
from __future__ import annotations

from datetime import date

import pytest

from helpers_extract import agreements as _agreements, parties as _parties

P = pytest.param


# -- 1. parties are arguments of the trigger, not neighbours -------------------------------
@pytest.mark.parametrize("text, parties", [
    P("Seoul said on Monday it would terminate its Military Information Agreement with Tokyo.",
      {"KOR", "JPN"}, id="pronoun subject of a reported clause and 'with X' on the verb"),
    P("Canberra dropped a submarine contract in favour of a new defence pact with Washington and London.",
      {"AUS", "USA", "GBR"}, id="subject of the verb governing 'in favour of a pact with X and Y'"),
    P("Officials in Brussels said Germany's accord with Brazil on hydrogen was working well.",
      {"DEU", "BRA"}, id="possessive party and 'with' partner"),
    P("Japanese officials reviewed Korea's compliance with the accord on chip materials.",
      {"KOR", "JPN"}, id="possessor of the noun governing the accord plus the verb's subject"),
    P("Amid worries that China could obtain the chips, Japan and the Netherlands signed a pact on lithography.",
      {"JPN", "NLD"}, id="a state merely mentioned in the sentence is not a party"),
    P("Tension between Washington and Tokyo has grown despite a bilateral pact on microchip pricing.",
      {"USA", "JPN"}, id="a bilateral pact with no party named takes the sentence's two states"),
])
def test_parties_are_arguments(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


@pytest.mark.parametrize("text, outsider", [
    P("Amid worries that China could obtain the chips, Japan and the Netherlands signed a pact on lithography.",
      "CHN", id="worried-about state"),
    P("In Beijing, a spokesman criticised the defence pact between Australia and Britain.",
      "CHN", id="the critic's state"),
    P("France recalled its envoy after Italy and Spain concluded an accord on satellites.",
      "FRA", id="a state reacting in another clause"),
])
def test_a_mentioned_state_is_not_a_party(extract_text, text, outsider):
    _ext, facts = extract_text(text)
    assert all(outsider not in ps for ps in _parties(facts)), f"got {sorted(facts)}"


# -- 2. verbal triggers: "X and Y agreed to ..." -------------------------------------------
@pytest.mark.parametrize("text, parties, status", [
    P("The European Union and the United States agreed on Tuesday to start talks on aircraft subsidies.",
      {"USA", "european-union"}, "Completed", id="states agreed to"),
    P("The pauses put into effect what Xi Jinping and Donald Trump agreed when they met in Busan.",
      {"CHN", "USA"}, "Completed", id="leaders agreed, persons count for their states"),
    P("India and Japan are expected to agree on a framework for rare earths next month.",
      {"IND", "JPN"}, "Planned", id="expected to agree is planned"),
])
def test_verbal_agreements(extract_text, text, parties, status):
    _ext, facts = extract_text(text)
    found = [fs for fs in _agreements(facts).values() if {o for p, o in fs if p == "party"} == parties]
    assert found and ("status", status) in found[0], f"got {sorted(facts)}"


@pytest.mark.parametrize("text", [
    P("Japan agreed to buy more American chips.", id="one state agreeing is no agreement"),
    P("Germany and France did not agree on the budget.", id="negated"),
    P("Talks between Spain and Morocco failed to agree on fishing quotas.", id="failed to agree"),
])
def test_verbal_agreement_needs_two_states_and_no_negation(extract_text, text):
    _ext, facts = extract_text(text)
    assert not _parties(facts), f"got {sorted(facts)}"


# -- 3. named initiatives and frameworks are agreements ------------------------------------
@pytest.mark.parametrize("text, parties", [
    P("India and the United States launched their Initiative on Critical and Emerging Technology in May.",
      {"IND", "USA"}, id="named initiative with possessive"),
    P("Britain and Japan unveiled a semiconductor partnership on Thursday.",
      {"GBR", "JPN"}, id="weak noun with a verb of making"),
    P("The European Union and the United States will draft a code of conduct for generative AI.",
      {"USA", "european-union"}, id="code of conduct"),
])
def test_initiatives_are_agreements(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


# -- 4. covered domains in sentences that continue the agreement ---------------------------
@pytest.mark.parametrize("text, domain", [
    P("Australia and Japan signed a security pact on Friday. The two sides also agreed to cooperate on quantum computing.",
      "quantum", id="the two sides agreed"),
    P("Britain and Italy signed an accord on Monday. The two countries will also work together on artificial intelligence.",
      "artificial-intelligence", id="the two countries will work together"),
    P("Canada and Korea signed a partnership on batteries. Ottawa and Seoul said they would cooperate on semiconductors.",
      "semiconductors", id="the parties by name, pronoun clause"),
])
def test_covers_in_continuing_sentences(extract_text, text, domain):
    _ext, facts = extract_text(text)
    assert any(("covers", domain) in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 5. modality ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, status", [
    P("Japan and Korea are considering a pact on chips.", "Planned", id="considering"),
    P("Norway and Sweden are in talks to sign an accord on batteries.", "Planned", id="in talks to sign"),
    P("Germany and France will discuss a draft code of conduct for AI.", "Planned", id="draft"),
    P("Brazil and India paused their agreement on drones.", "Cancelled", id="paused"),
    P("Seoul suspended its intelligence-sharing pact with Tokyo.", "Cancelled", id="suspended"),
    P("Washington halted its nuclear cooperation accord with Riyadh.", "Cancelled", id="halted"),
    P("Kenya and Ghana signed a memorandum on solar energy last week.", "Completed", id="past-tense signing"),
])
def test_modality(extract_text, text, status):
    _ext, facts = extract_text(text)
    assert any(("status", status) in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 6. dates of the event, not bounds or reports ------------------------------------------
@pytest.mark.parametrize("text, good, bad", [
    P("The United States and Saudi Arabia signed an AI partnership on Tuesday during the crown prince's first visit since 2018.",
      "2025-10-28", "2018", id="since 2018 is a bound"),
    P("Japan and India signed a chip accord on Monday that runs until 2030.",
      "2025-10-27", "2030", id="until 2030 is a bound"),
    P("Spain and Chile signed a lithium deal last month, before 2026 elections.",
      "2025-09", "2026", id="before a year is a bound"),
])
def test_dates_of_the_event(extract_text, text, good, bad):
    _ext, facts = extract_text(text)
    dates = {o for fs in _agreements(facts).values() for p, o in fs if p == "date"}
    assert good in dates and bad not in dates, f"got {sorted(facts)}"


def test_an_agreement_keeps_each_date(extract_text):
    _ext, facts = extract_text("Britain and Japan signed a defence accord in January. "
                               "Britain and Japan signed a technology accord on Thursday.",
                               published=date(2023, 5, 18))
    dates = {o for fs in _agreements(facts).values() for p, o in fs if p == "date"}
    assert {"2023-01", "2023-05-18"} <= dates


# -- 7. where it was made ------------------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    P("In Beijing, a spokesman criticised the pact that Australia and Britain signed.", "beijing",
      id="place of a reaction"),
    P("At a press conference in Geneva, Swiss officials praised the accord between France and Italy.", "geneva",
      id="place of a press conference"),
    P("Speaking in Brussels, the minister said the deal between Spain and Portugal was fair.", "brussels",
      id="place of a speech"),
])
def test_location_only_where_made(extract_text, text, place):
    _ext, facts = extract_text(text)
    assert not any(p == "location" and o == place for _s, p, o in facts), f"got {sorted(facts)}"


# -- 8. signatories sign the agreement, not other documents --------------------------------
@pytest.mark.parametrize("text, person", [
    P("Japan and India signed a pact on chips. Later, Joe Biden signed an executive order on tariffs.",
      "joe-biden", id="executive order"),
    P("Korea and Canada concluded an accord on batteries. Donald Trump signed a bill on shipbuilding the same day.",
      "donald-trump", id="a bill"),
    P("Italy and Japan signed a deal on jets. Rishi Sunak then signed up for a podcast interview.",
      "rishi-sunak", id="signed up"),
])
def test_signatory_of_another_document_is_not_a_signatory(extract_text, text, person):
    _ext, facts = extract_text(text)
    assert not any(p == "signatory" and o == person for _s, p, o in facts), f"got {sorted(facts)}"


@pytest.mark.parametrize("text, person", [
    P("The memorandum was inked by Secretary of State Marco Rubio on Tuesday, after France and the United States agreed on it.",
      "marco-rubio", id="inked by"),
    P("Prime Minister Fumio Kishida and Rishi Sunak signed the accord between Japan and Britain.",
      "fumio-kishida", id="subject of signed"),
    P("Japan and Britain agreed an accord, which Rishi Sunak signed on Thursday.",
      "rishi-sunak", id="relative clause"),
])
def test_signatories(extract_text, text, person):
    _ext, facts = extract_text(text)
    assert any(p == "signatory" and o == person for _s, p, o in facts), f"got {sorted(facts)}"


# -- 9. a relative clause without "that" ---------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    P("Modi met Biden in May. The plan builds on a Defence Framework the two leaders signed in Tokyo in March.",
      {("party", "IND"), ("party", "USA"), ("location", "tokyo"), ("date", "2025-03")}, id="the two leaders signed"),
    P("Albanese, Biden, Kishida and Modi met in Sydney. Officials praised the chip initiative the four leaders launched in Washington in September.",
      {("party", "AUS"), ("party", "IND"), ("party", "JPN"), ("party", "USA"), ("date", "2025-09")},
      id="the four leaders launched"),
    P("Scholz met Macron on Monday. Both welcomed the hydrogen accord the two leaders concluded last month.",
      {("party", "DEU"), ("party", "FRA"), ("date", "2025-09"), ("status", "Completed")}, id="the two leaders concluded"),
])
def test_relative_clause_without_that(extract_text, text, expected):
    _ext, facts = extract_text(text)
    assert any(expected <= fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 10. "the two countries" before any event: the states the text is about ----------------
@pytest.mark.parametrize("text, parties", [
    P("Peru has offered Korea access to its lithium. The offer is part of a trade deal between the two countries.",
      {"PER", "KOR"}, id="deal between the two countries"),
    P("Kenya and Japan held talks on Monday. Later the two countries signed a memorandum on geothermal power.",
      {"KEN", "JPN"}, id="the two countries signed"),
    P("Chile sells copper to China and buys Chinese cars. Officials said the two nations would sign a partnership on batteries.",
      {"CHL", "CHN"}, id="the two nations would sign"),
])
def test_the_two_countries(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


# -- 11. the date of another act is not the agreement's ------------------------------------
@pytest.mark.parametrize("text, bad", [
    P("Japan and the United States signed a chip pact in 2024. Yesterday, Tokyo launched a last-ditch attempt to save the pact.",
      "2025-10-28", id="attempt to save the pact"),
    P("India and France signed an accord on jets in 2023. On Monday, Paris began a review of the accord.",
      "2025-10-27", id="review of the accord"),
    P("Korea and Canada reached a deal on batteries in 2022. Last week officials opened an inquiry into the deal.",
      "2025-10", id="inquiry into the deal"),
])
def test_date_of_another_act_is_not_the_agreements(extract_text, text, bad):
    _ext, facts = extract_text(text)
    dates = {o for fs in _agreements(facts).values() for p, o in fs if p == "date"}
    assert bad not in dates and not any(d.startswith(bad) and d != bad[:4] for d in dates if len(bad) > 4), f"got {sorted(facts)}"


# -- 12. a meeting about an agreement is not where it was made -----------------------------
@pytest.mark.parametrize("text, made", [
    P("Biden and Kishida will hold a meeting to consider whether Japan is breaking its chip pact with the United States.",
      False, id="meeting to consider a pact"),
    P("Lee and Trump held talks about the future of their shipbuilding accord between Korea and the United States.",
      False, id="talks about an accord"),
    P("Lee and Trump signed a shipbuilding accord between Korea and the United States during their summit in Gyeongju.",
      True, id="signed during the summit"),
])
def test_agreement_event(extract_text, text, made):
    _ext, facts = extract_text(text)
    assert any(p == "duringEvent" for _s, p, _o in facts) == made, f"got {sorted(facts)}"


# -- 13. generic domain words before an agreement noun --------------------------------------
@pytest.mark.parametrize("text, domain", [
    P("Washington and Riyadh signed a Strategic Defense Agreement on Tuesday.", "defense", id="named defense agreement"),
    P("Japan and the Philippines signed a defence pact in Manila.", "defense", id="defence pact"),
    P("India and France concluded a space accord last year.", "space", id="space accord"),
])
def test_generic_domain_before_agreement_noun(extract_text, text, domain):
    _ext, facts = extract_text(text)
    assert any(("covers", domain) in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 14. "in MONTH, when they signed": the date a 'when' clause hangs on --------------------
@pytest.mark.parametrize("text, value", [
    P("Saudi Arabia and the United States met. The deals build on a visit to Riyadh in May, when the two leaders signed a strategic partnership.",
      "2025-05", id="in May, when the two leaders signed"),
    P("Ties between Japan and India deepened in March, when the two countries concluded an accord on rare earths.",
      "2025-03", id="in March, when the two countries concluded"),
    P("Korea and Canada met in 2023. Progress came in 2024, when the two sides signed a memorandum on batteries.",
      "2024", id="in 2024, when the two sides signed"),
])
def test_date_of_a_when_clause(extract_text, text, value):
    _ext, facts = extract_text(text)
    dates = {o for fs in _agreements(facts).values() for p, o in fs if p == "date"}
    assert value in dates, f"got {sorted(facts)}"


# -- 15. the target of an export control is not a party ------------------------------------
@pytest.mark.parametrize("text, parties, target", [
    P("Japan and the Netherlands agreed to restrict exports of chipmaking tools to China.",
      {"JPN", "NLD"}, "CHN", id="agreed to restrict exports to"),
    P("The pact between Japan and the United States to curb chip sales to Russia took effect in May.",
      {"JPN", "USA"}, "RUS", id="pact to curb sales to"),
    P("Washington signed an accord with Seoul on export controls aimed at Beijing.",
      {"USA", "KOR"}, "CHN", id="accord on controls aimed at"),
])
def test_control_target_is_not_a_party(extract_text, text, parties, target):
    _ext, facts = extract_text(text)
    got = _parties(facts)
    assert frozenset(parties) in got and all(target not in ps for ps in got), f"got {sorted(facts)}"


# -- 16. "signed in the city", "signed here": the dateline place ---------------------------
@pytest.mark.parametrize("text", [
    P("HIROSHIMA — Japan and Britain signed an accord in the city on Thursday.", id="in the city"),
    P("HIROSHIMA — Japan and Britain signed a defence pact here on Thursday.", id="here"),
    P("HIROSHIMA — The prime ministers of Japan and Britain signed the accord in the city, officials said.",
      id="in the city, reported"),
])
def test_dateline_place(extract_text, text):
    _ext, facts = extract_text(text)
    assert any(p == "location" and o == "hiroshima" for _s, p, o in facts), f"got {sorted(facts)}"


# -- 17. "X's failure to honour the pact": the possessor is the subject -------------------
@pytest.mark.parametrize("text, parties", [
    P("Washington announced tariffs over Tokyo's failure to live up to a bilateral computer chip pact.",
      {"USA", "JPN"}, id="bilateral inside the compound, possessor subject"),
    P("Officials welcomed Seoul's decision to sign the accord with Ottawa.",
      {"KOR", "CAN"}, id="decision to sign"),
    P("Brazil's refusal to honour its pact with Argentina angered investors.",
      {"BRA", "ARG"}, id="refusal to honour"),
])
def test_possessor_of_the_clause_noun(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


# -- 18. what an unrelated export control restricts is not what the agreement covers -------
@pytest.mark.parametrize("text, domain, covered", [
    P("Seoul said it would end its intelligence pact with Tokyo, deepening a row that began with Tokyo's curbs on exports of materials for memory chips.",
      "semiconductors", False, id="curbs on exports in a following clause"),
    P("Canada and Mexico signed a mining accord as Beijing's controls on exports of gallium took effect.",
      "critical-minerals", False, id="controls on exports in an as-clause"),
    P("Japan and the Netherlands signed a pact on export controls on chipmaking tools.",
      "semiconductors", True, id="an agreement about export controls covers what they restrict"),
])
def test_domains_of_an_unrelated_control(extract_text, text, domain, covered):
    _ext, facts = extract_text(text)
    has = any(("covers", domain) in fs for fs in _agreements(facts).values())
    assert _agreements(facts) and has == covered, f"got {sorted(facts)}"


# -- 19. company deals: a state that only says whose a company is is not a party -----------
@pytest.mark.parametrize("text", [
    P("Struggling Japanese car maker Mitsubishi has struck a deal to supply French car maker Peugeot with vans.",
      id="nationality adjectives on company nouns"),
    P("The US firm agreed to pay $2bn to exit an agreement with Italian carmaker Fiat.", id="US firm, Italian carmaker"),
    P("TimeWarner will change how it accounts for a deal with German music publisher Bertelsmann.",
      id="German music publisher"),
    P("Legal experts said there was no treaty between the US and Russia on court rulings.", id="no treaty"),
    P("Britain's biggest brewer agreed a takeover deal with an Indian rival.", id="takeover deal"),
    P("Shell signed a deal with Euronext, which runs the Paris, Amsterdam and Lisbon exchanges.",
      id="relative clause on the partner"),
])
def test_company_deals_are_not_state_agreements(extract_text, text):
    _ext, facts = extract_text(text)
    assert not any(len(ps) >= 2 for ps in _parties(facts)), f"got {sorted(facts)}"


# -- 20. "it" after a sentence that named one agreement, with a verb of content -------------
@pytest.mark.parametrize("text, domain", [
    P("Britain and Japan signed an accord in May. It also includes work on fusion energy and space technology.",
      "space", id="it includes"),
    P("Korea and the United States reached a deal on Friday. The deal covers semiconductors and batteries.",
      "batteries", id="the deal covers"),
    P("Japan and India signed a pact on Monday. Under the pact, the two countries will cooperate on quantum and AI.",
      "quantum", id="under the pact"),
])
def test_content_of_the_agreement_in_the_next_sentence(extract_text, text, domain):
    _ext, facts = extract_text(text)
    assert any(("covers", domain) in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


def test_it_with_another_verb_is_not_the_agreement(extract_text):
    _ext, facts = extract_text("Japan signed an accord with India. It also imposed controls on gallium exports.")
    assert not any(("covers", "critical-minerals") in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 21. more modality and dates of the occasion -------------------------------------------
@pytest.mark.parametrize("text, fact", [
    P("Germany and China halted negotiations on an investment accord in 2021.", ("status", "Cancelled"),
      id="halted negotiations on an accord"),
    P("Officials from Canada and Germany are drafting a memorandum on hydrogen.", ("status", "Planned"),
      id="drafting a memorandum"),
    P("France and India announced plans to sign a roadmap on space cooperation.", ("status", "Planned"),
      id="plans to sign a roadmap"),
    P("Vietnam and the United States signed an agreement on chips during Biden's visit to Hanoi on Sunday.",
      ("date", "2025-10-26"), id="date of the visit during which it was signed"),
    P("Japan and Chile signed a memorandum on lithium at a ceremony in Santiago on Monday.",
      ("date", "2025-10-27"), id="date of the ceremony at which it was signed"),
])
def test_more_modality_and_occasion_dates(extract_text, text, fact):
    _ext, facts = extract_text(text)
    assert any(fact in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 22. partners of a verb of agreeing; relative pronouns; entry into force ---------------
@pytest.mark.parametrize("text, parties", [
    P("The Netherlands agreed with Washington to curb exports of chip tools.", {"NLD", "USA"}, id="agreed with X to"),
    P("Warnings from Beijing were dismissed by Japan and Korea, which signed the pact last week.", {"JPN", "KOR"},
      id="which signed the pact"),
    P("The plan was backed by Chile and Peru, who concluded an accord on lithium in March.", {"CHL", "PER"},
      id="who concluded an accord"),
])
def test_more_party_arguments(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


@pytest.mark.parametrize("text, bad", [
    P("A Japan-Philippines reciprocal access agreement took effect on Wednesday.", "2025-10-29", id="took effect"),
    P("The Korea-Canada accord on batteries entered into force on Monday.", "2025-10-27", id="entered into force"),
    P("The India-UAE pact on chips takes effect today.", "2025-10-29", id="takes effect today"),
])
def test_entry_into_force_is_not_the_signing_date(extract_text, text, bad):
    _ext, facts = extract_text(text)
    assert not any(("date", bad) in fs for fs in _agreements(facts).values()), f"got {sorted(facts)}"


# -- 23. more argument shapes ---------------------------------------------------------------
@pytest.mark.parametrize("text, parties", [
    P("The agreement, inked between Seoul and Washington last year, expands cooperation on nuclear energy.",
      {"KOR", "USA"}, id="participle with between"),
    P("Australia joined the United States and Japan in a trilateral pact on undersea cables.",
      {"AUS", "USA", "JPN"}, id="joined X and Y in a pact"),
    P("Japan, the Philippines and the United States signed a trilateral accord on maritime security.",
      {"JPN", "PHL", "USA"}, id="three signers"),
])
def test_argument_shapes(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


@pytest.mark.parametrize("text, outsider", [
    P("Japan and Korea reaffirmed the Washington Declaration on extended deterrence.", "USA", id="Washington Declaration"),
    P("India and France said they remain committed to the Paris Agreement on climate.", "FRA", id="Paris Agreement"),
    P("Chile and Peru discussed the Beijing Declaration on trade.", "CHN", id="Beijing Declaration"),
])
def test_capital_in_an_agreement_name_is_not_a_party(extract_text, text, outsider):
    _ext, facts = extract_text(text)
    parties = _parties(facts)
    assert all(outsider not in ps or len(ps) > 2 for ps in parties), f"got {sorted(facts)}"


# -- 24. a government body signs for its state ----------------------------------------------
@pytest.mark.parametrize("text, parties", [
    P("The State Department signed a memorandum with India on critical minerals.", {"USA", "IND"},
      id="State Department"),
    P("The Commerce Department and Japan concluded an arrangement on chip supply chains.", {"USA", "JPN"},
      id="Commerce Department"),
    P("The White House reached a deal with Saudi Arabia on AI chips.", {"USA", "SAU"}, id="White House"),
])
def test_government_body_is_its_state(extract_text, text, parties):
    _ext, facts = extract_text(text)
    assert frozenset(parties) in _parties(facts), f"got {sorted(facts)}"


# -- 25. subjects above adjectives and nouns of a clause ------------------------------------
@pytest.mark.parametrize("text, parties, status", [
    P("The leaders of France and Brazil are due to sign a space agreement in December.", {"FRA", "BRA"}, "Planned",
      id="are due to sign"),
    P("Japan and Italy are in the final stages of negotiating an accord on fighter jets.", {"JPN", "ITA"}, "Planned",
      id="in the final stages of negotiating"),
    P("Norway and Iceland are ready to conclude a pact on fisheries data.", {"NOR", "ISL"}, "Planned",
      id="are ready to conclude"),
])
def test_subject_above_the_clause(extract_text, text, parties, status):
    _ext, facts = extract_text(text)
    found = [fs for fs in _agreements(facts).values() if {o for p, o in fs if p == "party"} == parties]
    assert found and ("status", status) in found[0], f"got {sorted(facts)}"


# -- 26. domains in side clauses about something else ---------------------------------------
@pytest.mark.parametrize("text, domain, covered", [
    P("India and the United States signed a semiconductor agreement while Nvidia reported record AI sales.",
      "artificial-intelligence", False, id="while another subject"),
    P("Australia and Britain signed a defence pact as investors focused on chip stocks.",
      "semiconductors", False, id="as another subject"),
    P("Japan and India signed a shipbuilding pact on Monday, a day after China announced new curbs on graphite exports.",
      "critical-minerals", False, id="curbs on graphite exports"),
    P("Korea and Canada signed a battery accord while also agreeing to cooperate on quantum computing.",
      "quantum", True, id="while, same subject"),
])
def test_domains_in_side_clauses(extract_text, text, domain, covered):
    _ext, facts = extract_text(text)
    has = any(("covers", domain) in fs for fs in _agreements(facts).values())
    assert _agreements(facts) and has == covered, f"got {sorted(facts)}"


# -- 27. a signer acts for a party -----------------------------------------------------------
@pytest.mark.parametrize("text, person", [
    P("Japan and India signed a chip pact in Tokyo. Later, President Emmanuel Macron signed the guest book.",
      "emmanuel-macron", id="a leader of another state signing something else"),
    P("Korea and Canada signed a battery accord on Monday. Donald Trump signed it as a witness, officials joked.",
      "donald-trump", id="a leader of a third state"),
    P("Britain and Italy concluded a jet accord. Narendra Modi signed a separate letter.",
      "narendra-modi", id="a leader of a state that is not a party"),
])
def test_signer_of_another_state_is_not_a_signatory(extract_text, text, person):
    _ext, facts = extract_text(text)
    assert not any(p == "signatory" and o == person for _s, p, o in facts), f"got {sorted(facts)}"


# -- 28. "the agreement with <company>" is not the states' agreement named before -----------
@pytest.mark.parametrize("text", [
    P("Japan and the United States signed a chip pact in 2024. Fujitsu will proceed in line with the basic agreement reached with Schlumberger Ltd last year.",
      id="basic agreement with a company"),
    P("India and France signed an accord on jets in 2023. The deal with Dassault Aviation SA was completed in March.",
      id="the deal with a company"),
    P("Korea and Poland signed a tank accord in 2022. The agreement with Hyundai Rotem Co was revised in May.",
      id="the agreement with a Co"),
])
def test_company_agreement_is_not_the_states(extract_text, text):
    _ext, facts = extract_text(text)
    dates = {o for fs in _agreements(facts).values() for p, o in fs if p == "date"}
    assert len(dates) == 1, f"got {sorted(facts)}"


# -- 29. a domain word that only modifies another domain's noun ------------------------------
@pytest.mark.parametrize("text", [
    P("Japan and the United States signed a computer chip pact in 1986.", id="computer chip pact"),
    P("The U.S.-Japan computer chip agreement took effect in September.", id="computer chip agreement"),
    P("Tokyo and Washington reached an accord on computer chips last year.", id="accord on computer chips"),
])
def test_domain_modifier_of_a_domain(extract_text, text):
    _ext, facts = extract_text(text)
    covers = {o for fs in _agreements(facts).values() for p, o in fs if p == "covers"}
    assert covers == {"semiconductors"}, f"got {sorted(facts)}"


# -- 30. signed on the day its parties held a summit ------------------------------------------
@pytest.mark.parametrize("text", [
    P("Lee Jae-myung and Donald Trump held a summit in Gyeongju on Wednesday. Separately, Korea and the United States signed a shipbuilding accord on Wednesday.",
      id="summit and signing the same Wednesday"),
    P("Narendra Modi met Emmanuel Macron in Paris on Monday. India and France signed a jet engine pact on Monday.",
      id="met and signed on Monday"),
    P("Fumio Kishida and Rishi Sunak held talks in Hiroshima on Thursday. Earlier on Thursday, Japan and Britain signed a defence accord.",
      id="talks and accord the same Thursday"),
])
def test_same_day_summit(extract_text, text):
    _ext, facts = extract_text(text)
    assert any(p == "duringEvent" for _s, p, _o in facts), f"got {sorted(facts)}"
