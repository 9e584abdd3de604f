"""Who takes part in a gathering (kg.extract.gatherings), on short texts written for the tests:
a commission, working group or council is the forum of its session, not a participant, while an
organisation of states still takes part; the people of a meeting held on a summit's sidelines
attend the summit too."""
from __future__ import annotations

import pytest
import spacy

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.extract.context import Context
from kg.extract.gatherings import forum_acronym, is_forum
from kg.extract.model import Mention, Span
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def events(registry, text, kind):
    return [e for e in extract("t", text, registry).events if e.kind == kind]


def test_the_commission_is_where_the_states_meet_not_a_participant(registry):
    text = ("Pakistan and Russia held the ninth session of the Intergovernmental Commission on Trade "
            "and Economic Cooperation in Islamabad on 12 March 2025.")
    [session] = events(registry, text, "Meeting")
    assert {"pakistan", "russia"} <= set(session.participants)
    assert not any("commission" in p.lower() for p in session.participants), session.participants
    assert len(session.roles) == len(session.participants) == len(session.participant_confidence)


def test_a_body_is_told_by_the_head_noun_of_its_name(registry):
    ctx = Context(spacy.blank("en")("An article."), [], [], [], registry, None, {
        "new:Joint Working Group on Trade": "Organisation",
        "new:Council of Foreign Ministers": "Organisation",
        "new:Eurasian Development Bank": "Organisation",
        "new:Quadrilateral Dialogue": "Organisation",
        "new:Caspian Energy Forum": "Organisation",
        "new:Regional Transport Meeting of the CIS": "Organisation",
        "new:Group Captain Ali Khan": "Person",
    })
    assert is_forum(ctx, "new:Joint Working Group on Trade")
    assert is_forum(ctx, "new:Council of Foreign Ministers")
    assert not is_forum(ctx, "new:Eurasian Development Bank")
    # a gathering's own name: where the sides sit, not one of them
    assert is_forum(ctx, "new:Quadrilateral Dialogue")
    assert is_forum(ctx, "new:Caspian Energy Forum")
    assert is_forum(ctx, "new:Regional Transport Meeting of the CIS")
    assert not is_forum(ctx, "new:Group Captain Ali Khan")  # a person, whatever his name
    assert not is_forum(ctx, "sco")  # an organisation of states takes part


def test_the_bracketed_acronym_of_a_forum_is_the_forum_too(registry):
    text = "The Joint Trade Committee (JTC) met. The JTC and the Caspian Bank (CB) agreed."
    doc = spacy.blank("en")(text)

    def named(words, eid):
        start = text.index(words)
        return Mention(Span(start, start + len(words), words), eid, 0, "ner")
    mentions = [named("Joint Trade Committee", "new:Joint Trade Committee"), named("JTC", "new:JTC"),
                named("Caspian Bank", "new:Caspian Bank"), named("CB", "new:CB")]
    ctx = Context(doc, [], mentions, [], registry, None, {m.entity: "Organisation" for m in mentions})
    assert forum_acronym(ctx, "new:JTC")
    assert not forum_acronym(ctx, "new:CB")  # the acronym of a bank is no forum
    assert not forum_acronym(ctx, "new:Joint Trade Committee")  # the forum itself: is_forum tells it


def test_the_people_of_a_side_meeting_attend_the_summit(registry):
    text = ("Prime Minister Shehbaz Sharif met President Vladimir Putin on the sidelines of the SCO "
            "summit in Astana on 3 July 2024.")
    [summit] = events(registry, text, "Summit")
    assert {"shehbaz-sharif", "vladimir-putin", "pakistan", "russia"} <= set(summit.participants)
    assert len(summit.roles) == len(summit.participants) == len(summit.participant_confidence)


def test_the_sidelines_hung_on_the_last_party_of_a_meeting_noun_are_still_the_meeting_s(registry):
    # the parse hangs "on the sidelines of ..." on "counterparts", inside the meeting's phrase
    text = ("After the vote, there have been meetings between Pakistani officials and their Russian "
            "counterparts on the sidelines of the SCO summit in Astana in July 2024.")
    [summit] = events(registry, text, "Summit")
    assert {"pakistan", "russia"} <= set(summit.participants)


def test_a_meeting_not_on_the_sidelines_adds_nobody_to_the_summit(registry):
    text = ("Prime Minister Shehbaz Sharif attended the SCO summit in Astana on 3 July 2024. "
            "A week later, President Vladimir Putin met Prime Minister Shehbaz Sharif in Moscow.")
    [summit] = events(registry, text, "Summit")
    assert "vladimir-putin" not in summit.participants


def test_who_meets_during_the_summit_attends_it(registry):
    text = ("Ministers of China, Iran and Russia will meet in Tashkent next week during the Shanghai Cooperation "
            "Organisation summit that begins on 10 May 2024.")
    [summit] = events(registry, text, "Summit")
    assert {"china", "iran", "russia", "sco"} <= set(summit.participants)
