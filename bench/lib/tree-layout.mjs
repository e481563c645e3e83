// The analysis-tree board's layout, ported line for line from src/ui/tree/layout.rs so the
// baseline draws exactly the app's board (same boxes, same places, same connector paths)
// and the runner can pick drag targets that are on screen. Pure arithmetic.

export const BOX_W = 210;
export const BOX_H = 92;
export const FOCAL_W = 340;
export const FOCAL_H = 110;
export const GAP_X = 26;
export const GAP_Y = 64;
export const MARGIN = 32;
export const STACK_INDENT = 28;
export const STACK_GAP = 14;
export const STACK_FROM = 2;

function layoutSide(roots) {
  const row = BOX_H + GAP_Y;
  const stacks = (node) => node.children.length >= STACK_FROM && node.children.every((c) => c.children.length === 0);
  const out = [];
  let nextSlot = 0;
  const place = (node, depth, parent) => {
    const index = out.length;
    const offset = (depth - 1) * row;
    out.push({ id: node.id, depth, x: 0, offset, parent, stacked: false });
    let x;
    if (node.children.length === 0) {
      x = nextSlot;
      nextSlot += BOX_W + GAP_X;
    } else if (stacks(node)) {
      x = nextSlot;
      nextSlot += BOX_W + STACK_INDENT + GAP_X;
      node.children.forEach((child, i) => {
        out.push({ id: child.id, depth: depth + 1, x: x + STACK_INDENT, offset: offset + BOX_H + STACK_GAP + i * (BOX_H + STACK_GAP), parent: node.id, stacked: true });
      });
    } else {
      const xs = node.children.map((c) => place(c, depth + 1, node.id));
      x = (xs[0] + xs[xs.length - 1]) / 2;
    }
    out[index].x = x;
    return x;
  };
  for (const root of roots) place(root, 1, null);
  const width = out.length ? nextSlot - GAP_X : 0;
  const reach = out.reduce((m, b) => Math.max(m, b.offset + BOX_H), 0);
  return { boxes: out, width, reach };
}

/** Where every box sits: { boxes: [{id, side, depth, x, y, parent, stacked}], focalX, focalY, width, height }. */
export function layout(tree) {
  const effects = layoutSide(tree.effects);
  const causes = layoutSide(tree.causes);
  const width = Math.max(effects.width, causes.width, FOCAL_W) + 2 * MARGIN;
  const centre = width / 2;
  const effectsReach = effects.boxes.length ? effects.reach + GAP_Y : 0;
  const causesReach = causes.boxes.length ? causes.reach + GAP_Y : 0;
  const focalY = MARGIN + effectsReach;
  const boxes = [];
  for (const [side, part] of [["effects", effects], ["causes", causes]]) {
    const left = centre - part.width / 2;
    for (const p of part.boxes) {
      const y = side === "effects" ? focalY - GAP_Y - BOX_H - p.offset : focalY + FOCAL_H + GAP_Y + p.offset;
      boxes.push({ id: p.id, side, depth: p.depth, x: left + p.x, y, parent: p.parent, stacked: p.stacked });
    }
  }
  const height = focalY + FOCAL_H + causesReach + MARGIN;
  const byId = new Map(boxes.map((b) => [b.id, b]));
  return { boxes, byId, focalX: centre - FOCAL_W / 2, focalY, width, height };
}

const f1 = (n) => n.toFixed(1);

/** The connector's SVG path, as layout.rs `connector_path` writes it. */
export function connectorPath(l, b) {
  if (b.stacked && b.parent !== null) {
    const p = l.byId.get(b.parent);
    if (p) {
      const x = p.x + STACK_INDENT / 2;
      const [y1, cy] = b.side === "effects" ? [p.y, b.y + BOX_H / 2] : [p.y + BOX_H, b.y + BOX_H / 2];
      return `M${f1(x)} ${f1(y1)} V${f1(cy)} H${f1(b.x)}`;
    }
  }
  const p = b.parent !== null ? l.byId.get(b.parent) : null;
  const [px, ptop, pbottom] = p ? [p.x + BOX_W / 2, p.y, p.y + BOX_H] : [l.focalX + FOCAL_W / 2, l.focalY, l.focalY + FOCAL_H];
  const cx = b.x + BOX_W / 2;
  const [x1, y1, x2, y2] = b.side === "effects" ? [px, ptop, cx, b.y + BOX_H] : [px, pbottom, cx, b.y];
  const mid = (y1 + y2) / 2;
  return `M${f1(x1)} ${f1(y1)} C${f1(x1)} ${f1(mid)} ${f1(x2)} ${f1(mid)} ${f1(x2)} ${f1(y2)}`;
}
