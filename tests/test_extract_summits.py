"""Golden tests for summits and meetings: who takes part (every named participant, groupings
as their members), where, when and in what state. Sentences are written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.records import Value
from kg.link.groupings import load_groupings, read_groupings
from kg.vocab import local_name

P = pytest.param


def summits(ext) -> dict[str, dict]:
    """Summits keyed as the scorer keys them: the states taking part, persons counting
    through the state they represent, else ``at:PLACE``."""
    represents = {f.subject: f.object for f in ext.facts if f.predicate == "represents"}
    nodes: dict[str, dict] = {}
    for f in ext.facts:
        if "/summit/" not in f.subject:
            continue
        node = nodes.setdefault(f.subject, {"participant": set(), "location": set(), "date": set(), "status": set()})
        if f.predicate in node:
            value = f.object.lexical if isinstance(f.object, Value) else local_name(f.object)
            node[f.predicate].add(value)
            if f.predicate == "participant" and f.object in represents:
                node.setdefault("states", set()).add(local_name(represents[f.object]))
    out: dict[str, dict] = {}
    for node in nodes.values():
        people = {p for p in node["participant"] if p.islower() and p != "european-union"}
        states = (node["participant"] - people) | node.get("states", set())
        key = "+".join(sorted(states)) or "at:" + "+".join(sorted(node["location"]))
        merged = out.setdefault(key, {"participant": set(), "location": set(), "date": set(), "status": set()})
        merged["participant"] |= people
        for k in ("location", "date", "status"):
            merged[k] |= {local_name(v) for v in node[k]}
    return out


# -- A. meetings, talks and visits with every named participant -----------------------------
@pytest.mark.parametrize("text, key, people", [
    P("Chinese President Xi Jinping and U.S. President Donald Trump reached a truce when they met in Busan.",
      "CHN+USA", {"xi-jinping", "donald-trump"}, id="they-met-is-the-clause-subject"),
    P("Prime Minister Narendra Modi met Australian Prime Minister Anthony Albanese in Sydney on Tuesday.",
      "AUS+IND", {"narendra-modi", "anthony-albanese"}, id="x-met-y"),
    P("Japanese Prime Minister Fumio Kishida met with U.S. President Joe Biden at the White House.",
      "JPN+USA", {"fumio-kishida", "joe-biden"}, id="x-met-with-y"),
    P("U.S. President Joe Biden hosted Indian Prime Minister Narendra Modi for a state dinner.",
      "IND+USA", {"joe-biden", "narendra-modi"}, id="x-hosted-y"),
    P("Japan's trade minister Yasutoshi Nishimura and U.S. Commerce Secretary Gina Raimondo held talks in Detroit.",
      "JPN+USA", {"yasutoshi-nishimura", "gina-raimondo"}, id="x-and-y-held-talks"),
    P("Chinese President Xi Jinping received U.S. Secretary of State Antony Blinken in Beijing on Monday.",
      "CHN+USA", {"xi-jinping", "antony-blinken"}, id="x-received-y"),
    P("Indian Prime Minister Narendra Modi greeted Japanese Prime Minister Fumio Kishida at the airport.",
      "IND+JPN", {"narendra-modi", "fumio-kishida"}, id="x-greeted-y"),
    P("The foreign ministers of Australia and Japan convened in Perth with U.S. Secretary of State Antony Blinken.",
      "AUS+JPN+USA", {"antony-blinken"}, id="ministers-convened"),
    P("Leaders of Brazil and India gathered in Rio with Chinese President Xi Jinping.", "BRA+CHN+IND",
      {"xi-jinping"}, id="leaders-gathered"),
])
def test_meetings_name_every_participant(extract_text, text, key, people):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got}"


@pytest.mark.parametrize("text, key", [
    P("The summit at Camp David brought together the leaders of Japan, South Korea and the United States.",
      "JPN+KOR+USA", id="summit-brought-together"),
    P("The conference in Jakarta drew ministers from Indonesia, Malaysia and Thailand.", "IDN+MYS+THA",
      id="conference-drew"),
    P("The meeting in Geneva included delegations from Russia and the United States.", "RUS+USA",
      id="meeting-included"),
    P("U.S. President Joe Biden will join Japanese Prime Minister Fumio Kishida at the summit in Hiroshima.",
      "JPN+USA", id="x-will-join-y-at-the-summit"),
    P("Foreign Minister Wang Yi represented China at the summit in Jakarta with Indonesian President Joko Widodo.",
      "CHN+IDN", id="x-represented-y-at"),
    P("U.S. President Joe Biden hosted Australian Prime Minister Anthony Albanese and Indian Prime Minister Narendra "
      "Modi in Wilmington for a Quad summit.", "AUS+IND+USA", id="hosted-guests-for-a-summit"),
    P("Korean Trade Minister Ahn Duk-geun and Dutch officials launched a chip dialogue in The Hague.", "KOR+NLD",
      id="launched-a-dialogue"),
])
def test_gatherings_name_their_participants_in_the_object(extract_text, text, key):
    ext, _facts = extract_text(text)
    assert key in summits(ext), f"got {summits(ext)}"


@pytest.mark.parametrize("text, key, people", [
    P("Saudi Crown Prince Mohammed bin Salman's visit to Washington produced a string of deals.",
      "SAU+USA", {"mohammed-bin-salman"}, id="possessive-visit-to-a-capital"),
    P("French President Emmanuel Macron visited Beijing in April.",
      "CHN+FRA", {"emmanuel-macron"}, id="visited-a-capital"),
    P("South Korean President Yoon Suk Yeol is due to arrive in Tokyo on Thursday for talks with Japanese officials.",
      "JPN+KOR", {"yoon-suk-yeol"}, id="due-to-arrive-for-talks"),
    P("Japanese Prime Minister Yasuhiro Nakasone prepares to visit Washington next month for talks with Reagan.",
      "JPN+USA", {"yasuhiro-nakasone", "ronald-reagan"}, id="prepares-to-visit-for-talks-with"),
])
def test_visits_count_the_state_visited(extract_text, text, key, people):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got}"


@pytest.mark.parametrize("text, key, people", [
    P("Germany and France signed a declaration on Monday during a meeting between German Chancellor Olaf Scholz "
      "and French President Emmanuel Macron.", "DEU+FRA", {"olaf-scholz", "emmanuel-macron"},
      id="during-a-meeting-between"),
    P("Prime Minister Fumio Kishida and his British counterpart, Rishi Sunak, signed an accord in London.",
      "GBR+JPN", {"fumio-kishida", "rishi-sunak"}, id="x-and-his-counterpart-y-signed"),
    P("Canadian Prime Minister Justin Trudeau and Mexican President Andres Manuel Lopez Obrador launched a "
      "minerals pact in Mexico City.", "CAN+MEX", {"justin-trudeau"}, id="two-leaders-launched"),
    P("President Donald Trump cast doubt on his planned meeting with Chinese President Xi Jinping.",
      "CHN+USA", {"donald-trump", "xi-jinping"}, id="his-meeting-with-y"),
    P("Australian Prime Minister Scott Morrison said he had raised the issue with French President Emmanuel Macron "
      "over dinner in Paris in June.", "AUS+FRA", {"scott-morrison", "emmanuel-macron"}, id="over-dinner-with"),
    P("Japanese Prime Minister Fumio Kishida discussed chips with U.S. President Joe Biden over lunch in Washington.",
      "JPN+USA", {"fumio-kishida", "joe-biden"}, id="over-lunch"),
    P("German Chancellor Olaf Scholz talked trade with Chinese Premier Li Qiang over breakfast in Berlin.",
      "CHN+DEU", {"olaf-scholz", "li-qiang"}, id="over-breakfast"),
])
def test_meetings_inside_other_clauses(extract_text, text, key, people):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got}"


@pytest.mark.parametrize("text", [
    P("The Japanese delegation visited a TSMC plant in Arizona on Tuesday.", id="site-visit"),
    P("South Korean engineers toured a Micron factory in Idaho.", id="factory-tour"),
    P("A German trade mission visited the Samsung campus in Pyeongtaek.", id="campus-visit"),
])
def test_visits_to_sites_are_not_visits_to_states(extract_text, text):
    ext, _facts = extract_text(text)
    assert not any("+" in k for k in summits(ext)), f"got {summits(ext)}"


@pytest.mark.parametrize("text, absent", [
    P("ROME - Israeli Foreign Minister Shimon Peres discussed peace with Palestinian and Soviet officials at a "
      "meeting here.", "ITA", id="rome-dateline"),
    P("TOKYO — South Korean President Yoon Suk Yeol met U.S. President Joe Biden on the sidelines.", "JPN",
      id="tokyo-dateline"),
    P("PARIS, March 3 - Japanese officials held talks with German negotiators on Tuesday.", "FRA",
      id="paris-dateline-with-date"),
])
def test_a_dateline_is_not_a_participant(extract_text, text, absent):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert got and not any(absent in k.split("+") for k in got), f"got {got}"


@pytest.mark.parametrize("text", [
    P("The tax will hit the two million American tourists who visit Cuba every year.", id="tourists-visit"),
    P("Britain's EU rebate is not up for negotiation at next week's summit in Brussels.", id="a-rebate-at-a-summit"),
    P("Chinese students travel to Australia in large numbers each year.", id="students-travel"),
])
def test_only_people_who_can_meet_take_part(extract_text, text):
    ext, _facts = extract_text(text)
    assert not any("+" in k for k in summits(ext)), f"got {summits(ext)}"


@pytest.mark.parametrize("text", [
    P("The White House Economic Policy Council prepared for a Thursday meeting to decide whether Japan "
      "broke the chip pact with the United States.", id="purpose-infinitive"),
    P("The Cabinet meeting in Tokyo on Friday discussed the dispute with the United States.", id="cabinet-meeting"),
    P("The commerce ministry held a meeting with chipmakers to discuss curbs on sales to China.",
      id="ministry-meets-companies"),
])
def test_domestic_meetings_are_not_summits_between_states(extract_text, text):
    ext, _facts = extract_text(text)
    assert not any("+" in k for k in summits(ext)), f"got {summits(ext)}"


@pytest.mark.parametrize("text, place", [
    P("Germany will resist pressure for more spending at next week's summit in Venice.", "venice",
      id="will-resist-at-the-summit"),
    P("Britain's rebate is not up for negotiation at the December summit in Brussels, Straw said.", "brussels",
      id="not-up-for-negotiation-at"),
    P("Japan hopes to win support for its plan at the summit in Toronto.", "toronto", id="hopes-to-win-support-at"),
    P("Protesters gathered outside the Swiss summit in Davos.", "davos", id="demonym-is-where-not-who"),
])
def test_one_state_at_a_summit_is_not_its_key(extract_text, text, place):
    ext, _facts = extract_text(text, published=date(2005, 3, 1))
    got = summits(ext)
    assert not any("+" not in k and not k.startswith("at:") for k in got), f"got {got}"
    assert f"at:{place}" in got, f"got {got}"


@pytest.mark.parametrize("text, key, absent", [
    P("U.S. Trade Representative Clayton Yeutter flies to Brussels today for talks with European Community officials.",
      "USA+european-union", "BEL+USA", id="flies-to-brussels-for-talks-with-the-ec"),
    P("Soviet Foreign Minister Eduard Shevardnadze met U.S. Secretary of State George Shultz with a handshake at "
      "the door of a house built by a Russian merchant.", "SUN+USA", "RUS+SUN+USA", id="with-object-minus-clause"),
    P("Japanese Prime Minister Yasuhiro Nakasone travels to Washington next week for talks with President Ronald "
      "Reagan.", "JPN+USA", "JPN", id="travel-for-talks-with"),
])
def test_journeys_for_talks_count_the_partners(extract_text, text, key, absent):
    ext, _facts = extract_text(text, published=date(1987, 3, 16))
    got = summits(ext)
    assert key in got and absent not in got, f"got {got}"


@pytest.mark.parametrize("text", [
    P("A decision on the loan was shelved during French President Jacques Chirac's visit to Moscow.", id="shelved-during"),
    P("Talks on the tariff were suspended after German Chancellor Gerhard Schroeder's visit to Beijing.",
      id="suspended-after"),
    P("The minister cancelled a dinner during British Prime Minister Tony Blair's visit to Washington.", id="cancelled-during"),
])
def test_an_act_during_a_visit_does_not_cancel_the_visit(extract_text, text):
    ext, _facts = extract_text(text, published=date(2005, 3, 1))
    got = summits(ext)
    assert got and not any("Cancelled" in v["status"] for v in got.values()), f"got {got}"


@pytest.mark.parametrize("text, key, day", [
    P("India and the United States launched their technology initiative on Tuesday, when national security "
      "advisers Ajit Doval and Jake Sullivan chaired its first meeting.", "IND+USA", "2023-01-31",
      id="when-advisers-chaired"),
    P("Japan and Britain deepened ties on Thursday, when officials Kenji Sato and Tom Clark held talks on chips.",
      "GBR+JPN", "2023-02-02", id="when-officials-held-talks"),
    P("Canada and Germany signed the accord on Monday, when their trade envoys met in Ottawa.",
      "CAN+DEU", "2023-01-30", id="when-envoys-met"),
])
def test_a_when_clause_meeting_belongs_to_the_main_clause_states(extract_text, text, key, day):
    ext, _facts = extract_text(text, published=date(2023, 2, 3))
    got = summits(ext)
    assert key in got and day in got[key]["date"], f"got {got}"


def test_chairs_join_the_meeting(extract_text):
    ext, _facts = extract_text(
        "India and the United States held the first meeting of their technology dialogue in Washington. "
        "Indian Foreign Secretary Vinay Kwatra, who chaired the session with U.S. Secretary of State Antony Blinken, "
        "called it a milestone.", published=date(2023, 2, 1))
    got = summits(ext)
    assert "IND+USA" in got and "antony-blinken" in got["IND+USA"]["participant"], f"got {got}"


@pytest.mark.parametrize("text, key", [
    P("Talks between U.S. Trade Representative Clayton Yeutter and Japan's Ministry of International Trade and "
      "Industry ended without agreement.", "JPN+USA", id="talks-with-a-ministry"),
    P("Japanese officials held talks with the European Commission in Brussels on Monday.", "JPN+european-union",
      id="talks-with-the-commission"),
    P("Indian officials met representatives of the U.S. State Department in New Delhi.", "IND+USA",
      id="met-a-department"),
])
def test_a_government_body_stands_for_its_state(extract_text, text, key):
    ext, _facts = extract_text(text)
    assert key in summits(ext), f"got {summits(ext)}"


# -- B. groupings of states ----------------------------------------------------------------
@pytest.mark.parametrize("text, published, key", [
    P("The Quad leaders will meet in Tokyo next week. The Quad was revived in 2017.",
      date(2022, 5, 17), "AUS+IND+JPN+USA", id="quad-named-twice"),
    P("AUKUS defence ministers held a meeting in Canberra. AUKUS was announced in 2021.",
      date(2023, 12, 2), "AUS+GBR+USA", id="aukus-ministerial"),
    P("A summit of the G7 opened in Hiroshima on Friday. The G7 leaders discussed AI.",
      date(2023, 5, 19), "CAN+DEU+FRA+GBR+ITA+JPN+USA+european-union", id="g7-with-the-eu"),
])
def test_a_grouping_the_article_is_about_stands_for_its_members(extract_text, text, published, key):
    ext, _facts = extract_text(text, published=published)
    assert key in summits(ext), f"got {summits(ext)}"


@pytest.mark.parametrize("text, published, place", [
    P("Biden will fly home after the Group of Seven summit in Hiroshima.", date(2023, 5, 17), "hiroshima",
      id="g7-in-passing"),
    P("The trade terms were settled on the eve of the APEC summit in Gyeongju.", date(2025, 11, 1), "gyeongju",
      id="apec-in-passing"),
    P("Leaders of NATO, meeting in Vilnius, agreed to raise spending.", date(2023, 7, 12), "vilnius",
      id="large-grouping-meeting-verb"),
    P("Two weeks later Group of Seven leaders, meeting in Hiroshima, called for AI standards.", date(2023, 6, 1),
      "hiroshima", id="g7-leaders-meeting-participle"),
])
def test_a_grouping_in_passing_is_keyed_by_its_place(extract_text, text, published, place):
    ext, _facts = extract_text(text, published=published)
    got = summits(ext)
    assert f"at:{place}" in got, f"got {got}"


@pytest.mark.parametrize("text, parties", [
    P("The AUKUS partners signed an agreement on hypersonic weapons in Canberra.", {"AUS", "GBR", "USA"},
      id="aukus-agreement"),
    P("The Chip 4 alliance agreed a framework on chip supply chains.", {"JPN", "KOR", "TWN", "USA"},
      id="chip4-framework"),
    P("The Five Eyes countries signed a pact on quantum research.", {"AUS", "CAN", "GBR", "NZL", "USA"},
      id="five-eyes-pact"),
])
def test_a_grouping_as_agreement_party_stands_for_its_members(extract_text, text, parties):
    _ext, facts = extract_text(text, published=date(2024, 3, 1))
    got = {o for _s, p, o in facts if p == "party"}
    assert parties <= got, f"got {sorted(facts)}"


@pytest.mark.parametrize("name, day, has, lacks", [
    P("North Atlantic Treaty Organization", date(2022, 6, 1), {"DEU", "USA"}, {"FIN", "SWE"}, id="nato-before-finland"),
    P("North Atlantic Treaty Organization", date(2024, 6, 1), {"FIN", "SWE"}, set(), id="nato-after-sweden"),
    P("Group of Seven", date(2023, 5, 19), {"CAN", "european-union"}, {"RUS"}, id="g7-with-the-eu"),
    P("Group of Eight", date(2005, 7, 6), {"RUS"}, set(), id="g8-with-russia"),
    P("Quadrilateral Security Dialogue", date(2010, 1, 1), {"IND", "JPN", "USA"}, {"AUS"}, id="quad-without-australia"),
    P("BRICS", date(2024, 6, 1), {"BRA", "ZAF", "IRN"}, {"IDN"}, id="brics-2024"),
])
def test_grouping_membership_over_time(name, day, has, lacks):
    members = {local_name(m) for m in load_groupings().members(name, day)}
    assert has <= members and not (lacks & members), members


def test_grouping_table_rejects_a_bad_date(tmp_path):
    from kg.errors import KGError
    path = tmp_path / "groupings.csv"
    path.write_text("grouping,member,joined,left\nQuad,JPN,May 2007,\n", encoding="utf-8")
    with pytest.raises(KGError, match="not a date"):
        read_groupings(path)


def test_coordinating_committee_ends_in_1994():
    assert load_groupings().members("Coordinating Committee for Multilateral Export Controls", date(1995, 1, 1)) == []
    assert len(load_groupings().members("Coordinating Committee for Multilateral Export Controls", date(1990, 3, 1))) == 17


# -- C. location, date and status -----------------------------------------------------------
@pytest.mark.parametrize("text, published, key, expected", [
    P("The fourth ministerial meeting of the EU-US Trade and Technology Council, held on Wednesday in the "
      "Swedish city of Lulea, ended with a pledge on AI.", date(2023, 6, 1), "USA+european-union",
      {"location": "lulea", "date": "2023-05-31"}, id="participle-after-meeting"),
    P("Saudi Crown Prince Mohammed bin Salman welcomed U.S. President Donald Trump in Riyadh in May.",
      date(2025, 11, 20), "SAU+USA", {"location": "riyadh", "date": "2025-05"}, id="hosted-in-place-in-month"),
    P("Indian Prime Minister Narendra Modi welcomed French President Emmanuel Macron to New Delhi on Monday.",
      date(2024, 1, 26), "FRA+IND", {"location": "new-delhi", "date": "2024-01-22"}, id="welcomed-to-a-city"),
    P("SAN FRANCISCO — Chinese President Xi Jinping and U.S. President Joe Biden will hold talks here on Wednesday.",
      date(2023, 11, 13), "CHN+USA", {"location": "san-francisco", "date": "2023-11-15"}, id="here-is-the-dateline"),
])
def test_summit_location_and_date(extract_text, text, published, key, expected):
    ext, _facts = extract_text(text, published=published)
    got = summits(ext)
    assert key in got, f"got {got}"
    for view, value in expected.items():
        assert value in got[key][view], f"{view}: got {got[key]}"


@pytest.mark.parametrize("text", [
    P("Talks between the United States and Japan on chips failed last week. Japanese Prime Minister Yasuhiro "
      "Nakasone will visit Washington for talks with President Ronald Reagan.", id="failed-talks-then-a-visit"),
    P("Chinese President Xi Jinping and U.S. President Donald Trump met in Osaka in 2019. The two leaders will hold "
      "talks in Busan.", id="met-before-will-meet-again"),
    P("U.S. President Donald Trump cast doubt on his planned meeting with Chinese President Xi Jinping. Trump and "
      "Xi met in Osaka in 2019.", id="planned-meeting-then-a-past-one"),
])
def test_a_past_and_a_planned_meeting_are_two_occasions(extract_text, text):
    ext, _facts = extract_text(text)
    got = summits(ext)
    statuses = set().union(*(v["status"] for v in got.values())) if got else set()
    assert {"Completed", "Planned"} <= statuses, f"got {got}"


@pytest.mark.parametrize("text, published, key, dates", [
    P("The Quad leaders' meeting in Sydney on May 24 was called off. The four leaders launched the initiative at "
      "their first summit, in Washington in September 2021. The Quad has no secretariat.", date(2023, 5, 17),
      "AUS+IND+JPN+USA", {"2023-05-24", "2021-09"}, id="their-first-summit-is-another-occasion"),
    P("Japanese Prime Minister Fumio Kishida met U.S. President Joe Biden in Washington in January. Kishida met "
      "Biden again in Hiroshima in May.", date(2023, 6, 1), "JPN+USA", {"2023-01", "2023-05"}, id="met-again"),
    P("The EU and the United States held a ministerial meeting in Lulea on May 31. At their first meeting, in "
      "Pittsburgh in September 2021, the two sides set up working groups.", date(2023, 6, 1), "USA+european-union",
      {"2023-05-31", "2021-09"}, id="at-their-first-meeting"),
])
def test_another_occasion_of_the_same_states_keeps_its_own_date(extract_text, text, published, key, dates):
    ext, _facts = extract_text(text, published=published)
    got = summits(ext)
    assert key in got and dates <= got[key]["date"], f"got {got}"


@pytest.mark.parametrize("text, place, wrong_day", [
    P("Kishida and Sunak signed the accord on Thursday, a day before the Group of Seven summit opens in Hiroshima.",
      "hiroshima", "2023-05-18", id="a-day-before-the-summit-opens"),
    P("The ministers met on Monday, two days before the NATO summit begins in Vilnius.", "vilnius", "2023-05-15",
      id="two-days-before-it-begins"),
    P("Trade officials agreed on the text on Tuesday, before the APEC summit opens in Lima.", "lima", "2023-05-16",
      id="before-it-opens"),
])
def test_a_summit_in_a_subordinate_clause_keeps_its_own_tense_and_date(extract_text, text, place, wrong_day):
    ext, _facts = extract_text(text, published=date(2023, 5, 19))
    got = summits(ext)
    key = f"at:{place}"
    assert key in got and wrong_day not in got[key]["date"] and "Completed" not in got[key]["status"], f"got {got}"


def test_a_meetings_own_clause_gives_its_tense_and_date(extract_text):
    ext, _facts = extract_text(
        "Morrison said the old boats would not meet its needs, and that Australian Prime Minister Scott Morrison had "
        "raised this with French President Emmanuel Macron over dinner in Paris in June.", published=date(2021, 9, 17))
    got = summits(ext)
    assert got.get("AUS+FRA", {}).get("date") == {"2021-06"} and got["AUS+FRA"]["status"] == {"Completed"}, got


@pytest.mark.parametrize("text, key, place", [
    P("The Gyeongju talks between Chinese President Xi Jinping and U.S. President Donald Trump lasted 100 minutes.",
      "CHN+USA", "gyeongju", id="place-before-talks"),
    P("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol at the presidential office in "
      "Seoul on Friday.", "JPN+KOR", "seoul", id="at-an-office-in-a-city"),
    P("Chinese President Xi Jinping and U.S. President Donald Trump met in Busan. Trump praised the Busan talks on "
      "Friday.", "CHN+USA", "busan", id="the-place-named-talks-are-the-last-summit"),
])
def test_places_named_with_the_meeting(extract_text, text, key, place):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got and place in got[key]["location"] and len(got) == 1, f"got {got}"


@pytest.mark.parametrize("text", [
    P("At the Tokyo summit last year, western leaders named farm subsidies a problem.", id="tokyo-summit"),
    P("The Paris summit ended without a statement on trade.", id="paris-summit"),
    P("Delegates left the Beijing summit early.", id="beijing-summit"),
])
def test_a_capital_before_the_summit_is_where_not_who(extract_text, text):
    ext, _facts = extract_text(text, published=date(1987, 3, 15))
    got = summits(ext)
    assert not any(k in ("JPN", "FRA", "CHN") for k in got), f"got {got}"


@pytest.mark.parametrize("text", [
    P("Analysts said the prime minister might have to step down before the summit in Venice.", id="before-the-summit"),
    P("The United States will push for a statement ahead of the summit in Venice.", id="ahead-of-the-summit"),
    P("Officials will keep working on the text until the summit in Venice.", id="until-the-summit"),
    P("The two leaders had been expected to hold their first talks since the election on the sidelines of the "
      "economic summit in Venice at the end of the month.", id="expected-on-the-sidelines-of"),
])
def test_before_a_summit_it_is_planned(extract_text, text):
    ext, _facts = extract_text(text, published=date(1987, 3, 15))
    got = summits(ext)
    assert "Planned" in got.get("at:venice", {}).get("status", set()), f"got {got}"


@pytest.mark.parametrize("text, key, status", [
    P("Japanese Prime Minister Fumio Kishida is due to travel to Washington next month for talks with President Joe Biden.",
      "JPN+USA", "Planned", id="due-to-travel"),
    P("U.S. Treasury Secretary Janet Yellen is due to arrive in Beijing on Thursday for four days of meetings with "
      "Chinese officials.", "CHN+USA", "Planned", id="due-to-arrive-for-meetings"),
    P("South Korean President Yoon Suk Yeol postponed his visit to Tokyo.", "JPN+KOR", "Cancelled",
      id="postponed-visit"),
    P("The meeting between Chinese President Xi Jinping and U.S. President Joe Biden was called off.",
      "CHN+USA", "Cancelled", id="meeting-called-off"),
    P("The summit between Chinese President Xi Jinping and U.S. President Joe Biden will not go ahead.",
      "CHN+USA", "Cancelled", id="will-not-go-ahead"),
    P("The talks between Japan and South Korea did not take place.", "JPN+KOR", "Cancelled",
      id="did-not-take-place"),
    P("Chinese President Xi Jinping met U.S. President Joe Biden in Woodside last week.", "CHN+USA", "Completed",
      id="past-tense-meeting"),
    P("The EU and the United States agreed to begin talks on aircraft subsidies.", "USA+european-union", "Planned",
      id="agreed-to-begin-talks"),
])
def test_summit_status(extract_text, text, key, status):
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert status in got[key]["status"], f"got {got[key]}"


# -- generalisation classes (issue G audit on unseen news) ---------------------------------
@pytest.mark.parametrize("text, key, place", [
    P("U.S. Trade Representative Katherine Tai will visit Tokyo next week for talks with Japanese Trade "
      "Minister Yasutoshi Nishimura.", "JPN+USA", "tokyo", id="will-visit-a-capital"),
    P("Chinese Premier Li Qiang toured Canberra on Sunday and met Australian Prime Minister Anthony Albanese.",
      "AUS+CHN", "canberra", id="toured-a-capital"),
    P("German Chancellor Olaf Scholz said his Beijing talks with Chinese President Xi Jinping were frank.",
      "CHN+DEU", "beijing", id="capital-before-talks"),
    P("British Foreign Secretary David Cameron reported on the Moscow meeting between Russian President "
      "Vladimir Putin and Chinese President Xi Jinping.", "CHN+RUS", "moscow", id="capital-before-meeting"),
])
def test_a_capital_visited_or_naming_the_meeting_is_its_place(extract_text, text, key, place):
    """A capital stands for its state as a participant, and for its city as the place."""
    ext, _facts = extract_text(text)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert place in got[key]["location"], f"got {got[key]}"


@pytest.mark.parametrize("text, published, other, place", [
    P("Japanese Prime Minister Yasuhiro Nakasone will hold talks in Washington with President Ronald Reagan "
      "next week. He will also discuss the June Venice summit of industrial democracies.", date(1987, 3, 26),
      "JPN+USA", "at:venice", id="the-venice-summit-after-a-visit"),
    P("Australian Prime Minister Anthony Albanese met Indian Prime Minister Narendra Modi in Sydney on Wednesday. "
      "Officials said the Hiroshima summit in May had prepared the ground.", date(2023, 5, 26),
      "AUS+IND", "at:hiroshima", id="the-hiroshima-summit-earlier"),
    P("U.S. officials said they would push for a farm statement at the summit in Venice. At the Tokyo summit "
      "last year, leaders made no firm promises.", date(1987, 4, 9), "at:venice", "at:tokyo",
      id="the-capital-summit-last-year"),
])
def test_a_summit_named_by_its_place_is_its_own(extract_text, text, published, other, place):
    """"the Venice summit": a meeting of its own, held there, not the meeting talked about before."""
    ext, _facts = extract_text(text, published=published)
    got = summits(ext)
    assert place in got, f"got {got}"
    assert other in got, f"got {got}"
    assert place[3:] not in got[other]["location"] or other == place, f"got {got}"


@pytest.mark.parametrize("text, key, people", [
    P("After a day of meetings with Secretary of State George Shultz and Commerce Secretary Malcolm Baldrige, "
      "Canadian Prime Minister Brian Mulroney told a press conference he was encouraged.", "CAN+USA",
      {"brian-mulroney", "george-shultz", "malcolm-baldrige"}, id="after-meetings-with-a-list"),
    P("British Prime Minister Margaret Thatcher told reporters after meeting Soviet Premier Nikolai Ryzhkov "
      "that trade would grow.", "GBR+SUN", {"margaret-thatcher", "nikolai-ryzhkov"}, id="told-after-meeting-y"),
    P("Following talks with Chinese Premier Li Peng, Australian Prime Minister Bob Hawke said the two "
      "countries would expand trade.", "AUS+CHN", {"bob-hawke", "li-peng"}, id="following-talks-with"),
])
def test_who_speaks_after_a_meeting_with_someone_took_part(extract_text, text, key, people):
    ext, _facts = extract_text(text, published=date(1987, 3, 31))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got[key]}"


@pytest.mark.parametrize("text, published, key, day", [
    P("Japanese Prime Minister Yasuhiro Nakasone leaves on an official visit to the United States on Wednesday.",
      date(1987, 4, 27), "JPN+USA", "1987-04-29", id="leaves-on-wednesday"),
    P("King Fahd of Saudi Arabia begins a four-day state visit to Britain on Tuesday.", date(1987, 3, 22),
      "GBR+SAU", "1987-03-24", id="begins-a-visit-on-tuesday"),
    P("French President Emmanuel Macron flies to Beijing on Thursday for talks with Chinese President Xi Jinping.",
      date(2023, 4, 3), "CHN+FRA", "2023-04-06", id="flies-on-thursday"),
])
def test_a_journey_in_the_present_tense_with_a_date_is_planned(extract_text, text, published, key, day):
    ext, _facts = extract_text(text, published=published)
    got = summits(ext)
    assert key in got, f"got {got}"
    assert "Planned" in got[key]["status"] and day in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, month", [
    P("Finance ministers of the United States and Japan will meet in Washington next week. Japan refused to "
      "join a meeting with the United States in Paris in February.", "JPN+USA", "1987-02",
      id="refused-to-join-in-february"),
    P("Trade ministers of France and Germany will hold talks next week. France had skipped talks with Germany "
      "in January.", "DEU+FRA", "1987-01", id="had-skipped-in-january"),
    P("Canada and the United States plan a summit next month. Canada attended talks with the United States "
      "in February.", "CAN+USA", "1987-02", id="attended-in-february"),
])
def test_a_past_mention_of_a_planned_summit_dates_the_past(extract_text, text, key, month):
    """A mention in the past tense is dated in the past even when the summit is also planned."""
    ext, _facts = extract_text(text, published=date(1987, 4, 3))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert month in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key", [
    P("European Union farm ministers will meet in Luxembourg next week to settle grain prices.",
      "european-union", id="eu-ministers-will-meet"),
    P("EU finance ministers held talks in Brussels on Tuesday about a tax on aviation fuel.",
      "european-union", id="eu-ministers-held-talks"),
    P("Leaders of the European Union gathered in Dublin for a two-day summit on Thursday.",
      "european-union", id="eu-leaders-gathered"),
    P("European Community foreign ministers met in Luxembourg on Monday to discuss sanctions.",
      "european-union", id="ec-foreign-ministers-met"),
])
def test_a_unions_ministers_meeting_is_a_meeting_of_the_union(extract_text, text, key):
    ext, _facts = extract_text(text, published=date(2005, 2, 15))
    got = summits(ext)
    assert key in got, f"got {got}"


@pytest.mark.parametrize("text, key, day", [
    P("EU finance ministers are meeting on Thursday in Brussels to discuss a tax on aviation fuel.",
      "european-union", "2005-02-17", id="are-meeting-on-thursday"),
    P("Indian Prime Minister Manmohan Singh is travelling to Moscow on Friday for talks with Russian President "
      "Vladimir Putin.", "IND+RUS", "2005-02-18", id="is-travelling-on-friday"),
    P("Chinese Premier Wen Jiabao is visiting Canberra next week.", "AUS+CHN", "2005-02", id="is-visiting-next-week"),
])
def test_a_journey_in_the_present_progressive_with_a_date_is_planned(extract_text, text, key, day):
    ext, _facts = extract_text(text, published=date(2005, 2, 15))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert "Planned" in got[key]["status"] and any(d.startswith(day) for d in got[key]["date"]), f"got {got[key]}"


@pytest.mark.parametrize("text, key, people", [
    P("West German Chancellor Helmut Kohl has invited the European Commission for talks in Bonn next month.",
      "DEU+european-union", {"helmut-kohl"}, id="invited-body-for-talks"),
    P("Japanese Prime Minister Shinzo Abe invited Indian Prime Minister Narendra Modi to Tokyo for a summit.",
      "IND+JPN", {"shinzo-abe", "narendra-modi"}, id="invited-leader-to-capital-for-summit"),
    P("U.S. President Ronald Reagan invited Mexican President Carlos Salinas for talks at his ranch in "
      "California.", "MEX+USA", {"ronald-reagan"}, id="invited-for-talks-at-ranch"),
])
def test_who_invites_someone_for_talks_meets_them(extract_text, text, key, people):
    ext, _facts = extract_text(text, published=date(1987, 3, 17))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"] and "Planned" in got[key]["status"], f"got {got[key]}"


@pytest.mark.parametrize("text, keys", [
    P("U.S. President Ronald Reagan will visit Rome and Bonn in June.", {"ITA+USA", "DEU+USA"},
      id="visit-two-capitals"),
    P("Chinese Premier Wen Jiabao made a trip to Germany and France last week.", {"CHN+DEU", "CHN+FRA"},
      id="trip-to-two-states"),
    P("Indian Prime Minister Narendra Modi toured Japan and South Korea in May.", {"IND+JPN", "IND+KOR"},
      id="toured-two-states"),
])
def test_a_journey_to_several_states_is_a_visit_to_each(extract_text, text, keys):
    ext, _facts = extract_text(text, published=date(1987, 3, 4))
    got = summits(ext)
    assert keys <= set(got), f"got {got}"


@pytest.mark.parametrize("text, key", [
    P("A visit to Moscow by U.S. Secretary of State George Shultz is under consideration, a Soviet official said.",
      "SUN+USA", id="visit-under-consideration"),
    P("Talks between Japan and China on fishing rights were under discussion, officials said.", "CHN+JPN",
      id="talks-under-discussion"),
    P("A possible summit between Canadian Prime Minister Brian Mulroney and President Ronald Reagan was discussed.",
      "CAN+USA", id="a-possible-summit"),
])
def test_a_meeting_still_weighed_is_planned(extract_text, text, key):
    ext, _facts = extract_text(text, published=date(1987, 3, 2))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert got[key]["status"] == {"Planned"}, f"got {got[key]}"


@pytest.mark.parametrize("text, key, month", [
    P("Analysts said the prime minister might resign after the Venice summit in June.", "at:venice", "1987-06",
      id="might-resign-after-the-summit"),
    P("Officials expect the chancellor will announce his plan following the Bonn summit in May.", "at:bonn",
      "1987-05", id="will-announce-following-the-summit"),
    P("Farm groups said the issue could come up after the Ottawa summit in June.", "at:ottawa", "1987-06",
      id="could-come-up-after-the-summit"),
])
def test_a_summit_named_in_a_clause_to_come_is_planned_and_near(extract_text, text, key, month):
    """A summit after which something will happen lies ahead, in the coming month named."""
    ext, _facts = extract_text(text, published=date(1987, 4, 27))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert got[key]["status"] == {"Planned"} and month in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, day", [
    P("Three rounds of talks between Japan and China, scheduled for Thursday, are expected to be tense.",
      "CHN+JPN", "1987-04-30", id="rounds-of-talks-scheduled-for"),
    P("A meeting between French President Francois Mitterrand and Chancellor Helmut Kohl, set for Wednesday, "
      "will cover farm prices.", "DEU+FRA", "1987-04-29", id="meeting-set-for"),
    P("A series of meetings between Canada and the United States, planned for Friday, is meant to settle the "
      "lumber dispute.", "CAN+USA", "1987-05-01", id="series-of-meetings-planned-for"),
])
def test_a_meeting_scheduled_for_a_day_is_planned_then(extract_text, text, key, day):
    ext, _facts = extract_text(text, published=date(1987, 4, 27))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert "Planned" in got[key]["status"] and day in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, month, place", [
    P("Bolivia will propose a summit with U.S. President Ronald Reagan to take place in Caracas in May.",
      "BOL+USA", "1987-05", "caracas", id="summit-to-take-place"),
    P("Chile proposed a meeting with Peru that would occur in Lima in June.",
      "CHL+PER", "1987-06", "lima", id="meeting-that-would-occur"),
    P("Brazilian President Jose Sarney proposed a summit with Argentine President Raul Alfonsin to be held in "
      "Montevideo in July.", "ARG+BRA", "1987-07", "montevideo", id="summit-to-be-held"),
])
def test_the_clause_saying_when_and_where_a_meeting_happens(extract_text, text, key, month, place):
    ext, _facts = extract_text(text, published=date(1987, 3, 26))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert month in got[key]["date"] and place in got[key]["location"], f"got {got[key]}"


@pytest.mark.parametrize("text, key", [
    P("A Tanzanian peace mission led by minister of state in the presidency Juma Mwapachu will visit Zambia "
      "tomorrow for talks.", "TZA+ZMB", id="mission-led-by-long-title-two-subjects"),
    P("A Kenyan trade mission led by minister of state for commerce Joseph Kamotho will visit Uganda tomorrow "
      "for talks.", "KEN+UGA", id="mission-led-by"),
    P("A Chinese delegation headed by vice premier of the state council Li Lanqing will visit Brazil tomorrow "
      "for talks.", "BRA+CHN", id="delegation-headed-by"),
])
def test_a_delegation_led_by_someone_visits(extract_text, text, key):
    """A long subject the parser splits in two ("a mission led by ... Kirya will visit") is one subject."""
    ext, _facts = extract_text(text, published=date(1987, 6, 2))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert got[key]["status"] == {"Planned"} and "1987-06-03" in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key", [
    P("Officials began drafting the agenda for the Venice summit meeting of the major industrial democracies.",
      "at:venice", id="the-venice-summit-meeting"),
    P("Farm prices will top the list at the Toronto summit talks of industrial nations.",
      "at:toronto", id="the-toronto-summit-talks"),
    P("Trade ministers prepared papers for the Bonn summit conference of industrial nations.",
      "at:bonn", id="the-bonn-summit-conference"),
])
def test_a_summit_meeting_named_by_its_place(extract_text, text, key):
    ext, _facts = extract_text(text, published=date(1987, 3, 4))
    got = summits(ext)
    assert key in got, f"got {got}"


@pytest.mark.parametrize("text, key, wrong", [
    P("Officials prepared the Venice summit. After the summit, Reagan will fly to West Berlin on June 12.",
      "at:venice", "1987-06-12", id="after-the-summit-fly-on"),
    P("Officials prepared the Tokyo summit. Before the summit, Nakasone will visit Seoul on May 2.",
      "at:tokyo", "1987-05-02", id="before-the-summit-visit-on"),
    P("Officials prepared the Ottawa summit. Following the summit, Mulroney will visit Paris on July 20.",
      "at:ottawa", "1987-07-20", id="following-the-summit-visit-on"),
])
def test_the_date_of_what_follows_a_summit_is_not_the_summits(extract_text, text, key, wrong):
    ext, _facts = extract_text(text, published=date(1987, 3, 4))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert wrong not in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, people", [
    P("Indian Prime Minister Rajiv Gandhi had three hours of talks with Chinese Premier Li Peng.", "CHN+IND",
      {"rajiv-gandhi", "li-peng"}, id="had-hours-of-talks"),
    P("French President Francois Mitterrand held two rounds of talks with Chancellor Helmut Kohl.", "DEU+FRA",
      {"francois-mitterrand", "helmut-kohl"}, id="held-rounds-of-talks"),
    P("Argentine President Raul Alfonsin began a series of meetings with Brazilian President Jose Sarney.",
      "ARG+BRA", {"raul-alfonsin", "jose-sarney"}, id="began-a-series-of-meetings"),
])
def test_an_amount_of_talks_is_held_by_its_subject(extract_text, text, key, people):
    ext, _facts = extract_text(text, published=date(1987, 3, 31))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, people", [
    P("British Prime Minister Margaret Thatcher arrived in Moscow. Soviet leader Mikhail Gorbachev, who held "
      "talks with her on Monday, praised the visit.", "GBR+SUN", {"margaret-thatcher", "mikhail-gorbachev"},
      id="who-held-talks-with-her"),
    P("Chancellor Helmut Kohl flew to Washington. President Ronald Reagan had a long meeting with him on Friday.",
      "DEU+USA", {"helmut-kohl", "ronald-reagan"}, id="had-a-meeting-with-him"),
    P("Japanese Prime Minister Yasuhiro Nakasone reached Ottawa. Canadian Prime Minister Brian Mulroney began "
      "talks with him at once.", "CAN+JPN", {"yasuhiro-nakasone", "brian-mulroney"}, id="began-talks-with-him"),
])
def test_a_pronoun_partner_is_the_leader_named_before(extract_text, text, key, people):
    ext, _facts = extract_text(text, published=date(1987, 3, 31))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, place", [
    P("Japanese Prime Minister Yasuhiro Nakasone sets out on Wednesday on a difficult mission to Washington.",
      "JPN+USA", "washington", id="mission-to-a-capital"),
    P("Indian Prime Minister Rajiv Gandhi leaves for Moscow on Monday for talks with Soviet leader Mikhail "
      "Gorbachev.", "IND+SUN", "moscow", id="leaves-for-a-capital"),
    P("Chinese Premier Zhao Ziyang heads to Canberra next week for talks with Australian Prime Minister Bob Hawke.",
      "AUS+CHN", "canberra", id="heads-to-a-capital"),
])
def test_missions_and_departures_go_to_their_destination(extract_text, text, key, place):
    ext, _facts = extract_text(text, published=date(1987, 4, 27))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert place in got[key]["location"] and "Planned" in got[key]["status"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, people", [
    P("British Prime Minister Margaret Thatcher met her counterparts, West German Chancellor Helmut Kohl and "
      "French President Francois Mitterrand, in Brussels on Monday.", "DEU+FRA+GBR",
      {"margaret-thatcher", "helmut-kohl", "francois-mitterrand"}, id="met-her-counterparts-x-and-y"),
    P("British Prime Minister Margaret Thatcher met two European leaders, Chancellor Helmut Kohl of West Germany "
      "and President Francois Mitterrand of France, on Monday.", "DEU+FRA+GBR",
      {"helmut-kohl", "francois-mitterrand"}, id="met-two-leaders-x-of-a-and-y-of-b"),
    P("Italian Prime Minister Bettino Craxi received a senior guest, Spanish Prime Minister Felipe Gonzalez, "
      "in Rome.", "ESP+ITA", {"bettino-craxi", "felipe-gonzalez"}, id="received-a-guest-x"),
])
def test_names_in_apposition_to_whom_someone_met(extract_text, text, key, people):
    ext, _facts = extract_text(text, published=date(1987, 4, 1))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"], f"got {got[key]}"


@pytest.mark.parametrize("text, key, month", [
    P("President Ronald Reagan and Soviet leader Mikhail Gorbachev are to meet in Washington in December.",
      "SUN+USA", "1987-12", id="are-to-meet-in-december"),
    P("Japanese Prime Minister Yasuhiro Nakasone is to visit Canada in November.", "CAN+JPN", "1987-11",
      id="is-to-visit-in-november"),
    P("The foreign ministers of France and Italy are to hold talks in Rome in October.", "FRA+ITA", "1987-10",
      id="are-to-hold-talks-in-october"),
])
def test_be_to_meet_is_planned(extract_text, text, key, month):
    ext, _facts = extract_text(text, published=date(1987, 4, 1))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert got[key]["status"] == {"Planned"} and month in got[key]["date"], f"got {got[key]}"


@pytest.mark.parametrize("text, key", [
    P("French Prime Minister Jacques Chirac ended a three-day visit to Washington on Wednesday.", "FRA+USA",
      id="ended-a-visit"),
    P("Chinese Premier Zhao Ziyang cut short his visit to Britain.", "CHN+GBR", id="cut-short-a-visit"),
    P("Indian Prime Minister Rajiv Gandhi completed his tour of Japan on Sunday.", "IND+JPN",
      id="completed-a-tour"),
])
def test_ending_a_visit_is_taking_part_in_it(extract_text, text, key):
    ext, _facts = extract_text(text, published=date(1987, 4, 1))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert got[key]["status"] == {"Completed"}, f"got {got[key]}"


@pytest.mark.parametrize("text, speaker", [
    P("Prime Minister Yasuhiro Nakasone will fly to Canada in May and hold talks in Ottawa with Prime Minister "
      "Brian Mulroney, Chief Cabinet Secretary Masaharu Gotoda told reporters.", "masaharu-gotoda",
      id="cabinet-secretary-told-reporters"),
    P("Chancellor Helmut Kohl will visit Paris next week and hold talks with President Francois Mitterrand, "
      "government spokesman Friedhelm Ost told reporters.", "friedhelm-ost", id="spokesman-told-reporters"),
    P("President Ronald Reagan will hold talks at the White House with Prime Minister Brian Mulroney, "
      "presidential spokesman Marlin Fitzwater said.", "marlin-fitzwater", id="spokesman-said"),
])
def test_who_reports_a_meeting_does_not_take_part(extract_text, text, speaker):
    """The speaker named after the meeting's last participant ("..., X told reporters") is no participant."""
    ext, _facts = extract_text(text, published=date(1987, 3, 26))
    got = summits(ext)
    assert got, "no summit"
    assert all(speaker not in s["participant"] for s in got.values()), f"got {got}"


