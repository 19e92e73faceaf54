// yusuan pages: requests with the session's CSRF token, log in / out, upload, the review chain's buttons
// (submit, approve, publish: button.act), identity edits. Comments, returns and acknowledgements: review.js.
"use strict";
(function () {
  const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  async function api(method, url, body) {
    const headers = {"X-CSRF-Token": csrf(), "Accept": "application/json"};
    let payload = body;
    if (body && !(body instanceof FormData)) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const r = await fetch(url, {method, headers, body: payload, credentials: "same-origin"});
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (!r.ok) {
      const detail = data && data.detail ? data.detail : `请求失败（HTTP ${r.status}）`;
      const err = new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
      err.status = r.status;
      err.data = data;  // e.g. the grid's `problems` of a 422
      throw err;
    }
    return data;
  }
  window.yusuan = {api, status: (form, text, ok) => status(form, text, ok)};

  function status(form, text, ok) {
    const el = form.querySelector(".form-status");
    if (el) { el.textContent = text; el.classList.toggle("ok", !!ok); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const logout = document.getElementById("logout");
    if (logout) logout.addEventListener("click", async () => {
      try { await api("POST", "/api/logout"); } finally { location.href = "/"; }
    });

    const login = document.getElementById("login-form");
    if (login) login.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const f = new FormData(login);
      status(login, "正在登录…");
      try {
        await api("POST", "/api/login", {username: f.get("username"), password: f.get("password")});
        const next = new URL(login.dataset.next || "/", location.origin);  // the server allows local paths only
        location.href = next.origin === location.origin ? next.pathname + next.search + next.hash : "/";
      } catch (e) { status(login, e.message); }
    });

    const upload = document.getElementById("upload-form");
    if (upload) upload.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const input = upload.querySelector('input[type="file"]');
      const max = Number(upload.dataset.maxBytes), maxFiles = Number(upload.dataset.maxFiles);
      if (input.files.length > maxFiles) { status(upload, `一次最多上传 ${maxFiles} 个文件。`); return; }
      for (const file of input.files) {
        if (file.size > max) { status(upload, `${file.name} 太大（${(file.size / 1048576).toFixed(1)} MB），上限 ${(max / 1048576).toFixed(0)} MB。`); return; }
      }
      const form = new FormData();
      for (const file of input.files) form.append("files", file, file.name);
      for (const name of ["body_id", "year"]) {
        const v = upload.elements[name].value;
        if (v) form.append(name, v);
      }
      const bar = upload.querySelector("progress");
      bar.hidden = false;
      status(upload, "正在读取和检查，请稍候…", true);
      try {
        const d = await api("POST", "/api/disclosures", form);
        location.href = `/disclosures/${d.disclosure.id}`;
      } catch (e) { status(upload, e.message); bar.hidden = true; }
    });

    for (const button of document.querySelectorAll("button.act")) {
      button.addEventListener("click", async () => {
        if (!confirm(`确定要${button.textContent.trim()}吗？`)) return;
        button.disabled = true;
        try { await api("POST", button.dataset.action); location.reload(); }
        catch (e) { alert(e.message); button.disabled = false; }
      });
    }

    const edit = document.getElementById("edit-form");
    if (edit) edit.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const changes = {};
      const changed = (el) => (el.tagName === "SELECT" ? !el.selectedOptions[0]?.defaultSelected : el.value !== el.defaultValue);
      for (const el of edit.elements) {
        if (el.name && changed(el)) changes[el.name] = el.name === "year" ? (el.value ? Number(el.value) : null) : el.value;
      }
      if (!Object.keys(changes).length) { status(edit, "没有修改。"); return; }
      try { await api("PATCH", edit.dataset.action, changes); location.reload(); }
      catch (e) { status(edit, e.message); }
    });

    const only = document.getElementById("only-changed");
    if (only) only.addEventListener("change", () => document.body.classList.toggle("only-changed", only.checked));

  });
})();
