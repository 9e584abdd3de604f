"""The extraction pipeline: spaCy parse, then mentions, events, relations, dates,
quantities and statements, with learned decisions (see :mod:`kg.extract.pipeline`)."""
