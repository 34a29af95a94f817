// The administration pages: accounts (/console/users) and canned replies
// (/console/canned). Every change goes to the JSON API with the session's CSRF token; the
// page then reloads and shows what was done, or stays and shows the API's Chinese error.
"use strict";

(function () {
  const csrf = document.body.dataset.csrf || "";
  const i18n = (document.getElementById("admin-i18n") || {}).dataset || {};

  function fill(text, kv) {
    return (text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in kv ? kv[k] : m; });
  }

  function flash(text, bad) {
    const el = document.getElementById("flash");
    if (!el) return;
    el.textContent = text;
    el.className = bad ? "flash bad" : "flash";
    el.hidden = false;
  }

  function failed(err) { flash(fill(i18n.failed, { error: err.message }), true); }

  // done reloads the page and shows text once it has reloaded.
  function done(text) {
    sessionStorage.setItem("admin-flash", text);
    location.reload();
  }
  const pending = sessionStorage.getItem("admin-flash");
  if (pending) {
    sessionStorage.removeItem("admin-flash");
    flash(pending, false);
  }

  async function api(method, path, body) {
    const res = await fetch(path, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    if (res.status !== 204) {
      try { data = await res.json(); } catch (e) { data = null; }
    }
    if (!res.ok) throw new Error((data && (data.message || data.error)) || res.statusText);
    return data;
  }

  // act runs one change with its button disabled meanwhile.
  async function act(button, fn) {
    if (button) button.disabled = true;
    try { await fn(); } catch (err) { failed(err); }
    if (button) button.disabled = false;
  }

  // Accounts.
  const users = document.getElementById("users");
  if (users) {
    users.addEventListener("click", function (ev) {
      const b = ev.target.closest("button");
      const row = b && b.closest("tr[data-username]");
      if (!row) return;
      const name = row.dataset.username;
      const path = "/api/v1/users/" + encodeURIComponent(name);
      if (b.classList.contains("save-role")) {
        const sel = row.querySelector("select[name=role]");
        act(b, async function () {
          await api("PATCH", path, { role: sel.value });
          done(fill(i18n.roleChanged, { username: name, role: sel.options[sel.selectedIndex].textContent }));
        });
      } else if (b.classList.contains("disable")) {
        if (!confirm(fill(i18n.confirmDisable, { username: name }))) return;
        act(b, async function () {
          await api("PATCH", path, { disabled: true });
          done(fill(i18n.disabled, { username: name }));
        });
      } else if (b.classList.contains("enable")) {
        act(b, async function () {
          await api("PATCH", path, { disabled: false });
          done(fill(i18n.enabled, { username: name }));
        });
      } else if (b.classList.contains("reset")) {
        const pw = row.querySelector("input[name=password]");
        act(b, async function () {
          await api("PATCH", path, { password: pw.value });
          pw.value = "";
          done(fill(i18n.password, { username: name }));
        });
      }
    });
  }
  const userForm = document.getElementById("user-form");
  if (userForm) {
    userForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      const f = userForm.elements;
      act(userForm.querySelector("button[type=submit]"), async function () {
        const u = await api("POST", "/api/v1/users", {
          username: f.username.value, display_name: f.display_name.value, role: f.role.value, password: f.password.value,
        });
        done(fill(i18n.created, { username: u.username }));
      });
    });
  }

  // Canned replies.
  function reply(form) { return { title: form.elements.title.value, text: form.elements.text.value }; }
  document.querySelectorAll("form.canned-edit").forEach(function (form) {
    const id = form.closest("[data-id]").dataset.id;
    const path = "/api/v1/canned/" + encodeURIComponent(id);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      act(form.querySelector("button[type=submit]"), async function () {
        await api("PUT", path, reply(form));
        done(i18n.saved);
      });
    });
    const del = form.querySelector("button.delete");
    del.addEventListener("click", function () {
      act(del, async function () {
        await api("DELETE", path);
        done(i18n.deleted);
      });
    });
  });
  const cannedForm = document.getElementById("canned-form");
  if (cannedForm) {
    cannedForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      act(cannedForm.querySelector("button[type=submit]"), async function () {
        await api("POST", "/api/v1/canned", reply(cannedForm));
        done(i18n.added);
      });
    });
  }
})();
