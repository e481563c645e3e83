//! A review's history is every change anyone has saved to it, on any laptop, kept as one
//! Automerge document. Each save on this device records a change whose author is this
//! device (its name or role as the person gave it, "Lead reviewer, laptop 2") and the time
//! of the edit. Two copies of a review (from two laptops, or an older file) combine by
//! merging their histories: nothing either side wrote is lost, and the same file brought
//! in twice changes nothing.
//!
//! Every history starts with the same first change for the same review (its empty
//! shape, made from the review's id, method and start time alone), and reviews saved by
//! earlier versions of the app are brought over the same way on every laptop, so copies
//! that were shared before histories existed still merge item by item.

use std::collections::{BTreeMap, BTreeSet};

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, Value, ROOT};
use chrono::{DateTime, Utc};
use serde_json::Value as Json;

use crate::model::id_blocks;
use crate::model::{Review, ReviewId};

/// Who is saving: this device, in the words the person gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    /// This device's id (16 bytes) followed by this page's session (8 bytes), so two tabs
    /// never write changes under the same name.
    pub actor: Vec<u8>,
    /// "Lead reviewer, laptop 2".
    pub label: String,
}

impl Author {
    /// The device's id and label, with a session of this page.
    pub fn new(device: [u8; 16], session: [u8; 8], label: &str) -> Self {
        let mut actor = device.to_vec();
        actor.extend_from_slice(&session);
        Author { actor, label: label.trim().to_string() }
    }

    /// The block of item ids this device hands out.
    pub fn id_block(&self) -> u64 {
        id_blocks::block_for_device(&self.actor[..self.actor.len().min(16)])
    }
}

/// Why a history could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryError {
    /// The bytes are not a review history this app can read.
    Damaged(String),
    /// The history is of another review.
    OtherReview,
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HistoryError::Damaged(why) => write!(f, "its history could not be read ({why})"),
            HistoryError::OtherReview => write!(f, "its history belongs to another review"),
        }
    }
}

fn damaged(e: impl std::fmt::Display) -> HistoryError {
    HistoryError::Damaged(e.to_string())
}

/// The message of the first change of every history.
pub const STARTED: &str = "Started";
/// The message of the change that brings over a review saved before histories existed.
pub const BROUGHT_OVER: &str = "Brought over from an earlier version of the app";

/// Actor ids of the shared first change and of the bringing-over change: 20 bytes, so
/// they are never mistaken for a device (24 bytes).
const SHAPE_ACTOR: [u8; 4] = [0xff, 0xff, 0x00, 0x01];
const BROUGHT_OVER_ACTOR: [u8; 4] = [0xff, 0xff, 0x00, 0x02];
const ADDED_MAP_ACTOR: [u8; 4] = [0xff, 0xff, 0x00, 0x03];

/// The message of a change that makes room for a part added to the model after histories
/// began (see [`ADDED_PARTS`]). Not listed among the changes: nobody typed it.
pub const MADE_ROOM: &str = "Made room for a new part of the review";

/// Parts (maps, lists, texts) added to a method's content after histories began, as
/// (method, field, kind). The first change of every history (its shape) never holds them,
/// so it stays the same, byte for byte, whichever version of the app made it; each part is
/// then made, when a history is begun, brought over or opened without it, by one change
/// that is the same on every laptop: on top of the first change, by a fixed actor, at the
/// first change's time. Without that, a part that two laptops each made for themselves at
/// their first save would clash (Automerge keeps one of the two, and what was written into
/// the other is lost). **Every map, list or text added to a method's content from now on is
/// listed here**, at the end (the order is part of the history).
pub const ADDED_PARTS: &[(&str, &str, ObjType)] = &[
    ("LearningTogether", "stage_targets", ObjType::Map),
    ("LearningTogether", "stages_completed", ObjType::Map),
    ("LearningTogether", "summary", ObjType::Text),
    ("LearningTogether", "methodology", ObjType::Text),
    ("LearningTogether", "case_summary", ObjType::Text),
    ("LearningTogether", "acknowledgements", ObjType::Text),
    ("LearningTogether", "documents", ObjType::List),
    ("LearningTogether", "chronology_entries", ObjType::List),
    ("LearningTogether", "citations", ObjType::Map),
];

