// What every console script shares, as the one global window.intake: the JSON API client
// (with the session's CSRF token, its Chinese errors thrown), the page's message line
// (#flash), {name} placeholders, customers' invisible characters made visible and the
// busy button. layout.html loads it before the page scripts; all are deferred, so they
// run in that order once the page is parsed.
"use strict";

(function () {
  // The session's CSRF token; the API checks it (header X-CSRF-Token) on every unsafe
  // request a session cookie authenticates. Empty when signed out.
  const csrf = document.body.dataset.csrf || "";

  // texts returns the data-* sentences of the hidden element #id, {} when there is none.
  function texts(id) {
    return (document.getElementById(id) || {}).dataset || {};
  }

  // fill puts kv's values into text's {name} placeholders; unknown ones stay as written.
  function fill(text, kv) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in kv ? kv[k] : m; });
  }

  // visible returns text with each invisible character (format characters such as the
  // zero-width space or the right-to-left override, variation selectors, other
  // default-ignorable code points) replaced by a marker naming it, "⟨U+202E⟩", except a
  // selector or joiner that belongs to an emoji: the same as the pages' Go template
  // function (handlers/console_visible.go). Customers' text goes through it before textContent.
  const invisibleChar = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
  const symbolChar = /^[\p{So}\p{Sk}]$/u;
  function visible(text) {
    const cs = Array.from(String(text == null ? "" : text));
    let out = "", emoji = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (!invisibleChar.test(c)) {
        out += c;
        emoji = symbolChar.test(c);
      } else if ((c === "\uFE0E" || c === "\uFE0F") && (emoji || (c === "\uFE0F" && cs[i + 1] === "\u20E3"))) {
        out += c;
        emoji = true;
      } else if (c === "\u200D" && emoji) {
        out += c;
        emoji = false;
      } else {
        out += "⟨U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + "⟩";
        emoji = false;
      }
    }
    return out;
  }

  // flash shows text in the page's message line, as a failure when bad.
  function flash(text, bad) {
    const el = document.getElementById("flash");
    if (!el) return;
    el.textContent = text;
    el.className = bad ? "flash bad" : "flash";
    el.hidden = false;
  }

  // failed flashes a failed request's message, in template's {error} when given.
  function failed(err, template) {
    flash(fill(template || "{error}", { error: err.message }), true);
  }

  // api sends a request, body as JSON (or as is, with type as its Content-Type), and
  // returns the answer's JSON (null when none). A failure throws an Error with the API's
  // message, the answer's JSON as .data and the HTTP status as .status.
  async function api(method, path, body, type) {
    const res = await fetch(path, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": type || "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : (type ? body : JSON.stringify(body)),
    });
    let data = null;
    if (res.status !== 204) {
      try { data = await res.json(); } catch (e) { data = null; }
    }
    if (!res.ok) {
      const err = new Error((data && (data.message || data.error)) || res.statusText);
      err.data = data || {};
      err.status = res.status;
      throw err;
    }
    return data;
  }

  // act runs fn with button (if any) disabled meanwhile; a failure goes to onError,
  // failed by default.
  async function act(button, fn, onError) {
    if (button) button.disabled = true;
    try { await fn(); } catch (err) { (onError || failed)(err); }
    if (button) button.disabled = false;
  }

  window.intake = { csrf: csrf, texts: texts, fill: fill, visible: visible, flash: flash, failed: failed, api: api, act: act };
})();
