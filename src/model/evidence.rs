//! The evidence a Learning Together review rests on, and where each piece came from.
//!
//! - The **documents register** lists each document the review team chose to read
//!   ("Selecting documentation"): what it is, the agency it comes from, the date or period
//!   it covers, and why it was chosen.
//! - The **integrated chronology** puts what happened, agency by agency, in one list in date
//!   order. Each entry says where it comes from: a document of the register or a
//!   conversation. The turning points people described in their conversations appear in it
//!   too, marked as such, when they carry a date or period; the narrative does not (it is
//!   the team's own telling, drawn from all of this).
//! - **Citations**: a narrative event, a key practice episode or a finding can cite
//!   documents and conversations. A finding's evidence can be followed both ways: from the
//!   finding to its episodes, factors, documents and conversations, and from a document or
//!   conversation to everything that cites it ("Cited by: Episode 2, Finding 1").
//!
//! Citations are kept as one set of "citing>cited" keys on the review, not as lists inside
//! the episodes and findings, so that two laptops citing different things at the same time
//! both keep their work when their copies are merged.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::conversation_notes::clean_text;
use super::date_or_period::DateOrPeriod;
use super::learning_together::{ConversationId, EditError, FindingId, ItemId, LearningTogether, Participant};

/// Identifies a document of the register (drawn from the review's one id counter).
pub type DocumentId = ItemId;

/// A document the review team chose to read for the review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct SourceDocument {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: DocumentId,
    /// What the document is: "Health visiting records", "Strategy discussion minutes".
    #[autosurgeon(missing = "Default::default")]
    pub title: String,
    /// The agency it comes from.
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    /// The date of the document or the period it covers.
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
    /// Why the team chose it, if they say.
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub why_chosen: String,
}

impl SourceDocument {
    /// "Health visiting records (NHS trust, March 2024)": the title, then the agency and
    /// the date or period when known.
    pub fn label(&self) -> String {
        let title = if self.title.trim().is_empty() { "Untitled document" } else { self.title.trim() };
        let details: Vec<String> =
            [self.agency.trim().to_string(), self.date_or_period.text()].into_iter().filter(|t| !t.is_empty()).collect();
        if details.is_empty() {
            title.to_string()
        } else {
            format!("{title} ({})", details.join(", "))
        }
    }
}

/// One entry of the integrated chronology, written by the team from a source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct ChronologyEntry {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
    /// The agency involved.
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub what_happened: String,
    /// Where it comes from: a document of the register or a conversation.
    #[autosurgeon(missing = "Default::default")]
    pub source: Option<ItemId>,
}

/// Where a row of the chronology comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChronologyOrigin {
    /// An entry the team wrote.
    Entry(ItemId),
    /// A turning point described in a conversation.
    TurningPoint { conversation: ConversationId, turning_point: ItemId },
}

/// One row of the chronology as it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChronologyRow {
    pub origin: ChronologyOrigin,
    pub when: DateOrPeriod,
    pub agency: String,
    pub what_happened: String,
    /// The document or conversation it comes from.
    pub source: Option<ItemId>,
    /// The source in words ("Conversation with Health visitor, NHS trust"); blank when
    /// none is recorded.
    pub source_label: String,
}

impl ChronologyRow {
    /// True for a turning point described in a conversation (edited there, not here).
    pub fn is_turning_point(&self) -> bool {
        matches!(self.origin, ChronologyOrigin::TurningPoint { .. })
    }
}

/// The kinds of item that cite documents and conversations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CitingKind {
    NarrativeEvent,
    Episode,
    Finding,
}

/// An item citing a source, numbered as the review shows it: narrative events in date
/// order, episodes as in the key practice episodes table, findings in priority order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citer {
    pub kind: CitingKind,
    pub id: ItemId,
    pub number: usize,
}

impl Citer {
    /// "Narrative event 3", "Episode 2", "Finding 1".
    pub fn label(&self) -> String {
        let kind = match self.kind {
            CitingKind::NarrativeEvent => "Narrative event",
            CitingKind::Episode => "Episode",
            CitingKind::Finding => "Finding",
        };
        format!("{kind} {}", self.number)
    }
}

