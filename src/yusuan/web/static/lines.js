// The grid of budget lines (lines.html): Tabulator (static/tabulator) with range selection, keyboard
// editing, paste of a block copied from Excel (rows added as needed), code pickers from the year's catalog,
// live totals computed exactly (BigInt, 8 decimals), validation marks; saving, importing, deriving through
// the JSON API (/api/bodies/{id}/lines/{year}). window.yusuanLines exposes the table and the timings
// (bench/grid.py, the browser tests).
(function () {
  "use strict";
  const SCALE = 8;
  const TEN = 10n ** BigInt(SCALE);
  const AMOUNT = /^\d[\d,]*(\.\d{1,8})?$|^\.\d{1,8}$/;
  const timings = {render: null, totals: []};
  const started = performance.now();

  // exact amounts: text → BigInt of 1e-8, and back
  function units(text) {
    const t = String(text == null ? "" : text).trim();
    if (!t || !AMOUNT.test(t)) return null;
    const [whole, frac = ""] = t.replace(/,/g, "").split(".");
    return BigInt(whole || "0") * TEN + BigInt((frac + "0".repeat(SCALE)).slice(0, SCALE));
  }
  function shown(n) {
    const neg = n < 0n, a = neg ? -n : n;
    const whole = (a / TEN).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const frac = (a % TEN).toString().padStart(SCALE, "0").replace(/0+$/, "");
    return (neg ? "-" : "") + whole + (frac ? "." + frac : "");
  }
  function plain(n) { return shown(n).replace(/,/g, ""); }

  function init() {
    const data = JSON.parse(document.getElementById("lines-data").textContent);
    const editable = data.permissions.edit;
    const el = document.getElementById("grid");
    const status = document.getElementById("lines-status");
    let revision = data.revision, nextId = 1, problems = data.problems;
    const catalogs = {};
    const query = data.kind === "final_accounts" ? "?kind=final_accounts" : "";  // a 决算's lines
    const url = `/api/bodies/${data.body.id}/lines/${data.year}`;
    const counted = data.counted || "amount";  // what the totals add up: 预算数, or a 决算's 执行数

    function say(text, ok) { status.textContent = text; status.classList.toggle("ok", !!ok); status.classList.toggle("bad", !ok); }
    function withIds(rows) { return rows.map(r => Object.assign({_id: nextId++}, r)); }

    function columnOf(c) {
      const def = {title: c.title, field: c.field, headerSort: false, headerTooltip: c.help || c.title,
                   editor: editable ? "input" : false, minWidth: 60};
      if (c.kind === "amount") {
        def.hozAlign = "right";
        def.cssClass = "num";
        def.formatter = cell => { const v = units(cell.getValue()); return v === null ? (cell.getValue() || "") : shown(v); };
        def.validator = [{type: (cell, value) => value == null || value === "" || units(value) !== null}];
      } else if (c.kind === "code") {
        def.validator = [{type: (cell, value) => !value || /^\d+$/.test(String(value).replace(/\s/g, ""))}];
        def.formatter = cell => {
          const v = cell.getValue() || "", names = catalogs[c.scheme];
          const name = names && names.get(v);
          if (v && names && !name) cell.getElement().classList.add("flagged");
          else cell.getElement().classList.remove("flagged");
          return v;
        };
        def.tooltip = (e, cell) => { const n = catalogs[c.scheme]; return (n && n.get(cell.getValue())) || ""; };
        if (editable) {
          def.editor = "list";
          def.editorParams = {valuesLookup: () => catalogs[c.scheme + ":list"] || [], autocomplete: true,
                              freetext: true, allowEmpty: true, listOnEmpty: false, maxWidth: 420,
                              filterFunc: (term, label, value) => !term || String(label).includes(term)};
        }
      } else if (c.choices.length) {
        def.validator = [{type: (cell, value) => !value || c.choices.includes(value)}];
        if (editable) {
          def.editor = "list";
          def.editorParams = {values: ["", ...c.choices], autocomplete: true, allowEmpty: true, listOnEmpty: true,
                              freetext: false};
        }
      }
      if (c.required) def.validator = [...(def.validator || []), "required"];
      const named = {function_name: ["function", "function"], economic_name: ["economic", "economic_dept"]}[c.field];
      if (named) {  // left blank, a name is the catalog's: shown greyed from the row's code
        const [codeField, scheme] = named;
        const fromCatalog = cell => {
          const v = cell.getValue(), names = catalogs[scheme];
          return v ? "" : (names && names.get(cell.getRow().getData()[codeField])) || "";
        };
        def.formatter = cell => {
          const implied = fromCatalog(cell);
          cell.getElement().classList.toggle("implied", !!implied);
          return cell.getValue() || implied;
        };
        def.tooltip = (e, cell) => cell.getValue() || (fromCatalog(cell) ? `${fromCatalog(cell)}（按科目表）` : "");
      } else if (c.kind === "text") def.tooltip = true;  // a long name cut by its width
      if (c.kind === "code" || c.kind === "flag" || c.field === "basic_kind") { def.headerWordWrap = true; def.maxWidth = 104; }
      if (c.kind === "amount") { def.headerWordWrap = true; def.maxWidth = 132; def.minWidth = 96; }
      if (c.field === "unit") def.maxWidth = window.innerWidth < 600 ? 112 : 180;  // a phone: the codes in view
      else if (["project", "project_description", "function_name", "economic_name"].includes(c.field)) def.maxWidth = 240;
      return def;
    }

    const table = new Tabulator(el, {
      data: withIds(data.lines),
      index: "_id",
      height: "60vh",
      layout: "fitData",
      renderVertical: "virtual",
      columns: data.columns.map(columnOf),
      rowHeader: {formatter: "rownum", headerSort: false, hozAlign: "right", width: 48, frozen: true,
                  cssClass: "row-no", resizable: false},
      selectableRange: 1, selectableRangeColumns: true, selectableRangeRows: true,
      selectableRangeClearCells: editable,
      editTriggerEvent: "dblclick",
      validationMode: "highlight",
      clipboard: editable ? true : "copy",
      clipboardCopyStyled: false,
      clipboardCopyConfig: {rowHeaders: false, columnHeaders: false},
      clipboardCopyRowRange: "range",
      clipboardPasteParser: pasteParser,
      clipboardPasteAction: pasteAction,
      history: editable,
      placeholder: editable ? `还没有预算行：${document.getElementById("carry") ? `点“${document.getElementById("carry").textContent}”，或` : ""}` +
        "点“添加行”，或从 Excel 复制后选中第一格粘贴，或导入 XLSX" : "还没有预算行",
    });

    // paste: Excel's TSV (\r\n, a trailing newline), from the active cell; rows added when the block is longer
    let pasteAt = 0;
    function pasteParser(text) {
      const ranges = table.getRanges();
      if (!ranges.length) return false;
      let start = ranges[0].getBounds().start;
      if (!start) return false;
      if (start.getComponent) start = start.getComponent();
      const cols = table.getColumns().filter(col => col.isVisible() && col.getField());
      const first = cols.findIndex(col => col.getField() === start.getField());
      if (first < 0) return false;
      const rows = table.getRows("active");
      pasteAt = rows.findIndex(r => r.getIndex() === start.getRow().getIndex());
      const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
      return lines.map(line => {
        const row = {};
        line.split("\t").forEach((v, i) => { if (cols[first + i]) row[cols[first + i].getField()] = v.trim(); });
        return row;
      });
    }
    function pasteAction(rows) {
      const existing = table.getRows("active");
      const changed = [];
      table.blockRedraw();
      rows.forEach((row, i) => {
        const target = existing[pasteAt + i];
        if (target) { target.update(row); changed.push(target); }
      });
      table.restoreRedraw();
      const extra = rows.slice(Math.max(0, existing.length - pasteAt));
      if (extra.length) table.addData(withIds(extra), false).then(added => added.forEach(r => r.validate()));
      changed.forEach(r => r.validate());
      return changed;
    }

    // live totals
    const fundNames = {}, purposeNames = {};
    function recompute() {
      const t0 = performance.now();
      let all = 0n, count = 0;
      const byFund = new Map(), byPurpose = new Map(), byClass = new Map();
      const add = (map, key, v) => map.set(key, (map.get(key) || 0n) + v);
      for (const component of table.getRows()) {
        const row = component.getData();  // the row's own data, not a copy (getData() of the table copies)
        const v = units(row[counted]);
        if (v === null) continue;
        count += 1;
        all += v;
        add(byFund, row.fund || "（未填）", v);
        add(byPurpose, row.purpose || "（未填）", v);
        add(byClass, String(row.function || "").slice(0, 3) || "（未填）", v);
      }
      document.getElementById("total-all").textContent = shown(all);
      document.getElementById("line-count").textContent = String(count);
      fill("by-purpose", byPurpose, k => k);
      fill("by-fund", byFund, k => k);
      fill("by-class", byClass, k => data.classes[k] ? `${k} ${data.classes[k]}` : k);
      const ms = performance.now() - t0;
      timings.totals.push(ms);
      return ms;
    }
    function fill(id, map, label) {
      const body = document.querySelector(`#${id} tbody`);
      body.replaceChildren(...[...map.keys()].sort().map(k => {
        const tr = document.createElement("tr");
        const a = document.createElement("td"), b = document.createElement("td");
        a.textContent = label(k);
        b.textContent = shown(map.get(k));
        b.className = "num";
        b.dataset.key = k;
        tr.append(a, b);
        return tr;
      }));
    }

    // code pickers: the year's catalog (项 of 功能分类, 款 of the economic classes)
    async function loadCatalog(scheme) {
      const codes = await fetch(`/api/catalog/${scheme}/${data.year}`).then(r => r.json());
      catalogs[scheme] = new Map(codes.map(c => [c.code, c.name]));
      catalogs[scheme + ":list"] = codes.map(c => ({label: `${c.code} ${c.name}`, value: c.code}));
    }
    Promise.all(["function", "economic_dept", "economic_gov"].map(loadCatalog)).then(() => {
      table.redraw(true);  // the code cells' flags and names
      el.dataset.catalog = "ready";
    });

    // problems the server found (422 or warnings): listed, each jumping to its cell
    function showProblems(list) {
      problems = list || [];
      const box = document.getElementById("problems");
      box.hidden = !problems.length;
      box.querySelector("ul").replaceChildren(...problems.map(p => {
        const li = document.createElement("li");
        li.className = p.severity === "error" ? "sev-error" : "sev-warning";
        const a = document.createElement("a");
        a.href = "#grid";
        a.textContent = p.message;
        a.addEventListener("click", e => {
          e.preventDefault();
          const row = table.getRows("active")[p.row - 1];
          if (row) { table.scrollToRow(row, "center", false); if (p.field) table.addRange(row.getCell(p.field), row.getCell(p.field)); }
        });
        li.append(a);
        return li;
      }));
    }

    table.on("tableBuilt", () => {
      recompute();
      showProblems(problems);
      requestAnimationFrame(() => {
        timings.render = performance.now() - started;  // from this script's start (the data parsed in it)
        timings.ready_at = performance.now();  // from the navigation's start
        el.dataset.ready = "1";
      });
    });
    // every change (an edit, a paste, a row added or deleted, an undo) recomputes the totals
    const changed = () => { recompute(); say("有未保存的修改", false); };
    table.on("cellEdited", cell => {  // a code changed: its greyed catalog name follows
      if (cell.getField() === "function" || cell.getField() === "economic") cell.getRow().reformat();
    });
    table.on("dataChanged", changed);
    table.on("historyUndo", changed);
    table.on("historyRedo", changed);

    // typing starts editing the active cell (as in a spreadsheet)
    el.addEventListener("keydown", e => {
      // a reader's Enter would open an editor on a column without one (Tabulator 6.5 then throws)
      if (!editable && (e.key === "Enter" || e.key === "F2")) { e.stopPropagation(); return; }
      if (!editable || e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return;
      if (el.querySelector(".tabulator-editing")) return;
      const ranges = table.getRanges();
      if (!ranges.length) return;
      let cell = ranges[0].getBounds().start;
      if (!cell) return;
      if (cell.getComponent) cell = cell.getComponent();
      e.preventDefault();
      cell.edit(true);
      const input = cell.getElement().querySelector("input");
      if (input) { input.value = e.key; input.dispatchEvent(new Event("input", {bubbles: true})); }
    }, true);

    function rows() { return table.getData().map(r => { const o = {...r}; delete o._id; return o; }); }

    async function save() {
      say("正在保存……", true);
      try {
        const got = await yusuan.api("PUT", url + query, {revision, lines: rows()});
        revision = got.revision;
        showProblems(got.problems);
        say(`已保存（第 ${revision} 次）`, true);
        return got;
      } catch (e) {
        if (e.data && e.data.problems) showProblems(e.data.problems);
        say(e.message, false);
        throw e;
      }
    }

    if (editable) {
      document.getElementById("add-row").addEventListener("click", () => {
        const last = table.getData().slice(-1)[0] || {};
        table.addRow({_id: nextId++, unit: last.unit || data.body.name, fund: last.fund || "", purpose: last.purpose || ""}, false)
          .then(row => table.scrollToRow(row, "bottom", false));
      });
      document.getElementById("delete-rows").addEventListener("click", () => {
        const picked = new Set();
        table.getRanges().forEach(r => r.getRows().forEach(row => picked.add(row)));
        if (!picked.size) { say("请先选中要删除的行（单击行号或选中单元格）", false); return; }
        picked.forEach(row => row.delete());
        say(`已删除 ${picked.size} 行（尚未保存）`, false);
      });
      document.getElementById("save").addEventListener("click", () => save().catch(() => {}));
      document.getElementById("import").addEventListener("change", async ev => {
        const file = ev.target.files[0];
        if (!file) return;
        const form = new FormData();
        form.append("file", file);
        form.append("revision", String(revision));
        say("正在导入……", true);
        try {
          const got = await yusuan.api("POST", `${url}/import${query}`, form);
          revision = got.revision;
          await table.replaceData(withIds(got.lines));
          recompute();
          showProblems(got.problems);
          say(`已导入 ${got.lines.length} 行（第 ${revision} 次保存）`, true);
        } catch (e) { say(e.message, false); }
        ev.target.value = "";
      });
      const carry = document.getElementById("carry");
      if (carry) carry.addEventListener("click", async () => {
        const count = table.getDataCount(), from = carry.dataset.year;
        const replace = count > 0;
        if (replace && !window.confirm(`已有 ${count} 行。从 ${from} 年预算行开始将替换这些行（含未保存的修改），确定吗？`)) return;
        say(`正在以 ${from} 年的预算行开始……`, true);
        try {
          const got = await yusuan.api("POST", `${url}/carry${query}`, {revision, replace});
          revision = got.revision;
          await table.replaceData(withIds(got.lines));
          recompute();
          showProblems(got.problems);
          say(`已从 ${from} 年预算行开始：${got.lines.length} 行（第 ${revision} 次保存），` +
              (query ? "请逐行填写执行数" : "请修改本年预算数"), true);
        } catch (e) { say(e.message, false); }
      });
      const derive = document.getElementById("derive");
      derive.addEventListener("click", async () => {
        try {
          await save();
          say("正在生成公开文件并检查……", true);
          const got = await yusuan.api("POST", `${url}/derive${query}`);
          const d = got.disclosure, box = document.getElementById("derived");
          box.hidden = false;
          box.replaceChildren();
          const a = document.createElement("a");
          a.href = got.url;
          a.textContent = `第 ${d.version} 版草稿`;
          box.append("已生成", a, `：错误 ${d.errors} 个，警告 ${d.warnings} 个，提示 ${d.infos} 个。`,
                     d.errors ? "有错误时不能提交审核。" : "确认警告后即可提交审核。");
          box.dataset.errors = d.errors;
          box.dataset.warnings = d.warnings;
          say("已生成", true);
        } catch (e) { say(e.message, false); }
      });
    }

    window.yusuanLines = {table, timings, recompute, save, units, plain};
  }

  document.addEventListener("DOMContentLoaded", init);
})();
