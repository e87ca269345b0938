// Sortable tables for the model atlas (local, no CDN).
// Any table inside <div class="atlas-sortable"> sorts by a column when its header is
// clicked: numerically when every cell starts with a number ("14,714,688", "224×224"),
// otherwise alphabetically. A second click reverses the order.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function asNumber(text) {
    var match = /^-?[\d,]+(\.\d+)?/.exec(text);
    return match ? parseFloat(match[0].replace(/,/g, "")) : NaN;
  }

  function sortBy(table, index, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.every(function (r) { return !isNaN(asNumber(cellValue(r, index))); });
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = numeric ? asNumber(x) - asNumber(y) : x.localeCompare(y);
      return descending ? -order : order;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function makeSortable(table) {
    if (table.dataset.sortable === "yes" || !table.tHead || !table.tBodies[0]) return;
    table.dataset.sortable = "yes";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.style.cursor = "pointer";
      th.setAttribute("role", "button");
      th.setAttribute("tabindex", "0");
      th.setAttribute("aria-sort", "none");
      function activate() {
        var descending = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sortBy(table, index, descending);
      }
      th.addEventListener("click", activate);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); activate(); }
      });
    });
  }

  function init() {
    document.querySelectorAll(".atlas-sortable table").forEach(makeSortable);
  }

  // Material's instant navigation swaps pages without a reload: re-run on each page.
  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
