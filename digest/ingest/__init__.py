"""Ingest: sources → raw pages → articles.

sources.py    files, globs, URL lists, feeds and sitemaps named in site_config/ → RawPage
fetch.py      polite HTTP (robots.txt, per-host pacing, conditional requests) with a disk cache
extract.py    RawPage → Article: trafilatura's text and metadata
identity.py   how an article is known between runs (its key), and the id of the story it starts
"""
