"""Event coding: ontology, trigger lexicon, coder, factuality and attribution."""
