// What the site's charts share: number formats, escaping, and drawing with ECharts (SVG): a label that
// does not fit its place is hidden rather than printed cut, and a chart is laid out again when its width
// changes.
"use strict";
window.yusuanCharts = (function () {
  const num = (s) => (s === null || s === undefined ? null : Number(s));
  const fmt = (v) => (v === null || v === undefined ? "—" : Number(v).toLocaleString("zh-CN", {maximumFractionDigits: 2}));
  // names come from the uploaded documents: escaped before they enter a tooltip's HTML
  const esc = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

  // A label that does not fit its place is hidden rather than printed cut (its tooltip still tells)
  // (ECharts marks a label it had to shorten `isTruncated`; its lines are drawn as children of the label)
  function hideCutLabels(chart) {
    const zr = chart.getZr();
    let changed = false;
    for (const line of zr.storage.getDisplayList(true)) {
      const label = line.parent;
      if (label && label.type === "text" && label.isTruncated && !label.ignore) { label.ignore = true; changed = true; }
    }
    if (changed) zr.refresh();
  }

  // draw each [data-chart] element with `options[name](data[name], el)`, the data from #chart-data
  function drawAll(options) {
    const holder = document.getElementById("chart-data");
    if (!holder || !window.echarts) return;
    const data = JSON.parse(holder.textContent);
    for (const el of document.querySelectorAll("[data-chart]")) {
      const c = data[el.dataset.chart], option = options[el.dataset.chart];
      if (!c || !option) continue;
      const chart = echarts.init(el, null, {renderer: "svg"});
      // ready: drawn; settled: its animation over and the labels that do not fit hidden
      chart.on("finished", () => { hideCutLabels(chart); el.dataset.settled = "1"; });
      chart.setOption(option(c, el));
      el.dataset.ready = "1";
      let width = el.clientWidth;
      window.addEventListener("resize", () => {
        if (el.clientWidth === width) return;
        width = el.clientWidth;
        chart.setOption(option(c, el), true);
        chart.resize();
      });
    }
  }

  return {num, fmt, esc, drawAll};
})();
