"""Every reference key the package names exists in the book's bibliography, once."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import actbook as ab

BIB = Path(__file__).resolve().parents[3] / "references.bib"
CHAPTERS = Path(__file__).resolve().parents[3] / "chapters"


def _bib_keys() -> list[str]:
    return re.findall(r"^@\w+\{([^,\s]+),", BIB.read_text(encoding="utf-8"), flags=re.M)


def test_bibliography_keys_are_unique():
    counts = collections.Counter(_bib_keys())
    assert [key for key, n in counts.items() if n > 1] == []


def test_every_registry_reference_is_in_the_bibliography():
    keys = set(_bib_keys())
    missing = {
        (activation.name, key)
        for activation in ab.registry()
        for key in activation.references
        if key not in keys
    }
    assert missing == set()


def test_every_chapter_citation_is_in_the_bibliography():
    keys = set(_bib_keys())
    cited = set()
    for chapter in CHAPTERS.glob("*.md"):
        for group in re.findall(r"\{cite:\w+\}`([^`]+)`", chapter.read_text(encoding="utf-8")):
            cited.update(key.strip() for key in group.split(","))
    assert cited, "no citation found: the test would pass vacuously"
    assert cited - keys == set()
