"""Explorers: nested stacks of pictures, each level linked to one control."""

from __future__ import annotations

import html

import actbook as ab
import ipywidgets as widgets
import pytest
from actbook.figures._widgets import labelled
from ipywidgets.widgets.widget_link import DirectionalLink


def test_explorer_builds_one_frame_per_combination_and_links_every_stack():
    drawn = []

    def draw(ax, a, b):
        drawn.append((a, b))
        ax.plot([0, 1], [a, b])

    box = ab.explorer(
        draw,
        [ab.Control("a", [1, 2, 3], default=2), ab.Control("b", [False, True])],
        alt=lambda v: f"line from {v['a']} to {v['b']}",
    )
    assert sorted(drawn) == sorted((a, b) for a in [1, 2, 3] for b in [False, True])
    slider, toggle, outer = box.children
    assert isinstance(slider, widgets.SelectionSlider)
    assert slider.index == 1 and slider.value == 2
    assert isinstance(toggle, widgets.ToggleButtons) and toggle.index == 0
    assert isinstance(outer, widgets.Stack) and outer.selected_index == 1
    inner = outer.children
    assert len(inner) == 3 and all(isinstance(s, widgets.Stack) for s in inner)
    pictures = [p for s in inner for p in s.children]
    assert len(pictures) == 6
    assert all('alt="line from' in p.value for p in pictures)
    links = box.links
    assert all(isinstance(link, DirectionalLink) for link in links)
    pairs = {(link.source[0].model_id, link.target[0].model_id) for link in links}
    assert (slider.model_id, outer.model_id) in pairs
    assert {(toggle.model_id, s.model_id) for s in inner} <= pairs
    assert len(links) == 4
    assert all(link.source[1] == "index" and link.target[1] == "selected_index" for link in links)


def test_explorer_stacks_follow_their_controls_in_the_kernel():
    """With no browser to run the jsdlinks, the kernel-side links still switch pictures."""
    box = ab.explorer(
        lambda ax, a, b: ax.plot([0, 1], [a, b]),
        [ab.Control("a", [1, 2, 3]), ab.Control("b", [False, True])],
        alt=lambda v: f"line from {v['a']} to {v['b']}",
    )
    slider, toggle, outer = box.children

    def shown() -> str:
        inner = outer.children[outer.selected_index]
        return inner.children[inner.selected_index].value

    assert "line from 1 to False" in shown()
    slider.value = 3
    assert outer.selected_index == 2
    assert "line from 3 to False" in shown()
    toggle.value = True
    assert [s.selected_index for s in outer.children] == [1, 1, 1]
    assert "line from 3 to True" in shown()
    # The links go one way: a stack set by hand leaves its control alone.
    outer.selected_index = 0
    assert slider.index == 2
    assert len(box.kernel_links) == len(box.links) == 4


def test_explorer_refuses_heavy_pages():
    with pytest.raises(ValueError, match="max_frames"):
        ab.explorer(
            lambda ax, a, b: None,
            [ab.Control("a", list(range(10))), ab.Control("b", list(range(10)))],
            alt=str,
        )


def test_explorer_rejects_bad_controls():
    with pytest.raises(ValueError, match="controls"):
        ab.explorer(lambda ax: None, [], alt=str)
    with pytest.raises(ValueError, match="repeated"):
        ab.explorer(lambda ax, a: None, [ab.Control("a", [1]), ab.Control("a", [2])], alt=str)
    with pytest.raises(ValueError, match="default of control 'a'"):
        ab.Control("a", [1, 2], default=3)
    with pytest.raises(ValueError, match="control 'a'"):
        ab.Control("a", [])


def test_control_readouts():
    assert ab.Control("w", [0.5, 1.0]).readout(0.5) == "0.5"
    assert ab.Control("d", [False, True]).readout(True) == "on"
    assert ab.Control("n", ["relu"], fmt=str.upper).readout("relu") == "RELU"


def test_activation_explorer_offers_parameters_weight_bias_and_derivative():
    box = ab.activation_explorer("leaky_relu", weights=[1.0, 2.0], biases=[0.0, 1.0])
    *controls, _ = box.children
    names = [c.description for c in controls]
    assert names == ["negative_slope", "weight", "bias", "derivative"]
    slope = controls[0]
    assert slope.value == ab.get("leaky_relu").defaults["negative_slope"]
    assert controls[1].value == 1.0 and controls[2].value == 0.0


