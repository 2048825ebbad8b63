// Article view: highlight layers, and trace a clicked event's fields to their words.
"use strict";
(() => {
  const {data, el, QUAD} = EW;
  const page = data();
  const textBox = document.getElementById("article-text");
  const detail = document.getElementById("event-detail");
  const segs = Array.from(textBox.querySelectorAll(".seg"));
  const text = page.record.text;

  document.querySelectorAll("#legend input[data-layer]").forEach(box => {
    box.addEventListener("change", () => textBox.classList.toggle("show-" + box.dataset.layer, box.checked));
  });

  function clearMarks() {
    textBox.querySelectorAll(".hl, .hl-trigger, .hl-source, .hl-target, .hl-other, .hl-quote, .hl-actor")
      .forEach(s => s.classList.remove("hl", "hl-trigger", "hl-source", "hl-target", "hl-other", "hl-quote", "hl-actor"));
    document.querySelectorAll(".ev-card.selected, .q-card.selected, .actor-item.selected")
      .forEach(c => c.classList.remove("selected"));
  }
  function mark(start, end, cls) {
    let first = null;
    for (const s of segs) {
      const a = +s.dataset.s, b = +s.dataset.e;
      if (a < end && b > start) { s.classList.add("hl", cls); first = first || s; }
    }
    return first;
  }
  function role(field) {
    if (field.startsWith("trigger")) return "hl-trigger";
    if (field.startsWith("source")) return "hl-source";
    if (field.startsWith("target")) return "hl-target";
    return "hl-other";
  }
  function fmt(v) {
    if (v === null || v === undefined) return "—";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  function showEvent(id, scroll) {
    const ev = page.evidence[id];
    if (!ev) return;
    clearMarks();
    let first = null;
    for (const item of ev.evidence) {
      if (item.start === null || item.start === undefined) continue;
      const s = mark(item.start, item.end, role(item.field));
      if (item.field.startsWith("trigger")) first = s || first;
    }
    const card = document.getElementById("evc-" + id);
    if (card) card.classList.add("selected");
    renderDetail(ev);
    detail.parentElement.scrollTop = 0;
    if (scroll && first) first.scrollIntoView({block: "center", behavior: "smooth"});
    history.replaceState(null, "", "#ev-" + id);
  }

  function sentenceView(ev) {
    if (!ev.sentence) return null;
    const {start, end} = ev.sentence;
    const cuts = new Set([start, end]);
    const spans = ev.evidence.filter(i => i.start !== null && i.start >= start && i.end <= end);
    spans.forEach(i => { cuts.add(i.start); cuts.add(i.end); });
    const pts = Array.from(cuts).sort((a, b) => a - b);
    const out = el("blockquote", {class: "sentence"});
    for (let k = 0; k < pts.length - 1; k++) {
      const a = pts[k], b = pts[k + 1];
      const cover = spans.filter(i => i.start <= a && i.end >= b);
      const piece = text.slice(a, b);
      out.append(cover.length ? el("mark", {class: role(cover[0].field), title: cover.map(c => c.field).join(", ")}, piece) : piece);
    }
    return out;
  }

  function renderDetail(ev) {
    const e = ev.event;
    detail.replaceChildren();
    const src = (e.source || []).map(a => a.name).join(", ") || "?";
    const tgt = (e.target || []).map(a => a.name).join(", ") || "—";
    detail.append(
      el("div", {class: "detail-head"},
        el("h2", {}, "Event ", el("code", {}, e.cameo), " ", e.plover && e.plover.event ? el("span", {class: "muted"}, e.plover.event) : null),
        el("button", {type: "button", class: "close", "aria-label": "Close", onclick: () => { clearMarks(); detail.hidden = true; history.replaceState(null, "", location.pathname); }}, "×")),
      el("p", {class: "dyadline"}, el("b", {}, src), " → ", el("span", {class: "trig"}, e.trigger.text), " → ", el("b", {}, tgt)),
      el("p", {class: "sub"},
        e.quad_class ? el("span", {class: "quad q" + e.quad_class}, e.quad_class + " " + QUAD[e.quad_class]) : null, " ",
        "Goldstein ", el("b", {}, e.goldstein === null ? "—" : Number(e.goldstein).toFixed(1)), " · confidence ",
        el("b", {}, e.confidence === null || e.confidence === undefined ? "—" : Number(e.confidence).toFixed(2)),
        e.negated ? el("span", {class: "flag neg"}, "negated") : null,
        e.modality && e.modality !== "asserted" ? el("span", {class: "flag mod"}, e.modality) : null),
      sentenceView(ev),
      el("h3", {}, "Each field and the words behind it"),
      el("table", {class: "evidence"},
        el("thead", {}, el("tr", {}, el("th", {}, "Field"), el("th", {}, "Value"), el("th", {}, "Words in the text"), el("th", {}, "Offsets"))),
        el("tbody", {}, ev.evidence.map(i => el("tr", {class: i.matches ? "" : "mismatch", title: i.basis},
          el("td", {}, el("code", {}, i.field)),
          el("td", {}, fmt(i.value)),
          el("td", {}, i.words === null ? el("span", {class: "muted"}, i.basis) : el("mark", {class: role(i.field)}, i.words)),
          el("td", {class: "num"}, i.start === null ? "" : `${i.start}–${i.end}`))))),
      el("table", {class: "evidence facts"}, el("tbody", {},
        [["date", e.date ? `${e.date.value || "?"} (${e.date.basis || "no basis"})` : "unknown"],
         ["place", e.place ? `${e.place.name || "?"}${e.place.country ? ", " + e.place.country : ""}` : "unknown"],
         ["reported by", (e.reported_by || []).map(r => r.name).join(", ") || "—"],
         ["negated", e.negated ? "yes: the text says it did not happen" : "no"],
         ["modality", e.modality], ["sentence", e.sentence]].map(([k, v]) =>
          el("tr", {}, el("th", {}, k), el("td", {}, fmt(v)))))),
      el("details", {}, el("summary", {}, "Full record (JSON)"), el("pre", {}, JSON.stringify(e, null, 2))));
    detail.hidden = false;
  }

  function showQuote(i, scroll) {
    const q = page.record.quotes[i];
    if (!q) return;
    clearMarks();
    const first = mark(q.start, q.end, "hl-quote");
    if (q.speaker && q.speaker.start !== undefined && q.speaker.start !== null) mark(q.speaker.start, q.speaker.end, "hl-source");
    if (q.cue && q.cue.start !== undefined && q.cue.start !== null) mark(q.cue.start, q.cue.end, "hl-trigger");
    const card = document.getElementById("qc-" + i);
    if (card) card.classList.add("selected");
    if (scroll && first) first.scrollIntoView({block: "center", behavior: "smooth"});
  }

  function showActor(id) {
    clearMarks();
    const a = (page.record.actors || []).find(x => x.id === id);
    if (!a) return;
    (a.mentions || []).forEach(m => mark(m[0], m[1], "hl-actor"));
    document.querySelectorAll(`.actor-item[data-actor="${CSS.escape(id)}"]`).forEach(c => c.classList.add("selected"));
  }

  function activate(target, scroll) {
    const evNode = target.closest("[data-ev]");
    if (evNode) {
      const ids = evNode.dataset.ev.split(" ");
      // clicking a trigger shared by several events cycles through them
      const current = (location.hash || "").replace("#ev-", "");
      const next = ids.length > 1 && ids.includes(current) ? ids[(ids.indexOf(current) + 1) % ids.length] : ids[0];
      showEvent(next, scroll);
      return true;
    }
    const qNode = target.closest("[data-q]");
    if (qNode) { showQuote(+qNode.dataset.q.split(" ")[0], scroll); return true; }
    const aNode = target.closest(".actor-item");
    if (aNode) { showActor(aNode.dataset.actor); return true; }
    return false;
  }
  document.addEventListener("click", ev => {
    if (ev.target.closest("#article-text, #event-list, #quote-list, #actor-list")) activate(ev.target, !ev.target.closest("#article-text"));
  });
  document.addEventListener("keydown", ev => {
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.matches("[data-ev], [data-q]")) { ev.preventDefault(); activate(ev.target, true); }
  });
  const h = decodeURIComponent(location.hash || "");
  if (h.startsWith("#ev-")) showEvent(h.slice(4), true);
  else if (h.startsWith("#q-")) showQuote(+h.slice(3), true);
})();
