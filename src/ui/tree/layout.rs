//! The tree's layout is where each box of the analysis tree sits on the board: the focal
//! point in the middle, effects in rows above it (further effects higher up), causes in
//! rows below it (deeper causes lower down), each parent centred over the boxes that grow
//! from it. Boxes may be as tall as their words need (`Sizes::heights`), and as wide as the
//! board's panel allows (`Sizes::box_w`); rows are as tall as their tallest box. On the wall
//! the tree is an outline in columns instead, its box width chosen so the whole tree shows
//! largest in the panel (`wall_box_width`). Pure arithmetic, so it is tested natively and
//! exported to SVG the same way.

use std::collections::HashMap;

use crate::model::problem_tree::{CauseStatus, NodeId, ProblemTree, Side, TreeNode};

/// Width of a box, in board pixels.
pub const BOX_W: f64 = 210.0;
/// Height of a box.
pub const BOX_H: f64 = 92.0;
/// Width of the focal point box.
pub const FOCAL_W: f64 = 340.0;
/// Height of the focal point box.
pub const FOCAL_H: f64 = 110.0;
/// Space between boxes in a row.
pub const GAP_X: f64 = 26.0;
/// Space between rows.
pub const GAP_Y: f64 = 64.0;
/// Margin around the whole tree.
pub const MARGIN: f64 = 32.0;
/// How far a stacked column of boxes is indented from its parent box.
pub const STACK_INDENT: f64 = 28.0;
/// Space between boxes in a stacked column.
pub const STACK_GAP: f64 = 14.0;
/// Boxes whose children are all end-points (no further boxes) list them in a column
/// beneath them once there are this many, which keeps wide trees readable on one screen.
pub const STACK_FROM: usize = 2;

/// How big the boxes are: one width for every box, the focal point's own width, and each
/// box's height as its words need (boxes not listed are `min_h` tall; none is shorter).
#[derive(Clone, Debug, PartialEq)]
pub struct Sizes {
    pub box_w: f64,
    /// The focal point's width; with `focal_spans`, its least width.
    pub focal_w: f64,
    pub focal_h: f64,
    /// The focal point is as wide as the wider side of the tree, so its words take fewer
    /// lines (the wall).
    pub focal_spans: bool,
    pub gap_y: f64,
    /// Space between boxes in a row, and around the whole tree.
    pub gap_x: f64,
    pub margin: f64,
    /// Space between boxes one above the other in a column.
    pub stack_gap: f64,
    /// No box is shorter than this.
    pub min_h: f64,
    /// Columns: each box on the focal point heads a column holding everything that grows
    /// from it, each level a step further in and that much narrower (an outline). Much
    /// more compact than rows, so a large tree stays readable on the wall.
    pub columns: bool,
    pub heights: HashMap<NodeId, f64>,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            box_w: BOX_W,
            focal_w: FOCAL_W,
            focal_h: FOCAL_H,
            focal_spans: false,
            gap_y: GAP_Y,
            gap_x: GAP_X,
            margin: MARGIN,
            stack_gap: STACK_GAP,
            min_h: BOX_H,
            columns: false,
            heights: HashMap::new(),
        }
    }
}

impl Sizes {
    fn height(&self, id: NodeId) -> f64 {
        self.heights.get(&id).copied().unwrap_or(self.min_h).max(self.min_h)
    }
}

/// Where one box sits (top-left corner), how big it is, and what it hangs from.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedBox {
    pub id: NodeId,
    pub side: Side,
    pub w: f64,
    pub h: f64,
    /// 1 for boxes directly on the focal point.
    pub depth: usize,
    pub x: f64,
    pub y: f64,
    /// The box it hangs from; `None` means the focal point.
    pub parent: Option<NodeId>,
    /// True when the box is in a column under its parent rather than in a row.
    pub stacked: bool,
}

/// The whole board.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeLayout {
    pub boxes: Vec<PlacedBox>,
    pub focal_x: f64,
    pub focal_y: f64,
    pub focal_w: f64,
    pub focal_h: f64,
    pub width: f64,
    pub height: f64,
}

impl TreeLayout {
    pub fn find(&self, id: NodeId) -> Option<&PlacedBox> {
        self.boxes.iter().find(|b| b.id == id)
    }