def test_activation_explorer_frames_match_the_plot_helper():
    box = ab.activation_explorer("sigmoid", derivative_toggle=False, biases=[0.0])
    picture = box.children[-1].children[0]
    expected = ab.activation_figure("sigmoid").png
    assert ab.Picture(expected, "x").html().split('"')[1] in picture.value


def test_activation_explorer_toggles_between_activations_that_share_parameters():
    box = ab.activation_explorer(
        ["softshrink", "hardshrink"], parameter_values=3, derivative_toggle=False, xlim=(-4, 4)
    )
    toggle, slider, stack = box.children
    assert isinstance(toggle, widgets.ToggleButtons) and toggle.description == "activation"
    assert [value for _, value in toggle.options] == ["softshrink", "hardshrink"]
    assert [value for _, value in slider.options] == [0.0, 0.5, 1.0, 2.0]
    assert slider.value == 0.5  # the registry's default
    # Outer stack: the activation; inner stacks: lambda. Each frame draws its own pair.
    assert len(stack.children) == 2 and all(len(s.children) == 4 for s in stack.children)
    for outer, name in zip(stack.children, ["softshrink", "hardshrink"], strict=True):
        for frame, lambd in zip(outer.children, [0.0, 0.5, 1.0, 2.0], strict=True):
            alt = ab.activation_alt_text(name, {"lambd": lambd}, xlim=(-4, 4))
            assert html.escape(alt) in frame.value
            fig, ax = ab.new_figure()
            ab.plot_activation(ax, name, {"lambd": lambd}, xlim=(-4, 4))
            expected = ab.Picture(ab.png_bytes(fig), "x").html().split('"')[1]
            assert expected in frame.value
    # One name in a list is one activation, without a toggle.
    single = ab.activation_explorer(["softshrink"], derivative_toggle=False)
    assert not any(isinstance(w, widgets.ToggleButtons) for w in single.children)


def test_activation_explorer_refuses_activations_with_different_parameters():
    with pytest.raises(ValueError, match=r"'activation'.*softshrink has \['lambd'\]"):
        ab.activation_explorer(["softshrink", "elu"])
    with pytest.raises(ValueError, match="'activation'"):
        ab.activation_explorer([])


def test_named_choices_get_toggle_buttons_and_numbers_a_slider():
    names = ab.Control("activation", ["relu", "tanh"]).widget()
    numbers = ab.Control("w", [1, 2.5]).widget()
    assert isinstance(names, widgets.ToggleButtons) and names.value == "relu"
    assert isinstance(numbers, widgets.SelectionSlider) and numbers.value == 1


@pytest.mark.parametrize(
    "control",
    [
        widgets.SelectionSlider(options=[1, 2]),
        widgets.ToggleButtons(options=["a", "b"]),
        widgets.Dropdown(options=["a", "b"]),
    ],
    ids=["slider", "toggle buttons", "dropdown"],
)
def test_labelled_makes_the_visible_label_plain_text_and_the_tooltip(control):
    assert labelled(control, "weight") is control
    assert control.description == "weight"
    assert control.description_allow_html is False
    assert control.tooltip == "weight"
    assert control.style.description_width == "8em"


def test_every_explorer_control_is_labelled_by_its_label_or_name():
    box = ab.explorer(
        lambda ax, w, kind: None,
        [ab.Control("w", [1, 2], label="weight w"), ab.Control("kind", ["a", "b"])],
        alt=lambda values: "a picture",
    )
    controls = box.children[:2]
    assert [c.description for c in controls] == ["weight w", "kind"]
    assert [c.tooltip for c in controls] == ["weight w", "kind"]
    assert not any(c.description_allow_html for c in controls)


@pytest.mark.parametrize("label", ["", "   ", None, 3])
def test_labelled_refuses_an_empty_or_non_string_label(label):
    with pytest.raises(ValueError, match="parameter 'label'"):
        labelled(widgets.Dropdown(options=["a"]), label)


def test_labelled_refuses_a_widget_without_a_description():
    with pytest.raises(ValueError, match="parameter 'control'"):
        labelled(widgets.Image(), "picture")
