// Dyad timeline: each event at its Goldstein score over time, and counts per period by QuadClass.
"use strict";
(() => {
  const {data, el, QUAD, QUAD_COLOUR} = EW;
  const page = data();
  const box = document.getElementById("dyad-chart");
  if (!box || !page.events) return;
  const DAY = 86400000;
  const evs = page.events.filter(e => e.day).map(e => ({...e, t: Date.parse(e.day)}));
  const undated = page.events.length - evs.length;
  document.getElementById("dyad-note").textContent = undated ? `${undated} undated events not drawn` : "";
  if (!evs.length) { box.append(el("p", {class: "muted"}, "No dated events to draw.")); return; }
  const W = 1100, H = 440, L = 48, R = 16, T = 26, mid = 272, B = 30;
  let t0 = Math.min(...evs.map(e => e.t)), t1 = Math.max(...evs.map(e => e.t));
  if (t1 - t0 < 2 * DAY) { t0 -= 3 * DAY; t1 += 3 * DAY; }
  const span = (t1 - t0) / DAY;
  const unit = span <= 62 ? "day" : span <= 800 ? "week" : "month";
  const binOf = t => {
    const d = new Date(t);
    if (unit === "day") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };
  const x = t => L + (t - t0) / (t1 - t0) * (W - L - R);
  const yG = g => T + (10 - g) / 20 * (mid - T - 20);
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events over time"});
  // Goldstein panel
  const grid = el("g", {class: "grid"});
  for (const g of [-10, -5, 0, 5, 10]) {
    grid.append(el("line", {x1: L, x2: W - R, y1: yG(g), y2: yG(g), class: g === 0 ? "zero" : ""}),
      el("text", {x: L - 6, y: yG(g) + 4, "text-anchor": "end"}, (g > 0 ? "+" : "") + g));
  }
  svg.append(grid, el("text", {x: L, y: 12, "font-weight": 600}, "Goldstein score of each event (dashed: mean per period)"));
  // bins and a mean-Goldstein line
  const bins = new Map();
  for (const e of evs) {
    const k = binOf(e.t);
    const b = bins.get(k) || {t: k, n: 0, g: 0, q: {1: 0, 2: 0, 3: 0, 4: 0}};
    b.n++; b.g += e.goldstein || 0; if (e.quad_class) b.q[e.quad_class]++;
    bins.set(k, b);
  }
  const sorted = [...bins.values()].sort((a, b) => a.t - b.t);
  if (sorted.length > 1) {
    svg.append(el("polyline", {points: sorted.map(b => `${x(b.t)},${yG(b.g / b.n)}`).join(" "),
      fill: "none", stroke: "#5b6472", "stroke-width": 1.5, "stroke-dasharray": "4 3"}));
  }
  const tip = el("div", {class: "tip", hidden: true});
  document.body.append(tip);
  // dots, jittered a little so same-day events stay visible
  const seen = new Map();
  for (const e of evs) {
    const key = e.t + ":" + e.goldstein;
    const k = seen.get(key) || 0; seen.set(key, k + 1);
    const dot = el("circle", {class: "dot", cx: x(e.t) + (k % 5) * 4 - 8 * (k > 0), cy: yG(e.goldstein || 0) - Math.floor(k / 5) * 4, r: 5.5,
      fill: QUAD_COLOUR[e.quad_class] || "#999", opacity: e.negated ? 0.35 : 0.9});
    dot.addEventListener("mousemove", ev => {
      tip.hidden = false; tip.style.left = ev.clientX + 12 + "px"; tip.style.top = ev.clientY + 12 + "px";
      tip.textContent = `${e.day}: ${e.source_name} ${e.trigger_text} ${e.target_name} (CAMEO ${e.cameo}, Goldstein ${e.goldstein}, ${QUAD[e.quad_class] || ""})${e.negated ? " [negated]" : ""}${e.outlet ? " · " + e.outlet : ""}`;
    });
    dot.addEventListener("mouseleave", () => { tip.hidden = true; });
    dot.addEventListener("click", () => { location.href = `/articles/${encodeURIComponent(e.article_id)}#ev-${encodeURIComponent(e.id)}`; });
    svg.append(dot);
  }
  // stacked bars of counts per bin
  const maxN = Math.max(...sorted.map(b => b.n));
  const yC = n => H - B - n / maxN * (H - B - mid - 22);
  const bw = Math.max(3, Math.min(40, (W - L - R) / Math.max(sorted.length, (t1 - t0) / ({day: 1, week: 7, month: 30}[unit] * DAY)) * 0.8));
  svg.append(el("text", {x: L, y: mid + 8, "font-weight": 600}, `events per ${unit}, by QuadClass`),
    el("text", {x: L - 6, y: yC(maxN) + 4, "text-anchor": "end"}, maxN), el("text", {x: L - 6, y: H - B + 4, "text-anchor": "end"}, 0));
  for (const b of sorted) {
    let acc = 0;
    for (const q of [1, 2, 3, 4]) {
      if (!b.q[q]) continue;
      svg.append(el("rect", {x: x(b.t) - bw / 2, width: bw, y: yC(acc + b.q[q]), height: yC(acc) - yC(acc + b.q[q]), fill: QUAD_COLOUR[q]},
        el("title", {}, `${new Date(b.t).toISOString().slice(0, 10)}: ${b.q[q]} ${QUAD[q]}`)));
      acc += b.q[q];
    }
  }
  // time axis
  const axis = el("g", {class: "axis"}, el("line", {x1: L, x2: W - R, y1: H - B, y2: H - B}));
  const ticks = 8;
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + (t1 - t0) * i / ticks;
    axis.append(el("line", {x1: x(t), x2: x(t), y1: H - B, y2: H - B + 4}),
      el("text", {x: x(t), y: H - B + 16, "text-anchor": "middle"}, new Date(t).toISOString().slice(0, unit === "month" ? 7 : 10)));
  }
  svg.append(axis);
  box.append(svg);
})();
