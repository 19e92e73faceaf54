// The disclosure page: charts (ECharts) and the findings panel linked to the highlighted cell or sentence.
"use strict";
(function () {
  const num = (s) => (s === null || s === undefined ? null : Number(s));
  const fmt = (v) => (v === null || v === undefined ? "—" : Number(v).toLocaleString("zh-CN", {maximumFractionDigits: 2}));

  function tree(nodes) {
    return nodes.map((n) => ({name: `${n.name}（${n.code}）`, value: num(n.value),
      children: n.children && n.children.length ? tree(n.children) : undefined}));
  }

  const options = {
    function: (c) => ({
      tooltip: {formatter: (p) => `${p.name}<br>${fmt(p.value)} ${c.unit}`},
      series: [{type: "treemap", data: tree(c.tree), roam: false, nodeClick: "zoomToNode", leafDepth: 2,
        breadcrumb: {show: true}, label: {formatter: (p) => `${p.name}\n${fmt(p.value)}`},
        upperLabel: {show: true, height: 20}, levels: [{itemStyle: {gapWidth: 3}}, {itemStyle: {gapWidth: 1}}]}],
    }),
    economic: (c) => ({
      tooltip: {trigger: "item", formatter: (p) => `${p.name}<br>${fmt(p.value)} ${c.unit}（${p.percent}%）`},
      series: [{type: "pie", radius: ["30%", "60%"], data: c.items.map((i) => ({name: `${i.code} ${i.name}`, value: num(i.value)})),
        label: {formatter: "{b}\n{d}%", alignTo: "edge", edgeDistance: 6, minMargin: 4, width: 110, overflow: "break"},
        labelLine: {length: 10, length2: 0, maxSurfaceAngle: 80}}],
    }),
    split: (c) => ({
      tooltip: {trigger: "item", formatter: (p) => `${p.name}<br>${fmt(p.value)} ${c.unit}（${p.percent}%）`},
      series: [{type: "pie", radius: "58%", data: c.items.map((i) => ({name: i.name, value: num(i.value)})),
        label: {formatter: (p) => `${p.name}\n${fmt(p.value)}（${p.percent}%）`, alignTo: "edge", edgeDistance: 6, width: 120, overflow: "break"},
        labelLine: {length: 10, length2: 0, maxSurfaceAngle: 80}}],
    }),
    three_public: (c) => ({
      tooltip: {trigger: "axis"}, legend: {top: 0},
      grid: {left: 60, right: 20, top: 40, bottom: 40},
      xAxis: {type: "category", data: c.parts.map((p) => p.name), axisLabel: {interval: 0, fontSize: 11}},
      yAxis: {type: "value", name: c.unit},
      series: c.years.map((y, i) => ({type: "bar", name: `${y}年`, data: c.parts.map((p) => num(p.values[i])),
        label: {show: true, position: "top", formatter: (p) => fmt(p.value)}})),
    }),
    years: (c) => ({
      tooltip: {trigger: "axis"}, legend: {top: 0},
      grid: {left: 70, right: 20, top: 40, bottom: 30},
      xAxis: {type: "category", data: c.years.map((y) => `${y}年`)},
      yAxis: {type: "value", name: c.unit},
      series: c.series.map((s, i) => ({type: i === 0 ? "line" : "bar", name: s.name, data: s.values.map(num),
        label: {show: i === 0, formatter: (p) => fmt(p.value)}})),
    }),
  };

  function drawCharts() {
    const holder = document.getElementById("chart-data");
    if (!holder || !window.echarts) return;
    const data = JSON.parse(holder.textContent);
    for (const el of document.querySelectorAll("[data-chart]")) {
      const c = data[el.dataset.chart];
      if (!c || !options[el.dataset.chart]) continue;
      const chart = echarts.init(el, null, {renderer: "svg"});
      chart.setOption(options[el.dataset.chart](c));
      window.addEventListener("resize", () => chart.resize());
      el.dataset.ready = "1";
    }
  }

  function clear() {
    for (const el of document.querySelectorAll(".hl")) el.classList.remove("hl");
    for (const el of document.querySelectorAll(".finding.active")) el.classList.remove("active");
  }

  // show finding `id`: mark it in the panel, highlight where it is located, scroll there
  function showFinding(id, scroll) {
    const item = document.getElementById(`f${id}`);
    if (!item) return;
    clear();
    item.classList.add("active");
    const targets = (item.dataset.targets || "").split(" ").filter(Boolean)
      .map((t) => document.getElementById(t)).filter(Boolean);
    for (const el of targets) el.classList.add("hl");
    if (scroll && targets.length) targets[0].scrollIntoView({block: "center"});
    const form = document.getElementById("comment-form");
    if (form) form.elements.finding_id.value = id;
  }

  function fromHash() {
    const m = /^#f(\d+)$/.exec(location.hash);
    if (m) showFinding(m[1], true);
    const c = /^#([cpr]\d+)$/.exec(location.hash);
    if (c) { clear(); const el = document.getElementById(c[1]); if (el) { el.classList.add("hl"); el.scrollIntoView({block: "center"}); } }
  }

  document.addEventListener("DOMContentLoaded", () => {
    drawCharts();
    window.addEventListener("hashchange", fromHash);
    fromHash();
    // a flagged cell opens its findings in the panel
    document.addEventListener("click", (ev) => {
      const cell = ev.target.closest("[data-findings]");
      if (!cell) return;
      const first = cell.dataset.findings.split(" ")[0];
      history.replaceState(null, "", `#f${first}`);
      showFinding(first, false);
      const item = document.getElementById(`f${first}`);
      if (item) item.scrollIntoView({block: "nearest"});
      cell.classList.add("hl");
    });
    for (const b of document.querySelectorAll("button.filter")) {
      b.addEventListener("click", () => {
        b.classList.toggle("off");
        const hidden = new Set([...document.querySelectorAll("button.filter.off")].map((x) => x.dataset.severity));
        for (const li of document.querySelectorAll(".finding")) li.hidden = hidden.has(li.dataset.severity);
      });
    }
  });
})();
