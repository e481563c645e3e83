//! Nudging moves one box of the analysis tree a single step, the way a keyboard user moves
//! it after picking it up: along its row (left or right among its siblings), toward the
//! focal point (up a level; from the first level it crosses to the other side, so a cause
//! becomes an effect), or away from it (under the box beside it).

use super::problem_tree::{MoveError, NodeId, Parent, Position, ProblemTree, Side};

/// One step for a picked-up box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nudge {
    /// Swap places with the box before it in its row.
    Earlier,
    /// Swap places with the box after it in its row.
    Later,
    /// Up one level, next to its parent box; from the first level, across the focal point.
    TowardFocal,
    /// Down one level, as the last box under the box before it (or after it, if first).
    AwayFromFocal,
}

impl ProblemTree {
    /// Moves `node` one step. Steps that lead nowhere (the first box moving earlier, a lone
    /// box moving away from the focal point) change nothing and return `Ok(false)`.
    pub fn nudge(&mut self, node: NodeId, step: Nudge) -> Result<bool, MoveError> {
        let here = self.position_of(node).ok_or(MoveError::NoSuchNode)?;
        let siblings = self.children_of(here.parent).map(|s| s.len()).unwrap_or(0);
        let target = match step {
            Nudge::Earlier => {
                if here.index == 0 {
                    return Ok(false);
                }
                Position { parent: here.parent, index: here.index - 1 }
            }
            Nudge::Later => {
                if here.index + 1 >= siblings {
                    return Ok(false);
                }
                Position { parent: here.parent, index: here.index + 1 }
            }
            Nudge::TowardFocal => match here.parent {
                Parent::Focal(side) => {
                    let other = match side {
                        Side::Effects => Side::Causes,
                        Side::Causes => Side::Effects,
                    };
                    Position { parent: Parent::Focal(other), index: usize::MAX }
                }
                Parent::Node(parent) => {
                    let up = self.position_of(parent).ok_or(MoveError::NoSuchParent)?;
                    Position { parent: up.parent, index: up.index + 1 }
                }
            },
            Nudge::AwayFromFocal => {
                let row = self.children_of(here.parent).unwrap_or(&[]);
                let neighbour = if here.index > 0 {
                    row.get(here.index - 1)
                } else {
                    row.get(here.index + 1)
                };
                let Some(neighbour) = neighbour.map(|n| n.id) else { return Ok(false) };
                Position { parent: Parent::Node(neighbour), index: usize::MAX }
            }
        };
        self.move_node(node, target)?;
        Ok(true)
    }

    /// Where `node` sits, in words a screen reader can say: "Cause, level 2, 1 of 3".
    pub fn describe_place(&self, node: NodeId) -> Option<String> {
        let side = self.side_of(node)?;
        let depth = self.depth_of(node)?;
        let at = self.position_of(node)?;
        let of = self.children_of(at.parent).map(|s| s.len()).unwrap_or(0);
        let kind = match side {
            Side::Effects => "effect",
            Side::Causes => "cause",
        };
        let under = match at.parent {
            Parent::Focal(_) => "on the focal point".to_string(),
            Parent::Node(p) => {
                let text = self.find(p).map(|n| n.text.trim().to_string()).unwrap_or_default();
                if text.is_empty() {
                    "under an empty box".to_string()
                } else {
                    format!("under “{text}”")
                }
            }
        };
        Some(format!("Now an {kind} at level {depth}, {under}, {} of {of}.", at.index + 1)
            .replace("an cause", "a cause"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (ProblemTree, [NodeId; 4]) {
        let mut t = ProblemTree::default();
        let a = t.add_node(Parent::Focal(Side::Causes), "A").unwrap();
        let b = t.add_node(Parent::Focal(Side::Causes), "B").unwrap();
        let a1 = t.add_node(Parent::Node(a), "A1").unwrap();
        let e = t.add_node(Parent::Focal(Side::Effects), "E").unwrap();
        (t, [a, b, a1, e])
    }

    #[test]
    fn earlier_and_later_swap_places_in_the_row() {
        let (mut t, [a, b, ..]) = tree();
        assert_eq!(t.nudge(b, Nudge::Earlier), Ok(true));
        assert_eq!(t.causes[0].id, b);
        assert_eq!(t.nudge(b, Nudge::Earlier), Ok(false));
        assert_eq!(t.nudge(b, Nudge::Later), Ok(true));
        assert_eq!(t.causes[1].id, b);
        assert_eq!(t.causes[0].id, a);
    }

    #[test]
    fn a_first_level_cause_moved_toward_the_focal_point_becomes_an_effect() {
        let (mut t, [a, _, a1, _]) = tree();
        assert_eq!(t.nudge(a, Nudge::TowardFocal), Ok(true));
        assert_eq!(t.side_of(a), Some(Side::Effects));
        assert_eq!(t.side_of(a1), Some(Side::Effects), "its subtree travels with it");
        assert!(t.is_valid());
    }

    #[test]
    fn toward_the_focal_point_from_deeper_lands_next_to_the_parent() {
        let (mut t, [a, _, a1, _]) = tree();
        assert_eq!(t.nudge(a1, Nudge::TowardFocal), Ok(true));
        assert_eq!(t.position_of(a1), Some(Position { parent: Parent::Focal(Side::Causes), index: 1 }));
        assert_eq!(t.depth_of(a), Some(1));
    }

    #[test]
    fn away_from_the_focal_point_goes_under_the_neighbour() {
        let (mut t, [a, b, ..]) = tree();
        assert_eq!(t.nudge(b, Nudge::AwayFromFocal), Ok(true));
        assert_eq!(t.position_of(b), Some(Position { parent: Parent::Node(a), index: 1 }));
        // A lone box has no neighbour to go under.
        let (mut t, [.., e]) = tree();
        assert_eq!(t.nudge(e, Nudge::AwayFromFocal), Ok(false));
    }

    #[test]
    fn places_are_described_in_words() {
        let (mut t, [_, b, a1, _]) = tree();
        assert_eq!(t.describe_place(b).unwrap(), "Now a cause at level 1, on the focal point, 2 of 2.");
        assert_eq!(t.describe_place(a1).unwrap(), "Now a cause at level 2, under “A”, 1 of 1.");
        assert_eq!(t.nudge(999, Nudge::Earlier), Err(MoveError::NoSuchNode));
    }
}