/// Everything a finding rests on, in words, for the screen and the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindingEvidence {
    /// "Episode 2: Strategy discussion", as numbered in the episodes table.
    pub episodes: Vec<String>,
    pub factors: Vec<String>,
    /// Documents cited by the finding or by the episodes it rests on, with agency and date.
    pub documents: Vec<String>,
    /// Who the conversations were with: cited by the finding, or behind its episodes and
    /// factors.
    pub conversations: Vec<String>,
}

impl FindingEvidence {
    /// True when nothing is linked or cited yet.
    pub fn is_empty(&self) -> bool {
        self.episodes.is_empty() && self.factors.is_empty() && self.documents.is_empty() && self.conversations.is_empty()
    }
}

fn citation_key(citing: ItemId, cited: ItemId) -> String {
    format!("{citing}>{cited}")
}

fn parse_citation(key: &str) -> Option<(ItemId, ItemId)> {
    let (a, b) = key.split_once('>')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

// The documents register.
impl LearningTogether {
    /// Adds a document to the register and returns its id. A blank title is refused.
    pub fn add_document(&mut self, title: &str, agency: &str, date_or_period: DateOrPeriod) -> Result<DocumentId, EditError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(EditError::BlankText);
        }
        let id = self.allocate_id();
        self.documents.push(SourceDocument {
            id,
            title: title.to_string(),
            agency: agency.trim().to_string(),
            date_or_period,
            why_chosen: String::new(),
        });
        Ok(id)
    }

    /// The document with this id.
    pub fn document(&self, id: DocumentId) -> Option<&SourceDocument> {
        self.documents.iter().find(|d| d.id == id)
    }

    fn document_mut(&mut self, id: DocumentId) -> Result<&mut SourceDocument, EditError> {
        self.documents.iter_mut().find(|d| d.id == id).ok_or(EditError::NoSuchDocument)
    }

    /// Takes a document's title as it is typed.
    pub fn set_document_title(&mut self, id: DocumentId, title: &str) -> Result<(), EditError> {
        self.document_mut(id)?.title = title.to_string();
        Ok(())
    }

    /// Takes the agency a document comes from as it is typed.
    pub fn set_document_agency(&mut self, id: DocumentId, agency: &str) -> Result<(), EditError> {
        self.document_mut(id)?.agency = agency.to_string();
        Ok(())
    }

    /// Changes the date or period of a document.
    pub fn set_document_date(&mut self, id: DocumentId, when: DateOrPeriod) -> Result<(), EditError> {
        self.document_mut(id)?.date_or_period = when;
        Ok(())
    }

    /// Takes the note on why a document was chosen as it is typed.
    pub fn set_document_why_chosen(&mut self, id: DocumentId, why: &str) -> Result<(), EditError> {
        self.document_mut(id)?.why_chosen = why.to_string();
        Ok(())
    }

    /// True when something leans on the document: a citation or a chronology entry. The
    /// screens ask before removing such a document.
    pub fn document_is_used(&self, id: DocumentId) -> bool {
        !self.cited_by(id).is_empty() || self.chronology_entries.iter().any(|e| e.source == Some(id))
    }

    /// Removes a document from the register, with its citations. Chronology entries taken
    /// from it stay, without a source.
    pub fn remove_document(&mut self, id: DocumentId) -> bool {
        let before = self.documents.len();
        self.documents.retain(|d| d.id != id);
        if self.documents.len() == before {
            return false;
        }
        self.forget_source(id);
        true
    }

    /// A conversation's source label: "Conversation with Health visitor, NHS trust (3 March 2025)".
    fn conversation_label(&self, id: ConversationId) -> Option<String> {
        let c = self.conversation(id)?;
        let who = self.participant(c.participant_id).map(Participant::label).filter(|l| !l.is_empty());
        let who = who.unwrap_or_else(|| "a participant".to_string());
        Some(match c.date {
            Some(d) => format!("Conversation with {who} ({})", super::date_or_period::long_date(d)),
            None => format!("Conversation with {who}"),
        })
    }

    /// A source in words: a document with its agency and date, or a conversation with whom
    /// it was held. `None` when the id names neither.
    pub fn source_label(&self, id: ItemId) -> Option<String> {
        self.document(id).map(SourceDocument::label).or_else(|| self.conversation_label(id))
    }

    /// True when the id names a document of the register or a conversation.
    pub fn is_source(&self, id: ItemId) -> bool {
        self.document(id).is_some() || self.conversation(id).is_some()
    }

    /// Every source a reviewer can choose, in words: the documents in register order, then
    /// the conversations.
    pub fn sources(&self) -> Vec<(ItemId, String)> {
        self.documents
            .iter()
            .map(|d| (d.id, d.label()))
            .chain(self.conversations.iter().filter_map(|c| self.conversation_label(c.id).map(|l| (c.id, l))))
            .collect()
    }

    /// Clears what pointed at a source that has gone: its citations and the chronology
    /// entries' link to it.
    pub(crate) fn forget_source(&mut self, id: ItemId) {
        self.citations.retain(|k| parse_citation(k).is_none_or(|(_, cited)| cited != id));
        for e in &mut self.chronology_entries {
            if e.source == Some(id) {
                e.source = None;
            }
        }
    }

    /// Removes the citations made by an item that has gone.
    pub(crate) fn forget_citations_by(&mut self, id: ItemId) {
        self.citations.retain(|k| parse_citation(k).is_none_or(|(citing, _)| citing != id));
    }
}

