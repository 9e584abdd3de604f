"""Indirect speech (kg/extract/reported_speech.py, cues.py): a second cue in a participle
clause ("..., adding that ..."), "told X that ..." whose clause the parse hung elsewhere, the
cues of joint statements ("resolved to", "agreed on the need", "recognised the importance")
and news agencies that report."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def said(text: str, registry) -> list[tuple]:
    ex = extract("t", text, registry)
    return [(c.speaker, c.cue, c.content.text) for c in ex.claims if c.speaker not in (None, "writer")]


def test_a_participle_cue_is_a_second_statement_of_the_first_speaker(registry):
    text = ("Sergey Lavrov said that trade between the two countries has doubled this year, "
            "adding that the new rail link would carry far more goods.")
    assert said(text, registry) == [
        ("sergey-lavrov", "said", "trade between the two countries has doubled this year"),
        ("sergey-lavrov", "adding", "the new rail link would carry far more goods"),
    ]


def test_a_participle_cue_in_someone_elses_words_is_not_their_subjects(registry):
    text = ("Shehbaz Sharif said that Russia will supply more wheat to Pakistan, "
            "stressing that the deal is good for farmers.")
    speakers = {s for s, _, _ in said(text, registry)}
    assert speakers == {"shehbaz-sharif"}  # not Russia, the subject of the clause "stressing" hangs on


def test_told_that_with_the_clause_hung_on_the_object_or_a_later_phrase(registry):
    text = ("Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov told a local newspaper that "
            "Putin met many heads of state during the summit. The Russian special envoy for Afghanistan, "
            "Zamir Kabulov, told reporters on the margins of the conference that Moscow wants Kabul to "
            "form an inclusive government.")
    found = said(text, registry)
    assert ("dmitry-peskov", "told", "Putin met many heads of state during the summit") in found
    assert ("zamir-kabulov", "told reporters", "Moscow wants Kabul to form an inclusive government") in found


def test_joint_statement_cues(registry):
    text = ("Pakistani and Russian officials held talks in Islamabad on Monday. The two sides resolved to "
            "expand cooperation against drug trafficking. Both sides agreed on the need to raise "
            "bilateral trade. Both sides confirmed their obligation to deepen ties.")
    found = said(text, registry)
    for words in ("to expand cooperation against drug trafficking", "the need to raise bilateral trade",
                  "their obligation to deepen ties"):
        assert {s for s, _, w in found if w == words} == {"pakistan", "russia"}, words


def test_recognising_counts_only_for_a_word_of_worth(registry):
    text = ("Pakistani and Russian officials held talks in Islamabad on Monday. Both sides recognised "
            "the importance of their partnership for regional security. Russia recognised the new "
            "government in Kabul last year.")
    found = said(text, registry)
    assert {w for _, _, w in found} == {"the importance of their partnership for regional security"}


def test_a_news_agency_that_reports(registry):
    text = ("A Russian frigate arrived in Karachi for naval drills. The frigate will join the drills on "
            "Friday at the navy base in Karachi, Xinhua news agency reported.")
    assert said(text, registry) == [
        ("xinhua", "reported", "The frigate will join the drills on Friday at the navy base in Karachi")]


def test_a_conjoined_urging_is_a_statement_of_its_own(registry):
    text = ("Sergey Lavrov said that the dispute must be settled under the old treaty "
            "and urged the great powers to help avoid a wider war.")
    assert [(s, c) for s, c, _ in said(text, registry)] == [("sergey-lavrov", "said"), ("sergey-lavrov", "urged")]


def test_recognising_the_importance_is_an_assessment(registry):
    ex = extract("t", "Pakistani and Russian officials held talks in Islamabad on Monday. Both sides "
                 "recognised the importance of their partnership for regional security.", registry)
    assert {c.kind for c in ex.claims if c.speaker in ("pakistan", "russia")} == {"Assessment"}


def test_stressing_on_declaring_as_and_affirming_support(registry):
    text = ("Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in Astana. Sharif also "
            "stressed on the need of more direct flights between the two capitals. Putin declared Pakistan "
            "as one of Russia's main partners in Asia. Putin affirmed Russia's full support for Pakistan's "
            "bid to join the bloc. Putin declared a holiday in Moscow.")
    ex = extract("t", text, registry)
    got = [(c.speaker, c.kind, c.content.text) for c in ex.claims if c.speaker not in (None, "writer")]
    assert ("shehbaz-sharif", "Recommendation", "the need of more direct flights between the two capitals") in got
    assert ("vladimir-putin", "Assessment", "Pakistan as one of Russia's main partners in Asia") in got
    assert any(w == "Russia's full support for Pakistan's bid to join the bloc" for _, _, w in got)
    assert not any("holiday" in w for _, _, w in got)


def test_realising_that_is_not_a_statement(registry):
    text = "It is high time that Pakistan realised that its old partners have little left to offer it."
    assert said(text, registry) == []


def test_welcoming_guests_is_a_greeting(registry):
    text = ("Russian Ambassador Albert Khorev spoke at a reception in Islamabad, welcoming representatives "
            "from many friendly nations. He welcomed the decision to open a new rail link to Russia.")
    assert [w for _, _, w in said(text, registry)] == ["the decision to open a new rail link to Russia"]


def test_this_was_stated_by_credits_the_sentence_before(registry):
    text = ("KARACHI: Russia wants to work with Pakistan on a new trade corridor to Central Asia. This was "
            "stated by Russian Ambassador Albert Khorev, along with Consul General Andrey Fedorov, at a "
            "business event. The event was held at a hotel.")
    found = said(text, registry)
    assert {s for s, _, _ in found} == {"albert-khorev", "new:Andrey Fedorov"}
    assert {w for _, _, w in found} == {"Russia wants to work with Pakistan on a new trade corridor to Central Asia"}


def test_a_passive_that_points_to_nothing_said_gives_nothing(registry):
    text = "Russia and Pakistan signed a trade deal. The deal was announced by the two governments on Monday."
    assert said(text, registry) == []


def test_a_cue_under_a_modal_is_the_writers_advice(registry):
    text = ("Islamabad should insist on independent checks of every cargo at the port. Moscow will "
            "stress that the deal is fair.")
    assert said(text, registry) == []


def test_an_object_before_its_attitude_verb_gives_no_content_and_no_error(registry):
    # the object of "welcomed" stands before it, so there is nothing to its right to quote
    r = extract("t", "What Islamabad welcomed, Moscow condemned.", registry)
    assert all("welcomed" not in (c.cue or "") for c in r.claims)


def test_the_thing_urged_and_a_confirmed_interest_are_what_was_said(registry):
    text = ("Sergey Lavrov received Ishaq Dar in Moscow on Monday. Lavrov urged closer coordination on "
            "Afghanistan between the two capitals. He also confirmed Moscow's interest in new energy projects "
            "with Islamabad.")
    assert {(cue, words) for _, cue, words in said(text, registry)} == {
        ("urged", "closer coordination on Afghanistan between the two capitals"),
        ("confirmed", "Moscow's interest in new energy projects with Islamabad")}


def test_whom_someone_urges_is_not_what_was_said(registry):
    text = "Sergey Lavrov received Ishaq Dar in Moscow on Monday. Lavrov urged Kabul to act against militants."
    assert [words for _, _, words in said(text, registry)] == ["to act against militants"]


def test_a_statement_that_opens_with_an_adverbial_before_a_closing_cue_is_found(registry):
    text = ("The leaders met in Dushanbe on Friday. Later in the evening, Vladimir Putin hosted a dinner for "
            "Shehbaz Sharif and the Tajik president, the Kremlin said on its website.")
    assert said(text, registry) == [
        ("russia", "said", "Later in the evening, Vladimir Putin hosted a dinner for Shehbaz Sharif and the "
                           "Tajik president"),
    ]


def test_a_clause_with_its_own_conjunction_before_the_cue_is_no_statement(registry):
    text = ("The leaders met in Dushanbe on Friday. While India objected to the sale of helicopters, "
            "Moscow said the machines would fight drug smuggling.")
    assert all("India objected" not in words for _, _, words in said(text, registry))


def kinds(text: str, registry) -> list[tuple]:
    ex = extract("t", text, registry)
    return [(c.speaker, c.kind, c.content.text) for c in ex.claims if c.speaker not in (None, "writer")]


def test_what_is_pledged_or_promised_is_a_commitment(registry):
    text = "Shehbaz Sharif pledged full support to the new rail corridor."
    assert kinds(text, registry) == [("shehbaz-sharif", "Commitment", "full support to the new rail corridor")]


def test_pledging_to_a_person_is_not_the_promise(registry):
    assert kinds("Shehbaz Sharif promised the ambassador.", registry) == []


def test_an_adjective_of_a_view_held_with_a_that_clause(registry):
    text = ("Kokhir Rasulzoda met the traders in Karachi. He was hopeful that bilateral trade "
            "will rebound next year.")
    assert kinds(text, registry) == [("new:Kokhir Rasulzoda", "Prediction", "bilateral trade will rebound next year")]
    text = "Sergey Lavrov is confident that the two countries will sign the treaty soon."
    assert kinds(text, registry) == [("sergey-lavrov", "Prediction", "the two countries will sign the treaty soon")]


def test_an_adjective_of_a_view_negated_or_without_a_speaker_says_nothing(registry):
    assert kinds("Sergey Lavrov was not confident that the treaty will be signed.", registry) == []
    assert kinds("It is certain that the treaty will be signed soon.", registry) == []


def test_agreed_on_doing_is_a_joint_commitment(registry):
    text = ("During the meeting, Shehbaz Sharif and Vladimir Putin agreed on promoting bilateral "
            "trade in farm goods.")
    assert kinds(text, registry) == [
        ("shehbaz-sharif", "Commitment", "promoting bilateral trade in farm goods"),
        ("vladimir-putin", "Commitment", "promoting bilateral trade in farm goods")]


def test_a_new_name_after_a_long_title_speaks(registry):
    text = "Trade Representative of Russia Yury Petrovich Belov has said that bilateral trade improved this year."
    assert kinds(text, registry) == [
        ("new:Yury Petrovich Belov", "ReportOfFact", "bilateral trade improved this year")]


def test_no_name_after_a_title_gives_no_speaker(registry):
    assert kinds("The head of the oil company said that the refinery would be built next year.", registry) == []


def test_cues_of_asking_and_advocating_are_recommendations(registry):
    assert kinds("Sergey Lavrov encouraged Pakistan to join the new transport corridor.", registry) == [
        ("sergey-lavrov", "Recommendation", "to join the new transport corridor")]
    assert kinds("Shehbaz Sharif appealed to the international community to help the flood victims.",
                 registry) == [("shehbaz-sharif", "Recommendation", "to help the flood victims")]
    assert kinds("Vladimir Putin advocated a negotiated settlement of the conflict.", registry) == [
        ("vladimir-putin", "Recommendation", "a negotiated settlement of the conflict")]


def test_asking_leave_or_an_encouraging_result_says_nothing(registry):
    assert kinds("Shehbaz Sharif requested to join the talks.", registry) == []
    assert kinds("The results of the talks were encouraging for Shehbaz Sharif.", registry) == []


def test_two_people_named_with_their_titles_and_joined_by_and_both_speak(registry):
    text = ("Federal Minister for Maritime Affairs Syed Nasir Bukhari and Russian Deputy Minister of Transport "
            "Kokhir Rasulzoda agreed to expand port links across the region.")
    assert {s for s, _, _ in kinds(text, registry)} == {"new:Syed Nasir Bukhari", "new:Kokhir Rasulzoda"}


def test_people_inside_a_clause_of_the_subject_do_not_speak(registry):
    text = "Shehbaz Sharif, who met Vladimir Putin and Xi Jinping, said that the ties would grow."
    assert [s for s, _, _ in kinds(text, registry)] == ["shehbaz-sharif"]