    /// The connector's SVG path from what a box hangs from to the box: a curve between
    /// facing edges, or an elbow along the side of a stacked column.
    pub fn connector_path(&self, b: &PlacedBox) -> String {
        if b.stacked {
            if let Some(p) = b.parent.and_then(|p| self.find(p)) {
                // Down the side of the column, midway along the step in.
                let x = p.x + (b.x - p.x) / 2.0;
                let (y1, cy) = match b.side {
                    Side::Effects => (p.y, b.y + b.h / 2.0),
                    Side::Causes => (p.y + p.h, b.y + b.h / 2.0),
                };
                return format!("M{x:.1} {y1:.1} V{cy:.1} H{:.1}", b.x);
            }
        }
        let (x1, y1, x2, y2) = self.connector(b);
        let mid = (y1 + y2) / 2.0;
        format!("M{x1:.1} {y1:.1} C{x1:.1} {mid:.1} {x2:.1} {mid:.1} {x2:.1} {y2:.1}")
    }

    /// The connector from a box to what it hangs from: (x1, y1, x2, y2), from the parent's
    /// edge facing the box to the box's edge facing the parent.
    pub fn connector(&self, b: &PlacedBox) -> (f64, f64, f64, f64) {
        let (px, ptop, pbottom) = match b.parent.and_then(|p| self.find(p)) {
            Some(p) => (p.x + p.w / 2.0, p.y, p.y + p.h),
            None => (self.focal_x + self.focal_w / 2.0, self.focal_y, self.focal_y + self.focal_h),
        };
        let cx = b.x + b.w / 2.0;
        match b.side {
            Side::Effects => (px, ptop, cx, b.y + b.h),
            Side::Causes => (px, pbottom, cx, b.y),
        }
    }
}

struct SideLayout {
    boxes: Vec<Placed>,
    width: f64,
    /// How far the side reaches from the focal point, in board pixels.
    reach: f64,
}

/// A box placed relative to its side: x from the side's left edge, `offset` from the focal
/// point's edge outwards to the box's edge facing it.
struct Placed {
    id: NodeId,
    depth: usize,
    x: f64,
    w: f64,
    h: f64,
    offset: f64,
    parent: Option<NodeId>,
    stacked: bool,
}

fn stacks(node: &TreeNode) -> bool {
    node.children.len() >= STACK_FROM && node.children.iter().all(|c| c.children.is_empty())
}

fn layout_side(roots: &[TreeNode], sizes: &Sizes) -> SideLayout {
    // First the columns: each end-point takes a slot, each parent sits over its children.
    fn place(node: &TreeNode, depth: usize, parent: Option<NodeId>, next_slot: &mut f64, out: &mut Vec<Placed>, sizes: &Sizes) -> f64 {
        let bw = sizes.box_w;
        let index = out.len();
        out.push(Placed { id: node.id, depth, x: 0.0, w: bw, h: sizes.height(node.id), offset: 0.0, parent, stacked: false });
        let x = if node.children.is_empty() {
            let x = *next_slot;
            *next_slot += bw + sizes.gap_x;
            x
        } else if stacks(node) {
            let x = *next_slot;
            *next_slot += bw + STACK_INDENT + sizes.gap_x;
            for child in &node.children {
                out.push(Placed {
                    id: child.id,
                    depth: depth + 1,
                    x: x + STACK_INDENT,
                    w: bw,
                    h: sizes.height(child.id),
                    offset: 0.0,
                    parent: Some(node.id),
                    stacked: true,
                });
            }
            x
        } else {
            let xs: Vec<f64> = node.children.iter().map(|c| place(c, depth + 1, Some(node.id), next_slot, out, sizes)).collect();
            (xs[0] + xs[xs.len() - 1]) / 2.0
        };
        out[index].x = x;
        x
    }
    let mut boxes = Vec::new();
    let mut next_slot = 0.0;
    if sizes.columns {
        return layout_columns(roots, sizes);
    }
    for root in roots {
        place(root, 1, None, &mut next_slot, &mut boxes, sizes);
    }
    // Then the rows: each as tall as its tallest box (stacked columns hang from their parent).
    let deepest = boxes.iter().filter(|b| !b.stacked).map(|b| b.depth).max().unwrap_or(0);
    let mut row_h = vec![0.0f64; deepest + 1];
    for b in boxes.iter().filter(|b| !b.stacked) {
        row_h[b.depth] = row_h[b.depth].max(b.h);
    }
    let mut row_offset = vec![0.0f64; deepest + 2];
    for d in 1..=deepest {
        row_offset[d + 1] = row_offset[d] + row_h[d] + sizes.gap_y;
    }
    let mut column: HashMap<NodeId, f64> = HashMap::new();
    for i in 0..boxes.len() {
        if boxes[i].stacked {
            let parent = boxes[i].parent.unwrap_or_default();
            let start = match column.get(&parent) {
                Some(end) => *end,
                None => boxes.iter().find(|p| p.id == parent && !p.stacked).map(|p| p.offset + p.h).unwrap_or(0.0),
            } + sizes.stack_gap;
            boxes[i].offset = start;
            column.insert(parent, start + boxes[i].h);
        } else {
            boxes[i].offset = row_offset[boxes[i].depth];
        }
    }
    let width = if boxes.is_empty() { 0.0 } else { next_slot - sizes.gap_x };
    let reach = boxes.iter().map(|b| b.offset + b.h).fold(0.0, f64::max);
    SideLayout { boxes, width, reach }
}

