"""The spaCy models' matrix products through numpy's BLAS (OpenBLAS) instead of BLIS.

Most of the parse's time is matrix products: the two token-to-vector encoders (the one
the tagger and parser share, and the named-entity recogniser's own) and the parser's and
recogniser's precomputed hidden layers.  thinc's ``NumpyOps`` does them with the BLIS
library bundled with the ``blis`` package; where that BLIS does not recognise the
processor (an AMD EPYC of family 25 here: ``BLIS_ARCH_DEBUG=1`` prints "selecting
sub-configuration 'generic'") it falls back to its portable kernel, about a quarter of
what the processor can do.  numpy's OpenBLAS chooses its kernel at run time for any x86
processor and was 3.5 times faster on the encoders' products (7,000 x 288 by 288 x 288).
``NumpyOps(use_blis=False)`` is thinc's own switch for numpy's products;
:func:`use_numpy_gemm` gives it to every layer of every component's model.  The
parser's and recogniser's per-step products (a few states at a time, in Cython) still
go through BLIS: thinc gives no way to change those.

The products differ from BLIS's in the last bits (another order of additions, as BLIS's
own kernels differ between processors); the annotations and extractions are the same on
every article of the dev, seed, held-out and unseen sets (``benchmarks/extract_dump.py``),
and ``tests/kg/extract/test_numpy_gemm.py`` compares the parse with BLIS's.

OpenBLAS is held to one thread in this process, as BLIS was: a build runs one
extraction process per core.
"""
from __future__ import annotations

from thinc.api import NumpyOps

_OPS = NumpyOps(use_blis=False)


def use_numpy_gemm(nlp) -> None:
    """Give every layer of ``nlp``'s component models thinc's numpy-product ops, and hold
    numpy's BLAS to one thread."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue  # rule components: no layers
        for layer in model.walk():
            layer.ops = _OPS


def uses_numpy_gemm(nlp) -> bool:
    """Whether every layer of every component model of ``nlp`` has numpy-product ops."""
    layers = [layer for _, c in nlp.pipeline if hasattr(getattr(c, "model", None), "walk") for layer in c.model.walk()]
    return bool(layers) and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
