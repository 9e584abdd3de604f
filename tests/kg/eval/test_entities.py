"""Entity scores: names outside the registry and fragment entity nodes."""
from __future__ import annotations

from kg.eval import evaluate_document, is_fragment
from kg.extract.model import Extraction, Mention, Sentence, Span

TEXT = "Minister for Trade and Industries Ali Khan met TASS reporters. Khan spoke."


def test_fragments_are_pieces_of_text_not_names():
    assert is_fragment("for Trade and Industries") and is_fragment("Organization")
    assert is_fragment("Free Trade Agreement") and is_fragment("reporters")
    assert not is_fragment("Ali Khan") and not is_fragment("TASS")


def test_names_outside_the_registry_and_fragments_are_counted():
    sent = Sentence(0, Span(0, len(TEXT), TEXT))

    def mention(words, entity):
        start = TEXT.index(words)
        return Mention(Span(start, start + len(words), words), entity, 0, "ner")

    ex = Extraction("t", TEXT, sentences=[sent],
                    mentions=[mention("for Trade and Industries", "new:for Trade and Industries"),
                              mention("Ali Khan", "new:Ali Khan")],
                    new_entities={"new:for Trade and Industries": "Organisation", "new:Ali Khan": "Person"})
    gold = {"document": "t", "mentions": [{"text": "Ali Khan", "entity": "new:Ali Khan"},
                                          {"text": "Khan", "entity": "new:Ali Khan"},
                                          {"text": "TASS", "entity": "new:TASS"}],
            "entities": [{"entity": "new:Ali Khan", "type": "Person"}, {"entity": "new:TASS", "type": "Organisation"}]}
    result = evaluate_document(ex, gold, "g")
    outside = result.scores["entities outside registry"]
    assert (outside.gold, outside.correct) == (3, 1)
    assert result.fragments == ["for Trade and Industries"]
    nodes = result.scores["new entity nodes"]
    assert (nodes.gold, nodes.predicted, nodes.correct) == (2, 2, 1)
