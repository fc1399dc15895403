/*
 * Quick exit ("Snel weg") for sensitive pages.
 *
 * Three ways to leave: the button, the second skip link, and Shift pressed three times.
 * On leaving, the page is blanked at once and then replaced by the neutral site with
 * location.replace, so this page is not the Back entry. Without JavaScript the links
 * still lead to the neutral site (as a normal visit).
 *
 * Modelled on GOV.UK Frontend's "Exit this page" (MIT). This does not erase history:
 * pages visited before this one stay in it, and the theme's "browse safely" page says so.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-quick-exit]");
  if (!root) return;

  var html = document.documentElement;
  var status = root.querySelector("[data-quick-exit-status]");
  var exitURL = root.querySelector("[data-quick-exit-link]").href;
  var savedTitle = document.title;
  var presses = 0;
  var timer = null;
  var lastKeyWasModified = false;

  function say(text) {
    status.textContent = text || "";
  }

  function showPresses(count) {
    root.classList.remove("quick-exit--presses-1", "quick-exit--presses-2");
    if (count > 0) root.classList.add("quick-exit--presses-" + count);
  }

  function blank() {
    html.classList.add("quick-exit-active");
    document.title = root.getAttribute("data-loading") || "";
    if (!document.querySelector(".quick-exit-overlay")) {
      var overlay = document.createElement("div");
      overlay.className = "quick-exit-overlay";
      overlay.setAttribute("role", "alert");
      var text = document.createElement("span");
      text.className = "visually-hidden";
      text.textContent = root.getAttribute("data-loading") || "";
      overlay.appendChild(text);
      document.body.appendChild(overlay);
    }
  }

  function unblank() {
    html.classList.remove("quick-exit-active");
    document.title = savedTitle;
    var overlay = document.querySelector(".quick-exit-overlay");
    if (overlay) overlay.parentNode.removeChild(overlay);
  }

  function leave(event) {
    if (event) event.preventDefault();
    resetPresses();
    blank();
    window.location.replace(exitURL);
  }

  function resetPresses() {
    if (timer) window.clearTimeout(timer);
    timer = null;
    presses = 0;
    showPresses(0);
  }

  function timeout() {
    // data-timeout lets the browser tests shorten the 5 seconds.
    var ms = parseInt(root.getAttribute("data-timeout"), 10);
    return ms > 0 ? ms : 5000;
  }

  function onShift() {
    presses += 1;
    if (presses >= 3) {
      say("");
      leave();
      return;
    }
    showPresses(presses);
    say(root.getAttribute(presses === 1 ? "data-press-two" : "data-press-one"));
    if (timer) window.clearTimeout(timer);
    // The timer restarts with every press.
    timer = window.setTimeout(function () {
      resetPresses();
      say(root.getAttribute("data-expired"));
    }, timeout());
  }

  var links = document.querySelectorAll("[data-quick-exit-link]");
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", leave);
  }

  // Shift on its own counts; Shift used with another key (Shift+A gives a keyup for A with
  // shiftKey set, then one for Shift) does not, and any other key starts over.
  window.addEventListener("keyup", function (event) {
    var isShift = event.key === "Shift" || event.keyCode === 16;
    if (isShift && !lastKeyWasModified && !event.ctrlKey && !event.altKey && !event.metaKey) {
      onShift();
    } else if (presses > 0) {
      resetPresses();
      say("");
    }
    lastKeyWasModified = event.shiftKey;
  }, true);

  // Coming back through the back/forward cache must not show a blank page.
  window.addEventListener("pageshow", function () {
    unblank();
    resetPresses();
    say("");
  });

  // The bar is sticky: keep the page's scroll padding equal to its height, so it never covers
  // the element that has focus (WCAG 2.4.11), also when its text wraps.
  function measure() {
    html.style.setProperty("--quick-exit-size", root.getBoundingClientRect().height + "px");
  }
  if ("ResizeObserver" in window) {
    new ResizeObserver(measure).observe(root);
  } else {
    measure();
    window.addEventListener("resize", measure);
  }
})();
