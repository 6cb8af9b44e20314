"""Errors a user can act on.

    DigestError                 anything the user can fix; carries the file, URL or key it is about
     ├── ConfigError            site_config/digest.yml is missing, unreadable or wrong
     ├── FetchError             a URL could not be fetched (dead, refused, disallowed by robots.txt)
     ├── ExtractError           a page has no article text, or is not a page at all
     └── BuildError             the MkDocs build failed

Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class DigestError(Exception):
    """Base class: a problem with the user's input, reported in one line."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __reduce__(
        self,
    ) -> tuple[type, tuple[str, str | None]]:  # keep `source` across process pools
        return (self.__class__, (str(self.args[0]) if self.args else "", self.source))

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.source}: {message}" if self.source else message


class ConfigError(DigestError):
    """The configuration is missing, unreadable or invalid."""


class FetchError(DigestError):
    """A URL could not be fetched."""


class ExtractError(DigestError):
    """A page held no article text that could be extracted."""


class BuildError(DigestError):
    """The site could not be built."""
