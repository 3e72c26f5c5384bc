"""The explorer_posters extension: a still copy of each explorer, read from its state.

The unit tests render small made-up widget states; the book test checks that every
explorer of the built book has a poster showing the picture the live explorer starts on.
"""

from __future__ import annotations

import explorer_posters
import pytest
from bs4 import BeautifulSoup
from conftest import BuildResult
from test_page_budget import every_page

VIEW = '<script type="application/vnd.jupyter.widget-view+json">{"model_id": "box"}</script>'


def _model(name: str, **state) -> dict:
    return {"model_name": name, "state": state}


def _state(**models) -> dict:
    return {"state": models}


STATE = _state(
    box=_model(
        "VBoxModel",
        children=["IPY_MODEL_slider", "IPY_MODEL_toggle", "IPY_MODEL_stack"],
        layout="IPY_MODEL_box_layout",
    ),
    box_layout=_model("LayoutModel", align_items="flex-start"),
    slider=_model(
        "SelectionSliderModel", description="weight", _options_labels=["0.5", "1"], index=1
    ),
    toggle=_model(
        "ToggleButtonsModel", description="derivative", _options_labels=["off", "on"], index=0
    ),
    stack=_model("StackModel", children=["IPY_MODEL_first", "IPY_MODEL_second"], selected_index=1),
    first=_model("HTMLModel", value='<img src="data:image/png;base64,AA" alt="first frame" />'),
    second=_model("HTMLModel", value='<img src="data:image/png;base64,BB" alt="second frame" />'),
)


def test_a_poster_shows_the_selected_frame_and_the_settings() -> None:
    body = f"<p>text</p>{VIEW}<p>after</p>"
    out = explorer_posters.posters_after_views(body, STATE)
    assert out.startswith(f"<p>text</p>{VIEW}") and out.endswith("<p>after</p>")
    soup = BeautifulSoup(out, "html.parser")
    [poster] = soup.select(".explorer-poster")
    assert [img["alt"] for img in poster.find_all("img")] == ["second frame"]
    controls = poster.select(".explorer-poster-control")
    assert [c.get_text(" ", strip=True) for c in controls] == ["weight 1", "derivative off"]
    assert all(c["aria-hidden"] == "true" for c in controls)  # they cannot be operated
    assert "explorer-poster-buttons" in controls[1]["class"]
    box = poster.select_one(".explorer-poster-box")
    assert "flex-direction:column" in box["style"] and "align-items:flex-start" in box["style"]


def test_overlay_layers_share_their_grid_cell() -> None:
    state = _state(
        box=_model(
            "GridBoxModel", children=["IPY_MODEL_base", "IPY_MODEL_layer"], layout="IPY_MODEL_grid"
        ),
        grid=_model("LayoutModel", grid_template_areas='"overlay"'),
        base=_model("HTMLModel", value='<img alt="axes" />', layout="IPY_MODEL_cell"),
        layer=_model(
            "StackModel", children=["IPY_MODEL_curve"], selected_index=0, layout="IPY_MODEL_cell"
        ),
        cell=_model("LayoutModel", grid_area="overlay"),
        curve=_model("HTMLModel", value='<img alt="curve" />'),
    )
    soup = BeautifulSoup(explorer_posters.posters_after_views(VIEW, state), "html.parser")
    grid = soup.select_one(".explorer-poster-grid")
    assert grid["style"] == 'display:grid;grid-template-areas:"overlay"'
    cells = grid.find_all("div", recursive=False)
    assert [c["style"] for c in cells] == ["grid-area:overlay"] * 2
    assert [img["alt"] for img in grid.find_all("img")] == ["axes", "curve"]


def test_a_view_without_its_model_or_with_bad_json_is_left_alone() -> None:
    assert explorer_posters.posters_after_views(VIEW, _state()) == VIEW
    broken = VIEW.replace('{"model_id": "box"}', "{not json")
    assert explorer_posters.posters_after_views(broken, STATE) == broken


def test_text_of_a_label_is_escaped() -> None:
    state = _state(box=_model("LabelModel", value="<b>x</b> & y"))
    out = explorer_posters.posters_after_views(VIEW, state)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in out


@pytest.mark.book
def test_every_explorer_has_a_poster_of_its_first_frame(built_book: BuildResult) -> None:
    checked = 0
    for page in every_page(built_book.html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        views = soup.find_all("script", attrs={"type": explorer_posters.WIDGET_VIEW})
        for view in views:
            poster = view.find_next_sibling()
            assert poster is not None and "explorer-poster" in poster.get("class", []), page.name
            pictures = poster.find_all("img")
            assert pictures and all(img.get("alt") for img in pictures), page.name
            checked += 1
    assert checked >= 30
