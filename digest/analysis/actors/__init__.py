"""Who acts in a story: people, organizations and places, with their roles (find.py); names, their
short forms and spellings (names.py)."""

from .find import find_actors, lead_actor, resolve_name

__all__ = ["find_actors", "lead_actor", "resolve_name"]
