//! The tree as a picture: an SVG drawing of the analysis tree (focal point, effects above,
//! causes below, connectors between), for the notes, a report or a slide. Built from the
//! same layout as the board, as text, so it is tested natively.

use crate::export::xml_text::escaped;
use super::layout::{layout, BOX_H, BOX_W, FOCAL_H, FOCAL_W};
use crate::model::problem_tree::{CauseStatus, ProblemTree, Side};

const CHARS_PER_LINE: usize = 26;
const MAX_LINES: usize = 4;

/// Splits text into at most `MAX_LINES` lines of about `chars` characters, on spaces where
/// possible; an ellipsis marks text that did not fit.
pub fn wrap(text: &str, chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > chars {
            let head: String = word.chars().take(chars).collect();
            word = word.chars().skip(chars).collect();
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            lines.push(head);
        }
        let fits = current.chars().count() + 1 + word.chars().count() <= chars;
        if current.is_empty() {
            current = word;
        } else if fits {
            current.push(' ');
            current.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut current, word));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(chars.saturating_sub(1)).collect();
            *last = format!("{kept}…");
        }
    }
    lines
}


fn text_block(out: &mut String, text: &str, cx: f64, top: f64, height: f64, chars: usize, class: &str) {
    let lines = wrap(text, chars, MAX_LINES);
    let line_h = 18.0;
    let start = top + height / 2.0 - (lines.len() as f64 - 1.0) * line_h / 2.0 + 5.0;
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&format!(
            "<text class=\"{class}\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            start + i as f64 * line_h,
            escaped(line)
        ));
    }
}

/// The whole tree as a standalone SVG document.
pub fn tree_svg(tree: &ProblemTree, title: &str) -> String {
    let l = layout(tree);
    let mut out = String::new();
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"{t}\">",
        w = l.width,
        h = l.height,
        t = escaped(title)
    ));
    out.push_str(&format!("<title>{}</title>", escaped(title)));
    out.push_str("<style>text{font-family:Arial,Helvetica,sans-serif;font-size:15px;fill:#1d2330}.focal{font-size:17px;font-weight:bold;fill:#fff}.status{font-size:12px;font-style:italic}</style>");
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    for b in &l.boxes {
        out.push_str(&format!(
            "<path d=\"{}\" fill=\"none\" stroke=\"#6b7385\" stroke-width=\"2\"/>",
            l.connector_path(b)
        ));
    }
    out.push_str(&format!(
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{FOCAL_W}\" height=\"{FOCAL_H}\" rx=\"10\" fill=\"#1f4e79\"/>",
        l.focal_x, l.focal_y
    ));
    let focal = if tree.focal_point.trim().is_empty() { "Focal point" } else { tree.focal_point.as_str() };
    text_block(&mut out, focal, l.focal_x + FOCAL_W / 2.0, l.focal_y, FOCAL_H, 34, "focal");
    for b in &l.boxes {
        let Some(node) = tree.find(b.id) else { continue };
        let (fill, stroke) = match b.side {
            Side::Effects => ("#e6eef6", "#4a78a8"),
            Side::Causes => ("#e8f3ec", "#3f8a5f"),
        };
        let dash = if node.status == CauseStatus::Hypothesis && b.side == Side::Causes { " stroke-dasharray=\"6 4\"" } else { "" };
        let width = if node.status == CauseStatus::AgreedRootCause && b.side == Side::Causes { 4 } else { 2 };
        out.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>",
            b.x, b.y
        ));
        text_block(&mut out, &node.text, b.x + BOX_W / 2.0, b.y, BOX_H - 10.0, CHARS_PER_LINE, "box");
        if b.side == Side::Causes {
            let mark = match node.status {
                CauseStatus::Hypothesis => Some("hypothesis"),
                CauseStatus::AgreedRootCause => Some("agreed root cause"),
                CauseStatus::Unmarked => None,
            };
            if let Some(mark) = mark {
                out.push_str(&format!(
                    "<text class=\"status\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{mark}</text>",
                    b.x + BOX_W / 2.0,
                    b.y + BOX_H - 8.0
                ));
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem_tree::Parent;

    #[test]
    fn text_wraps_on_spaces_and_long_words_are_split() {
        assert_eq!(wrap("one two three", 7, 4), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4, 4), vec!["abcd", "efgh", "ij"]);
        let many = wrap(&"word ".repeat(40), 10, 3);
        assert_eq!(many.len(), 3);
        assert!(many[2].ends_with('…'));
        assert!(wrap("   ", 5, 2).is_empty());
    }

    #[test]
    fn the_svg_holds_every_box_escaped_and_is_well_formed_enough_to_parse() {
        let mut t = ProblemTree::default();
        t.focal_point = "I <missed> school & \"check-ups\"".into();
        let c = t.add_node(Parent::Focal(Side::Causes), "Letters to an old address").unwrap();
        t.set_status(c, CauseStatus::Hypothesis);
        t.add_node(Parent::Focal(Side::Effects), "Health needs not met");
        let svg = tree_svg(&t, "Analysis tree: Child J");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("&lt;missed&gt;") && svg.contains("&amp;"));
        assert!(!svg.contains("<missed>"));
        assert_eq!(svg.matches("<rect").count(), 1 + 1 + 2, "background, focal, two boxes");
        assert_eq!(svg.matches("<path").count(), 2);
        assert!(svg.contains("hypothesis"));
        assert_eq!(svg.matches('<').count(), svg.matches('>').count());
    }
}
