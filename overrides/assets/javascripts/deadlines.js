/* The deadline calculator of "My deadlines" (docs/<language>/tools/deadlines.md). Loaded by that
   page only. The rules, in the page's language, come from data/deadlines.yml through the JSON data
   block the page carries (macros/deadline_tool.py); this file only counts. It sends nothing and
   stores nothing: the card is printed and the calendar file is made here, in the browser.

   Dates are whole days, held as Date objects at midnight UTC, so that no time zone or change to
   summer time can move a day. The counting functions are pure and published as
   window.catDeadlines, for the tests (tests/test_deadline_tool.py) to call in the browser. */
(function () {
  "use strict";

  function day(year, month, date) { return new Date(Date.UTC(year, month - 1, date)); }

  function parseDay(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!m) return null;
    var d = day(+m[1], +m[2], +m[3]);
    return d.getUTCMonth() + 1 === +m[2] && d.getUTCDate() === +m[3] ? d : null;
  }

  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }

  function isoDay(d) {
    return pad(d.getUTCFullYear(), 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
  }

  function addDays(d, n) { return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate() + n); }

  /* The same day n years later; 29 February becomes 28 February in a year without it (the earlier
     day, so that a reader is never told a later date than the law may allow). */
  function addYears(d, n) {
    var year = d.getUTCFullYear() + n, month = d.getUTCMonth() + 1;
    var last = day(year, month + 1, 0).getUTCDate();
    return day(year, month, Math.min(d.getUTCDate(), last));
  }

  /* The nth given weekday (0 Sunday ... 6 Saturday) of a month; n = -1: the last one. */
  function nthWeekday(year, month, weekday, n) {
    if (n > 0) {
      var first = day(year, month, 1);
      return day(year, month, 1 + (weekday - first.getUTCDay() + 7) % 7 + 7 * (n - 1));
    }
    var last = day(year, month + 1, 0);
    return day(year, month, last.getUTCDate() - (last.getUTCDay() - weekday + 7) % 7);
  }

  /* 5 U.S.C. 6103(b): a holiday on a Saturday is observed on the Friday before, on a Sunday on
     the Monday after. */
  function observed(d) {
    var weekday = d.getUTCDay();
    return weekday === 6 ? addDays(d, -1) : weekday === 0 ? addDays(d, 1) : d;
  }

  /* The federal holidays of 5 U.S.C. 6103(a) as observed in `year`: [{key, date, actual}], by
     date. New Year's Day of the next year is observed on 31 December when it falls on a Saturday.
     Juneteenth is a holiday from 2021. Inauguration Day (6103(c)) is left out: it is a holiday
     only for federal workers in and around Washington, D.C. */
  function federalHolidays(year) {
    var found = [];
    [year, year + 1].forEach(function (y) {
      var days = [
        ["new-years-day", day(y, 1, 1)],
        ["martin-luther-king-jr-day", nthWeekday(y, 1, 1, 3)],
        ["washingtons-birthday", nthWeekday(y, 2, 1, 3)],
        ["memorial-day", nthWeekday(y, 5, 1, -1)],
        ["juneteenth", y >= 2021 ? day(y, 6, 19) : null],
        ["independence-day", day(y, 7, 4)],
        ["labor-day", nthWeekday(y, 9, 1, 1)],
        ["columbus-day", nthWeekday(y, 10, 1, 2)],
        ["veterans-day", day(y, 11, 11)],
        ["thanksgiving-day", nthWeekday(y, 11, 4, 4)],
        ["christmas-day", day(y, 12, 25)]
      ];
      days.forEach(function (h) {
        if (!h[1]) return;
        var when = observed(h[1]);
        if (when.getUTCFullYear() === year) found.push({ key: h[0], date: isoDay(when), actual: isoDay(h[1]) });
      });
    });
    return found.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
  }

  var holidayCache = {};
  function isHoliday(d) {
    var year = d.getUTCFullYear();
    if (!holidayCache[year]) holidayCache[year] = federalHolidays(year).map(function (h) { return h.date; });
    return holidayCache[year].indexOf(isoDay(d)) !== -1;
  }

  function isBusinessDay(d) {
    var weekday = d.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !isHoliday(d);
  }

  function nextBusinessDay(d) {
    while (!isBusinessDay(d)) d = addDays(d, 1);
    return d;
  }

  /* One rule's last day from the event's day: {end: where the count ends, due: the last day,
     moved: whether it moved to the next business day, closed: the count ends on a weekend or
     holiday and the rule does not move (file before it)}. */
  function deadline(rule, eventDay) {
    var end = rule.unit === "years" ? addYears(eventDay, rule.count) : addDays(eventDay, rule.count);
    var open = isBusinessDay(end);
    var due = !open && rule.nextBusinessDay ? nextBusinessDay(end) : end;
    return { key: rule.key, end: isoDay(end), due: isoDay(due), moved: isoDay(due) !== isoDay(end),
             closed: !open && !rule.nextBusinessDay };
  }

  /* The deadlines that follow `event` on the day `value` (YYYY-MM-DD), soonest first. */
  function deadlines(rules, event, value) {
    var eventDay = parseDay(value);
    if (!eventDay) return null;
    return rules.filter(function (r) { return r.events.indexOf(event) !== -1; })
      .map(function (r) { return deadline(r, eventDay); })
      .sort(function (a, b) { return a.due < b.due ? -1 : a.due > b.due ? 1 : 0; });
  }

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  /* "Monday 6 July 2026", "lunes 6 de julio de 2026": the site's date format (data/ui.yml) with
     the weekday, which a reader needs to see why a day moved. The names come from data/ui.yml,
     not from the browser: browsers have no Haitian Creole names. */
  function formatDay(value, data) {
    var d = parseDay(value);
    var date = fill(data.strings.date_format, { day: d.getUTCDate(), month: data.months[d.getUTCMonth()],
                                                year: d.getUTCFullYear() });
    return data.weekdays[d.getUTCDay()] + " " + date;
  }

  /* --- The calendar file (RFC 5545) -------------------------------------------------------- */

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }

  /* Content lines longer than 75 octets are folded: CRLF and a space (RFC 5545, 3.1). */
  function fold(line) {
    var out = "", size = 0;
    Array.from(line).forEach(function (ch) {
      var code = ch.codePointAt(0);
      var bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (size + bytes > 75) { out += "\r\n "; size = 1; }
      out += ch;
      size += bytes;
    });
    return out;
  }

  function compact(value) { return value.replace(/-/g, ""); }

  /* A calendar of all-day events, one per deadline. `items`: [{key, due, name, description}];
     `stamp`: the moment it is made, as a Date. */
  function calendar(items, lang, event, eventValue, stamp) {
    var utc = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CAT Guide//Deadline calculator//EN",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    items.forEach(function (item) {
      lines.push("BEGIN:VEVENT",
                 "UID:cat-guide-" + event + "-" + compact(eventValue) + "-" + item.key + "-" + lang,
                 "DTSTAMP:" + utc,
                 "DTSTART;VALUE=DATE:" + compact(item.due),
                 "DTEND;VALUE=DATE:" + compact(isoDay(addDays(parseDay(item.due), 1))),
                 "SUMMARY;LANGUAGE=" + lang + ":" + icsText(item.name),
                 "DESCRIPTION;LANGUAGE=" + lang + ":" + icsText(item.description),
                 "TRANSP:TRANSPARENT",
                 "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P7D", "DESCRIPTION:" + icsText(item.name), "END:VALARM",
                 "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  window.catDeadlines = {
    parseDay: parseDay, isoDay: isoDay, addDays: addDays, addYears: addYears, federalHolidays: federalHolidays,
    isBusinessDay: isBusinessDay, nextBusinessDay: nextBusinessDay, deadline: deadline, deadlines: deadlines,
    formatDay: formatDay, calendar: calendar, fold: fold
  };

  /* --- The page ---------------------------------------------------------------------------- */

  var tool = document.getElementById("cat-dl");
  var source = document.getElementById("cat-dl-data");
  if (!tool || !source) return;
  var data = JSON.parse(source.textContent);
  var byKey = {};
  data.rules.forEach(function (r) { byKey[r.key] = r; });
  var form = document.getElementById("cat-dl-form");
  var dateInput = document.getElementById("cat-dl-date");
  var dateError = document.getElementById("cat-dl-date-error");
  var eventError = document.getElementById("cat-dl-event-error");
  var card = document.getElementById("cat-dl-card");
  var list = document.getElementById("cat-dl-list");
  var template = document.getElementById("cat-dl-item");
  var status = document.getElementById("cat-dl-status");
  var shown = null;  // what the card shows: {event, value, items}

  function today() {
    var now = new Date();
    return isoDay(day(now.getFullYear(), now.getMonth() + 1, now.getDate()));
  }

  function setText(root, selector, value) {
    var el = root.querySelector(selector);
    if (value) el.textContent = value;
    else el.parentNode.removeChild(el);
    return el;
  }

  function showError(el, message, field) {
    el.textContent = message;
    el.hidden = !message;
    if (field) {
      if (message) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }

  function render(event, value) {
    var now = today();
    var found = deadlines(data.rules, event, value);
    var items = [];
    list.textContent = "";
    found.forEach(function (d) {
      var rule = byKey[d.key];
      var li = template.content.firstElementChild.cloneNode(true);
      var due = formatDay(d.due, data);
      setText(li, ".cat-dl-name", rule.name);
      setText(li, ".cat-dl-date", fill(data.strings.dl_last_day, { date: due }));
      setText(li, ".cat-dl-shift", d.moved ? fill(data.strings.dl_moved, { date: formatDay(d.end, data) })
        : d.closed ? fill(data.strings.dl_not_moving, { date: formatDay(d.end, data) }) : "");
      setText(li, ".cat-dl-passed", d.due < now ? data.strings.dl_passed : d.due === now ? data.strings.dl_is_today : "");
      setText(li, ".cat-dl-file", rule.file);
      setText(li, ".cat-dl-where", rule.where);
      setText(li, ".cat-dl-note", [rule.note, rule.unsettled ? data.strings.unsettled : ""].join(" ").trim());
      li.querySelector(".cat-dl-more a").href = rule.href;
      li.setAttribute("data-key", d.key);
      li.setAttribute("data-due", d.due);
      list.appendChild(li);
      items.push({ key: d.key, due: d.due, name: rule.name, description: [
        data.strings.dl_file + ": " + rule.file, data.strings.dl_where + ": " + rule.where,
        rule.note, data.strings.dl_file_early, data.strings.not_legal_advice].filter(Boolean).join("\n") });
    });
    var heading = data.events[event].heading;
    document.getElementById("cat-dl-for").textContent =
      fill(data.strings.dl_results_for, { event: heading, date: formatDay(value, data) });
    document.getElementById("cat-dl-event-note").textContent = data.events[event].note;
    document.getElementById("cat-dl-made").textContent = fill(data.strings.dl_made_on, { date: formatDay(now, data) });
    card.hidden = false;
    shown = { event: event, value: value, items: items };
    status.textContent = fill(data.strings.dl_status, { n: items.length, name: items[0].name,
                                                        date: formatDay(items[0].due, data) });
    document.getElementById("cat-dl-card-title").focus();
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var checked = form.querySelector("input[name=event]:checked");
    var value = dateInput.value;
    var validDay = parseDay(value);
    showError(eventError, checked ? "" : data.strings.dl_error_event);
    showError(dateError, validDay ? "" : data.strings.dl_error_date, dateInput);
    if (!checked) { form.querySelector("input[name=event]").focus(); return; }
    if (!validDay) { dateInput.focus(); return; }
    render(checked.value, value);
  });

  document.getElementById("cat-dl-print").addEventListener("click", function () { window.print(); });

  document.getElementById("cat-dl-ics").addEventListener("click", function () {
    if (!shown) return;
    var text = calendar(shown.items, data.lang, shown.event, shown.value, new Date());
    var url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = data.strings.dl_calendar_file;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  tool.hidden = false;
})();
