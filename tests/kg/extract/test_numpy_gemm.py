"""The models' matrix products through numpy's BLAS give the parse BLIS gives, and every
layer of the loaded pipeline uses them."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from thinc.api import NumpyOps

from kg.extract.nlp import MODEL_NAME, load_nlp
from kg.extract.numpy_gemm import use_numpy_gemm, uses_numpy_gemm
from support import DOCUMENTS

MINE = ("The foreign ministers of Pakistan and Russia met in Islamabad on Tuesday and agreed to hold "
        "joint naval drills in the Arabian Sea next spring.  Moscow will also supply wheat, a senior "
        "official told reporters, while the gas pipeline from Karachi to Lahore remains delayed.\n\n"
        "Critics said the deal would not end the country's energy shortage.")


def _annotations(doc) -> list:
    return [(t.tag_, t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def texts():
    return [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))] + [MINE]


def test_load_nlp_gives_every_layer_numpy_products():
    nlp = load_nlp()
    assert uses_numpy_gemm(nlp)
    for name in ("tok2vec", "parser", "ner"):
        assert all(not layer.ops.use_blis for layer in nlp.get_pipe(name).model.walk())


def test_a_plain_model_uses_blis_until_switched():
    nlp = spacy.load(MODEL_NAME)
    assert not uses_numpy_gemm(nlp)
    use_numpy_gemm(nlp)
    assert uses_numpy_gemm(nlp)


def test_numpy_products_are_blis_products_to_rounding():
    rng = np.random.default_rng(7)
    x, w = rng.standard_normal((300, 96), dtype=np.float32), rng.standard_normal((288, 96), dtype=np.float32)
    blis, numpy = NumpyOps().gemm(x, w, trans2=True), NumpyOps(use_blis=False).gemm(x, w, trans2=True)
    assert numpy.dtype == np.float32 and numpy.shape == (300, 288)
    assert np.allclose(blis, numpy, rtol=1e-4, atol=1e-4)


def test_the_parse_equals_blis_parse(texts):
    blis_nlp = spacy.load(MODEL_NAME)
    numpy_nlp = spacy.load(MODEL_NAME)
    use_numpy_gemm(numpy_nlp)
    for with_blis, with_numpy in zip(blis_nlp.pipe(texts), numpy_nlp.pipe(texts)):
        assert _annotations(with_numpy) == _annotations(with_blis)
        assert [(e.start, e.end, e.label_) for e in with_numpy.ents] == [(e.start, e.end, e.label_)
                                                                         for e in with_blis.ents]


def test_numpy_blas_is_held_to_one_thread():
    from threadpoolctl import threadpool_info

    load_nlp()
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)
