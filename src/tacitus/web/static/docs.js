// Try-out forms of the API page: fill the path template, send the request, show the answer.
// The answer is shown with textContent, never parsed as HTML.
"use strict";
document.querySelectorAll("form.tryout").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var path = form.dataset.path;
    var query = new URLSearchParams();
    form.querySelectorAll("input[data-in]").forEach(function (input) {
      if (!input.value) { return; }
      if (input.dataset.in === "path") {
        path = path.replace("{" + input.name + "}", encodeURIComponent(input.value));
      } else {
        query.append(input.name, input.value);
      }
    });
    var url = path + (query.toString() ? "?" + query.toString() : "");
    var options = { method: form.dataset.method, headers: {} };
    var body = form.querySelector("textarea[name=__body]");
    if (body) {
      options.body = body.value;
      options.headers["Content-Type"] = "application/json";
    }
    form.querySelector(".url-preview").textContent = form.dataset.method + " " + url;
    var out = form.querySelector("pre.response");
    out.hidden = false;
    out.textContent = "…";
    fetch(url, options).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      return response.text().then(function (text) {
        if (type.indexOf("json") >= 0) {
          try { text = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* shown as received */ }
        }
        out.textContent = response.status + " " + response.statusText + "\n\n" + text.slice(0, 20000);
      });
    }).catch(function (error) { out.textContent = String(error); });
  });
});
