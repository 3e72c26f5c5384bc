"""The atlas table: a thumbnail, a chapter link and the computed properties per row."""

from __future__ import annotations

import base64
import io
import re

import actbook as ab
import pytest
from PIL import Image


def test_thumbnail_is_small_and_names_the_activation():
    picture = ab.atlas_thumbnail("silu")
    image = Image.open(io.BytesIO(picture.png))
    assert image.size[0] <= 200 and image.size[1] <= 120
    assert len(picture.png) < 4000
    assert picture.alt.startswith("Thumbnail of the SiLU / swish")
    assert "derivative dashed" in picture.alt


def test_thumbnail_of_a_vector_activation_names_its_slice():
    assert ab.get("glu").curve_label in ab.atlas_thumbnail("glu").alt


def test_table_has_a_row_per_activation_with_link_and_picture():
    rows = ab.atlas_rows(["relu", "softmax"])
    text = str(ab.atlas_markdown(rows))
    lines = text.splitlines()
    assert len(lines) == 2 + 2
    relu, softmax = lines[2], lines[3]
    assert "[Rectified linear unit (ReLU)](./relu.md)" in relu
    assert '`ab.get("relu")`' in relu
    assert "| [0, ∞) | {0, 1} |" in relu
    assert "[Softmax](./softmax.md)\\*" in softmax  # properties of the plotted slice
    for line, title in ((relu, "Rectified linear unit (ReLU)"), (softmax, "Softmax")):
        ((data, alt),) = re.findall(r'src="data:image/png;base64,([^"]+)" alt="([^"]+)"', line)
        Image.open(io.BytesIO(base64.b64decode(data))).verify()
        assert title in alt


def test_cost_column_reads_the_benchmark_where_measured(tmp_path):
    bench = ab.BenchmarkTable(
        size=10,
        repeat=1,
        copy_ms=1.0,
        allocating_copy_ms=1.0,
        context="",
        columns=("activation", "ours f"),
        rows=({"activation": "relu", "ours f": 1.5e-5},),
    )
    rows = ab.atlas_rows(["relu", "gelu"])
    relu, gelu = str(ab.atlas_markdown(rows, benchmark=bench)).splitlines()[2:]
    assert relu.rstrip(" |").endswith("0; 1.5 ns")  # 1.5e-5 ms over 10 values
    assert gelu.rstrip(" |").endswith("| 1")  # one erf, not measured here


def test_bad_rows_are_refused():
    with pytest.raises(ValueError, match="rows"):
        ab.atlas_markdown([{"name": "relu"}])
    with pytest.raises(ValueError, match="rows"):
        ab.atlas_markdown([])
