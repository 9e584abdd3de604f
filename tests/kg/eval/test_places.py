"""``event places`` in ``kg eval`` (kg.eval.places): the gold place against the extracted
places of the event's lenient partner; events without a partner do not count."""
from __future__ import annotations

from kg.eval.places import place_score
from kg.extract.model import Event, Sentence, Span


def _event(kind, index, places):
    return Event(kind, Sentence(index, Span(0, 1, "x")), Span(0, 1, "x"), ("pakistan",), tuple(places))


def test_places_are_scored_over_the_lenient_pairs():
    text = "Sharif met Putin in Astana. Lavrov visited Islamabad. Troops drilled."
    gold = {"events": [
        {"type": "Meeting", "sentence": "Sharif met Putin in Astana", "participants": [], "place": "astana"},
        {"type": "StateVisit", "sentence": "Lavrov visited Islamabad", "participants": [], "place": "islamabad"},
        {"type": "MilitaryExercise", "sentence": "Troops drilled", "participants": []},
    ]}
    starts = [0, 28, 54]

    def sentence_of(pos):
        return max(i for i, s in enumerate(starts) if s <= pos)
    events = [_event("Summit", 0, ["astana", "beijing"]),  # a Summit is a Meeting: paired
              _event("StateVisit", 1, []),  # the place missed
              _event("MilitaryExercise", 2, ["cherat"]),  # a place the gold does not give
              _event("Meeting", 2, ["moscow"])]  # no gold partner: not counted
    score = place_score(gold, events, sentence_of, "test", text)
    assert (score.gold, score.predicted, score.correct) == (2, 3, 1)
