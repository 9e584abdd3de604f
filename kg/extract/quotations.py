"""Direct quotations: words in quotation marks and the reporting verb that gives them a
speaker.

A quotation (curly or straight marks, possibly over several sentences) is someone's words
when a reporting verb comes just after the closing mark ("..., Lavrov said.", "... said
Lavrov") or just before the opening one ("He said: ..."); with "that" and words of the
writer's own between the cue and the marks it is a mixed quotation.  A quotation with no
cue of its own right after another one continues its speaker.  :class:`QuotationFinder`
holds what the statements finder shares (the article, its quotations, the speakers, what
was found); :mod:`kg.extract.reported_speech` adds indirect speech to it.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.cues import FIRST_PERSON, REPORTING, subject_of
from kg.extract.model import Sentence, Span
from kg.extract.sentences import sentence_at
from kg.extract.speaker_words import INSTITUTIONS
from kg.extract.speakers import Speakers
from kg.extract.tokens import doc_text

# Plural subjects that may name parties speaking together inside a body's quotation
JOINT_WORDS = frozenset("""sides parties countries nations delegations participants leaders ministers
    states governments""".split())
_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»"}
# Verbs of speaking with nothing said in their own sentence ("X spoke to reporters."), whose
# subject a quotation right after speaks for
SPEAKING = frozenset("speak talk address tell say add explain remark comment respond reply".split())
MIN_QUOTE_WORDS = 4  # fewer words in quotation marks: a scare quote or a mixed quotation


@dataclass(frozen=True)
class Quotation:
    start: int  # first character inside the marks
    end: int  # the closing mark's offset (or the paragraph's end when left open)
    words: int


def quotations(text: str) -> list[Quotation]:
    """Runs of text in double quotation marks; an opening mark left open at a paragraph's
    end closes there (a quotation continued in the next paragraph reopens)."""
    out: list[Quotation] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_CLOSE and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = _OPEN_CLOSE[ch]
            j = text.find(close, i + 1)
            para = text.find("\n", i + 1)
            reopen = text.find(ch, i + 1) if ch != close else -1
            ends = [p for p in (j, para, reopen) if p >= 0]
            end = min(ends) if ends else n
            inner = text[i + 1:end]
            out.append(Quotation(i + 1, end, len(inner.split())))
            i = end + (1 if end == j else 0)
            continue
        i += 1
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without blanks, quotation marks, commas and a final full stop at the edges."""
    while start < end and (text[start].isspace() or text[start] in "\"“”‘’',:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”‘’',:;.—–-"):
        end -= 1
    return start, end


# An article's dateline ("MOSCOW, June 12 (TASS):", "ISLAMABAD:"), which is no part of a statement
_DATELINE = re.compile(r"[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2})?\s*(?:\([^)\n]{1,30}\))?\s*(?::|--|[-–—])\s*")


def span_of(text: str, start: int, end: int) -> Span:
    """The statement's words from ``start`` to ``end``, trimmed (:func:`trim`), without the
    dateline that opens the paragraph, and with the closing bracket of one they open ("... under
    the Shanghai Cooperation Organization (SCO)": the parse leaves the bracket out).

    >>> text = "Lavrov said Russia will work under the Shanghai Cooperation Organization (SCO)."
    >>> span_of(text, 12, len(text) - 2).text
    'Russia will work under the Shanghai Cooperation Organization (SCO)'
    """
    start, end = trim(text, start, end)
    dateline = _DATELINE.match(text, start, end)
    if dateline and (start == 0 or text[start - 1] == "\n") and dateline.end() < end:
        start, end = trim(text, dateline.end(), end)
    words = text[start:end]
    if end < len(text) and text[end] == ")" and words.count("(") > words.count(")"):
        end += 1
    return Span(start, end, text[start:end])


