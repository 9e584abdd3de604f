"""The judge of the writer's uncued sentences (kg/extract/writer_judge.py, train_writer.py):
which sentences it sees, its threshold, the file that round-trips, and its examples from gold."""
from __future__ import annotations

import pytest

from support import ROOT
from kg.extract.claim_kinds import LinearClassifier
from kg.extract.nlp import load_nlp
from kg.extract.pipeline import extract, sentences_of
from kg.extract.train import load_articles
from kg.extract.train_writer import cross_validate, judge_examples
from kg.extract.writer_judge import (NONE, WriterJudge, article_features, candidates, credits_someone, quotes_words,
                                    sentence_features)
from kg.registry import load_registry

TEXT = ("EDITORIAL: The partnership holds real potential for both countries. Trade will surely grow. "
        "Will the talks last? “We are friends,” Lavrov said. The delegation arrived on Monday.")


def _judge(weight: float, threshold: float) -> WriterJudge:
    """A judge that calls every present-tense sentence an Assessment, more surely with ``weight``."""
    return WriterJudge(LinearClassifier({"Assessment": {"tense=present": weight}, "Prediction": {},
                                         "Recommendation": {}, NONE: {"bias": 1.0}}, False), threshold)


def test_candidates_leave_out_claims_questions_and_quotations():
    doc = load_nlp()(TEXT)
    sents = sentences_of(doc)
    ex = extract("d", TEXT, load_registry(), doc=doc, writer_judge=False)
    left = [s.span.text for s in candidates(sents, ex.claims, None)]
    assert "Will the talks last?" not in left
    assert not any("Lavrov" in t or "surely" in t for t in left)
    assert "The delegation arrived on Monday." in left


def test_a_term_in_quotation_marks_is_no_quotation():
    assert not quotes_words("The deal opens a “new chapter” for both economies.")
    assert not quotes_words('Moscow calls the route a "green corridor" and the plan "smart".')
    assert not quotes_words("No quotation marks at all.")
    assert quotes_words("He called it “a partnership that will last for many decades” today.")
    assert quotes_words('The "first step" was "taken.')  # marks that do not pair up


def test_candidates_keep_scare_quotes_and_leave_out_credited_words():
    text = ("The two sides share a “strategic vision” of the region. As several analysts said, the region "
            "needs calm. According to the newspaper, the talks went well. Having said that, the outlook "
            "remains bright. We would say the ties are maturing.")
    doc = load_nlp()(text)
    sents = sentences_of(doc)
    left = [s.span.text for s in candidates(sents, [], None, doc)]
    assert any("strategic vision" in t for t in left)
    assert not any("analysts" in t or "According" in t for t in left)
    assert any("Having said that" in t for t in left) and any("We would say" in t for t in left)
    assert credits_someone(doc, next(s for s in sents if "analysts" in s.span.text))
    assert len(candidates(sents, [], None)) == len(sents)  # without the doc, no sentence is taken for credited


@pytest.mark.parametrize("text, credited", [
    ("The new pipeline will cut costs, a senior diplomat said.", True),
    ("The minister told the assembly that exports had doubled.", True),
    ("The crowded quay said more about the new mood than any speech could.", False),  # no one speaks
    ("Trade has quietly doubled, though the ministries would rather nobody said so.", False),
    ("Having said that, the outlook for the talks remains bright.", False),
])
def test_credited_words_need_someone_who_speaks(text, credited):
    doc = load_nlp()(text)
    assert credits_someone(doc, sentences_of(doc)[0]) is credited


def test_verdict_needs_the_threshold_and_to_beat_no_claim():
    features = {"bias": 1.0, "tense=present": 1.0}
    assert _judge(3.0, 0.5).verdict(features)[0] == "Assessment"
    assert _judge(3.0, 0.99).verdict(features) is None
    assert _judge(0.5, 0.1).verdict(features) is None  # "none" more likely
    judge = _judge(3.0, 0.5)
    assert WriterJudge.from_data(judge.to_data()) == judge


def test_features_read_tense_place_and_the_article():
    doc = load_nlp()(TEXT)
    sents = sentences_of(doc)
    article = article_features(doc, sents, [], True)
    holds = next(s for s in sents if "holds" in s.span.text)
    f = sentence_features(doc, holds, len(sents), article, None)
    assert f["opinion=True"] == 1.0 and f["tense=present"] == 1.0 and f["place=" + (
        "first" if holds.index == 0 else "early")] == 1.0
    past = sentence_features(doc, sents[-1], len(sents), article, None)
    assert past["tense=past"] == 1.0 and past["date"] == 1.0


def test_the_pipeline_adds_the_judges_claims_only_where_none_is():
    registry = load_registry()
    without = extract("d", TEXT, registry, writer_judge=False)
    with_judge = extract("d", TEXT, registry, writer_judge=_judge(5.0, 0.6))
    added = [c for c in with_judge.claims if c not in without.claims]
    assert added and all(c.speaker is None and c.kind == "Assessment" and c.cue == "" for c in added)
    taken = {c.sentence.index for c in without.claims}
    assert not {c.sentence.index for c in added} & taken
    assert all(0.6 <= c.confidence <= 1 for c in added)


