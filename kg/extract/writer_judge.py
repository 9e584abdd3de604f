"""The writer's own claims that no cue marks: a learned judge of each sentence left over.

The cued rules (:mod:`kg.extract.claims`) and the op-ed rule (:mod:`kg.extract.opinions`)
find the writer's claims that a modal, a frame or an evaluative predicate marks.  Much of an
opinion piece judges without such a cue ("Islamabad has little to gain from the rivalry",
"The real test lies ahead").  After the rules and the speakers' statements, every sentence
of the writer's that holds no claim yet is judged: is it an Assessment, a Prediction, a
Recommendation, or no claim at all?

The judge is a multinomial logistic regression (trained by ``kg train``,
:mod:`kg.extract.train_writer`) over general features of the sentence: its modal verbs and
their place, verbs of obligation, hedging and stance adverbs, evaluative and judging words
(the claim finder's list and VADER's lexicon), comparatives and superlatives, first-person
plural, the tense of its main verb, figures and dates, verbs of saying and quotation marks,
a condition, its subject, its length, its place in the article, whether the article reads as
opinion (:func:`kg.extract.opinions.opinion_article`) and what the cued rules said of it; and
its shape: relations said to grow or sour ("ties have deepened"), a verb of meaning ("the
visit marks ..."), a copula with a judging complement ("is a prudent move"), adverbs of
degree ("rapidly", "largely") and how many adjectives it has; how many of its adjectives carry
a feeling (VADER) and whether it speaks in the present without a date or a figure.
A sentence becomes a claim of the likeliest kind only when that kind's probability reaches
the threshold that cross-validation by article chose for precision: a claim of the wrong
kind is a wrong fact.  Its confidence is that probability.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.claim_kinds import LinearClassifier
from kg.extract.model import Claim, Mention, Sentence
from kg.extract.tokens import doc_text

KINDS = ("Assessment", "Prediction", "Recommendation")
NONE = "none"

_HEDGES = frozenset("""perhaps maybe possibly probably likely unlikely arguably apparently presumably
    seemingly seem appear doubtful""".split())
_STANCE_ADV = frozenset("""certainly undoubtedly indeed clearly obviously evidently surely definitely
    unsurprisingly naturally undeniably unquestionably admittedly unfortunately fortunately sadly
    regrettably ironically understandably only even still yet already""".split())
_OBLIGE = frozenset({"should", "must", "ought"})
_SAYING = frozenset("""say tell state announce add claim report quote note stress emphasise emphasize
    reiterate express highlight""".split())
_FIGURES = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
_NAMED = frozenset({"PERSON", "GPE", "ORG", "NORP"})
_WE = frozenset({"we", "our", "us", "ours", "ourselves"})
_I = frozenset({"i", "my", "me"})
_QUOTES = ('"', "“", "”")
_CONNECTIVES = frozenset("""however yet but nevertheless nonetheless still thus therefore hence so meanwhile
    indeed moreover furthermore besides instead rather""".split())
_RELATIONS = frozenset("""relation relationship tie cooperation partnership engagement rapprochement
    alliance friendship rivalry policy approach move deal development""".split())
# Words of a course getting better or worse ("ties have deepened", "gained fresh momentum",
# "relations are deteriorating"): with a word of relations, the writer judges a trend.
_TREND = frozenset("""grow deepen decline deteriorate improve strengthen weaken revive boost momentum thaw
    warm cool drift sour expand broaden widen shrink worsen flourish falter stall rapprochement
    growing deepening strained""".split())
_TIES = _RELATIONS | frozenset("tie ties relations bond bonds collaboration".split())
# Verbs by which one thing stands for another ("the visit marks a new phase", "signifies").
_MEANING = frozenset("""mark signify represent symbolise symbolize reflect demonstrate illustrate herald
    underscore epitomise epitomize embody constitute""".split())
# Adverbs of degree ("particularly delicate", "rapidly changing", "largely endured").
_DEGREE = frozenset("""particularly increasingly rapidly steadily significantly largely mainly hardly merely
    deeply highly truly greatly especially far much so too very quite rather fairly extremely
    remarkably notably considerably substantially""".split())
_COPULAS = frozenset("be become remain seem appear look sound prove".split())


@dataclass(frozen=True)
class WriterJudge:
    """The classifier (classes: :data:`KINDS` and ``"none"``) and the probability a kind
    must reach to make a claim."""

    model: LinearClassifier
    threshold: float

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = self.model.scores(features)
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}

    def verdict(self, features: dict[str, float]) -> tuple[str, float] | None:
        """The kind and its probability, when it reaches the threshold."""
        p = self.probabilities(features)
        kind = max(sorted(k for k in p if k in KINDS), key=lambda k: p[k], default=None)
        if kind is None or p[kind] < self.threshold or p[kind] < p.get(NONE, 0.0):
            return None
        return kind, p[kind]

    def to_data(self) -> dict:
        return {"model": self.model.to_data(), "threshold": self.threshold}

    @classmethod
    def from_data(cls, data: dict | None) -> "WriterJudge | None":
        if not data:
            return None
        return cls(LinearClassifier.from_data(data["model"]), float(data["threshold"]))


# The most words a stretch in quotation marks may have and still be a term the writer marks
# ("a “multidimensional strategic partnership”", "“de-hyphenating”", "the idea of “Afghan-led,
# Afghan-owned”"), not someone's words.
TERM_WORDS = 4
_QUOTED = re.compile(r'“([^“”]*)”|"([^"]*)"')


def quotes_words(text: str) -> bool:
    """The text holds quotation marks that may give someone's words: a quoted stretch longer
    than a term (:data:`TERM_WORDS`), or marks that do not pair up."""
    if not any(q in text for q in _QUOTES):
        return False
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return True
    return any(len((m.group(1) if m.group(1) is not None else m.group(2)).split()) > TERM_WORDS
               for m in _QUOTED.finditer(text))


# Verbs by which a sentence credits its words to someone ("as one of the experts said, ...").
_CREDITING = frozenset({"say", "tell", "claim", "state", "report", "quote"})
# Nouns of people who speak, besides titles and sources ("as several analysts said").
_SPEAKING_PEOPLE = frozenset("""expert analyst observer commentator critic scholar researcher
    people official source diplomat insider""".split())
_NOBODY = frozenset("nobody none noone it this that what which".split())


def _speaks(subj) -> bool:
    """The subject can be someone who speaks: a person's or a body's name, a pronoun of
    people, a noun of people or titles ("one of the experts"); not "the sight of a frigate"
    ("said more about ... than ..."), nor "nobody"."""
    from kg.extract.speaker_words import INSTITUTIONS, SOURCES, TITLES

    if subj.lower_ in _NOBODY or subj.lower_ in _I | _WE:
        return False
    if subj.ent_type_ in _NAMED or subj.pos_ in ("PROPN", "PRON"):
        return True
    people = _SPEAKING_PEOPLE | TITLES | SOURCES | INSTITUTIONS
    if subj.lemma_.lower() in people:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in people for o in c.children)
               for c in subj.children)  # "one of the experts"


def credits_someone(doc: Doc, sent: Sentence) -> bool:
    """The sentence gives its words as someone else's: "according to ...", or a verb of saying
    on its main clause, or on a clause beside it ("as one of the experts said, ..."), whose
    subject is someone who speaks other than the writer (not "having said that", "I would
    say", "officials would rather nobody said so"); the guide leaves statements credited to
    nobody in particular out, and the writer's claim is not there."""
    if "according to" in sent.span.text.lower():
        return True
    span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
    return span is not None and any(_credits(t) for t in span)


def _credits(verb) -> bool:
    """A verb of saying on the main clause, or on a clause beside it with "as" or no mark ("as
    the experts said, ...", "..., he said"), whose subjects are all someone who speaks."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CREDITING:
        return False
    if verb.dep_ != "ROOT":
        if verb.dep_ not in ("advcl", "parataxis") or verb.head.dep_ != "ROOT":
            return False
        if any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children):
            return False  # "though officials would rather nobody said so"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(_speaks(c) for c in subjects)


def candidates(sentences: list[Sentence], claims: list[Claim], author_sentence: Sentence | None,
               doc: Doc | None = None) -> list[Sentence]:
    """The sentences before the author's note that hold no claim of anyone's, nor ask a
    question, nor quote anyone's words (a term in quotation marks is the writer's own), nor,
    given the ``doc``, credit their words to someone (:func:`credits_someone`)."""
    taken = {s.index for c in claims for s in (c.sentence, *c.also)}
    stop = author_sentence.span.start if author_sentence is not None else math.inf
    return [s for s in sentences if s.index not in taken and s.span.start < stop
            and not s.span.text.rstrip().endswith("?") and not quotes_words(s.span.text)
            and (doc is None or not credits_someone(doc, s))]


def article_features(doc: Doc, sentences: list[Sentence], claims: list[Claim], opinion: bool) -> dict[str, float]:
    """What the whole article shows: whether it reads as opinion, whether it opens with a
    dateline, and the share of its sentences that hold the writer's claims and others'."""
    from kg.extract.opinions import has_dateline

    n = max(len(sentences), 1)
    writer = len({c.sentence.index for c in claims if c.speaker is None}) / n
    others = len({c.sentence.index for c in claims if c.speaker is not None}) / n
    f = {f"opinion={opinion}": 1.0, "writer_share": writer, "said_share": others,
         f"writer_share={'0' if not writer else 'low' if writer < 0.15 else 'mid' if writer < 0.35 else 'high'}": 1.0,
         f"said_share={'0' if not others else 'low' if others < 0.2 else 'mid' if others < 0.4 else 'high'}": 1.0}
    if has_dateline(doc_text(doc)):
        f["dateline"] = 1.0
    return f


def sentence_features(doc: Doc, sent: Sentence, count: int, article: dict[str, float], rule_kind: str | None,
                      words: bool = False) -> dict[str, float]:
    """What a sentence shows of a judgement (see the module's doc); ``count`` is the number
    of sentences of the article, ``article`` its :func:`article_features`, ``rule_kind`` the
    kind a cued rule gave the sentence (then dropped as a plain fact by the kind
    classifier), ``words`` adds its lemmas."""
    from kg.extract.claims import EVALUATIVE
    from kg.extract.judging import judges
    from kg.extract.stance import lexicon, scores

    opinion = article.get("opinion=True", 0.0) > 0
    f = {"bias": 1.0, **article, f"rule={rule_kind or NONE}": 1.0}
    where = sent.index / max(count - 1, 1)
    f[f"place={'first' if sent.index == 0 else 'early' if where < 0.25 else 'late' if where > 0.75 else 'middle'}"] = 1.0
    span = doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return f
    tokens = [t for t in span if not t.is_space]
    text = span.text
    root = span.root
    lex = lexicon()
    tense = _tense(root)
    f[f"root_tag={root.tag_}"] = 1.0
    f[f"tense={tense}"] = 1.0
    f[f"opinion+tense={opinion}+{tense}"] = 1.0
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
    f["subj=" + ("none" if subj is None else "we" if subj.lower_ in _WE else "i" if subj.lower_ in _I
                 else "this" if subj.lower_ in ("this", "that", "these", "those") or any(
                     d.lower_ in ("this", "these") and d.dep_ == "det" for d in subj.children)
                 else "it" if subj.lower_ in ("it", "there") else "pron" if subj.pos_ == "PRON"
                 else "named" if subj.ent_type_ in _NAMED or subj.pos_ == "PROPN"
                 else "relation" if subj.lemma_.lower() in _RELATIONS else "noun")] = 1.0
    first = tokens[0]
    if first.lower_ in _CONNECTIVES or first.pos_ == "ADV" and len(tokens) > 1 and tokens[1].is_punct:
        f["connective"] = 1.0  # "However, ...", "Significantly, ...": an argument goes on
    polarity = abs(scores(text)["compound"])
    f[f"polarity={'0' if polarity < 0.2 else 'low' if polarity < 0.6 else 'high'}"] = 1.0
    if any(c.dep_ == "auxpass" for c in root.children):
        f["passive"] = 1.0
    if any(c.lemma_ == "have" and c.dep_ == "aux" for c in root.children):
        f["perfect"] = 1.0
    if root.tag_ == "VB" and subj is None and not any(c.dep_ == "aux" for c in root.children):
        f["imperative"] = 1.0
    judging = evaluative = 0
    for t in tokens:
        low, lemma = t.lower_, t.lemma_.lower()
        if t.tag_ == "MD":
            f[f"md={low}"] = 1.0
            f["md_main" if t.head.i == root.i else "md_sub"] = 1.0
            if low in _OBLIGE:
                f["oblige"] = 1.0
        elif lemma in ("need", "have") and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "TO" and t.dep_ != "aux":
            f["oblige"] = 1.0
        if t.dep_ == "neg":
            f["neg"] = 1.0
        if low in _HEDGES or lemma in _HEDGES:
            f["hedge"] = 1.0
        if low in _STANCE_ADV:
            f["stance_adv"] = 1.0
        if lemma in EVALUATIVE:
            evaluative += 1
        if t.pos_ in ("ADJ", "ADV", "NOUN", "VERB") and abs(lex.get(low, 0.0)) >= 1.0:
            judging += 1
        if t.tag_ in ("JJR", "RBR"):
            f["comparative"] = 1.0
        if t.tag_ in ("JJS", "RBS"):
            f["superlative"] = 1.0
        if low in _WE:
            f["we"] = 1.0
        if low in _I:
            f["i"] = 1.0
        if low in ("if", "unless"):
            f["condition"] = 1.0
        if t.ent_type_ in _FIGURES:
            f["figure"] = 1.0
        if t.ent_type_ in ("DATE", "TIME"):
            f["date"] = 1.0
        if lemma in _SAYING and t.pos_ == "VERB":
            f["saying"] = 1.0
        if words and t.is_alpha and not t.is_stop and not t.ent_type_:
            f[f"w={lemma}"] = 1.0
    if evaluative:
        f["evaluative"] = 1.0
    f.update(_shape_features(root, tokens))
    f.update(_valence_features(tokens, lex, f))
    if judging:
        f["judging"] = 1.0
        f[f"judging={'1' if judging == 1 else '2+'}"] = 1.0
    if judges(tokens, text):
        f["judges"] = 1.0
        f[f"opinion+judges={opinion}"] = 1.0
    if "according to" in text.lower():
        f["according"] = 1.0
    n = sum(t.is_alpha for t in tokens)
    f[f"len={'s' if n < 10 else 'm' if n < 25 else 'l'}"] = 1.0
    return f


def _shape_features(root, tokens) -> dict[str, float]:
    """What the sentence's shape shows of a judgement, whatever its words: a trend of
    relations, a verb of meaning, a copula with a judging complement, adverbs of degree and
    the number of adjectives."""
    f: dict[str, float] = {}
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if lemmas & _TREND and lemmas & _TIES:
        f["trend"] = 1.0
    if root.lemma_.lower() in _MEANING:
        f["meaning_verb"] = 1.0
    if root.lemma_.lower() in _COPULAS:
        comp = [c for c in root.children if c.dep_ in ("acomp", "attr", "oprd")]
        if any(c.pos_ == "ADJ" or any(a.dep_ == "amod" for a in c.children) for c in comp):
            f["copula_judged"] = 1.0  # "is a prudent move", "are paranoid"
        elif comp:
            f["copula"] = 1.0
    if any(t.lower_ in _DEGREE and t.pos_ == "ADV" for t in tokens):
        f["degree"] = 1.0
    adjectives = sum(t.pos_ == "ADJ" and t.tag_ == "JJ" for t in tokens)
    f[f"adj={'0' if not adjectives else '1' if adjectives == 1 else '2' if adjectives == 2 else '3+'}"] = 1.0
    return f


def _valence_features(tokens, lex: dict[str, float], f: dict[str, float]) -> dict[str, float]:
    """How many adjectives carry a feeling in VADER's lexicon, however mild ("a valuable
    opportunity", "a heavy price", "immense potential"), and whether the sentence speaks in
    the present without a date or a figure ("ties have long been an irritant"): a judgement
    that holds, not a report of what happened when."""
    out: dict[str, float] = {}
    felt = sum(t.pos_ == "ADJ" and abs(lex.get(t.lower_, 0.0)) >= 0.5 for t in tokens)
    out[f"felt_adj={min(felt, 2)}"] = 1.0
    if any(t.dep_ == "acomp" and t.pos_ == "ADJ" for t in tokens):
        out["predicative_adj"] = 1.0  # "is vital", "remain uncertain"
    if (f.get("tense=present") or f.get("tense=perfect")) and "date" not in f and "figure" not in f:
        out["timeless"] = 1.0
    return out


def _tense(root) -> str:
    """The main verb's tense: present (with its progressive and perfect), past, modal, none."""
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux):
        return "modal"
    if any(a.tag_ == "VBD" for a in aux) or root.tag_ == "VBD" and not aux:
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in aux) or root.tag_ in ("VBZ", "VBP"):
        return "perfect" if any(a.lemma_ == "have" for a in aux) else \
            "progressive" if root.tag_ == "VBG" else "present"
    return "none"


