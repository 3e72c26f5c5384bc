// Accessible names for the explorers' controls, taken from their visible labels.
//
// The ipywidgets HTML manager draws each control's description as a <label> beside it but
// ties it only to native inputs (a dropdown's <select>). A slider is a noUiSlider handle
// (role="slider") with no name, whose aria-valuetext is its option index rather than the
// value the readout shows; a row of toggle buttons is a plain <div>. Once the manager has
// drawn a control, this script names the handle and the button row by the label
// (aria-labelledby), speaks the slider's readout as its value, and marks the pressed
// toggle button. It touches no widget state: the plots still follow the controls alone.
(function () {
  "use strict";
  var counter = 0;

  function labelOf(control) {
    var label = control.querySelector(":scope > label.widget-label");
    if (!label || !label.textContent.trim()) {
      return null;
    }
    if (!label.id) {
      counter += 1;
      label.id = "book-control-label-" + counter;
    }
    return label;
  }

  function nameSlider(control) {
    var label = labelOf(control);
    var handle = control.querySelector(".noUi-handle");
    var readout = control.querySelector(".widget-readout");
    if (!label || !handle) {
      return;
    }
    handle.setAttribute("aria-labelledby", label.id);
    if (readout && handle.getAttribute("aria-valuetext") !== readout.textContent) {
      handle.setAttribute("aria-valuetext", readout.textContent);
    }
  }

  function nameToggles(control) {
    var label = labelOf(control);
    var row = control.querySelector(":scope > div");
    if (!label || !row) {
      return;
    }
    row.setAttribute("role", "group");
    row.setAttribute("aria-labelledby", label.id);
    row.querySelectorAll("button").forEach(function (button) {
      var pressed = button.classList.contains("mod-active") ? "true" : "false";
      if (button.getAttribute("aria-pressed") !== pressed) {
        button.setAttribute("aria-pressed", pressed);
      }
    });
  }

  function nameControls() {
    // The manager writes a missing tooltip as the title "null".
    document.querySelectorAll('label.widget-label[title="null"]').forEach(function (label) {
      label.removeAttribute("title");
    });
    document.querySelectorAll(".widget-slider").forEach(nameSlider);
    document.querySelectorAll(".widget-toggle-buttons").forEach(nameToggles);
    document.querySelectorAll(".widget-dropdown").forEach(labelOf);
  }

  var scheduled = false;
  new MutationObserver(function () {
    // One pass per burst of changes (a drag changes the readout many times).
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        nameControls();
      });
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["class", "aria-valuenow"],
  });
})();
