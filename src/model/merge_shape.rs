//! The merge shape says how each part of a review sits in its history (an Automerge
//! document), so that copies from several laptops combine without losing anyone's work:
//!
//! - long free text (what someone wrote about the child, an answer, a finding) is
//!   **text**: two people's edits to different parts of one answer both survive;
//! - names, roles, choices (an appraisal, a status), dates and ids are **single values**:
//!   a change made on two laptops at once keeps both values side by side for a person
//!   to choose from, and never splices the two together;
//! - lists of things with an id are matched by that id (`#[key]` on the model types),
//!   so a merge matches items, not positions.
//!
//! The model types derive `Reconcile` and `Hydrate` and name the helpers here with
//! `#[autosurgeon(with = "...")]`; the model itself stays plain Rust.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use autosurgeon::reconcile::MapReconciler;
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc, Reconcile, Reconciler};
use automerge::{ObjId, ObjType, ScalarValue, Value};

/// The value at `prop` of `obj`, if any.
fn value_at<'a, D: ReadDoc>(doc: &'a D, obj: &ObjId, prop: &Prop<'_>) -> Result<Option<(Value<'a>, ObjId)>, HydrateError> {
    Ok(doc.get(obj, prop)?)
}

/// One `String` reconciled as Automerge text, for the collections of free text below.
struct AsText<'a>(&'a String);

impl Reconcile for AsText<'_> {
    type Key<'k> = autosurgeon::reconcile::NoKey;
    fn reconcile<R: Reconciler>(&self, reconciler: R) -> Result<(), R::Error> {
        text::reconcile(self.0, reconciler)
    }
}

/// A `String` kept as Automerge text (concurrent edits to different parts both survive).
/// Reads a plain string too, so a document written before a field became text still opens.
pub mod text {
    use super::*;
    use autosurgeon::reconcile::TextReconciler;

    pub fn reconcile<R: Reconciler>(value: &String, mut reconciler: R) -> Result<(), R::Error> {
        let mut text = reconciler.text()?;
        text.update(value)
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<String, HydrateError> {
        match value_at(doc, obj, &prop)? {
            None => Ok(String::new()),
            Some((Value::Object(ObjType::Text), id)) => Ok(doc.text(&id)?),
            Some((Value::Scalar(s), _)) => match s.as_ref() {
                ScalarValue::Str(s) => Ok(s.to_string()),
                ScalarValue::Null => Ok(String::new()),
                other => Err(HydrateError::unexpected("text", format!("{other:?}"))),
            },
            Some((other, _)) => Err(HydrateError::unexpected("text", format!("{other:?}"))),
        }
    }
}

/// A date (`2026-03-02`) as one value.
pub mod date {
    use super::*;
    use chrono::NaiveDate;

    pub fn reconcile<R: Reconciler>(value: &Option<NaiveDate>, mut reconciler: R) -> Result<(), R::Error> {
        match value {
            Some(d) => reconciler.str(d.format("%Y-%m-%d").to_string()),
            None => reconciler.none(),
        }
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<Option<NaiveDate>, HydrateError> {
        // A date field added after a document was written is simply not set there.
        if value_at(doc, obj, &prop)?.is_none() {
            return Ok(None);
        }
        let text: Option<String> = Option::<String>::hydrate(doc, obj, prop)?;
        match text {
            None => Ok(None),
            Some(t) => NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                .map(Some)
                .map_err(|e| HydrateError::unexpected("a date", e.to_string())),
        }
    }

    /// One date written on its own, as [`reconcile`] writes it.
    pub(super) struct AsDate<'a>(pub &'a NaiveDate);

    impl Reconcile for AsDate<'_> {
        type Key<'k> = autosurgeon::reconcile::NoKey;
        fn reconcile<R: Reconciler>(&self, reconciler: R) -> Result<(), R::Error> {
            reconcile(&Some(*self.0), reconciler)
        }
    }
}

/// A map of dates by model key (each stage's target date): each entry one value, so
/// dates for different keys set on two laptops both stay.
pub mod keyed_date_map {
    use super::*;
    use chrono::NaiveDate;

