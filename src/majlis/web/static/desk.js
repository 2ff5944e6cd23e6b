/* The moderator's desk: keyboard decisions, bulk actions, undo and the live queue. */
(function () {
  "use strict";
  var csrf = document.body.getAttribute("data-csrf");
  if (!csrf) return;
  var CATEGORIES = ["profanity", "vulgarity", "threat", "personal_attack", "abuse", "promotion", "spam", "off_topic"];
  var status = document.getElementById("status");
  var queue = document.getElementById("queue");
  var current = null, awaitingDigit = false, lastDecided = [];
  var W = JSON.parse(document.body.getAttribute("data-words") || "{}");  /* the desk's words in its language */
  function word(key, fallback) { return W["js_" + key] || fallback; }
  function waiting(n) { return (W.waiting || "{n} waiting").replace("{n}", n); }

  function say(text) { status.textContent = text; clearTimeout(say.timer); say.timer = setTimeout(function () { status.textContent = ""; }, 4000); }
  function post(url, body) {
    return fetch(url, { method: "POST", credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": csrf }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (d) { if (!r.ok) throw new Error(d.message || r.status); return d; }); });
  }
  function items() { return queue ? Array.prototype.slice.call(queue.querySelectorAll(".item:not(.decided)")) : []; }
  function focus(item) {
    if (current) current.classList.remove("current");
    current = item || null;
    if (current) { current.classList.add("current"); current.focus({ preventScroll: true }); current.scrollIntoView({ block: "nearest" }); }
  }
  function move(step) {
    var list = items(); if (!list.length) return;
    var at = list.indexOf(current);
    focus(list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + step))]);
  }
  function decide(targets, decision, category) {
    var ids = targets.map(function (i) { return Number(i.getAttribute("data-id")); });
    if (!ids.length) return;
    var next = items()[items().indexOf(targets[targets.length - 1]) + 1];
    post("/moderate/decide", { ids: ids, decision: decision, category: category || null }).then(function () {
      targets.forEach(function (i) {
        i.classList.add("decided"); i.classList.remove("current");
        var pick = i.querySelector(".pick"); if (pick) pick.checked = false;
        i.querySelector(".done").textContent = decision === "approve" ? word("approved", "approved") : word("rejected", "rejected") + " (" + category + ")";
      });
      lastDecided = ids;
      say((decision === "approve" ? word("did_approve", "Approved") : word("did_reject", "Rejected")) + " " + ids.map(function (n) { return "#" + n; }).join(", ") + " — " + word("undo_hint", "u to undo"));
      focus(next || items()[0]);
      updateCount(-ids.length);
    }).catch(function (e) { say(word("not_saved", "Not saved") + ": " + e.message); });
  }
  function undo() {
    if (!lastDecided.length) return;
    var ids = lastDecided; lastDecided = [];
    Promise.all(ids.map(function (id) { return post("/moderate/undo", { id: id }); })).then(function () {
      ids.forEach(function (id) {
        var item = queue && queue.querySelector('.item[data-id="' + id + '"]');
        if (item) { item.classList.remove("decided"); item.querySelector(".done").textContent = word("back", "back in the queue"); focus(item); }
      });
      say(word("undone", "Undone") + ": " + ids.map(function (n) { return "#" + n; }).join(", "));
      updateCount(ids.length);
    }).catch(function (e) { say(word("not_undone", "Not undone") + ": " + e.message); });
  }
  function selected() { return items().filter(function (i) { var p = i.querySelector(".pick"); return p && p.checked; }); }
  function updateCount(delta) {
    var node = document.getElementById("pending-count"); if (!node) return;
    var n = Math.max(0, parseInt(node.textContent, 10) + delta);
    node.textContent = waiting(n);
  }

  document.addEventListener("click", function (event) {
    var target = event.target, item = target.closest && target.closest(".item");
    if (target.classList.contains("approve") && item) decide([item], "approve");
    else if (target.classList.contains("reject") && item) decide([item], "reject", item.querySelector(".category").value);
    else if (target.id === "bulk-approve") decide(selected(), "approve");
    else if (target.id === "bulk-reject") decide(selected(), "reject", document.getElementById("bulk-category").value);
    else if (target.classList.contains("undo-one")) {
      post("/moderate/undo", { id: Number(target.getAttribute("data-id")) }).then(function () { location.reload(); })
        .catch(function (e) { say(word("not_undone", "Not undone") + ": " + e.message); });
    } else if (item && !/^(A|BUTTON|SELECT|INPUT|OPTION)$/.test(target.tagName)) focus(item);
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) && event.target.type !== "checkbox") return;
    var key = event.key;
    if (awaitingDigit) {
      awaitingDigit = false;
      var n = parseInt(key, 10);
      if (n >= 1 && n <= CATEGORIES.length && current) { event.preventDefault(); decide([current], "reject", CATEGORIES[n - 1]); }
      else say(word("cancelled", "Reject cancelled"));
      return;
    }
    if (key === "j") { move(1); event.preventDefault(); }
    else if (key === "k") { move(-1); event.preventDefault(); }
    else if (key === "a" && current) { decide([current], "approve"); event.preventDefault(); }
    else if (key === "r" && current) { awaitingDigit = true; say(word("reject_as", "Reject as: 1–8")); event.preventDefault(); }
    else if (key === "x" && current) { var p = current.querySelector(".pick"); p.checked = !p.checked; event.preventDefault(); }
    else if (key === "u") { undo(); event.preventDefault(); }
  });

  /* Live queue: the server says when the queue changes; new comments are fetched and appended. */
  if (queue && window.EventSource) {
    var countNode = document.getElementById("pending-count");
    var newest = Number(countNode.getAttribute("data-newest")) || 0;
    var source = new EventSource("/moderate/events");
    source.addEventListener("queue", function (event) {
      var data = JSON.parse(event.data);
      countNode.textContent = waiting(data.pending);
      if (data.newest > newest) {
        newest = data.newest;
        fetch("/moderate" + (location.search ? location.search + "&" : "?") + "fragment=1", { credentials: "same-origin" })
          .then(function (r) { return r.text(); }).then(function (html) {
            var doc = new DOMParser().parseFromString("<ol>" + html + "</ol>", "text/html");
            var added = 0;
            doc.querySelectorAll(".item").forEach(function (node) {
              if (!queue.querySelector('.item[data-id="' + node.getAttribute("data-id") + '"]')) {
                queue.appendChild(document.importNode(node, true)); added++;
              }
            });
            var empty = document.getElementById("empty"); if (empty && added) empty.remove();
            if (added) say(word("new", "New comments in the queue: {n}").replace("{n}", added));
            if (!current) focus(items()[0]);
          });
      }
    });
  }
  focus(items()[0]);
})();
