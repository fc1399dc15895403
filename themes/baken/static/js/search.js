/* Baken site search. Reads the index that `baken build` writes under search-index/<language>/: a manifest,
   term shards (words → stems → sections with scores) and page shards (what a result shows). Every file is a
   script that hands its data to bakenSearch(), so search works over http, from file:// and offline alike.
   docs/search.md describes the index; Sources/BakenSearch/Tokenizer.swift folds words exactly like words() here. */
(function () {
  "use strict";

  /* ---------------------------------------------------------------- loading */
  var arrived = {};
  var loading = {};
  globalThis.bakenSearch = function (name) { arrived[name] = Array.prototype.slice.call(arguments, 1); };

  // Runs the script at `url`; the index's scripts call bakenSearch() as they run. Node tests replace this.
  var engine = {
    run: function (url) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
  };

  // Loads `file` of an index folder once; resolves with what the script handed over.
  function load(index, file) {
    var name = index.lang + "/" + file;
    if (arrived[name]) return Promise.resolve(arrived[name]);
    if (!loading[name]) {
      loading[name] = engine.run(index.base + file + ".js" + index.query).then(function () {
        if (!arrived[name]) throw new Error(name);
        return arrived[name];
      }, function (error) { delete loading[name]; throw error; });
    }
    return loading[name];
  }

  /* ------------------------------------------------------------ words */
  var B64 = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { B64[c] = i; });
  var LETTER = /\p{L}/u, MARK = /\p{M}/u, DIGIT = /\p{Nd}/u, ALPHA = /\p{Alphabetic}/u;
  var REPLACE = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ς": "σ",
    "\u0640": "", "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647", "\u06cc": "\u064a", "\u06a9": "\u0643" };

  function script(c) {
    if (c < 0x250 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2c60 && c <= 0x2c7f) || (c >= 0xa720 && c <= 0xa7ff) ||
        (c >= 0xab30 && c <= 0xab6f) || (c >= 0xfb00 && c <= 0xfb06) || (c >= 0xff21 && c <= 0xff5a)) return "latin";
    if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) return "greek";
    if ((c >= 0x400 && c <= 0x52f) || (c >= 0x1c80 && c <= 0x1c8f) || (c >= 0x2de0 && c <= 0x2dff) || (c >= 0xa640 && c <= 0xa69f)) return "cyrillic";
    if (c >= 0x530 && c <= 0x58f) return "armenian";
    if ((c >= 0x590 && c <= 0x5ff) || (c >= 0xfb1d && c <= 0xfb4f)) return "hebrew";
    if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x870 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return "arabic";
    if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af)) return "hangul";
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff)) return "ideographic";
    return "other";
  }
  var FOLDS = { latin: 1, greek: 1, cyrillic: 1, hebrew: 1, arabic: 1 };

  function kind(ch) {
    var c = ch.codePointAt(0);
    if (c < 0x80) return c >= 48 && c <= 57 ? "digit" : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? "latin" : null;
    if (LETTER.test(ch)) return script(c);
    if (MARK.test(ch)) return "mark";
    if (DIGIT.test(ch)) return "digit";
    return null;
  }

  // The words of a text as [start, end] offsets: runs of letters, marks and digits of one script.
  function words(text) {
    var out = [], start = -1, current = null, i = 0;
    function flush(end) {
      if (start >= 0 && end - start <= 40 && (end - start > 1 || current === "ideographic")) out.push([start, end]);
      start = -1; current = null;
    }
    while (i < text.length) {
      var ch = String.fromCodePoint(text.codePointAt(i)), k = kind(ch), next = i + ch.length;
      if (k === null) flush(i);
      else if (k === "digit") { if (start < 0) start = i; }
      else if (k === "ideographic") { flush(i); start = i; current = k; flush(next); }
      else if (k !== "mark") {
        if (start >= 0 && current && current !== k) flush(i);
        if (start < 0) start = i;
        current = k;
      }
      i = next;
    }
    flush(text.length);
    return out;
  }

  function fold(word) {
    if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
    var out = "", folds = false;
    for (var ch of word.toLowerCase().normalize("NFKD")) {
      var c = ch.codePointAt(0);
      if (MARK.test(ch)) { if (!folds) out += ch; continue; }
      if (!LETTER.test(ch) && !DIGIT.test(ch)) continue;
      folds = c < 0x80 || FOLDS[script(c)] === 1;
      if (ch in REPLACE) out += REPLACE[ch];
      else if ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) out += String.fromCharCode(48 + c % 16);
      else out += ch;
    }
    return out.normalize("NFC");
  }

  function terms(text) {
    var seen = {}, out = [];
    words(text).forEach(function (w) { var t = fold(text.slice(w[0], w[1])); if (t && !seen[t]) { seen[t] = 1; out.push(t); } });
    return out;
  }

  // The id Baken gives a heading in Latin letters (Slug.make); other ids are in the index.
  function slug(text) {
    var out = "", hyphen = false;
    for (var ch of text.toLowerCase().normalize("NFD")) {
      if (/\p{Mn}/u.test(ch)) continue;
      if (ALPHA.test(ch) || (ch >= "0" && ch <= "9")) { if (hyphen && out) out += "-"; hyphen = false; out += ch; }
      else hyphen = true;
    }
    return out.normalize("NFC");
  }

  /* ------------------------------------------------------------ index */
  function Bits(text) { this.text = text; this.at = 0; }
  Bits.prototype.bit = function () {
    var i = this.at++;
    return (B64[this.text[(i / 6) | 0]] >> (5 - (i % 6))) & 1;
  };
  Bits.prototype.read = function (n) { var v = 0; while (n-- > 0) v = v * 2 + this.bit(); return v; };
  Bits.prototype.gamma = function () { var z = 0; while (!this.bit()) z++; return 2 ** z + this.read(z); };
  Bits.prototype.rice = function (k) { var q = 0; while (this.bit()) q++; return q * 2 ** k + this.read(k); };

  // A term shard: keys in order; for each, its postings (page, section, level) and the stem it leads to.
  function TermShard(dictionary, bits, pages) {
    var reader = new Bits(bits), previous = "";
    this.keys = []; this.postings = []; this.stems = [];
    var entries = dictionary.split(",");
    entries.pop();
    for (var e of entries) {
      var rest = e.slice(1), mark = rest.search(/[.>]/), key = previous.slice(0, e.charCodeAt(0) - 48) + rest.slice(0, mark);
      var postings = null, stem = null;
      if (rest[mark] === ".") {
        // Sources/BakenSearch/SearchIndex+Terms.swift writes these: count, cut, highest level, then gaps, sections, levels below.
        var count = reader.gamma(), total = reader.bit() ? reader.gamma() : count, top = reader.read(5);
        var k = Math.max(0, Math.floor(Math.log2(Math.max(1, Math.floor(pages / count))))), page = -1;
        postings = { total: total, list: new Int32Array(count * 3) };
        for (var i = 0; i < count; i++) {
          page = page < 0 ? reader.rice(k) : page + reader.rice(k);
          postings.list[i * 3] = page;
          postings.list[i * 3 + 1] = reader.rice(2);
          postings.list[i * 3 + 2] = top - reader.rice(1);
        }
        mark++;
      }
      if (rest[mark] === ">") stem = key.slice(0, rest.charCodeAt(mark + 1) - 48) + rest.slice(mark + 2);
      this.keys.push(key); this.postings.push(postings); this.stems.push(stem);
      previous = key;
    }
  }
  TermShard.prototype.find = function (key) {
    var lo = 0, hi = this.keys.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (this.keys[mid] === key) return mid;
      if (this.keys[mid] < key) lo = mid + 1; else hi = mid - 1;
    }
    return -lo - 1;
  };

  function Index(url) {
    var cut = url.lastIndexOf("/") + 1, q = url.indexOf("?");
    this.base = url.slice(0, cut);
    this.query = q < 0 ? "" : url.slice(q);
    this.lang = url.slice(0, cut - 1).split("/").pop();
    this.shards = {};
  }
  Index.prototype.open = function () {
    var self = this;
    return this.manifest ? Promise.resolve(this) : load(this, "index").then(function (data) { self.manifest = data[0]; return self; });
  };
  // The shard whose range holds `key`.
  Index.prototype.shardOf = function (key) {
    var first = this.manifest.terms, lo = 0, hi = first.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (first[mid] <= key) lo = mid; else hi = mid - 1; }
    return lo;
  };
  Index.prototype.terms = function (number) {
    var self = this;
    if (this.shards[number]) return Promise.resolve(this.shards[number]);
    return load(this, "t" + number).then(function (data) {
      return (self.shards[number] = self.shards[number] || new TermShard(data[0], data[1], self.manifest.pages));
    });
  };
  // Entry `key`, if the index has it: [shard, position].
  Index.prototype.entry = function (key) {
    var self = this, number = this.shardOf(key);
    return this.terms(number).then(function (shard) { var i = shard.find(key); return i >= 0 ? [shard, i] : null; });
  };

  /* ------------------------------------------------------------ matching */
  function typo(a, b) {
    // One letter more, less, changed, or two letters swapped.
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // Stems a typed word leads to, with how well each matches: the word itself, words it begins (while typing),
  // the stem it starts with (a form the site does not use), and words one typo away.
  function candidates(index, word, last) {
    var found = {}, matched = {};
    function add(shard, i, weight) {
      matched[shard.keys[i]] = 1;
      if (shard.postings[i]) found[shard.keys[i]] = Math.max(found[shard.keys[i]] || 0, weight);
      if (shard.stems[i]) found[shard.stems[i]] = Math.max(found[shard.stems[i]] || 0, weight);
    }
    var number = index.shardOf(word);
    var wanted = [index.terms(number)];
    if (last && word.length >= 2) {
      for (var n = number + 1; n < index.manifest.terms.length && n < number + 3 && index.manifest.terms[n].indexOf(word) === 0; n++) wanted.push(index.terms(n));
    }
    return Promise.all(wanted).then(function (shards) {
      var exact = false, shard = shards[0], at = shard.find(word), prefixes = [];
      if (at >= 0) { add(shard, at, 1); exact = true; }
      if (last && word.length >= 2) {
        shards.forEach(function (s) {
          for (var i = s === shard ? (at >= 0 ? at + 1 : -at - 1) : 0; i < s.keys.length && s.keys[i].indexOf(word) === 0; i++) prefixes.push([s, i]);
        });
        prefixes.sort(function (a, b) { return (b[0].postings[b[1]] ? b[0].postings[b[1]].total : 0) - (a[0].postings[a[1]] ? a[0].postings[a[1]].total : 0); });
        prefixes.slice(0, 50).forEach(function (p) { add(p[0], p[1], 0.7); });
      }
      // The longest stem the word starts with: a form the site does not use (`aanrakingen` → `aanrak`), or one the
      // stemmer keeps apart (`achtervolgd`, `achtervolg`). Without an exact match it may cover half the word; not
      // while the word is the start of others (`intim` is not `inti`).
      for (var k = word.length - 1; (exact || !prefixes.length) && k >= Math.max(4, exact ? word.length - 2 : Math.ceil(word.length / 2)); k--) {
        var s = shard.find(word.slice(0, k));
        if (s >= 0 && shard.postings[s]) { add(shard, s, 0.8); break; }
      }
      if (!exact && !prefixes.length && word.length >= 4) {
        for (var i = 0; i < shard.keys.length; i++) if (typo(shard.keys[i], word)) add(shard, i, 0.5);
      }
      return { stems: found, words: matched };
    });
  }

  // Ranks pages: most query words matched first, then the summed scores of the best section.
  function rank(index, query, filter) {
    var list = terms(query);
    if (!list.length) return Promise.resolve(null);
    return Promise.all(list.map(function (word, i) { return candidates(index, word, i === list.length - 1); })).then(function (found) {
      var stems = [];
      found.forEach(function (f, w) { for (var s in f.stems) stems.push([s, f.stems[s], w]); });
      return Promise.all(stems.map(function (s) { return index.entry(s[0]); })).then(function (entries) {
        var units = new Map(), scale = index.manifest.scale;
        entries.forEach(function (entry, n) {
          var postings = entry && entry[0].postings[entry[1]];
          if (!postings) return;
          var weight = stems[n][1], w = stems[n][2], list = postings.list;
          for (var i = 0; i < list.length; i += 3) {
            var key = list[i] * 65536 + list[i + 1], unit = units.get(key);
            if (!unit) units.set(key, (unit = { page: list[i], section: list[i + 1], scores: [] }));
            unit.scores[w] = Math.max(unit.scores[w] || 0, weight * Math.exp(scale * list[i + 2]));
          }
        });
        var pages = new Map();
        units.forEach(function (unit) {
          if (filter && !filter(unit.page)) return;
          unit.matched = 0; unit.score = 0;
          unit.scores.forEach(function (s) { if (s) { unit.matched++; unit.score += s; } });
          var page = pages.get(unit.page);
          if (!page) pages.set(unit.page, (page = { page: unit.page, units: [] }));
          page.units.push(unit);
        });
        var results = [];
        pages.forEach(function (page) {
          page.units.sort(better);
          var best = page.units[0];
          results.push({ page: page.page, section: best.section, matched: best.matched,
            score: best.score + (page.units[1] ? 0.2 * page.units[1].score : 0), also: page.units.slice(1, 3) });
        });
        results.sort(better);
        return { results: results, words: found };
      });
    });
  }
  function better(a, b) { return b.matched - a.matched || b.score - a.score || a.page - b.page || a.section - b.section; }

  function pageRecord(index, page) {
    var first = index.manifest.pageShards, lo = 0, hi = first.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (first[mid] <= page) lo = mid; else hi = mid - 1; }
    return load(index, "p" + lo).then(function (data) { return data[0][page - first[lo]]; });
  }

  // A page's record: [url, title, type, audiences, description, intro, heading, text, heading, text, …], without the
  // texts when the index keeps none; a heading whose id is not its slug is [heading, id]. The address is relative to the root.
  function address(index, record) {
    var url = record[0].replace(/(^|\/)=(\d*)\/$/, function (_, start, count) {
      return start + slug(count ? record[1].split(/\s+/).slice(0, +count).join(" ") : record[1]) + "/";
    });
    return index.manifest.urlPrefix + url;
  }

  // The section of a record: its heading, its id and its text ("" when the index keeps no text); section 0 is the intro.
  function section(index, record, number) {
    var texts = index.manifest.excerptWords !== 0;
    if (number === 0) return { heading: null, id: "", text: texts ? record[5] : "" };
    var at = texts ? 4 + number * 2 : 4 + number, heading = record[at], id = "";
    if (typeof heading !== "string") { id = heading[1]; heading = heading[0]; }
    return { heading: heading, id: id || slug(heading), text: texts ? record[at + 1] : "" };
  }

  function facets(index) {
    return load(index, "f").then(function (data) {
      var width = Math.max(1, Math.ceil(index.manifest.audiences.length / 6)) * 6, bits = new Bits(data[1]), masks = [];
      for (var i = 0; i < index.manifest.pages; i++) masks.push(bits.read(width));
      return { types: data[0], audiences: masks };
    });
  }

  Object.assign(engine, { words: words, fold: fold, terms: terms, slug: slug, typo: typo, Index: Index, rank: rank, pageRecord: pageRecord,
    address: address, section: section, facets: facets });
  if (typeof module === "object" && module.exports) module.exports = engine;

  /* ------------------------------------------------------------ the page */
  var form = typeof document === "object" && document.querySelector("form[data-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var typeSelect = form.querySelector("select[name=type]");
  var audienceSelect = form.querySelector("select[name=audience]");
  var status = document.querySelector("[data-search-status]");
  var results = document.querySelector("[data-search-results]");
  var more = document.querySelector("[data-search-more]");
  var data = form.dataset;
  var own = new Index(new URL(data.index, location.href).href);
  var fallback = data.fallbackIndex ? new Index(new URL(data.fallbackIndex, location.href).href) : null;
  var root = new URL(data.root || "./", location.href);
  var typeNames = {};
  (data.tTypes || "").split("|").forEach(function (pair) { var p = pair.split("="); if (p[1]) typeNames[p[0]] = p[1]; });
  var shown = 0, current = null, sequence = 0, timer = 0;

  document.querySelectorAll("[data-search-nojs]").forEach(function (element) { element.hidden = true; });

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function link(url, id) {
    var href = new URL(url, root);
    if (href.protocol === "file:" && /\/$/.test(href.pathname)) href.pathname += "index.html";
    if (id) href.hash = id;
    return href.href;
  }

  // Whether a folded word is one the query matched: the same word, a form of a matched stem, a compound holding it.
  function matcher(found, compounds) {
    var keys = {}, stems = [], typed = [];
    found.forEach(function (f) {
      for (var w in f.words) keys[w] = 1;
      for (var s in f.stems) stems.push(s);
    });
    return function (term) {
      if (keys[term]) return true;
      for (var s of stems) if (term.indexOf(s) === 0 && term.length - s.length <= 5) return true;
      if (compounds) for (var w in keys) if (w.length >= 5 && term.indexOf(w) > 0) return true;
      return false;
    };
  }

  // Text with the matched words in <mark>; with `around`, only about 30 words around the first match.
  function highlighted(text, matches, around) {
    var span = words(text), first = -1;
    for (var i = 0; i < span.length && first < 0; i++) if (matches(fold(text.slice(span[i][0], span[i][1])))) first = i;
    var from = 0, to = text.length, fragment = document.createDocumentFragment();
    if (around) {
      if (first < 0 && around === "match") return null;
      var spaces = [], re = /\s+/g, m;
      while ((m = re.exec(text))) spaces.push(m.index);
      var at = first < 0 ? 0 : span[first][0], before = spaces.filter(function (s) { return s < at; });
      from = before.length > 10 ? before[before.length - 10] + 1 : 0;
      var after = spaces.filter(function (s) { return s > from; });
      to = after.length > 30 ? after[30] : text.length;
    }
    if (from > 0) fragment.append("… ");
    var cursor = from;
    span.forEach(function (w) {
      if (w[0] < from || w[1] > to || !matches(fold(text.slice(w[0], w[1])))) return;
      fragment.append(text.slice(cursor, w[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(w[0], w[1]);
      fragment.append(mark);
      cursor = w[1];
    });
    fragment.append(text.slice(cursor, to));
    if (to < text.length && !/…$/.test(text)) fragment.append(" …");
    return fragment;
  }

  function render(result, record, matches, index) {
    var part = section(index, record, result.section), heading = part.heading;
    var item = document.createElement("li");
    item.className = "search-result";
    var title = document.createElement("h2");
    title.className = "search-result__title";
    var a = document.createElement("a");
    a.href = link(address(index, record), part.id);
    a.append(highlighted(record[1], matches));
    if (heading !== null) {
      var sub = document.createElement("span");
      sub.className = "search-result__section";
      sub.append(highlighted(heading, matches));
      a.append(" › ", sub);
    }
    title.append(a);
    item.append(title);
    var type = index.manifest.types[record[2]];
    if (type && type !== "page" && typeNames[type]) {
      var label = document.createElement("p");
      label.className = "search-result__type";
      label.textContent = typeNames[type];
      item.append(label);
    }
    var text = part.text;
    var excerpt = [result.section === 0 && record[4] && highlighted(record[4], matches, "match"), text && highlighted(text, matches, "start"),
      record[4] && highlighted(record[4], matches)].filter(Boolean)[0];
    if (excerpt) {
      var p = document.createElement("p");
      p.className = "search-result__excerpt";
      p.append(excerpt);
      item.append(p);
    }
    return item;
  }

  // Shows the next `count` results; the page shards they need are loaded first.
  function showMore(count, focus) {
    var state = current, slice = state.results.slice(shown, shown + count);
    shown += slice.length;
    return Promise.all(slice.map(function (r) { return pageRecord(state.index, r.page); })).then(function (records) {
      if (state !== current) return;
      var list = results.querySelector("ol") || results.appendChild(document.createElement("ol"));
      list.className = "search__list";
      var matches = matcher(state.words, state.index.manifest.compounds), first = null;
      slice.forEach(function (result, i) {
        var item = render(result, records[i], matches, state.index);
        list.append(item);
        first = first || item;
      });
      more.hidden = shown >= state.results.length;
      if (focus && first) first.querySelector("a").focus();
    });
  }

  function filterFor(index) {
    var type = typeSelect && typeSelect.value, audience = audienceSelect && audienceSelect.value;
    if (!type && !audience) return Promise.resolve(null);
    return facets(index).then(function (f) {
      var t = index.manifest.types.indexOf(type), bit = index.manifest.audiences.indexOf(audience);
      return function (page) {
        return (!type || f.types.charCodeAt(page) - 48 === t) && (!audience || (bit >= 0 && (f.audiences[page] >> bit) & 1) === 1);
      };
    });
  }

  function searchIn(index, query) {
    return index.open().then(function () { return filterFor(index); }).then(function (filter) { return rank(index, query, filter); });
  }

  function run() {
    var query = input.value, number = ++sequence;
    remember(query);
    if (!terms(query).length) {
      results.textContent = ""; status.textContent = ""; more.hidden = true; current = null;
      results.removeAttribute("aria-busy");
      return;
    }
    results.setAttribute("aria-busy", "true");
    var slow = setTimeout(function () { if (number === sequence) status.textContent = data.tLoading; }, 400);
    searchIn(own, query).then(function (found) {
      if (found && found.results.length || !fallback) return [own, found, false];
      return searchIn(fallback, query).then(function (other) { return other && other.results.length ? [fallback, other, true] : [own, found, false]; });
    }).then(function (outcome) {
      clearTimeout(slow);
      if (number !== sequence) return;
      var index = outcome[0], found = outcome[1];
      current = { index: index, results: found ? found.results : [], words: found ? found.words : [] };
      shown = 0;
      results.textContent = "";
      var count = current.results.length, values = { count: count, query: query.trim(), language: data.fallbackName };
      var message = count === 0 ? say(data.tNone, values) : say(count === 1 ? data.tResult : data.tResults, values);
      if (outcome[2]) {
        message = say(data.tFallback, values) + " " + message;
        results.lang = data.fallbackLang;
        results.dir = "auto";
      } else {
        results.removeAttribute("lang");
        results.removeAttribute("dir");
      }
      status.textContent = message;
      return showMore(5, false);
    }).catch(function () {
      clearTimeout(slow);
      if (number === sequence) status.textContent = data.tError;
    }).then(function () {
      if (number === sequence) results.removeAttribute("aria-busy");
    });
  }

  // The address holds the search, so it can be shared and bookmarked; language links keep it too.
  function remember(query) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (typeSelect && typeSelect.value) params.set("type", typeSelect.value);
    if (audienceSelect && audienceSelect.value) params.set("audience", audienceSelect.value);
    var search = params.toString() ? "?" + params : "";
    try { history.replaceState(null, "", location.pathname + search); } catch (e) { /* file:// in some browsers */ }
    document.querySelectorAll("a[hreflang]").forEach(function (a) { a.search = search; });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (typeSelect) typeSelect.value = params.get("type") || "";
  if (audienceSelect) audienceSelect.value = params.get("audience") || "";

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("change", function (event) { if (event.target !== input) run(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener("click", function () { showMore(10, true); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = results.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  results.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(results.querySelectorAll(".search-result__title a")), at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowUp" && at === 0) input.focus();
    else if (links[at + (event.key === "ArrowDown" ? 1 : -1)]) links[at + (event.key === "ArrowDown" ? 1 : -1)].focus();
  });
  if (input.value) run();
})();
