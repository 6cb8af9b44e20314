"""Article → Briefing: summary, key actors, quotes with speakers, timeline.

    nlp.py            the spaCy pipeline (named by config) and helpers on its Doc
    lexicon.py        the words the rules know: titles, roles, speech verbs, organizations, media
    quotes/           what was said and by whom
    actors/           who acts: people, organizations, places, with roles
    timeline/         when things happened
    summary.py        the sentences that say what happened, and those that give other facts
    evidence.py       when two sentences say the same thing (for stories of several outlets)
    brief.py          an article → its briefing (all of the above, on one spaCy parse)
    page.py           one page → its briefing (extraction, then all of the above)
    version.py        the version of all this code: stored analyses of other versions are redone

The article text is parsed once with spaCy; each part reads the same Doc, so every offset indexes
`article.text`. The package itself imports nothing: publishing reads actors/names.py without spaCy.
"""
