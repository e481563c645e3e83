//! Reading a file's contents while knowing where in the file each value sits, so a file
//! that is refused can say which field is wrong ("reviews[0].body.case_discussion.worries[2].text")
//! rather than only what is wrong. This is the one reader of parsed JSON into the model:
//! each other reader would add a second copy of every model type's reading code to the
//! download. The place costs nothing until something is wrong: it is a chain of
//! references on the stack, written out only for the error.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use serde_json::{Map, Value};

/// A value that does not have the shape it should, and where it is.
#[derive(Debug)]
pub struct JsonAtError {
    /// Where, as `reviews[0].body`; empty at the top of what was read.
    path: Option<String>,
    reason: String,
}

impl JsonAtError {
    /// Where the value is (empty at the top).
    pub fn path(&self) -> &str {
        self.path.as_deref().unwrap_or_default()
    }

    /// What is wrong with it, in the words of the reading code ("missing field `title`").
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for JsonAtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            "" => f.write_str(&self.reason),
            p => write!(f, "{p}: {}", self.reason),
        }
    }
}

impl std::error::Error for JsonAtError {}

impl de::Error for JsonAtError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonAtError { path: None, reason: msg.to_string() }
    }
}

/// Reads `T` from `value`, naming where it is malformed.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, JsonAtError> {
    T::deserialize(At { value, place: &Place::Top })
}

/// Where a value sits: a chain back to the top.
enum Place<'a> {
    Top,
    Field(&'a str, &'a Place<'a>),
    Item(usize, &'a Place<'a>),
}

impl Place<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Place::Top => {}
            Place::Field(name, up) => {
                up.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Place::Item(index, up) => {
                up.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }

    /// Gives `error` this place, unless a deeper one already did.
    fn mark(&self, mut error: JsonAtError) -> JsonAtError {
        if error.path.is_none() {
            let mut path = String::new();
            self.write(&mut path);
            error.path = Some(path);
        }
        error
    }
}

/// A value with its place.
struct At<'a> {
    value: Value,
    place: &'a Place<'a>,
}

