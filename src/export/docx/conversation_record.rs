//! The record of one conversation as a document: what the review team sends back to the
//! person they talked with, to check, as a Word file they can correct in place, and the
//! same document drawn on the page for printing. Built from the plain value of
//! [`crate::export::conversation_record`]: who it was with and when, the note asking them to
//! check it (with the team's contact and signature), then each part of the conversation
//! structure with what was recorded under it.

use chrono::NaiveDate;

use super::word_document::{cell, Orientation, ParagraphStyle, Span, Table, WordDocument};
use super::long_date;
use crate::export::conversation_record::{conversation_record, ConversationRecordPaper, NOTHING_RECORDED};
use crate::model::conversation_guide::SOURCE as GUIDE_SOURCE;
use crate::model::learning_together::ConversationId;
use crate::model::Review;

/// The marking at the top of every copy.
pub const RECORD_MARK: &str = "DRAFT RECORD FOR YOU TO CHECK";

/// The record of conversation `id` of `review` as a Word file, dated `exported_on`; `None`
/// when the review has no such conversation.
pub fn conversation_record_document(review: &Review, id: ConversationId, exported_on: Option<NaiveDate>) -> Option<WordDocument> {
    let paper = conversation_record(review.learning_together()?, &review.title, id)?;
    Some(record_document(&paper, &mark("exported", exported_on)))
}

/// The same record as the print view draws it, saying the day it was printed.
pub fn printed_conversation_record(paper: &ConversationRecordPaper, printed_on: Option<NaiveDate>) -> WordDocument {
    record_document(paper, &mark("printed", printed_on))
}

fn mark(done: &str, on: Option<NaiveDate>) -> String {
    super::dated_mark(RECORD_MARK, done, on)
}

/// The heading of the record: "Record of the conversation with Health visitor, NHS trust".
pub fn record_heading(paper: &ConversationRecordPaper) -> String {
    format!("Record of the conversation with {}", paper.with)
}

fn record_document(paper: &ConversationRecordPaper, mark: &str) -> WordDocument {
    let heading = record_heading(paper);
    let mut d = WordDocument::new(&format!("{heading} \u{2013} {}", paper.review_title), &heading, Orientation::Portrait);
    d.paragraph_in(ParagraphStyle::DraftMark, vec![Span::plain(mark)]);
    d.title(&heading);
    d.subtitle(&paper.review_title);
    let mut t = Table::labelled(1, 3);
    t.row(vec![cell("Conversation with"), cell(paper.with.clone())]);
    t.row(vec![cell("Held on"), cell(paper.held_on.map_or_else(|| "Date not recorded".to_string(), long_date))]);
    d.table(t);

    d.heading(1, "Please check this record");
    for p in &paper.note {
        d.text(p);
    }
    if !paper.contact.is_empty() {
        d.paragraph_in(ParagraphStyle::Normal, vec![Span::bold("Contact: "), Span::plain(paper.contact.clone())]);
    }
    if !paper.signed_by.is_empty() {
        d.text(&format!("{}\nOn behalf of the review team", paper.signed_by));
    }

    for part in &paper.parts {
        d.heading(1, &part.heading());
        if part.is_empty() {
            d.quiet(NOTHING_RECORDED);
            continue;
        }
        for e in &part.entries {
            d.paragraph_in(ParagraphStyle::Normal, vec![Span::bold(e.prompt.clone())]);
            d.text(&e.text);
        }
        if !part.turning_points.is_empty() {
            d.heading(2, "Turning points you described");
            for tp in &part.turning_points {
                let mut spans = Vec::new();
                if !tp.when.is_empty() {
                    spans.push(Span::bold(format!("{}: ", tp.when)));
                }
                spans.push(Span::plain(tp.text.clone()));
                d.bullet(0, spans);
            }
        }
    }
    d.paragraph_in(ParagraphStyle::SourceNote, vec![Span::plain(format!("Structure: {GUIDE_SOURCE}."))]);
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::docx::word_document::Part;
    use crate::model::conversation_guide::ConversationPart;
    use crate::model::date_or_period::DateOrPeriod;
    use crate::model::{ReviewKind, Review};
    use chrono::TimeZone;

    #[test]
    fn the_word_record_and_the_printed_one_are_one_document_with_every_part() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut review = Review::new(uuid::Uuid::from_u128(3), ReviewKind::LearningTogether, at);
        review.title = "Family K review".into();
        let mut conversation = 0;
        review.edit_learning_together(at, |lt| {
            let hv = lt.add_participant("Health visitor", "NHS trust");
            conversation = lt.start_conversation(hv, NaiveDate::from_ymd_opt(2026, 12, 3)).unwrap();
            lt.conversation_mut(conversation).unwrap().notes.set_answer(ConversationPart::Mindset, 1, "Worried\nabout her weight");
            lt.add_turning_point(conversation, "The missed check", DateOrPeriod::during("spring")).unwrap();
        });
        let day = NaiveDate::from_ymd_opt(2026, 12, 9);
        let word = conversation_record_document(&review, conversation, day).unwrap();
        let paper = conversation_record(review.learning_together().unwrap(), &review.title, conversation).unwrap();
        let printed = printed_conversation_record(&paper, day);
        let headings = |d: &WordDocument| {
            d.parts()
                .into_iter()
                .filter_map(|p| match p {
                    Part::Paragraph(ParagraphStyle::Heading1 | ParagraphStyle::Heading2, spans) => {
                        Some(spans.iter().map(|s| s.text.clone()).collect::<String>())
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(headings(&word), headings(&printed));
        let h = headings(&word);
        assert_eq!(h[0], "Please check this record");
        assert!(h.contains(&"Turning points you described".to_string()));
        assert_eq!(h.iter().filter(|x| x.starts_with(|c: char| c.is_ascii_digit())).count(), 10, "every part, 1 to 9 with 3a and 3b");
        let text = word.plain_text().join("\n");
        assert!(text.contains("exported 9 December 2026") && text.contains("Worried\nabout her weight"));
        assert!(printed.plain_text().join("\n").contains("printed 9 December 2026"));
        assert!(word.to_docx().is_ok());
        assert!(conversation_record_document(&review, conversation + 99, day).is_none());
    }
}
