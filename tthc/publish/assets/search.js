/* Instant search over window.TTHC_INDEX (search-index.js): works on file://, no fetch().
   Two keys per text, the same as tthc.text in Python:
   - matchKey: case- and tone-placement-insensitive, keeps every mark ("hoà" = "hòa", "phí" != "phi");
   - fold: no marks at all, "đ" -> "d", for queries typed without diacritics.
   Both treat a syllable-final "y" after a consonant as "i" ("đăng kí" = "đăng ký", "lí lịch" = "lý lịch").
   Exact Vietnamese matches rank above folded ones. Synonyms (data.syn: [what people type,
   the catalog's wording]) add a second query ranked just below the one typed.
   Results are built with the DOM, never innerHTML. */
(function () {
  "use strict";
  var data = window.TTHC_INDEX;
  var form = document.getElementById("tim-kiem");
  if (!data || !form) return;
  var TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
  var WORD = /[\p{L}\p{N}\p{M}]/u;

  function matchKey(text) {
    var s = text.replace(/\s+/g, " ").trim().toLowerCase().normalize("NFD");
    var out = "", tones = "";
    for (var ch of s) {
      if (TONE.test(ch)) tones += ch;
      else if (WORD.test(ch)) out += ch;
      else { out += tones + ch; tones = ""; }
    }
    return out + tones;
  }
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
  }
  /* "ký" and "kí", "lý" and "lí", "quý" and "quí" are the same syllable; "yêu", "thuỷ", "tuy" keep their y */
  var IY = /(^|[^\p{L}\p{M}])((?:qu|[bcdđghklmnprstvx])[\u0300-\u036f]*)y(?=[\u0300-\u036f]*(?:[^\p{L}\p{M}]|$))/gu;
  function iy(key) { return key.replace(IY, "$1$2i"); }
  function words(key) { return key.split(" ").filter(Boolean); }
  function atWordStart(hay, i) { return i === 0 || !WORD.test(hay.charAt(i - 1)); }
  /* 3: at the start, 2: at a word start, 1: inside a word, 0: absent */
  function phrase(hay, needle) {
    var i = hay.indexOf(needle);
    if (i < 0) return 0;
    if (i === 0) return 3;
    for (; i >= 0; i = hay.indexOf(needle, i + 1)) if (atWordStart(hay, i)) return 2;
    return 1;
  }
  function allWords(hay, list) {
    for (var i = 0; i < list.length; i++) if (hay.indexOf(list[i]) < 0) return false;
    return list.length > 0;
  }

  /* Compact items: field and catalog are indexes into data.fields / data.catalogs; the page
     is thu-tuc/<p>.html, p defaulting to the code. */
  var items = data.items;
  items.forEach(function (it, i) {
    it.ord = i;
    it.f = data.fields[it.f];
    it.s = it.s === undefined ? "" : data.catalogs[it.s];
    it.u = "thu-tuc/" + encodeURIComponent(it.p || it.c) + ".html";
    it.kn = iy(matchKey(it.n)); it.fn = iy(fold(it.n));
    it.kf = iy(matchKey(it.f)); it.ff = iy(fold(it.f));
    it.kc = (it.c || "").toLowerCase();
  });

  function score(it, q) {
    if (it.kc && it.kc === q.code) return 1000;
    var p = phrase(it.kn, q.k);
    if (p) return 800 + p * 10;
    if (allWords(it.kn, q.kw)) return 700;
    p = phrase(it.fn, q.f);
    if (p) return 500 + p * 10;
    if (allWords(it.fn, q.fw)) return 400;
    if (allWords(it.kn + " " + it.kf, q.kw)) return 300;
    if (allWords(it.fn + " " + it.ff, q.fw)) return 200;
    if (it.kc && q.code.length >= 3 && it.kc.indexOf(q.code) === 0) return 150;
    return 0;
  }

  var input = document.getElementById("q");
  var level = document.getElementById("cap");
  var field = document.getElementById("linh-vuc");
  var online = document.getElementById("truc-tuyen");
  var list = document.getElementById("ket-qua");
  var count = document.getElementById("so-ket-qua");
  var catalog = document.getElementById("danh-muc");
  var LIMIT = 200;

  function badge(kind) {
    var span = document.createElement("span");
    span.className = "badge online-" + kind;
    span.textContent = data.online[kind];
    return span;
  }

  function query(text, code) {
    var q = { k: iy(matchKey(text)), f: iy(fold(text)), code: code };
    q.kw = words(q.k); q.fw = words(q.f);
    return q;
  }
  var synonyms = (data.syn || []).map(function (pair) { return [iy(fold(pair[0])), pair[1]]; });
  /* The query again with each synonym typed in it replaced by the catalog's wording. */
  function alternatives(q) {
    var out = [], padded = " " + q.f + " ";
    synonyms.forEach(function (pair) {
      var at = pair[0] ? padded.indexOf(" " + pair[0] + " ") : -1;
      if (at < 0) return;
      var text = (padded.slice(0, at + 1) + pair[1] + padded.slice(at + 1 + pair[0].length)).trim();
      out.push(query(text, ""));
    });
    return out;
  }
  function best(it, q, alts) {
    var s = score(it, q);
    for (var i = 0; i < alts.length; i++) s = Math.max(s, score(it, alts[i]) - 5);
    return s;
  }

  function render() {
    var text = input.value;
    var q = query(text, text.trim().toLowerCase());
    var alts = alternatives(q);
    var lv = level.value, fv = field.value, ov = online.value;
    var active = q.f !== "" || lv || fv || ov;
    list.hidden = !active;
    catalog.hidden = !!active;
    list.textContent = "";
    if (!active) { count.textContent = ""; return; }
    var hits = [];
    items.forEach(function (it) {
      if (lv && it.l.indexOf(lv) < 0) return;
      if (fv && it.f !== fv) return;
      if (ov && it.o !== ov) return;
      var s = q.f === "" ? 1 : best(it, q, alts);
      if (s > 0) hits.push([s, it]);
    });
    hits.sort(function (a, b) { return b[0] - a[0] || a[1].n.length - b[1].n.length || a[1].ord - b[1].ord; });
    hits.slice(0, LIMIT).forEach(function (hit) {
      var it = hit[1];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = it.u;
      a.textContent = it.n;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + [it.c, it.s, it.f].concat(it.l.map(function (k) { return data.levels[k]; })).filter(Boolean).join(" · ") + " ";
      li.appendChild(meta);
      li.appendChild(badge(it.o));
      list.appendChild(li);
    });
    count.textContent = hits.length === 0
      ? "Không tìm thấy thủ tục nào. Thử gõ ít chữ hơn hoặc bỏ bớt bộ lọc."
      : "Tìm thấy " + hits.length + " thủ tục" + (hits.length > LIMIT ? "; hiển thị " + LIMIT + " thủ tục đầu, gõ thêm để thu hẹp." : ".");
  }

  form.hidden = false;
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  [input, level, field, online].forEach(function (el) {
    el.addEventListener(el === input ? "input" : "change", render);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;
  if (input.value || level.value || field.value || online.value) render();
})();
