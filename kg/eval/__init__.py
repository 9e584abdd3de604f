"""``kg eval``: precision, recall and F1 of the extraction against gold annotations.

Gold files (``tests/gold/<id>.yaml``, or ``<id>.gold.yaml`` beside an article, its sidecar
being ``<id>.yaml``) follow docs/annotation-guide.md.  The units compared:

* entity linking: (character span, entity) per mention; spans match when they overlap;
  new entities match by name (case and a leading "the" ignored); the same over the names
  outside the registry; new entity nodes by name, and how many are fragments;
* events, leniently (sentence, or an ``also`` sentence, and kind; a kind matches itself or a
  kind above/below it: a Summit is a Meeting) and strictly (also the participant set, the
  time at the same precision and the status), with counts per kind of error
  (see :mod:`kg.eval.events`); ``events`` is the older one-to-one (sentence, kind) score;
  ``event places`` the gold ``place`` against the places extracted, over the lenient pairs;
* memberships (member, organisation, status); project interest (party, project);
  quantities (value, currency, year);
* claims: (sentence, kind), and leniently (sentence) alone;
* author: roles, affiliation and e-mail of the closing "The writer is" sentence.
"""
from kg.eval.entities import is_fragment
from kg.eval.events import ERROR_KINDS, EventUnit, score_events
from kg.eval.gold import gold_mentions, load_gold, norm_entity
from kg.eval.run import Evaluation, evaluate, evaluate_all, evaluate_document, format_table
from kg.eval.scores import Score, kinds_match

__all__ = ["ERROR_KINDS", "Evaluation", "EventUnit", "Score", "evaluate", "evaluate_all",
           "evaluate_document", "format_table", "gold_mentions", "is_fragment", "kinds_match",
           "load_gold", "norm_entity", "score_events"]
