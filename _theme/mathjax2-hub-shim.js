// The ipywidgets HTML manager typesets widget labels through the MathJax 2 API
// (MathJax.Hub.Queue); the book loads MathJax 3. Before the widgets render, give MathJax 3
// a Hub.Queue that forwards to its own typesetter. MathJax is deferred, so it has run by
// DOMContentLoaded; when this shim is itself loaded later (with the explorers, on
// demand), it installs the forwarder at once.
(function () {
  function install() {
    var mathjax = window.MathJax;
    if (!mathjax || mathjax.Hub) {
      return;
    }
    mathjax.Hub = {
      Queue: function (job) {
        var element = job && job[2];
        var ready = mathjax.startup && mathjax.startup.promise;
        if (!ready || !element) {
          return;
        }
        ready.then(function () {
          return mathjax.typesetPromise([element]);
        });
      },
    };
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", install);
  } else {
    install();
  }
})();
