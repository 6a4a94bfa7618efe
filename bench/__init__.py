"""kg's benchmark: ``python bench/run.py`` (or ``make bench``) writes ``bench/results.md``.

Every figure is a ratio against a baseline measured in the same run on the same machine:
kg's extraction against the bare spaCy pipeline, kg's store writes against a raw
pyoxigraph bulk load, canned queries against a full scan of the same store.
"""
