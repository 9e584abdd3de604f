"""One meeting per counterpart (short texts written for the tests)."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def meetings(registry, text):
    return [e for e in extract("t", text, registry).events if e.kind == "Meeting"]


def test_a_list_of_leaders_gives_one_meeting_each(registry):
    found = meetings(registry, "On the sidelines, Prime Minister Shehbaz Sharif also met with leaders from "
                               "Belarus, Turkey and Tajikistan.")
    assert sorted(sorted(e.participants) for e in found) == [
        ["belarus", "pakistan", "shehbaz-sharif"], ["pakistan", "shehbaz-sharif", "tajikistan"],
        ["pakistan", "shehbaz-sharif", "turkey"]]


def test_two_people_met_are_two_meetings_each_with_the_side_that_met(registry):
    found = meetings(registry, "Russian President Vladimir Putin met Chinese President Xi Jinping and "
                               "Prime Minister Shehbaz Sharif in Astana on Thursday.")
    assert len(found) == 2
    for e in found:
        assert {"vladimir-putin", "russia"} <= set(e.participants)
    assert {"shehbaz-sharif", "pakistan"} <= set(found[1].participants)
    assert "shehbaz-sharif" not in found[0].participants


def test_two_sides_of_one_meeting_stay_one_meeting(registry):
    found = meetings(registry, "Pakistan and Russia held talks in Moscow on Monday.")
    assert len(found) == 1 and {"pakistan", "russia"} <= set(found[0].participants)


def test_the_last_counterpart_that_the_parse_hangs_on_the_verb_is_a_meeting_of_its_own(registry):
    found = meetings(registry, "Russian President Vladimir Putin held brief talks with Pakistani Prime Minister "
                               "Shehbaz Sharif, Uzbek President Shavkat Mirziyoyev, and Tajik President Emomali "
                               "Rahmon during the summit in Tianjin.")
    assert sorted(sorted(e.participants) for e in found) == [
        ["emomali-rahmon", "russia", "tajikistan", "vladimir-putin"],
        ["pakistan", "russia", "shehbaz-sharif", "vladimir-putin"],
        ["russia", "shavkat-mirziyoyev", "uzbekistan", "vladimir-putin"]]


def test_a_list_with_nobody_who_meets_them_all_is_one_meeting_among_them(registry):
    found = [e for e in extract("t", "A meeting of the Moscow format on Afghanistan with Russia and Afghanistan "
                                     "kicked off in Kazan on Friday.", registry).events if e.kind == "Meeting"]
    assert [set(e.participants) for e in found] == [{"russia", "afghanistan"}]


def test_each_listed_person_keeps_the_state_of_their_own_title(registry):
    # the state before the first name is not the second person's ("Turkmen President X and
    # Tajik President Y": Y is Tajik, not Turkmen)
    found = meetings(registry, "On Friday, Prime Minister Shehbaz Sharif will separately meet Turkmen President "
                               "Serdar Berdimuhamedov and Tajik President Emomali Rahmon in Samarkand.")
    assert sorted(sorted(e.participants) for e in found) == [
        ["emomali-rahmon", "pakistan", "shehbaz-sharif", "tajikistan"],
        ["new:Serdar Berdimuhamedov", "pakistan", "shehbaz-sharif", "turkmenistan"]]


def test_a_list_the_parse_cuts_after_its_first_name_is_still_one_meeting_per_name(registry):
    # the parser may take the first name for the object of "with" and hang the rest on the verb
    found = meetings(registry, "Putin will meet with Chinese President Xi Jinping, Turkish President Recep Tayyip "
                               "Erdogan, Azerbaijani President Ilham Aliyev and Pakistani Prime Minister Shehbaz "
                               "Sharif on the sidelines of the summit, Kremlin aide Yury Ushakov said.")
    assert sorted(sorted(e.participants) for e in found) == [
        ["azerbaijan", "ilham-aliyev", "russia", "vladimir-putin"],
        ["china", "russia", "vladimir-putin", "xi-jinping"],
        ["pakistan", "russia", "shehbaz-sharif", "vladimir-putin"],
        ["recep-tayyip-erdogan", "russia", "turkey", "vladimir-putin"]]


def test_a_long_list_of_counterparts_the_parse_breaks_is_one_meeting_each(registry):
    text = ("Putin will meet with Chinese President Xi Jinping, Turkish President Recep Tayyip Erdogan, Mongolian "
            "President Ukhnaagiin Khurelsukh and Pakistani Prime Minister Shehbaz Sharif on the sidelines of the "
            "summit, a Kremlin aide said on Tuesday.")
    found = [e for e in extract("t", text, registry).events if e.kind == "Meeting"]
    sides = sorted(sorted(set(e.participants) - {"vladimir-putin", "russia"}) for e in found)
    assert sides == [["china", "xi-jinping"], ["mongolia", "ukhnaagiin-khurelsukh"],
                     ["pakistan", "shehbaz-sharif"], ["recep-tayyip-erdogan", "turkey"]]
    assert all({"vladimir-putin", "russia"} <= set(e.participants) for e in found)


def test_the_paper_that_reports_a_list_of_meetings_is_no_counterpart(registry):
    text = "On Thursday, Prime Minister Shehbaz Sharif will separately meet Uzbek President Shavkat Mirziyoyev and " \
           "Tajikistan President Imomali Rahmon, Dawn News reported."
    found = [e for e in extract("t", text, registry).events if e.kind == "Meeting"]
    assert len(found) == 2
    assert all(not any("Dawn" in p for p in e.participants) for e in found)