@pytest.fixture(scope="module")
def rows():
    registry = load_registry()
    articles = load_articles([ROOT / "tests" / "data" / "real" / "dev"], registry, load_nlp())
    from kg.extract.claim_kinds import shipped
    return judge_examples([a for a in articles if not a.doc_id.startswith("r8_")][:40], registry, shipped())


def test_examples_are_labelled_from_the_writers_gold(rows):
    assert len(rows) > 100
    labels = {r.label for r in rows}
    assert NONE in labels and "Assessment" in labels
    assert all(r.features["bias"] == 1.0 and not any(k.startswith("w=") for k in r.features) for r in rows)
    assert sum(any(k.startswith("w=") for k in r.features_words) for r in rows) > len(rows) / 2


def test_cross_validation_chooses_for_precision_or_nothing(rows):
    import io

    from kg.extract import train_writer

    out = io.StringIO()
    chosen = cross_validate(rows, out)
    assert "writer judge:" in out.getvalue()
    if chosen is not None:
        (c, words), threshold = chosen
        assert c in train_writer.C_VALUES and threshold in train_writer.THRESHOLDS
        assert "chosen" in out.getvalue()
    else:
        assert "no setting reaches precision" in out.getvalue()


def test_the_fewest_claims_added_within_a_claim_of_the_most_right_ones_is_chosen():
    from kg.extract.train_writer import choose

    # (right, threshold, C, words, added): 36 right of 50 at 0.55 and 35.3 of 48 at C=0.3
    # are equals (within one claim); the second adds fewer; 31 right is not an equal
    scored = [(36, 0.55, 1.0, False, 50), (31, 0.8, 3.0, False, 40), (35.3, 0.6, 0.3, False, 48),
              (29, 0.65, 1.0, False, 38)]
    assert choose(scored) == (35.3, 0.6, 0.3, False, 48)
    assert choose([(4, 0.5, 1.0, False, 5), (1, 0.9, 1.0, False, 1)]) == (4, 0.5, 1.0, False, 5)
    # the same claims added: the higher threshold, then the smaller C
    assert choose([(4, 0.5, 1.0, False, 5), (4, 0.55, 3.0, False, 5)]) == (4, 0.55, 3.0, False, 5)


def test_the_repeats_of_cross_validation_deal_the_articles_into_other_folds():
    from kg.extract.train_writer import FOLDS, REPEATS, fold_assignment

    articles = list(range(40))
    runs = [fold_assignment(articles, n) for n in range(REPEATS)]
    assert REPEATS >= 2 and runs[0] == {a: a % FOLDS for a in articles}
    assert all(sorted(r) == articles and set(r.values()) == set(range(FOLDS)) for r in runs)
    assert runs[1] != runs[0] and runs[2] != runs[1]
    assert fold_assignment(articles, 1) == runs[1]  # deterministic


def _features_of(text: str) -> dict[str, float]:
    doc = load_nlp()(text)
    sents = sentences_of(doc)
    return sentence_features(doc, sents[0], len(sents), article_features(doc, sents, [], False), None)


@pytest.mark.parametrize("text", ["Their trade ties have deepened steadily since the war.",
                                  "Relations between the two capitals are rapidly deteriorating."])
def test_a_trend_of_relations_is_read_from_its_shape(text):
    f = _features_of(text)
    assert f.get("trend") == 1.0 and f.get("degree") == 1.0


def test_a_plain_report_shows_no_trend_nor_degree():
    f = _features_of("The minister flew to Tashkent on Friday with three aides.")
    assert "trend" not in f and "degree" not in f and "meaning_verb" not in f and "copula_judged" not in f
    assert f["adj=0"] == 1.0


def test_a_verb_of_meaning_and_a_judging_copula():
    assert _features_of("The agreement marks a turning point for the region.").get("meaning_verb") == 1.0
    judged = _features_of("This new alignment is a shrewd and prudent choice.")
    assert judged.get("copula_judged") == 1.0 and judged["adj=3+"] == 1.0
    plain = _features_of("The new envoy is a former banker.")
    assert "copula_judged" in plain or "copula" in plain  # "former" may be read as a judging adjective
    assert _features_of("The envoy is Ahmed.").get("copula") == 1.0


def test_adjectives_that_carry_a_feeling_are_counted():
    felt = _features_of("Closer energy links offer a valuable and hopeful opening for the poorer neighbour.")
    assert felt["felt_adj=2"] == 1.0
    plain = _features_of("The wooden crates were loaded onto a northern train.")
    assert plain["felt_adj=0"] == 1.0
    assert _features_of("The new route is vital.").get("predicative_adj") == 1.0
    assert "predicative_adj" not in plain


def test_a_present_sentence_without_date_or_figure_is_timeless():
    assert _features_of("The corridor has long been a source of friction between them.").get("timeless") == 1.0
    assert "timeless" not in _features_of("The corridor opened on 3 March 2021.")  # past, and dated
    assert "timeless" not in _features_of("The corridor carries 40 trucks a day.")  # a figure
