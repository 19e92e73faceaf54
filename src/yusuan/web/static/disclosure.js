// The disclosure page: charts (ECharts) and the findings panel linked to the highlighted cell or sentence.
"use strict";
(function () {
  const {num, fmt, esc, drawAll} = window.yusuanCharts;
  const share = (v, total) => (total ? `${(100 * v / total).toFixed(1)}%` : "");

  // 类 → 款 tiles; the 项 of a 款 are listed in its tooltip
  function tiles(nodes) {
    return nodes.map((n) => ({name: n.name, code: n.code, value: num(n.value),
      items: (n.children || []).map((k) => ({name: k.name, code: k.code, value: num(k.value),
        items: (k.children || []).map((x) => ({name: x.name, code: x.code, value: num(x.value)}))})),
    })).map((n) => ({...n, children: n.items.length ? n.items : undefined}));
  }

  // a pie's labels sit beside it, within the chart: a third of its width at most
  const labelWidth = (el) => Math.max(60, Math.min(130, Math.floor(el.clientWidth * 0.3) - 12));
  // category labels of a bar chart wrap within their slot instead of running into each other
  const slot = (el, n, margin) => Math.max(40, Math.floor((el.clientWidth - margin) / Math.max(n, 1)) - 8);

  const options = {
    function: (c, el) => {
      const data = tiles(c.tree), total = data.reduce((s, n) => s + n.value, 0);
      return {
        tooltip: {confine: true, formatter: (p) => {
          const d = p.data, path = (p.treePathInfo || []).slice(1).map((x) => esc(x.name)).join(" › ");
          const items = (d.items || []).slice(0, 8).map((x) => `<br>· ${esc(x.code)} ${esc(x.name)}：${fmt(x.value)}`).join("");
          return `${path}（${esc(d.code)}）<br><b>${fmt(d.value)} ${c.unit}</b>，占 ${share(d.value, total)}${items}`;
        }},
        series: [{type: "treemap", data, roam: false, nodeClick: false, breadcrumb: {show: false},
          top: 4, left: 4, right: 4, bottom: 4, visibleMin: 60,
          label: {show: true, formatter: (p) => `${p.name}\n${fmt(p.value)}`, overflow: "break", lineHeight: 15},
          upperLabel: {show: true, height: 22, formatter: "{b}", overflow: "truncate"},
          levels: [{itemStyle: {gapWidth: 3, borderWidth: 0}}, {itemStyle: {gapWidth: 1, borderColorSaturation: 0.6}}]}],
      };
    },
    economic: (c, el) => ({
      tooltip: {trigger: "item", confine: true, formatter: (p) => `${esc(p.name)}<br>${fmt(p.value)} ${c.unit}（${p.percent}%）`},
      series: [{type: "pie", radius: ["30%", "58%"], data: c.items.map((i) => ({name: `${i.code} ${i.name}`, value: num(i.value)})),
        label: {formatter: "{b}\n{d}%", alignTo: "edge", edgeDistance: 6, minMargin: 4, width: labelWidth(el), overflow: "break"},
        labelLine: {length: 10, length2: 0, maxSurfaceAngle: 80}}],
    }),
    split: (c, el) => ({
      tooltip: {trigger: "item", confine: true, formatter: (p) => `${esc(p.name)}<br>${fmt(p.value)} ${c.unit}（${p.percent}%）`},
      series: [{type: "pie", radius: "58%", data: c.items.map((i) => ({name: i.name, value: num(i.value)})),
        label: {formatter: (p) => `${p.name}\n${fmt(p.value)}\n${p.percent}%`, alignTo: "edge", edgeDistance: 6, width: labelWidth(el), overflow: "break"},
        labelLine: {length: 10, length2: 0, maxSurfaceAngle: 80}}],
    }),
    // each category (出国、购车、运行、接待) with its bars for the years side by side
    three_public: (c, el) => ({
      tooltip: {trigger: "axis", confine: true, valueFormatter: (v) => `${fmt(v)} ${c.unit}`},
      legend: {top: 0},
      grid: {left: 8, right: 8, top: 48, bottom: 8, containLabel: true},
      xAxis: {type: "category", data: c.parts.map((p) => p.name),
        axisLabel: {interval: 0, fontSize: 11, width: slot(el, c.parts.length, 60), overflow: "break", lineHeight: 13}},
      yAxis: {type: "value", name: c.unit, nameTextStyle: {align: "left"}},
      series: c.years.map((y, i) => ({type: "bar", name: `${y}年`, data: c.parts.map((p) => num(p.values[i])),
        barMaxWidth: 36, label: {show: true, position: "top", fontSize: 11, formatter: (p) => (p.value ? fmt(p.value) : "")}})),
    }),
    years: (c) => ({
      tooltip: {trigger: "axis", confine: true, valueFormatter: (v) => `${fmt(v)} ${c.unit}`},
      legend: {top: 0},
      grid: {left: 8, right: 16, top: 48, bottom: 8, containLabel: true},
      xAxis: {type: "category", data: c.years.map((y) => `${y}年`)},
      yAxis: {type: "value", name: c.unit, nameTextStyle: {align: "left"}},
      series: c.series.map((s, i) => ({type: i === 0 ? "line" : "bar", name: s.name, data: s.values.map(num),
        label: {show: i === 0, formatter: (p) => fmt(p.value)}})),
    }),
  };

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
    drawAll(options);
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