// The integrated chronology.
impl LearningTogether {
    fn check_source(&self, source: Option<ItemId>) -> Result<(), EditError> {
        match source {
            Some(s) if !self.is_source(s) => Err(EditError::NotASource),
            _ => Ok(()),
        }
    }

    /// Adds an entry to the chronology from a document or a conversation (or none yet).
    pub fn add_chronology_entry(
        &mut self,
        what_happened: &str,
        agency: &str,
        date_or_period: DateOrPeriod,
        source: Option<ItemId>,
    ) -> Result<ItemId, EditError> {
        let what = what_happened.trim();
        if what.is_empty() {
            return Err(EditError::BlankText);
        }
        self.check_source(source)?;
        let id = self.allocate_id();
        self.chronology_entries.push(ChronologyEntry {
            id,
            date_or_period,
            agency: agency.trim().to_string(),
            what_happened: what.to_string(),
            source,
        });
        Ok(id)
    }

    /// The chronology entry with this id.
    pub fn chronology_entry(&self, id: ItemId) -> Option<&ChronologyEntry> {
        self.chronology_entries.iter().find(|e| e.id == id)
    }

    fn chronology_entry_mut(&mut self, id: ItemId) -> Result<&mut ChronologyEntry, EditError> {
        self.chronology_entries.iter_mut().find(|e| e.id == id).ok_or(EditError::NoSuchChronologyEntry)
    }

    /// Takes what happened as it is typed.
    pub fn set_entry_what_happened(&mut self, id: ItemId, text: &str) -> Result<(), EditError> {
        self.chronology_entry_mut(id)?.what_happened = text.to_string();
        Ok(())
    }

    /// Takes the agency of an entry as it is typed.
    pub fn set_entry_agency(&mut self, id: ItemId, agency: &str) -> Result<(), EditError> {
        self.chronology_entry_mut(id)?.agency = agency.to_string();
        Ok(())
    }

    /// Changes when an entry happened.
    pub fn set_entry_date(&mut self, id: ItemId, when: DateOrPeriod) -> Result<(), EditError> {
        self.chronology_entry_mut(id)?.date_or_period = when;
        Ok(())
    }

    /// Changes where an entry comes from: a document, a conversation, or none.
    pub fn set_entry_source(&mut self, id: ItemId, source: Option<ItemId>) -> Result<(), EditError> {
        self.check_source(source)?;
        self.chronology_entry_mut(id)?.source = source;
        Ok(())
    }

    /// Removes an entry from the chronology.
    pub fn remove_chronology_entry(&mut self, id: ItemId) -> bool {
        let before = self.chronology_entries.len();
        self.chronology_entries.retain(|e| e.id != id);
        self.chronology_entries.len() != before
    }

