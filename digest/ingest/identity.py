"""How an article is known between runs: its key (the canonical URL, or the file's path), and the id
of the story it starts."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import RawPage

TRACKING_PARAMS = frozenset(  # query keys that say who sent the reader, not which article it is
    "fbclid gclid dclid msclkid yclid igshid mc_cid mc_eid ref ref_src ref_url referrer cmpid cmp"
    " ocid ito itm_source itm_medium itm_campaign smid smtyp share src_campaign _ga _gl amp"
    " outputtype".split()
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "hsa_")  # families of campaign parameters
HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")  # the same site for phones and accelerated pages
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment, AMP/mobile variants, default port or trailing
    slash."""
    parts = urlsplit(url.strip())
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    host = (parts.hostname or "").lower()
    while host.startswith(HOST_PREFIXES) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    if parts.port and parts.port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{parts.port}"
    segments = [s for s in parts.path.split("/") if s and s.lower() != "amp"]
    path = "/" + "/".join(segments) if segments else ""
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)
    )
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def source_key(page: RawPage) -> str:
    """How an article is known between runs: its canonical URL, or its file path."""
    if page.url:
        return canonical_url(page.url)
    return "file:" + Path(os.path.normpath(page.source)).as_posix()


def story_id(key: str) -> str:
    """A story is named after the first article it had: stable for ever after."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
