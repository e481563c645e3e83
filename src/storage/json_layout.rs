//! Laying out JSON text for people to read: the files people export are indented, two
//! spaces a level, exactly as serde_json's pretty printer writes them. The app writes JSON
//! compactly once and lays it out here in one pass over the text, so the download carries
//! one copy of each model type's writing code, not one per layout.

/// `compact` (valid JSON without spacing, as `serde_json::to_string` writes it) laid out
/// with two-space indents, byte for byte as `serde_json::to_string_pretty` would.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut i = 0;
    // Copies runs of bytes that need no layout in one go (strings are most of the text).
    let mut run_start = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Skip to the closing quote, past escaped characters.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b @ (b'{' | b'[') => {
                out.push_str(&compact[run_start..i]);
                let close = if b == b'{' { b'}' } else { b']' };
                if bytes.get(i + 1) == Some(&close) {
                    // An empty object or list stays on one line: {} or [].
                    out.push(b as char);
                    out.push(close as char);
                    i += 2;
                } else {
                    out.push(b as char);
                    depth += 1;
                    newline(&mut out, depth);
                    i += 1;
                }
                run_start = i;
            }
            b @ (b'}' | b']') => {
                out.push_str(&compact[run_start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
                i += 1;
                run_start = i;
            }
            b',' => {
                out.push_str(&compact[run_start..i]);
                out.push(',');
                newline(&mut out, depth);
                i += 1;
                run_start = i;
            }
            b':' => {
                out.push_str(&compact[run_start..i]);
                out.push_str(": ");
                i += 1;
                run_start = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&compact[run_start.min(compact.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn same_as_serde(value: serde_json::Value) {
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(&value).unwrap(), "for {compact}");
    }

    #[test]
    fn lays_out_exactly_as_serde_json_does() {
        same_as_serde(json!({}));
        same_as_serde(json!([]));
        same_as_serde(json!({"a": [], "b": {}, "c": [1, 2, {"d": null}], "e": "x"}));
        same_as_serde(json!({"text": "commas, colons: {braces} [brackets] and \"quotes\" \\ end"}));
        same_as_serde(json!({"nested": [[[]], [{}], [{"a": [true, false]}]], "n": -1.5e10}));
        same_as_serde(json!(["é ü 🙂 \u{2028}", "\n\t", ""]));
        same_as_serde(json!("just a string"));
        same_as_serde(json!(42));
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "[ -~é🙂\\\\\"\n\t{}\\[\\],:]{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-z:,{}\\\"]{0,6}", inner, 0..5)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_json_lays_out_as_serde_json_would(value in any_json()) {
            let compact = serde_json::to_string(&value).unwrap();
            proptest::prop_assert_eq!(pretty(&compact), serde_json::to_string_pretty(&value).unwrap());
        }
    }

    #[test]
    fn a_whole_review_file_lays_out_as_serde_json_would() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/format-v3.json")).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        same_as_serde(value);
    }
}
