// The rule editor's progressive enhancement: save, delete, publish, roll back and import
// through the knowledge API (/api/v1/kb, common.js's intake.api), the draft
// preview, and the problems of a rule shown next to its YAML, line by line. Rule and
// customer text is only ever inserted with textContent.
"use strict";

(function () {
  const { api, flash, fill } = window.intake;
  const i18n = intake.texts("editor-i18n");
  function failed(err) { intake.failed(err, i18n.failed); }

  function li(text, cls) {
    const el = document.createElement("li");
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }

  // problemList renders a refusal's details: validation problems (with their line) or a
  // self-test report.
  function problemList(data, onLine) {
    const ul = document.createElement("ul");
    (data.problems || []).forEach(function (p) {
      const item = li(p.message, "problem");
      if (p.line) item.dataset.line = p.line;
      if (p.field) item.dataset.field = p.field;
      if (p.line && onLine) {
        item.classList.add("jump");
        item.addEventListener("click", function () { onLine(p.line); });
      }
      ul.appendChild(item);
    });
    const r = data.report;
    if (r) {
      (r.failures || []).forEach(function (f) {
        ul.appendChild(li(fill(i18n.sampleRank, {
          rule: f.rule_id, sample: f.sample, rank: f.rank || "—",
          got: (f.got || []).map(function (g) { return g.rule_id; }).join("、"),
        }), "problem"));
      });
      (r.overlaps || []).forEach(function (o) {
        ul.appendChild(li(fill(i18n.overlap, { phrase: o.phrase, rules: (o.rule_ids || []).join("、") }), "problem"));
      });
      if (r.error) ul.appendChild(li(r.error, "problem"));
    }
    return ul;
  }

  function showProblems(box, err) {
    box.textContent = "";
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = err.message;
    box.append(p, problemList(err.data || {}));
    box.hidden = false;
  }

  // Publish the draft.
  const publish = document.getElementById("publish");
  if (publish) {
    publish.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const box = document.getElementById("publish-problems");
      box.hidden = true;
      try {
        const res = await api("POST", "/api/v1/kb/publish", { message: publish.elements.message.value });
        flash(fill(i18n.published, { version: res.revision.version }));
        setTimeout(function () { location.reload(); }, 800);
      } catch (err) {
        failed(err);
        if (err.data && (err.data.problems || err.data.report)) showProblems(box, err);
      }
    });
  }

  // Run the self-test on the draft, as publishing would.
  const selftest = document.getElementById("selftest");
  if (selftest) {
    selftest.addEventListener("click", async function () {
      const box = document.getElementById("publish-problems");
      box.hidden = true;
      try {
        const r = (await api("GET", "/api/v1/kb/selftest")).report;
        if (r.passed) {
          flash(fill(i18n.selftestPassed, { total: r.plain.total, top1: r.plain.top1 }));
          return;
        }
        const err = new Error(fill(i18n.selftestFailed, { n: (r.failures || []).length }));
        err.data = { report: r };
        flash(err.message, true);
        showProblems(box, err);
      } catch (err) { failed(err); }
    });
  }

  // Roll back to an old revision, after a confirmation.
  document.querySelectorAll("button.rollback").forEach(function (b) {
    b.addEventListener("click", async function () {
      if (!window.confirm(fill(i18n.confirmRollback, { version: b.dataset.version }))) return;
      b.disabled = true;
      try {
        const res = await api("POST", "/api/v1/kb/rollback", { version: Number(b.dataset.version) });
        flash(fill(i18n.rolledback, { version: res.revision.version }));
        setTimeout(function () { location.reload(); }, 800);
      } catch (err) { b.disabled = false; failed(err); }
    });
  });

  // Import a JSON map of files, uploaded or pasted (what the export link downloads).
  const imp = document.getElementById("import");
  if (imp) {
    imp.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const box = document.getElementById("import-problems");
      box.hidden = true;
      const file = imp.elements.file.files[0];
      const text = file ? await file.text() : imp.elements.text.value;
      let files;
      try {
        const obj = JSON.parse(text);
        files = obj && obj.files ? obj.files : obj;
        if (!files || typeof files !== "object" || Array.isArray(files)) throw new Error("shape");
      } catch (e) { flash(i18n.badJson, true); return; }
      try {
        await api("POST", "/api/v1/kb/import", { files: files });
        flash(i18n.imported);
        setTimeout(function () { location.reload(); }, 800);
      } catch (err) {
        failed(err);
        if (err.data && err.data.problems) showProblems(box, err);
      }
    });
  }

  // Preview: rank the draft's rules for a customer's sentence.
  const preview = document.getElementById("preview-form");
  if (preview) {
    preview.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      try {
        const res = await api("POST", "/api/v1/kb/match?draft=1",
          { text: preview.elements.text.value, category: preview.elements.category.value });
        const rows = document.getElementById("preview-matches");
        rows.textContent = "";
        (res.matches || []).forEach(function (m, i) {
          const tr = document.createElement("tr");
          tr.dataset.rule = m.id;
          const a = document.createElement("a");
          a.href = "/console/rules/" + encodeURIComponent(m.id);
          a.textContent = m.id;
          [String(i + 1), a, m.title, m.score.toFixed(2), (m.reasons || []).join("；")].forEach(function (v) {
            const td = document.createElement("td");
            td.append(v);
            tr.appendChild(td);
          });
          rows.appendChild(tr);
        });
        if (!rows.children.length) {
          const tr = document.createElement("tr");
          const td = document.createElement("td");
          td.colSpan = 5;
          td.textContent = i18n.noMatches;
          tr.appendChild(td);
          rows.appendChild(tr);
        }
        const walk = document.getElementById("preview-walkthrough");
        walk.textContent = "";
        (res.walkthrough.messages || []).forEach(function (m) { walk.appendChild(li(m, "message")); });
        document.getElementById("preview-result").hidden = false;
      } catch (err) { failed(err); }
    });
  }

  // The rule page: line numbers beside the YAML, save, delete.
  const form = document.getElementById("rule-form");
  if (!form) return;
  const yaml = document.getElementById("rule-yaml");
  const gutter = document.getElementById("rule-gutter");
  function numberLines() {
    const n = yaml.value.split("\n").length;
    let s = "";
    for (let i = 1; i <= n; i++) s += i + "\n";
    gutter.textContent = s;
    gutter.scrollTop = yaml.scrollTop;
  }
  yaml.addEventListener("input", numberLines);
  yaml.addEventListener("scroll", function () { gutter.scrollTop = yaml.scrollTop; });
  numberLines();

  function goToLine(line) {
    const lines = yaml.value.split("\n");
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    yaml.focus();
    yaml.setSelectionRange(start, start + (lines[line - 1] || "").length);
    const lh = yaml.scrollHeight / Math.max(lines.length, 1);
    yaml.scrollTop = Math.max(0, (line - 3) * lh);
  }

  const list = document.getElementById("rule-problems");
  const ok = document.getElementById("rule-ok");
  function setProblems(data) {
    list.textContent = "";
    const ul = problemList(data || {}, goToLine);
    while (ul.firstChild) list.appendChild(ul.firstChild);
    ok.hidden = list.children.length > 0;
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    const id = form.dataset.id;
    const path = id ? "/api/v1/kb/rules/" + encodeURIComponent(id) : "/api/v1/kb/rules";
    try {
      const res = await api(id ? "PUT" : "POST", path, yaml.value, "text/yaml; charset=utf-8");
      setProblems({});
      const saved = res.rule.id;
      if (saved !== id) {
        location.href = "/console/rules/" + encodeURIComponent(saved) + "?saved=1";
        return;
      }
      flash(fill(i18n.saved, { id: saved }));
    } catch (err) {
      failed(err);
      setProblems(err.data);
      if (err.data && err.data.problems && err.data.problems[0] && err.data.problems[0].line) {
        goToLine(err.data.problems[0].line);
      }
    }
  });
  if (new URLSearchParams(location.search).get("saved")) flash(fill(i18n.created, { id: form.dataset.id }));

  // ruleYAML writes a rule object in the layout of the shipped rule files (the schema's
  // field order, flow lists), so that a rule saved from the form reads like one written by
  // hand. A string that YAML could misread is written as a JSON string, which YAML reads.
  function scalar(v, inFlow) {
    if (typeof v !== "string") return JSON.stringify(v);
    const plain = v !== "" && v.trim() === v && !/^[-?:,\[\]{}#&*!|>'"%@`]/.test(v) && !/: | #|[\n\t]/.test(v) &&
      !/:$/.test(v) && !(inFlow && /[,\[\]{}]/.test(v)) &&
      !/^(true|false|yes|no|on|off|null|~|[-+.\d][\d._eE+-]*)$/i.test(v);
    return plain ? v : JSON.stringify(v);
  }
  function flow(a) { return "[" + (a || []).map(function (x) { return scalar(x, true); }).join(", ") + "]"; }
  function ruleYAML(r) {
    const out = [];
    const put = function (ind, k, v) { if (v !== undefined && v !== null && v !== "") out.push(ind + k + ": " + v); };
    put("", "id", scalar(r.id || ""));
    put("", "title", scalar(r.title || ""));
    out.push("categories: " + flow(r.categories));
    if (r.safety) put("", "safety", "true");
    if (r.advice) put("", "advice", scalar(r.advice));
    const tr = r.triggers || {};
    out.push("triggers:");
    out.push("  keywords: " + flow(tr.keywords));
    out.push("  synonyms: " + flow(tr.synonyms));
    if (tr.error_codes && tr.error_codes.length) out.push("  error_codes: " + flow(tr.error_codes));
    if (tr.regex && tr.regex.length) out.push("  regex: " + flow(tr.regex));
    if (r.condition) put("", "condition", scalar(r.condition));
    out.push((r.steps || []).length ? "steps:" : "steps: []");
    (r.steps || []).forEach(function (st) {
      out.push("  - text: " + scalar(st.text || ""));
      if (st.image) put("    ", "image", scalar(st.image));
      if (st.safety) put("    ", "safety", "true");
    });
    const u = r.unresolved || {};
    const price = u.price || {};
    out.push("unresolved:");
    put("  ", "fault_class", scalar(u.fault_class || ""));
    put("  ", "priority", scalar(u.priority || ""));
    put("  ", "onsite", u.onsite ? "true" : "false");
    if (u.skill) put("  ", "skill", scalar(u.skill));
    if (u.component) put("  ", "component", scalar(u.component));
    out.push("  price: {parts: " + flow(price.parts || [0, 0]) + ", labour: " + flow(price.labour || [0, 0]) + "}");
    out.push((r.samples || []).length ? "samples:" : "samples: []");
    (r.samples || []).forEach(function (x) { out.push("  - " + scalar(x)); });
    return out.join("\n") + "\n";
  }

  // The form view: its fields over the rule's others (fetched), sent as YAML.
  const fields = document.getElementById("rule-fields");
  if (fields) {
    fields.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const id = fields.dataset.id;
      const el = function (name) { return fields.elements.namedItem(name).value; };
      const lines = function (v) { return v.split("\n").map(function (x) { return x.trim(); }).filter(Boolean); };
      try {
        const rule = id ? (await api("GET", "/api/v1/kb/rules/" + encodeURIComponent(id))).rule
          : { unresolved: { onsite: true, price: { parts: [0, 0], labour: [0, 0] } } };
        rule.id = el("id").trim();
        rule.title = el("title").trim();
        rule.categories = Array.from(fields.querySelectorAll("input[name=categories]:checked"))
          .map(function (c) { return c.value; });
        rule.triggers = rule.triggers || {};
        rule.triggers.keywords = lines(el("keywords"));
        rule.triggers.synonyms = lines(el("synonyms"));
        rule.triggers.error_codes = lines(el("error_codes"));
        const old = rule.steps || [];
        rule.steps = lines(el("steps")).map(function (t, i) { return Object.assign({}, old[i] || {}, { text: t }); });
        rule.samples = lines(el("samples"));
        rule.unresolved = rule.unresolved || {};
        rule.unresolved.fault_class = el("fault_class");
        rule.unresolved.priority = el("priority");
        const res = await api(id ? "PUT" : "POST", id ? "/api/v1/kb/rules/" + encodeURIComponent(id) : "/api/v1/kb/rules",
          ruleYAML(rule), "text/yaml; charset=utf-8");
        location.href = "/console/rules/" + encodeURIComponent(res.rule.id) + "?saved=1";
      } catch (err) {
        failed(err);
        setProblems(err.data);
      }
    });
  }

  const del = document.getElementById("rule-delete");
  if (del) {
    del.addEventListener("click", async function () {
      if (!window.confirm(fill(i18n.confirmDelete, { id: form.dataset.id }))) return;
      try {
        await api("DELETE", "/api/v1/kb/rules/" + encodeURIComponent(form.dataset.id));
        location.href = "/console/rules";
      } catch (err) { failed(err); }
    });
  }
})();
