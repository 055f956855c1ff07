"""Translation QA: a translation checked against its source.

readers/   a pair of line-aligned files, TSV, JSON Lines, XLIFF 1.2 and 2.0
document   the translation as a Document, aligned unit by unit with its source
languages  the source language, given or told from its script
numbers/   numbers of each language, normalised to values that survive translation
kinds/     the rule kinds: numbers, line-count, empty-target, length-ratio, untranslated,
           source-script, end-punctuation, glossary
run        reading, checking and fixing a bilingual file in a run
"""
