//! XML text is what people typed, made safe to put inside XML (a Word document's parts, the
//! analysis tree as SVG): the five markup characters escaped, and characters XML 1.0 does
//! not allow at all (control characters pasted from other programs, U+FFFE, U+FFFF) left
//! out, because a single one makes Word refuse the whole file as corrupt.

/// True for the characters XML 1.0 allows in a document (its `Char` production). Rust
/// strings never hold surrogates, so only the controls and two non-characters are out.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `text` to `out`, escaped for use in element content or a quoted attribute,
/// dropping characters XML cannot carry.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// `text` escaped, as a new string.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escaped(r#"<b>"Tom" & 'Jerry'</b>"#), "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;");
    }

    #[test]
    fn characters_xml_cannot_carry_are_left_out_and_the_rest_kept() {
        assert_eq!(escaped("a\u{0}b\u{8}c\u{1b}d\u{fffe}e\u{ffff}f"), "abcdef");
        assert_eq!(escaped("Siân, Zoë, Łukasz, 李, 👩\u{200d}👧, \t\n"), "Siân, Zoë, Łukasz, 李, 👩\u{200d}👧, \t\n");
        assert_eq!(escaped("\u{d7ff}\u{e000}\u{fffd}\u{10ffff}"), "\u{d7ff}\u{e000}\u{fffd}\u{10ffff}");
    }
}
