"""Digest's MkDocs plugin (`plugins: [digest]` in mkdocs.yml): front matter escaped once, and a CSP.

Material's templates print front-matter values into HTML as they are: `{{ page.meta.title }}` in
`<title>` and the header, `{{ page.meta.description }}` inside `content="…"`, `{{ page.title }}` in
tag listings. A headline such as `Mayor <script>…</script> resigns` would run there. So before any
template renders, every string value of a page's front matter (but the keys that steer the build,
below) becomes `markupsafe.Markup(escape(value))`: printed raw it is escaped once, and Jinja's `| e`
leaves it as it is, so it is never escaped twice. Tag names, which the tags plugin keys on, stay
plain and are printed with `| e` by our copies of Material's two tag partials
(site_config/overrides).

Every page also gets a Content-Security-Policy `<meta>` as the first element of its `<head>`:
scripts only from the site itself, plus the theme's own inline scripts, allowed by their SHA-256
hashes. A theme script is recognised by its text: it must equal one of the inline scripts in
Material's templates, where a template expression (`{{ base_url }}`) may stand only for text without
quotes or markup. Nothing from a source can match one, so an injected inline script would not run
even if it got into a page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.base import Config as MkDocsBaseConfig
from mkdocs.plugins import BasePlugin, event_priority

# Front-matter keys that steer MkDocs, Material or our templates rather than being printed as text.
CONTROL_KEYS = frozenset(
    {"template", "hide", "tags", "search", "redirect", "date", "id", "status", "icon"}
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


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


class DigestPluginConfig(MkDocsBaseConfig):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """The plugin takes no options."""


class DigestPlugin(BasePlugin[DigestPluginConfig]):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """Escapes front matter for Material's templates and adds the CSP to every page."""

    @event_priority(-100)  # after every other plugin has read the front matter as plain text
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        escape_meta(page.meta)
        return markdown

    @event_priority(-100)  # last: the page as it is served
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return add_csp(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return (
            add_csp(output_content) if template_name.endswith(".html") else output_content
        )  # 404.html
