// Shared helpers for eventwire's pages: the page's JSON, safe DOM building, colours.
"use strict";
const EW = (() => {
  const data = () => JSON.parse(document.getElementById("page-data").textContent || "null");
  // el("div", {class: "x"}, "text", child): never innerHTML, so text from the record stays text
  function el(tag, attrs, ...kids) {
    const svg = ["svg", "g", "line", "circle", "rect", "path", "text", "title", "polyline", "defs", "marker"].includes(tag);
    const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids.flat()) if (k !== null && k !== undefined) node.append(k instanceof Node ? k : String(k));
    return node;
  }
  const QUAD = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"};
  const QUAD_COLOUR = {1: "#4c9be8", 2: "#1f6fb2", 3: "#f08a4b", 4: "#c8352b"};
  // Goldstein -10..10 to a red-grey-green colour
  function goldsteinColour(g) {
    if (g === null || g === undefined || isNaN(g)) return "#9aa0a6";
    const t = Math.max(-1, Math.min(1, g / 10));
    const mix = (a, b, f) => Math.round(a + (b - a) * f);
    const grey = [154, 160, 166], green = [26, 152, 80], red = [215, 48, 39];
    const c = t >= 0 ? grey.map((v, i) => mix(v, green[i], t)) : grey.map((v, i) => mix(v, red[i], -t));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }
  return {data, el, QUAD, QUAD_COLOUR, goldsteinColour};
})();
