//! What each box of the analysis tree says about itself, looked up by the box: its words,
//! how a cause is marked, whether boxes hang from it, and where it stands among its
//! siblings ("2 of 5", which a screen reader announces as a box is reached). Worked out
//! once per change of the tree, so each of 500 boxes reads its own line instead of
//! searching the tree.

use std::collections::HashMap;

use super::problem_tree::{CauseStatus, NodeId, ProblemTree, TreeNode};

/// One box, as the board shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoxFacts {
    pub text: String,
    pub status: CauseStatus,
    pub has_children: bool,
    /// Its place among the boxes under the same parent (from 1), and how many there are.
    pub position: usize,
    pub of: usize,
}

impl ProblemTree {
    /// Every box of the tree (effects and causes), by id.
    pub fn box_facts(&self) -> HashMap<NodeId, BoxFacts> {
        fn walk(nodes: &[TreeNode], out: &mut HashMap<NodeId, BoxFacts>) {
            for (i, n) in nodes.iter().enumerate() {
                out.insert(
                    n.id,
                    BoxFacts {
                        text: n.text.clone(),
                        status: n.status,
                        has_children: !n.children.is_empty(),
                        position: i + 1,
                        of: nodes.len(),
                    },
                );
                walk(&n.children, out);
            }
        }
        let mut out = HashMap::new();
        walk(&self.effects, &mut out);
        walk(&self.causes, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem_tree::Parent;

    #[test]
    fn each_box_knows_its_words_its_place_among_its_siblings_and_whether_boxes_hang_from_it() {
        let mut tree = ProblemTree::default();
        let effect = tree.add_effect("Nobody saw the child for six weeks");
        let first = tree.add_cause("The referral went to a closed inbox");
        let second = tree.add_cause("Two workers each thought the other would visit");
        let under = tree.add_node(Parent::Node(second), "No handover note").expect("the cause is on the tree");
        let facts = tree.box_facts();
        assert_eq!(facts.len(), 4);
        assert_eq!(facts[&effect].text, "Nobody saw the child for six weeks");
        assert_eq!((facts[&effect].position, facts[&effect].of), (1, 1));
        assert_eq!((facts[&first].position, facts[&first].of, facts[&first].has_children), (1, 2, false));
        assert_eq!((facts[&second].position, facts[&second].of, facts[&second].has_children), (2, 2, true));
        assert_eq!((facts[&under].position, facts[&under].of), (1, 1));
    }
}
