"""The vanishing-gradients explorer: one frame per pair, alt text from the numbers."""

import pytest
from actbook import gradient_flow, gradient_flow_explorer


def test_explorer_has_one_frame_per_pair_and_alt_text():
    flows = [
        gradient_flow(a, i, depth=4, width=16) for a in ("tanh", "relu") for i in ("xavier", "he")
    ]
    box = gradient_flow_explorer(flows)
    activation_buttons, init_buttons, pictures = box.children
    assert [o[0] for o in activation_buttons.options] == ["tanh", "relu"]
    assert [o[0] for o in init_buttons.options] == ["xavier", "he"]
    frame = pictures.children[1].children[0].value
    assert 'alt="Two panels for a 4-layer network of relu units with xavier' in frame


def test_explorer_needs_every_pair():
    flows = [gradient_flow("tanh", "xavier", depth=3, width=8)]
    flows.append(gradient_flow("relu", "he", depth=3, width=8))
    with pytest.raises(ValueError, match="lacks"):
        gradient_flow_explorer(flows)