@dataclass
class Found:
    speaker: str
    how: str  # named, surname, pronoun, title, pair, institution, continued
    cue: Token | None
    content: Span
    quote: str
    first: Sentence
    also: tuple[Sentence, ...] = ()


_CONFIDENCE = {("direct", "named"): 0.9, ("direct", "surname"): 0.85, ("direct", "pronoun"): 0.8,
               ("direct", "title"): 0.7, ("direct", "continued"): 0.65, ("mixed", "named"): 0.85}


def confidence_of(quote: str, how: str) -> float:
    return _CONFIDENCE.get((quote, how), {"named": 0.8, "surname": 0.75}.get(how, 0.65))



def _titled(text: str, start: int) -> bool:
    """Quotation marks right after "titled", "themed", "dubbed": a name (an event's, a
    report's), no one's words."""
    before = text[max(0, start - 20):start].rstrip("\"“‘' ").split()
    return bool(before) and before[-1].lower().strip(",:") in ("titled", "entitled", "themed", "dubbed", "named")


def _back_reference(subj: Token) -> bool:
    """A subject that names a speaker only by pointing back: "it", "they", "the ministry"."""
    return subj.lower_ in ("it", "they") or subj.lemma_.lower() in INSTITUTIONS and all(
        t.dep_ == "det" for t in subj.lefts) and any(t.lower_ in ("the", "this") for t in subj.lefts)


_DOCUMENTS = frozenset("statement release communique communiqué readout declaration".split())