@pytest.mark.parametrize("text, absent", [
    P("Officials of Britain and the Soviet-led Warsaw Pact held talks in Vienna on Monday.", "SUN",
      id="soviet-led-pact"),
    P("Representatives of France and U.S.-backed rebel groups met in Geneva on Monday.", "USA",
      id="us-backed-groups"),
    P("Ministers of Italy and Saudi-funded banks met in Rome on Monday.", "SAU", id="saudi-funded-banks"),
])
def test_a_state_qualifying_a_body_does_not_meet(extract_text, text, absent):
    ext, _facts = extract_text(text, published=date(1987, 3, 20))
    got = summits(ext)
    assert all(absent not in key.split("+") for key in got), f"got {got}"


@pytest.mark.parametrize("text, key, people", [
    P("Indian Prime Minister Narendra Modi was received by French President Emmanuel Macron at the Elysee Palace "
      "in Paris.", "FRA+IND", {"narendra-modi", "emmanuel-macron"}, id="was-received-by"),
    P("Chinese Premier Li Peng was greeted by Australian Prime Minister Bob Hawke at Canberra airport on Monday.",
      "AUS+CHN", {"li-peng", "bob-hawke"}, id="was-greeted-by"),
    P("Soviet Foreign Minister Eduard Shevardnadze was welcomed by Japanese Foreign Minister Tadashi Kuranari "
      "in Tokyo.", "JPN+SUN", {"eduard-shevardnadze", "tadashi-kuranari"}, id="was-welcomed-by"),
])
def test_a_guest_received_in_the_passive(extract_text, text, key, people):
    ext, _facts = extract_text(text, published=date(1987, 4, 1))
    got = summits(ext)
    assert key in got, f"got {got}"
    assert people <= got[key]["participant"] and got[key]["status"] == {"Completed"}, f"got {got[key]}"
