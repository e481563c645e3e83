//! Dropping a box somewhere on the analysis tree: under another box, before or after it in
//! its row, or on the focal point (which can turn a cause into an effect). A box never goes
//! into its own branch. The board's dragging and the keyboard's placing both end here.

use super::problem_tree::{NodeId, Parent, Position, ProblemTree, Side};

/// Where a dragged or placed box would go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Drop {
    Under(NodeId),
    Before(NodeId),
    After(NodeId),
    OnFocal(Side),
}

/// Resolves a drop into a position on the tree.
pub fn drop_position(tree: &ProblemTree, target: Drop) -> Option<Position> {
    Some(match target {
        Drop::Under(id) => Position { parent: Parent::Node(id), index: usize::MAX },
        Drop::OnFocal(side) => Position { parent: Parent::Focal(side), index: usize::MAX },
        Drop::Before(id) | Drop::After(id) => {
            let at = tree.position_of(id)?;
            let index = if matches!(target, Drop::After(_)) { at.index + 1 } else { at.index };
            Position { parent: at.parent, index }
        }
    })
}

/// True when `node` may go to `target` (never into its own subtree).
pub fn drop_allowed(tree: &ProblemTree, node: NodeId, target: Drop) -> bool {
    match target {
        Drop::Under(t) | Drop::Before(t) | Drop::After(t) => !tree.is_in_subtree(node, t),
        Drop::OnFocal(_) => true,
    }
}

/// Moves `node` to `target`; the index for a sibling drop is corrected for the box being
/// taken out of the same row first.
pub fn apply_drop(tree: &mut ProblemTree, node: NodeId, target: Drop) -> Result<(), String> {
    let Some(mut to) = drop_position(tree, target) else { return Err("That place is no longer on the tree.".into()) };
    if let (Some(from), Drop::Before(_) | Drop::After(_)) = (tree.position_of(node), target) {
        if from.parent == to.parent && from.index < to.index {
            to.index -= 1;
        }
    }
    tree.move_node(node, to).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (ProblemTree, NodeId, NodeId, NodeId) {
        let mut t = ProblemTree::default();
        let a = t.add_node(Parent::Focal(Side::Causes), "a").unwrap();
        let b = t.add_node(Parent::Focal(Side::Causes), "b").unwrap();
        let a1 = t.add_node(Parent::Node(a), "a1").unwrap();
        (t, a, b, a1)
    }

    #[test]
    fn dropping_after_a_later_sibling_lands_right_after_it() {
        let (mut t, a, b, _) = tree();
        apply_drop(&mut t, a, Drop::After(b)).unwrap();
        assert_eq!(t.causes.iter().map(|n| n.id).collect::<Vec<_>>(), vec![b, a]);
        apply_drop(&mut t, a, Drop::Before(b)).unwrap();
        assert_eq!(t.causes.iter().map(|n| n.id).collect::<Vec<_>>(), vec![a, b]);
    }

    #[test]
    fn a_box_is_never_allowed_into_its_own_subtree() {
        let (t, a, b, a1) = tree();
        assert!(!drop_allowed(&t, a, Drop::Under(a1)));
        assert!(!drop_allowed(&t, a, Drop::Under(a)));
        assert!(drop_allowed(&t, b, Drop::Under(a1)));
        assert!(drop_allowed(&t, a1, Drop::OnFocal(Side::Effects)));
    }

    #[test]
    fn dropping_on_the_focal_point_can_turn_a_cause_into_an_effect() {
        let (mut t, a, _, a1) = tree();
        apply_drop(&mut t, a, Drop::OnFocal(Side::Effects)).unwrap();
        assert_eq!(t.side_of(a1), Some(Side::Effects));
    }
}
