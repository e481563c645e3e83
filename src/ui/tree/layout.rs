//! The tree's layout is where each box of the analysis tree sits on the board: the focal
//! point in the middle, effects in rows above it (further effects higher up), causes in
//! rows below it (deeper causes lower down), each parent centred over the boxes that grow
//! from it. Pure arithmetic, so it is tested natively and exported to SVG the same way.

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

/// Where one box sits (top-left corner) and what it hangs from.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedBox {
    pub id: NodeId,
    pub side: Side,
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
                    Side::Effects => (p.y, b.y + BOX_H / 2.0),
                    Side::Causes => (p.y + BOX_H, b.y + BOX_H / 2.0),
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
            Some(p) => (p.x + BOX_W / 2.0, p.y, p.y + BOX_H),
            None => (self.focal_x + FOCAL_W / 2.0, self.focal_y, self.focal_y + FOCAL_H),
        };
        let cx = b.x + BOX_W / 2.0;
        match b.side {
            Side::Effects => (px, ptop, cx, b.y + BOX_H),
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
/// point's edge outwards.
struct Placed {
    id: NodeId,
    depth: usize,
    x: f64,
    offset: f64,
    parent: Option<NodeId>,
    stacked: bool,
}

fn layout_side(roots: &[TreeNode]) -> SideLayout {
    let row = BOX_H + GAP_Y;
    fn stacks(node: &TreeNode) -> bool {
        node.children.len() >= STACK_FROM && node.children.iter().all(|c| c.children.is_empty())
    }
    fn place(node: &TreeNode, depth: usize, parent: Option<NodeId>, next_slot: &mut f64, out: &mut Vec<Placed>, row: f64) -> f64 {
        let index = out.len();
        let offset = (depth - 1) as f64 * row;
        out.push(Placed { id: node.id, depth, x: 0.0, offset, parent, stacked: false });
        let x = if node.children.is_empty() {
            let x = *next_slot;
            *next_slot += BOX_W + GAP_X;
            x
        } else if stacks(node) {
            let x = *next_slot;
            *next_slot += BOX_W + STACK_INDENT + GAP_X;
            for (i, child) in node.children.iter().enumerate() {
                out.push(Placed {
                    id: child.id,
                    depth: depth + 1,
                    x: x + STACK_INDENT,
                    offset: offset + BOX_H + STACK_GAP + i as f64 * (BOX_H + STACK_GAP),
                    parent: Some(node.id),
                    stacked: true,
                });
            }
            x
        } else {
            let xs: Vec<f64> =
                node.children.iter().map(|c| place(c, depth + 1, Some(node.id), next_slot, out, row)).collect();
            (xs[0] + xs[xs.len() - 1]) / 2.0
        };
        out[index].x = x;
        x
    }
    let mut boxes = Vec::new();
    let mut next_slot = 0.0;
    for root in roots {
        place(root, 1, None, &mut next_slot, &mut boxes, row);
    }
    let width = if boxes.is_empty() { 0.0 } else { next_slot - GAP_X };
    let reach = boxes.iter().map(|b| b.offset + BOX_H).fold(0.0, f64::max);
    SideLayout { boxes, width, reach }
}

/// Lays out the whole tree.
pub fn layout(tree: &ProblemTree) -> TreeLayout {
    let effects = layout_side(&tree.effects);
    let causes = layout_side(&tree.causes);
    let width = effects.width.max(causes.width).max(FOCAL_W) + 2.0 * MARGIN;
    let centre = width / 2.0;
    let effects_reach = if effects.boxes.is_empty() { 0.0 } else { effects.reach + GAP_Y };
    let causes_reach = if causes.boxes.is_empty() { 0.0 } else { causes.reach + GAP_Y };
    let focal_y = MARGIN + effects_reach;
    let mut boxes = Vec::with_capacity(effects.boxes.len() + causes.boxes.len());
    for (side, part) in [(Side::Effects, &effects), (Side::Causes, &causes)] {
        let left = centre - part.width / 2.0;
        for p in &part.boxes {
            let y = match side {
                Side::Effects => focal_y - GAP_Y - BOX_H - p.offset,
                Side::Causes => focal_y + FOCAL_H + GAP_Y + p.offset,
            };
            boxes.push(PlacedBox { id: p.id, side, depth: p.depth, x: left + p.x, y, parent: p.parent, stacked: p.stacked });
        }
    }
    let height = focal_y + FOCAL_H + causes_reach + MARGIN;
    TreeLayout { boxes, focal_x: centre - FOCAL_W / 2.0, focal_y, width, height }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem_tree::Parent;

    fn overlaps(a: &PlacedBox, b: &PlacedBox) -> bool {
        a.x < b.x + BOX_W && b.x < a.x + BOX_W && a.y < b.y + BOX_H && b.y < a.y + BOX_H
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
