// The staff console's progressive enhancement: SLA countdowns, the claim button, the
// ticket page's actions (sent to the JSON API through common.js's intake.api), the live
// transcript over server-sent events, and the login form. Customer text is only ever
// inserted with textContent, its invisible characters marked (intake.visible).
"use strict";

(function () {
  const { api, flash, fill, act } = window.intake;
  const i18n = intake.texts("i18n");
  function failed(err) { intake.failed(err, i18n.failed); }

  // Countdowns to each SLA deadline, refreshed every second.
  function pad(n) { return String(n).padStart(2, "0"); }
  function tick() {
    const now = Date.now();
    document.querySelectorAll(".due[data-due]").forEach(function (el) {
      if (!el.dataset.clock) el.dataset.clock = el.textContent;
      const left = Date.parse(el.dataset.due) - now;
      if (left <= 0) {
        el.textContent = el.dataset.clock + " · " + (i18n.breached || "");
        el.classList.add("over");
        return;
      }
      const s = Math.floor(left / 1000);
      el.textContent = el.dataset.clock + " · " + (i18n.left || "") + " " +
        Math.floor(s / 3600) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
    });
  }
  tick();
  setInterval(tick, 1000);

  // Queue: claim a ticket for oneself.
  document.querySelectorAll("button.claim").forEach(function (b) {
    b.addEventListener("click", async function () {
      b.disabled = true;
      try {
        const me = await api("GET", "/api/v1/session");
        await api("POST", "/api/v1/tickets/" + encodeURIComponent(b.dataset.number) + "/assign",
          { assignee: me.user.username });
        b.textContent = i18n.claimed || "";
        location.reload();
      } catch (err) { b.disabled = false; failed(err); }
    });
  });

  // Login: post to the API, which sets the session cookie.
  const login = document.getElementById("login");
  if (login) {
    login.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const out = document.getElementById("login-error");
      out.hidden = true;
      try {
        await api("POST", "/api/v1/login", {
          username: login.elements.username.value, password: login.elements.password.value,
        });
        location.href = "/console/";
      } catch (err) {
        out.textContent = err.message || document.getElementById("login-failed").textContent;
        out.hidden = false;
      }
    });
  }

  // The password form: post to the API, which ends the session; log in again.
  const pwForm = document.getElementById("password-form");
  if (pwForm) {
    pwForm.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const out = document.getElementById("password-error");
      out.hidden = true;
      const f = pwForm.elements;
      if (f.new_password.value !== f.confirm.value) {
        out.textContent = document.getElementById("password-mismatch").textContent;
        out.hidden = false;
        return;
      }
      try {
        await api("POST", "/api/v1/password", {
          current_password: f.current_password.value, new_password: f.new_password.value,
        });
        location.href = "/console/login?changed=1";
      } catch (err) {
        out.textContent = err.message || "";
        out.hidden = false;
      }
    });
  }
  const changed = document.getElementById("password-changed");
  if (changed && new URLSearchParams(location.search).get("changed") === "1") changed.hidden = false;

  // Ticket page.
  const ticket = document.getElementById("ticket");
  if (!ticket) return;
  const number = ticket.dataset.number;
  const base = "/api/v1/tickets/" + encodeURIComponent(number);
  const transcript = document.getElementById("transcript");
  transcript.scrollTop = transcript.scrollHeight;

  function appendLine(l) {
    const li = document.createElement("li");
    li.className = "line role-" + l.role;
    li.dataset.at = l.at;
    if (l.media) li.dataset.media = l.media;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = i18n["role" + l.role.charAt(0).toUpperCase() + l.role.slice(1)] || l.role;
    const time = document.createElement("time");
    time.textContent = new Date(l.at).toLocaleString("zh-CN", { hour12: false });
    const text = document.createElement("div");
    text.className = "text";
    text.textContent = intake.visible(l.text);
    li.append(who, " ", time, text);
    transcript.appendChild(li);
    transcript.scrollTop = transcript.scrollHeight;
  }

  document.querySelectorAll("button[data-action]").forEach(function (b) {
    b.addEventListener("click", function () {
      act(b, async function () {
        await api("POST", base + "/" + b.dataset.action);
        flash(i18n.done || "");
      }, failed);
    });
  });

  const reply = document.getElementById("reply");
  if (reply) {
    reply.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const box = reply.elements.text;
      try {
        const res = await api("POST", base + "/reply", { text: box.value });
        // ticket_tools.js marks the line of a reply WeChat did not take.
        reply.dispatchEvent(new CustomEvent("replied", { detail: { text: box.value, result: res } }));
        box.value = "";
        if (res && res.delivered) flash(i18n.sent || "");
        else flash(fill(i18n.recorded, { note: (res && res.note) || "" }), true);
      } catch (err) { failed(err); }
    });
  }

  function reloadOnSubmit(form, path, body) {
    if (!form) return;
    form.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      try {
        await api("POST", base + path, body(form.elements));
        location.reload();
      } catch (err) { failed(err); }
    });
  }
  reloadOnSubmit(document.getElementById("status-form"), "/status",
    function (f) { return { status: f.status.value, note: f.note.value }; });
  reloadOnSubmit(document.getElementById("note-form"), "/notes",
    function (f) { return { text: f.text.value }; });

  // Canned replies: picking one inserts its text into the reply box at the cursor, where
  // the agent can still edit it before sending. The list comes from GET /api/v1/canned.
  const picker = document.getElementById("canned-picker");
  if (picker && reply) {
    const texts = {};
    api("GET", "/api/v1/canned").then(function (res) {
      const items = (res && res.items) || [];
      items.forEach(function (r) {
        const o = document.createElement("option");
        o.value = String(r.id);
        o.textContent = r.label;
        o.title = r.text;
        texts[o.value] = r.text;
        picker.appendChild(o);
      });
      if (!items.length) {
        picker.options[0].textContent = picker.dataset.none || "";
        picker.disabled = true;
      }
      picker.dataset.loaded = String(items.length);
    }).catch(failed);
    picker.addEventListener("change", function () {
      const text = texts[picker.value];
      picker.value = "";
      if (!text) return;
      const box = reply.elements.text;
      const start = box.selectionStart, end = box.selectionEnd;
      box.value = box.value.slice(0, start) + text + box.value.slice(end);
      box.focus();
      box.setSelectionRange(start + text.length, start + text.length);
    });
  }

  // New transcript lines, live. EventSource reconnects by itself.
  if (window.EventSource) {
    const es = new EventSource(base + "/events");
    const live = document.getElementById("live");
    es.onopen = function () { live.hidden = false; };
    es.onerror = function () { live.hidden = true; };
    es.onmessage = function (ev) {
      try { appendLine(JSON.parse(ev.data)); } catch (e) { /* ignore a malformed event */ }
    };
  }
})();
