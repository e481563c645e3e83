//! A printed document is a document the app also writes as a Word file (a report, a table
//! of key practice episodes), drawn on the page for printing. Both come from the same
//! document value ([`WordDocument`]), so the printed page and the Word file always have the
//! same sections, headings and table columns.

use leptos::prelude::*;

use crate::export::docx::word_document::{Orientation, ParagraphStyle, Part, Span, SpanStyle, Table, WordDocument};

/// `document` as print-ready HTML: the title as the page's heading (with `title_id`, for
/// the paper's name), Word's heading levels one level down, each top-level heading with
/// what follows it as a region named by it (so a screen reader can move part to part),
/// lists and tables as they are in Word, and a page turn to landscape where the Word file
/// turns one.
#[component]
pub fn PrintedDocument(
    document: WordDocument,
    /// The id given to the title heading.
    #[prop(into)]
    title_id: String,
) -> impl IntoView {
    let mut sections: Vec<(Orientation, Vec<AnyView>)> = vec![(Orientation::Portrait, Vec::new())];
    // The part under the heading being drawn: its heading's id and what it holds so far.
    let mut region: Option<(String, Vec<AnyView>)> = None;
    fn close(region: &mut Option<(String, Vec<AnyView>)>, sections: &mut [(Orientation, Vec<AnyView>)]) {
        if let (Some((id, views)), Some(s)) = (region.take(), sections.last_mut()) {
            s.1.push(view! { <section class="printed-part" aria-labelledby=id>{views}</section> }.into_any());
        }
    }
    let parts = document.parts();
    let mut i = 0;
    while i < parts.len() {
        let view = match parts[i] {
            Part::PageTurn(o) => {
                close(&mut region, &mut sections);
                sections.push((o, Vec::new()));
                i += 1;
                continue;
            }
            Part::Paragraph(ParagraphStyle::Heading1, spans) => {
                close(&mut region, &mut sections);
                let id = super::unique_id("printed-part");
                region = Some((id.clone(), vec![view! { <h2 id=id>{spans_view(spans)}</h2> }.into_any()]));
                i += 1;
                continue;
            }
            Part::ListItem { list, numbered, .. } => {
                // Consecutive items of one list make one list on the page.
                let start = i;
                while i < parts.len() && matches!(parts[i], Part::ListItem { list: l, .. } if l == list) {
                    i += 1;
                }
                let items: Vec<(u8, &[Span])> = parts[start..i]
                    .iter()
                    .filter_map(|p| match p {
                        Part::ListItem { level, spans, .. } => Some((*level, *spans)),
                        _ => None,
                    })
                    .collect();
                let list = nested_list(&items, numbered);
                match (&mut region, sections.last_mut()) {
                    (Some((_, views)), _) => views.push(list),
                    (None, Some(s)) => s.1.push(list),
                    (None, None) => {}
                }
                continue;
            }
            Part::Paragraph(style, spans) => paragraph(style, spans, &title_id),
            Part::Table(table) => table_view(table),
        };
        match (&mut region, sections.last_mut()) {
            (Some((_, views)), _) => views.push(view),
            (None, Some(s)) => s.1.push(view),
            (None, None) => {}
        }
        i += 1;
    }
    close(&mut region, &mut sections);
    sections
        .into_iter()
        .filter(|(_, views)| !views.is_empty())
        .map(|(orientation, views)| {
            let class = match orientation {
                Orientation::Portrait => "printed-section",
                Orientation::Landscape => "printed-section printed-landscape",
            };
            view! { <div class=class>{views}</div> }
        })
        .collect_view()
}

/// One list, its items nested by level as in Word (a box's children under it).
fn nested_list(items: &[(u8, &[Span])], numbered: bool) -> AnyView {
    let mut lis = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let (level, spans) = items[i];
        // Everything deeper that follows belongs under this item.
        let end = items[i + 1..].iter().position(|(l, _)| *l <= level).map_or(items.len(), |n| i + 1 + n);
        let children = (end > i + 1).then(|| nested_list(&items[i + 1..end], numbered));
        lis.push(view! { <li>{spans_view(spans)}{children}</li> });
        i = end;
    }
    if numbered {
        view! { <ol class="print-list">{lis}</ol> }.into_any()
    } else {
        view! { <ul class="print-list">{lis}</ul> }.into_any()
    }
}

fn spans_view(spans: &[Span]) -> AnyView {
    spans
        .iter()
        .map(|s| match s.style {
            SpanStyle::Plain => view! { <span class="print-multiline">{s.text.clone()}</span> }.into_any(),
            SpanStyle::Bold => view! { <strong>{s.text.clone()}</strong> }.into_any(),
            SpanStyle::Quiet => view! { <span class="print-none">{s.text.clone()}</span> }.into_any(),
        })
        .collect_view()
        .into_any()
}

fn paragraph(style: ParagraphStyle, spans: &[Span], title_id: &str) -> AnyView {
    let content = spans_view(spans);
    match style {
        ParagraphStyle::Title => view! { <h1 id=title_id.to_string()>{content}</h1> }.into_any(),
        ParagraphStyle::Subtitle => view! { <p class="paper-subtitle">{content}</p> }.into_any(),
        ParagraphStyle::Heading1 => view! { <h2>{content}</h2> }.into_any(),
        ParagraphStyle::Heading2 => view! { <h3>{content}</h3> }.into_any(),
        ParagraphStyle::Heading3 => view! { <h4>{content}</h4> }.into_any(),
        ParagraphStyle::DraftMark => view! { <p class="print-draft-mark">{content}</p> }.into_any(),
        ParagraphStyle::SourceNote => view! { <p class="paper-source">{content}</p> }.into_any(),
        ParagraphStyle::Normal => view! { <p>{content}</p> }.into_any(),
    }
}

fn table_view(table: &Table) -> AnyView {
    let total: u32 = table.columns.iter().map(|(_, w)| *w).sum::<u32>().max(1);
    let widths = table
        .columns
        .iter()
        .map(|(_, w)| view! { <col style:width=format!("{:.1}%", *w as f64 * 100.0 / total as f64)/> })
        .collect_view();
    let head = table.header_row.then(|| {
        view! {
            <thead><tr>{table.columns.iter().map(|(h, _)| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
        }
    });
    let header_column = table.header_column;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(n, cell)| {
                    let paragraphs = cell.iter().map(|p| view! { <p class="print-cell-line">{spans_view(p)}</p> }).collect_view();
                    if header_column && n == 0 {
                        view! { <th scope="row">{paragraphs}</th> }.into_any()
                    } else {
                        view! { <td>{paragraphs}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="print-table">
            <colgroup>{widths}</colgroup>
            {head}
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
