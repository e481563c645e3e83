// Start check: a plain script that runs before the app. Some council browsers block
// WebAssembly by policy; without this check the page would stay blank. It shows a plain
// message saying what happened and what IT can allow, and reports any start-up failure.
(function () {
  "use strict";
  function show(title, detail) {
    // This script runs in <head>, before the page body exists: wait for it.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { show(title, detail); });
      return;
    }
    var box = document.getElementById("boot");
    if (!box) return; // the app is already running
    box.setAttribute("role", "alert");
    box.innerHTML = "";
    var h = document.createElement("h1");
    h.textContent = title;
    box.appendChild(h);
    detail.forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
    });
  }
  function wasmBlocked() {
    show("Case Review Studio cannot start in this browser", [
      "This browser does not allow WebAssembly, which the app needs to run. Some organisations turn it off by policy.",
      "Ask your IT team to allow WebAssembly for this page (in Microsoft Edge and Google Chrome, the policy that disables JavaScript optimisation or WebAssembly for a site blocks it).",
      "The app sends nothing over the network: your case notes stay on this device.",
    ]);
  }
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    wasmBlocked();
    return;
  }
  // Until the app removes the "Loading" note, any uncaught error means it did not start.
  function failed(reason) {
    var text = String(reason && (reason.message || reason) || "unknown error");
    if (/WebAssembly/i.test(text) && /not defined|disabled|blocked/i.test(text)) {
      wasmBlocked();
      return;
    }
    show("Case Review Studio could not start", [
      "Something stopped the app from loading: " + text,
      "Reload the page to try again. If this keeps happening, tell whoever looks after the app. Any reviews already saved in this browser are not affected.",
    ]);
  }
  addEventListener("unhandledrejection", function (e) { failed(e.reason); });
  addEventListener("error", function (e) { failed(e.error || e.message); });
})();
