//! The analysis (problem) tree of a case discussion: the **focal point** (the presenting
//! issue, in simple words, from the child's point of view) in the middle, its **effects**
//! growing above it, and its **root causes** below it, drilled down level by level until
//! the room reaches hypotheses of root cause. A cause may be marked as a **hypothesis** or
//! as an **agreed root cause**.
//!
//! Every change the facilitator makes to the tree (add a box, reword it, drag it somewhere
//! else, delete it and put it back) is a method here. None of them panics: a box that is no
//! longer on the tree is answered with `None`, `false` or an error, never a crash, because
//! in a live meeting two clicks can race a deletion.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Identifies a box on the tree.
pub type NodeId = u64;

/// The two halves of the tree, either side of the focal point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Above the focal point: what the issue leads to.
    Effects,
    /// Below the focal point: what lies behind the issue.
    Causes,
}

/// Where a box hangs: directly on the focal point (on one side) or under another box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parent {
    Focal(Side),
    Node(NodeId),
}

/// A place on the tree: under which parent, and how far along its row of boxes (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub parent: Parent,
    pub index: usize,
}

/// Why a box could not be moved. Nothing changes when a move is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// The box being moved is no longer on the tree.
    NoSuchNode,
    /// The box it was dropped on is no longer on the tree.
    NoSuchParent,
    /// It was dropped on itself or on one of the boxes growing from it.
    IntoOwnSubtree,
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoveError::NoSuchNode => {
                "That box is no longer on the tree, so it could not be moved. Nothing was changed."
            }
            MoveError::NoSuchParent => {
                "The box you dropped it on is no longer on the tree. Nothing was changed."
            }
            MoveError::IntoOwnSubtree => {
                "A box cannot go under itself or under one of the boxes that grow from it. \
                 Nothing was changed."
            }
        })
    }
}

impl std::error::Error for MoveError {}

/// How far the room has got with a cause: not marked, put forward as a hypothesis of root
/// cause, or agreed as a root cause. Marking is optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(rename_all = "snake_case")]
pub enum CauseStatus {
    #[default]
    Unmarked,
    Hypothesis,
    AgreedRootCause,
}

/// One box on the tree: an effect or a cause, with the boxes that grow from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct TreeNode {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: NodeId,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub text: String,
    #[autosurgeon(missing = "Default::default")]
    pub children: Vec<TreeNode>,
    /// Only causes are marked. Files saved before marking existed load as unmarked.
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub status: CauseStatus,
}

/// The whole tree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct ProblemTree {
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub focal_point: String,
    /// Effects, above the focal point.
    #[autosurgeon(missing = "Default::default")]
    pub effects: Vec<TreeNode>,
    /// Root causes, below the focal point.
    #[autosurgeon(missing = "Default::default")]
    pub causes: Vec<TreeNode>,
    /// Which block of ids this device gives new boxes (see [`super::id_blocks`]). Belongs
    /// to the device, not the review: never saved, never merged.
    #[serde(skip)]
    #[autosurgeon(with = "crate::model::merge_shape::device_local")]
    pub id_block: u64,
    /// Points the room has raised but not placed on the tree yet (see `tree_parking`).
    #[serde(default)]
    #[autosurgeon(missing = "Default::default")]
    pub parked: Vec<TreeNode>,
}

