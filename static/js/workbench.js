/* The workbench's own progressive enhancement. Every page works without it; this adds keyboard
   navigation, the summary counter, claim creation from a text selection and one-click stances. */
(function () {
  "use strict";

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  /* --- after an action: the confirmation goes where the page lands, and takes the focus --------- */
  // The server redirects to the card of the next step (#workflow after saving a verdict); the
  // message that confirms the action is moved to the top of that card and focused, so keyboard and
  // screen-reader users hear it and continue from there. Without JavaScript it stays at the top.
  var flash = document.getElementById("flash");
  if (flash) {
    var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target && target.closest("main")) {
      var heading = target.querySelector("h2");
      if (heading) heading.insertAdjacentElement("afterend", flash); else target.prepend(flash);
    }
    var first = flash.querySelector("li");
    // Chromium settles a #fragment after the load, in the next frame, and clears the focus when the
    // target is not focusable: focus the message once that is done.
    var focusMessage = function () {
      if (first) window.requestAnimationFrame(function () { setTimeout(function () { first.focus(); }, 0); });
    };
    if (document.readyState === "complete") focusMessage(); else window.addEventListener("load", focusMessage);
  }

  /* --- tables: j / k move, Enter opens, x selects ---------------------------------------- */
  document.querySelectorAll("table[data-keynav]").forEach(function (table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-href]"));
    if (!rows.length) return;
    var current = -1;
    var counter = document.querySelector("#selected-count b");
    function countPicked() {
      if (!counter) return;
      var n = table.querySelectorAll("tbody input[type=checkbox]:checked").length;
      counter.textContent = String(n);
    }
    function move(to) {
      if (current >= 0) rows[current].classList.remove("current");
      current = Math.max(0, Math.min(rows.length - 1, to));
      var row = rows[current];
      row.classList.add("current");
      var link = row.querySelector("td.claimtext a") || row.querySelector("a");
      if (link) link.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
    table.addEventListener("change", function (e) {
      if (e.target.type === "checkbox") {
        e.target.closest("tr").classList.toggle("picked", e.target.checked);
        countPicked();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (typing(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "j") { move(current + 1); e.preventDefault(); }
      else if (e.key === "k") { move(current < 0 ? 0 : current - 1); e.preventDefault(); }
      else if (e.key === "Enter" && current >= 0 && document.activeElement === document.body) {
        window.location.href = rows[current].dataset.href; e.preventDefault();
      } else if (e.key === "x" && current >= 0) {
        var box = rows[current].querySelector("input[type=checkbox]");
        if (box) { box.checked = !box.checked; box.dispatchEvent(new Event("change", { bubbles: true })); }
        e.preventDefault();
      }
    });
  });

  /* --- live counter for the verdict summary ------------------------------------------------ */
  document.querySelectorAll("[data-counter]").forEach(function (input) {
    var out = document.getElementById(input.dataset.counter);
    if (!out) return;
    var max = parseInt(out.dataset.max, 10);
    function update() {
      var n = Array.from(input.value).length;
      out.textContent = n + " / " + max;
      out.classList.toggle("over", n > max);
    }
    input.addEventListener("input", update);
    update();
  });

  /* --- article: a selection becomes a claim with exact offsets ------------------------------ */
  var article = document.getElementById("article-text");
  if (article) {
    var form = document.getElementById("new-claim-form");
    var button = document.getElementById("new-claim");
    var status = document.getElementById("sel-status");
    var idle = status.textContent;
    // Offsets count Unicode code points, like Python's str indexes (not UTF-16 units).
    var chars = Array.from(article.textContent);
    function offsetOf(node, off) {
      var r = document.createRange();
      r.setStart(article, 0);
      r.setEnd(node, off);
      return Array.from(r.toString()).length;
    }
    function readSelection() {
      var sel = window.getSelection();
      if (!sel.rangeCount || sel.isCollapsed) return null;
      var range = sel.getRangeAt(0);
      if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
      var start = offsetOf(range.startContainer, range.startOffset);
      var end = offsetOf(range.endContainer, range.endOffset);
      while (start < end && /\s/.test(chars[start])) start++;
      while (end > start && /\s/.test(chars[end - 1])) end--;
      if (end <= start) return null;
      return { start: start, end: end, quote: chars.slice(start, end).join("") };
    }
    function onSelect() {
      var s = readSelection();
      button.disabled = !s;
      if (!s) { status.textContent = idle; return; }
      form.elements.start.value = s.start;
      form.elements.end.value = s.end;
      form.elements.quote.value = s.quote;
      status.textContent = "« " + (s.quote.length > 60 ? s.quote.slice(0, 60) + "…" : s.quote) + " » (" + s.start + "–" + s.end + ")";
    }
    document.addEventListener("selectionchange", onSelect);
    // A click inside a highlighted claim shows it in the list and proposes that point as a split.
    article.addEventListener("click", function (e) {
      var mark = e.target.closest("mark[data-claim]");
      if (!mark) return;
      var item = document.getElementById("item-" + mark.dataset.claim);
      var sel = window.getSelection();
      if (item) {
        item.classList.add("flash");
        setTimeout(function () { item.classList.remove("flash"); }, 1200);
        var split = item.querySelector(".splitform input[name=at]");
        if (split && sel.rangeCount && sel.isCollapsed) {
          split.value = offsetOf(sel.anchorNode, sel.anchorOffset);
        }
        item.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    });
    article.addEventListener("keydown", function (e) {
      var mark = e.target.closest && e.target.closest("mark[data-claim]");
      if (mark && e.key === "Enter") {
        var link = document.querySelector("#item-" + mark.dataset.claim + " a");
        if (link) link.focus();
      }
    });
  }

  /* --- one-click stance without a page reload ------------------------------------------------ */
  function enhanceStances(root) {
  root.querySelectorAll("form[data-enhance=stance]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.fetch || !e.submitter) return;
      e.preventDefault();
      var data = new FormData(form, e.submitter);
      fetch(form.action, { method: "POST", body: data, headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (resp) { return resp.json().then(function (body) { return { ok: resp.ok, body: body }; }); })
        .then(function (res) {
          if (!res.ok) { throw new Error(res.body.error || "error"); }
          form.querySelectorAll("button[name=stance]").forEach(function (b) {
            var on = b === e.submitter;
            b.classList.toggle("on", on);
            b.setAttribute("aria-pressed", on ? "true" : "false");
          });
          var now = form.querySelector(".stance-now b");
          if (now) now.textContent = e.submitter.textContent;
          form.closest("li").className = "ev stance-" + e.submitter.value;
        })
        .catch(function (err) {
          var now = form.querySelector(".stance-now");
          if (now) { now.textContent = err.message; now.classList.add("error"); now.setAttribute("role", "alert"); }
        });
    });
  });
  }
  enhanceStances(document);

  /* --- provider runs still working: refresh evidence and runs until they finish ---------------- */
  var runs = document.getElementById("runs");
  if (runs && runs.dataset.pending === "1" && window.fetch && window.DOMParser) {
    var polls = 0;
    var timer = setInterval(function () {
      if (++polls > 60) { clearInterval(timer); return; }
      fetch(window.location.pathname, { credentials: "same-origin" })
        .then(function (resp) { return resp.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          ["evidence-list", "runs-body", "evidence-count"].forEach(function (id) {
            var fresh = doc.getElementById(id), old = document.getElementById(id);
            if (fresh && old && fresh.innerHTML !== old.innerHTML) {
              old.innerHTML = fresh.innerHTML;
              if (id === "evidence-list") enhanceStances(old);
            }
          });
          var next = doc.getElementById("runs");
          if (!next || next.dataset.pending !== "1") clearInterval(timer);
        })
        .catch(function () { clearInterval(timer); });
    }, 4000);
  }
})();