    /// The integrated chronology in date order (entries with only a period after the dated
    /// ones, in the order they were added): the team's entries, and the turning points of
    /// the conversations that carry a date or period. A family member's turning points are
    /// shown under "Family".
    pub fn chronology(&self) -> Vec<ChronologyRow> {
        let entries = self.chronology_entries.iter().map(|e| ChronologyRow {
            origin: ChronologyOrigin::Entry(e.id),
            when: e.date_or_period.clone(),
            agency: e.agency.trim().to_string(),
            what_happened: e.what_happened.clone(),
            source: e.source,
            source_label: e.source.and_then(|s| self.source_label(s)).unwrap_or_default(),
        });
        let turning_points = self.conversations.iter().flat_map(|c| {
            let participant = self.participant(c.participant_id);
            let agency = match participant {
                Some(p) if p.is_family_member => "Family".to_string(),
                Some(p) => p.agency.trim().to_string(),
                None => String::new(),
            };
            let label = self.conversation_label(c.id).unwrap_or_default();
            c.turning_points.iter().filter(|t| !t.date_or_period.is_unknown()).map(move |t| ChronologyRow {
                origin: ChronologyOrigin::TurningPoint { conversation: c.id, turning_point: t.id },
                when: t.date_or_period.clone(),
                agency: agency.clone(),
                what_happened: t.text.clone(),
                source: Some(c.id),
                source_label: label.clone(),
            })
        });
        let mut rows: Vec<ChronologyRow> = entries.chain(turning_points).collect();
        rows.sort_by(|a, b| DateOrPeriod::chronological(&a.when, &b.when));
        rows
    }

    /// The agencies in the chronology, in the order they first appear, without repeats
    /// (compared without case): the choices of its filter.
    pub fn chronology_agencies(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.chronology()
            .into_iter()
            .map(|r| r.agency)
            .filter(|a| !a.is_empty() && seen.insert(a.to_lowercase()))
            .collect()
    }

    /// How many chronology entries the team took from a source.
    pub fn chronology_entries_from(&self, source: ItemId) -> usize {
        self.chronology_entries.iter().filter(|e| e.source == Some(source)).count()
    }
}

// Citations.
impl LearningTogether {
    fn citing_kind(&self, id: ItemId) -> Option<CitingKind> {
        if self.narrative_events.iter().any(|e| e.id == id) {
            Some(CitingKind::NarrativeEvent)
        } else if self.episode(id).is_some() {
            Some(CitingKind::Episode)
        } else if self.finding(id).is_some() {
            Some(CitingKind::Finding)
        } else {
            None
        }
    }

    /// Records that a narrative event, key practice episode or finding cites a document or
    /// conversation. Citing twice changes nothing.
    pub fn cite(&mut self, citing: ItemId, source: ItemId) -> Result<(), EditError> {
        if self.citing_kind(citing).is_none() {
            return Err(EditError::NotCiting);
        }
        if !self.is_source(source) {
            return Err(EditError::NotASource);
        }
        self.citations.insert(citation_key(citing, source));
        Ok(())
    }

    /// Takes a citation back. An episode also stops naming the conversation as one it came
    /// from. Returns false when there was nothing to take back.
    pub fn uncite(&mut self, citing: ItemId, source: ItemId) -> bool {
        let mut removed = self.citations.remove(&citation_key(citing, source));
        if let Some(e) = self.episode_mut(citing) {
            let before = e.source_conversations.len();
            e.source_conversations.retain(|&c| c != source);
            removed |= e.source_conversations.len() != before;
        }
        removed
    }

    /// True when the item cites the source (for an episode, also when it came from that
    /// conversation's turning points).
    pub fn cites(&self, citing: ItemId, source: ItemId) -> bool {
        self.citations.contains(&citation_key(citing, source))
            || self.episode(citing).is_some_and(|e| e.source_conversations.contains(&source))
    }

    /// The documents and conversations an item cites: documents in register order, then
    /// conversations. An episode's sources include the conversations whose turning points
    /// it came from.
    pub fn sources_of(&self, citing: ItemId) -> Vec<ItemId> {
        self.documents
            .iter()
            .map(|d| d.id)
            .chain(self.conversations.iter().map(|c| c.id))
            .filter(|&s| self.cites(citing, s))
            .collect()
    }

    /// Everything that cites a document or conversation, narrative events first, then
    /// episodes, then findings, each in the order the review shows them.
    pub fn cited_by(&self, source: ItemId) -> Vec<Citer> {
        let events = self.narrative().into_iter().enumerate().map(|(n, e)| (CitingKind::NarrativeEvent, e.id, n + 1));
        let episodes = self.episodes_in_order().into_iter().enumerate().map(|(n, e)| (CitingKind::Episode, e.id, n + 1));
        let findings = self.findings.iter().enumerate().map(|(n, f)| (CitingKind::Finding, f.id, n + 1));
        events
            .chain(episodes)
            .chain(findings)
            .filter(|&(_, id, _)| self.cites(id, source))
            .map(|(kind, id, number)| Citer { kind, id, number })
            .collect()
    }