/// How far each level is indented in the column layout.
pub const COLUMN_INDENT: f64 = 20.0;
/// In the column layout the deepest box of a column keeps at least this share of the
/// column's width: very deep branches are indented in smaller steps.
pub const DEEPEST_SHARE: f64 = 0.6;

/// Which type a box's words are set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// An effect's or a cause's words.
    Box,
    /// The focal point's words, larger and bold.
    Focal,
    /// A cause's mark, "Hypothesis" or "Agreed root cause", bold, on its own line.
    Mark,
}

/// How the boxes set their words around the lines: each line's height, and the padding
/// and border on either side of the words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxType {
    pub line_px: f64,
    pub focal_line_px: f64,
    /// Padding and border, left and right together.
    pub pad_x: f64,
    /// Padding and border, top and bottom together.
    pub pad_y: f64,
    pub focal_pad_x: f64,
    pub focal_pad_y: f64,
    /// How much more an agreed root cause's thicker border takes, both sides together (the
    /// same across and down).
    pub agreed_extra: f64,
}

/// How many lines words take, wrapped at `width` as the browser wraps them: each line as
/// many whole words as fit, a word wider than a line broken across lines. `words` are the
/// words' widths, `space` a space's.
pub fn wrapped_lines(words: &[f64], space: f64, width: f64) -> usize {
    // A hair's leeway, as measured widths are rounded differently from laid-out ones.
    let width = (width - 0.5).max(1.0);
    let mut lines = 1usize;
    let mut used = 0.0f64;
    for &w in words {
        if used > 0.0 && used + space + w <= width {
            used += space + w;
            continue;
        }
        if used > 0.0 {
            lines += 1;
        }
        used = w;
        while used > width {
            lines += 1;
            used -= width;
        }
    }
    lines
}

/// The column layout: one column per box on the focal point, everything growing from it
/// below it (above, for effects) in order, a step further in and narrower for each level,
/// so a column is as wide as its first box.
fn layout_columns(roots: &[TreeNode], sizes: &Sizes) -> SideLayout {
    fn deepest(n: &TreeNode) -> usize {
        1 + n.children.iter().map(deepest).max().unwrap_or(0)
    }
    struct Column {
        x0: f64,
        step: f64,
    }
    fn walk(n: &TreeNode, depth: usize, parent: Option<NodeId>, col: &Column, offset: &mut f64, out: &mut Vec<Placed>, sizes: &Sizes) {
        let h = sizes.height(n.id);
        let inset = (depth - 1) as f64 * col.step;
        out.push(Placed { id: n.id, depth, x: col.x0 + inset, w: sizes.box_w - inset, h, offset: *offset, parent, stacked: depth > 1 });
        *offset += h + sizes.stack_gap;
        for c in &n.children {
            walk(c, depth + 1, Some(n.id), col, offset, out, sizes);
        }
    }
    let mut boxes = Vec::new();
    let mut x = 0.0;
    for root in roots {
        let mut offset = 0.0;
        let levels = deepest(root) - 1;
        let step = if levels == 0 { COLUMN_INDENT } else { COLUMN_INDENT.min(sizes.box_w * (1.0 - DEEPEST_SHARE) / levels as f64) };
        walk(root, 1, None, &Column { x0: x, step }, &mut offset, &mut boxes, sizes);
        x += sizes.box_w + sizes.gap_x;
    }
    let width = if boxes.is_empty() { 0.0 } else { x - sizes.gap_x };
    let reach = boxes.iter().map(|b| b.offset + b.h).fold(0.0, f64::max);
    SideLayout { boxes, width, reach }
}

/// Lays out the whole tree with boxes of the standard size.
pub fn layout(tree: &ProblemTree) -> TreeLayout {
    layout_with(tree, &Sizes::default())
}

