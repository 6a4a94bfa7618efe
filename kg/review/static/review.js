/* kg review in the HTML view: Confirm and Reject buttons on the fact (edge) shown in the
 * side panel. Decisions stay in the page until "Save decisions" writes them to a JSON Lines
 * file, made in the page and downloaded: nothing is sent anywhere. `kg review import FILE`
 * reads it. Appended to view.js (same CSP hash); it only uses what view.js exposes. */
(function () {
  "use strict";
  var network = window.kgNetwork;
  var source = document.getElementById("kg-data");
  var details = document.getElementById("kg-details");
  if (!network || !source || !details) return;
  var data = JSON.parse(source.textContent);
  var decisions = new Map();  // "subject\npredicate\nobject" -> decision

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function button(text, id) {
    var b = el("button", text);
    b.type = "button";
    if (id) b.id = id;
    b.style.cssText = "padding:4px 10px;margin:0 6px 4px 0;border:0;border-radius:5px;" +
                      "background:#4e79a7;color:#fff;font:inherit;cursor:pointer";
    return b;
  }
  function key(s, p, o) { return s + "\n" + p + "\n" + o; }
  function stamp() { return new Date().toISOString().replace(/\.\d{3}Z$/, "Z"); }

  var bar = el("section");
  bar.id = "kg-review";
  bar.style.cssText = "margin:0 0 14px;font-size:13px";
  var heading = el("h2", "Review");
  var who = el("input");
  who.id = "kg-review-by";
  who.type = "text";
  who.placeholder = "Your name (for the decisions)";
  who.setAttribute("aria-label", "Your name");
  who.style.cssText = "width:100%;margin:0 0 6px;font:inherit;padding:3px";
  var save = button("Save decisions (0)", "kg-review-save");
  save.disabled = true;
  var hint = el("p", "Click an edge to confirm or reject its fact; save, then run kg review import FILE.");
  hint.className = "kg-note";
  bar.append(heading, who, save, hint);
  details.parentNode.insertBefore(bar, details);

  function refresh() {
    save.textContent = "Save decisions (" + decisions.size + ")";
    save.disabled = decisions.size === 0;
  }
  function decide(e, action, note) {
    var d = { action: action, subject: e.from, predicate: e.predicate, object: e.to,
              by: who.value.trim() || "analyst", at: stamp() };
    if (note) d.note = note;
    decisions.set(key(d.subject, d.predicate, d.object), d);
    refresh();
    return d;
  }
  function reviewBox(e) {
    var box = el("div");
    box.id = "kg-review-fact";
    box.style.cssText = "margin:6px 0 10px";
    var note = el("input");
    note.type = "text";
    note.id = "kg-review-note";
    note.placeholder = "Note (optional)";
    note.setAttribute("aria-label", "Note");
    note.style.cssText = "width:100%;margin:0 0 6px;font:inherit;padding:3px";
    var status = el("div");
    status.id = "kg-review-status";
    status.setAttribute("role", "status");
    var current = decisions.get(key(e.from, e.predicate, e.to));
    if (current) status.textContent = current.action === "reject" ? "Rejected" : "Confirmed";
    var confirmButton = button("Confirm", "kg-review-confirm");
    var rejectButton = button("Reject", "kg-review-reject");
    rejectButton.style.background = "#c0392b";
    confirmButton.addEventListener("click", function () {
      decide(e, "confirm", note.value.trim());
      status.textContent = "Confirmed";
    });
    rejectButton.addEventListener("click", function () {
      decide(e, "reject", note.value.trim());
      status.textContent = "Rejected";
    });
    box.append(el("h2", "Your review"), note, confirmButton, rejectButton, status);
    return box;
  }
  network.on("click", function (params) {
    if (params.nodes.length || !params.edges.length) return;
    var e = data.edges[Number(String(params.edges[0]).slice(1))];
    if (!e || !e.predicate) return;  // a projection's edge stands for no single fact
    var box = reviewBox(e);
    var evidence = details.querySelector("h2");
    details.insertBefore(box, evidence);
  });
  save.addEventListener("click", function () {
    var lines = Array.from(decisions.values()).map(function (d) { return JSON.stringify(d) + "\n"; });
    var url = URL.createObjectURL(new Blob(lines, { type: "application/x-ndjson" }));
    var link = el("a");
    link.href = url;
    link.download = "kg-decisions.jsonl";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
  });
  window.kgReview = { decisions: decisions, decide: decide };
})();
