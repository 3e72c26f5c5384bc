// Load the explorers' code when the reader comes near an explorer, not with the page.
//
// The ipywidgets HTML manager is 1.9 MB of script (457 kB compressed) and drawing the
// explorers keeps the main thread busy; a reader who only reads the text above the first
// explorer needs none of it, nor the explorers' frames. The page names the script that
// holds its widget state (_ext/widget_state.py) and the manager in <script data-on-demand>
// tags of a type the browser neither fetches nor runs. Until then each explorer shows its
// still poster (_ext/explorer_posters.py). Once an explorer comes within a quarter of a
// screen of the viewport, or the reader presses a key or taps (an explorer may be reached
// by Tab or by a link), those scripts are loaded in order. The
// manager renders on the window's "load" event; when it arrives after that event, it is
// started at once instead.
(function () {
  "use strict";
  var VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';
  var pending = Array.prototype.slice.call(document.querySelectorAll("script[data-on-demand]"));
  var views = document.querySelectorAll(VIEW);
  if (!pending.length || !views.length) {
    return;
  }
  var started = false;
  var observer = null;

  function runLateLoadListeners(script) {
    // While an on-demand script runs, a "load" listener it adds after the page's load
    // event is called right away (asynchronously, as the event would have been).
    var add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      if (type === "load" && document.currentScript === script && document.readyState === "complete") {
        window.setTimeout(function () {
          listener.call(window, new Event("load"));
        }, 0);
        return;
      }
      return add.call(window, type, listener, options);
    };
    return function restore() {
      window.addEventListener = add;
    };
  }

  function loadNext(index) {
    if (index === pending.length) {
      return;
    }
    var script = document.createElement("script");
    script.src = pending[index].src;
    var restore = runLateLoadListeners(script);
    script.onload = function () {
      restore();
      loadNext(index + 1);
    };
    script.onerror = function () {
      restore();
      console.error("could not load " + script.src + ": the explorers stay inactive");
    };
    document.head.appendChild(script);
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    if (observer) {
      observer.disconnect();
    }
    document.removeEventListener("keydown", start, true);
    document.removeEventListener("pointerdown", start, true);
    loadNext(0);
  }

  document.addEventListener("keydown", start, true);
  document.addEventListener("pointerdown", start, true);
  if (!("IntersectionObserver" in window)) {
    start();
    return;
  }
  observer = new IntersectionObserver(
    function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        start();
      }
    },
    { rootMargin: "0px 0px 25% 0px" }
  );
  views.forEach(function (view) {
    if (view.parentElement) {
      observer.observe(view.parentElement);
    }
  });
})();