/// Lays out the whole tree with the given box sizes.
pub fn layout_with(tree: &ProblemTree, sizes: &Sizes) -> TreeLayout {
    let effects = layout_side(&tree.effects, sizes);
    let causes = layout_side(&tree.causes, sizes);
    let focal_w = if sizes.focal_spans { sizes.focal_w.max(effects.width).max(causes.width) } else { sizes.focal_w };
    let (focal_h, gap_y) = (sizes.focal_h, sizes.gap_y);
    let margin = sizes.margin;
    let width = effects.width.max(causes.width).max(focal_w) + 2.0 * margin;
    let centre = width / 2.0;
    let effects_reach = if effects.boxes.is_empty() { 0.0 } else { effects.reach + gap_y };
    let causes_reach = if causes.boxes.is_empty() { 0.0 } else { causes.reach + gap_y };
    let focal_y = margin + effects_reach;
    let mut boxes = Vec::with_capacity(effects.boxes.len() + causes.boxes.len());
    for (side, part) in [(Side::Effects, &effects), (Side::Causes, &causes)] {
        let left = centre - part.width / 2.0;
        for p in &part.boxes {
            let y = match side {
                Side::Effects => focal_y - gap_y - p.offset - p.h,
                Side::Causes => focal_y + focal_h + gap_y + p.offset,
            };
            boxes.push(PlacedBox {
                id: p.id,
                side,
                w: p.w,
                h: p.h,
                depth: p.depth,
                x: left + p.x,
                y,
                parent: p.parent,
                stacked: p.stacked,
            });
        }
    }
    let height = focal_y + focal_h + causes_reach + margin;
    TreeLayout { boxes, focal_x: centre - focal_w / 2.0, focal_y, focal_w, focal_h, width, height }
}

/// The box widths the wall may choose from: `min` to `max` in steps of `step`, and the one
/// it would rather have when the tree fits at full size with several.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxWidths {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub preferred: f64,
}

/// The box width with which the whole tree is shown largest (at most at full size) in a
/// `view` of (width, height) pixels: wider boxes take fewer lines but make the tree wider.
/// When several widths show it at full size, the one nearest the preferred width. Each
/// box's height is worked out from its words' widths, which `measure` gives in the face
/// they are set in (the page measures them with its own fonts); the page measures the
/// boxes again once they are drawn.
pub fn wall_box_width(
    tree: &ProblemTree,
    spacing: &Sizes,
    view: (f64, f64),
    widths: BoxWidths,
    type_: &BoxType,
    measure: &mut dyn FnMut(&str, Face) -> f64,
) -> f64 {
    let BoxWidths { min, max, step, preferred } = widths;
    let mut space_in = |face: Face| (measure("a a", face) - 2.0 * measure("a", face)).max(0.0);
    let spaces = [Face::Box, Face::Focal, Face::Mark].map(|f| (f, space_in(f)));
    let space = |face: Face| spaces.iter().find(|(f, _)| *f == face).map_or(0.0, |(_, w)| *w);
    let mut known: HashMap<(Face, String), f64> = HashMap::new();
    let mut set = |text: &str, face: Face| -> Vec<f64> {
        text.split_whitespace()
            .map(|word| *known.entry((face, word.to_string())).or_insert_with(|| measure(word, face)))
            .collect()
    };
    // Each box's words, and its mark's, measured once.
    let mut words: HashMap<NodeId, (Vec<f64>, Vec<f64>, f64)> = HashMap::new();
    for (side, roots) in [(Side::Effects, &tree.effects), (Side::Causes, &tree.causes)] {
        let mut stack: Vec<&TreeNode> = roots.iter().collect();
        while let Some(n) = stack.pop() {
            let mark = match (side, n.status) {
                (Side::Causes, CauseStatus::Hypothesis) => set("Hypothesis", Face::Mark),
                (Side::Causes, CauseStatus::AgreedRootCause) => set("Agreed root cause", Face::Mark),
                _ => Vec::new(),
            };
            let extra = if side == Side::Causes && n.status == CauseStatus::AgreedRootCause { type_.agreed_extra } else { 0.0 };
            words.insert(n.id, (set(&n.text, Face::Box), mark, extra));
            stack.extend(n.children.iter());
        }
    }
    let focal_words = set(&tree.focal_point, Face::Focal);
    let mut best = (f64::MIN, f64::MAX, min);
    let mut w = min;
    while w <= max + 1e-9 {
        let mut sizes = Sizes { box_w: w, heights: HashMap::new(), ..spacing.clone() };
        let first = layout_with(tree, &sizes);
        for b in &first.boxes {
            let Some((text, mark, extra)) = words.get(&b.id) else { continue };
            let extra = *extra;
            let inner = b.w - type_.pad_x - extra;
            let mut lines = wrapped_lines(text, space(Face::Box), inner);
            if !mark.is_empty() {
                lines += wrapped_lines(mark, space(Face::Mark), inner);
            }
            sizes.heights.insert(b.id, lines as f64 * type_.line_px + type_.pad_y + extra);
        }
        let focal_lines = wrapped_lines(&focal_words, space(Face::Focal), first.focal_w - type_.focal_pad_x);
        sizes.focal_h = focal_lines as f64 * type_.focal_line_px + type_.focal_pad_y;
        let l = layout_with(tree, &sizes);
        let zoom = (view.0 / l.width).min(view.1 / l.height).min(1.0);
        let off = (w - preferred).abs();
        if zoom > best.0 + 1e-6 || (zoom > best.0 - 1e-6 && off < best.1) {
            best = (zoom, off, w);
        }
        w += step;
    }
    best.2
}

