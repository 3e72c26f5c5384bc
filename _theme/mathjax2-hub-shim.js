// The ipywidgets HTML manager typesets widget labels through the MathJax 2 API
// (MathJax.Hub.Queue); the book loads MathJax 3. Before the widgets render (on "load"),
// give MathJax 3 a Hub.Queue that forwards to its own typesetter.
document.addEventListener("DOMContentLoaded", function () {
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
});
