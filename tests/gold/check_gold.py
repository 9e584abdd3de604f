#!/usr/bin/env python3
"""Check the hand-made gold annotations against their articles.

Usage:
    python tests/gold/check_gold.py                 # every gold set of the repository (see DEFAULT_TARGETS)
    python tests/gold/check_gold.py FILE_OR_DIR ... # only these gold files (a folder: its *.yaml)

The format is described in docs/annotation-guide.md.

Exits 0 when every file passes, 1 (with one message per problem on stderr) otherwise.

A gold file's article is found from its ``document`` key: ``<document>.txt`` next to the gold
file, else in the folder above it (a second reading of a set's gold kept in a subfolder, such
as ``tests/data/real/test/aligned`` or ``tests/data/real/check/second``), else ``data/documents/<document>.txt`` at the repository root.

Mention semantics (also implemented by :func:`resolve_mentions`, importable by scorers):
every whole-word (word-bounded) occurrence of an entry's ``text`` in the article is a gold
mention. An entry with a ``context`` covers only the one occurrence of ``text`` inside that
context; an entry without one covers every other occurrence. Occurrences may be nested
inside a longer gold mention ("Pakistan" inside "Pakistan Steel Mills"); such spans are
flagged ``nested`` so a scorer can decide whether to count them. Matching is case-sensitive.
"""
from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_TARGETS = [HERE] + [ROOT / "tests" / "data" / d
                            for d in ("unseen", "heldout", "real/dev", "real/check", "real/check/second",
                                      "real/test", "real/test/aligned")]

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from kg.registry import load_registry  # noqa: E402

_REG = load_registry()
# registry id -> core class (State, Organisation, Project, Person, Place, CooperationArea)
REGISTRY: dict[str, str] = {eid: _REG.core_class(e.type) for eid, e in _REG.entities.items()}

ENTITY_TYPES = {"State", "Organisation", "Project", "Person", "Place"}
EVENT_TYPES = {
    "StateVisit", "Meeting", "Summit", "MilitaryExercise", "Agreement",
    "MemorandumOfUnderstanding", "Recognition", "EstablishmentOfRelations", "MediationOffer",
    "Offer", "StatementOfSupport", "MembershipChange", "ObserverStatusChange", "War", "Invasion",
    "StateDissolution", "SanctionsChange",
}
MEMBERSHIP_STATUS = {"Observer", "FullMember"}
EVENT_STATUS = {"scheduled", "planned", "postponed", "cancelled"}
MEASURES = {"TradeVolume", "Aid", "Investment"}
CLAIM_KINDS = {"Recommendation", "Prediction", "Assessment", "Commitment", "Denial", "ReportOfFact"}
QUOTE_KINDS = {"direct", "indirect", "mixed", "none"}
STANCES = {"positive", "negative", "neutral"}
WRITER = "writer"

TOP_KEYS = {"document", "mentions", "entities", "events", "memberships", "interests",
            "quantities", "claims", "author", "latest_date"}
REQUIRED_TOP = {"document", "mentions", "latest_date"}
KEYS = {
    "mentions": ({"text", "entity"}, {"context"}),
    "entities": ({"entity", "type"}, set()),
    "events": ({"type", "sentence", "participants"},
               {"place", "date", "start", "end", "time_text", "status", "also", "trigger"}),
    "memberships": ({"member", "organisation", "status", "sentence"}, {"since"}),
    "interests": ({"party", "project", "sentence"}, set()),
    "quantities": ({"value", "currency", "measure", "sentence"}, {"year"}),
    "claims": ({"kind", "sentence"},
               {"also", "speaker", "cue", "content", "quote", "about", "stance", "date", "time_text"}),
}
AUTHOR_KEYS = ({"roles", "affiliation"}, {"email"})

ISO_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NEW_RE = re.compile(r"^new:\S.*\S$|^new:\S$")
YEAR_IN_TEXT = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# a sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and a capital/quote
SENT_END = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘'$])")