/// One saved change, as the Changes view lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeEntry {
    pub hash: ChangeHash,
    /// Who saved it: the device's label, or what the app did.
    pub by: String,
    /// The device that saved it (its first 16 bytes), if a device did.
    pub device: Option<Vec<u8>>,
    pub at: Option<DateTime<Utc>>,
}

/// A review's whole history.
#[derive(Debug)]
pub struct ReviewHistory {
    doc: AutoCommit,
    /// The review as last recorded, with the heads it was recorded at: a save that
    /// follows writes only the fields that changed since (a whole-review comparison costs
    /// far more than the edit).
    last: Option<(Review, Vec<ChangeHash>)>,
    /// The bytes last written or read, the heads they hold, and how many of them are
    /// changes added after the compacted part: a save appends only its own changes,
    /// instead of compressing the whole history again (a long review's history takes
    /// half a second to compress).
    written: Option<Written>,
}

/// A history's bytes as last written: the compacted document, then changes added since.
#[derive(Clone, Debug)]
struct Written {
    bytes: Vec<u8>,
    heads: Vec<ChangeHash>,
    appended: usize,
}

/// The history is compacted again once the changes added after its compacted part come
/// to more than this share of it (so the stored bytes stay under 1.5 times compact).
const COMPACT_WHEN_APPENDED_OVER: f64 = 0.5;

/// The length of the first chunk of Automerge bytes (a document or a change: magic bytes,
/// checksum, type, then the length of what follows as LEB128), or `None` when the bytes
/// do not start with a chunk.
fn first_chunk_len(bytes: &[u8]) -> Option<usize> {
    const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
    if bytes.get(..4)? != MAGIC {
        return None;
    }
    let mut at = 9;
    let (mut len, mut shift) = (0usize, 0u32);
    loop {
        let b = *bytes.get(at)?;
        at += 1;
        len |= usize::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
        if shift > 56 {
            return None;
        }
    }
    at.checked_add(len).filter(|end| *end <= bytes.len())
}

impl Clone for ReviewHistory {
    fn clone(&self) -> Self {
        let mut doc = self.doc.clone();
        let actor = doc.get_actor().clone();
        doc.set_actor(actor);
        ReviewHistory { doc, last: self.last.clone(), written: self.written.clone() }
    }
}

