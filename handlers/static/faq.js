// The FAQ pages beside the rules (/console/rules/faq…): save and delete an entry and the
// "试一试" preview, all through the FAQ API (/api/v1/kb/faq…, common.js's intake.api with
// the session's CSRF token), which validates an entry as every other client's. Entry and
// customer text is only ever inserted with textContent.
"use strict";

(function () {
  const { api, flash, fill } = window.intake;
  const i18n = intake.texts("faq-i18n");
  function failed(err) { intake.failed(err, i18n.failed); }
  function li(text, cls) {
    const el = document.createElement("li");
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }
  function lines(v) { return v.split("\n").map(function (x) { return x.trim(); }).filter(Boolean); }

  // Delete an entry (list rows and the entry page), after a confirmation.
  document.querySelectorAll("button.faq-delete").forEach(function (b) {
    b.addEventListener("click", async function () {
      const id = b.dataset.id;
      if (!window.confirm(fill(i18n.confirmDelete, { id: id }))) return;
      b.disabled = true;
      try {
        await api("DELETE", "/api/v1/kb/faq/" + encodeURIComponent(id));
        flash(fill(i18n.deleted, { id: id }));
        setTimeout(function () { location.href = "/console/rules/faq"; }, 500);
      } catch (err) { b.disabled = false; failed(err); }
    });
  });

  // Save the entry's form as JSON; the API's problems are listed beside it.
  const form = document.getElementById("faq-form");
  if (form) {
    const list = document.getElementById("faq-problems");
    const ok = document.getElementById("faq-ok");
    const setProblems = function (data) {
      list.textContent = "";
      ((data || {}).problems || []).forEach(function (p) {
        const item = li(p.message, "problem");
        if (p.field) item.dataset.field = p.field;
        if (p.code) item.dataset.code = p.code;
        list.appendChild(item);
      });
      ok.hidden = list.children.length > 0;
    };
    form.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const id = form.dataset.id;
      const el = function (name) { return form.elements.namedItem(name); };
      const entry = {
        id: el("id").value.trim(),
        title: el("title").value.trim(),
        categories: Array.from(form.querySelectorAll("input[name=categories]:checked")).map(function (c) { return c.value; }),
        normal: el("normal").checked,
        keywords: lines(el("keywords").value),
        answer: el("answer").value.trim(),
        image: el("image").value.trim(),
        samples: lines(el("samples").value),
      };
      try {
        const res = await api(id ? "PUT" : "POST", id ? "/api/v1/kb/faq/" + encodeURIComponent(id) : "/api/v1/kb/faq", entry);
        setProblems({});
        if (res.id !== id) {
          location.href = "/console/rules/faq/" + encodeURIComponent(res.id) + "?saved=1";
          return;
        }
        flash(fill(i18n.saved, { id: res.id }));
      } catch (err) {
        failed(err);
        setProblems(err.data);
      }
    });
    if (new URLSearchParams(location.search).get("saved")) flash(fill(i18n.saved, { id: form.dataset.id }));
  }

  // 试一试: where a customer's question goes on the draft.
  const preview = document.getElementById("faq-preview-form");
  if (preview) {
    preview.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      try {
        const res = await api("POST", "/api/v1/kb/faq/preview",
          { text: preview.elements.text.value, category: preview.elements.category.value });
        const box = document.getElementById("faq-preview-result");
        box.dataset.goesTo = res.goes_to;
        box.dataset.faq = res.faq ? res.faq.id : "";
        box.dataset.rule = res.rule ? (res.rule.rule_id || "") : "";
        const goes = { hazard: i18n.goesHazard, faq: i18n.goesFaq, rule: i18n.goesRule, none: i18n.goesNone }[res.goes_to];
        const target = res.goes_to === "faq" ? (res.faq.title + "（" + res.faq.id + "）")
          : (res.rule && res.rule.rule_id ? (res.rule.title + "（" + res.rule.rule_id + "）") : "");
        document.getElementById("faq-preview-goes").textContent = fill(goes || res.goes_to, { target: target });
        const t = document.getElementById("faq-preview-target");
        t.textContent = res.goes_to !== "faq" && res.faq
          ? fill(i18n.bestFaq, { id: res.faq.id, title: res.faq.title, score: res.faq.score.toFixed(2) }) : "";
        const msgs = document.getElementById("faq-preview-messages");
        msgs.textContent = "";
        (res.messages || []).forEach(function (m) { msgs.appendChild(li(m, "message")); });
        if (res.goes_to === "faq" && res.faq.image) msgs.appendChild(li(res.faq.image, "message"));
        box.hidden = false;
      } catch (err) { failed(err); }
    });
  }
})();
