"""Who acts in a story: people, organizations and places, with their roles (find.py); names, their
short forms and spellings (names.py, which needs no spaCy: publishing reads it)."""
