/*
 * "Open now" on help-contact cards, from their data-hours, in Europe/Amsterdam time.
 * Computed in the browser with Intl.DateTimeFormat: no network request. Without
 * JavaScript the badge stays hidden and the card shows the opening hours as text.
 *
 * data-hours is "always", or periods such as "1-5 540-1020;6-6 600-720":
 * days (1 = Monday … 7 = Sunday) and minutes after midnight, from inclusive, to exclusive.
 */
(function () {
  "use strict";
  if (window.bakenOpenNow) return;

  var weekdays = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  var clock = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  });

  /** The day of the week (1–7) and minutes after midnight in Amsterdam at `date`. */
  function amsterdam(date) {
    var parts = {};
    clock.formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return { day: weekdays[parts.weekday], minutes: (parseInt(parts.hour, 10) % 24) * 60 + parseInt(parts.minute, 10) };
  }

  function isOpen(hours, when) {
    if (hours === "always") return true;
    return hours.split(";").some(function (period) {
      var match = /^(\d)(?:-(\d))? (\d+)-(\d+)$/.exec(period.trim());
      if (!match) return false;
      var first = +match[1], last = match[2] ? +match[2] : first;
      return when.day >= first && when.day <= last && when.minutes >= +match[3] && when.minutes < +match[4];
    });
  }

  function update() {
    var when = amsterdam(new Date());
    var badges = document.querySelectorAll("[data-hours]");
    for (var i = 0; i < badges.length; i++) {
      var badge = badges[i];
      var labels = badge.closest("[data-open-label]");
      if (!labels) continue;
      var open = isOpen(badge.getAttribute("data-hours"), when);
      badge.textContent = labels.getAttribute(open ? "data-open-label" : "data-closed-label");
      badge.classList.toggle("is-open", open);
      badge.classList.toggle("is-closed", !open);
      badge.hidden = false;
    }
  }

  window.bakenOpenNow = { amsterdam: amsterdam, isOpen: isOpen, update: update };
  update();
  window.setInterval(update, 60000);
})();
