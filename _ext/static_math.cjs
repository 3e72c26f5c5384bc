// Typeset the book's formulas with MathJax 3 (CommonHTML output) in Node, for static_math.py.
//
// One run serves a whole build. It reads a JSON request from stdin:
//   {"mathjax": "<folder of the mathjax package>", "fontURL": "<URL of its woff-v2 fonts>",
//    "pages": [[{"tex": "...", "display": true}, ...], ...]}
// and writes one JSON answer to stdout, page by page:
//   {"pages": [{"html": ["<mjx-container ...>", ...], "css": "...",
//               "errors": [{"index": 3, "message": "Undefined control sequence \\foo"}]}]}
// Each page gets the stylesheet of its own formulas only (MathJax's adaptive CSS is reset
// between pages). A TeX error is reported for its formula instead of being drawn in red.
"use strict";

function readStdin() {
  return new Promise(function (resolve, reject) {
    var chunks = [];
    process.stdin.on("data", function (chunk) {
      chunks.push(chunk);
    });
    process.stdin.on("end", function () {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    process.stdin.on("error", reject);
  });
}

function startMathJax(request) {
  return require(request.mathjax).init({
    loader: { load: ["input/tex", "output/chtml", "a11y/assistive-mml"] },
    tex: {
      // Without noundefined an unknown macro is an error, not red text in the page.
      packages: { "[-]": ["noundefined"] },
      formatError: function (jax, error) {
        throw error;
      },
    },
    chtml: { fontURL: request.fontURL },
    // Screen readers read the MathML; the drawn formula is hidden from them.
    options: { enableAssistiveMml: true },
    startup: { typeset: false },
  });
}

async function typesetPage(MathJax, formulas) {
  var adaptor = MathJax.startup.adaptor;
  var page = { html: [], css: "", errors: [] };
  // Forget the characters and wrappers the previous page used: its CSS is its own.
  MathJax.startup.output.clearCache();
  MathJax.texReset();
  for (var index = 0; index < formulas.length; index++) {
    var formula = formulas[index];
    try {
      var node = await MathJax.tex2chtmlPromise(formula.tex, { display: formula.display });
      page.html.push(adaptor.outerHTML(node));
    } catch (error) {
      page.html.push("");
      page.errors.push({ index: index, message: String((error && error.message) || error) });
    }
  }
  if (page.html.length) {
    page.css = adaptor.textContent(MathJax.chtmlStylesheet());
  }
  return page;
}

async function main() {
  var request = JSON.parse(await readStdin());
  var MathJax = await startMathJax(request);
  var pages = [];
  for (var formulas of request.pages) {
    pages.push(await typesetPage(MathJax, formulas));
  }
  process.stdout.write(JSON.stringify({ pages: pages }));
}

main().catch(function (error) {
  process.stderr.write(String((error && error.stack) || error) + "\n");
  process.exit(1);
});
