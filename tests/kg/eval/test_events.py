"""Strict and lenient event scoring: each kind of error is counted, on hand-made gold and
extraction records (no parsing)."""
from __future__ import annotations

from kg.eval import evaluate_document
from kg.extract.model import Event, Extraction, Sentence, Span, TimeValue

TEXT = ("Sharif met Putin in Moscow on 4 July 2024. The talks lasted an hour. "
        "Imports meet the demand. Russia and Pakistan held a drill in 2021. "
        "A summit is scheduled for 2025.")


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for piece in text.split(". "):
        piece = piece.rstrip(".") + "."
        s = text.index(piece, start)
        out.append(Sentence(len(out), Span(s, s + len(piece), piece)))
        start = s + len(piece)
    return out


SENTS = _sentences(TEXT)
GOLD = {
    "document": "t",
    "mentions": [],
    "events": [
        {"type": "Meeting", "sentence": "Sharif met Putin", "also": ["The talks lasted an hour"],
         "participants": ["new:Shehbaz Sharif", "new:Vladimir Putin", "pakistan", "russia"],
         "date": "2024-07-04"},
        {"type": "MilitaryExercise", "sentence": "Russia and Pakistan held a drill",
         "participants": ["russia", "pakistan"], "date": 2021},
        {"type": "Summit", "sentence": "A summit is scheduled", "participants": ["sco"],
         "date": "2025", "status": "scheduled"},
    ],
}
JULY_4 = TimeValue(Span(0, 0, "on 4 July 2024"), "2024-07-04")


def _event(kind, sent, parts, time=None, status=None, also=()):
    s = SENTS[sent]
    return Event(kind, s, Span(s.span.start, s.span.start + 3, s.span.text[:3]), tuple(parts),
                 time=time, status=status, also=tuple(SENTS[i] for i in also))


def _score(events):
    ex = Extraction("t", TEXT, sentences=SENTS, events=events)
    return evaluate_document(ex, GOLD, "gold.yaml")


MEETING = ["new:Shehbaz Sharif", "new:Vladimir Putin", "pakistan", "russia"]


def test_a_fully_right_event_is_strictly_right_also_from_an_also_sentence():
    result = _score([_event("Meeting", 1, MEETING, JULY_4)])
    assert (result.events.strict.correct, result.events.lenient.correct) == (1, 1)
    assert result.events.errors["missed event"] == 2


def test_each_kind_of_error_is_counted():
    events = [
        _event("Meeting", 0, MEETING[:3], JULY_4),                             # missing participant
        _event("Meeting", 1, MEETING + ["india"], JULY_4),                     # duplicate
        _event("Meeting", 2, ["pakistan"]),                                    # non-event
        _event("MilitaryExercise", 3, ["russia", "pakistan", "india"],
               TimeValue(Span(0, 0, "in 2020"), "2020")),                       # extra participant, wrong time
        _event("Meeting", 4, ["sco"], TimeValue(Span(0, 0, "for 2025"), "2025")),  # Summit is a Meeting; no status
    ]
    result = _score(events)
    errors = result.events.errors
    assert errors["missing participant"] == 1
    assert errors["duplicate"] == 1
    assert errors["non-event"] == 1
    assert errors["extra participant"] == 1 and errors["wrong time"] == 1
    assert errors["wrong status"] == 1
    assert errors["missed event"] == 0
    assert result.events.strict.correct == 0
    assert result.events.lenient.correct == 4 and result.events.lenient.predicted == 5
    assert result.events.lenient.recall == 1.0


def test_a_wrong_kind_in_a_gold_sentence_is_not_a_non_event():
    result = _score([_event("Agreement", 3, ["russia", "pakistan"])])
    assert result.events.errors["wrong kind"] == 1 and result.events.errors["non-event"] == 0


def test_time_at_another_precision_is_wrong_and_none_is_wanted_when_gold_has_none():
    month = TimeValue(Span(0, 0, "in July 2024"), "2024-07")
    assert _score([_event("Meeting", 0, MEETING, month)]).events.errors["wrong time"] == 1
    gold_free = {"document": "t", "mentions": [], "events": [
        {"type": "Meeting", "sentence": "Sharif met Putin", "participants": MEETING}]}
    ex = Extraction("t", TEXT, sentences=SENTS, events=[_event("Meeting", 0, MEETING, JULY_4)])
    assert evaluate_document(ex, gold_free, "g").events.errors["wrong time"] == 1
    ex = Extraction("t", TEXT, sentences=SENTS, events=[_event("Meeting", 0, MEETING)])
    assert evaluate_document(ex, gold_free, "g").events.strict.correct == 1
