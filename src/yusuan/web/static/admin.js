// The administrator's users page: create a user, change its role, body and name, reset its password,
// disable or enable it (through the JSON API, with the session's CSRF token: yusuan.api in site.js).
"use strict";
(function () {
  function say(text, ok) {
    const el = document.getElementById("users-status");
    if (el) { el.textContent = text; el.classList.toggle("error-message", !ok); el.classList.toggle("ok", !!ok); }
  }

  function rowValues(tr) {
    const body = tr.querySelector('select[name="body_id"]').value;
    return {display_name: tr.querySelector('input[name="display_name"]').value,
      role: tr.querySelector('select[name="role"]').value, body_id: body ? Number(body) : null};
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const tr of document.querySelectorAll("tr.user")) {
      const url = `/api/users/${tr.dataset.user}`, name = tr.dataset.username;
      tr.querySelector("button.save").addEventListener("click", async () => {
        try { await yusuan.api("PATCH", url, rowValues(tr)); say(`已保存 ${name}。`, true); }
        catch (e) { say(`${name}：${e.message}`); }
      });
      tr.querySelector("button.reset").addEventListener("click", async () => {
        if (!confirm(`为 ${name} 生成新密码？其已有的登录将失效。`)) return;
        try {
          const r = await yusuan.api("POST", `${url}/password`);
          say(`${name} 的新密码：${r.password}（只显示这一次，请转交本人）`, true);
        } catch (e) { say(`${name}：${e.message}`); }
      });
      const toggle = tr.querySelector("button.toggle");
      toggle.addEventListener("click", async () => {
        const active = toggle.dataset.active === "true";
        if (!active && !confirm(`停用 ${name}？其已有的登录将立即失效。`)) return;
        try { await yusuan.api("PATCH", url, {is_active: active}); location.reload(); }
        catch (e) { say(`${name}：${e.message}`); }
      });
    }

    const form = document.getElementById("user-new");
    if (form) form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const f = new FormData(form), body = f.get("body_id");
      const status = form.querySelector(".form-status");
      try {
        await yusuan.api("POST", "/api/users", {username: f.get("username"), display_name: f.get("display_name"),
          role: f.get("role"), body_id: body ? Number(body) : null, password: f.get("password")});
        location.reload();
      } catch (e) { status.textContent = e.message; }
    });
  });
})();