    /// True when every citation names an item that can cite and a source that exists.
    pub fn citations_are_consistent(&self) -> bool {
        self.citations.iter().all(|k| {
            parse_citation(k).is_some_and(|(citing, cited)| self.citing_kind(citing).is_some() && self.is_source(cited))
        })
    }

    /// What a finding rests on, traced to its sources: its episodes and factors, the
    /// documents it or its episodes cite, and whom the conversations it cites or that lie
    /// behind its episodes and factors were with.
    pub fn finding_evidence(&self, id: FindingId) -> FindingEvidence {
        let Some(f) = self.finding(id) else { return FindingEvidence::default() };
        let order: Vec<ItemId> = self.episodes_in_order().iter().map(|e| e.id).collect();
        let mut out = FindingEvidence::default();
        let mut sources: Vec<ItemId> = self.sources_of(id);
        for &e in &f.episodes {
            if let Some(ep) = self.episode(e) {
                let n = order.iter().position(|x| *x == e).map_or(0, |n| n + 1);
                out.episodes.push(format!("Episode {n}: {}", ep.episode.trim()));
                sources.extend(self.sources_of(e));
            }
        }
        for &x in &f.factors {
            if let Some(factor) = self.factor(x) {
                out.factors.push(clean_text(&factor.text));
                sources.extend(factor.source_conversations.iter().copied());
            }
        }
        for d in &self.documents {
            if sources.contains(&d.id) {
                push_new(&mut out.documents, d.label());
            }
        }
        for c in &self.conversations {
            if sources.contains(&c.id) {
                if let Some(label) = self.participant(c.participant_id).map(Participant::label) {
                    push_new(&mut out.conversations, label);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pattern_type::PatternType;
    use chrono::NaiveDate;

    fn day(d: u32) -> DateOrPeriod {
        DateOrPeriod::on(NaiveDate::from_ymd_opt(2025, 3, d).unwrap())
    }

    #[test]
    fn a_document_reads_with_its_agency_and_date() {
        let mut lt = LearningTogether::default();
        let d = lt.add_document(" GP records ", " Surgery ", day(2)).unwrap();
        assert_eq!(lt.document(d).unwrap().label(), "GP records (Surgery, 2 March 2025)");
        assert_eq!(lt.add_document("  ", "x", day(1)), Err(EditError::BlankText));
        lt.set_document_agency(d, "").unwrap();
        lt.set_document_date(d, DateOrPeriod::default()).unwrap();
        assert_eq!(lt.source_label(d).as_deref(), Some("GP records"));
    }

    #[test]
    fn citations_go_both_ways_and_go_when_either_end_goes() {
        let mut lt = LearningTogether::default();
        let doc = lt.add_document("Minutes", "Police", day(4)).unwrap();
        let p = lt.add_participant("Teacher", "School");
        let c = lt.start_conversation(p, None).unwrap();
        let e = lt.add_episode("Strategy discussion", day(5)).unwrap();
        let f = lt.add_finding("Pressure of caseloads", PatternType::ALL[0]).unwrap();
        lt.cite(e, doc).unwrap();
        lt.cite(f, c).unwrap();
        lt.cite(f, doc).unwrap();
        assert_eq!(lt.cite(doc, c), Err(EditError::NotCiting));
        assert_eq!(lt.cite(e, f), Err(EditError::NotASource));
        let labels: Vec<String> = lt.cited_by(doc).iter().map(Citer::label).collect();
        assert_eq!(labels, ["Episode 1", "Finding 1"]);
        assert_eq!(lt.sources_of(f), [doc, c]);
        assert!(lt.document_is_used(doc));
        assert!(lt.remove_episode(e));
        assert_eq!(lt.cited_by(doc).len(), 1);
        assert!(lt.remove_participant(p));
        assert_eq!(lt.sources_of(f), [doc]);
        assert!(lt.remove_document(doc));
        assert!(lt.citations.is_empty());
        assert!(lt.citations_are_consistent());
    }
}
