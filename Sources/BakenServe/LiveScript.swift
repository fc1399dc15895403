import Foundation

/// The script the preview adds to every page: reloads on a new build, shows build errors over the page.
/// Served as a file (the site's Content-Security-Policy allows scripts from its own host only).
enum LiveScript {
    static let path = "/_baken/live.js"
    static let events = "/_baken/events"

    static let source = #"""
    (function () {
      "use strict";
      var version = null;
      var overlay = null;
      function show(messages) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "baken-error-overlay";
          overlay.setAttribute("role", "alert");
          var s = overlay.style;
          s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
          s.background = "rgba(20, 10, 25, 0.94)"; s.color = "#fff"; s.padding = "2rem";
          s.font = "16px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        var title = document.createElement("h2");
        title.textContent = "Baken: the build failed. The preview shows the last good build.";
        // The theme colours its headings; the overlay's own colours must win, whatever the theme says.
        title.style.font = "bold 1.25rem system-ui, sans-serif"; title.style.color = "#fff"; title.style.margin = "0 0 1rem";
        overlay.appendChild(title);
        var list = document.createElement("pre");
        list.style.whiteSpace = "pre-wrap"; list.style.color = "#fff"; list.style.background = "transparent";
        list.textContent = messages;
        overlay.appendChild(list);
      }
      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }
      var source = new EventSource("\#(events)");
      source.addEventListener("ready", function (event) {
        if (version !== null && event.data !== version) { location.reload(); return; }
        version = event.data;
        hide();
      });
      source.addEventListener("failed", function (event) { show(event.data); });
    })();
    """#

    /// Adds the script to an HTML page, before `</body>`.
    static func inject(into html: String) -> String {
        let tag = "<script src=\"\(path)\" defer></script>"
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }
}
