// Desktop notifications for staff doing case work: every pollEvery the console asks the
// API for the new tickets nobody has taken, and shows a notification (Notification API,
// once permission is granted) for each one not seen before whose customer waits for a
// person, or that is urgent or a complaint. Clicking it opens the ticket. The tickets seen
// are remembered in localStorage, so a reload or a second tab does not repeat them; the
// first poll of a browser only learns what is there. Without permission a button asks
// for it (browsers ask only after a click).
"use strict";

(function () {
  const i18n = intake.texts("notify-i18n");
  const button = document.getElementById("notify-enable");
  if (!("Notification" in window) || !i18n.waiting) return;
  const pollEvery = 10000;
  const key = "intake.notified";
  const keep = 300;

  function seen() {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function remember(numbers) {
    try { localStorage.setItem(key, JSON.stringify(numbers.slice(-keep))); } catch (e) { /* private mode */ }
  }

  // why is what makes a ticket worth a notification, "" when nothing does.
  function why(t) {
    const out = [];
    if (t.handoff) out.push(i18n.waiting);
    if (t.complaint) out.push(i18n.complaint);
    if (t.priority === "urgent") out.push(i18n.urgent);
    return out.join(" · ");
  }

  function show(t, title) {
    const n = new Notification(title, {
      body: intake.fill(i18n.body, { number: t.number, category: t.category_name || t.category, priority: t.priority_label }),
      tag: "intake-" + t.number,
    });
    n.onclick = function () {
      window.focus();
      location.href = "/console/tickets/" + encodeURIComponent(t.number);
    };
  }

  async function poll() {
    let list;
    try {
      list = await intake.api("GET", "/api/v1/tickets?status=new&assignee=none&per_page=50");
    } catch (e) {
      return; // signed out, or the service is away: try again later
    }
    const known = seen();
    const numbers = known || [];
    for (const t of list.items || []) {
      if (numbers.includes(t.number)) continue;
      numbers.push(t.number);
      const title = why(t);
      if (known && title && Notification.permission === "granted") show(t, title);
    }
    remember(numbers);
  }

  function offer() {
    if (button) button.hidden = Notification.permission !== "default";
  }
  if (button) {
    button.addEventListener("click", async function () {
      await Notification.requestPermission();
      offer();
    });
  }
  offer();
  poll();
  setInterval(poll, pollEvery);
})();
