"""One parser module per report family. Each module exposes:

- ``recognise(document) -> bool``: whether the document is of this family (cheap: looks at page 1-2 text);
- ``parse(document) -> Parsed``: the family's fields, raising an ExtractionError subclass when it cannot.

`extract.classify.FAMILIES` lists them in the order they are tried.
"""