def judge_sentences(doc: Doc, sentences: list[Sentence], mentions: list[Mention], claims: list[Claim],
                    rule_claims: list[Claim], author_sentence: Sentence | None, judge: WriterJudge,
                    opinion: bool) -> list[Claim]:
    """The writer's claims the judge finds in the sentences no claim holds yet.
    ``rule_claims`` are the writer's cued claims before the kind classifier (a sentence it
    dropped keeps the rule's answer as a feature); ``opinion`` whether the article reads as
    opinion."""
    from kg.extract.stance import stance_of

    rule_kind = {c.sentence.index: c.kind for c in rule_claims}
    article = article_features(doc, sentences, claims, opinion)
    out = []
    for sent in candidates(sentences, claims, author_sentence, doc):
        found = judge.verdict(sentence_features(doc, sent, len(sentences), article, rule_kind.get(sent.index),
                                                judge.model.words))
        if found is None:
            continue
        kind, p = found
        about = tuple(dict.fromkeys(m.entity for m in mentions if sent.span.start <= m.span.start < sent.span.end))
        out.append(Claim(kind, sent, "", about, stance=stance_of(sent.span.text), confidence=round(p, 4)))
    return out


FILE_NAME = "writer_judge.json"


@functools.lru_cache(maxsize=1)
def shipped() -> WriterJudge | None:
    """The judge shipped in the package (None: the rules alone)."""
    from kg.extract.decisions import read_shipped

    data = read_shipped(FILE_NAME)
    return WriterJudge.from_data(data.get("judge")) if data else None
