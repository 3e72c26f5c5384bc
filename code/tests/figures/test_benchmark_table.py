"""Tests of the benchmark-table reader."""

import io
from pathlib import Path

import actbook as ab
import pytest
from actbook.figures._benchmark_table import read_benchmark
from PIL import Image

README = Path(__file__).resolve().parents[3] / "benchmarks" / "README.md"

SAMPLE = """# Benchmarks

Some text.

## Measured

Command: `python benchmarks/bench_activations.py` on a
test machine, at commit abc.

**Caveat:** a busy
machine.

1,000 float32 values, single thread, best of 3; times in ms; copy floor (np.copyto into a \
preallocated buffer) 0.5 ms; allocating copy (x.copy()) 0.8 ms.

| activation | ours f | torch f | f ours/torch | f ours/copy |
| --- | ---: | ---: | ---: | ---: |
| identity | 1.0 | — | — | 2.00x |
| relu | 1.5 | 3.0 | 0.50x | 3.00x |

* a summary line

## Why
More text with | a pipe | table | that | is not ours |
"""


def test_reads_the_sample(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(SAMPLE)
    table = read_benchmark(path)
    assert (table.size, table.repeat) == (1000, 3)
    assert (table.copy_ms, table.allocating_copy_ms) == (0.5, 0.8)
    assert table.context.startswith("Command: `python benchmarks/bench_activations.py` on a test")
    assert table.context.endswith("at commit abc.\n\n**Caveat:** a busy machine.")
    assert table.columns[0] == "activation" and len(table.columns) == 5
    assert table.row("identity")["torch f"] is None
    assert table.row("relu") == {
        "activation": "relu",
        "ours f": 1.5,
        "torch f": 3.0,
        "f ours/torch": 0.5,
        "f ours/copy": 3.0,
    }
    assert table.ns_per_value(1.0) == pytest.approx(1000.0)
    assert table.ns_per_value(None) is None
    with pytest.raises(ValueError, match="no row"):
        table.row("gelu")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("# nothing here\n", "no '## Measured' section"),
        ("## Measured\n\n| a | b |\n| --- | --- |\n", "header line"),
        (SAMPLE.split("| activation")[0], "no table"),
    ],
)
def test_rejects_incomplete_files(tmp_path, text, match):
    path = tmp_path / "README.md"
    path.write_text(text)
    with pytest.raises(ValueError, match=match):
        read_benchmark(path)


def test_reads_the_committed_benchmark():
    table = read_benchmark(README)
    names = [row["activation"] for row in table.rows]
    assert "relu" in names and "tanh" in names
    assert table.size > 0 and table.copy_ms > 0
    assert all(row["ours f"] > 0 for row in table.rows)


def test_plot_draws_one_bar_pair_per_activation(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(SAMPLE)
    table = read_benchmark(path)
    fig, ax = ab.new_figure()
    ab.plot_benchmark(ax, table)
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    # ns per value: ours 1000 and 1500, PyTorch 0 (not measured) and 3000.
    assert widths == [0.0, 1000.0, 1500.0, 3000.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["identity", "relu"]
    fig, ax = ab.new_figure()
    ab.plot_benchmark(ax, table, names=["relu"])
    assert sorted(round(p.get_width(), 6) for p in ax.patches) == [1500.0, 3000.0]


def test_markdown_table_in_nanoseconds(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(SAMPLE)
    table = read_benchmark(path)
    rows = [{**row, "ours f'": row["ours f"], "torch f'": row["torch f"]} for row in table.rows]
    table = type(table)(**{**table.__dict__, "rows": tuple(rows)})
    text = ab.benchmark_markdown(table).text.splitlines()
    assert text[0].startswith("| activation | ours f (ns/value) |")
    assert text[2] == "| identity | 1000.00 | 1000.00 | — | — | — |"
    assert text[3] == "| relu | 1500.00 | 1500.00 | 3000.00 | 3000.00 | 0.5× |"


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(SAMPLE)
    return read_benchmark(path)


def test_context_is_quoted_paragraph_by_paragraph(sample):
    text = ab.benchmark_context_markdown(sample).text
    paragraphs = text.split("\n>\n")
    assert len(paragraphs) == 2
    assert all(p.startswith("> ") for p in paragraphs)
    assert paragraphs[1] == "> **Caveat:** a busy machine."


def test_slower_than_torch_lists_the_names_with_their_ratios(sample):
    assert [row["activation"] for row in sample.slower_than_torch(0.4)] == ["relu"]
    assert ab.slower_than_torch_markdown(sample, factor=0.4).text == "**relu** (0.5×)"
    assert ab.slower_than_torch_markdown(sample, factor=3).text == "none"


def test_benchmark_figure_alt_text_gives_the_range_and_the_floors(sample):
    alt = ab.benchmark_figure(sample).alt
    assert "of 2 activations" in alt
    # identity has no PyTorch time: relu is both the fastest and the slowest measured.
    assert "PyTorch's bars range from 3000.0 ns (relu) to 3000.0 ns (relu)." in alt
    assert alt.endswith("buffer at 500.00 ns and the copy into a new array at 800.00 ns.")
    alt = ab.benchmark_figure(sample, names=["identity"]).alt
    assert "of 1 activation," in alt and "PyTorch's bars" not in alt


def test_benchmark_figure_grows_with_the_number_of_bars(sample):
    heights = [
        Image.open(io.BytesIO(ab.benchmark_figure(sample, names=names).png)).height
        for names in (["relu"], ["identity", "relu"])
    ]
    assert heights == [round(100 * (0.32 * n + 1.3)) for n in (1, 2)]  # 100 dpi
