// The release proposal page: apply the release's changes to the draft, with a choice per
// conflict, or dismiss them, through /api/v1/kb/proposal (common.js's intake.api).
"use strict";

(function () {
  const { api, flash } = window.intake;
  const i18n = intake.texts("proposal-i18n");
  const failedText = intake.texts("editor-i18n").failed;

  const form = document.getElementById("proposal-form");
  if (!form) return;
  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    const choices = {};
    let missing = false;
    form.querySelectorAll(".proposal-item[data-conflict='true']").forEach(function (item) {
      const picked = item.querySelector("input[type=radio]:checked");
      if (picked) choices[item.dataset.key] = picked.value;
      else missing = true;
    });
    if (missing) {
      flash(i18n.choose);
      return;
    }
    try {
      await api("POST", "/api/v1/kb/proposal/apply", { choices: choices });
      flash(i18n.applied);
      setTimeout(function () { location.href = "/console/rules"; }, 800);
    } catch (err) {
      intake.failed(err, failedText);
    }
  });

  const dismiss = document.getElementById("proposal-dismiss");
  if (dismiss) {
    dismiss.addEventListener("click", async function () {
      if (!confirm(i18n.confirmDismiss)) return;
      try {
        await api("POST", "/api/v1/kb/proposal/dismiss", {});
        flash(i18n.dismissed);
        setTimeout(function () { location.href = "/console/rules"; }, 800);
      } catch (err) {
        intake.failed(err, failedText);
      }
    });
  }
})();
