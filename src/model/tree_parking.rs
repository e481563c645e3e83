//! The parking area holds points the room has raised but not yet placed on the analysis
//! tree: "we think it matters, but is it a cause or an effect, and of what?" A parked
//! point keeps its words until the facilitator places it under the focal point or under a
//! box, or sets it aside again; a box on the tree can be parked too, with anything under it.

use super::problem_tree::{NodeId, Parent, Position, ProblemTree, TreeNode};

impl ProblemTree {
    /// Parks a new point and returns its id; blank text is ignored.
    pub fn park(&mut self, text: &str) -> Option<NodeId> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let id = self.next_node_id();
        self.parked.push(TreeNode { id, text: text.to_string(), ..Default::default() });
        Some(id)
    }

    /// Takes a box (and anything under it) off the tree into the parking area.
    pub fn park_box(&mut self, node: NodeId) -> bool {
        match self.remove_node(node) {
            Some((_, subtree)) => {
                self.parked.push(subtree);
                true
            }
            None => false,
        }
    }

    /// Places a parked point as the last box under `parent`. Refused (`false`, nothing
    /// changed) when the point or the parent is no longer there.
    pub fn place_parked(&mut self, id: NodeId, parent: Parent) -> bool {
        let Some(index) = self.parked.iter().position(|p| p.id == id) else {
            return false;
        };
        let point = self.parked.remove(index);
        if self.restore_node(Position { parent, index: usize::MAX }, point.clone()) {
            true
        } else {
            self.parked.insert(index, point);
            false
        }
    }

    /// Removes a parked point the room no longer needs.
    pub fn discard_parked(&mut self, id: NodeId) -> bool {
        let before = self.parked.len();
        self.parked.retain(|p| p.id != id);
        self.parked.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem_tree::Side;

    #[test]
    fn a_parked_point_waits_off_the_tree_then_is_placed_where_the_room_decides() {
        let mut t = ProblemTree::default();
        let cause = t.add_cause("Letters went to an old address");
        let p = t.park("Dad's shifts changed in March").unwrap();
        assert_eq!(t.len(), 1, "a parked point is not on the tree");
        assert!(t.find(p).is_none());
        assert!(t.place_parked(p, Parent::Node(cause)));
        assert!(t.parked.is_empty());
        assert_eq!(t.find(cause).unwrap().children[0].text, "Dad's shifts changed in March");
        assert_eq!(t.side_of(p), Some(Side::Causes));
    }

    #[test]
    fn parked_ids_are_never_given_to_new_boxes() {
        let mut t = ProblemTree::default();
        let p = t.park("x").unwrap();
        let b = t.add_cause("y");
        assert_ne!(p, b);
        assert_eq!(t.park("  "), None);
    }

    #[test]
    fn a_box_can_be_parked_with_what_grows_from_it_and_put_back() {
        let mut t = ProblemTree::default();
        let a = t.add_effect("Missed school");
        let a1 = t.add_node(Parent::Node(a), "Falls behind").unwrap();
        assert!(t.park_box(a));
        assert!(t.effects.is_empty());
        assert_eq!(t.parked[0].children[0].id, a1);
        assert!(t.place_parked(a, Parent::Focal(Side::Effects)));
        assert_eq!(t.effects[0].children[0].id, a1);
    }

    #[test]
    fn placing_under_a_box_that_is_gone_keeps_the_point_parked() {
        let mut t = ProblemTree::default();
        let p = t.park("x").unwrap();
        assert!(!t.place_parked(p, Parent::Node(999)));
        assert_eq!(t.parked.len(), 1);
        assert!(!t.place_parked(12345, Parent::Focal(Side::Causes)));
        assert!(t.discard_parked(p));
        assert!(t.parked.is_empty() && t.is_empty());
    }
}
