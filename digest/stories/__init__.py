"""Stories: articles about one event grouped into one story, kept across runs.

fingerprint.py   what grouping needs of an article (computed when it is analysed, stored with it)
grouping.py      duplicates folded together, then reports of the same event grouped
assign.py        new articles join published stories or start new ones (a pure function)
merge.py         a story's articles → one briefing (quotes, actors, timeline merged across outlets)
address.py       a story's page path, chosen once
"""
