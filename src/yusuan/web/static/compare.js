// The compare page: the chart of the largest changes (B − A) and the switch showing only the rows that differ.
"use strict";
(function () {
  const {num, fmt, esc, drawAll} = window.yusuanCharts;

  const options = {
    changes: (c, el) => {
      const items = [...c.items].reverse();  // the largest on top
      return {
        tooltip: {trigger: "item", confine: true, formatter: (p) => `${esc(p.name)}<br>乙 − 甲：${fmt(p.value)} ${c.unit}`},
        grid: {left: 8, right: 24, top: 28, bottom: 8, containLabel: true},
        xAxis: {type: "value", name: c.unit, nameLocation: "end", splitNumber: el.clientWidth < 500 ? 2 : 5,
          axisLabel: {hideOverlap: true}, nameTextStyle: {align: "right", verticalAlign: "top", padding: [-24, 0, 0, 0]}},
        yAxis: {type: "category", data: items.map((i) => i.name),
          axisLabel: {width: Math.max(90, Math.min(260, Math.floor(el.clientWidth * 0.4))), overflow: "break", lineHeight: 13, fontSize: 11}},
        series: [{type: "bar", data: items.map((i) => ({value: num(i.value),
          itemStyle: {color: num(i.value) < 0 ? "#b42318" : "#1a7f37"}})), barMaxWidth: 22,
          label: {show: true, position: "right", formatter: (p) => fmt(p.value), fontSize: 11}}],
      };
    },
  };

  document.addEventListener("DOMContentLoaded", () => drawAll(options));
})();
