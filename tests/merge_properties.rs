//! Properties of merging copies of a review made on several laptops: merging is
//! commutative, associative and idempotent; it never drops an item or a character that
//! either side wrote; a copy merged with an older copy of itself is unchanged; and three
//! reviewers making random edits and swapping files in any order end with the same review.

use case_review_studio::model::case_discussion::FactOrFeeling;
use case_review_studio::model::{Review, ReviewKind};
use case_review_studio::storage::review_history::{Author, ReviewHistory};
use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use uuid::Uuid;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

/// One edit a reviewer might make.
#[derive(Clone, Debug)]
enum Edit {
    AddWorry(String),
    EditWorry(usize, String),
    RemoveWorry(usize),
    /// Insert text into "About the child" at a character position.
    WriteAbout(usize, String),
    AddThought(String),
    Mark(usize, u8),
    AddEffect(String),
    Retitle(String),
}

fn words() -> impl Strategy<Value = String> {
    "[a-zé ]{1,8}"
}

fn edit(inserts_only: bool) -> impl Strategy<Value = Edit> {
    let all = prop_oneof![
        words().prop_map(Edit::AddWorry),
        (0..4usize, words()).prop_map(|(i, t)| Edit::EditWorry(i, t)),
        (0..4usize).prop_map(Edit::RemoveWorry),
        (0..40usize, words()).prop_map(|(i, t)| Edit::WriteAbout(i, t)),
        words().prop_map(Edit::AddThought),
        (0..4usize, 0..3u8).prop_map(|(i, m)| Edit::Mark(i, m)),
        words().prop_map(Edit::AddEffect),
        words().prop_map(Edit::Retitle),
    ];
    let adding = prop_oneof![
        words().prop_map(Edit::AddWorry),
        (0..40usize, words()).prop_map(|(i, t)| Edit::WriteAbout(i, t)),
        words().prop_map(Edit::AddThought),
        words().prop_map(Edit::AddEffect),
    ];
    if inserts_only { adding.boxed() } else { all.boxed() }
}

fn apply(review: &mut Review, e: &Edit, at: DateTime<Utc>) {
    review.edit_case_discussion(at, |cd| match e {
        Edit::AddWorry(t) => {
            cd.add_worry(t);
        }
        Edit::EditWorry(i, t) => {
            let n = cd.worries.len();
            if n > 0 {
                cd.worries[i % n].text = t.clone();
            }
        }
        Edit::RemoveWorry(i) => {
            let n = cd.worries.len();
            if n > 0 {
                let id = cd.worries[i % n].id;
                cd.remove_item(id);
            }
        }
        Edit::WriteAbout(i, t) => {
            let chars: Vec<char> = cd.about_child.chars().collect();
            let at = i % (chars.len() + 1);
            let mut out: String = chars[..at].iter().collect();
            out.push_str(t);
            out.extend(&chars[at..]);
            cd.about_child = out;
        }
        Edit::AddThought(t) => {
            cd.add_thought(t, FactOrFeeling::Unmarked);
        }
        Edit::Mark(i, m) => {
            let n = cd.immediate_thoughts.len();
            if n > 0 {
                cd.immediate_thoughts[i % n].marked_as = [FactOrFeeling::Unmarked, FactOrFeeling::Fact, FactOrFeeling::Feeling][*m as usize];
            }
        }
        Edit::AddEffect(t) => {
            cd.tree.add_effect(t);
        }
        Edit::Retitle(_) => {}
    });
    if let Edit::Retitle(t) = e {
        review.rename(t, at);
    }
}

/// A reviewer on their own laptop.
struct Laptop {
    author: Author,
    history: ReviewHistory,
    clock: DateTime<Utc>,
}

impl Laptop {
    fn new(n: u8, history: ReviewHistory) -> Self {
        Laptop { author: Author::new([n; 16], [n; 8], &format!("Reviewer, laptop {n}")), history, clock: start() }
    }

    fn work(&mut self, edits: &[Edit]) {
        let mut review = self.history.review().unwrap();
        review.use_id_block(self.author.id_block());
        for e in edits {
            self.clock += Duration::seconds(7);
            apply(&mut review, e, self.clock);
            self.history.record(&review, &self.author).unwrap();
            // What the history holds is exactly the review as saved (the field-by-field
            // save writes the same as a whole-review one).
            let mut back = self.history.review().unwrap();
            back.use_id_block(self.author.id_block());
            assert_eq!(back, review);
        }
    }

    fn take(&mut self, other: &Laptop) {
        let mut theirs = other.history.clone();
        self.history.merge(&mut theirs).unwrap();
    }

    fn review(&self) -> Review {
        self.history.review().unwrap()
    }
}

fn first_copy() -> ReviewHistory {
    let mut review = Review::new(Uuid::from_u128(42), ReviewKind::CaseDiscussion, start());
    review.edit_case_discussion(start(), |cd| {
        cd.about_child = "J is three.".into();
        cd.add_worry("Missed appointments");
        cd.add_thought("Mum seems tired", FactOrFeeling::Unmarked);
    });
    ReviewHistory::begin(&review, &Author::new([9; 16], [9; 8], "Lead reviewer")).unwrap()
}