class QuotationFinder:
    def __init__(self, doc: Doc, sentences: list[Sentence], speakers: Speakers, stop: int):
        self.doc, self.sentences, self.speakers, self.stop = doc, sentences, speakers, stop
        self.text = doc_text(doc)
        self.quotes = quotations(self.text)
        self.used_verbs: set[int] = set()
        self.found: list[Found] = []
        self.later: list[tuple[Token, Token, Found]] = []  # quotations to read again after indirect speech
        self.pending: list[Found] = []  # quotations with no cue of their own
        # quotations of an unnamed document ("..., an official statement said"): the reports
        # inside them are read as indirect speech ("“The two sides reaffirmed ...”")
        self.unclaimed: set[tuple[int, int]] = set()

    def sentence_at(self, offset: int) -> Sentence | None:
        return sentence_at(self.sentences, offset)

    def token_at(self, offset: int, forward: bool = True) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return span[0] if forward else span[-1]

    # -- direct quotations ------------------------------------------------------------
    def cue_after(self, q: Quotation) -> Token | None:
        """The reporting verb right after the closing mark: '..., Lavrov said.', '... said
        Lavrov'; after a quotation that ends its own sentence only a lower-case
        continuation ('..." he said') counts."""
        tok = self.token_at(q.end)
        if tok is None:
            return None
        closed = self.text[q.start:q.end].rstrip().endswith((".", "!", "?"))
        words = [t for t in self.doc[tok.i + 1:min(tok.i + 25, len(self.doc))] if not t.is_space]
        first = next((t for t in words if not t.is_punct), None)
        if first is None or closed and not first.text[:1].islower():
            return None
        for n, t in enumerate(words):
            if t.text in ("“", '"') or t.is_sent_end and t.is_punct or t.text in (".", "!", "?"):
                break
            if t.lemma_.lower() in REPORTING and t.pos_ in ("VERB", "AUX"):
                return t
            if n >= 8 and t.pos_ in ("VERB", "AUX"):
                break  # past a long title ("head of the delegation at ... X said"), only a noun phrase
        return None

    def cue_before(self, q: Quotation) -> tuple[Token | None, bool]:
        """The reporting verb before the opening mark in its sentence, and whether words of
        the writer's own stand between them ("said that the talks were ...": mixed)."""
        sent = self.sentence_at(max(0, q.start - 2)) or self.sentence_at(q.start)
        tok = self.token_at(q.start - 1)
        if sent is None or tok is None:
            return None, False
        first = self.token_at(sent.span.start)
        for t in reversed(self.doc[first.i:tok.i] if first is not None else []):
            if t.lemma_.lower() in REPORTING and t.pos_ in ("VERB", "AUX"):
                between = [x for x in self.doc[t.i + 1:tok.i] if not x.is_punct]
                if len(between) > 6 and not any(x.lower_ == "that" for x in between):
                    return None, False
                return t, any(x.lower_ == "that" for x in between) and len(between) > 1
            if t.text in ("”", '"'):
                break
        return None, False

    def direct(self) -> None:
        for q in self.quotes:
            if q.start >= self.stop or q.words < MIN_QUOTE_WORDS - 1 or (
                    q.words < MIN_QUOTE_WORDS and self.cue_after(q) is None):
                continue  # three words in quotation marks count only with ', he said' right after
            first = self.sentence_at(q.start)
            if first is None:
                continue
            inner = span_of(self.text, q.start, q.end)
            if not inner.text:
                continue
            last_sent = self.sentence_at(max(q.start, inner.end - 1)) or first
            also = tuple(self.sentences[first.index + 1:last_sent.index + 1])
            quote, content, cue = "direct", inner, self.cue_after(q)
            if cue is None:
                cue, mixed = self.cue_before(q)
                if cue is not None and mixed:
                    that = next((t for t in self.doc[cue.i + 1:] if t.lower_ == "that"), None)
                    start = that.idx + len(that.text) if that is not None else q.start
                    content, quote = span_of(self.text, start, q.end), "mixed"
            if cue is None:
                if not _titled(self.text, q.start):
                    self.pending.append(Found("", "continued", None, content, "direct", first, also))
                continue
            subj = subject_of(cue)
            if subj is None and cue.idx > q.end:  # "said Lavrov": the name after the verb
                subj = next((t for t in self.doc[cue.i + 1:cue.i + 4] if t.pos_ == "PROPN"), None)
            # "“... President Putin will ...,” he said": not Putin
            self.speakers.said_words.append((q.start, q.end))
            speakers, how = self.speakers.of_phrase(self.past_dateline(subj, cue)) if subj is not None else ([], "")
            before = self.reported_just_before(first, subj) if speakers and how in ("pronoun", "title") else None
            if before is not None and before not in speakers:
                speakers = [before]  # "X said ... . “...,” he said": X, whom the indirect speech before names
            if not speakers and subj is not None and subj.lower_ not in FIRST_PERSON:
                speakers, how = self.name_before(cue)
            if not speakers and subj is not None and subj.lemma_.lower() in _DOCUMENTS:
                self.unclaimed.add((q.start, q.end))
            if not speakers and subj is not None and _back_reference(subj):
                self.later.append((cue, subj, Found("", "", cue, content, quote, first, also)))
            if not speakers or subj.lower_ in FIRST_PERSON:
                continue
            self.used_verbs.add(cue.i)
            self.speakers.spoke(cue.idx, speakers, (content.start, content.end))
            self.found += [Found(speaker, how, cue, content, quote, first, also) for speaker in speakers]

    def block(self) -> None:
        """A paragraph of someone's words set off without quotation marks after a cue that
        ends its paragraph with a colon ("X said in an interview to TASS:" / "We have
        conveyed our views ..."): a direct quotation of the cue's subject."""
        for sent in self.sentences:
            text = sent.span.text
            if sent.span.start >= self.stop or not text.endswith(":") or sent.index + 1 >= len(self.sentences):
                continue
            rest = self.text[sent.span.end:]
            if not rest.startswith(("\n", " \n")):
                continue
            span = self.doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand")
            root = span.root if span is not None else None
            if root is None or root.lemma_.lower() not in REPORTING | {"explain"} or root.i in self.used_verbs \
                    or any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
                continue  # (a complement of its own: what was said is in the sentence)
            subj = subject_of(root)
            if subj is None or subj.lower_ in FIRST_PERSON:
                continue
            first = self.sentences[sent.index + 1]
            start = first.span.start
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            if self.text[start] in "\"“‘'" or end > self.stop:
                continue  # in quotation marks: a quotation of its own
            speakers, how = self.speakers.of_phrase(subj)
            if not speakers:
                continue
            content = span_of(self.text, start, end)
            also = tuple(s for s in self.sentences[first.index + 1:] if s.span.start < end)
            self.used_verbs.add(root.i)
            self.speakers.spoke(root.idx, speakers, (content.start, content.end))
            self.found += [Found(k, how, root, content, "direct", first, also) for k in speakers]

    def retry(self) -> None:
        """Quotations whose cue's subject points back ("..., the ministry said", "..., it
        said") to a speaker that indirect speech named before them: read again once
        every statement is known."""
        for cue, subj, f in self.later:
            if cue.i in self.used_verbs:
                continue
            speakers, how = self.speakers.of_phrase(subj)
            if speakers:
                self.used_verbs.add(cue.i)
                self.speakers.spoke(cue.idx, speakers, (f.content.start, f.content.end))
                self.found += [dataclasses.replace(f, speaker=k, how=how) for k in speakers]

    def continued(self) -> None:
        """A quotation with no cue of its own, at most two sentences after a statement,
        continues that statement's speaker."""
        for p in self.pending:
            if any(f.content.start < p.content.end and p.content.start < f.content.end for f in self.found):
                continue  # its speaker found otherwise ('"...," according to X')
            speakers, how = self.introduced(p)
            if speakers:
                self.found += [Found(k, how, None, p.content, "direct", p.first, p.also) for k in speakers]
                continue
            before = [f for f in self.found if f.content.end <= p.content.start]
            if not before:
                continue
            last = max(before, key=lambda f: f.content.end)
            if p.first.index - (last.also or (last.first,))[-1].index <= 2:
                self.found.append(Found(last.speaker, "continued", None, p.content, "direct", p.first, p.also))

    def introduced(self, p: Found) -> tuple[list[str], str]:
        """The speaker of a quotation that opens its sentence with no cue of its own, named
        in the sentence before as someone who spoke and said nothing there ("Lavrov spoke
        to reporters after the talks. “Our cooperation ...”")."""
        if p.first.index == 0 or self.text[p.first.span.start:p.content.start].strip(" \t\n\"“") != "":
            return [], ""
        prev = self.sentences[p.first.index - 1]
        if any(ch in prev.span.text for ch in '"“”'):
            return [], ""  # a quotation there: the one this continues
        span = self.doc.char_span(prev.span.start, prev.span.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is None or root.lemma_.lower() not in SPEAKING or any(
                c.dep_ in ("ccomp", "xcomp", "parataxis") for c in root.children):
            return [], ""
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in FIRST_PERSON:
            return [], ""
        speakers, how = self.speakers.of_phrase(subj)
        return (speakers, "continued") if speakers else ([], "")

    def past_dateline(self, subj: Token, verb: Token) -> Token:
        """A capital in capitals opening the article ("ISLAMABAD, Dec 1 (APP): Minister X
        said") is a dateline, not the speaker: the person named before the verb is."""
        if not (subj.is_upper and len(subj.text) > 2 and subj.i == subj.sent.start):
            return subj
        person = next((t for t in reversed(self.doc[subj.i + 1:verb.i]) if t.ent_type_ == "PERSON"), None)
        return person or subj

    def in_quote(self, start: int, end: int) -> bool:
        return any(q.words >= MIN_QUOTE_WORDS and q.start - 1 <= start and end <= q.end + 1
                   and (q.start, q.end) not in self.unclaimed for q in self.quotes)

    def reported_just_before(self, first: Sentence, subj: Token) -> str | None:
        """The person named as the subject of a reporting verb in the sentence right before a
        quotation, outside quotation marks ("Speaking to the media, X said both sides had ...
        “...,” the minister said"): indirect speech is read after the quotations, so "he" or
        a title after the quotation does not know yet that X spoke last."""
        if first.index == 0:
            return None
        prev = self.sentences[first.index - 1]
        span = self.doc.char_span(prev.span.start, prev.span.end, alignment_mode="expand")
        if span is None or any(ch in prev.span.text for ch in '"“”'):
            return None
        people = set()
        for verb in (t for t in span if t.lemma_.lower() in REPORTING and t.pos_ == "VERB"):
            who = subject_of(verb)
            if who is not None:
                people |= {k for k in (self.speakers.person_of(m) for m in self.speakers.attached(who)
                                       if m.entity not in self.speakers.outlets) if k}  # not "Dawn news reported"
        if len(people) != 1:
            return None
        person = people.pop()
        m = self.speakers.mention_of(person)
        if subj.lower_ in ("he", "she"):
            return person if self.speakers.of_gender(subj.lower_, [m]) else None
        title = subj.lemma_.lower()
        return None if self.speakers.titled_otherwise(self.speakers.first_mention(m), title) else person

    def may_be_joint(self, verb: Token) -> bool:
        """A reporting verb inside a quotation that may report what several parties said
        together ("“The parties confirmed ...,” the ministry said"): its subject is "they" or
        a plural for the sides, and the quotation is no person's (a person's "both sides
        agreed" is his own account)."""
        subj = subject_of(verb)
        if subj is None or not (subj.lower_ == "they" or subj.lower_ in JOINT_WORDS):
            return False
        quote = next((q for q in self.quotes if q.start - 1 <= verb.idx <= q.end + 1), None)
        if quote is None:
            return False
        said = [f for f in self.found if f.quote == "direct" and quote.start - 1 <= f.content.start < quote.end + 1]
        if not said:  # a quotation with no cue of its own continues the last speaker
            said = [f for f in self.found if f.content.end <= quote.start][-1:]
        return not any(self.speakers.core_type(f.speaker) == "Person" for f in said)

    def drop_reporters(self) -> None:
        """A body that reports in one sentence what the sides said together ("The two sides
        agreed to ..., the Foreign Office said", "“They noted that ...,” the ministry said")
        does not say it itself: its claim on those words gives way to the parties' own."""
        by_cue: dict[int, int] = {}
        for f in self.found:
            if f.how == "pair" and f.cue is not None:
                by_cue[f.cue.i] = by_cue.get(f.cue.i, 0) + 1
        cues = [self.doc[i] for i, n in sorted(by_cue.items()) if n >= 2]

        def reports_them(f: Found) -> bool:
            own = f.cue.i if f.cue is not None else -1
            return any(c.i != own and f.content.start <= c.idx < f.content.end
                       and getattr(self.sentence_at(c.idx), "index", -1) == f.first.index for c in cues)
        self.found = [f for f in self.found if f.also or f.how == "pair"
                      or self.speakers.core_type(f.speaker) == "Person" or not reports_them(f)]

    def quoted_inside(self, start: int, end: int) -> bool:
        return any(start <= q.start and q.end <= end for q in self.quotes)
    def name_before(self, verb: Token) -> tuple[list[str], str]:
        """The name that ends a long subject right before its verb ("head of the Russian
        delegation at the exhibition Eurosatory 2014 Igor Sevastyanov said"), when the
        subject's head names nobody; the verb's auxiliaries ("has said") skipped."""
        run, end = [], verb.i
        while end > verb.sent.start and self.doc[end - 1].dep_ in ("aux", "neg") and self.doc[end - 1].head.i == verb.i:
            end -= 1
        for t in reversed(self.doc[max(verb.sent.start, end - 4):end]):
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha:
                break
            run.insert(0, t)
        person = self.speakers.new_person(run) if len(run) >= 2 else None
        return ([person], "named") if person else ([], "")