    pub fn reconcile<K, R>(map: &BTreeMap<K, NaiveDate>, reconciler: R) -> Result<(), R::Error>
    where
        K: serde::Serialize,
        R: Reconciler,
    {
        super::reconcile_keyed(map, reconciler, super::date::AsDate)
    }

    pub fn hydrate<D, K>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<BTreeMap<K, NaiveDate>, HydrateError>
    where
        D: ReadDoc,
        K: serde::de::DeserializeOwned + Ord,
    {
        super::hydrate_keyed(doc, obj, prop, |doc, map, key| super::date::hydrate(doc, map, key.into()))
    }
}

/// A moment in time as one value: its RFC 3339 text, exact to the nanosecond.
pub mod time {
    use super::*;
    use chrono::{DateTime, SecondsFormat, Utc};

    pub fn reconcile<R: Reconciler>(value: &DateTime<Utc>, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.str(value.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<DateTime<Utc>, HydrateError> {
        match value_at(doc, obj, &prop)? {
            Some((Value::Scalar(s), _)) => from_scalar(&s).ok_or_else(|| HydrateError::unexpected("a time", format!("{s:?}"))),
            other => Err(HydrateError::unexpected("a time", format!("{other:?}"))),
        }
    }

    /// The time a stored value stands for.
    pub fn from_scalar(s: &Cow<'_, ScalarValue>) -> Option<DateTime<Utc>> {
        match s.as_ref() {
            ScalarValue::Str(t) => DateTime::parse_from_rfc3339(t).ok().map(|t| t.with_timezone(&Utc)),
            ScalarValue::Timestamp(ms) | ScalarValue::Int(ms) => DateTime::from_timestamp_millis(*ms),
            _ => None,
        }
    }
}

/// An optional moment in time.
pub mod optional_time {
    use super::*;
    use chrono::{DateTime, Utc};

    pub fn reconcile<R: Reconciler>(value: &Option<DateTime<Utc>>, mut reconciler: R) -> Result<(), R::Error> {
        match value {
            Some(t) => super::time::reconcile(t, reconciler),
            None => reconciler.none(),
        }
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<Option<DateTime<Utc>>, HydrateError> {
        match value_at(doc, obj, &prop)? {
            None => Ok(None),
            Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Null) => Ok(None),
            Some((Value::Scalar(s), _)) => {
                super::time::from_scalar(&s).map(Some).ok_or_else(|| HydrateError::unexpected("a time", format!("{s:?}")))
            }
            other => Err(HydrateError::unexpected("a time", format!("{other:?}"))),
        }
    }
}

/// Reconciles a map of model keys to values, each value written as `as_value` makes it:
/// keys no longer in the model are deleted, the others put one by one (so entries set on
/// two laptops both stay).
fn reconcile_keyed<'a, K, V, W, R>(map: &'a BTreeMap<K, V>, mut reconciler: R, as_value: impl Fn(&'a V) -> W) -> Result<(), R::Error>
where
    K: serde::Serialize,
    W: Reconcile,
    R: Reconciler,
{
    let mut m = reconciler.map()?;
    let wanted: Vec<(String, &V)> = map.iter().map(|(k, v)| (key_text(k), v)).collect();
    let stale: Vec<String> = m.entries().map(|(k, _)| k.to_string()).filter(|k| !wanted.iter().any(|(w, _)| w == k)).collect();
    for key in stale {
        m.delete(key)?;
    }
    for (key, value) in wanted {
        m.put(key, as_value(value))?;
    }
    Ok(())
}

/// Reads a map of model keys to values, each read by `read` (`None`: no value there);
/// keys the model does not know are skipped.
fn hydrate_keyed<D, K, V>(
    doc: &D,
    obj: &ObjId,
    prop: Prop<'_>,
    read: impl Fn(&D, &ObjId, &str) -> Result<Option<V>, HydrateError>,
) -> Result<BTreeMap<K, V>, HydrateError>
where
    D: ReadDoc,
    K: serde::de::DeserializeOwned + Ord,
{
    let map = match value_at(doc, obj, &prop)? {
        None => return Ok(BTreeMap::new()),
        Some((Value::Object(ObjType::Map), id)) => id,
        Some((other, _)) => return Err(HydrateError::unexpected("a map", format!("{other:?}"))),
    };
    let keys: Vec<String> = doc.map_range(&map, ..).map(|item| item.key.to_string()).collect();
    let mut out = BTreeMap::new();
    for key in keys {
        let Some(parsed) = key_from_text::<K>(&key) else { continue };
        if let Some(value) = read(doc, &map, &key)? {
            out.insert(parsed, value);
        }
    }
    Ok(out)
}

/// The text a map key is written as: the key's own JSON name (`"part_4"`, `"3"`).
fn key_text<K: serde::Serialize>(key: &K) -> String {
    match serde_json::to_value(key) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn key_from_text<K: serde::de::DeserializeOwned>(text: &str) -> Option<K> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .ok()
        .or_else(|| serde_json::from_str(text).ok())
}

/// A map whose keys are model values (a part of the guide, a stage, a prompt number),
/// written under their JSON names. Entries are matched by key.
pub mod keyed_map {
    use super::*;

    pub fn reconcile<K, V, R>(map: &BTreeMap<K, V>, reconciler: R) -> Result<(), R::Error>
    where
        K: serde::Serialize,
        V: Reconcile,
        R: Reconciler,
    {
        super::reconcile_keyed(map, reconciler, |v| v)
    }

    pub fn hydrate<D, K, V>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<BTreeMap<K, V>, HydrateError>
    where
        D: ReadDoc,
        K: serde::de::DeserializeOwned + Ord,
        V: Hydrate,
    {
        // A key this version does not know (written by a newer app) is skipped; it stays
        // in the history and comes back when a newer app reads it.
        super::hydrate_keyed(doc, obj, prop, |doc, map, key| V::hydrate(doc, map, key.into()).map(Some))
    }
}

/// A map of free text by model key (what was said about each factor category): each
/// entry is Automerge text.
pub mod keyed_text_map {
    use super::*;


    pub fn reconcile<K, R>(map: &BTreeMap<K, String>, reconciler: R) -> Result<(), R::Error>
    where
        K: serde::Serialize,
        R: Reconciler,
    {
        super::reconcile_keyed(map, reconciler, AsText)
    }

    pub fn hydrate<D, K>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<BTreeMap<K, String>, HydrateError>
    where
        D: ReadDoc,
        K: serde::de::DeserializeOwned + Ord,
    {
        super::hydrate_keyed(doc, obj, prop, |doc, map, key| super::text::hydrate(doc, map, key.into()).map(Some))
    }
}

/// A set of short strings (dismissed hint keys) as a map of `true`s: additions on two
/// laptops both stay.
pub mod string_set {
    use super::*;

    pub fn reconcile<R: Reconciler>(set: &BTreeSet<String>, mut reconciler: R) -> Result<(), R::Error> {
        let mut m = reconciler.map()?;
        let stale: Vec<String> = m.entries().map(|(k, _)| k.to_string()).filter(|k| !set.contains(k)).collect();
        for key in stale {
            m.delete(key)?;
        }
        for key in set {
            m.put(key, true)?;
        }
        Ok(())
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<BTreeSet<String>, HydrateError> {
        match value_at(doc, obj, &prop)? {
            None => Ok(BTreeSet::new()),
            Some((Value::Object(ObjType::Map), id)) => Ok(doc.map_range(&id, ..).map(|item| item.key.to_string()).collect()),
            Some((other, _)) => Err(HydrateError::unexpected("a set", format!("{other:?}"))),
        }
    }
}

/// Fields written by a newer app, each kept whole as its JSON text.
pub mod json_fields {
    use super::*;

    pub fn reconcile<R: Reconciler>(fields: &BTreeMap<String, serde_json::Value>, mut reconciler: R) -> Result<(), R::Error> {
        let mut m = reconciler.map()?;
        let stale: Vec<String> = m.entries().map(|(k, _)| k.to_string()).filter(|k| !fields.contains_key(k)).collect();
        for key in stale {
            m.delete(key)?;
        }
        for (key, value) in fields {
            m.put(key, value.to_string())?;
        }
        Ok(())
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<BTreeMap<String, serde_json::Value>, HydrateError> {
        let map = match value_at(doc, obj, &prop)? {
            None => return Ok(BTreeMap::new()),
            Some((Value::Object(ObjType::Map), id)) => id,
            Some((other, _)) => return Err(HydrateError::unexpected("a map", format!("{other:?}"))),
        };
        let mut out = BTreeMap::new();
        let keys: Vec<String> = doc.map_range(&map, ..).map(|item| item.key.to_string()).collect();
        for key in keys {
            let text = String::hydrate(doc, &map, key.as_str().into())?;
            let value = serde_json::from_str(&text).map_err(|e| HydrateError::unexpected("JSON", e.to_string()))?;
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// Lists of free text (roles involved, issues for the board): each entry is text.
pub mod text_list {
    use super::*;
    use autosurgeon::reconcile::SeqReconciler;


    pub fn reconcile<R: Reconciler>(items: &[String], mut reconciler: R) -> Result<(), R::Error> {
        let mut seq = reconciler.seq()?;
        let old = seq.len()?;
        // Same length: edit each entry in place (text diff); otherwise rewrite the tail.
        for (index, item) in items.iter().enumerate() {
            if index < old {
                seq.set(index, AsText(item))?;
            } else {
                seq.insert(index, AsText(item))?;
            }
        }
        for index in (items.len()..old).rev() {
            seq.delete(index)?;
        }
        Ok(())
    }

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<Vec<String>, HydrateError> {
        let list = match value_at(doc, obj, &prop)? {
            None => return Ok(Vec::new()),
            Some((Value::Object(ObjType::List), id)) => id,
            Some((other, _)) => return Err(HydrateError::unexpected("a list", format!("{other:?}"))),
        };
        (0..doc.length(&list)).map(|i| super::text::hydrate(doc, &list, i.into())).collect()
    }
}

/// A field that belongs to this device, not to the review (the block of ids it hands
/// out): never written into the history, read back as its default.
pub mod device_local {
    use super::*;

    pub fn reconcile<T, R: Reconciler>(_value: &T, _reconciler: R) -> Result<(), R::Error> {
        Ok(())
    }

    pub fn hydrate<D: ReadDoc, T: Default>(_doc: &D, _obj: &ObjId, _prop: Prop<'_>) -> Result<T, HydrateError> {
        Ok(T::default())
    }
}

/// Wrappers that give one field its shape when it is written on its own (a save that
/// changed only that field), exactly as the derived code writes it inside its struct.
pub mod field {
    use super::*;
    use chrono::{DateTime, NaiveDate, Utc};

    macro_rules! wrapper {
        ($name:ident, $ty:ty, $module:ident) => {
            /// A field written with [`super::$module`].
            pub struct $name<'a>(pub &'a $ty);

            impl Reconcile for $name<'_> {
                type Key<'k> = autosurgeon::reconcile::NoKey;
                fn reconcile<R: Reconciler>(&self, reconciler: R) -> Result<(), R::Error> {
                    super::$module::reconcile(self.0, reconciler)
                }
            }
        };
    }

    wrapper!(Text, String, text);
    wrapper!(Time, DateTime<Utc>, time);
    wrapper!(OptionalTime, Option<DateTime<Utc>>, optional_time);
    wrapper!(Date, Option<NaiveDate>, date);
    wrapper!(StringSet, BTreeSet<String>, string_set);
    wrapper!(JsonFields, BTreeMap<String, serde_json::Value>, json_fields);

    /// A map of dates keyed by model values, written with [`super::keyed_date_map`].
    pub struct KeyedDates<'a, K>(pub &'a BTreeMap<K, NaiveDate>);

    impl<K: serde::Serialize> Reconcile for KeyedDates<'_, K> {
        type Key<'k> = autosurgeon::reconcile::NoKey;
        fn reconcile<R: Reconciler>(&self, reconciler: R) -> Result<(), R::Error> {
            super::keyed_date_map::reconcile(self.0, reconciler)
        }
    }

    /// A map keyed by model values, written with [`super::keyed_map`].
    pub struct KeyedMap<'a, K, V>(pub &'a BTreeMap<K, V>);

    impl<K: serde::Serialize, V: Reconcile> Reconcile for KeyedMap<'_, K, V> {
        type Key<'k> = autosurgeon::reconcile::NoKey;
        fn reconcile<R: Reconciler>(&self, reconciler: R) -> Result<(), R::Error> {
            super::keyed_map::reconcile(self.0, reconciler)
        }
    }
}
