// The review conversation on a disclosure page: comments on the whole, a table or a row (a row is chosen
// by clicking its name), the return (退回) with its reason, and the warnings' acknowledgements.
"use strict";
(function () {
  const {api, status} = window.yusuan;

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("comment-form");
    if (form) {
      const about = form.querySelector(".about"), clear = form.querySelector(".clear-target");
      const aim = (tableId, rowId, text) => {
        form.elements.table_id.value = tableId || "";
        form.elements.row_id.value = rowId || "";
        about.textContent = text || "整份文件";
        clear.hidden = !tableId;
        for (const el of document.querySelectorAll("tr.aimed")) el.classList.remove("aimed");
        if (rowId) document.getElementById(`r${rowId}`).classList.add("aimed");
      };
      const focus = () => { form.scrollIntoView({block: "nearest"}); form.elements.text.focus(); };
      document.body.classList.add("can-comment");
      // a row's name picks the row (the numbers keep opening their findings)
      document.addEventListener("click", (ev) => {
        const label = ev.target.closest(".datatable td.label");
        if (!label) return;
        const tr = label.closest("tr"), article = label.closest("article.table");
        const table = article.querySelector(".pick-table");
        aim(article.dataset.table, tr.id.slice(1), `${table ? table.dataset.about.trim() : ""} · “${label.textContent.trim()}”一行`);
        focus();
      });
      for (const b of document.querySelectorAll(".pick-table")) {
        b.addEventListener("click", () => { aim(b.dataset.table, "", b.dataset.about.trim()); focus(); });
      }
      clear.addEventListener("click", () => aim("", "", ""));
      const returning = document.getElementById("act-return");
      if (returning) returning.addEventListener("click", (ev) => { ev.preventDefault(); focus(); });

      const target = () => {
        const out = {};
        for (const name of ["table_id", "row_id", "finding_id"]) {
          const v = form.elements[name].value;
          if (v) out[name] = Number(v);
        }
        return out;
      };
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const text = form.elements.text.value.trim();
        if (!text) return;
        try { await api("POST", form.dataset.action, {text, ...target()}); location.reload(); }
        catch (e) { status(form, e.message); }
      });
      const back = form.elements["return"];
      if (back) back.addEventListener("click", async () => {
        const reason = form.elements.text.value.trim();
        if (!reason) { status(form, "请先写明退回原因。"); form.elements.text.focus(); return; }
        if (!confirm("确定以此为原因退回修改吗？")) return;
        back.disabled = true;
        try { await api("POST", form.dataset["return"], {reason, ...target()}); location.reload(); }
        catch (e) { status(form, e.message); back.disabled = false; }
      });
    }

    for (const ack of document.querySelectorAll("form.ack-form")) {
      ack.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const reason = ack.elements.reason.value.trim();
        if (!reason) return;
        const ids = ack.dataset.finding.split(" ").filter(Boolean).map(Number);
        try { await api("POST", ack.dataset.action, {finding_ids: ids, reason}); location.reload(); }
        catch (e) { status(ack, e.message); }
      });
    }
  });
})();
