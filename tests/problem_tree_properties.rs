//! Whatever the facilitator does to the analysis tree, in whatever order (add a box, insert
//! one, add one alongside, drag one somewhere else, delete one, put it back, reword it, mark
//! it), the tree stays whole: every box keeps its own id and can be found, no box is lost or
//! doubled by a drag, a refused drag changes nothing, a deleted box goes back exactly where
//! it was, and Undo walks back through every earlier tree while Redo comes forward again.
//! These properties are checked against random sequences of edits.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use case_review_studio::model::edit_history::EditHistory;
use case_review_studio::model::problem_tree::{
    CauseStatus, MoveError, NodeId, Parent, Position, ProblemTree, Side, TreeNode,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Random edits
// ---------------------------------------------------------------------------------------

/// Chooses a box: usually one on the tree, sometimes an id that is not on it.
type Pick = usize;

#[derive(Clone, Debug)]
enum ParentPick {
    Focal(Side),
    Node(Pick),
}

#[derive(Clone, Debug)]
enum Edit {
    Add(ParentPick, String),
    Insert(ParentPick, usize, String),
    AddSiblingAfter(Pick, String),
    Move(Pick, ParentPick, usize),
    Remove(Pick),
    /// Puts back one of the boxes removed earlier (chosen by this number), where it was.
    Restore(usize),
    SetText(Pick, String),
    SetStatus(Pick, CauseStatus),
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Effects), Just(Side::Causes)]
}

fn status() -> impl Strategy<Value = CauseStatus> {
    prop_oneof![
        Just(CauseStatus::Unmarked),
        Just(CauseStatus::Hypothesis),
        Just(CauseStatus::AgreedRootCause)
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "",
        "  ",
        "Speech delay",
        " Moved house ",
        "Mum unwell",
        "GP",
    ])
    .prop_map(String::from)
}

fn pick() -> impl Strategy<Value = Pick> {
    0..64_usize
}

fn parent_pick() -> impl Strategy<Value = ParentPick> {
    prop_oneof![
        side().prop_map(ParentPick::Focal),
        pick().prop_map(ParentPick::Node)
    ]
}

fn index() -> impl Strategy<Value = usize> {
    prop_oneof![4 => 0..5_usize, 1 => Just(usize::MAX)]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (parent_pick(), text()).prop_map(|(p, t)| Edit::Add(p, t)),
        2 => (parent_pick(), index(), text()).prop_map(|(p, i, t)| Edit::Insert(p, i, t)),
        1 => (pick(), text()).prop_map(|(n, t)| Edit::AddSiblingAfter(n, t)),
        3 => (pick(), parent_pick(), index()).prop_map(|(n, p, i)| Edit::Move(n, p, i)),
        1 => pick().prop_map(Edit::Remove),
        1 => (0..8_usize).prop_map(Edit::Restore),
        1 => (pick(), text()).prop_map(|(n, t)| Edit::SetText(n, t)),
        1 => (pick(), status()).prop_map(|(n, s)| Edit::SetStatus(n, s)),
    ]
}

fn edits(max: usize) -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 0..max)
}

