/* Reception-desk screen: cycles through window.TTHC_KIOSK (kiosk-data.js) in large type.
   Auto-advances every `seconds`; a click on the slide or the space bar pauses and resumes;
   arrow keys, PageUp/PageDown, Home/End move by hand (and pause). A paused screen resumes
   by itself after two minutes without input, so a desk screen never stays stuck.
   ?giay=N sets the interval, #N opens procedure N. Text is set with textContent only.
   A procedure with more papers than fit on one screen gets continuation slides, so every
   dossier line is shown in full. */
(function () {
  "use strict";
  var data = window.TTHC_KIOSK;
  var slide = document.getElementById("slide");
  if (!data || !slide || !data.items.length) return;
  var items = data.items;
  var params = new URLSearchParams(window.location.search);
  var seconds = Math.max(1, Number(params.get("giay")) || data.seconds);
  var RESUME_AFTER = 120000;
  var PER_SLIDE = 5;
  var pauseBtn = document.getElementById("tam-dung");
  var pos = document.getElementById("vi-tri");
  /* slides: [item index, part, parts]; a procedure with many papers has several parts */
  var slides = [], first = [];
  items.forEach(function (it, i) {
    var parts = Math.max(1, Math.ceil(it.d.length / PER_SLIDE));
    first.push(slides.length);
    for (var k = 0; k < parts; k++) slides.push([i, k, parts]);
  });
  var wanted = Math.min(items.length, Math.max(1, parseInt(window.location.hash.slice(1), 10) || 1));
  var index = first[wanted - 1];
  var paused = false, timer = null, idle = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function list(values) {
    var ul = el("ul");
    values.forEach(function (v) { ul.appendChild(el("li", null, v)); });
    return ul;
  }

  /* d: [words, what was read from them, the catalog's sub-heading]; a sub-heading is shown
     where its run starts and again at the top of a continuation slide */
  function papers(box, docs) {
    var ul = null, group = null;
    docs.forEach(function (d) {
      if (ul === null || (d[2] || "") !== group) {
        group = d[2] || "";
        if (group) box.appendChild(el("p", "k-group", group));
        ul = box.appendChild(el("ul", "k-docs"));
      }
      var li = el("li", null, d[0]);
      if (d[1]) li.appendChild(el("span", "k-detail", " (" + d[1] + ")"));
      ul.appendChild(li);
    });
  }

  function show(i) {
    index = (i + slides.length) % slides.length;
    var at = slides[index], it = items[at[0]], part = at[1], parts = at[2];
    slide.textContent = "";
    slide.appendChild(el("p", "k-field", [it.f].concat(it.l).filter(Boolean).join(" · ")));
    slide.appendChild(el("h2", it.n.length > 90 ? "long" : null, it.n));
    var cols = el("div", "k-cols");
    var left = el("div"), right = el("div");
    left.appendChild(el("h3", null, "Giấy tờ cần mang theo" + (parts > 1 ? " (" + (part + 1) + "/" + parts + ")" : "")));
    if (it.d.length) {
      papers(left, it.d.slice(part * PER_SLIDE, (part + 1) * PER_SLIDE));
      if (part + 1 < parts) left.appendChild(el("p", "k-more", "Còn " + (it.d.length - (part + 1) * PER_SLIDE) + " giấy tờ ở màn hình sau"));
    } else {
      left.appendChild(el("p", null, "Hỏi nơi tiếp nhận hồ sơ"));
    }
    right.appendChild(el("h3", null, "Nộp trực tuyến"));
    right.appendChild(el("p", "k-online online-" + it.o, it.oh));
    right.appendChild(el("h3", null, "Thời hạn"));
    right.appendChild(list(it.t.length ? it.t.slice(0, 2) : ["Hỏi nơi tiếp nhận hồ sơ"]));
    right.appendChild(el("h3", null, "Phí, lệ phí"));
    right.appendChild(list(it.p.length ? it.p.slice(0, 3) : ["Hỏi nơi tiếp nhận hồ sơ"]));
    cols.appendChild(left);
    cols.appendChild(right);
    slide.appendChild(cols);
    fit();
    pos.textContent = "Thủ tục " + (at[0] + 1) + " / " + items.length + (parts > 1 ? " · phần " + (part + 1) + "/" + parts : "") +
      (paused ? " · đang tạm dừng" : " · tự chuyển sau " + seconds + " giây");
    if (history.replaceState) history.replaceState(null, "", "#" + (at[0] + 1));
  }

  /* Long slides shrink their type until they fit the screen (down to 55 %). */
  function fit() {
    var size = 100;
    slide.style.fontSize = "";
    while (slide.scrollHeight > slide.clientHeight + 1 && size > 55) {
      size -= 5;
      slide.style.fontSize = size + "%";
    }
  }
  window.addEventListener("resize", fit);

  function schedule() {
    clearTimeout(timer);
    if (!paused) timer = setTimeout(function () { show(index + 1); schedule(); }, seconds * 1000);
  }
  function setPaused(value) {
    paused = value;
    pauseBtn.setAttribute("aria-pressed", String(paused));
    pauseBtn.textContent = paused ? "Chạy tiếp" : "Tạm dừng";
    slide.setAttribute("aria-live", paused ? "polite" : "off");
    clearTimeout(idle);
    if (paused) idle = setTimeout(function () { setPaused(false); show(index); }, RESUME_AFTER);
    show(index);
    schedule();
  }
  function go(i) {
    show(i);
    setPaused(true);
  }

  pauseBtn.addEventListener("click", function () { setPaused(!paused); });
  document.getElementById("truoc").addEventListener("click", function () { go(index - 1); });
  document.getElementById("sau").addEventListener("click", function () { go(index + 1); });
  slide.addEventListener("click", function () { setPaused(!paused); });
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var tag = ev.target && ev.target.tagName;
    var onButton = tag === "BUTTON" || tag === "A";
    switch (ev.key) {
      case "ArrowRight": case "PageDown": go(index + 1); break;
      case "ArrowLeft": case "PageUp": go(index - 1); break;
      case "Home": go(0); break;
      case "End": go(slides.length - 1); break;
      case " ": case "p": case "P":
        if (onButton && ev.key === " ") return; /* the button's own click handles it */
        setPaused(!paused);
        break;
      default: return;
    }
    ev.preventDefault();
  });
  show(index);
  schedule();
})();
