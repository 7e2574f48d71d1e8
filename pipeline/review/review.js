(function () {
  "use strict";
  var body = document.body;
  document.querySelectorAll("input[data-hide]").forEach(function (box) {
    box.addEventListener("change", function () { body.classList.toggle(box.dataset.hide, !box.checked); });
  });
  document.querySelectorAll("input[data-show]").forEach(function (box) {
    box.addEventListener("change", function () { body.classList.toggle(box.dataset.show, box.checked); });
  });
  var select = document.getElementById("difference");
  if (select) {
    select.addEventListener("change", function () {
      var wanted = select.value;
      document.querySelectorAll(".s-mismatched[data-diff]").forEach(function (el) {
        var differs = el.dataset.diff.split(" ").indexOf(wanted) >= 0;
        el.classList.toggle("dim", wanted !== "" && !differs);
      });
    });
  }
  function mark(section, uids) {
    section.querySelectorAll(".hit").forEach(function (el) { el.classList.remove("hit"); });
    var first = null;
    section.querySelectorAll(".tok").forEach(function (tok) {
      var mine = tok.dataset.uids.split(" ");
      for (var i = 0; i < uids.length; i++) {
        if (mine.indexOf(uids[i]) >= 0) { tok.classList.add("hit"); first = first || tok; return; }
      }
    });
    section.querySelectorAll("tr[data-uid]").forEach(function (row) {
      if (uids.indexOf(row.dataset.uid) >= 0) { row.classList.add("hit"); }
    });
    return first;
  }
  document.querySelectorAll("section.doc").forEach(function (section) {
    section.addEventListener("click", function (event) {
      var tok = event.target.closest(".tok");
      if (tok) {
        var uids = tok.dataset.uids.split(" ");
        mark(section, uids);
        var row = section.querySelector("tr.hit");
        if (row) { row.scrollIntoView({ block: "nearest" }); }
        return;
      }
      var clicked = event.target.closest("tr[data-uid]");
      if (clicked) {
        var hit = mark(section, [clicked.dataset.uid, clicked.dataset.uid + ".content"]);
        if (hit) { hit.scrollIntoView({ block: "center" }); }
      }
    });
  });
  function follow() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.matches("tr[data-uid]")) {
      var section = target.closest("section.doc");
      var hit = mark(section, [target.dataset.uid, target.dataset.uid + ".content"]);
      if (hit) { hit.scrollIntoView({ block: "center" }); }
    }
  }
  window.addEventListener("hashchange", follow);
  follow();
}());