impl<'de> de::Deserializer<'de> for At<'_> {
    type Error = JsonAtError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonAtError> {
        let place = self.place;
        let result = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                _ => Err(de::Error::custom("a number this app cannot read")),
            },
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => {
                let len = items.len();
                let mut seq = Items { items: items.into_iter(), index: 0, place };
                let out = visitor.visit_seq(&mut seq)?;
                if seq.items.len() == 0 {
                    Ok(out)
                } else {
                    Err(de::Error::invalid_length(len, &"fewer items"))
                }
            }
            Value::Object(fields) => visitor.visit_map(Fields { fields: fields.into_iter(), current: None, place }),
        };
        result.map_err(|e| place.mark(e))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonAtError> {
        let place = self.place;
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| place.mark(e))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, JsonAtError> {
        let place = self.place;
        visitor.visit_newtype_struct(self).map_err(|e| place.mark(e))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonAtError> {
        let place = self.place;
        let result = match self.value {
            Value::String(variant) => visitor.visit_enum(Variant { name: variant, value: None, place }),
            Value::Object(fields) if fields.len() == 1 => {
                let Some((name, value)) = fields.into_iter().next() else { unreachable!("one field") };
                visitor.visit_enum(Variant { name, value: Some(value), place })
            }
            Value::Object(_) => Err(de::Error::invalid_value(de::Unexpected::Map, &"a map with a single key")),
            other => Err(de::Error::invalid_type(unexpected(&other), &"a string or a map with a single key")),
        };
        result.map_err(|e| place.mark(e))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonAtError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => de::Unexpected::Unsigned(u),
            (None, Some(i), _) => de::Unexpected::Signed(i),
            (None, None, Some(f)) => de::Unexpected::Float(f),
            _ => de::Unexpected::Other("number"),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// The items of a list, each at its index.
struct Items<'a> {
    items: std::vec::IntoIter<Value>,
    index: usize,
    place: &'a Place<'a>,
}

impl<'de> de::SeqAccess<'de> for &mut Items<'_> {
    type Error = JsonAtError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, JsonAtError> {
        let Some(value) = self.items.next() else { return Ok(None) };
        let place = Place::Item(self.index, self.place);
        self.index += 1;
        seed.deserialize(At { value, place: &place }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The fields of an object, each at its name.
struct Fields<'a> {
    fields: <Map<String, Value> as IntoIterator>::IntoIter,
    current: Option<(String, Value)>,
    place: &'a Place<'a>,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = JsonAtError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, JsonAtError> {
        let Some((name, value)) = self.fields.next() else { return Ok(None) };
        let key = seed.deserialize(Key(&name)).map_err(|e| self.place.mark(e))?;
        self.current = Some((name, value));
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsonAtError> {
        let Some((name, value)) = self.current.take() else {
            return Err(de::Error::custom("a value was read before its name"));
        };
        let place = Place::Field(&name, self.place);
        seed.deserialize(At { value, place: &place })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

/// The name of a field, or the key of a map: always text in JSON, read as a number where
/// the map's keys are numbers (a conversation's answers by question number), as
/// serde_json reads it.
struct Key<'a>(&'a str);

macro_rules! number_keys {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonAtError> {
            match self.0.parse::<$t>() {
                Ok(n) => visitor.$visit(n),
                Err(_) => visitor.visit_str(self.0),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Key<'_> {
    type Error = JsonAtError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonAtError> {
        visitor.visit_str(self.0)
    }

    number_keys!(deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16, deserialize_u32 visit_u32 u32,
        deserialize_u64 visit_u64 u64, deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64, deserialize_f64 visit_f64 f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonAtError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, JsonAtError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonAtError> {
        visitor.visit_enum(de::value::StrDeserializer::<JsonAtError>::new(self.0))
    }

    serde::forward_to_deserialize_any! {
        bool i128 u128 f32 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// One variant of an enum: its name, and what it holds (none for a plain name).
struct Variant<'a> {
    name: String,
    value: Option<Value>,
    place: &'a Place<'a>,
}

impl<'de, 'a> de::EnumAccess<'de> for Variant<'a> {
    type Error = JsonAtError;
    type Variant = VariantValue<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, VariantValue<'a>), JsonAtError> {
        let chosen = seed.deserialize(de::value::StrDeserializer::<JsonAtError>::new(&self.name))?;
        Ok((chosen, VariantValue { name: self.name, value: self.value, place: self.place }))
    }
}

/// What a variant holds, at `<place>.<variant>`.
struct VariantValue<'a> {
    name: String,
    value: Option<Value>,
    place: &'a Place<'a>,
}

impl VariantValue<'_> {
    fn holding(self) -> Result<(String, Value), JsonAtError> {
        match self.value {
            Some(value) => Ok((self.name, value)),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"a variant holding a value")),
        }
    }
}

impl<'de> de::VariantAccess<'de> for VariantValue<'_> {
    type Error = JsonAtError;

    fn unit_variant(self) -> Result<(), JsonAtError> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(de::Error::invalid_type(unexpected(&other), &"a plain name")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, JsonAtError> {
        let up = self.place;
        let (name, value) = self.holding()?;
        let place = Place::Field(&name, up);
        seed.deserialize(At { value, place: &place })
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, JsonAtError> {
        let up = self.place;
        let (name, value) = self.holding()?;
        let place = Place::Field(&name, up);
        de::Deserializer::deserialize_any(At { value, place: &place }, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, JsonAtError> {
        let up = self.place;
        let (name, value) = self.holding()?;
        let place = Place::Field(&name, up);
        de::Deserializer::deserialize_any(At { value, place: &place }, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize, PartialEq)]
    enum Kind {
        Plain,
        Holding(Inner),
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        items: Vec<Item>,
        #[serde(default)]
        note: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        id: u64,
        text: String,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Top {
        kind: Kind,
        other: Kind,
        #[serde(flatten)]
        rest: BTreeMap<String, Value>,
    }

    fn refused(value: Value) -> (String, String) {
        let e = from_value::<Top>(value).unwrap_err();
        (e.path().to_string(), e.reason().to_string())
    }

    #[test]
    fn a_sound_value_reads_as_serde_json_reads_it() {
        let value = json!({"kind": {"Holding": {"items": [{"id": 1, "text": "a"}], "note": null}}, "other": "Plain", "later": [1, 2]});
        let ours: Top = from_value(value.clone()).unwrap();
        let theirs: Top = serde_json::from_value(value).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn map_keys_that_are_numbers_or_names_read_as_serde_json_reads_them() {
        #[derive(Debug, Deserialize, PartialEq, PartialOrd, Ord, Eq)]
        enum Stage {
            Start,
        }
        type Maps = (BTreeMap<u8, String>, BTreeMap<Stage, i64>, BTreeMap<String, bool>);
        let value = json!([{"1": "a", "12": "b"}, {"Start": -3}, {"x": true}]);
        let ours: Maps = from_value(value.clone()).unwrap();
        let theirs: Maps = serde_json::from_value(value).unwrap();
        assert_eq!(ours, theirs);
        let e = from_value::<Maps>(json!([{"one": "a"}, {}, {}])).unwrap_err();
        assert_eq!(e.path(), "[0]");
        assert!(e.reason().contains("u8"), "{}", e.reason());
    }

    #[test]
    fn a_malformed_value_is_named_by_where_it_is() {
        let item = |items: Value| json!({"kind": {"Holding": {"items": items}}, "other": "Plain"});
        assert_eq!(refused(item(json!([{"id": 1, "text": "a"}, {"id": 2, "text": 3}]))).0, "kind.Holding.items[1].text");
        assert_eq!(refused(item(json!([{"id": -4, "text": "a"}]))).0, "kind.Holding.items[0].id");
        let (path, reason) = refused(item(json!([{"id": 1}])));
        assert_eq!(path, "kind.Holding.items[0]");
        assert!(reason.contains("missing field `text`"), "{reason}");
        let (path, reason) = refused(json!({"kind": "Plain", "other": {"Rapid": {}}}));
        assert_eq!(path, "other");
        assert!(reason.contains("Rapid"), "{reason}");
        assert_eq!(refused(json!({"kind": "Plain", "other": {}})).0, "other");
        assert_eq!(refused(json!({"kind": "Plain", "other": 7})).0, "other");
        let (path, reason) = refused(json!({"kind": "Plain"}));
        assert_eq!(path, "");
        assert!(reason.contains("other"), "{reason}");
        assert_eq!(refused(json!([1])).0, "");
    }
}
