"""The any-two overlay: 2N + 1 transparent pictures in one grid cell, two linked stacks."""

from __future__ import annotations

import base64
import io
import re

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image


def _pictures(html_value: str) -> list[tuple[Image.Image, str]]:
    found = re.findall(r'src="data:image/png;base64,([^"]+)" alt="([^"]+)"', html_value)
    return [
        (Image.open(io.BytesIO(base64.b64decode(data))).convert("RGBA"), alt) for data, alt in found
    ]


def test_few_choices_give_button_rows_and_two_stacks_over_one_base():
    box = ab.overlay_explorer(["relu", "tanh", "sigmoid"], first="tanh")
    first, second, grid = box.children
    assert isinstance(first, widgets.ToggleButtons) and isinstance(second, widgets.ToggleButtons)
    assert first.index == 1 and second.index == 1  # the second defaults to the second choice
    assert [label for label, _ in first.options] == ["relu", "tanh", "sigmoid"]
    assert isinstance(grid, widgets.GridBox)
    base, stack_1, stack_2 = grid.children
    assert all(len(s.children) == 3 for s in (stack_1, stack_2))
    # Everything sits in the same grid cell, so the pictures lie on top of each other.
    assert grid.layout.grid_template_areas == '"overlay"'
    assert {w.layout.grid_area for w in grid.children} == {"overlay"}
    assert [(link.source[0], link.target[0]) for link in box.links] == [
        (first, stack_1),
        (second, stack_2),
    ]
    assert all(
        link.source[1] == "index" and link.target[1] == "selected_index" for link in box.links
    )


def test_many_choices_give_menus_and_only_2n_plus_1_pictures():
    choices = ab.names()[:12]
    box = ab.overlay_explorer(choices, first="relu", second="leaky_relu")
    menus, grid = box.children[:2], box.children[2]
    assert all(isinstance(m, widgets.Dropdown) for m in menus)
    assert menus[0].options[menus[0].index][0] == ab.get("relu").title
    pictures = [grid.children[0]] + [p for stack in grid.children[1:] for p in stack.children]
    assert len(pictures) == 2 * len(choices) + 1
    assert all(len(_pictures(p.value)) == 1 for p in pictures)


def test_layers_are_transparent_and_aligned_with_the_base():
    box = ab.overlay_explorer(["relu", "tanh"])
    base, stack_1, stack_2 = box.children[2].children
    ((base_image, base_alt),) = _pictures(base.value)
    assert "Axes of the overlay" in base_alt
    assert base_image.getchannel("A").getextrema() == (255, 255)  # opaque
    sizes = {base_image.size}
    for which, stack in enumerate((stack_1, stack_2)):
        for layer, record in zip(stack.children, (ab.get("relu"), ab.get("tanh")), strict=True):
            ((image, alt),) = _pictures(layer.value)
            sizes.add(image.size)
            alpha = np.asarray(image.getchannel("A"))
            assert alpha.min() == 0 and alpha.max() >= 240  # a curve on a clear background
            assert (alpha > 0).mean() < 0.1
            assert record.title in alt
            assert ab.OVERLAY_STYLES[which]["words"].capitalize() in alt
    assert len(sizes) == 1


def test_layer_draws_its_style_colour():
    box = ab.overlay_explorer(["relu", "identity"])
    for which, stack in enumerate(box.children[2].children[1:]):
        ((image, _),) = _pictures(stack.children[0].value)
        pixels = np.asarray(image)
        solid = pixels[pixels[..., 3] >= 240][:, :3]
        expected = np.array(
            [int(ab.OVERLAY_STYLES[which]["color"][i : i + 2], 16) for i in (1, 3, 5)]
        )
        assert len(solid) and np.abs(solid.astype(int) - expected).max(axis=1).min() <= 8


def test_slices_of_vector_activations_are_named():
    box = ab.overlay_explorer(["relu", "softmax"])
    ((_, alt),) = _pictures(box.children[2].children[1].children[1].value)
    assert ab.get("softmax").curve_label in alt


def test_bad_arguments_name_the_parameter():
    with pytest.raises(ValueError, match="choices"):
        ab.overlay_explorer(["relu"])
    with pytest.raises(ValueError, match="first"):
        ab.overlay_explorer(["relu", "tanh"], first="elu")
    with pytest.raises(ValueError, match="ylim"):
        ab.overlay_explorer(["relu", "tanh"], ylim=(1.0, 0.0))


def test_each_control_drives_its_stack_in_a_live_kernel_too():
    box = ab.overlay_explorer(["relu", "tanh", "sigmoid"])
    first, second, grid = box.children
    _, stack_1, stack_2 = grid.children
    assert len(box.kernel_links) == 2
    first.index = 2
    assert (stack_1.selected_index, stack_2.selected_index) == (2, 1)
    second.index = 0
    assert (stack_1.selected_index, stack_2.selected_index) == (2, 0)
