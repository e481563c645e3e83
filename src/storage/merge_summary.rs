//! A merge summary tells the person what came in when two copies of a review were
//! combined: the items the other copy added, the fields it changed, what it removed, and
//! the places **changed on both laptops** (the same field edited in both copies since
//! they last shared their work), with both versions so the person can choose.
//!
//! It compares three versions of the review: the one both copies last shared (the
//! common ancestor), this device's, and the file's; items in lists are matched by id.

use serde_json::Value as Json;

use crate::model::Review;

/// One step of a path into a review: a field, or the item of a list with this id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Field(String),
    Item(u64),
}

/// A place in the review, with the words that name it for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub path: Vec<Step>,
    /// "Findings › “Pressure of caseloads…” › Why it matters".
    pub label: String,
}

/// A field edited in both copies since they last shared their work.
#[derive(Clone, Debug, PartialEq)]
pub struct BothChanged {
    pub place: Place,
    /// This device's version.
    pub ours: Json,
    /// The file's version.
    pub theirs: Json,
    /// What the merge kept (text edits to different parts are combined).
    pub merged: Json,
}

/// What came in with a merge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeSummary {
    /// Items the file added.
    pub added: Vec<Place>,
    /// Fields only the file changed.
    pub changed: Vec<Place>,
    /// Items the file removed.
    pub removed: Vec<Place>,
    /// Fields changed in both copies.
    pub both: Vec<BothChanged>,
}

impl MergeSummary {
    /// True when nothing came in.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty() && self.both.is_empty()
    }

    /// One sentence: "3 items added, 2 fields changed, 1 changed on both laptops".
    pub fn sentence(&self) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [
            count(self.added.len(), "item added", "items added"),
            count(self.changed.len(), "field changed", "fields changed"),
            count(self.removed.len(), "item removed", "items removed"),
            count(self.both.len(), "place changed on both laptops", "places changed on both laptops"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "nothing new".into()
        } else {
            parts.join(", ")
        }
    }
}

/// What `theirs` brought, compared with `ours`, since `base` (both descend from it);
/// `merged` is the result of the merge.
pub fn summarise(base: &Review, ours: &Review, theirs: &Review, merged: &Review) -> MergeSummary {
    let json = |r: &Review| serde_json::to_value(r).unwrap_or(Json::Null);
    let (base, ours, theirs, merged) = (json(base), json(ours), json(theirs), json(merged));
    let mut summary = MergeSummary::default();
    let mut path = Vec::new();
    let mut label = Vec::new();
    walk(Some(&base), Some(&ours), Some(&theirs), Some(&merged), &mut path, &mut label, &mut summary);
    summary
}

/// Fields that say nothing a person wrote: left out of summaries.
fn is_bookkeeping(name: &str) -> bool {
    matches!(name, "updated" | "last_exported" | "next_id" | "created" | "id")
}

/// The words for a field name: `why_it_matters` → "Why it matters".
pub fn field_words(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// A few words that identify an item: its first non-empty text.
pub fn item_words(item: &Json) -> String {
    let fields = ["statement", "text", "what_happened", "episode", "title", "what", "who", "action", "role", "name"];
    let text = fields
        .iter()
        .find_map(|f| item.get(*f).and_then(Json::as_str).filter(|t| !t.trim().is_empty()))
        .unwrap_or("(no text yet)");
    let short: String = text.chars().take(40).collect();
    if short.chars().count() < text.chars().count() {
        format!("“{short}…”")
    } else {
        format!("“{short}”")
    }
}

fn place(path: &[Step], label: &[String]) -> Place {
    Place { path: path.to_vec(), label: label.join(" › ") }
}

fn child<'a>(v: Option<&'a Json>, key: &str) -> Option<&'a Json> {
    v.and_then(|v| v.get(key))
}

fn item_id(v: &Json) -> Option<u64> {
    v.get("id").and_then(Json::as_u64)
}

fn is_item_list(values: &[Option<&Json>]) -> bool {
    values.iter().flatten().any(|v| matches!(v, Json::Array(items) if !items.is_empty() && items.iter().all(|i| item_id(i).is_some())))
}

