// The ticket view's tools (handlers/console_ticket_tools.go): a reply WeChat did not take is
// marked 未送达 with its reason and a 重试 button that sends it again (the API's
// retry_of: no second transcript line); customers' photos show as thumbnails, live lines
// included; reassignment, claiming and visit booking post to the JSON API. Text from
// customers is only ever inserted with textContent.
"use strict";

(function () {
  const ticket = document.getElementById("ticket");
  const tr = (document.getElementById("i18n-tools") || {}).dataset;
  if (!ticket || !tr) return;
  const { api, flash, failed, act } = window.intake;
  const base = "/api/v1/tickets/" + encodeURIComponent(ticket.dataset.number);
  const transcript = document.getElementById("transcript");

  // Undelivered replies. A reply's result comes from console.js's "replied" event; its
  // live line may arrive before or after it.
  function markUndelivered(li, id, note) {
    li.classList.add("undelivered");
    let p = li.querySelector(".undelivered-note");
    if (!p) {
      p = document.createElement("p");
      p.className = "undelivered-note";
      const strong = document.createElement("strong");
      strong.textContent = tr.undelivered;
      const reason = document.createElement("span");
      reason.className = "reason";
      p.append(strong, "：", reason);
      if (tr.canChat) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "retry";
        b.textContent = tr.retry;
        p.append(" ", b);
      }
      li.appendChild(p);
    }
    p.querySelector(".reason").textContent = note;
    const b = p.querySelector("button.retry");
    if (b) b.dataset.id = id;
  }

  const pending = []; // undelivered replies whose live line has not arrived yet
  function sameLine(li, at, text) {
    const t = li.querySelector(".text");
    return li.classList.contains("role-staff") && li.dataset.at && Date.parse(li.dataset.at) === Date.parse(at) &&
      t && t.textContent === intake.visible(text);
  }

  const reply = document.getElementById("reply");
  if (reply) {
    reply.addEventListener("replied", function (ev) {
      const res = ev.detail.result;
      if (!res || res.delivered || !res.id) return;
      const u = { id: res.id, at: res.at, text: ev.detail.text, note: res.note || "" };
      const li = Array.from(transcript.querySelectorAll("li")).find(function (l) { return sameLine(l, u.at, u.text); });
      if (li) markUndelivered(li, u.id, u.note); else pending.push(u);
    });
  }

  transcript.addEventListener("click", function (ev) {
    const b = ev.target.closest("button.retry");
    if (!b) return;
    const li = b.closest("li");
    act(b, async function () {
      const res = await api("POST", base + "/reply", { retry_of: b.dataset.id });
      if (res && res.delivered) {
        li.classList.remove("undelivered");
        li.querySelector(".undelivered-note").remove();
        flash(tr.retried);
        return;
      }
      markUndelivered(li, res.id || b.dataset.id, (res && res.note) || "");
      flash(tr.undelivered + "：" + ((res && res.note) || ""), true);
    });
  });

  // Photos: a customer's line stored as a photo (data-media, from the line's "media")
  // shows the stored image; a line whose text only looks like "[图片] …" never does. A
  // live line's photo is still being downloaded: try again a few times before leaving
  // the text.
  function showImage(li) {
    const text = li.querySelector(".text");
    const id = li.dataset.media;
    if (!li.classList.contains("role-customer") || !text || !id || li.dataset.image || text.classList.contains("image")) return;
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) return;
    li.dataset.image = id;
    const src = "/console/media/" + encodeURIComponent(id);
    let tries = 0;
    const img = new Image();
    img.className = "thumb";
    img.alt = tr.image;
    img.onload = function () {
      const a = document.createElement("a");
      a.href = src;
      a.target = "_blank";
      a.rel = "noopener";
      a.appendChild(img);
      text.replaceChildren(a);
      text.classList.add("image");
    };
    img.onerror = function () {
      if (++tries < 8) setTimeout(function () { img.src = src + "?try=" + tries; }, 1500);
    };
    img.src = src;
  }

  transcript.querySelectorAll("li").forEach(showImage); // photos downloaded since the page was made
  new MutationObserver(function (changes) {
    changes.forEach(function (c) {
      c.addedNodes.forEach(function (li) {
        if (li.nodeName !== "LI") return;
        showImage(li);
        const i = pending.findIndex(function (u) { return sameLine(li, u.at, u.text); });
        if (i >= 0) markUndelivered(li, pending[i].id, pending[i].note), pending.splice(i, 1);
      });
    });
  }).observe(transcript, { childList: true });

  // Reassignment (admins) and claiming (agents); visit booking.
  const assign = document.getElementById("assign-form");
  if (assign) {
    assign.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const body = { assignee: assign.elements.assignee.value };
      if (assign.elements.group && assign.elements.group.value) body.group = assign.elements.group.value;
      try { await api("POST", base + "/assign", body); location.reload(); } catch (err) { failed(err); }
    });
    const claim = document.getElementById("claim-self");
    if (claim) {
      claim.addEventListener("click", async function () {
        claim.disabled = true;
        try {
          const me = await api("GET", "/api/v1/session");
          await api("POST", base + "/assign", { assignee: me.user.username });
          location.reload();
        } catch (err) { claim.disabled = false; failed(err); }
      });
    }
  }
  const visit = document.getElementById("visit-form");
  if (visit) {
    visit.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      try {
        await api("POST", base + "/visit", { start: Number(visit.elements.start.value) });
        location.reload();
      } catch (err) { failed(err); }
    });
  }
})();
