//! The analysis (problem) tree of a case discussion: the **focal point** (the presenting
//! issue, in simple words, from the child's point of view) in the middle, its **effects**
//! growing above it, and its **root causes** below it, drilled down level by level until
//! the room reaches hypotheses of root cause.

use serde::{Deserialize, Serialize};

/// Identifies a box on the tree.
pub type NodeId = u64;

/// One box on the tree: an effect or a cause, with the boxes that grow from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TreeNode {
    pub id: NodeId,
    pub text: String,
    pub children: Vec<TreeNode>,
}

/// The whole tree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProblemTree {
    pub focal_point: String,
    /// Effects, above the focal point.
    pub effects: Vec<TreeNode>,
    /// Root causes, below the focal point.
    pub causes: Vec<TreeNode>,
}

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

    /// The next unused box id.
    pub fn next_node_id(&self) -> NodeId {
        self.nodes().iter().map(|n| n.id).max().unwrap_or(0) + 1
    }

    /// Adds an effect directly above the focal point and returns its id.
    pub fn add_effect(&mut self, text: &str) -> NodeId {
        let id = self.next_node_id();
        self.effects.push(TreeNode { id, text: text.trim().to_string(), children: vec![] });
        id
    }

    /// Adds a cause directly below the focal point and returns its id.
    pub fn add_cause(&mut self, text: &str) -> NodeId {
        let id = self.next_node_id();
        self.causes.push(TreeNode { id, text: text.trim().to_string(), children: vec![] });
        id
    }

    /// The number of boxes on the tree, not counting the focal point.
    pub fn len(&self) -> usize {
        self.nodes().len()
    }

    pub fn is_empty(&self) -> bool {
        self.focal_point.is_empty() && self.effects.is_empty() && self.causes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_boxes_get_fresh_ids_on_both_sides_of_the_focal_point() {
        let mut t = ProblemTree::default();
        let e = t.add_effect("Missed school");
        let c = t.add_cause("Parent's mental health");
        assert_ne!(e, c);
        assert_eq!(t.len(), 2);
        t.causes[0].children.push(TreeNode { id: 9, text: "Isolation".into(), children: vec![] });
        assert_eq!(t.next_node_id(), 10);
    }
}