#[allow(clippy::too_many_arguments)]
fn walk(
    base: Option<&Json>,
    ours: Option<&Json>,
    theirs: Option<&Json>,
    merged: Option<&Json>,
    path: &mut Vec<Step>,
    label: &mut Vec<String>,
    out: &mut MergeSummary,
) {
    if theirs == base {
        return;
    }
    let all = [base, ours, theirs, merged];
    if all.iter().flatten().all(|v| v.is_object()) {
        let mut keys: Vec<&String> = all.iter().flatten().filter_map(|v| v.as_object()).flat_map(|m| m.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            if is_bookkeeping(key) {
                continue;
            }
            // The method's name around its content is not a place a person would name.
            let named = !matches!(key.as_str(), "body" | "case_discussion" | "learning_together" | "preparation");
            path.push(Step::Field(key.clone()));
            if named {
                label.push(field_words(key));
            }
            let k = key.as_str();
            walk(child(base, k), child(ours, k), child(theirs, k), child(merged, k), path, label, out);
            if named {
                label.pop();
            }
            path.pop();
        }
        return;
    }
    if is_item_list(&all) {
        let items = |v: Option<&Json>| -> Vec<Json> { v.and_then(Json::as_array).cloned().unwrap_or_default() };
        let (b, o, t, m) = (items(base), items(ours), items(theirs), items(merged));
        let find = |list: &[Json], id: u64| list.iter().find(|i| item_id(i) == Some(id)).cloned();
        let mut ids: Vec<u64> = b.iter().chain(&t).filter_map(item_id).collect();
        ids.dedup();
        let mut seen = std::collections::BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                continue;
            }
            let (bi, oi, ti, mi) = (find(&b, id), find(&o, id), find(&t, id), find(&m, id));
            let shown = ti.as_ref().or(bi.as_ref()).map(item_words).unwrap_or_default();
            path.push(Step::Item(id));
            label.push(shown);
            match (&bi, &oi, &ti) {
                (None, None, Some(_)) => out.added.push(place(path, label)),
                (Some(_), Some(_), None) => out.removed.push(place(path, label)),
                (Some(_), _, Some(_)) => walk(bi.as_ref(), oi.as_ref(), ti.as_ref(), mi.as_ref(), path, label, out),
                _ => {}
            }
            label.pop();
            path.pop();
        }
        return;
    }
    // Citations are a set: a merge keeps what either copy added, never a choice
    // between two versions.
    if matches!(path.last(), Some(Step::Field(f)) if f == "citations") {
        out.changed.push(place(path, label));
        return;
    }
    // A single value (or a list of values): changed in the file.
    if ours == base || ours == theirs {
        if ours == base {
            out.changed.push(place(path, label));
        }
    } else {
        out.both.push(BothChanged {
            place: place(path, label),
            ours: ours.cloned().unwrap_or(Json::Null),
            theirs: theirs.cloned().unwrap_or(Json::Null),
            merged: merged.cloned().unwrap_or(Json::Null),
        });
    }
}

/// The value at `path`, if there is one.
pub fn value_at(review: &Review, path: &[Step]) -> Option<Json> {
    let json = serde_json::to_value(review).ok()?;
    let mut at = &json;
    for step in path {
        at = match step {
            Step::Field(name) => at.get(name)?,
            Step::Item(id) => at.as_array()?.iter().find(|i| item_id(i) == Some(*id))?,
        };
    }
    Some(at.clone())
}

/// The review with `value` at `path` (the version a person chose for a place changed on
/// both laptops), or `None` if the place is gone or the value does not fit there.
pub fn with_value_at(review: &Review, path: &[Step], value: Json) -> Option<Review> {
    let mut json = serde_json::to_value(review).ok()?;
    let mut at = &mut json;
    for step in path {
        at = match step {
            Step::Field(name) => at.get_mut(name)?,
            Step::Item(id) => at.as_array_mut()?.iter_mut().find(|i| item_id(i) == Some(*id))?,
        };
    }
    *at = value;
    let mut chosen: Review = super::file_format::review_from_json(json).ok()?;
    if let (crate::model::ReviewBody::CaseDiscussion(a), crate::model::ReviewBody::CaseDiscussion(b)) = (&mut chosen.body, &review.body) {
        a.tree.id_block = b.tree.id_block;
    }
    Some(chosen)
}

/// A value as a person reads it: text as it is, anything else in short.
pub fn shown(value: &Json) -> String {
    match value {
        Json::String(s) if s.is_empty() => "(blank)".into(),
        Json::String(s) => s.clone(),
        Json::Null => "(not set)".into(),
        Json::Bool(true) => "Yes".into(),
        Json::Bool(false) => "No".into(),
        Json::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// Every piece of writing in a review, with the words naming where it sits, in order:
/// how an earlier version is shown read-only.
pub fn readable_lines(review: &Review) -> Vec<(String, String)> {
    fn go(value: &Json, label: &mut Vec<String>, out: &mut Vec<(String, String)>) {
        match value {
            Json::Object(fields) => {
                for (key, field) in fields {
                    if is_bookkeeping(key) || matches!(key.as_str(), "dismissed_hints" | "citations") {
                        continue;
                    }
                    let named = !matches!(key.as_str(), "body" | "case_discussion" | "learning_together" | "preparation");
                    if named {
                        label.push(field_words(key));
                    }
                    go(field, label, out);
                    if named {
                        label.pop();
                    }
                }
            }
            Json::Array(items) => {
                for item in items {
                    let words = if item_id(item).is_some() { item_words(item) } else { String::new() };
                    let pushed = !words.is_empty();
                    if pushed {
                        label.push(words);
                    }
                    go(item, label, out);
                    if pushed {
                        label.pop();
                    }
                }
            }
            Json::String(text) if !text.trim().is_empty() => out.push((label.join(" › "), text.clone())),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(json) = serde_json::to_value(review) {
        go(&json, &mut Vec::new(), &mut out);
    }
    out
}
