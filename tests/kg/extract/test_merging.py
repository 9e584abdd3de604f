"""The merge pass after every participant, time and status is settled: a later "the meeting"
that names the summit just spoken of is that summit."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry

HOSTING = ("Pakistan will be hosting the 23rd meeting of the Council of the Heads of Government of the "
           "Shanghai Cooperation Organisation from 15 to 16 October 2024 in Islamabad. ")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def gatherings(registry, text):
    return [e for e in extract("t", text, registry, date="2024-10-12").events if e.kind in {"Meeting", "Summit"}]


def test_the_meeting_after_a_summit_is_the_summit_and_its_attendees_take_part(registry):
    found = gatherings(registry, HOSTING + "Prime Minister Shehbaz Sharif will preside over the upcoming CHG "
                       "meeting. The prime minister of Mongolia will also participate in the meeting.")
    assert len(found) == 1
    summit = found[0]
    assert summit.kind == "Summit" and [s.index for s in summit.also] == [1, 2]
    assert {"shehbaz-sharif", "mongolia", "pakistan", "sco"} <= set(summit.participants)
    assert (summit.time.start, summit.time.end, summit.status) == ("2024-10-15", "2024-10-16", "scheduled")


def test_a_meeting_marked_as_another_stays_apart(registry):
    found = gatherings(registry, HOSTING + "Prime Minister Shehbaz Sharif will preside over the next CHG meeting "
                       "in Moscow.")
    assert len(found) == 2


def test_a_summit_of_others_than_the_meeting_told_before_is_another_gathering(registry):
    found = gatherings(registry, "Mishustin will begin his working day by meeting with his Chinese and Mongolian "
                       "counterparts, Li Qiang and Luvsannamsrain Oyun-Erdene. The central event of the day will be "
                       "the meeting of the Heads of Government Council of the Shanghai Cooperation Organization.")
    assert [e.kind for e in found] == ["Meeting", "Summit"]


def test_a_later_gathering_of_the_same_body_reaches_past_another_meeting_and_is_a_summit(registry):
    found = gatherings(registry, "Russian Prime Minister Mikhail Mishustin will have a working day in Islamabad on "
                       "Wednesday, attending the meeting of prime ministers from the Shanghai Cooperation Organization. "
                       "Mishustin will begin his working day by meeting with his Chinese and Mongolian counterparts, "
                       "Li Qiang and Luvsannamsrain Oyun-Erdene. The central event of the day will be the meeting of "
                       "the Heads of Government Council of the Shanghai Cooperation Organization.")
    assert [(e.kind, e.sentence.index, [s.index for s in e.also]) for e in found] == [
        ("Summit", 0, [2]), ("Meeting", 1, [])]
    assert found[0].time.value == "2024-10-16" and found[0].status == "scheduled"


def test_the_next_sentence_that_names_the_people_of_both_sides_retells_the_event(registry):
    found = gatherings(registry, "Pakistan and Russia will hold talks in Moscow this week. Foreign Minister Ishaq "
                       "Dar will travel to Moscow to hold talks with his Russian counterpart Sergey Lavrov on "
                       "October 15.")
    assert len(found) == 1
    talks = found[0]
    assert set(talks.participants) == {"pakistan", "russia", "ishaq-dar", "sergey-lavrov"}
    assert [s.index for s in talks.also] == [1] and talks.time.value == "2024-10-15"


def test_a_meeting_two_sentences_on_with_its_people_stays_apart(registry):
    found = gatherings(registry, "Pakistan and Russia will hold talks in Moscow this week. Trade has grown fast. "
                       "Ishaq Dar met Sergey Lavrov in Kazan.")
    assert len(found) == 2


def test_a_meeting_with_a_named_side_is_not_the_summit_told_next(registry):
    found = gatherings(registry, "Iranian President Hassan Rouhani met Turkish President Recep Tayyip Erdogan on "
                       "Wednesday in Astana. In a meeting with the Turkish President, Rouhani stressed trade. "
                       "The two presidents are in Kazakhstan to attend the summit of the Shanghai Cooperation "
                       "Organisation.")
    summits = [e for e in found if e.kind == "Summit"]
    assert len(summits) == 1 and summits[0].sentence.index == 2
    assert all(e.kind == "Meeting" for e in found if e.sentence.index < 2)


def test_states_meeting_during_a_summit_told_in_the_same_sentence_are_the_summit(registry):
    found = gatherings(registry, "The leaders of Iran, Turkey and Russia would meet in Astana this week during the "
                       "Shanghai Cooperation Organisation (SCO) Astana Summit starting from 15 October 2024.")
    assert [e.kind for e in found] == ["Summit"]
    assert {"iran", "turkey", "russia", "sco"} <= set(found[0].participants)


def test_a_leader_meeting_another_during_a_summit_is_a_meeting_of_its_own(registry):
    found = gatherings(registry, "Iranian President Hassan Rouhani will meet Turkish President Recep Tayyip "
                       "Erdogan during the Shanghai Cooperation Organisation summit in Astana on 15 October 2024.")
    assert sorted(e.kind for e in found) == ["Meeting", "Summit"]


def agreements(registry, text):
    return [e for e in extract("t", text, registry, date="2024-10-16").events if e.kind == "Agreement"]


SIGNED_LEAD = "Pakistan and Russia on Monday signed an agreement on railway cooperation. "


def test_the_sentence_after_the_lead_that_tells_the_signing_again_is_the_same_agreement(registry):
    found = agreements(registry, SIGNED_LEAD + "Pakistan and Russia signed a landmark deal in Islamabad, with "
                       "Russian Railways set to build the line.")
    assert len(found) == 1
    deal = found[0]
    assert [s.index for s in deal.also] == [1] and deal.time.value == "2024-10-14"
    assert {"pakistan", "russia"} <= set(deal.participants)


@pytest.mark.parametrize("second", [
    "Pakistan and Russia also signed an agreement on energy in Islamabad.",  # one more
    "Pakistan and Russia signed agreements on energy in Islamabad.",  # several
    "Pakistan and Russia signed a deal on energy in 2019.",  # another time
    "Trade between them has grown. Pakistan and Russia signed a landmark deal in Islamabad.",  # not next
])
def test_a_signing_marked_as_another_or_told_further_on_stays_apart(registry, second):
    assert len(agreements(registry, SIGNED_LEAD + second)) == 2