fn config() -> ProptestConfig {
    // A failing case is printed already shrunk; no regression files are written into tests/.
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Applying edits while keeping count
// ---------------------------------------------------------------------------------------

fn ids(tree: &ProblemTree) -> Vec<NodeId> {
    tree.nodes().iter().map(|n| n.id).collect()
}

/// Turns a pick into an id: one on the tree, or 0, or the next unused id.
fn resolve(tree: &ProblemTree, pick: Pick) -> NodeId {
    let ids = ids(tree);
    let k = pick % (ids.len() + 2);
    match ids.get(k) {
        Some(&id) => id,
        None if k == ids.len() => 0,
        None => tree.next_node_id(),
    }
}

fn resolve_parent(tree: &ProblemTree, pick: &ParentPick) -> Parent {
    match *pick {
        ParentPick::Focal(side) => Parent::Focal(side),
        ParentPick::Node(p) => Parent::Node(resolve(tree, p)),
    }
}

fn parent_exists(tree: &ProblemTree, parent: Parent) -> bool {
    tree.children_of(parent).is_some()
}

fn size(node: &TreeNode) -> usize {
    1 + node.children.iter().map(size).sum::<usize>()
}

fn subtree_ids(node: &TreeNode, out: &mut Vec<NodeId>) {
    out.push(node.id);
    for c in &node.children {
        subtree_ids(c, out);
    }
}

/// Every box by id, with what it says, how it is marked and what grows from it.
fn contents(tree: &ProblemTree) -> BTreeMap<NodeId, (String, CauseStatus, Vec<NodeId>)> {
    tree.nodes()
        .iter()
        .map(|n| {
            (
                n.id,
                (
                    n.text.clone(),
                    n.status,
                    n.children.iter().map(|c| c.id).collect(),
                ),
            )
        })
        .collect()
}

/// A tree being edited, with the count of boxes it should have (adds, less removed
/// subtrees, plus restored ones) and the boxes removed so far, ready to be put back.
#[derive(Default)]
struct Session {
    tree: ProblemTree,
    expected_len: usize,
    removed: Vec<(Position, TreeNode)>,
}

impl Session {
    fn run(edits: &[Edit]) -> Result<Session, TestCaseError> {
        let mut session = Session::default();
        for e in edits {
            session.apply(e)?;
        }
        Ok(session)
    }

    /// Applies one edit and checks what it did against what it should have done.
    fn apply(&mut self, edit: &Edit) -> Result<(), TestCaseError> {
        let before = self.tree.clone();
        let t = &mut self.tree;
        match edit {
            Edit::Add(p, text) => {
                let parent = resolve_parent(t, p);
                let row_len = t.children_of(parent).map(<[TreeNode]>::len);
                let added = t.add_node(parent, text);
                self.check_added(&before, added, parent, row_len, row_len.unwrap_or(0))?;
            }
            Edit::Insert(p, index, text) => {
                let parent = resolve_parent(t, p);
                let row_len = t.children_of(parent).map(<[TreeNode]>::len);
                let added = t.insert_node(
                    Position {
                        parent,
                        index: *index,
                    },
                    text,
                );
                let expected_index = (*index).min(row_len.unwrap_or(0));
                self.check_added(&before, added, parent, row_len, expected_index)?;
            }
            Edit::AddSiblingAfter(n, text) => {
                let node = resolve(t, *n);
                let at = t.position_of(node);
                let added = t.add_sibling_after(node, text);
                match at {
                    Some(at) => {
                        let row_len = before.children_of(at.parent).map(<[TreeNode]>::len);
                        self.check_added(&before, added, at.parent, row_len, at.index + 1)?;
                    }
                    None => {
                        prop_assert_eq!(added, None);
                        prop_assert_eq!(&self.tree, &before);
                    }
                }
            }
            Edit::Move(n, p, index) => {
                let node = resolve(t, *n);
                let to = Position {
                    parent: resolve_parent(t, p),
                    index: *index,
                };
                check_move(t, node, to)?;
            }
            Edit::Remove(n) => {
                let node = resolve(t, *n);
                match t.remove_node(node) {
                    Some((at, subtree)) => {
                        prop_assert_eq!(before.position_of(node), Some(at));
                        prop_assert_eq!(before.find(node), Some(&subtree));
                        prop_assert_eq!(t.find(node), None);
                        self.expected_len -= size(&subtree);
                        // Putting it straight back is the identity.
                        let mut put_back = t.clone();
                        prop_assert!(put_back.restore_node(at, subtree.clone()));
                        prop_assert_eq!(&put_back, &before);
                        self.removed.push((at, subtree));
                    }
                    None => {
                        prop_assert!(before.find(node).is_none());
                        prop_assert_eq!(&self.tree, &before);
                    }
                }
            }
            Edit::Restore(k) => {
                if !self.removed.is_empty() {
                    let (at, subtree) = self.removed.remove(k % self.removed.len());
                    let mut theirs = Vec::new();
                    subtree_ids(&subtree, &mut theirs);
                    let clash = theirs.iter().any(|&id| before.find(id).is_some());
                    let fits = parent_exists(t, at.parent) && !clash;
                    let n = size(&subtree);
                    let restored = t.restore_node(at, subtree.clone());
                    prop_assert_eq!(restored, fits);
                    if restored {
                        self.expected_len += n;
                        prop_assert_eq!(t.find(subtree.id), Some(&subtree));
                        let row_len = before.children_of(at.parent).map_or(0, <[TreeNode]>::len);
                        let index = at.index.min(row_len);
                        prop_assert_eq!(t.position_of(subtree.id), Some(Position { index, ..at }));
                    } else {
                        prop_assert_eq!(&self.tree, &before);
                    }
                }
            }
            Edit::SetText(n, text) => {
                let node = resolve(t, *n);
                let done = t.set_text(node, text);
                prop_assert_eq!(done, before.find(node).is_some());
                if done {
                    prop_assert_eq!(&t.find(node).unwrap().text, text);
                }
            }
            Edit::SetStatus(n, status) => {
                let node = resolve(t, *n);
                let done = t.set_status(node, *status);
                let allowed = match before.side_of(node) {
                    None => false,
                    Some(Side::Causes) => true,
                    Some(Side::Effects) => *status == CauseStatus::Unmarked,
                };
                prop_assert_eq!(done, allowed);
                if done {
                    prop_assert_eq!(t.find(node).unwrap().status, *status);
                } else {
                    prop_assert_eq!(&self.tree, &before);
                }
            }
        }
        check_whole(&self.tree, self.expected_len)
    }

    fn check_added(
        &mut self,
        before: &ProblemTree,
        added: Option<NodeId>,
        parent: Parent,
        row_len_before: Option<usize>,
        expected_index: usize,
    ) -> Result<(), TestCaseError> {
        match (added, row_len_before) {
            (Some(id), Some(_)) => {
                prop_assert!(before.find(id).is_none(), "id {} was already in use", id);
                prop_assert_eq!(
                    self.tree.position_of(id),
                    Some(Position {
                        parent,
                        index: expected_index
                    })
                );
                let node = self.tree.find(id).unwrap();
                prop_assert!(node.children.is_empty());
                prop_assert_eq!(node.status, CauseStatus::Unmarked);
                self.expected_len += 1;
            }
            (None, None) => prop_assert_eq!(&self.tree, before),
            (added, row) => {
                return Err(TestCaseError::fail(format!(
                    "added {added:?} under {parent:?}, whose row was {row:?}"
                )))
            }
        }
        Ok(())
    }
}

/// Moves `node` to `to` and checks the move happened whole, or was refused for the right
/// reason and changed nothing.
fn check_move(tree: &mut ProblemTree, node: NodeId, to: Position) -> Result<(), TestCaseError> {
    let before = tree.clone();
    let result = tree.move_node(node, to);
    let expected = if before.find(node).is_none() {
        Err(MoveError::NoSuchNode)
    } else {
        match to.parent {
            Parent::Node(p) if before.find(p).is_none() => Err(MoveError::NoSuchParent),
            Parent::Node(p) if before.is_in_subtree(node, p) => Err(MoveError::IntoOwnSubtree),
            _ => Ok(()),
        }
    };
    prop_assert_eq!(&result, &expected);
    if result.is_err() {
        prop_assert_eq!(&*tree, &before, "a refused move changed the tree");
        return Ok(());
    }
    // Nothing lost, nothing doubled, nothing reworded: the same boxes with the same
    // contents, only the box's parent row differs.
    let mut old = contents(&before);
    let mut new = contents(tree);
    let from = before.position_of(node).unwrap();
    for map in [&mut old, &mut new] {
        for (_, (_, _, children)) in map.iter_mut() {
            children.retain(|&c| c != node);
        }
    }
    prop_assert_eq!(old, new);
    prop_assert_eq!(
        tree.find(node),
        before.find(node),
        "the subtree moved whole"
    );
    let mut without = before.clone();
    without.remove_node(node);
    let row_len = without.children_of(to.parent).map_or(0, <[TreeNode]>::len);
    prop_assert_eq!(
        tree.position_of(node),
        Some(Position {
            parent: to.parent,
            index: to.index.min(row_len)
        })
    );
    let side = match to.parent {
        Parent::Focal(side) => side,
        Parent::Node(p) => before.side_of(p).unwrap(),
    };
    prop_assert_eq!(tree.side_of(node), Some(side));
    // And the way back is always open.
    let mut back = tree.clone();
    prop_assert_eq!(back.move_node(node, from), Ok(()));
    prop_assert_eq!(&back, &before);
    Ok(())
}

/// The tree is whole: ids unique and above 0, every box found where it says it hangs, at a
/// depth one below its parent and on its parent's side, and the count is as expected.
fn check_whole(tree: &ProblemTree, expected_len: usize) -> Result<(), TestCaseError> {
    prop_assert!(tree.is_valid(), "repeated or zero id: {:?}", ids(tree));
    prop_assert_eq!(tree.len(), expected_len);
    for id in ids(tree) {
        prop_assert_eq!(tree.find(id).map(|n| n.id), Some(id));
        let at = tree.position_of(id).unwrap();
        let row = tree.children_of(at.parent).unwrap();
        prop_assert_eq!(row.get(at.index).map(|n| n.id), Some(id));
        let (depth, side) = match at.parent {
            Parent::Focal(side) => (1, side),
            Parent::Node(p) => (tree.depth_of(p).unwrap() + 1, tree.side_of(p).unwrap()),
        };
        prop_assert_eq!(tree.depth_of(id), Some(depth));
        prop_assert_eq!(tree.side_of(id), Some(side));
        prop_assert!(tree.is_in_subtree(id, id));
        if let Parent::Node(p) = at.parent {
            prop_assert!(tree.is_in_subtree(p, id));
            prop_assert!(!tree.is_in_subtree(id, p));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_sequence_of_edits_keeps_the_tree_whole(edits in edits(60)) {
        Session::run(&edits)?;
    }

    #[test]
    fn a_drag_never_loses_or_doubles_a_box(
        edits in edits(30),
        moves in proptest::collection::vec((pick(), parent_pick(), index()), 1..20),
    ) {
        let mut session = Session::run(&edits)?;
        for (n, p, index) in moves {
            let node = resolve(&session.tree, n);
            let to = Position { parent: resolve_parent(&session.tree, &p), index };
            check_move(&mut session.tree, node, to)?;
            check_whole(&session.tree, session.expected_len)?;
        }
    }

    #[test]
    fn a_box_dropped_into_its_own_subtree_is_refused_and_nothing_changes(
        edits in edits(40),
        n in pick(),
        d in pick(),
        index in index(),
    ) {
        let mut tree = Session::run(&edits)?.tree;
        let all = ids(&tree);
        prop_assume!(!all.is_empty());
        let node = all[n % all.len()];
        let mut inside = Vec::new();
        subtree_ids(tree.find(node).unwrap(), &mut inside);
        let target = inside[d % inside.len()];
        let before = tree.clone();
        let to = Position { parent: Parent::Node(target), index };
        prop_assert_eq!(tree.move_node(node, to), Err(MoveError::IntoOwnSubtree));
        prop_assert_eq!(tree, before);
    }

    #[test]
    fn deleting_any_box_and_putting_it_back_leaves_the_tree_as_it_was(edits in edits(40)) {
        let tree = Session::run(&edits)?.tree;
        for id in ids(&tree) {
            let mut edited = tree.clone();
            let (at, subtree) = edited.remove_node(id).unwrap();
            prop_assert_eq!(edited.len(), tree.len() - size(&subtree));
            prop_assert!(edited.restore_node(at, subtree));
            prop_assert_eq!(&edited, &tree);
        }
    }

    #[test]
    fn undo_walks_back_through_every_earlier_tree_and_redo_comes_forward_again(
        edits in edits(40),
    ) {
        let mut session = Session::default();
        let mut history = EditHistory::new();
        let mut trees = vec![session.tree.clone()];
        for e in &edits {
            history.record(session.tree.clone());
            session.apply(e)?;
            trees.push(session.tree.clone());
        }
        // An edit that changed nothing leaves no step of its own.
        trees.dedup();

        let mut current = session.tree.clone();
        for earlier in trees.iter().rev().skip(1) {
            prop_assert!(history.can_undo());
            current = history.undo(current).unwrap();
            prop_assert_eq!(&current, earlier);
        }
        prop_assert_eq!(history.undo(current.clone()), None);

        for later in trees.iter().skip(1) {
            prop_assert!(history.can_redo());
            current = history.redo(current).unwrap();
            prop_assert_eq!(&current, later);
        }
        prop_assert!(!history.can_redo());
        prop_assert_eq!(current, session.tree);
    }

    #[test]
    fn a_tree_saved_and_read_back_is_the_same_tree(edits in edits(40)) {
        let tree = Session::run(&edits)?.tree;
        let json = serde_json::to_string(&tree).unwrap();
        prop_assert_eq!(serde_json::from_str::<ProblemTree>(&json).unwrap(), tree);
    }
}