/// The box width that makes the tree as wide as `available` board pixels, between `min`
/// and `max`. The tree's width grows in step with the box width, so two trial layouts
/// give the answer.
pub fn box_width_to_fit(tree: &ProblemTree, spacing: &Sizes, available: f64, min: f64, max: f64) -> f64 {
    let trial = |w: f64| layout_with(tree, &Sizes { box_w: w, focal_w: 0.0, heights: HashMap::new(), ..spacing.clone() }).width;
    let (w1, w2) = (trial(100.0), trial(200.0));
    let per_px = (w2 - w1) / 100.0;
    if per_px <= 0.0 {
        return max;
    }
    let fixed = w1 - 100.0 * per_px;
    ((available - fixed) / per_px).clamp(min, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem_tree::Parent;

    fn overlaps(a: &PlacedBox, b: &PlacedBox) -> bool {
        a.x < b.x + a.w.max(b.w) && b.x < a.x + a.w.max(b.w) && a.y < b.y + b.h && b.y < a.y + a.h
    }

    fn clear_of_focal(l: &TreeLayout, b: &PlacedBox) -> bool {
        b.y + b.h <= l.focal_y || b.y >= l.focal_y + l.focal_h
    }

    #[test]
    fn tall_boxes_push_their_row_and_the_rows_beyond_outwards_without_overlapping() {
        let mut t = ProblemTree::default();
        let e = t.add_node(Parent::Focal(Side::Effects), "e").unwrap();
        let e2 = t.add_node(Parent::Node(e), "e2").unwrap();
        let c = t.add_node(Parent::Focal(Side::Causes), "c").unwrap();
        let c2 = t.add_node(Parent::Focal(Side::Causes), "c2").unwrap();
        let deep = t.add_node(Parent::Node(c), "deep").unwrap();
        let stacked: Vec<_> = (0..3).map(|_| t.add_node(Parent::Node(c2), "s").unwrap()).collect();
        let mut sizes = Sizes { box_w: 260.0, ..Sizes::default() };
        sizes.heights.insert(c2, 240.0);
        sizes.heights.insert(e, 180.0);
        sizes.heights.insert(stacked[0], 150.0);
        let l = layout_with(&t, &sizes);
        let (bc, bdeep, be, be2) = (l.find(c).unwrap(), l.find(deep).unwrap(), l.find(e).unwrap(), l.find(e2).unwrap());
        assert_eq!(l.find(c2).unwrap().h, 240.0);
        assert!(bdeep.y >= bc.y + 240.0, "the row below starts after the tallest box of the row above");
        assert!(be2.y + be2.h <= be.y, "a further effect sits above its tall parent");
        assert_eq!(be.y + be.h + GAP_Y, l.focal_y, "effects sit on the focal point");
        for (i, x) in l.boxes.iter().enumerate() {
            assert!(clear_of_focal(&l, x));
            assert!(x.y >= 0.0 && x.y + x.h <= l.height && x.x + x.w <= l.width);
            for y in &l.boxes[i + 1..] {
                assert!(!overlaps(x, y), "{x:?} overlaps {y:?}");
            }
        }
    }

    #[test]
    fn in_columns_each_branch_is_an_indented_column_that_never_overlaps_another() {
        let mut t = ProblemTree::default();
        let mut all = Vec::new();
        for _ in 0..3 {
            let c = t.add_node(Parent::Focal(Side::Causes), "c").unwrap();
            let d = t.add_node(Parent::Node(c), "d").unwrap();
            let e = t.add_node(Parent::Node(d), "e").unwrap();
            let f = t.add_node(Parent::Node(c), "f").unwrap();
            all.extend([c, d, e, f]);
        }
        let up = t.add_node(Parent::Focal(Side::Effects), "up").unwrap();
        let up2 = t.add_node(Parent::Node(up), "up2").unwrap();
        let mut sizes = Sizes { columns: true, box_w: 200.0, ..Sizes::default() };
        sizes.heights.insert(all[1], 170.0);
        let l = layout_with(&t, &sizes);
        let (c, d, e, f) = (l.find(all[0]).unwrap(), l.find(all[1]).unwrap(), l.find(all[2]).unwrap(), l.find(all[3]).unwrap());
        assert_eq!(d.x, c.x + COLUMN_INDENT);
        assert_eq!(e.x, c.x + 2.0 * COLUMN_INDENT);
        assert_eq!(f.x, d.x, "a second child lines up with the first");
        assert_eq!(e.x + e.w, c.x + c.w, "a column is as wide as its first box: deeper boxes are narrower");
        assert_eq!(e.w, 200.0 - 2.0 * COLUMN_INDENT);
        assert!(d.y >= c.y + c.h && e.y >= d.y + 170.0 && f.y >= e.y + e.h, "one below the other, in order");
        assert!(l.find(up2).unwrap().y + BOX_H <= l.find(up).unwrap().y, "further effects go up");
        assert!(l.width < 3.0 * (200.0 + 2.0 * STACK_INDENT + GAP_X) + 2.0 * MARGIN + 1.0);
        for (i, x) in l.boxes.iter().enumerate() {
            assert!(clear_of_focal(&l, x));
            assert!(x.y >= 0.0 && x.y + x.h <= l.height && x.x + x.w <= l.width + 1e-9);
            for y in &l.boxes[i + 1..] {
                assert!(!overlaps(x, y), "{x:?} overlaps {y:?}");
            }
        }
        assert!(l.connector_path(e).contains(" V"));
    }

    #[test]
    fn words_wrap_as_the_browser_wraps_them() {
        let words = [40.0, 30.0, 50.0];
        assert_eq!(wrapped_lines(&words, 5.0, 200.0), 1);
        assert_eq!(wrapped_lines(&words, 5.0, 80.0), 2, "40 + 5 + 30 fit, 50 goes on");
        assert_eq!(wrapped_lines(&words, 5.0, 60.0), 3);
        assert_eq!(wrapped_lines(&[], 5.0, 60.0), 1);
        assert_eq!(wrapped_lines(&[130.0], 5.0, 50.0), 3, "a long word is broken across lines");
        assert_eq!(wrapped_lines(&[130.0, 10.0], 5.0, 50.0), 3, "and the next word follows on its last line");
    }

    fn long_tree() -> ProblemTree {
        let mut t = ProblemTree::default();
        t.focal_point = "I was living with fighting at home and missing school, and nobody put the pieces together".into();
        let words = "Each service saw part of the picture and assessed again from the start";
        for _ in 0..3 {
            let c = t.add_node(Parent::Focal(Side::Causes), words).unwrap();
            let d = t.add_node(Parent::Node(c), words).unwrap();
            t.add_node(Parent::Node(d), words);
            t.add_node(Parent::Node(c), words);
            t.add_node(Parent::Focal(Side::Effects), words);
        }
        t
    }

    const WALL_TYPE: BoxType =
        BoxType { line_px: 24.0, focal_line_px: 25.0, pad_x: 20.0, pad_y: 12.0, focal_pad_x: 22.0, focal_pad_y: 14.0, agreed_extra: 4.0 };

    /// Letters 10.4 px wide (bold ones 11.4), as a wide sans serif at 20 px.
    fn letters(text: &str, face: Face) -> f64 {
        text.chars().count() as f64 * if face == Face::Box { 10.4 } else { 11.4 }
    }

    #[test]
    fn on_the_wall_the_box_width_suits_the_shape_of_the_panel() {
        let t = long_tree();
        let spacing = Sizes { columns: true, focal_spans: true, focal_w: 200.0, gap_x: 12.0, gap_y: 16.0, stack_gap: 8.0, margin: 8.0, min_h: 52.0, ..Sizes::default() };
        let range = BoxWidths { min: 150.0, max: 400.0, step: 10.0, preferred: 280.0 };
        let tall = wall_box_width(&t, &spacing, (450.0, 900.0), range, &WALL_TYPE, &mut letters);
        let wide = wall_box_width(&t, &spacing, (900.0, 450.0), range, &WALL_TYPE, &mut letters);
        assert!(tall < wide, "{tall} {wide}");
        assert!((150.0..=400.0).contains(&tall) && (150.0..=400.0).contains(&wide));
        // Nothing in the range would show the tree larger than the width chosen.
        let words = |text: &str, face| text.split_whitespace().map(|w| letters(w, face)).collect::<Vec<_>>();
        let zoom = |w: f64| {
            let mut sizes = Sizes { box_w: w, ..spacing.clone() };
            let first = layout_with(&t, &sizes);
            for b in &first.boxes {
                let lines = wrapped_lines(&words(&t.find(b.id).unwrap().text, Face::Box), 10.4, b.w - 20.0);
                sizes.heights.insert(b.id, lines as f64 * 24.0 + 12.0);
            }
            sizes.focal_h = wrapped_lines(&words(&t.focal_point, Face::Focal), 11.4, first.focal_w - 22.0) as f64 * 25.0 + 14.0;
            let l = layout_with(&t, &sizes);
            (450.0 / l.width).min(900.0 / l.height)
        };
        let chosen = zoom(tall);
        assert!(chosen < 1.0, "too large a tree to show at full size: {chosen}");
        assert!((0..=25).all(|i| zoom(150.0 + 10.0 * i as f64) <= chosen + 1e-9));
    }

    #[test]
    fn a_small_tree_gets_the_preferred_width_when_any_would_show_it_at_full_size() {
        let mut t = ProblemTree::default();
        t.add_node(Parent::Focal(Side::Causes), "Letters to an old address");
        let spacing = Sizes { columns: true, focal_spans: true, focal_w: 100.0, ..Sizes::default() };
        let range = BoxWidths { min: 150.0, max: 420.0, step: 2.0, preferred: 280.0 };
        assert_eq!(wall_box_width(&t, &spacing, (1000.0, 900.0), range, &WALL_TYPE, &mut letters), 280.0);
        let narrowest = 150.0 + 2.0 * MARGIN;
        assert_eq!(wall_box_width(&t, &spacing, (narrowest, 900.0), range, &WALL_TYPE, &mut letters), 150.0, "only the narrowest fits");
    }

    #[test]
    fn a_marked_cause_is_given_a_line_for_its_mark() {
        let mut t = ProblemTree::default();
        let c = t.add_node(Parent::Focal(Side::Causes), "short").unwrap();
        let spacing = Sizes { columns: true, min_h: 0.0, margin: 0.0, gap_y: 0.0, focal_spans: true, focal_w: 0.0, ..Sizes::default() };
        // In a view with room for the focal point and one line of box, every width shows an
        // unmarked box at full size; a mark needs its own line, and the fewest lines it
        // can take come with the widest box.
        let view = (1000.0, 25.0 + 14.0 + 24.0 + 12.0);
        let range = BoxWidths { min: 100.0, max: 300.0, step: 100.0, preferred: 100.0 };
        let plain = wall_box_width(&t, &spacing, view, range, &WALL_TYPE, &mut letters);
        t.set_status(c, CauseStatus::AgreedRootCause);
        let marked = wall_box_width(&t, &spacing, view, range, &WALL_TYPE, &mut letters);
        assert_eq!(plain, 100.0, "every width fits; the first is kept");
        assert_eq!(marked, 300.0, "\"Agreed root cause\" (194 px) is on one line only in the widest box");
    }

    #[test]
    fn a_very_deep_branch_is_indented_in_smaller_steps_so_its_deepest_box_stays_readable() {
        let mut t = ProblemTree::default();
        let mut parent = Parent::Focal(Side::Causes);
        let mut ids = Vec::new();
        for _ in 0..10 {
            let id = t.add_node(parent, "deeper").unwrap();
            ids.push(id);
            parent = Parent::Node(id);
        }
        let l = layout_with(&t, &Sizes { columns: true, box_w: 200.0, ..Sizes::default() });
        let deepest = l.find(ids[9]).unwrap();
        assert!((deepest.w - 200.0 * DEEPEST_SHARE).abs() < 1e-9, "{}", deepest.w);
        assert!(l.boxes.iter().all(|b| b.x + b.w <= l.width + 1e-9));
    }

    #[test]
    fn a_spanning_focal_point_is_as_wide_as_the_wider_side() {
        let t = long_tree();
        let l = layout_with(&t, &Sizes { columns: true, focal_spans: true, focal_w: 100.0, box_w: 200.0, ..Sizes::default() });
        assert_eq!(l.focal_w, 3.0 * 200.0 + 2.0 * GAP_X);
        assert_eq!(l.focal_x, MARGIN);
        let narrow = layout_with(&ProblemTree::default(), &Sizes { focal_spans: true, focal_w: 260.0, ..Sizes::default() });
        assert_eq!(narrow.focal_w, 260.0, "an empty tree keeps the least width");
    }

    #[test]
    fn the_box_width_is_chosen_so_the_tree_fills_the_space_given() {
        let mut t = ProblemTree::default();
        for _ in 0..3 {
            let c = t.add_node(Parent::Focal(Side::Causes), "c").unwrap();
            t.add_node(Parent::Node(c), "d");
        }
        let tight = Sizes { gap_x: 10.0, margin: 8.0, ..Sizes::default() };
        let w = box_width_to_fit(&t, &tight, 900.0, 120.0, 400.0);
        let l = layout_with(&t, &Sizes { box_w: w, focal_w: 0.0, ..tight.clone() });
        assert!((l.width - 900.0).abs() < 1e-6, "{}", l.width);
        assert_eq!(box_width_to_fit(&t, &tight, 100.0, 120.0, 400.0), 120.0);
        assert_eq!(box_width_to_fit(&ProblemTree::default(), &tight, 500.0, 120.0, 400.0), 400.0);
    }

    #[test]
    fn effects_sit_above_the_focal_point_and_causes_below() {
        let mut t = ProblemTree::default();
        let e = t.add_node(Parent::Focal(Side::Effects), "e").unwrap();
        let e2 = t.add_node(Parent::Node(e), "e2").unwrap();
        let c = t.add_node(Parent::Focal(Side::Causes), "c").unwrap();
        let l = layout(&t);
        let (be, be2, bc) = (l.find(e).unwrap(), l.find(e2).unwrap(), l.find(c).unwrap());
        assert!(be.y + BOX_H <= l.focal_y);
        assert!(be2.y + BOX_H <= be.y, "a further effect is higher up");
        assert!(bc.y >= l.focal_y + FOCAL_H);
        assert!(l.height >= bc.y + BOX_H);
    }

    #[test]
    fn parents_are_centred_over_their_children_and_boxes_never_overlap() {
        let mut t = ProblemTree::default();
        let a = t.add_node(Parent::Focal(Side::Causes), "a").unwrap();
        for _ in 0..3 {
            let c = t.add_node(Parent::Node(a), "c").unwrap();
            t.add_node(Parent::Node(c), "d");
            t.add_node(Parent::Node(c), "d");
        }
        t.add_node(Parent::Focal(Side::Causes), "b");
        let l = layout(&t);
        let pa = l.find(a).unwrap();
        let kids: Vec<_> = l.boxes.iter().filter(|b| b.parent == Some(a)).collect();
        let mid = (kids[0].x + kids[kids.len() - 1].x) / 2.0;
        assert!((pa.x - mid).abs() < 1e-9);
        for (i, x) in l.boxes.iter().enumerate() {
            for y in &l.boxes[i + 1..] {
                assert!(!overlaps(x, y), "{x:?} overlaps {y:?}");
            }
            assert!(x.x >= 0.0 && x.x + BOX_W <= l.width);
        }
    }

    #[test]
    fn end_point_children_stack_in_a_column_to_keep_the_tree_narrow() {
        let mut t = ProblemTree::default();
        let a = t.add_node(Parent::Focal(Side::Causes), "a").unwrap();
        let kids: Vec<_> = (0..4).map(|_| t.add_node(Parent::Node(a), "k").unwrap()).collect();
        let l = layout(&t);
        let pa = l.find(a).unwrap();
        let placed: Vec<_> = kids.iter().map(|k| l.find(*k).unwrap()).collect();
        assert!(placed.iter().all(|b| b.stacked && b.x == pa.x + STACK_INDENT));
        assert!(placed.windows(2).all(|w| w[1].y > w[0].y + BOX_H));
        assert!(l.width < 2.0 * (BOX_W + GAP_X) + 2.0 * MARGIN + FOCAL_W);
        assert!(l.height >= placed[3].y + BOX_H);
        assert!(l.connector_path(placed[0]).contains(" V"));
        for (i, x) in l.boxes.iter().enumerate() {
            for y in &l.boxes[i + 1..] {
                assert!(!overlaps(x, y));
            }
        }
    }

    #[test]
    fn connectors_join_facing_edges() {
        let mut t = ProblemTree::default();
        let c = t.add_node(Parent::Focal(Side::Causes), "c").unwrap();
        let l = layout(&t);
        let (_, y1, _, y2) = l.connector(l.find(c).unwrap());
        assert_eq!(y1, l.focal_y + FOCAL_H);
        assert_eq!(y2, l.find(c).unwrap().y);
    }

    #[test]
    fn an_empty_tree_is_just_the_focal_point() {
        let l = layout(&ProblemTree::default());
        assert!(l.boxes.is_empty());
        assert_eq!(l.width, FOCAL_W + 2.0 * MARGIN);
    }
}
