"""Digest's MkDocs plugin (`plugins: [digest]` in mkdocs.yml): front matter escaped once, and a CSP.

Material's templates print front-matter values into HTML as they are: `{{ page.meta.title }}` in
`<title>` and the header, `{{ page.meta.description }}` inside `content="…"`, `{{ page.title }}` in
tag listings. A headline such as `Mayor <script>…</script> resigns` would run there. So before any
template renders, every string value of a page's front matter (but the keys that steer the build,
below) becomes `markupsafe.Markup(escape(value))`: printed raw it is escaped once, and Jinja's `| e`
leaves it as it is, so it is never escaped twice. Tag names stay plain and are printed with `| e`
by our tags partial (site_config/overrides/partials/tags.html).

Every page also gets a Content-Security-Policy `<meta>` as the first element of its `<head>`:
scripts only from the site itself, plus the theme's own inline scripts, allowed by their SHA-256
hashes. A theme script is recognised by its text: it must equal one of the inline scripts in
Material's templates, where a template expression (`{{ base_url }}`) may stand only for text without
quotes or markup. Nothing from a source can match one, so an injected inline script would not run
even if it got into a page.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.base import Config as MkDocsBaseConfig
from mkdocs.plugins import BasePlugin, event_priority

from .frontmatter import SEARCH_UNTIL

# Front-matter keys that steer MkDocs, Material or our templates rather than being printed as text.
# Front-matter keys that hold Digest's index of a story (publish/frontmatter.py), read by Digest
# from the Markdown files, never by a template: dropped once a page is rendered.
DATA_KEYS = ("sources", "cast", "quotes", "actors")
CONTROL_KEYS = frozenset(
    {"template", "hide", "tags", "search", "redirect", "date", "id", "status", "icon", SEARCH_UNTIL}
)
_INLINE_SCRIPT = re.compile(
    r"<script>(.*?)</script>", re.DOTALL
)  # inline, executable (no src, no type)
_TEMPLATE_EXPR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_HEAD = re.compile(r"<head>\s*(<meta charset=\"utf-8\">)?", re.IGNORECASE)
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' "
    "'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'"
)


def escape_meta(meta: dict[str, Any]) -> None:
    """Every printable string of a page's front matter as Markup, escaped once (in place)."""
    for key, value in meta.items():
        if key not in CONTROL_KEYS and isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


@cache
def theme_scripts() -> tuple[re.Pattern[str], ...]:
    """The inline scripts of Material's templates, as patterns where a template expression is
    quote-free text."""
    import material

    root = Path(material.__file__).parent / "templates"
    patterns = set()
    for template in root.rglob("*.html"):
        for body in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
            parts = _TEMPLATE_EXPR.split(body)
            patterns.add(
                "".join(re.escape(p) + r"[^\"'<>`\\]*" for p in parts[:-1]) + re.escape(parts[-1])
            )
    return tuple(re.compile(p, re.DOTALL) for p in sorted(patterns))


def csp_for(html: str) -> str:
    """The policy for one page: its theme inline scripts by hash, nothing else inline."""
    hashes = sorted(
        {
            _sha256(body)
            for body in _INLINE_SCRIPT.findall(html)
            if any(p.fullmatch(body) for p in theme_scripts())
        }
    )
    return CSP.format(hashes=" ".join(f"'sha256-{h}'" for h in hashes)).replace("  ", " ")


def add_csp(html: str) -> str:
    """The page with its Content-Security-Policy as the first element of <head>, before any
    script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp_for(html)}">'
    return _HEAD.sub(lambda m: f"<head>\n    {m.group(1) or ''}\n    {meta}", html, count=1)


def search_until(html: str, heading: object) -> str:
    """The page's HTML with everything from its heading of id `heading` on out of the search
    index (Pagefind's data-pagefind-ignore): what a search finds of the page is what comes
    before it. A page without that heading is indexed whole."""
    if not isinstance(heading, str):
        return html
    cut = html.find(f'<h2 id="{escape(heading)}"')
    if cut < 0:
        return html
    return f'{html[:cut]}<div data-pagefind-ignore="all">\n{html[cut:]}\n</div>'


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


class DigestPluginConfig(MkDocsBaseConfig):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """The plugin takes no options."""


class DigestPlugin(BasePlugin[DigestPluginConfig]):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """Escapes front matter for Material's templates and adds the CSP to every page.

    It also keeps MkDocs' memory flat in the number of pages: MkDocs renders every page's Markdown
    before it writes any, and keeps each page's source and HTML to the end (at 10,000 stories,
    over 500 MB). Between the two passes a page's HTML is held compressed, its source is dropped
    once rendered, and both are let go once the page is written. The pages come out the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self._held: dict[str, bytes] = {}  # a rendered page's HTML, compressed, by source path
        # For a dirty build (mkdocs_build.py): the docs files whose bytes are those of the last
        # build; they are neither rendered nor copied again while their output is there.
        self.unchanged: frozenset[str] | None = None
        self._in_nav: frozenset[str] = frozenset()  # the pages of the nav, which every page shows

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self._in_nav = frozenset(page.file.src_uri for page in nav.pages)
        return nav

    def on_files(self, files: Any, *, config: Any) -> Any:
        if self.unchanged is not None:
            for file in files:
                again = file.src_uri not in self.unchanged or not os.path.isfile(file.abs_dest_path)
                file.is_modified = functools.partial(bool, again)  # instead of file times
        return files

    def on_pre_build(self, *, config: Any) -> None:
        self._held.clear()  # `mkdocs serve` builds again with the same plugin

    @event_priority(-100)  # after every other plugin has read the front matter as plain text
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        escape_meta(page.meta)
        return markdown

    @event_priority(-100)  # last: every other plugin has seen the HTML
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        html = search_until(html, page.meta.get(SEARCH_UNTIL))
        self._held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""  # rendered: only `page.title` looks at it again, and our pages have one
        for key in DATA_KEYS:  # Digest's index, which no template prints (50,000 pages: ~400 MB)
            page.meta.pop(key, None)
        return ""

    @event_priority(100)  # first: other plugins see the page's HTML
    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        held = self._held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8")
        return context

    @event_priority(-100)  # last: the page as it is served
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        page.content = None  # written: only its anchors are read again (validation)
        if page.file.src_uri not in self._in_nav:  # no other page shows its front matter
            page.meta = {k: v for k, v in page.meta.items() if k == "title"}
            page.toc = page.toc.__class__([])
        return add_csp(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return (
            add_csp(output_content) if template_name.endswith(".html") else output_content
        )  # 404.html
