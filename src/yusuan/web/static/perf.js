// yusuan 绩效 pages: the forms of targets, monitoring and self-evaluation sent as JSON (yusuan.api from
// site.js), rows added and removed, import from a disclosure, a project's targets form, the review.
"use strict";
(function () {
  function status(root, text) {
    const el = root.querySelector(".form-status");
    if (el) el.textContent = text;
  }

  function put(obj, path, value) {  // "amounts.total" → obj.amounts.total
    const parts = path.split(".");
    let at = obj;
    for (const p of parts.slice(0, -1)) at = at[p] = at[p] || {};
    at[parts[parts.length - 1]] = value;
  }

  function fields(root, skipRows) {
    const out = {};
    for (const el of root.querySelectorAll("[data-field]")) {
      if (el.disabled || (skipRows && el.closest("tr[data-row]"))) continue;
      const value = el.value.trim();
      put(out, el.dataset.field, "lines" in el.dataset ? value.split("\n").map((s) => s.trim()).filter(Boolean) : value);
    }
    return out;
  }

  function rows(table) {
    return [...table.querySelectorAll("tbody tr[data-row]:not(.template)")].map((tr) => {
      const row = fields(tr, false);
      if (tr.dataset.key) row.key = tr.dataset.key;
      return row;
    }).filter((row) => Object.entries(row).some(([k, v]) => k !== "key" && k !== "level1" && v && (typeof v !== "object" || Object.values(v).some(Boolean))));
  }

  function formData(form) {
    const data = fields(form, true);
    for (const table of form.querySelectorAll("table[data-list]")) data[table.dataset.list] = rows(table);
    return data;
  }

  // the department overview's pictures (charts.js draws them; their data in #chart-data)
  const charts = {
    execution: (c) => ({
      tooltip: {trigger: "axis", confine: true, valueFormatter: (v) => `${v}%`},
      legend: {top: 0},
      grid: {left: 8, right: 24, top: 36, bottom: 8, containLabel: true},
      yAxis: {type: "category", inverse: true, data: c.units.map((u) => u.name), axisLabel: {width: 120, overflow: "break"}},
      xAxis: {type: "value", name: "%", max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10)},
      series: [
        {type: "bar", name: "预算执行进度（落后于时间进度为红色）", barMaxWidth: 24, itemStyle: {color: "#2da44e"},
         data: c.units.map((u) => ({value: Number(u.execution),
           itemStyle: {color: Number(u.execution) < Number(u.time) ? "#cf222e" : "#2da44e"}})),
         label: {show: true, position: "right", formatter: (p) => `${p.value}%`}},
        {type: "bar", name: "时间进度", barMaxWidth: 24, data: c.units.map((u) => Number(u.time)),
         itemStyle: {color: "#8c959f"}},
      ],
    }),
    scores: (c) => ({
      tooltip: {trigger: "axis", confine: true, valueFormatter: (v) => `${v} 分`},
      grid: {left: 8, right: 40, top: 16, bottom: 8, containLabel: true},
      yAxis: {type: "category", inverse: true, data: c.units.map((u) => u.name), axisLabel: {width: 120, overflow: "break"}},
      xAxis: {type: "value", min: 0, max: 100},
      series: [{type: "bar", barMaxWidth: 24, data: c.units.map((u) => Number(u.score)),
        label: {show: true, position: "right", formatter: (p) => `${p.value}（${c.units[p.dataIndex].grade}）`},
        markLine: {symbol: "none", silent: true, label: {formatter: "{b}"},
          data: [{name: "中", xAxis: 60}, {name: "良", xAxis: 80}, {name: "优", xAxis: 90}]}}],
    }),
  };

  document.addEventListener("DOMContentLoaded", () => {
    if (window.yusuanCharts) window.yusuanCharts.drawAll(charts);
    const form = document.getElementById("perf-form");
    if (form) {
      form.addEventListener("click", (ev) => {
        const add = ev.target.closest("button.add");
        if (add) {
          const body = form.querySelector(`table[data-list="${add.dataset.add}"] tbody`);
          const row = body.querySelector("tr.template").cloneNode(true);
          row.classList.remove("template");
          row.hidden = false;
          body.insertBefore(row, body.querySelector("tr.template"));
          row.querySelector("input, select, textarea").focus();
        }
        const remove = ev.target.closest("button.remove");
        if (remove) remove.closest("tr").remove();
      });
      form.addEventListener("change", (ev) => {  // a target typed again is read again from its words
        if (!ev.target.classList.contains("target-text")) return;
        const tr = ev.target.closest("tr");
        for (const name of ["nature", "value", "upper", "unit", "deadline"]) {
          const el = tr.querySelector(`[data-field="${name}"]`);
          if (el) el.value = "";
        }
      });
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        status(form, "正在保存…");
        try {
          const r = await yusuan.api("POST", form.dataset.action, {project: form.dataset.project || "", data: formData(form)});
          location.href = `/perf/records/${r.record.id}`;
        } catch (e) { status(form, e.message); }
      });
    }

    const project = document.getElementById("perf-project");
    if (project) project.addEventListener("submit", (ev) => {
      ev.preventDefault();
      location.href = `${project.dataset.base}?project=${encodeURIComponent(project.elements.project.value.trim())}`;
    });

    const imp = document.getElementById("perf-import");
    if (imp) imp.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      status(imp, "正在导入…");
      try {
        const made = await yusuan.api("POST", imp.dataset.action, {disclosure_id: Number(imp.elements.disclosure_id.value)});
        status(imp, `已导入 ${made.length} 份绩效目标`);
        location.reload();
      } catch (e) { status(imp, e.message); }
    });

    const review = document.getElementById("perf-review");
    if (review) review.addEventListener("click", async (ev) => {
      const button = ev.target.closest("button[data-decision]");
      if (!button) return;
      button.disabled = true;
      try {
        await yusuan.api("POST", review.dataset.action, {decision: button.dataset.decision, note: review.elements.note.value});
        location.reload();
      } catch (e) { status(review, e.message); button.disabled = false; }
    });
  });
})();
