// The index's table of authorities: sort by a column (click its heading; again to reverse) and filter by words,
// region and grade. Plain JavaScript inside the page, so it works opened from disk with nothing to load; without
// it the table is still all there, sorted by name.
(function () {
  "use strict";
  var table = document.getElementById("authority-table");
  var tools = document.getElementById("authority-tools");
  if (!table || !tools) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headings = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var find = document.getElementById("authority-filter");
  var region = document.getElementById("authority-region");
  var grade = document.getElementById("authority-grade");
  var count = document.getElementById("authority-count");
  var collator = new Intl.Collator("en-GB", {numeric: true, sensitivity: "base"});

  // A cell's sort key: its data-key when it has one (a date, a grade's rank), else its text; "" sorts last.
  function key(row, column) {
    var cell = row.cells[column];
    return (cell.hasAttribute("data-key") ? cell.getAttribute("data-key") : cell.textContent).trim();
  }

  function sortBy(column) {
    var heading = headings[column];
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var numeric = heading.getAttribute("data-type") === "number";
    headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      if (x === "" || y === "") {
        return (x === "") - (y === "");
      }
      var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function filter() {
    var words = find.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var wanted = words.every(function (word) { return text.indexOf(word) >= 0; }) &&
        (!region.value || row.getAttribute("data-region") === region.value) &&
        (!grade.value || row.getAttribute("data-grade") === grade.value);
      row.hidden = !wanted;
      shown += wanted ? 1 : 0;
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " authorities";
  }

  headings.forEach(function (heading, column) {
    heading.querySelector("button").addEventListener("click", function () { sortBy(column); });
  });
  [find, region, grade].forEach(function (control) { control.addEventListener("input", filter); });
  tools.hidden = false;
  filter();
}());
