"""Memberships, project interest and cooperation on short texts written for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def ex(registry, text):
    return extract("t", text, registry)


def test_membership_patterns(registry):
    r = ex(registry, "India's membership of the SCO came later. Iran, a permanent member of the OIC, agreed. "
                     "Uzbekistan, which became a full member of the SCO in 2001, hosted the talks.")
    found = {(m.member, m.organisation, m.status, m.since) for m in r.memberships}
    assert ("india", "sco", "FullMember", None) in found
    assert ("iran", "oic", "FullMember", None) in found
    assert ("uzbekistan", "sco", "FullMember", "2001") in found


def test_observer_status_with_year(registry):
    r = ex(registry, "Afghanistan got observer status at the SCO in 2012.")
    assert [(m.member, m.organisation, m.status, m.since) for m in r.memberships] == [
        ("afghanistan", "sco", "Observer", "2012")]


def test_aspirations_are_not_memberships(registry):
    r = ex(registry, "Moscow expressed support for Iran's membership of the SCO. "
                     "Turkey is keen on becoming a member of the SCO.")
    assert r.memberships == []


def test_members_listed_after_the_organisation(registry):
    r = ex(registry, "It would help to work with the SCO states, especially China and India.")
    assert {(m.member, m.organisation) for m in r.memberships} == {("china", "sco"), ("india", "sco")}


def test_interest_owned_by_a_demonym_and_by_the_subject(registry):
    r = ex(registry, "Islamabad welcomed Chinese interest in the CPEC. "
                     "Russia has expressed interest in building the TAPI pipeline.")
    assert {(i.party, i.project) for i in r.interests} == {("china", "cpec"), ("russia", "tapi-pipeline")}


def test_interest_reaches_a_project_named_by_a_definite_noun(registry):
    r = ex(registry, "The Kohat Gas Pipeline was announced in 2020. Iran has shown interest in the pipeline.")
    assert ("iran", "new:Kohat Gas Pipeline") in {(i.party, i.project) for i in r.interests}


def test_cooperation_partners_and_areas(registry):
    r = ex(registry, "Russia and Pakistan agreed on cooperation in the energy sector and telecommunication.")
    (c,) = r.cooperations
    assert set(c.partners) == {"russia", "pakistan"}
    assert set(c.areas) >= {"energy", "telecommunication"}


def test_states_coordinated_with_the_member(registry):
    r = ex(registry, "Kazakhstan and Belarus have become full members of the CSTO.")
    assert {(m.member, m.organisation, m.status) for m in r.memberships} == {
        ("kazakhstan", "csto", "FullMember"), ("belarus", "csto", "FullMember")}


def test_lists_paired_respectively_are_not_spread(registry):
    r = ex(registry, "Turkey and Mongolia were members of CENTO and the CSTO respectively.")
    assert ("mongolia", "cento", "FullMember") not in {(m.member, m.organisation, m.status) for m in r.memberships}


def test_members_listed_by_a_verb(registry):
    r = ex(registry, "The CSTO's membership comprises Belarus, Kazakhstan and Armenia. "
                     "BRICS observers include Turkey and Mongolia.")
    found = {(m.member, m.organisation, m.status) for m in r.memberships}
    assert {("belarus", "csto", "FullMember"), ("kazakhstan", "csto", "FullMember")} <= found
    assert {("turkey", "brics", "Observer"), ("mongolia", "brics", "Observer")} <= found


def test_states_in_apposition_to_a_grouping(registry):
    r = ex(registry, "Officials of the CSTO member-States -- Belarus, Kazakhstan and Armenia -- signed it.")
    assert {("belarus", "csto"), ("kazakhstan", "csto")} <= {(m.member, m.organisation) for m in r.memberships}


def test_member_named_as_the_owner_of_an_election_or_accession(registry):
    r = ex(registry, "Moscow welcomed Kazakhstan's election as a non-permanent member of the UN Security Council. "
                     "Mongolia's accession to the CSTO was celebrated in Minsk.")
    found = {(m.member, m.organisation, m.status) for m in r.memberships}
    assert ("kazakhstan", "un-security-council", "FullMember") in found
    assert ("russia", "un-security-council", "FullMember") not in found
    assert ("mongolia", "csto", "FullMember") in found


def test_invitations_and_expectations_are_not_memberships(registry):
    r = ex(registry, "Moscow invited Turkey to join BRICS. Belarus is expected to get full membership of the CSTO.")
    assert r.memberships == []


def test_states_in_apposition_to_an_organisation(registry):
    r = ex(registry, "Moscow hosted a meeting of the CSTO (Belarus, Kazakhstan and Armenia).")
    assert {("belarus", "csto"), ("kazakhstan", "csto")} <= {(m.member, m.organisation) for m in r.memberships}
    r = ex(registry, "Moscow hosted a meeting of the CSTO (Belarus).")  # one state: a venue or an aside
    assert r.memberships == []


def test_members_listed_after_a_copula(registry):
    r = ex(registry, "The founding members of the CSTO are Belarus, Kazakhstan and Armenia.")
    assert {("belarus", "csto"), ("kazakhstan", "csto")} <= {(m.member, m.organisation) for m in r.memberships}
    assert ex(registry, "The members of the CSTO are meeting in Minsk with Belarus.").memberships == []


def test_interest_of_every_state_that_signs_to_build_a_project(registry):
    r = ex(registry, "Turkey and Kazakhstan signed an agreement to modernise the Pakistan Steel Mills.")
    assert {(i.party, i.project) for i in r.interests} == {
        ("turkey", "pakistan-steel-mills"), ("kazakhstan", "pakistan-steel-mills")}
