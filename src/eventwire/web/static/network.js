// Actor network: a small force-directed layout in plain SVG (no library).
"use strict";
(() => {
  const {data, el, goldsteinColour} = EW;
  const page = data();
  const box = document.getElementById("network-chart");
  if (!box) return;
  if (!page.nodes.length) { box.append(el("p", {class: "muted"}, "No events with both a source and a target match these filters.")); return; }
  const W = 900, H = 640;
  const nodes = page.nodes.map((n, i) => ({...n, x: W / 2 + Math.cos(i * 2.4) * (40 + 6 * i), y: H / 2 + Math.sin(i * 2.4) * (40 + 6 * i), vx: 0, vy: 0}));
  const byId = new Map(nodes.map(n => [n.id, n]));
  const edges = page.edges.map(e => ({...e, s: byId.get(e.source), t: byId.get(e.target)})).filter(e => e.s && e.t);
  const maxE = Math.max(...edges.map(e => e.events), 1);
  const maxN = Math.max(...nodes.map(n => n.events), 1);
  const radius = n => 6 + 16 * Math.sqrt(n.events / maxN);
  // deterministic simulation: repulsion between all nodes, springs along edges, pull to the centre
  for (let it = 0; it < 400; it++) {
    const cool = 1 - it / 400;
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
      const f = 2600 / d2;
      const d = Math.sqrt(d2);
      dx /= d; dy /= d;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const e of edges) {
      if (e.s === e.t) continue;
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      const f = (d - 110) * 0.02;
      e.s.vx += dx / d * f; e.s.vy += dy / d * f; e.t.vx -= dx / d * f; e.t.vy -= dy / d * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.008; n.vy += (H / 2 - n.y) * 0.008;
      const v = Math.sqrt(n.vx * n.vx + n.vy * n.vy), cap = 30 * cool + 1;
      if (v > cap) { n.vx *= cap / v; n.vy *= cap / v; }
      n.x = Math.max(30, Math.min(W - 30, n.x + n.vx)); n.y = Math.max(24, Math.min(H - 24, n.y + n.vy));
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }
  // fit the layout to the drawing area (small graphs would otherwise sit in the middle)
  const xs = nodes.map(n => n.x), ys = nodes.map(n => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(3, (W - 160) / Math.max(1, x1 - x0), (H - 80) / Math.max(1, y1 - y0));
  for (const n of nodes) { n.x = W / 2 + (n.x - (x0 + x1) / 2) * scale; n.y = H / 2 + (n.y - (y0 + y1) / 2) * scale; }
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"});
  const defs = el("defs", {});
  const colours = new Set(edges.map(e => goldsteinColour(e.goldstein)));
  const markerId = c => "arrow-" + c.replace(/[^0-9a-z]/gi, "");
  for (const c of colours) defs.append(el("marker", {id: markerId(c), viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse"}, el("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: c})));
  svg.append(defs);
  const tip = el("div", {class: "tip", hidden: true});
  document.body.append(tip);
  const show = (ev, text) => { tip.hidden = false; tip.style.left = ev.clientX + 12 + "px"; tip.style.top = ev.clientY + 12 + "px"; tip.textContent = text; };
  const hide = () => { tip.hidden = true; };
  const g = el("g", {});
  for (const e of edges) {
    const c = goldsteinColour(e.goldstein);
    const w = 1 + 7 * Math.sqrt(e.events / maxE);
    let path;
    if (e.s === e.t) {
      const r = radius(e.s);
      path = `M ${e.s.x} ${e.s.y - r} c 30 -40 50 10 ${r} ${r}`;
    } else {
      // curve so a→b and b→a do not overlap; stop at the target's rim
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const rt = radius(e.t) + 3;
      const tx = e.t.x - dx / d * rt, ty = e.t.y - dy / d * rt;
      const mx = (e.s.x + tx) / 2 - dy / d * 18, my = (e.s.y + ty) / 2 + dx / d * 18;
      path = `M ${e.s.x} ${e.s.y} Q ${mx} ${my} ${tx} ${ty}`;
    }
    const p = el("path", {class: "edge", d: path, stroke: c, "stroke-width": w, opacity: 0.75, "marker-end": `url(#${markerId(c)})`});
    const label = `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein === null ? "?" : e.goldstein.toFixed(1)} (coop ${e.q1 + e.q2}, conflict ${e.q3 + e.q4})`;
    p.addEventListener("mousemove", ev => show(ev, label));
    p.addEventListener("mouseleave", hide);
    p.addEventListener("click", () => { location.href = `/dyad?a=${encodeURIComponent(e.source)}&b=${encodeURIComponent(e.target)}&directed=true`; });
    g.append(p);
  }
  for (const n of nodes) {
    const node = el("g", {class: "node", transform: `translate(${n.x},${n.y})`},
      el("circle", {r: radius(n), fill: "#2f4a7a", stroke: "#fff", "stroke-width": 1.5}),
      el("text", {x: radius(n) + 3, y: 4}, n.id));
    node.addEventListener("mousemove", ev => show(ev, `${n.id}: ${n.events} events (as source or target)`));
    node.addEventListener("mouseleave", hide);
    node.addEventListener("click", () => { location.href = `/events?actor=${encodeURIComponent(n.id)}`; });
    node.setAttribute("data-node", n.id);
    g.append(node);
  }
  svg.append(g);
  box.append(svg);
})();
