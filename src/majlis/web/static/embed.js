/* Majlis comment widget. One tag does it all:
 *   <script src="https://COMMENTS-HOST/embed.js" data-site="SLUG" data-article="KEY" async></script>
 * Optional: data-lang, data-url, data-order (oldest|newest), data-target (element id). Titles come from
 * the publisher's API, never from the page, so data-title is not read.
 * Rendered in a Shadow DOM so the page's CSS and the widget's cannot touch each other.
 * Comment text is only ever set with textContent: it is never parsed as HTML. */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[src*="embed.js"][data-site]');
  if (!script || script.getAttribute("data-majlis-loaded")) return;
  script.setAttribute("data-majlis-loaded", "1");

  var base = new URL(script.src, location.href).origin;
  var site = script.getAttribute("data-site") || "";
  var article = script.getAttribute("data-article") || location.pathname;
  var requestedLang = (script.getAttribute("data-lang") || document.documentElement.lang || "en").toLowerCase();
  var order = script.getAttribute("data-order") === "newest" ? "newest" : "oldest";
  /* Without data-article the key is the page's path: its address, query and fragment left out, is the article's. */
  var articleUrl = script.getAttribute("data-url") || (script.getAttribute("data-article") ? "" : location.origin + location.pathname);
  var api = base + "/api/v1/sites/" + encodeURIComponent(site) + "/articles/" + encodeURIComponent(article);
  var SIZE_KEY = "majlis:text-scale";
  var URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;

  var host = document.createElement("div");
  host.className = "majlis-comments";
  var target = script.getAttribute("data-target") && document.getElementById(script.getAttribute("data-target"));
  if (target) target.appendChild(host); else script.parentNode.insertBefore(host, script.nextSibling);
  var root = host.attachShadow({ mode: "open" });

  var t = {}, config = {}, lang = "en", total = 0, cursor = null, replyTo = null, ticket = null;
  var state = { posting: false, startedAt: Date.now() };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function fill(s, values) {
    return String(s).replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? values[k] : ""; });
  }
  function plural(forms, n) {
    var rule = "other";
    try { rule = new Intl.PluralRules(lang).select(n); } catch (e) { /* unknown locale */ }
    var number;
    try { number = new Intl.NumberFormat(lang).format(n); } catch (e) { number = String(n); }
    return fill(forms[rule] || forms.other, { n: number });
  }
  /* Relative times from the browser's CLDR data; for languages it lacks (Sorani, Kurmanji) the
   * server's unit phrases, with the plural form still chosen by Intl.PluralRules. */
  function relative(iso) {
    var seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    var units = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
    var native = false;
    try { native = Intl.RelativeTimeFormat.supportedLocalesOf([lang]).length > 0; } catch (e) { native = false; }
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || units[i][0] === "second") {
        var n = Math.round(seconds / units[i][1]);
        if (native) return new Intl.RelativeTimeFormat(lang, { numeric: "auto" }).format(n, units[i][0]);
        if (t.relative) return n >= 0 ? t.relative.now : plural(t.relative[units[i][0]], -n);
        return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(n, units[i][0]);
      }
    }
    return "";
  }
  function absolute(iso) {
    try { return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(new Date(iso)); }
    catch (e) { return iso; }
  }
  function request(method, url, body) {
    var options = { method: method, headers: {} };
    if (body) { options.headers["content-type"] = "application/json"; options.body = JSON.stringify(body); }
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }

  /* What only deceives or defaces is not shown (the stored text keeps it): bidi overrides,
   * zero-width floods, stacks of more than three combining marks. */
  var BIDI = /[\u202A-\u202E\u2066-\u2069]/g, ZW = /[\u200B-\u200D\u2060\uFEFF]{2,}/g;
  var MARKS = /([\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]{3})[\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]+/g;
  function clean(text) { return String(text).replace(BIDI, "").replace(ZW, "").replace(MARKS, "$1"); }

  /* Comment text: plain text nodes; links are text unless the site allows their domain. */
  function body(text) {
    text = clean(text);
    var node = el("p", { class: "text", dir: "auto" });
    var last = 0;
    text.replace(URL_RE, function (match, offset) {
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var hostname = "";
      try { hostname = new URL(match).hostname.toLowerCase().replace(/^www\./, ""); } catch (e) { hostname = ""; }
      var allowed = hostname && (config.link_domains || []).some(function (d) { return hostname === d || hostname.slice(-d.length - 1) === "." + d; });
      node.appendChild(allowed
        ? el("a", { href: match, rel: "nofollow ugc noopener", target: "_blank", text: match })
        : el("span", { class: "link", text: match }));
      last = offset + match.length;
      return match;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }
  function commentNode(c, isReply) {
    var replyButton = isReply ? null : el("button", { type: "button", class: "link-button", text: t.reply,
      onclick: function () { startReply(c, item); } });
    var item = el("li", { class: isReply ? "comment reply" : "comment", id: "majlis-comment-" + c.id, "data-id": String(c.id) }, [
      el("div", { class: "meta" }, [
        el("span", { class: "author", dir: "auto", text: clean(c.author_name) }),
        el("time", { datetime: c.created_at, title: absolute(c.created_at), text: relative(c.created_at) })
      ]),
      body(c.text),
      replyButton
    ]);
    if (c.replies && c.replies.length) {
      item.appendChild(el("ul", { class: "replies" }, c.replies.map(function (r) { return commentNode(r, true); })));
    }
    return item;
  }

  var list, countNode, moreButton, form, outcome, fields = {}, replyNote;

  function setCount() { countNode.textContent = total ? plural(t.comments, total) : t.no_comments; }
  function load(reset) {
    var url = api + "/comments?order=" + order + (cursor && !reset ? "&cursor=" + encodeURIComponent(cursor) : "");
    return request("GET", url).then(function (r) {
      if (!r.ok || !r.data) throw new Error("load");
      if (reset) list.textContent = "";
      r.data.comments.forEach(function (c) { list.appendChild(commentNode(c, false)); });
      total = r.data.total; cursor = r.data.next_cursor;
      setCount();
      moreButton.hidden = !cursor;
    }).catch(function () { say(t.network, "error"); });
  }

  function say(message, kind, link) {
    outcome.textContent = "";
    outcome.className = "outcome " + (kind || "");
    outcome.appendChild(document.createTextNode(message));
    if (link) {
      outcome.appendChild(document.createTextNode(" "));
      outcome.appendChild(el("a", { href: base + "/guidelines?lang=" + lang, target: "_blank", rel: "noopener", text: t.guidelines }));
    }
  }
  function fieldError(name, message) {
    var f = fields[name];
    if (!f) { say(message, "error"); return; }
    f.error.textContent = message || "";
    f.input.setAttribute("aria-invalid", message ? "true" : "false");
  }
  function validate() {
    var ok = true, v;
    Object.keys(fields).forEach(function (k) { fieldError(k, ""); });
    v = fields.author_name.input.value.trim();
    if (!v) { fieldError("author_name", t.required); ok = false; }
    else if (v.length > config.name_max_chars) { fieldError("author_name", fill(t.too_long, { max: config.name_max_chars })); ok = false; }
    v = fields.author_email.input.value.trim();
    if (!v) { fieldError("author_email", t.required); ok = false; }
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || v.length > config.email_max_chars) { fieldError("author_email", t.bad_email); ok = false; }
    v = fields.text.input.value;
    if (!v.trim()) { fieldError("text", t.required); ok = false; }
    else if (v.length > config.text_max_chars) { fieldError("text", fill(t.too_long, { max: config.text_max_chars })); ok = false; }
    else if (v.length < config.text_min_chars) { fieldError("text", fill(t.too_short, { min: config.text_min_chars })); ok = false; }
    return ok;
  }
  function updateCounter() {
    var n = fields.text.input.value.length;
    fields.text.counter.textContent = fill(t.counter, { n: n, max: config.text_max_chars });
    fields.text.counter.className = "counter" + (n > config.text_max_chars ? " over" : "");
  }
  function startReply(c, item) {
    replyTo = c;
    replyNote.hidden = false;
    replyNote.firstChild.textContent = fill(t.replying_to, { name: c.author_name });
    item.appendChild(form);
    fields.text.input.focus();
  }
  function cancelReply() {
    replyTo = null;
    replyNote.hidden = true;
    formSlot.appendChild(form);
  }
  /* Proof of work: find a nonce whose SHA-256 with the challenge starts with `bits` zero bits. */
  function solve(challenge, bits) {
    var encoder = new TextEncoder(), nonce = 0;
    function zeroBits(bytes) {
      var n = 0;
      for (var i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0) { n += 8; continue; }
        return n + Math.clz32(bytes[i]) - 24;
      }
      return n;
    }
    function step() {
      var batch = [];
      for (var i = 0; i < 64; i++, nonce++) batch.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + nonce)));
      var first = nonce - 64;
      return Promise.all(batch).then(function (digests) {
        for (var j = 0; j < digests.length; j++) if (zeroBits(new Uint8Array(digests[j])) >= bits) return String(first + j);
        return step();
      });
    }
    return step();
  }
  function proofIfAsked() {
    return request("GET", base + "/api/v1/sites/" + encodeURIComponent(site) + "/challenge").then(function (r) {
      if (!r.ok || !r.data || !r.data.required) return null;
      if (!window.crypto || !crypto.subtle) throw new Error("secure page needed");
      return solve(r.data.challenge, r.data.bits).then(function (nonce) { return { challenge: r.data.challenge, nonce: nonce }; });
    });
  }
  function ticketWait() {
    if (!ticket) return Promise.resolve();
    var age = Date.now() - Number(ticket.ticket.split(".")[0]);
    var wait = ticket.min_seconds * 1000 + 150 - age;
    return new Promise(function (resolve) { setTimeout(resolve, Math.max(0, wait)); });
  }
  function submit(event) {
    event.preventDefault();
    if (state.posting || !validate()) return;
    state.posting = true;
    var button = form.querySelector("button[type=submit]");
    button.disabled = true; button.textContent = t.sending;
    var payload = {
      author_name: fields.author_name.input.value.trim(),
      author_email: fields.author_email.input.value.trim(),
      text: fields.text.input.value
    };
    if (replyTo) payload.parent_id = replyTo.id;
    if (articleUrl) payload.article_url = articleUrl.slice(0, 2000);
    if (ticket) payload.ticket = ticket.ticket;
    if (fields.website.input.value) payload.website = fields.website.input.value; /* the honeypot: the server refuses it */
    if (fields.notify && fields.notify.input.checked) payload.notify = true;
    Promise.all([ticketWait(), proofIfAsked()]).then(function (done) {
      if (done[1]) payload.pow = done[1];
      return request("POST", api + "/comments", payload);
    }).then(function (r) {
      if (r.status === 201 && r.data) {
        var posted = r.data;
        if (posted.state === "approved" || posted.state === "pending") {
          fields.text.input.value = ""; updateCounter(); /* kept after a rejection, to be rewritten */
        }
        if (posted.state === "approved") {
          say(t.published, "ok");
          if (replyTo) {
            var parent = root.getElementById("majlis-comment-" + replyTo.id);
            var replies = parent.querySelector(".replies") || parent.appendChild(el("ul", { class: "replies" }));
            replies.appendChild(commentNode(posted.comment, true));
          } else if (order === "newest") list.insertBefore(commentNode(posted.comment, false), list.firstChild);
          else list.appendChild(commentNode(posted.comment, false));
          total += 1; setCount();
        } else if (posted.state === "pending") say(t.pending, "wait");
        else if (posted.category && t.categories[posted.category]) say(fill(t.rejected, { category: t.categories[posted.category] }), "error", true);
        else say(t.rejected_plain, "error", true);
        if (replyTo && posted.state !== "rejected") cancelReply();
      } else if (r.data && r.data.field && fields[r.data.field]) {
        fieldError(r.data.field, r.data.message);
        fields[r.data.field].input.focus();
      } else say((r.data && r.data.message) || t.error, "error");
    }).catch(function () { say(t.network, "error"); }).then(function () {
      state.posting = false; button.disabled = false; button.textContent = t.submit;
    });
  }

  function field(name, label, input, note) {
    var id = "majlis-" + name;
    input.id = id; input.name = name;
    var error = el("span", { class: "field-error", id: id + "-error", role: "alert" });
    input.setAttribute("aria-describedby", id + "-error" + (note ? " " + id + "-note" : ""));
    var wrap = el("div", { class: "field" }, [
      el("label", { for: id, text: label }), input,
      note ? el("span", { class: "note", id: id + "-note", text: note }) : null, error
    ]);
    fields[name] = { input: input, error: error, wrap: wrap };
    return wrap;
  }
  function notifyBox() {
    var box = el("input", { type: "checkbox", id: "majlis-notify", name: "notify" });
    fields.notify = { input: box, error: el("span", {}), wrap: null };
    return el("div", { class: "notify" }, [box, el("label", { for: "majlis-notify", text: t.notify })]);
  }
  function applyScale(scale) {
    scale = Math.max(0.8, Math.min(1.6, scale));
    host.style.setProperty("--majlis-scale", String(scale));
    try { localStorage.setItem(SIZE_KEY, String(scale)); } catch (e) { /* private mode */ }
    return scale;
  }

  var formSlot;
  function render() {
    var rtl = t.dir === "rtl";
    var style = el("style", { text: CSS });
    var scale = 1;
    try { scale = parseFloat(localStorage.getItem(SIZE_KEY)) || 1; } catch (e) { scale = 1; }
    applyScale(scale);
    countNode = el("h2", { class: "count", "aria-live": "polite" });
    var sortSelect = el("select", { "aria-label": t.sort, onchange: function () { order = this.value; cursor = null; load(true); } }, [
      el("option", { value: "oldest", text: t.oldest }), el("option", { value: "newest", text: t.newest })
    ]);
    sortSelect.value = order;
    var tools = el("div", { class: "tools" }, [
      sortSelect,
      el("button", { type: "button", class: "size", "aria-label": t.smaller, title: t.smaller, text: "A−",
        onclick: function () { scale = applyScale(scale - 0.1); } }),
      el("button", { type: "button", class: "size", "aria-label": t.bigger, title: t.bigger, text: "A+",
        onclick: function () { scale = applyScale(scale + 0.1); } })
    ]);
    list = el("ul", { class: "list" });
    moreButton = el("button", { type: "button", class: "more", text: t.load_more, hidden: "hidden", onclick: function () { load(false); } });
    outcome = el("div", { class: "outcome", role: "status", "aria-live": "polite" });
    var textarea = el("textarea", { rows: "4", maxlength: String(config.text_max_chars * 2), dir: "auto", required: "required" });
    textarea.addEventListener("input", updateCounter);
    replyNote = el("p", { class: "reply-note", hidden: "hidden" }, [
      el("span", {}), el("button", { type: "button", class: "link-button", text: t.cancel_reply, onclick: cancelReply })
    ]);
    var honeypot = el("input", { type: "text", tabindex: "-1", autocomplete: "off" });
    form = el("form", { class: "form", novalidate: "novalidate", onsubmit: submit }, [
      replyNote,
      el("div", { class: "row" }, [
        field("author_name", t.name, el("input", { type: "text", autocomplete: "name", dir: "auto", required: "required" })),
        field("author_email", t.email, el("input", { type: "email", autocomplete: "email", dir: "ltr", required: "required" }), t.email_note)
      ]),
      field("text", t.comment, textarea),
      el("div", { class: "hp", "aria-hidden": "true" }, [field("website", "Website", honeypot)]),
      config.notifications ? notifyBox() : null,
      el("div", { class: "actions" }, [
        el("span", { class: "counter", "aria-live": "off" }),
        el("button", { type: "submit", class: "submit", text: t.submit })
      ])
    ]);
    fields.text.counter = form.querySelector(".counter");
    formSlot = el("div", { class: "form-slot" }, [form]);
    var container = el("section", { class: "majlis", dir: rtl ? "rtl" : "ltr", lang: lang, "aria-label": t.title }, [
      el("header", {}, [countNode, tools]), outcome, formSlot, list, moreButton,
      el("p", { class: "footer" }, [el("a", { href: base + "/guidelines?lang=" + lang, target: "_blank", rel: "noopener", text: t.guidelines })])
    ]);
    root.appendChild(style);
    root.appendChild(container);
    updateCounter();
  }

  var CSS = [
    ":host{all:initial!important;display:block!important;contain:content;--majlis-scale:1}",
    ".majlis{font:16px/1.55 system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans Arabic',Tahoma,sans-serif;color:#1d232b;background:#fff;max-width:46rem;margin:0 auto;padding:0;text-align:start}",
    ".majlis *{box-sizing:border-box}",
    "header{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;border-bottom:2px solid #1d232b;padding-bottom:.4rem;margin-bottom:1rem}",
    ".count{font-size:1.25rem;margin:0;font-weight:700}",
    ".tools{display:flex;gap:.35rem;align-items:center}",
    "select,button,input,textarea{font:inherit;color:inherit}",
    "select,.size{border:1px solid #8a939e;background:#fff;border-radius:.4rem;padding:.2rem .5rem;min-height:2.2rem;cursor:pointer}",
    ".size{font-weight:700;min-width:2.4rem}",
    ":focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}",
    ".form{display:grid;gap:.75rem;background:#f4f6f8;border:1px solid #d5dbe1;border-radius:.6rem;padding:1rem;margin:0 0 1.25rem}",
    ".row{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}",
    ".field{display:grid;gap:.25rem;align-content:start}",
    "label{font-weight:600;font-size:.95rem}",
    "input,textarea{width:100%;border:1px solid #8a939e;border-radius:.4rem;padding:.55rem .65rem;background:#fff}",
    "textarea{resize:vertical;min-height:6rem}",
    "[aria-invalid=true]{border-color:#b3261e;box-shadow:0 0 0 1px #b3261e}",
    ".note{font-size:.85rem;color:#4a5560}",
    ".field-error{color:#b3261e;font-size:.9rem;min-height:0}",
    ".field-error:empty{display:none}",
    ".actions{display:flex;align-items:center;justify-content:space-between;gap:1rem}",
    ".counter{font-size:.85rem;color:#4a5560;font-variant-numeric:tabular-nums}",
    ".counter.over{color:#b3261e;font-weight:700}",
    ".submit{background:#1a5fb4;color:#fff;border:0;border-radius:.45rem;padding:.6rem 1.2rem;font-weight:700;cursor:pointer;min-height:2.6rem}",
    ".submit:disabled{opacity:.6;cursor:progress}",
    ".notify{display:flex;gap:.5em;align-items:center;margin:.4em 0}.notify input{width:auto;margin:0}",
    ".hp{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;inset-inline-start:0}",
    ".outcome:empty{display:none}",
    ".outcome{border-radius:.5rem;padding:.7rem .9rem;margin:0 0 1rem;font-weight:600}",
    ".outcome.ok{background:#e3f4e8;color:#135c2c}",
    ".outcome.wait{background:#fff4d6;color:#5c4300}",
    ".outcome.error{background:#fde7e6;color:#8c1d18}",
    ".outcome a{color:inherit}",
    ".list,.replies{list-style:none;margin:0;padding:0}",
    ".comment{border-bottom:1px solid #e2e6ea;padding:.9rem 0}",
    ".replies{margin-inline-start:1.5rem;border-inline-start:3px solid #d5dbe1;padding-inline-start:1rem;margin-top:.6rem}",
    ".reply{border-bottom:0;padding:.5rem 0}",
    ".meta{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}",
    ".author{font-weight:700}",
    "time{color:#4a5560;font-size:.85rem}",
    ".text{margin:.3rem 0 .4rem;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;font-size:calc(1rem * var(--majlis-scale))}",
    ".link{text-decoration:underline dotted;color:#4a5560}",
    ".text a{color:#1a5fb4}",
    ".link-button{background:none;border:0;padding:.2rem 0;color:#1a5fb4;font-weight:600;cursor:pointer}",
    ".reply-note{display:flex;gap:.8rem;align-items:center;margin:0;font-weight:600}",
    ".reply-note[hidden]{display:none}",
    ".more{display:block;margin:1rem auto;border:1px solid #1a5fb4;color:#1a5fb4;background:#fff;border-radius:.45rem;padding:.5rem 1rem;font-weight:700;cursor:pointer}",
    ".more[hidden]{display:none}",
    ".footer{font-size:.85rem;margin-top:1rem}",
    ".footer a{color:#1a5fb4}",
    "@media (max-width:480px){.majlis{font-size:15px}.replies{margin-inline-start:.6rem;padding-inline-start:.6rem}}"
  ].join("\n");

  Promise.all([
    request("GET", base + "/api/v1/sites/" + encodeURIComponent(site) + "/config"),
    request("GET", base + "/api/v1/i18n/" + encodeURIComponent(requestedLang)),
    request("GET", base + "/api/v1/sites/" + encodeURIComponent(site) + "/ticket")
  ]).then(function (answers) {
    if (!answers[0].ok || !answers[1].ok) throw new Error("config");
    config = answers[0].data; t = answers[1].data; lang = t.lang;
    ticket = answers[2].ok ? answers[2].data : null;
    render();
    return load(true);
  }).catch(function () {
    root.appendChild(el("p", { text: "Comments could not be loaded." }));
  });
})();
