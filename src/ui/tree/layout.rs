//! The tree's layout is where each box of the analysis tree sits on the board: the focal
//! point in the middle, effects in rows above it (further effects higher up), causes in
//! rows below it (deeper causes lower down), each parent centred over the boxes that grow
//! from it. Boxes may be as tall as their words need (`Sizes::heights`), and as wide as the
//! board's panel allows (`Sizes::box_w`); rows are as tall as their tallest box. Pure
//! arithmetic, so it is tested natively and exported to SVG the same way.

use std::collections::HashMap;

use crate::model::problem_tree::{NodeId, ProblemTree, Side, TreeNode};

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
/// box's height as its words need (boxes not listed are [`BOX_H`] tall; none is shorter).
#[derive(Clone, Debug, PartialEq)]
pub struct Sizes {
    pub box_w: f64,
    pub focal_w: f64,
    pub focal_h: f64,
    pub gap_y: f64,
    /// Space between boxes in a row, and around the whole tree.
    pub gap_x: f64,
    pub margin: f64,
    /// Columns: each box on the focal point heads a column holding everything that grows
    /// from it, indented a step per level (an outline). Much more compact than rows, so a
    /// large tree stays readable on the wall.
    pub columns: bool,
    pub heights: HashMap<NodeId, f64>,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes { box_w: BOX_W, focal_w: FOCAL_W, focal_h: FOCAL_H, gap_y: GAP_Y, gap_x: GAP_X, margin: MARGIN, columns: false, heights: HashMap::new() }
    }
}

impl Sizes {
    fn height(&self, id: NodeId) -> f64 {
        self.heights.get(&id).copied().unwrap_or(BOX_H).max(BOX_H)
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
                let x = p.x + STACK_INDENT / 2.0;
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
        out.push(Placed { id: node.id, depth, x: 0.0, h: sizes.height(node.id), offset: 0.0, parent, stacked: false });
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
            } + STACK_GAP;
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

/// A box's height for words of `chars` average width at `font_px`, wrapped at `width`
/// board pixels less `padding`: used to choose a width before the page measures the boxes.
pub fn estimated_height(text: &str, width: f64, font_px: f64, line_px: f64, padding: f64) -> f64 {
    // 0.58 em is a wide sans serif's average letter with its share of spaces.
    let per_line = ((width - padding) / (font_px * 0.58)).floor().max(4.0) as usize;
    let mut lines = 1usize;
    let mut used = 0usize;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if used == 0 {
            used = n;
        } else if used + 1 + n <= per_line {
            used += 1 + n;
        } else {
            lines += 1;
            used = n;
        }
        while used > per_line {
            lines += 1;
            used -= per_line;
        }
    }
    lines as f64 * line_px + padding
}

/// The column layout: one column per box on the focal point, everything growing from it
/// below it (above, for effects) in order, a step further in for each level.
fn layout_columns(roots: &[TreeNode], sizes: &Sizes) -> SideLayout {
    fn deepest(n: &TreeNode) -> usize {
        1 + n.children.iter().map(deepest).max().unwrap_or(0)
    }
    fn walk(n: &TreeNode, depth: usize, parent: Option<NodeId>, x0: f64, offset: &mut f64, out: &mut Vec<Placed>, sizes: &Sizes) {
        let h = sizes.height(n.id);
        out.push(Placed {
            id: n.id,
            depth,
            x: x0 + (depth - 1) as f64 * COLUMN_INDENT,
            h,
            offset: *offset,
            parent,
            stacked: depth > 1,
        });
        *offset += h + STACK_GAP;
        for c in &n.children {
            walk(c, depth + 1, Some(n.id), x0, offset, out, sizes);
        }
    }
    let mut boxes = Vec::new();
    let mut x = 0.0;
    for root in roots {
        let mut offset = 0.0;
        walk(root, 1, None, x, &mut offset, &mut boxes, sizes);
        x += sizes.box_w + (deepest(root) - 1) as f64 * COLUMN_INDENT + sizes.gap_x;
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
    let (focal_w, focal_h, gap_y) = (sizes.focal_w, sizes.focal_h, sizes.gap_y);
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
                w: sizes.box_w,
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
    fn estimated_heights_grow_with_words_and_shrink_with_width() {
        let text = "No routine link between absence records and safeguarding records at school";
        let narrow = estimated_height(text, 150.0, 20.0, 24.0, 14.0);
        let wide = estimated_height(text, 300.0, 20.0, 24.0, 14.0);
        assert!(narrow > wide && wide >= 24.0 + 14.0);
        assert_eq!(estimated_height("", 200.0, 20.0, 24.0, 14.0), 38.0);
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