fn seconds(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// A 16-byte fingerprint of some text (FNV-1a, twice with different seeds); only needs to
/// be the same for the same text on every laptop.
fn fingerprint(text: &str) -> [u8; 16] {
    let mut out = [0u8; 16];
    for (half, seed) in [0xcbf2_9ce4_8422_2325u64, 0x8422_2325_cbf2_9ce4].into_iter().enumerate() {
        let mut h = seed;
        for b in text.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out[half * 8..half * 8 + 8].copy_from_slice(&h.to_be_bytes());
    }
    out
}

fn actor(prefix: [u8; 4], rest: &[u8]) -> ActorId {
    let mut bytes = prefix.to_vec();
    bytes.extend_from_slice(rest);
    ActorId::from(bytes)
}

/// Where [`copy_shape`] is in the review: at its root, in its `body`, in the content of
/// one method (the map under `body` named after the method), or deeper.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place<'a> {
    Root,
    Body,
    Content(&'a str),
    Other,
}

/// Copies the empty shape of a review from `from` into `to`: every map and list of the
/// review's content except the [`ADDED_PARTS`], and the review's own id, title and times
/// (so the shape reads as a review); no text and no other value. Keys are copied in their
/// sorted order, so the same review always gives the same change.
fn copy_shape(from: &AutoCommit, obj: &ObjId, to: &mut AutoCommit, into: &ObjId, place: Place<'_>) -> Result<(), HistoryError> {
    if !matches!(from.object_type(obj).map_err(damaged)?, ObjType::Map | ObjType::Table) {
        // The empty review has no list items.
        return Ok(());
    }
    let keys: Vec<String> = from.keys(obj).collect();
    for key in keys {
        if let Place::Content(method) = place {
            if ADDED_PARTS.iter().any(|(m, field, _)| *m == method && *field == key) {
                continue;
            }
        }
        match from.get(obj, key.as_str()).map_err(damaged)? {
            Some((Value::Object(kind @ (ObjType::Map | ObjType::List | ObjType::Table)), child)) => {
                let made = to.put_object(into, key.as_str(), kind).map_err(damaged)?;
                let inner = match place {
                    Place::Root if key == "body" => Place::Body,
                    Place::Body => Place::Content(key.as_str()),
                    _ => Place::Other,
                };
                copy_shape(from, &child, to, &made, inner)?;
            }
            Some((Value::Scalar(s), _)) if place == Place::Root => to.put(into, key.as_str(), s.into_owned()).map_err(damaged)?,
            _ => {}
        }
    }
    Ok(())
}

type DateSlot = fn(&mut crate::model::learning_together::Participant) -> &mut Option<chrono::NaiveDate>;

/// Date fields added to the participants of a Learning Together review after histories
/// began (their journey through the review).
const ADDED_PARTICIPANT_DATES: [(&str, DateSlot); 7] = [
    ("letter_sent", |p| &mut p.letter_sent),
    ("consent_given", |p| &mut p.consent_given),
    ("conversation_booked", |p| &mut p.conversation_booked),
    ("recording_destroyed", |p| &mut p.recording_destroyed),
    ("draft_shared", |p| &mut p.draft_shared),
    ("comments_due", |p| &mut p.comments_due),
    ("comments_received", |p| &mut p.comments_received),
];

/// A date field added to the items of a list after histories began is written blank on
/// every item by each laptop's first save after the update. Where another laptop set a
/// date there meanwhile, both values stand side by side and Automerge may show the blank;
/// the date is what someone chose, so the review keeps it.
fn keep_dates_set_elsewhere(doc: &AutoCommit, review: &mut Review) -> Result<(), HistoryError> {
    let crate::model::ReviewBody::LearningTogether(lt) = &mut review.body else { return Ok(()) };
    let Some(content) = method_content(doc, "LearningTogether")? else { return Ok(()) };
    let Some((Value::Object(ObjType::List), list)) = doc.get(&content, "participants").map_err(damaged)? else { return Ok(()) };
    for i in 0..doc.length(&list) {
        let Some((Value::Object(ObjType::Map), item)) = doc.get(&list, i).map_err(damaged)? else { continue };
        let id = match doc.get(&item, "id").map_err(damaged)? {
            Some((Value::Scalar(s), _)) => match s.as_ref() {
                automerge::ScalarValue::Uint(n) => *n,
                automerge::ScalarValue::Int(n) => u64::try_from(*n).unwrap_or_default(),
                _ => continue,
            },
            _ => continue,
        };
        let Some(p) = lt.participants.iter_mut().find(|p| p.id == id) else { continue };
        for (field, slot) in ADDED_PARTICIPANT_DATES {
            let slot = slot(p);
            if slot.is_some() {
                continue;
            }
            let values = doc.get_all(&item, field).map_err(damaged)?;
            *slot = values.into_iter().rev().find_map(|(value, _)| match value {
                Value::Scalar(s) => match s.as_ref() {
                    automerge::ScalarValue::Str(t) => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(),
                    _ => None,
                },
                _ => None,
            });
        }
    }
    Ok(())
}

/// The map of a method's content ("LearningTogether") in the document, if it has one.
fn method_content(doc: &AutoCommit, method: &str) -> Result<Option<ObjId>, HistoryError> {
    let Some((Value::Object(ObjType::Map), body)) = doc.get(ROOT, "body").map_err(damaged)? else { return Ok(None) };
    match doc.get(&body, method).map_err(damaged)? {
        Some((Value::Object(ObjType::Map), content)) => Ok(Some(content)),
        _ => Ok(None),
    }
}

/// Makes each of [`ADDED_PARTS`] the document lacks, each by the one change every laptop
/// makes the same way (see there).
fn make_room(doc: &mut AutoCommit, id: ReviewId) -> Result<(), HistoryError> {
    for (method, field, kind) in ADDED_PARTS {
        let Some(content) = method_content(doc, method)? else { continue };
        if doc.get(&content, *field).map_err(damaged)?.is_some() {
            continue;
        }
        let Some((first, time)) =
            doc.get_changes_meta(&[]).into_iter().find(|c| c.deps.is_empty()).map(|c| (c.hash, c.timestamp))
        else {
            continue;
        };
        let mut fork = doc.fork_at(&[first]).map_err(damaged)?;
        // The method's map is made by the first change, so it is there with the same id.
        if method_content(&fork, method)?.as_ref() != Some(&content) {
            continue;
        }
        fork.set_actor(actor(ADDED_MAP_ACTOR, &fingerprint(&format!("{id}/{method}/{field}"))));
        fork.put_object(&content, *field, *kind).map_err(damaged)?;
        fork.commit_with(CommitOptions::default().with_message(MADE_ROOM).with_time(time));
        let Some(change) = fork.get_last_local_change() else { continue };
        doc.apply_changes([change]).map_err(damaged)?;
    }
    Ok(())
}

impl ReviewHistory {
    /// The first change every copy of this review shares: its empty shape.
    fn shape(review: &Review) -> Result<AutoCommit, HistoryError> {
        let mut scratch = AutoCommit::new();
        let empty = Review::new(review.id, review.kind(), review.created);
        autosurgeon::reconcile(&mut scratch, &empty).map_err(damaged)?;
        // Written afresh from the empty review (not trimmed in place), so that the change
        // holds only what the shape is: a part added later leaves no trace in it.
        let mut doc = AutoCommit::new().with_actor(actor(SHAPE_ACTOR, review.id.as_bytes()));
        copy_shape(&scratch, &ROOT, &mut doc, &ROOT, Place::Root)?;
        doc.commit_with(CommitOptions::default().with_message(STARTED).with_time(seconds(review.created)));
        make_room(&mut doc, review.id)?;
        Ok(doc)
    }

    /// The history of a review started on this device.
    pub fn begin(review: &Review, author: &Author) -> Result<Self, HistoryError> {
        let mut history = ReviewHistory { doc: Self::shape(review)?, last: None, written: None };
        history.record(review, author)?;
        Ok(history)
    }

    /// The history of a review saved before histories existed (a stored review or a file
    /// of format 1 or 2). The same review brings over to the same history on every laptop.
    pub fn bring_over(review: &Review) -> Result<Self, HistoryError> {
        let mut doc = Self::shape(review)?;
        let text = serde_json::to_string(review).map_err(damaged)?;
        doc.set_actor(actor(BROUGHT_OVER_ACTOR, &fingerprint(&text)));
        autosurgeon::reconcile(&mut doc, review).map_err(damaged)?;
        doc.commit_with(CommitOptions::default().with_message(BROUGHT_OVER).with_time(seconds(review.updated)));
        // The review was just written whole: the next save writes only what differs from it.
        let heads = doc.get_heads();
        Ok(ReviewHistory { doc, last: Some((review.clone(), heads)), written: None })
    }

    /// A history from its saved bytes, checked to be of review `id`.
    pub fn from_bytes(bytes: &[u8], id: ReviewId) -> Result<Self, HistoryError> {
        let mut doc = AutoCommit::load(bytes).map_err(damaged)?;
        // The bytes as read hold these heads; whatever is added from here on is appended.
        let loaded = Written {
            heads: doc.get_heads(),
            appended: first_chunk_len(bytes).map_or(bytes.len(), |first| bytes.len() - first),
            bytes: bytes.to_vec(),
        };
        make_room(&mut doc, id)?;
        let heads = doc.get_heads();
        let mut history = ReviewHistory { doc, last: None, written: Some(loaded) };
        let review = history.review()?;
        if review.id != id {
            return Err(HistoryError::OtherReview);
        }
        // The review as read is what the history holds at its heads: the next save then
        // writes only the fields that differ from it, not the whole review.
        history.last = Some((review, heads));
        Ok(history)
    }

    /// The bytes to store or put in a file: the bytes last written with the changes made
    /// since added at their end, or, once those have grown to half the compacted part, the
    /// whole history compacted again. Either loads to the same history.
    pub fn to_bytes(&mut self) -> Vec<u8> {
        let heads = self.doc.get_heads();
        if let Some(w) = &mut self.written {
            if w.heads == heads {
                return w.bytes.clone();
            }
            let more = self.doc.save_after(&w.heads);
            let compacted = w.bytes.len() - w.appended;
            if ((w.appended + more.len()) as f64) <= compacted as f64 * COMPACT_WHEN_APPENDED_OVER {
                w.bytes.extend_from_slice(&more);
                w.appended += more.len();
                w.heads = heads;
                return w.bytes.clone();
            }
        }
        let bytes = self.doc.save();
        self.written = Some(Written { bytes: bytes.clone(), heads, appended: 0 });
        bytes
    }

    /// The review as it stands at the end of the history.
    pub fn review(&self) -> Result<Review, HistoryError> {
        let mut review: Review = autosurgeon::hydrate(&self.doc).map_err(damaged)?;
        keep_dates_set_elsewhere(&self.doc, &mut review)?;
        if let Some((last, _)) = &self.last {
            // This device's half-typed entries stay with the review here.
            review.drafts.clone_from(&last.drafts);
        }
        // Saved on two laptops at once: the review was last changed at the later time.
        if let Ok(all) = self.doc.get_all(ROOT, "updated") {
            for (value, _) in all {
                if let Value::Scalar(s) = value {
                    if let Some(t) = crate::model::merge_shape::time::from_scalar(&s) {
                        review.updated = review.updated.max(t);
                    }
                }
            }
        }
        Ok(review)
    }

    /// The review as it stood just after change `hash`.
    pub fn review_at(&mut self, hash: ChangeHash) -> Result<Review, HistoryError> {
        let fork = self.doc.fork_at(&[hash]).map_err(damaged)?;
        ReviewHistory { doc: fork, last: None, written: None }.review()
    }

    /// What change `hash` did, in the words of a merge summary: the places it added,
    /// changed and removed, against the review as it stood just before it. `None` for the
    /// first change of a review (its empty shape), which nobody typed.
    pub fn what_changed(&mut self, hash: ChangeHash) -> Result<Option<super::merge_summary::MergeSummary>, HistoryError> {
        let deps = self
            .doc
            .get_changes_meta(&[])
            .into_iter()
            .find(|c| c.hash == hash)
            .map(|c| c.deps)
            .ok_or_else(|| HistoryError::Damaged("that change is not in this review's history".into()))?;
        if deps.is_empty() {
            return Ok(None);
        }
        let before = ReviewHistory { doc: self.doc.fork_at(&deps).map_err(damaged)?, last: None, written: None }.review()?;
        let after = self.review_at(hash)?;
        Ok(Some(super::merge_summary::summarise(&before, &before, &after, &after)))
    }

    /// Records `review` as `author`'s change, at the time of its last edit. Returns false
    /// (and records nothing) when the review is already as the history has it.
    pub fn record(&mut self, review: &Review, author: &Author) -> Result<bool, HistoryError> {
        self.doc.set_actor(ActorId::from(author.actor.clone()));
        let heads = self.doc.get_heads();
        let quick = match self.last.take() {
            Some((mut before, at)) if at == heads => {
                // What belongs to the device and is never in the history (the tree's block
                // of ids, set when a review is opened here) is taken as it is now: otherwise
                // the first save after opening would rewrite the whole tree.
                if let (crate::model::ReviewBody::CaseDiscussion(b), crate::model::ReviewBody::CaseDiscussion(r)) = (&mut before.body, &review.body) {
                    b.tree.id_block = r.tree.id_block;
                }
                self.record_changed_fields(&before, review)?
            }
            _ => false,
        };
        if !quick {
            autosurgeon::reconcile(&mut self.doc, review).map_err(damaged)?;
        }
        if self.doc.pending_ops() == 0 {
            self.doc.rollback();
            self.last = Some((review.clone(), heads));
            return Ok(false);
        }
        let label = if author.label.is_empty() { "This device".to_string() } else { author.label.clone() };
        self.doc.commit_with(CommitOptions::default().with_message(label).with_time(seconds(review.updated)));
        self.last = Some((review.clone(), self.doc.get_heads()));
        Ok(true)
    }

    /// Writes only the fields of `review` that differ from `before` (recorded at the
    /// current heads). False when that cannot be done field by field (another method, a
    /// shape not found), and the whole review must be reconciled instead.
    fn record_changed_fields(&mut self, before: &Review, review: &Review) -> Result<bool, HistoryError> {
        use crate::model::merge_shape::field;
        use crate::model::ReviewBody;
        if before.id != review.id || before.kind() != review.kind() {
            return Ok(false);
        }
        // A field not listed here (added to the model later) must never be skipped: if
        // copying the listed fields does not make the two equal, reconcile everything.
        let mut check = before.clone();
        check.title.clone_from(&review.title);
        check.created = review.created;
        check.updated = review.updated;
        check.last_exported = review.last_exported;
        check.delete_by = review.delete_by;
        check.unknown.clone_from(&review.unknown);
        check.body.clone_from(&review.body);
        // Half-typed entries are not in the history (see `Review::drafts`).
        check.drafts.clone_from(&review.drafts);
        if check != *review {
            return Ok(false);
        }
        let doc = &mut self.doc;
        let e = |x: autosurgeon::ReconcileError| damaged(x);
        if before.title != review.title {
            autosurgeon::reconcile_prop(doc, ROOT, "title", &review.title).map_err(e)?;
        }
        if before.created != review.created {
            autosurgeon::reconcile_prop(doc, ROOT, "created", field::Time(&review.created)).map_err(e)?;
        }
        if before.updated != review.updated {
            autosurgeon::reconcile_prop(doc, ROOT, "updated", field::Time(&review.updated)).map_err(e)?;
        }
        if before.last_exported != review.last_exported {
            autosurgeon::reconcile_prop(doc, ROOT, "last_exported", field::OptionalTime(&review.last_exported)).map_err(e)?;
        }
        if before.delete_by != review.delete_by {
            autosurgeon::reconcile_prop(doc, ROOT, "delete_by", field::Date(&review.delete_by)).map_err(e)?;
        }
        if before.unknown != review.unknown {
            autosurgeon::reconcile_prop(doc, ROOT, "unknown", field::JsonFields(&review.unknown)).map_err(e)?;
        }
        if before.body == review.body {
            return Ok(true);
        }
        let variant = match review.kind() {
            crate::model::ReviewKind::CaseDiscussion => "CaseDiscussion",
            crate::model::ReviewKind::LearningTogether => "LearningTogether",
            crate::model::ReviewKind::Preparation => "Preparation",
        };
        let Some((Value::Object(ObjType::Map), body)) = doc.get(ROOT, "body").map_err(damaged)? else { return Ok(false) };
        let Some((Value::Object(ObjType::Map), obj)) = doc.get(&body, variant).map_err(damaged)? else { return Ok(false) };
        macro_rules! fields {
            ($old:expr, $new:expr, plain: [$($p:ident),*], wrapped: [$($w:ident => $wrap:path),*]) => {{
                let mut check = $old.clone();
                $(check.$p.clone_from(&$new.$p);)*
                $(check.$w.clone_from(&$new.$w);)*
                if check != *$new {
                    return Ok(false);
                }
                $(if $old.$p != $new.$p {
                    autosurgeon::reconcile_prop(doc, &obj, stringify!($p), &$new.$p).map_err(e)?;
                })*
                $(if $old.$w != $new.$w {
                    autosurgeon::reconcile_prop(doc, &obj, stringify!($w), $wrap(&$new.$w)).map_err(e)?;
                })*
            }};
        }
        match (&before.body, &review.body) {
            (ReviewBody::CaseDiscussion(old), ReviewBody::CaseDiscussion(new)) => fields!(old, new,
                plain: [header, facts, immediate_thoughts, tree, worries, strengths, information_gaps, people_to_involve, actions, outcome, next_id],
                wrapped: [about_child => field::Text]),
            (ReviewBody::LearningTogether(old), ReviewBody::LearningTogether(new)) => fields!(old, new,
                plain: [family_pseudonym, participants, review_team, letters, conversations, narrative_events, episodes, factors, findings, recommendations, next_id, documents, chronology_entries],
                wrapped: [scope => field::Text, stages => field::KeyedMap, stage_targets => field::KeyedDates, stages_completed => field::KeyedDates, dismissed_hints => field::StringSet,
                    summary => field::Text, methodology => field::Text, case_summary => field::Text, acknowledgements => field::Text, citations => field::StringSet]),
            (ReviewBody::Preparation(old), ReviewBody::Preparation(new)) => fields!(old, new,
                plain: [role, agency, notes, turning_points],
                wrapped: [dismissed_hints => field::StringSet]),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The latest changes (the "heads").
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// True when every change in `other` is already here.
    pub fn has_all_of(&mut self, other: &mut ReviewHistory) -> bool {
        other.heads().iter().all(|h| self.doc.get_change_by_hash(h).is_some())
    }

    /// Brings every change of `other` in.
    pub fn merge(&mut self, other: &mut ReviewHistory) -> Result<(), HistoryError> {
        self.doc.merge(&mut other.doc).map_err(damaged)?;
        if let Some(id) = self.review_id() {
            make_room(&mut self.doc, id)?;
        }
        Ok(())
    }

    fn review_id(&self) -> Option<ReviewId> {
        match self.doc.get(ROOT, "id").ok()?? {
            (Value::Scalar(s), _) => match s.as_ref() {
                automerge::ScalarValue::Str(t) => t.parse().ok(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The review as it stood at the last change both histories share.
    pub fn common_review(&mut self, other: &mut ReviewHistory) -> Result<Review, HistoryError> {
        let ours: BTreeSet<ChangeHash> = self.doc.get_changes_meta(&[]).iter().map(|c| c.hash).collect();
        let shared: Vec<(ChangeHash, Vec<ChangeHash>)> = other
            .doc
            .get_changes_meta(&[])
            .iter()
            .filter(|c| ours.contains(&c.hash))
            .map(|c| (c.hash, c.deps.clone()))
            .collect();
        let depended: BTreeSet<ChangeHash> = shared.iter().flat_map(|(_, deps)| deps.iter().copied()).collect();
        let heads: Vec<ChangeHash> = shared.iter().map(|(h, _)| *h).filter(|h| !depended.contains(h)).collect();
        if heads.is_empty() {
            return Err(HistoryError::Damaged("the two copies share no history".into()));
        }
        let fork = self.doc.fork_at(&heads).map_err(damaged)?;
        ReviewHistory { doc: fork, last: None, written: None }.review()
    }

    /// Every change, oldest first (without those that only made room for a new part of
    /// the review).
    pub fn entries(&mut self) -> Vec<ChangeEntry> {
        self.doc
            .get_changes_meta(&[])
            .into_iter()
            .filter(|c| !c.actor.to_bytes().starts_with(&ADDED_MAP_ACTOR))
            .map(|c| {
                let bytes = c.actor.to_bytes().to_vec();
                let device = (bytes.len() == 24).then(|| bytes[..16].to_vec());
                ChangeEntry {
                    hash: c.hash,
                    by: c.message.map(|m| m.to_string()).unwrap_or_else(|| "This device".into()),
                    device,
                    at: DateTime::from_timestamp(c.timestamp, 0),
                }
            })
            .collect()
    }

    /// How many changes the history holds.
    pub fn len(&mut self) -> usize {
        self.doc.get_changes_meta(&[]).len()
    }

    /// Never true: every history holds at least its first change.
    pub fn is_empty(&mut self) -> bool {
        self.len() == 0
    }

    /// Who added and who last changed each item (by its id), from the history: for each
    /// change in order, the items whose content differs from the change before.
    pub fn authorship(&mut self) -> BTreeMap<(String, u64), (ChangeEntry, ChangeEntry)> {
        let entries = self.entries();
        let mut out: BTreeMap<(String, u64), (ChangeEntry, ChangeEntry)> = BTreeMap::new();
        let mut before: BTreeMap<(String, u64), String> = BTreeMap::new();
        for entry in entries {
            let Ok(review) = self.review_at(entry.hash) else { continue };
            let Ok(json) = serde_json::to_value(&review.body) else { continue };
            let mut now = BTreeMap::new();
            items_by_id(&json, &mut now);
            for (id, text) in &now {
                if before.get(id) != Some(text) {
                    out.entry(id.clone()).and_modify(|(_, last)| *last = entry.clone()).or_insert((entry.clone(), entry.clone()));
                }
            }
            before = now;
        }
        out
    }
}

/// Who added and who last changed one item.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemAuthorship {
    pub id: u64,
    /// A few words naming the item, as it is now.
    pub words: String,
    pub added: ChangeEntry,
    pub last_changed: ChangeEntry,
}

impl ReviewHistory {
    /// Who added and last changed each item still in the review, in the review's order.
    pub fn who_wrote_what(&mut self) -> Vec<ItemAuthorship> {
        let authors = self.authorship();
        let Ok(review) = self.review() else { return Vec::new() };
        let Ok(json) = serde_json::to_value(&review.body) else { return Vec::new() };
        let mut ordered = Vec::new();
        items_in_order(&json, "", &mut ordered);
        ordered
            .into_iter()
            .filter_map(|(list, id, item)| {
                let (added, last_changed) = authors.get(&(list, id))?.clone();
                Some(ItemAuthorship { id, words: super::merge_summary::item_words(&item), added, last_changed })
            })
            .collect()
    }
}

fn items_in_order(value: &Json, field: &str, out: &mut Vec<(String, u64, Json)>) {
    match value {
        Json::Array(items) => {
            for item in items {
                if let Some(id) = item.get("id").and_then(Json::as_u64) {
                    out.push((list_name(field).to_string(), id, item.clone()));
                }
                items_in_order(item, field, out);
            }
        }
        Json::Object(fields) => fields.iter().for_each(|(k, v)| items_in_order(v, k, out)),
        _ => {}
    }
}

/// Which list an item belongs to, for telling apart items of different lists with the
/// same number (boxes of the tree are one list wherever they hang).
fn list_name(field: &str) -> &str {
    match field {
        "effects" | "causes" | "children" => "tree",
        other => other,
    }
}

/// Every object with a numeric `id` inside a list, by list and id, with its JSON text.
fn items_by_id(value: &Json, out: &mut BTreeMap<(String, u64), String>) {
    fn go(value: &Json, field: &str, out: &mut BTreeMap<(String, u64), String>) {
        match value {
            Json::Array(items) => {
                for item in items {
                    if let Some(id) = item.get("id").and_then(Json::as_u64) {
                        out.insert((list_name(field).to_string(), id), item.to_string());
                    }
                    go(item, field, out);
                }
            }
            Json::Object(fields) => fields.iter().for_each(|(k, v)| go(v, k, out)),
            _ => {}
        }
    }
    go(value, "", out)
}

/// After a merge, two copies may both hold an item with the same id: the same item brought
/// over on two laptops (kept once), or two different items (the second gets a new id from
/// this device's block). Returns the tidied review and whether anything changed.
pub fn tidy_merged(review: &Review, block: u64) -> (Review, bool) {
    let Ok(mut json) = serde_json::to_value(review) else { return (review.clone(), false) };
    let mut used = BTreeMap::new();
    items_by_id(&json, &mut used);
    let mut next = used.keys().map(|(_, id)| *id).filter(|id| id_blocks::block_of(*id) == block).max().map_or(id_blocks::first_id(block), |m| m + 1);
    let mut changed = false;
    tidy_lists(&mut json, &mut next, &mut changed);
    if !changed {
        return (review.clone(), false);
    }
    match super::file_format::review_from_json(json) {
        Ok(mut tidied) => {
            if let (crate::model::ReviewBody::CaseDiscussion(a), crate::model::ReviewBody::CaseDiscussion(b)) = (&mut tidied.body, &review.body) {
                a.tree.id_block = b.tree.id_block;
            }
            (tidied, true)
        }
        Err(_) => (review.clone(), false),
    }
}

fn tidy_lists(value: &mut Json, next: &mut u64, changed: &mut bool) {
    match value {
        Json::Array(items) => {
            let mut seen: BTreeMap<u64, Json> = BTreeMap::new();
            let mut keep = Vec::with_capacity(items.len());
            for mut item in std::mem::take(items) {
                if let Some(id) = item.get("id").and_then(Json::as_u64) {
                    match seen.get(&id) {
                        Some(first) if *first == item => {
                            *changed = true;
                            continue;
                        }
                        Some(_) => {
                            item["id"] = Json::from(*next);
                            *next += 1;
                            *changed = true;
                        }
                        None => {
                            seen.insert(id, item.clone());
                        }
                    }
                }
                keep.push(item);
            }
            for item in &mut keep {
                tidy_lists(item, next, changed);
            }
            *items = keep;
        }
        Json::Object(fields) => fields.values_mut().for_each(|v| tidy_lists(v, next, changed)),
        _ => {}
    }
}
