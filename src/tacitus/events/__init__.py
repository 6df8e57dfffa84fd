"""Event coding: ontology, trigger lexicon, and the coder's components — trigger finding,
source and target rules, phrase helpers, factuality, attribution, exchanges, record assembly —
then the article-level passes (see docs/architecture.md, "The event coder")."""
