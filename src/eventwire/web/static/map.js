// Map of event locations: equirectangular projection in plain SVG, nothing fetched from elsewhere.
"use strict";
(() => {
  const {data, el, goldsteinColour} = EW;
  const page = data();
  const land = JSON.parse(document.getElementById("land-data").textContent);
  const box = document.getElementById("map-chart");
  const W = 1000, H = 500;
  const x = lon => (lon + 180) / 360 * W, y = lat => (90 - lat) / 180 * H;
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "world map of event locations"});
  svg.append(el("rect", {class: "sea", x: 0, y: 0, width: W, height: H}));
  const cells = el("g", {class: "land"});
  const cw = land.cell / 360 * W, ch = land.cell / 180 * H;
  for (const [lon, lat] of land.cells) cells.append(el("rect", {x: x(lon), y: y(lat + land.cell), width: cw + 0.3, height: ch + 0.3}));
  svg.append(cells);
  const grat = el("g", {class: "graticule"});
  for (let lon = -150; lon <= 150; lon += 30) grat.append(el("line", {x1: x(lon), x2: x(lon), y1: 0, y2: H}));
  for (let lat = -60; lat <= 60; lat += 30) grat.append(el("line", {x1: 0, x2: W, y1: y(lat), y2: y(lat)}));
  svg.append(grat);
  const tip = el("div", {class: "tip", hidden: true});
  document.body.append(tip);
  const show = (ev, text) => { tip.hidden = false; tip.style.left = ev.clientX + 12 + "px"; tip.style.top = ev.clientY + 12 + "px"; tip.textContent = text; };
  const hide = () => { tip.hidden = true; };
  const placesLayer = el("g", {id: "places-layer"});
  const maxM = Math.max(1, ...page.places.map(p => p.mentions));
  for (const p of page.places) {
    const c = el("circle", {class: "dot place-dot", cx: x(p.lon), cy: y(p.lat), r: 2.5 + 6 * Math.sqrt(p.mentions / maxM), fill: "#8a95a5", opacity: 0.6});
    c.addEventListener("mousemove", ev => show(ev, `${p.name}${p.country ? ", " + p.country : ""} (${p.kind}): mentioned ${p.mentions}× in ${p.articles} articles`));
    c.addEventListener("mouseleave", hide);
    c.addEventListener("click", () => { location.href = `/places?name=${encodeURIComponent(p.name)}`; });
    placesLayer.append(c);
  }
  svg.append(placesLayer);
  const maxE = Math.max(1, ...page.events.map(p => p.events));
  const evLayer = el("g", {id: "events-layer"});
  for (const p of page.events) {
    const c = el("circle", {class: "dot event-dot", cx: x(p.lon), cy: y(p.lat), r: 4 + 14 * Math.sqrt(p.events / maxE), fill: goldsteinColour(p.goldstein), opacity: 0.85});
    c.addEventListener("mousemove", ev => show(ev, `${p.name}${p.country ? ", " + p.country : ""}: ${p.events} events, mean Goldstein ${p.goldstein === null ? "?" : p.goldstein.toFixed(1)} (coop ${p.q1 + p.q2}, conflict ${p.q3 + p.q4})`));
    c.addEventListener("mouseleave", hide);
    c.addEventListener("click", () => { location.href = `/events?place=${encodeURIComponent(p.name)}`; });
    evLayer.append(c);
  }
  svg.append(evLayer);
  box.append(svg);
  const toggle = document.getElementById("show-places");
  toggle.addEventListener("change", () => { placesLayer.setAttribute("visibility", toggle.checked ? "visible" : "hidden"); });
})();
