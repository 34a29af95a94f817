// The administration pages: accounts (/console/users) and canned replies
// (/console/canned). Every change goes to the JSON API (common.js's intake.api); the
// page then reloads and shows what was done, or stays and shows the API's Chinese error.
"use strict";

(function () {
  const { api, flash, fill } = window.intake;
  const i18n = intake.texts("admin-i18n");
  function failed(err) { intake.failed(err, i18n.failed); }
  function act(button, fn) { return intake.act(button, fn, failed); }

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