# --------------------------------------------------------------------------- helpers
def word_re(text: str) -> re.Pattern:
    """Whole-word pattern for `text` (word boundaries only where the text has word chars)."""
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of plain (not word-bounded) occurrences, overlapping allowed."""
    out, i = [], haystack.find(needle)
    while i != -1:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def iso_ok(value) -> bool:
    if not isinstance(value, str) or not ISO_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def date_bounds(value: str) -> tuple[_dt.date, _dt.date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        nxt = _dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return _dt.date(parts[0], parts[1], 1), nxt - _dt.timedelta(days=1)
    d = _dt.date(*parts)
    return d, d


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENT_END.finditer(text):
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def sentence_of(spans, start: int, end: int):
    for i, (s, e) in enumerate(spans):
        if s <= start < e:
            return i if end <= e + 2 else None  # None: the snippet crosses a boundary
    return None


def resolve_mentions(text: str, mentions: list[dict]) -> list[dict]:
    """Expand gold mention entries into spans: [{start, end, text, entity, nested}], sorted.

    Raises ValueError on an entry whose text/context cannot be located unambiguously.
    """
    spans: dict[tuple[int, int], dict] = {}
    general: dict[str, str] = {}
    for m in mentions:
        if "context" in m:
            ctx_starts = occurrences(text, m["context"])
            if len(ctx_starts) != 1:
                raise ValueError(f"context {m['context']!r} occurs {len(ctx_starts)} times")
            inner = [x.start() for x in word_re(m["text"]).finditer(m["context"])]
            if len(inner) != 1:
                raise ValueError(f"text {m['text']!r} occurs {len(inner)} times (as a word) "
                                 f"in context {m['context']!r}")
            s = ctx_starts[0] + inner[0]
            key = (s, s + len(m["text"]))
            if key in spans:
                raise ValueError(f"two context entries cover {m['text']!r} at {s}")
            spans[key] = {"start": key[0], "end": key[1], "text": m["text"],
                          "entity": m["entity"], "context": True}
        else:
            if m["text"] in general:
                raise ValueError(f"two entries without context for text {m['text']!r}")
            general[m["text"]] = m["entity"]
    for t, ent in general.items():
        found = [x.start() for x in word_re(t).finditer(text)]
        if not found:
            raise ValueError(f"text {t!r} does not occur (as a whole word)")
        for s in found:
            key = (s, s + len(t))
            if key not in spans:
                spans[key] = {"start": key[0], "end": key[1], "text": t, "entity": ent,
                              "context": False}
    out = sorted(spans.values(), key=lambda d: (d["start"], -d["end"]))
    for d in out:
        d["nested"] = any(o is not d and o["start"] <= d["start"] and d["end"] <= o["end"]
                          and (o["end"] - o["start"]) > (d["end"] - d["start"]) for o in out)
        del d["context"]
    return out


def load_gold(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def article_path(gold_path: Path, doc_id: str) -> Path:
    for folder in (gold_path.parent, gold_path.parent.parent):
        beside = folder / f"{doc_id}.txt"
        if beside.exists():
            return beside
    return ROOT / "data" / "documents" / f"{doc_id}.txt"


def gold_files(targets) -> list[Path]:
    files: list[Path] = []
    for t in targets:
        t = Path(t)
        if t.is_dir():  # gold files, not the articles' metadata sidecars (<id>.yaml beside <id>.txt)
            files += sorted(p for p in t.glob("*.yaml") if p.name.endswith(".gold.yaml")
                            or not p.with_suffix(".txt").exists())
        elif t.exists():
            files.append(t)
        else:
            raise SystemExit(f"check_gold: no such file or folder: {t}")
    return files


# --------------------------------------------------------------------------- checks
class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.new_types: dict[str, tuple[str, str]] = {}  # new:Name -> (type, file)

    def err(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    def check_file(self, path: Path) -> None:
        where = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        try:
            gold = load_gold(path)
        except yaml.YAMLError as e:
            self.err(where, f"YAML error: {e}")
            return
        if not isinstance(gold, dict):
            self.err(where, "top level is not a mapping")
            return
        for k in REQUIRED_TOP - gold.keys():
            self.err(where, f"missing top-level key {k!r}")
        for k in gold.keys() - TOP_KEYS:
            self.err(where, f"unknown top-level key {k!r}")
        doc_id = gold.get("document")
        if not isinstance(doc_id, str):
            self.err(where, "document must be a string")
            return
        stem = path.name[:-len(".gold.yaml")] if path.name.endswith(".gold.yaml") else path.stem
        if stem != doc_id:
            self.err(where, f"document {doc_id!r} does not match file name {path.name!r}")
        apath = article_path(path, doc_id)
        if not apath.exists():
            self.err(where, f"article {apath} not found")
            return
        text = apath.read_text(encoding="utf-8")
        sents = sentence_spans(text)

        for section, (req, opt) in KEYS.items():
            items = gold.get(section) or []
            if not isinstance(items, list):
                self.err(where, f"{section} must be a list")
                gold[section] = []
                continue
            for i, item in enumerate(items):
                if not isinstance(item, dict):
                    self.err(where, f"{section}[{i}] is not a mapping")
                    continue
                for k in req - item.keys():
                    self.err(where, f"{section}[{i}] misses {k!r}")
                for k in item.keys() - req - opt:
                    self.err(where, f"{section}[{i}] has unknown key {k!r}")
            gold[section] = [x for x in items if isinstance(x, dict)]

        # ---- entities of this file
        local_new: dict[str, str] = {}
        for i, e in enumerate(gold["entities"]):
            ent, typ = e.get("entity"), e.get("type")
            if not (isinstance(ent, str) and NEW_RE.match(ent)):
                self.err(where, f"entities[{i}]: {ent!r} is not a new:<Name> id "
                                f"(registry ids need no entry)")
                continue
            if typ not in ENTITY_TYPES:
                self.err(where, f"entities[{i}]: type {typ!r} not one of {sorted(ENTITY_TYPES)}")
                continue
            if ent in local_new:
                self.err(where, f"entities: {ent!r} listed twice")
            local_new[ent] = typ
            if ent in self.new_types and self.new_types[ent][0] != typ:
                self.err(where, f"{ent!r} typed {typ} here but {self.new_types[ent][0]} "
                                f"in {self.new_types[ent][1]}")
            self.new_types.setdefault(ent, (typ, where))

        def etype(ent):
            if ent in REGISTRY:
                return REGISTRY[ent]
            return local_new.get(ent)

        used_new: set[str] = set()

        def check_id(ctx: str, ent, allowed: set[str]) -> None:
            if not isinstance(ent, str):
                self.err(where, f"{ctx}: id {ent!r} is not a string")
                return
            if ent.startswith("new:"):
                if not NEW_RE.match(ent):
                    self.err(where, f"{ctx}: malformed new id {ent!r}")
                    return
                used_new.add(ent)
                if ent not in local_new:
                    self.err(where, f"{ctx}: {ent!r} has no type in entities")
                    return
            elif ent not in REGISTRY:
                self.err(where, f"{ctx}: unknown registry id {ent!r}")
                return
            t = etype(ent)
            if t not in allowed:
                self.err(where, f"{ctx}: {ent!r} is a {t}, expected {'/'.join(sorted(allowed))}")

        def check_snippet(ctx: str, snip) -> tuple[int, int] | None:
            if not isinstance(snip, str) or not snip:
                self.err(where, f"{ctx}: snippet must be a non-empty string")
                return None
            n = len(occurrences(text, snip))
            if n != 1:
                self.err(where, f"{ctx}: snippet {snip!r} occurs {n} times (need exactly 1)")
                return None
            s = text.find(snip)
            return s, s + len(snip)

        def sent_index(ctx: str, snip):
            span = check_snippet(ctx, snip)
            if span is None:
                return None
            idx = sentence_of(sents, *span)
            if idx is None:
                self.err(where, f"{ctx}: snippet {snip!r} crosses a sentence boundary")
            return idx

        # ---- mentions
        mentioned: set[str] = set()
        for i, m in enumerate(gold["mentions"]):
            ctx = f"mentions[{i}] ({m.get('text')!r})"
            if not isinstance(m.get("text"), str) or not m.get("text"):
                self.err(where, f"{ctx}: text must be a non-empty string")
                continue
            check_id(ctx, m.get("entity"), ENTITY_TYPES)
            mentioned.add(m.get("entity"))
            if "context" in m:
                if not isinstance(m["context"], str):
                    self.err(where, f"{ctx}: context must be a string")
                elif m["text"] not in m["context"]:
                    self.err(where, f"{ctx}: context {m['context']!r} does not contain the text")
        try:
            spans = resolve_mentions(text, [m for m in gold["mentions"]
                                            if isinstance(m.get("text"), str) and m.get("text")])
        except ValueError as e:
            self.err(where, f"mentions: {e}")
            spans = []
        # general entries fully overridden by contexts are dead entries
        live = {(s["text"], s["entity"]) for s in spans}
        for i, m in enumerate(gold["mentions"]):
            if "context" not in m and (m.get("text"), m.get("entity")) not in live and spans:
                self.err(where, f"mentions[{i}] ({m.get('text')!r}): every occurrence is "
                                f"covered by a context entry; the general entry is unused")

        # ---- events
        for i, ev in enumerate(gold["events"]):
            ctx = f"events[{i}] ({ev.get('type')})"
            if ev.get("type") not in EVENT_TYPES:
                self.err(where, f"{ctx}: unknown event type {ev.get('type')!r}")
            sent_index(ctx, ev.get("sentence"))
            for j, snip in enumerate(ev.get("also") or []):
                sent_index(f"{ctx}.also[{j}]", snip)
            if "trigger" in ev and (not isinstance(ev["trigger"], str)
                                    or ev["trigger"] not in str(ev.get("sentence"))
                                    and not any(ev["trigger"] in str(a) for a in ev.get("also") or [])):
                self.err(where, f"{ctx}: trigger {ev.get('trigger')!r} is not inside its sentence snippet")
            parts = ev.get("participants")
            if not isinstance(parts, list) or not parts:
                self.err(where, f"{ctx}: participants must be a non-empty list")
                parts = []
            if len(set(map(str, parts))) != len(parts):
                self.err(where, f"{ctx}: duplicate participant")
            for p in parts:
                check_id(ctx, p, {"State", "Organisation", "Person"})
                if p not in mentioned:
                    self.err(where, f"{ctx}: participant {p!r} is never mentioned in the article")
            if "place" in ev:
                check_id(ctx, ev["place"], {"Place"})
                if ev["place"] not in mentioned:
                    self.err(where, f"{ctx}: place {ev['place']!r} is never mentioned")
            for k in ("date", "start", "end"):
                if k in ev and not iso_ok(ev[k]):
                    self.err(where, f"{ctx}: {k} {ev[k]!r} is not a quoted ISO date "
                                    f"(YYYY, YYYY-MM or YYYY-MM-DD)")
            if ("start" in ev) != ("end" in ev):
                self.err(where, f"{ctx}: start and end go together")
            if "date" in ev and "start" in ev:
                self.err(where, f"{ctx}: give either date or start/end")
            if iso_ok(ev.get("start")) and iso_ok(ev.get("end")):
                if date_bounds(ev["start"])[0] > date_bounds(ev["end"])[1]:
                    self.err(where, f"{ctx}: start after end")
            if "time_text" in ev:
                tt = ev["time_text"]
                if not isinstance(tt, str) or tt not in text:
                    self.err(where, f"{ctx}: time_text {tt!r} does not occur in the article")
            if "status" in ev and ev["status"] not in EVENT_STATUS:
                self.err(where, f"{ctx}: status {ev['status']!r} not one of {sorted(EVENT_STATUS)}")

        # ---- memberships
        seen = set()
        for i, m in enumerate(gold["memberships"]):
            ctx = f"memberships[{i}]"
            check_id(ctx, m.get("member"), {"State", "Organisation"})
            check_id(ctx, m.get("organisation"), {"Organisation"})
            for k in ("member", "organisation"):
                if m.get(k) not in mentioned:
                    self.err(where, f"{ctx}: {m.get(k)!r} is never mentioned")
            if m.get("status") not in MEMBERSHIP_STATUS:
                self.err(where, f"{ctx}: status {m.get('status')!r} not one of "
                                f"{sorted(MEMBERSHIP_STATUS)}")
            if "since" in m and not iso_ok(m["since"]):
                self.err(where, f"{ctx}: since {m['since']!r} is not a quoted ISO date")
            key = (m.get("member"), m.get("organisation"), m.get("status"))
            if key in seen:
                self.err(where, f"{ctx}: duplicate membership {key}")
            seen.add(key)
            sent_index(ctx, m.get("sentence"))

        # ---- interests
        seen = set()
        for i, it in enumerate(gold["interests"]):
            ctx = f"interests[{i}]"
            check_id(ctx, it.get("party"), {"State", "Organisation"})
            check_id(ctx, it.get("project"), {"Project"})
            for k in ("party", "project"):
                if it.get(k) not in mentioned:
                    self.err(where, f"{ctx}: {it.get(k)!r} is never mentioned")
            key = (it.get("party"), it.get("project"))
            if key in seen:
                self.err(where, f"{ctx}: duplicate interest {key}")
            seen.add(key)
            sent_index(ctx, it.get("sentence"))

        # ---- quantities
        for i, q in enumerate(gold["quantities"]):
            ctx = f"quantities[{i}]"
            v = q.get("value")
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
                self.err(where, f"{ctx}: value must be a positive number in units")
            if not (isinstance(q.get("currency"), str) and re.fullmatch(r"[A-Z]{3}", q["currency"])):
                self.err(where, f"{ctx}: currency must be an ISO 4217 code")
            if q.get("measure") not in MEASURES:
                self.err(where, f"{ctx}: measure {q.get('measure')!r} not one of {sorted(MEASURES)}")
            if "year" in q and not (isinstance(q["year"], str) and re.fullmatch(r"\d{4}", q["year"])):
                self.err(where, f"{ctx}: year must be a quoted YYYY")
            sent_index(ctx, q.get("sentence"))

        # ---- claims
        claim_keys: dict[tuple, int] = {}
        for i, c in enumerate(gold["claims"]):
            ctx = f"claims[{i}]"
            if c.get("kind") not in CLAIM_KINDS:
                self.err(where, f"{ctx}: kind {c.get('kind')!r} not one of {sorted(CLAIM_KINDS)}")
            idx = sent_index(ctx, c.get("sentence"))
            for j, snip in enumerate(c.get("also") or []):
                sent_index(f"{ctx}.also[{j}]", snip)
            speaker = c.get("speaker", WRITER)
            if speaker != WRITER:
                check_id(ctx, speaker, {"State", "Organisation", "Person"})
                if speaker not in mentioned:
                    self.err(where, f"{ctx}: speaker {speaker!r} is never mentioned")
            for k in ("cue", "content", "time_text"):
                if k in c and (not isinstance(c[k], str) or c[k] not in text):
                    self.err(where, f"{ctx}: {k} {c.get(k)!r} does not occur in the article")
            if "quote" in c and c["quote"] not in QUOTE_KINDS:
                self.err(where, f"{ctx}: quote {c['quote']!r} not one of {sorted(QUOTE_KINDS)}")
            if "stance" in c and c["stance"] not in STANCES:
                self.err(where, f"{ctx}: stance {c['stance']!r} not one of {sorted(STANCES)}")
            for a in c.get("about") or []:
                check_id(ctx, a, ENTITY_TYPES)
            if "date" in c and not iso_ok(c["date"]):
                self.err(where, f"{ctx}: date {c['date']!r} is not a quoted ISO date")
            if idx is not None:
                key = (idx, speaker, c.get("content"))
                if key in claim_keys:
                    self.err(where, f"{ctx}: same sentence, speaker and content as "
                                    f"claims[{claim_keys[key]}]")
                claim_keys[key] = i

        # ---- author
        author = gold.get("author")
        if isinstance(author, dict):
            req, opt = AUTHOR_KEYS
            for k in req - author.keys():
                self.err(where, f"author misses {k!r}")
            for k in author.keys() - req - opt:
                self.err(where, f"author has unknown key {k!r}")
            closing = text[text.rfind("The writer is"):] if "The writer is" in text else ""
            if not closing:
                self.err(where, "article has no 'The writer is' sentence")
            roles = author.get("roles")
            if not isinstance(roles, list) or not roles:
                self.err(where, "author.roles must be a non-empty list")
            else:
                for r in roles:
                    if not isinstance(r, str) or r not in closing:
                        self.err(where, f"author role {r!r} is not written in the closing sentence")
            check_id("author.affiliation", author.get("affiliation"), {"Organisation"})
            if author.get("affiliation") not in mentioned:
                self.err(where, f"author.affiliation {author.get('affiliation')!r} never mentioned")
            if "email" in author and (not isinstance(author["email"], str)
                                      or author["email"] not in closing):
                self.err(where, f"author.email {author.get('email')!r} not in the closing text")
        elif author is not None:
            self.err(where, "author must be a mapping")

        # ---- latest date
        latest = gold.get("latest_date")
        if not iso_ok(latest):
            self.err(where, f"latest_date {latest!r} is not a quoted ISO date")
        else:
            years = [int(y) for y in YEAR_IN_TEXT.findall(text)]
            if years and int(latest[:4]) < max(years):
                self.err(where, f"latest_date {latest} but the article mentions the year {max(years)}")
            lo_latest = date_bounds(latest)[1]
            dated = [(f"events[{i}].{k}", ev[k]) for i, ev in enumerate(gold["events"])
                     for k in ("date", "start", "end") if iso_ok(ev.get(k))]
            dated += [(f"memberships[{i}].since", m["since"])
                      for i, m in enumerate(gold["memberships"]) if iso_ok(m.get("since"))]
            for ctx, d in dated:
                if date_bounds(d)[0] > lo_latest:
                    self.err(where, f"{ctx} {d} is later than latest_date {latest}")

        # ---- entities listed but unused
        for ent in local_new.keys() - used_new:
            self.err(where, f"entities: {ent!r} is listed but never used")


def main(argv: list[str]) -> int:
    targets = argv or [d for d in DEFAULT_TARGETS if d.exists()]
    files = gold_files(targets)
    if not files:
        print("check_gold: no gold files found", file=sys.stderr)
        return 1
    checker = Checker()
    for f in files:
        checker.check_file(f)
    if checker.problems:
        for p in checker.problems:
            print(p, file=sys.stderr)
        print(f"check_gold: {len(checker.problems)} problem(s) in {len(files)} file(s)",
              file=sys.stderr)
        return 1
    print(f"check_gold: {len(files)} gold file(s) OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