fn merged(a: &ReviewHistory, b: &ReviewHistory) -> ReviewHistory {
    let mut out = a.clone();
    out.merge(&mut b.clone()).unwrap();
    out
}

fn is_subsequence(small: &str, big: &str) -> bool {
    let mut big = big.chars();
    small.chars().all(|c| big.any(|b| b == c))
}

fn edits(inserts_only: bool) -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(inserts_only), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merging_is_commutative_associative_and_idempotent(a in edits(false), b in edits(false), c in edits(false)) {
        let base = first_copy();
        let (mut la, mut lb, mut lc) = (Laptop::new(1, base.clone()), Laptop::new(2, base.clone()), Laptop::new(3, base));
        la.work(&a);
        lb.work(&b);
        lc.work(&c);
        let (ha, hb, hc) = (&la.history, &lb.history, &lc.history);
        prop_assert_eq!(merged(ha, hb).review().unwrap(), merged(hb, ha).review().unwrap());
        prop_assert_eq!(merged(&merged(ha, hb), hc).review().unwrap(), merged(ha, &merged(hb, hc)).review().unwrap());
        prop_assert_eq!(merged(ha, ha).review().unwrap(), ha.review().unwrap());
    }

    #[test]
    fn merging_never_drops_an_item_or_a_character_either_side_wrote(a in edits(true), b in edits(true)) {
        let base = first_copy();
        let (mut la, mut lb) = (Laptop::new(1, base.clone()), Laptop::new(2, base));
        la.work(&a);
        lb.work(&b);
        let (ra, rb) = (la.review(), lb.review());
        la.take(&lb);
        let m = la.review();
        let (ca, cb, cm) = (ra.case_discussion().unwrap(), rb.case_discussion().unwrap(), m.case_discussion().unwrap());
        prop_assert!(is_subsequence(&ca.about_child, &cm.about_child), "{:?} lost from {:?}", ca.about_child, cm.about_child);
        prop_assert!(is_subsequence(&cb.about_child, &cm.about_child), "{:?} lost from {:?}", cb.about_child, cm.about_child);
        let written_here = ca.about_child.chars().count() + cb.about_child.chars().count() - "J is three.".chars().count();
        prop_assert_eq!(cm.about_child.chars().count(), written_here);
        for side in [ca, cb] {
            for w in &side.worries {
                prop_assert!(cm.worries.contains(w), "worry {:?} lost", w);
            }
            for t in &side.immediate_thoughts {
                prop_assert!(cm.immediate_thoughts.contains(t), "thought {:?} lost", t);
            }
            for n in side.tree.nodes() {
                prop_assert!(cm.tree.find(n.id).is_some_and(|f| f.text == n.text), "box {:?} lost", n);
            }
        }
    }

    #[test]
    fn a_copy_merged_with_an_older_copy_of_itself_is_unchanged(early in edits(false), later in edits(false)) {
        let mut laptop = Laptop::new(1, first_copy());
        laptop.work(&early);
        let older = laptop.history.clone();
        laptop.work(&later);
        let before = laptop.review();
        let heads = laptop.history.heads();
        let mut older = older;
        prop_assert!(laptop.history.has_all_of(&mut older));
        laptop.history.merge(&mut older).unwrap();
        prop_assert_eq!(laptop.history.heads(), heads);
        prop_assert_eq!(laptop.review(), before);
    }

    #[test]
    fn three_reviewers_with_random_edits_and_swaps_converge(
        rounds in prop::collection::vec((edits(false), edits(false), edits(false), 0..6usize), 1..4)
    ) {
        let base = first_copy();
        let mut laptops = [Laptop::new(1, base.clone()), Laptop::new(2, base.clone()), Laptop::new(3, base)];
        for (a, b, c, swap) in &rounds {
            laptops[0].work(a);
            laptops[1].work(b);
            laptops[2].work(c);
            // One file goes from one laptop to another each round.
            let (from, to) = [(0, 1), (1, 2), (2, 0), (1, 0), (2, 1), (0, 2)][*swap];
            let sent = laptops[from].history.clone();
            laptops[to].history.merge(&mut sent.clone()).unwrap();
        }
        // At the end everyone sends their file to everyone.
        for from in 0..3 {
            for to in 0..3 {
                if from != to {
                    let sent = laptops[from].history.clone();
                    laptops[to].history.merge(&mut sent.clone()).unwrap();
                }
            }
        }
        let first = laptops[0].review();
        prop_assert_eq!(&laptops[1].review(), &first);
        prop_assert_eq!(&laptops[2].review(), &first);
        let json = serde_json::to_string(&first).unwrap();
        prop_assert!(serde_json::from_str::<Review>(&json).is_ok());
    }
}
