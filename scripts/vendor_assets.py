"""Copy the pinned third-party browser assets from node_modules into _vendor/.

The book serves MathJax and the ipywidgets HTML manager from its own site so that a
built page makes no request to another host. `npm ci` installs the exact versions in
package-lock.json; this script copies only the files a page can load. It is run by
`make vendor` and is idempotent.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "_vendor"

#: The ipywidgets HTML manager bundle (controls included) and the icon fonts its CSS uses.
HTML_MANAGER = NODE_MODULES / "@jupyter-widgets" / "html-manager" / "dist"
HTML_MANAGER_PATTERNS = (
    "embed.js",
    "embed.js.LICENSE.txt",
    "*.woff2",
    "*.woff",
    "*.ttf",
    "*.eot",
    "*.svg",
)

#: MathJax 3: the TeX-to-CHTML component and what it loads on demand (TeX extensions,
#: CHTML fonts, the menu and accessibility code).
MATHJAX = NODE_MODULES / "mathjax" / "es5"
MATHJAX_ITEMS = ("tex-chtml.js", "input", "output", "a11y", "ui", "adaptors", "sre")


def copy_assets() -> list[Path]:
    """Copy the assets into ``_vendor``; return the top-level paths written."""
    if not HTML_MANAGER.is_dir() or not MATHJAX.is_dir():
        sys.exit("node_modules is missing: run `npm ci` first (or `make vendor`).")
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    written = []
    manager_target = VENDOR / "html-manager"
    manager_target.mkdir(parents=True)
    for pattern in HTML_MANAGER_PATTERNS:
        for source in sorted(HTML_MANAGER.glob(pattern)):
            shutil.copy2(source, manager_target / source.name)
    written.append(manager_target)
    mathjax_target = VENDOR / "mathjax"
    mathjax_target.mkdir(parents=True)
    for item in MATHJAX_ITEMS:
        source = MATHJAX / item
        if source.is_dir():
            shutil.copytree(source, mathjax_target / item)
        else:
            shutil.copy2(source, mathjax_target / item)
    shutil.copy2(NODE_MODULES / "mathjax" / "LICENSE", mathjax_target / "LICENSE")
    written.append(mathjax_target)
    return written


if __name__ == "__main__":
    for path in copy_assets():
        print(f"vendored {path.relative_to(ROOT)}")