// A valid tree has every id unique, so "the box with this id" is one box. A tree read from
// a damaged file may repeat an id; every method then acts on the first box with that id
// (effects before causes, parents before children) rather than refusing to work at all.
impl ProblemTree {
    /// Every box on the tree, effects then causes, parents before children.
    pub fn nodes(&self) -> Vec<&TreeNode> {
        fn walk<'a>(nodes: &'a [TreeNode], out: &mut Vec<&'a TreeNode>) {
            for n in nodes {
                out.push(n);
                walk(&n.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.effects, &mut out);
        walk(&self.causes, &mut out);
        out
    }

    /// An id no box on the tree has: one more than the largest in use. Ids of deleted boxes
    /// may come back once nothing on the tree carries them any more.
    pub fn next_node_id(&self) -> NodeId {
        let block = self.id_block;
        let ids: HashSet<NodeId> = self
            .nodes()
            .iter()
            .map(|n| n.id)
            .chain(self.parked.iter().map(|n| n.id))
            .filter(|id| super::id_blocks::block_of(*id) == block)
            .collect();
        let largest = ids.iter().copied().max().unwrap_or(super::id_blocks::first_id(block).saturating_sub(1));
        match largest.checked_add(1) {
            Some(id) => id,
            // Only a hand-edited file reaches the largest possible id; there are more ids
            // than boxes, so a gap below it is always found.
            None => (1..).find(|id| !ids.contains(id)).unwrap_or(largest),
        }
    }

    /// Adds an effect directly above the focal point and returns its id.
    pub fn add_effect(&mut self, text: &str) -> NodeId {
        let node = self.new_node(text);
        let id = node.id;
        self.effects.push(node);
        id
    }

    /// Adds a cause directly below the focal point and returns its id.
    pub fn add_cause(&mut self, text: &str) -> NodeId {
        let node = self.new_node(text);
        let id = node.id;
        self.causes.push(node);
        id
    }

    /// The number of boxes on the tree, not counting the focal point.
    pub fn len(&self) -> usize {
        self.nodes().len()
    }

    pub fn is_empty(&self) -> bool {
        self.focal_point.is_empty() && self.effects.is_empty() && self.causes.is_empty() && self.parked.is_empty()
    }

    /// Adds a box as the last one under `parent` and returns its id; `None` when the parent
    /// box is no longer on the tree.
    pub fn add_node(&mut self, parent: Parent, text: &str) -> Option<NodeId> {
        self.insert_node(
            Position {
                parent,
                index: usize::MAX,
            },
            text,
        )
    }

    /// Adds a box at `at` (an index past the end puts it last) and returns its id; `None`
    /// when the parent box is no longer on the tree.
    pub fn insert_node(&mut self, at: Position, text: &str) -> Option<NodeId> {
        let node = self.new_node(text);
        let id = node.id;
        let row = self.row_mut(at.parent)?;
        row.insert(at.index.min(row.len()), node);
        Some(id)
    }

    /// Adds a box straight after `node`, under the same parent, and returns its id.
    pub fn add_sibling_after(&mut self, node: NodeId, text: &str) -> Option<NodeId> {
        let (side, path) = self.locate(node)?;
        let (&index, above) = path.split_last()?;
        let new = self.new_node(text);
        let id = new.id;
        let row = self.row_at_mut(side, above)?;
        row.insert((index + 1).min(row.len()), new);
        Some(id)
    }

    /// Rewords a box. The text is kept as typed (trimming while someone types would swallow
    /// the space they just entered); `false` when the box is no longer on the tree.
    pub fn set_text(&mut self, node: NodeId, text: &str) -> bool {
        match self.find_mut(node) {
            Some(n) => {
                n.text = text.to_string();
                true
            }
            None => false,
        }
    }

    /// Marks a cause as a hypothesis or an agreed root cause, or clears the mark. Effects are
    /// not marked, so marking one is refused (`false`); clearing always works. A mark
    /// travels with its box: a marked cause dragged above the focal point keeps its mark,
    /// unshown, so dragging it back loses nothing.
    pub fn set_status(&mut self, node: NodeId, status: CauseStatus) -> bool {
        let Some((side, path)) = self.locate(node) else {
            return false;
        };
        if side == Side::Effects && status != CauseStatus::Unmarked {
            return false;
        }
        match self.node_at_mut(side, &path) {
            Some(n) => {
                n.status = status;
                true
            }
            None => false,
        }
    }

    /// Takes a box, and every box growing from it, off the tree. Returns where it was and
    /// what was taken, so [`ProblemTree::restore_node`] can put it back.
    pub fn remove_node(&mut self, node: NodeId) -> Option<(Position, TreeNode)> {
        let position = self.position_of(node)?;
        let (side, path) = self.locate(node)?;
        let (&index, above) = path.split_last()?;
        let row = self.row_at_mut(side, above)?;
        (index < row.len()).then(|| (position, row.remove(index)))
    }

    /// Puts a removed box (with everything growing from it) back at `at`, an index past the
    /// end putting it last. Refused (`false`, nothing changed) when the parent box is no
    /// longer on the tree, or when an id in `subtree` is 0, repeated, or already taken by a
    /// box on the tree: ids stay unique, so the box is never put back twice.
    pub fn restore_node(&mut self, at: Position, subtree: TreeNode) -> bool {
        let mut taken: HashSet<NodeId> = self.nodes().iter().map(|n| n.id).collect();
        if !ids_are_fresh(&subtree, &mut taken) {
            return false;
        }
        match self.row_mut(at.parent) {
            Some(row) => {
                row.insert(at.index.min(row.len()), subtree);
                true
            }
            None => false,
        }
    }

    /// Moves a box, with everything growing from it, to `to`. It may cross the focal point
    /// (a cause can become an effect and back). `to.index` counts along the target row as it
    /// is once the box has been lifted out, and an index past the end puts it last. A
    /// refused move changes nothing.
    pub fn move_node(&mut self, node: NodeId, to: Position) -> Result<(), MoveError> {
        let (side, path) = self.locate(node).ok_or(MoveError::NoSuchNode)?;
        if let Parent::Node(parent) = to.parent {
            if self.find(parent).is_none() {
                return Err(MoveError::NoSuchParent);
            }
            if self.is_in_subtree(node, parent) {
                return Err(MoveError::IntoOwnSubtree);
            }
        }
        let (&index, above) = path.split_last().ok_or(MoveError::NoSuchNode)?;
        let row = self.row_at_mut(side, above).ok_or(MoveError::NoSuchNode)?;
        if index >= row.len() {
            return Err(MoveError::NoSuchNode);
        }
        let lifted = row.remove(index);
        match self.row_mut(to.parent) {
            Some(target) => {
                target.insert(to.index.min(target.len()), lifted);
                Ok(())
            }
            None => {
                // Unreachable on a valid tree (the target was checked above); on a damaged
                // one, put the box back where it was rather than lose it.
                if let Some(row) = self.row_at_mut(side, above) {
                    row.insert(index.min(row.len()), lifted);
                }
                Err(MoveError::NoSuchParent)
            }
        }
    }

    /// The box with this id, if it is on the tree.
    pub fn find(&self, node: NodeId) -> Option<&TreeNode> {
        find_in(&self.effects, node).or_else(|| find_in(&self.causes, node))
    }

    /// Where the box hangs: under which parent and how far along.
    pub fn position_of(&self, node: NodeId) -> Option<Position> {
        let (side, path) = self.locate(node)?;
        let (&index, above) = path.split_last()?;
        let parent = match above {
            [] => Parent::Focal(side),
            _ => Parent::Node(self.node_at(side, above)?.id),
        };
        Some(Position { parent, index })
    }

    /// Which side of the focal point the box is on.
    pub fn side_of(&self, node: NodeId) -> Option<Side> {
        self.locate(node).map(|(side, _)| side)
    }

    /// How many levels the box is from the focal point: 1 means it hangs directly on it.
    pub fn depth_of(&self, node: NodeId) -> Option<usize> {
        self.locate(node).map(|(_, path)| path.len())
    }

    /// True when `candidate` is `root` itself or grows from it at any depth.
    pub fn is_in_subtree(&self, root: NodeId, candidate: NodeId) -> bool {
        self.find(root)
            .is_some_and(|r| find_in(std::slice::from_ref(r), candidate).is_some())
    }

    /// The row of boxes hanging on `parent`, in order; `None` when the parent box is no
    /// longer on the tree.
    pub fn children_of(&self, parent: Parent) -> Option<&[TreeNode]> {
        match parent {
            Parent::Focal(side) => Some(self.side(side)),
            Parent::Node(id) => self.find(id).map(|n| n.children.as_slice()),
        }
    }

    /// True when every box has its own id and no id is 0. Trees built with these methods
    /// always are; one read from a hand-edited file may not be.
    pub fn is_valid(&self) -> bool {
        let mut seen = HashSet::new();
        self.nodes().iter().all(|n| n.id > 0 && seen.insert(n.id))
    }

    fn new_node(&self, text: &str) -> TreeNode {
        TreeNode {
            id: self.next_node_id(),
            text: text.trim().to_string(),
            ..Default::default()
        }
    }

    fn side(&self, side: Side) -> &[TreeNode] {
        match side {
            Side::Effects => &self.effects,
            Side::Causes => &self.causes,
        }
    }

    fn side_mut(&mut self, side: Side) -> &mut Vec<TreeNode> {
        match side {
            Side::Effects => &mut self.effects,
            Side::Causes => &mut self.causes,
        }
    }

    /// The side a box is on and the index at each level from the focal point down to it.
    fn locate(&self, node: NodeId) -> Option<(Side, Vec<usize>)> {
        [Side::Effects, Side::Causes].into_iter().find_map(|side| {
            let mut path = Vec::new();
            path_in(self.side(side), node, &mut path).then_some((side, path))
        })
    }

    fn node_at(&self, side: Side, path: &[usize]) -> Option<&TreeNode> {
        let (&first, rest) = path.split_first()?;
        let mut node = self.side(side).get(first)?;
        for &i in rest {
            node = node.children.get(i)?;
        }
        Some(node)
    }

    fn node_at_mut(&mut self, side: Side, path: &[usize]) -> Option<&mut TreeNode> {
        let (&first, rest) = path.split_first()?;
        let mut node = self.side_mut(side).get_mut(first)?;
        for &i in rest {
            node = node.children.get_mut(i)?;
        }
        Some(node)
    }

    fn find_mut(&mut self, node: NodeId) -> Option<&mut TreeNode> {
        let (side, path) = self.locate(node)?;
        self.node_at_mut(side, &path)
    }

    /// The row reached by `path`: the side itself for an empty path, else that box's children.
    fn row_at_mut(&mut self, side: Side, path: &[usize]) -> Option<&mut Vec<TreeNode>> {
        if path.is_empty() {
            Some(self.side_mut(side))
        } else {
            self.node_at_mut(side, path).map(|n| &mut n.children)
        }
    }

    fn row_mut(&mut self, parent: Parent) -> Option<&mut Vec<TreeNode>> {
        match parent {
            Parent::Focal(side) => Some(self.side_mut(side)),
            Parent::Node(id) => self.find_mut(id).map(|n| &mut n.children),
        }
    }
}

fn find_in(nodes: &[TreeNode], id: NodeId) -> Option<&TreeNode> {
    nodes.iter().find_map(|n| {
        if n.id == id {
            Some(n)
        } else {
            find_in(&n.children, id)
        }
    })
}

/// Leaves `path` holding the indices down to the first box with `id`, if there is one.
fn path_in(nodes: &[TreeNode], id: NodeId, path: &mut Vec<usize>) -> bool {
    for (i, n) in nodes.iter().enumerate() {
        path.push(i);
        if n.id == id || path_in(&n.children, id, path) {
            return true;
        }
        path.pop();
    }
    false
}

/// True when no id in `subtree` is 0, repeated, or in `taken`; adds them to `taken`.
fn ids_are_fresh(subtree: &TreeNode, taken: &mut HashSet<NodeId>) -> bool {
    subtree.id > 0
        && taken.insert(subtree.id)
        && subtree.children.iter().all(|c| ids_are_fresh(c, taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: NodeId, text: &str, children: Vec<TreeNode>) -> TreeNode {
        TreeNode {
            id,
            text: text.into(),
            children,
            ..Default::default()
        }
    }

    /// Effects: 1 "Speech delay" > 5 "Withdrawn at nursery".
    /// Causes: 2 "Letters to old address" > 3 "Move not shared" > 6 "No shared record";
    ///         4 "Missed appointments not followed up".
    fn sample() -> ProblemTree {
        ProblemTree {
            focal_point: "J's hearing went unchecked".into(),
            effects: vec![node(
                1,
                "Speech delay",
                vec![node(5, "Withdrawn at nursery", vec![])],
            )],
            causes: vec![
                node(
                    2,
                    "Letters to old address",
                    vec![node(
                        3,
                        "Move not shared",
                        vec![node(6, "No shared record", vec![])],
                    )],
                ),
                node(4, "Missed appointments not followed up", vec![]),
            ],
            id_block: 0,
            parked: vec![],
        }
    }

    fn ids(row: &[TreeNode]) -> Vec<NodeId> {
        row.iter().map(|n| n.id).collect()
    }

    const GONE: NodeId = 99;

    #[test]
    fn new_boxes_get_fresh_ids_on_both_sides_of_the_focal_point() {
        let mut t = ProblemTree::default();
        let e = t.add_effect("Missed school");
        let c = t.add_cause("Parent's mental health");
        assert_ne!(e, c);
        assert_eq!(t.len(), 2);
        t.causes[0].children.push(node(9, "Isolation", vec![]));
        assert_eq!(t.next_node_id(), 10);
    }

    #[test]
    fn a_box_added_under_another_box_hangs_last_beneath_it() {
        let mut t = sample();
        let id = t
            .add_node(Parent::Node(2), "  Housing moved the family  ")
            .unwrap();
        assert_eq!(id, 7);
        assert_eq!(ids(t.children_of(Parent::Node(2)).unwrap()), vec![3, 7]);
        assert_eq!(t.find(id).unwrap().text, "Housing moved the family");
        assert_eq!(t.side_of(id), Some(Side::Causes));
        assert_eq!(t.depth_of(id), Some(2));
        assert!(t.is_valid());
    }

    #[test]
    fn a_box_added_on_the_focal_point_joins_that_side() {
        let mut t = sample();
        let id = t
            .add_node(Parent::Focal(Side::Effects), "Falls behind at school")
            .unwrap();
        assert_eq!(ids(&t.effects), vec![1, id]);
        assert_eq!(
            t.position_of(id),
            Some(Position {
                parent: Parent::Focal(Side::Effects),
                index: 1
            })
        );
    }

    #[test]
    fn nothing_is_added_under_a_box_that_is_gone() {
        let mut t = sample();
        assert_eq!(t.add_node(Parent::Node(GONE), "x"), None);
        assert_eq!(
            t.insert_node(
                Position {
                    parent: Parent::Node(GONE),
                    index: 0
                },
                "x"
            ),
            None
        );
        assert_eq!(t.add_sibling_after(GONE, "x"), None);
        assert_eq!(t, sample());
    }

    #[test]
    fn a_box_inserted_past_the_end_of_a_row_goes_last() {
        let mut t = sample();
        let first = t
            .insert_node(
                Position {
                    parent: Parent::Focal(Side::Causes),
                    index: 0,
                },
                "A",
            )
            .unwrap();
        let last = t
            .insert_node(
                Position {
                    parent: Parent::Focal(Side::Causes),
                    index: 500,
                },
                "B",
            )
            .unwrap();
        assert_eq!(ids(&t.causes), vec![first, 2, 4, last]);
    }

    #[test]
    fn a_sibling_is_added_straight_after_its_box() {
        let mut t = sample();
        let id = t.add_sibling_after(2, "Nobody owned follow-up").unwrap();
        assert_eq!(ids(&t.causes), vec![2, id, 4]);
        let deep = t.add_sibling_after(6, "GP not told").unwrap();
        assert_eq!(ids(t.children_of(Parent::Node(3)).unwrap()), vec![6, deep]);
    }

    #[test]
    fn rewording_a_box_keeps_the_text_as_typed() {
        let mut t = sample();
        assert!(t.set_text(6, "No shared record of moves "));
        assert_eq!(t.find(6).unwrap().text, "No shared record of moves ");
        assert!(!t.set_text(GONE, "x"));
    }

    #[test]
    fn a_cause_moved_above_the_focal_point_becomes_an_effect() {
        let mut t = sample();
        t.move_node(
            4,
            Position {
                parent: Parent::Focal(Side::Effects),
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(t.side_of(4), Some(Side::Effects));
        assert_eq!(ids(&t.effects), vec![4, 1]);
        assert_eq!(ids(&t.causes), vec![2]);
        assert!(t.is_valid());
    }

    #[test]
    fn a_box_moves_with_everything_that_grows_from_it() {
        let mut t = sample();
        t.move_node(
            3,
            Position {
                parent: Parent::Node(5),
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(t.side_of(6), Some(Side::Effects));
        assert_eq!(t.depth_of(6), Some(4));
        assert_eq!(
            t.position_of(3),
            Some(Position {
                parent: Parent::Node(5),
                index: 0
            })
        );
        assert!(t.children_of(Parent::Node(2)).unwrap().is_empty());
        assert_eq!(t.len(), sample().len());
    }

    #[test]
    fn a_box_cannot_be_dropped_into_its_own_subtree() {
        let mut t = sample();
        let into_grandchild = Position {
            parent: Parent::Node(6),
            index: 0,
        };
        assert_eq!(
            t.move_node(2, into_grandchild),
            Err(MoveError::IntoOwnSubtree)
        );
        let onto_itself = Position {
            parent: Parent::Node(2),
            index: 0,
        };
        assert_eq!(t.move_node(2, onto_itself), Err(MoveError::IntoOwnSubtree));
        assert_eq!(t, sample());
    }

    #[test]
    fn a_move_that_cannot_happen_changes_nothing() {
        let mut t = sample();
        let to_gone = Position {
            parent: Parent::Node(GONE),
            index: 0,
        };
        assert_eq!(t.move_node(4, to_gone), Err(MoveError::NoSuchParent));
        let anywhere = Position {
            parent: Parent::Focal(Side::Effects),
            index: 0,
        };
        assert_eq!(t.move_node(GONE, anywhere), Err(MoveError::NoSuchNode));
        assert_eq!(t, sample());
    }

    #[test]
    fn a_box_moved_along_its_own_row_lands_at_the_index_counted_without_it() {
        let mut t = sample();
        t.add_cause("C");
        t.move_node(
            2,
            Position {
                parent: Parent::Focal(Side::Causes),
                index: 1,
            },
        )
        .unwrap();
        assert_eq!(ids(&t.causes), vec![4, 2, 7]);
        t.move_node(
            2,
            Position {
                parent: Parent::Focal(Side::Causes),
                index: 1,
            },
        )
        .unwrap();
        assert_eq!(
            ids(&t.causes),
            vec![4, 2, 7],
            "a move to where it already is changes nothing"
        );
        t.move_node(
            4,
            Position {
                parent: Parent::Focal(Side::Causes),
                index: usize::MAX,
            },
        )
        .unwrap();
        assert_eq!(ids(&t.causes), vec![2, 7, 4]);
    }

    #[test]
    fn a_removed_box_can_be_put_back_exactly_where_it_was() {
        let mut t = sample();
        let (at, subtree) = t.remove_node(3).unwrap();
        assert_eq!(
            at,
            Position {
                parent: Parent::Node(2),
                index: 0
            }
        );
        assert_eq!(ids(std::slice::from_ref(&subtree)), vec![3]);
        assert_eq!(t.len(), 4, "the box and the one growing from it are gone");
        assert_eq!(t.find(6), None);
        assert!(t.restore_node(at, subtree));
        assert_eq!(t, sample());
    }

    #[test]
    fn removing_a_box_that_is_gone_does_nothing() {
        let mut t = sample();
        assert_eq!(t.remove_node(GONE), None);
        assert_eq!(t, sample());
    }

    #[test]
    fn a_removed_box_is_not_put_back_over_a_box_that_took_its_id() {
        let mut t = sample();
        let (at, subtree) = t.remove_node(6).unwrap();
        let newcomer = t.add_cause("Something else");
        assert_eq!(
            newcomer, 6,
            "the id of a deleted box may be given out again"
        );
        assert!(!t.restore_node(at, subtree.clone()));
        assert_eq!(t.len(), 6);
        assert!(t.is_valid());
        // Nor twice over.
        let mut t = sample();
        let (at, subtree) = t.remove_node(6).unwrap();
        assert!(t.restore_node(at, subtree.clone()));
        assert!(!t.restore_node(at, subtree));
        assert_eq!(t, sample());
    }

    #[test]
    fn a_removed_box_is_not_put_back_under_a_box_that_is_gone() {
        let mut t = sample();
        let (_, subtree) = t.remove_node(6).unwrap();
        assert!(!t.restore_node(
            Position {
                parent: Parent::Node(GONE),
                index: 0
            },
            subtree
        ));
        assert_eq!(t.len(), 5);
    }

    #[test]
    fn positions_sides_and_depths_are_read_from_where_a_box_hangs() {
        let t = sample();
        assert_eq!(
            t.position_of(4),
            Some(Position {
                parent: Parent::Focal(Side::Causes),
                index: 1
            })
        );
        assert_eq!(
            t.position_of(6),
            Some(Position {
                parent: Parent::Node(3),
                index: 0
            })
        );
        assert_eq!(t.side_of(5), Some(Side::Effects));
        assert_eq!(t.depth_of(1), Some(1));
        assert_eq!(t.depth_of(6), Some(3));
        assert_eq!(t.position_of(GONE), None);
        assert_eq!(t.side_of(GONE), None);
        assert_eq!(t.depth_of(GONE), None);
        assert_eq!(t.children_of(Parent::Node(GONE)), None);
        assert_eq!(
            ids(t.children_of(Parent::Focal(Side::Effects)).unwrap()),
            vec![1]
        );
    }

    #[test]
    fn a_box_is_in_its_own_subtree_and_its_descendants_are_too() {
        let t = sample();
        assert!(t.is_in_subtree(2, 2));
        assert!(t.is_in_subtree(2, 6));
        assert!(!t.is_in_subtree(6, 2));
        assert!(!t.is_in_subtree(2, 4));
        assert!(!t.is_in_subtree(GONE, GONE));
    }

    #[test]
    fn only_causes_can_be_marked_as_hypotheses_or_agreed_root_causes() {
        let mut t = sample();
        assert!(t.set_status(6, CauseStatus::Hypothesis));
        assert!(t.set_status(4, CauseStatus::AgreedRootCause));
        assert_eq!(t.find(6).unwrap().status, CauseStatus::Hypothesis);
        assert!(!t.set_status(5, CauseStatus::Hypothesis));
        assert!(t.set_status(5, CauseStatus::Unmarked));
        assert!(!t.set_status(GONE, CauseStatus::Hypothesis));
        assert_eq!(t.find(5).unwrap().status, CauseStatus::Unmarked);
    }

    #[test]
    fn a_mark_travels_with_its_box_across_the_focal_point_and_back() {
        let mut t = sample();
        t.set_status(4, CauseStatus::Hypothesis);
        let marked = t.clone();
        t.move_node(
            4,
            Position {
                parent: Parent::Focal(Side::Effects),
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(t.find(4).unwrap().status, CauseStatus::Hypothesis);
        t.move_node(
            4,
            Position {
                parent: Parent::Focal(Side::Causes),
                index: 1,
            },
        )
        .unwrap();
        assert_eq!(t, marked);
    }

    #[test]
    fn ids_stay_fresh_after_a_box_with_the_largest_possible_id() {
        let mut t = sample();
        t.causes
            .push(node(NodeId::MAX, "From a hand-edited file", vec![]));
        let id = t.add_effect("New");
        assert_eq!(id, 7);
        let id = t.add_node(Parent::Node(NodeId::MAX), "Under it").unwrap();
        assert_eq!(id, 8);
        assert!(t.is_valid());
    }

    #[test]
    fn a_tree_with_a_repeated_or_zero_id_is_not_valid() {
        assert!(sample().is_valid());
        assert!(ProblemTree::default().is_valid());
        let mut repeated = sample();
        repeated.effects.push(node(6, "Copy", vec![]));
        assert!(!repeated.is_valid());
        let mut zero = sample();
        zero.causes[1].children.push(node(0, "Zero", vec![]));
        assert!(!zero.is_valid());
    }

    #[test]
    fn a_tree_with_a_repeated_id_can_still_be_edited_without_crashing() {
        let mut t = sample();
        t.causes.push(node(
            1,
            "Same id as the first effect",
            vec![node(2, "And again", vec![])],
        ));
        let lift = Position {
            parent: Parent::Node(1),
            index: 0,
        };
        assert_eq!(
            t.move_node(2, lift),
            Ok(()),
            "the first box 2 goes under the first box 1"
        );
        assert_eq!(
            t.move_node(
                1,
                Position {
                    parent: Parent::Node(2),
                    index: 0
                }
            ),
            Err(MoveError::IntoOwnSubtree)
        );
        assert!(t.remove_node(1).is_some());
        assert!(t.remove_node(1).is_some());
        assert_eq!(t.remove_node(1), None);
        assert!(t.add_sibling_after(4, "x").is_some());
    }

    #[test]
    fn a_tree_saved_before_marking_existed_loads_with_every_cause_unmarked() {
        let json = r#"{"focal_point":"F","effects":[],"causes":[
            {"id":2,"text":"Letters","children":[{"id":3,"text":"Move","children":[]}]}]}"#;
        let t: ProblemTree = serde_json::from_str(json).unwrap();
        assert_eq!(t.find(3).unwrap().status, CauseStatus::Unmarked);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn marks_are_saved_in_plain_words_and_read_back() {
        let mut t = sample();
        t.set_status(6, CauseStatus::AgreedRootCause);
        t.set_status(4, CauseStatus::Hypothesis);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(
            json["causes"][0]["children"][0]["children"][0]["status"],
            "agreed_root_cause"
        );
        assert_eq!(json["causes"][1]["status"], "hypothesis");
        assert_eq!(json["effects"][0]["status"], "unmarked");
        assert_eq!(serde_json::from_value::<ProblemTree>(json).unwrap(), t);
        assert_eq!(serde_json::to_value(Side::Causes).unwrap(), "causes");
    }

    #[test]
    fn a_refused_move_is_explained_in_plain_words() {
        for error in [
            MoveError::NoSuchNode,
            MoveError::NoSuchParent,
            MoveError::IntoOwnSubtree,
        ] {
            let message = error.to_string();
            assert!(message.ends_with("Nothing was changed."), "{message}");
            assert!(
                !message.contains("node") && !message.contains("subtree"),
                "{message}"
            );
        }
    }
}
