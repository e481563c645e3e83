//! An anonymised copy is a review made fit to publish or share beyond the group: the child
//! and family appear only under pseudonyms, the people who took part only by their role,
//! and the place names the team lists are taken out. The team writes the list (each real
//! name or place, and what goes in its place); the app finds every whole-word use of each
//! one, in any capitals and in possessives ("Jayden's" becomes "Child A's"), in every piece
//! of text of either method, and shows what it will change before anything is exported.
//! The review itself is never changed: the copy is a separate review with its own id.
//!
//! Only what is listed is replaced. A name that is also an everyday word ("Hope", "Will")
//! is replaced only when the team lists it themselves, because every use of the word would
//! change with it; the app's suggestions leave such names out and say so.

use super::identifying_details::{identifying_details, DetailKind, FieldKind, TITLES};
use super::review::{Review, ReviewBody, ReviewId};

/// What a listed place becomes unless the team writes something else.
pub const PLACE_PLACEHOLDER: &str = "[place]";
/// What the child is called in the copy unless the team chooses another pseudonym.
pub const DEFAULT_CHILD_PSEUDONYM: &str = "Child A";
/// What the child's family name becomes unless the team chooses otherwise.
pub const DEFAULT_FAMILY_NAME: &str = "[family name]";
/// What a name the hints found becomes unless the team writes the person's role.
pub const NAME_PLACEHOLDER: &str = "[name]";
/// What an address the hints found becomes.
pub const ADDRESS_PLACEHOLDER: &str = "[address]";
/// What a postcode the hints found becomes.
pub const POSTCODE_PLACEHOLDER: &str = "[postcode]";
/// What the facilitator's name becomes in the copy: the role, as the method asks.
pub const FACILITATOR_ROLE: &str = "Facilitator";

/// How many characters of text either side of a change the preview shows.
const PREVIEW_CONTEXT_CHARS: usize = 40;
/// Text up to this long is previewed whole.
const PREVIEW_WHOLE_CHARS: usize = 240;

/// Names that are also everyday English words: a suggestion never lists them on its own,
/// since replacing them would change every "hope" or "will" in the notes too.
const EVERYDAY_WORD_NAMES: &[&str] = &[
    "amber", "angel", "art", "autumn", "bill", "brook", "brooke", "candy", "chase", "crystal", "daisy",
    "dawn", "dean", "drew", "earl", "faith", "frank", "gene", "grace", "guy", "hazel", "heath", "holly",
    "honey", "hope", "hunter", "iris", "ivy", "jack", "jade", "jay", "joy", "june", "justice", "lily",
    "mark", "mason", "may", "miles", "misty", "norm", "pat", "pearl", "penny", "poppy", "reed", "rich",
    "river", "rob", "robin", "rose", "ruby", "sandy", "sky", "star", "storm", "summer", "sunny", "tank",
    "trust", "victor", "violet", "wade", "will", "willow", "winter",
];

/// One name or place to take out of the copy, and what to put in its place. An empty
/// `with` removes the words altogether.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replacement {
    /// The words as they appear in the review, e.g. "Jayden Smith" or "Salford".
    pub term: String,
    /// What the copy says instead, e.g. "Child A", "Health visitor" or "[place]".
    pub with: String,
}

impl Replacement {
    pub fn new(term: impl Into<String>, with: impl Into<String>) -> Self {
        Replacement { term: term.into(), with: with.into() }
    }
}

/// What the suggestions drew from the review, for the team to check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Names recorded in the review, each with a proposed replacement.
    pub replacements: Vec<Replacement>,
    /// Parts of recorded names left out because they are also everyday words.
    pub everyday_words_left_out: Vec<String>,
}

/// One changed piece of text, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where in the review, in the method's words ("About the child", "Worries").
    pub place: &'static str,
    /// A short passage of the text before the change.
    pub before: String,
    /// The same passage in the copy.
    pub after: String,
}

/// The anonymised copy and what went into it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnonymisedReview {
    /// The copy: a separate review, never saved in the library unless imported.
    pub review: Review,
    /// How many times each listed term was replaced, in the order of the list.
    pub counts: Vec<usize>,
    /// Each changed piece of text, in the review's order.
    pub changes: Vec<Change>,
    /// The child's name as recorded in the review, when it still appears in the copy
    /// because the list does not cover it.
    pub child_name_left_in: Option<String>,
}

/// Proposes replacements from the names a review records (for a case discussion: the
/// child's name, whole, then first and family names apart; the attendees' names, by their
/// role; the facilitator's), then every detail the text hints find anywhere in the review:
/// names (without their titles, which are replaced with them), addresses, postcodes and
/// place names, each with a placeholder for the team to change. Pseudonyms the review
/// uses are never proposed.
pub fn suggested_replacements(review: &Review) -> Suggestions {
    let mut out = Suggestions::default();
    recorded_names(review, &mut out);
    found_details(review, &mut out);
    out
}

/// The details the text hints find in every text of the review.
fn found_details(review: &Review, out: &mut Suggestions) {
    let pseudonyms: Vec<String> = match &review.body {
        ReviewBody::LearningTogether(lt) => lt.pseudonyms().into_iter().map(str::to_string).collect(),
        _ => Vec::new(),
    };
    let known: Vec<&str> = pseudonyms.iter().map(String::as_str).collect();
    let is_pseudonym = |w: &str| known.iter().any(|p| p.eq_ignore_ascii_case(w));
    let mut copy = review.clone();
    each_text_mut(&mut copy, &mut |_, text| {
        for d in identifying_details(text, FieldKind::FreeText, &known) {
            let words = &text[d.start..d.end];
            match d.kind {
                DetailKind::PersonName => {
                    let name = without_title(words);
                    if name.split_whitespace().all(is_pseudonym) {
                        continue;
                    }
                    out.add(name, NAME_PLACEHOLDER);
                    let parts: Vec<&str> = name.split_whitespace().collect();
                    if parts.len() > 1 {
                        for part in parts.into_iter().filter(|p| !is_pseudonym(p)) {
                            out.add_word(part, NAME_PLACEHOLDER);
                        }
                    }
                }
                DetailKind::Address => out.add(words, ADDRESS_PLACEHOLDER),
                DetailKind::Postcode => out.add(words, POSTCODE_PLACEHOLDER),
                DetailKind::Place => {
                    out.add(words.trim_end_matches("'s").trim_end_matches("\u{2019}s"), PLACE_PLACEHOLDER)
                }
            }
        }
    });
}

/// "Mrs Patel" without its title: "Patel".
fn without_title(name: &str) -> &str {
    let mut words = name.splitn(2, char::is_whitespace);
    match (words.next(), words.next()) {
        (Some(first), Some(rest)) if is_title(first) => rest.trim(),
        _ => name.trim(),
    }
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// The names a case discussion records.
fn recorded_names(review: &Review, out: &mut Suggestions) {
    let ReviewBody::CaseDiscussion(cd) = &review.body else { return };
    let child = cd.header.child_name.trim();
    if !child.is_empty() && !is_pseudonym_already(child, DEFAULT_CHILD_PSEUDONYM) {
        out.add(child, DEFAULT_CHILD_PSEUDONYM);
        let words: Vec<&str> = child.split_whitespace().collect();
        if words.len() > 1 {
            out.add_word(words[0], DEFAULT_CHILD_PSEUDONYM);
            out.add_word(words[words.len() - 1], DEFAULT_FAMILY_NAME);
        }
    }
    for a in &cd.header.attendees {
        let name = a.name.trim();
        if name.is_empty() {
            continue;
        }
        let role = a.role.trim();
        let role = if role.is_empty() { "a participant" } else { role };
        out.add(name, role);
        if let Some(first) = name.split_whitespace().next().filter(|f| *f != name) {
            out.add_word(first, role);
        }
    }
    let facilitator = cd.header.facilitator.trim();
    if !facilitator.is_empty() {
        out.add(facilitator, "the facilitator");
    }
}

impl Suggestions {
    /// Proposes replacing `term`, unless it is listed already, is a pseudonym already, or
    /// is a single everyday word (which is noted instead).
    fn add(&mut self, term: &str, with: &str) {
        if self.replacements.iter().any(|r| same_term(&r.term, term)) || is_pseudonym_already(term, with) {
            return;
        }
        if EVERYDAY_WORD_NAMES.contains(&term.trim().to_lowercase().as_str()) {
            if !self.everyday_words_left_out.iter().any(|w| same_term(w, term)) {
                self.everyday_words_left_out.push(term.trim().to_string());
            }
            return;
        }
        self.replacements.push(Replacement::new(term, with));
    }

    /// A single word taken from a longer name, without any punctuation around it.
    fn add_word(&mut self, word: &str, with: &str) {
        let bare: String = word.chars().filter(|c| is_word_char(*c)).collect();
        if bare.chars().count() >= 2 {
            self.add(&bare, with);
        }
    }
}

/// "Child J" needs no replacing with "Child A": it is a pseudonym already.
fn is_pseudonym_already(term: &str, with: &str) -> bool {
    let words: Vec<&str> = term.split_whitespace().collect();
    let child_letter = words.len() == 2 && words[0].eq_ignore_ascii_case("child") && words[1].chars().count() == 1;
    same_term(term, with) || child_letter
}

fn same_term(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// A term as it is compared: trimmed, spaces collapsed, folded case.
fn normalise(term: &str) -> Vec<char> {
    let mut out = Vec::new();
    for (i, word) in term.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().map(fold));
    }
    out
}

/// Makes the anonymised copy of `review` with the listed replacements, under `new_id`.
///
/// Besides replacing every listed term in every piece of text (the title included), the
/// copy leaves out what cannot be checked or is not needed for publication: attendees'
/// names (they are listed by role and agency), the facilitator's name (shown as the
/// role), fields written by a newer version of the app, when it was last exported and its
/// delete-by date.
pub fn anonymise(review: &Review, list: &[Replacement], new_id: ReviewId) -> AnonymisedReview {
    let matcher = Matcher::new(list);
    let mut copy = review.clone();
    copy.id = new_id;
    copy.last_exported = None;
    copy.delete_by = None;
    copy.unknown.clear();
    match &mut copy.body {
        ReviewBody::CaseDiscussion(cd) => {
            for a in &mut cd.header.attendees {
                a.name.clear();
            }
            if !cd.header.facilitator.trim().is_empty() {
                cd.header.facilitator = FACILITATOR_ROLE.to_string();
            }
        }
        // Dismissed suggestions are keyed by a fingerprint of the words, which could be
        // matched against a list of names: a published copy keeps none.
        ReviewBody::LearningTogether(lt) => lt.dismissed_hints.clear(),
        ReviewBody::Preparation(p) => p.dismissed_hints.clear(),
    }
    // Half-typed entries were never added to the review: a published copy carries none.
    copy.drafts.clear();
    let mut counts = vec![0; list.len()];
    let mut changes = Vec::new();
    each_text_mut(&mut copy, &mut |place, text| {
        let found = matcher.find(text);
        if found.is_empty() {
            return;
        }
        for m in &found {
            counts[m.term] += 1;
        }
        let (before, after) = matcher.preview(text, &found);
        changes.push(Change { place, before, after });
        *text = matcher.render(text, &found, 0..text.len());
    });
    let child_name_left_in = review.case_discussion().and_then(|cd| {
        let child = cd.header.child_name.trim();
        (!child.is_empty() && mentions(&copy, child)).then(|| child.to_string())
    });
    AnonymisedReview { review: copy, counts, changes, child_name_left_in }
}

/// True when `term` appears as whole words anywhere in the review's text.
fn mentions(review: &Review, term: &str) -> bool {
    let only = [Replacement::new(term, "")];
    let matcher = Matcher::new(&only);
    let mut copy = review.clone();
    let mut found = false;
    each_text_mut(&mut copy, &mut |_, text| found |= !matcher.find(text).is_empty());
    found
}

/// Replaces the listed terms in one piece of text: whole words, any capitals, the longest
/// listed term first where two start at the same place.
pub fn replace_terms(text: &str, list: &[Replacement]) -> String {
    let matcher = Matcher::new(list);
    let found = matcher.find(text);
    matcher.render(text, &found, 0..text.len())
}

/// Visits every piece of text a person can write in a review, of either method, with a
/// label saying where it is. A new text field in the model must be added here (the
/// completeness test fails until it is), or names written in it would reach the copy.
pub fn each_text_mut(review: &mut Review, f: &mut dyn FnMut(&'static str, &mut String)) {
    f("Title", &mut review.title);
    match &mut review.body {
        ReviewBody::CaseDiscussion(cd) => {
            let h = &mut cd.header;
            f("Child's name", &mut h.child_name);
            f("Facilitator", &mut h.facilitator);
            f("Focal question", &mut h.focal_question);
            for a in &mut h.attendees {
                f("Attendees", &mut a.name);
                f("Attendees", &mut a.role);
                f("Attendees", &mut a.agency);
                f("Attendees", &mut a.second_hat);
            }
            for d in &mut cd.facts {
                f("The facts", &mut d.text);
                f("The facts", &mut d.source);
            }
            f("About the child", &mut cd.about_child);
            for t in &mut cd.immediate_thoughts {
                f("Immediate thoughts", &mut t.text);
            }
            f("Analysis tree", &mut cd.tree.focal_point);
            let mut stack: Vec<&mut crate::model::problem_tree::TreeNode> =
                cd.tree.effects.iter_mut().chain(cd.tree.causes.iter_mut()).chain(cd.tree.parked.iter_mut()).collect();
            while let Some(node) = stack.pop() {
                f("Analysis tree", &mut node.text);
                stack.extend(node.children.iter_mut());
            }
            for w in &mut cd.worries {
                f("What are we worried about", &mut w.text);
            }
            for s in &mut cd.strengths {
                f("What worked well", &mut s.text);
            }
            for g in &mut cd.information_gaps {
                f("Missing information", &mut g.what);
                f("Missing information", &mut g.who);
            }
            for p in &mut cd.people_to_involve {
                f("Who else to involve", &mut p.who);
                f("Who else to involve", &mut p.why);
            }
            for a in &mut cd.actions {
                f("What needs to happen", &mut a.action);
                f("What needs to happen", &mut a.who_by);
                f("What needs to happen", &mut a.how_we_will_know);
                f("What needs to happen", &mut a.difference_for_child);
                f("What needs to happen", &mut a.lead_agency);
            }
            f("Outcome", &mut cd.outcome.agreement);
            f("Outcome", &mut cd.outcome.dissent);
        }
        ReviewBody::LearningTogether(lt) => {
            f("Family pseudonym", &mut lt.family_pseudonym);
            f("Scope", &mut lt.scope);
            for p in &mut lt.participants {
                f("Participants", &mut p.role);
                f("Participants", &mut p.agency);
                f("Participants", &mut p.pseudonym);
            }
            for m in &mut lt.review_team {
                f("Review team", &mut m.role);
            }
            f("Letters", &mut lt.letters.introductory_letter);
            f("Letters", &mut lt.letters.conversation_explanation);
            f("Letters", &mut lt.letters.family_letter);
            f("Letters", &mut lt.letters.contact);
            f("Letters", &mut lt.letters.signed_by);
            for c in &mut lt.conversations {
                for part in c.notes.parts.values_mut() {
                    f("Conversations", &mut part.notes);
                    for answer in part.answers.values_mut() {
                        f("Conversations", answer);
                    }
                }
                for notes in c.notes.factors.values_mut() {
                    f("Conversations", notes);
                }
                for t in &mut c.turning_points {
                    f("Turning points", &mut t.text);
                    f("Turning points", &mut t.date_or_period.period);
                    if let Some(source) = &mut t.preparation {
                        f("Turning points", &mut source.role);
                        f("Turning points", &mut source.agency);
                    }
                }
                for source in &mut c.preparations {
                    f("Conversations", &mut source.role);
                    f("Conversations", &mut source.agency);
                }
            }
            for e in &mut lt.narrative_events {
                f("Narrative", &mut e.date_or_period.period);
                f("Narrative", &mut e.what_happened);
                for v in &mut e.views {
                    // The family's reserved key is not words anyone wrote.
                    if !crate::model::narrative::is_family_key(&v.agency) {
                        f("Narrative", &mut v.agency);
                    }
                    f("Narrative", &mut v.view);
                }
            }
            for e in &mut lt.episodes {
                f("Key practice episodes", &mut e.episode);
                f("Key practice episodes", &mut e.date_or_period.period);
                for r in &mut e.roles_involved {
                    f("Key practice episodes", r);
                }
                f("Key practice episodes", &mut e.what_happened);
                f("Key practice episodes", &mut e.why_it_made_sense);
            }
            for c in &mut lt.factors {
                f("Contributory factors", &mut c.text);
            }
            for x in &mut lt.findings {
                f("Findings", &mut x.statement);
                f("Findings", &mut x.how_it_showed_in_this_case);
                f("Findings", &mut x.evidence_it_is_wider);
                f("Findings", &mut x.why_it_matters);
                for i in &mut x.issues_for_the_board {
                    f("Findings", i);
                }
            }
            for r in &mut lt.recommendations {
                f("Recommendations", &mut r.text);
            }
            f("Report", &mut lt.summary);
            f("Report", &mut lt.methodology);
            f("Report", &mut lt.case_summary);
            f("Report", &mut lt.acknowledgements);
            for d in &mut lt.documents {
                f("Documents", &mut d.title);
                f("Documents", &mut d.agency);
                f("Documents", &mut d.date_or_period.period);
                f("Documents", &mut d.why_chosen);
            }
            for e in &mut lt.chronology_entries {
                f("Chronology", &mut e.date_or_period.period);
                f("Chronology", &mut e.agency);
                f("Chronology", &mut e.what_happened);
            }
        }
        ReviewBody::Preparation(p) => {
            f("Role", &mut p.role);
            f("Agency", &mut p.agency);
            for part in p.notes.parts.values_mut() {
                f("Notes", &mut part.notes);
                for answer in part.answers.values_mut() {
                    f("Notes", answer);
                }
            }
            for notes in p.notes.factors.values_mut() {
                f("Notes", notes);
            }
            for t in &mut p.turning_points {
                f("Crucial moments", &mut t.text);
                f("Crucial moments", &mut t.date_or_period.period);
            }
        }
    }
}

/// Letters, digits and the combining accents that belong to the letter before them make up
/// a word; anything else (spaces, punctuation, apostrophes, hyphens) ends one.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{0300}'..='\u{036f}').contains(&c)
}

/// A character as matching sees it: lower case, with typographic apostrophes as plain ones
/// (so "O’Brien" matches "O'Brien").
fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// One listed term ready for matching: its characters folded, runs of spaces as `None`
/// (matching any run of spaces or line breaks in the text).
struct Term {
    pieces: Vec<Option<char>>,
    starts_with_word: bool,
    ends_with_word: bool,
}

/// One place a term was found: byte offsets into the text, and which term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    term: usize,
}

/// The listed terms, compiled once for a whole review.
struct Matcher<'a> {
    list: &'a [Replacement],
    /// By list index; `None` for blank terms and repeats of an earlier term.
    terms: Vec<Option<Term>>,
}

impl<'a> Matcher<'a> {
    fn new(list: &'a [Replacement]) -> Self {
        let mut seen: Vec<Vec<char>> = Vec::new();
        let terms = list
            .iter()
            .map(|r| {
                let folded = normalise(&r.term);
                if folded.is_empty() || seen.contains(&folded) {
                    return None;
                }
                seen.push(folded.clone());
                Some(Term {
                    starts_with_word: folded.first().is_some_and(|c| is_word_char(*c)),
                    ends_with_word: folded.last().is_some_and(|c| is_word_char(*c)),
                    pieces: folded.into_iter().map(|c| (c != ' ').then_some(c)).collect(),
                })
            })
            .collect();
        Matcher { list, terms }
    }

    /// Every whole-word match, left to right, never overlapping; where several terms match
    /// at one place the longest match wins.
    fn find(&self, text: &str) -> Vec<Found> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let best = self
                .terms
                .iter()
                .enumerate()
                .filter_map(|(index, t)| t.as_ref().and_then(|t| match_at(&chars, i, t)).map(|end| (end, index)))
                // Longest match; among equally long ones, the earlier in the list.
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            match best {
                Some((end, term)) => {
                    let floor = out.last().map_or(0, |f: &Found| f.end);
                    // A placeholder keeps the title ("Mr [family name]"); a role takes its place.
                    let takes_title = !self.list[term].with.trim_start().starts_with('[');
                    let start = title_before(text, &chars, i)
                        .filter(|&t| t >= floor && takes_title)
                        .unwrap_or(chars[i].0);
                    let end_byte = chars.get(end).map_or(text.len(), |c| c.0);
                    out.push(Found { start, end: end_byte, term });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// `text[range]` with the matches inside the range replaced.
    fn render(&self, text: &str, found: &[Found], range: std::ops::Range<usize>) -> String {
        let mut out = String::with_capacity(range.len());
        let mut at = range.start;
        for m in found.iter().filter(|m| m.start >= range.start && m.end <= range.end) {
            out.push_str(&text[at..m.start]);
            let with = self.list[m.term].with.trim();
            if with.is_empty() {
                // Removing "Salford" from "lives in Salford, with" should not leave "in , with".
                let next = text[m.end..].chars().next();
                if out.ends_with(' ') && next.is_none_or(|c| c.is_whitespace() || ",.;:!?)".contains(c)) {
                    out.pop();
                }
            } else {
                out.push_str(with);
            }
            at = m.end;
        }
        out.push_str(&text[at..range.end]);
        out
    }

    /// The text before and after, whole if short, else a passage around the first change.
    fn preview(&self, text: &str, found: &[Found]) -> (String, String) {
        let Some(first) = found.first() else { return (String::new(), String::new()) };
        if text.chars().count() <= PREVIEW_WHOLE_CHARS {
            return (text.to_string(), self.render(text, found, 0..text.len()));
        }
        let mut start = text[..first.start]
            .char_indices()
            .rev()
            .nth(PREVIEW_CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let mut end = text[first.end..]
            .char_indices()
            .nth(PREVIEW_CONTEXT_CHARS)
            .map_or(text.len(), |(i, _)| first.end + i);
        // Whole words at either end, within reason.
        for _ in 0..PREVIEW_CONTEXT_CHARS / 2 {
            match text[..start].chars().next_back() {
                Some(c) if is_word_char(c) && start < first.start => start -= c.len_utf8(),
                _ => break,
            }
        }
        for _ in 0..PREVIEW_CONTEXT_CHARS / 2 {
            match text[end..].chars().next() {
                Some(c) if is_word_char(c) => end += c.len_utf8(),
                _ => break,
            }
        }
        // Never cut a later match in half.
        if let Some(m) = found.iter().find(|m| m.start < end && m.end > end) {
            end = m.end;
        }
        let (lead, tail) = (if start > 0 { "…" } else { "" }, if end < text.len() { "…" } else { "" });
        let before = format!("{lead}{}{tail}", &text[start..end]);
        let after = format!("{lead}{}{tail}", self.render(text, found, start..end));
        (before, after)
    }
}

/// Where a title ("Mrs", "PC", "Dr.") just before char index `i` starts (a byte offset),
/// so that replacing a name takes its title with it: "Mrs Patel" becomes "the team
/// manager", not "Mrs the team manager".
fn title_before(text: &str, chars: &[(usize, char)], i: usize) -> Option<usize> {
    let at = chars.get(i)?.0;
    let before = &text[..at];
    let gap = before.len() - before.trim_end_matches([' ', '\u{a0}']).len();
    if gap == 0 {
        return None;
    }
    let head = before[..before.len() - gap].trim_end_matches('.');
    let word_start = head.rfind(|c: char| !is_word_char(c)).map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
    let word = &head[word_start..];
    (!word.is_empty() && is_title(word)).then_some(word_start)
}

/// Where `term` ends (a char index) if it matches at char index `i` as whole words.
fn match_at(chars: &[(usize, char)], i: usize, term: &Term) -> Option<usize> {
    if term.starts_with_word && i > 0 && is_word_char(chars[i - 1].1) {
        return None;
    }
    let mut j = i;
    for piece in &term.pieces {
        match piece {
            Some(c) => {
                if j >= chars.len() || fold(chars[j].1) != *c {
                    return None;
                }
                j += 1;
            }
            None => {
                let from = j;
                while j < chars.len() && chars[j].1.is_whitespace() {
                    j += 1;
                }
                if j == from {
                    return None;
                }
            }
        }
    }
    if term.ends_with_word && j < chars.len() && is_word_char(chars[j].1) {
        return None;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date_or_period::DateOrPeriod;
    use crate::model::case_discussion::Attendee;
    use crate::model::ReviewKind;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn list(pairs: &[(&str, &str)]) -> Vec<Replacement> {
        pairs.iter().map(|(t, w)| Replacement::new(*t, *w)).collect()
    }

    fn jayden() -> Vec<Replacement> {
        list(&[("Jayden", "Child A")])
    }

    #[test]
    fn a_name_is_replaced_at_the_start_the_end_and_the_middle_of_text() {
        assert_eq!(replace_terms("Jayden was seen.", &jayden()), "Child A was seen.");
        assert_eq!(replace_terms("We saw Jayden", &jayden()), "We saw Child A");
        assert_eq!(replace_terms("Jayden", &jayden()), "Child A");
        assert_eq!(replace_terms("School said Jayden was tired", &jayden()), "School said Child A was tired");
    }

    #[test]
    fn a_name_next_to_punctuation_and_line_breaks_is_replaced() {
        assert_eq!(
            replace_terms("(Jayden), \"Jayden\"; Jayden!\nJayden?\tJayden-", &jayden()),
            "(Child A), \"Child A\"; Child A!\nChild A?\tChild A-"
        );
    }

    #[test]
    fn possessives_keep_their_apostrophe() {
        assert_eq!(replace_terms("Jayden's school", &jayden()), "Child A's school");
        assert_eq!(replace_terms("Jayden’s school", &jayden()), "Child A’s school");
        assert_eq!(replace_terms("the Smiths' house", &list(&[("Smiths", "Family A")])), "the Family A' house");
    }

    #[test]
    fn any_capitals_match() {
        assert_eq!(replace_terms("JAYDEN, jayden and JayDen", &jayden()), "Child A, Child A and Child A");
        assert_eq!(replace_terms("Siân and SIÂN", &list(&[("siân", "Mother")])), "Mother and Mother");
    }

    #[test]
    fn a_name_inside_another_word_is_left_alone() {
        let t = list(&[("Ann", "Mother"), ("Ed", "Father")]);
        assert_eq!(replace_terms("Annual review planned; Joanne edited it", &t), "Annual review planned; Joanne edited it");
        assert_eq!(replace_terms("Ann called Ed", &t), "Mother called Father");
        assert_eq!(replace_terms("Jaydens", &jayden()), "Jaydens");
        assert_eq!(replace_terms("MacJayden", &jayden()), "MacJayden");
        assert_eq!(replace_terms("Jayden2", &jayden()), "Jayden2");
    }

    #[test]
    fn multi_word_names_match_across_any_spacing() {
        let t = list(&[("Jayden Smith", "Child A")]);
        assert_eq!(replace_terms("Jayden  Smith and Jayden\nSmith", &t), "Child A and Child A");
        assert_eq!(replace_terms("Jayden went to Smith's", &t), "Jayden went to Smith's");
    }

    #[test]
    fn the_longest_listed_term_wins_where_terms_overlap() {
        let t = list(&[("Jayden", "Child A"), ("Smith", "[family name]"), ("Jayden Smith", "Child A"), ("Mrs Smith", "Mother")]);
        assert_eq!(
            replace_terms("Jayden Smith lives with Mrs Smith; Jayden likes Mr Smith", &t),
            "Child A lives with Mother; Child A likes Mr [family name]"
        );
    }

    #[test]
    fn replacements_are_not_replaced_again() {
        let t = list(&[("Kerry", "Mother"), ("Mother", "Parent")]);
        assert_eq!(replace_terms("Kerry's mother", &t), "Mother's Parent");
    }

    #[test]
    fn everyday_words_change_only_when_listed() {
        let text = "We hope Hope will be seen. Will said so.";
        assert_eq!(replace_terms(text, &jayden()), text);
        assert_eq!(replace_terms(text, &list(&[("Hope", "Child B")])), "We Child B Child B will be seen. Will said so.");
        assert_eq!(replace_terms(text, &list(&[("Will", "Father")])), "We hope Hope Father be seen. Father said so.");
    }

    #[test]
    fn blank_and_repeated_terms_are_ignored() {
        let t = list(&[("  ", "x"), ("Jayden", "Child A"), ("JAYDEN", "Someone else")]);
        assert_eq!(replace_terms("Jayden and  ", &t), "Child A and  ");
    }

    #[test]
    fn a_place_can_be_removed_without_leaving_stray_spaces() {
        let t = list(&[("Salford", ""), ("Eccles Road", PLACE_PLACEHOLDER)]);
        assert_eq!(replace_terms("He lives in Salford, near Eccles Road.", &t), "He lives in, near [place].");
        assert_eq!(replace_terms("Salford school", &t), " school");
    }

    #[test]
    fn names_with_apostrophes_and_hyphens_match_whole() {
        let t = list(&[("O'Brien", "Father"), ("Smith-Jones", "Mother")]);
        assert_eq!(replace_terms("Mr O’Brien and Ms Smith-Jones", &t), "Father and Mother");
    }

    #[test]
    fn a_title_goes_with_the_name_a_role_replaces() {
        let t = list(&[("Patel", "the team manager"), ("Hughes", "Police officer"), ("Smith", DEFAULT_FAMILY_NAME)]);
        assert_eq!(
            replace_terms("Mrs Patel met PC Hughes and Mr. Smith; Patel agreed.", &t),
            "the team manager met Police officer and Mr. [family name]; the team manager agreed."
        );
    }

    fn at() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 2, 1, 9, 0, 0).unwrap()
    }

    fn discussion() -> Review {
        let mut r = Review::new(Uuid::from_u128(1), ReviewKind::CaseDiscussion, at());
        r.rename("Jayden Smith rapid review", at());
        r.edit_case_discussion(at(), |cd| {
            cd.header.child_name = "Jayden Smith".into();
            cd.header.facilitator = "Priya Patel".into();
            cd.header.attendees.push(Attendee {
                id: 1,
                name: "Sarah Jones".into(),
                role: "Health visitor".into(),
                agency: "Salford NHS".into(),
                second_hat: String::new(),
                ..Default::default()
            });
            cd.about_child = "Jayden's mum says Jayden loves the park in Salford. Sarah visits weekly.".into();
            cd.add_worry("Jayden missed school");
        });
        r.delete_by = chrono::NaiveDate::from_ymd_opt(2030, 1, 1);
        r.unknown.insert("future".into(), serde_json::json!("Jayden"));
        r
    }

    #[test]
    fn suggestions_come_from_the_names_the_review_records() {
        let s = suggested_replacements(&discussion());
        assert_eq!(
            s.replacements,
            list(&[
                ("Jayden Smith", DEFAULT_CHILD_PSEUDONYM),
                ("Jayden", DEFAULT_CHILD_PSEUDONYM),
                ("Smith", DEFAULT_FAMILY_NAME),
                ("Sarah Jones", "Health visitor"),
                ("Sarah", "Health visitor"),
                ("Priya Patel", "the facilitator"),
                // Found by the hints in the text.
                ("Priya", NAME_PLACEHOLDER),
                ("Patel", NAME_PLACEHOLDER),
                ("Jones", NAME_PLACEHOLDER),
                ("Salford", PLACE_PLACEHOLDER),
            ])
        );
        assert!(s.everyday_words_left_out.is_empty());
    }

    #[test]
    fn suggestions_leave_out_everyday_words_and_pseudonyms() {
        let mut r = Review::new(Uuid::from_u128(1), ReviewKind::CaseDiscussion, at());
        r.edit_case_discussion(at(), |cd| {
            cd.header.child_name = "Hope Will".into();
            cd.header.attendees.push(Attendee { id: 1, name: "Rose".into(), ..Default::default() });
        });
        let s = suggested_replacements(&r);
        assert_eq!(s.replacements, list(&[("Hope Will", DEFAULT_CHILD_PSEUDONYM)]));
        assert_eq!(s.everyday_words_left_out, vec!["Hope", "Will", "Rose"]);

        let mut pseudonymous = Review::new(Uuid::from_u128(2), ReviewKind::CaseDiscussion, at());
        pseudonymous.edit_case_discussion(at(), |cd| cd.header.child_name = "Child J".into());
        assert!(suggested_replacements(&pseudonymous).replacements.is_empty());
        let lt = Review::new(Uuid::from_u128(3), ReviewKind::LearningTogether, at());
        assert_eq!(suggested_replacements(&lt), Suggestions::default());
    }

    #[test]
    fn a_learning_together_copy_starts_with_every_detail_the_hints_found() {
        let mut r = Review::new(Uuid::from_u128(4), ReviewKind::LearningTogether, at());
        r.edit_learning_together(at(), |lt| {
            lt.family_pseudonym = "the Green family".into();
            let mum = lt.add_family_member("Mother", "Kerry");
            let _ = mum;
            lt.scope = "Kerry moved to Leeds. Mrs Patel and PC Hughes visited 12 Acacia Avenue, LS6 2AB.".into();
            lt.add_event("Sarah Jones called the Independent Reviewing Officer", DateOrPeriod::default()).unwrap();
        });
        let s = suggested_replacements(&r);
        let terms: Vec<(&str, &str)> = s.replacements.iter().map(|x| (x.term.as_str(), x.with.as_str())).collect();
        for expected in [
            ("Leeds", PLACE_PLACEHOLDER),
            ("Patel", NAME_PLACEHOLDER),
            ("Hughes", NAME_PLACEHOLDER),
            ("12 Acacia Avenue", ADDRESS_PLACEHOLDER),
            ("LS6 2AB", POSTCODE_PLACEHOLDER),
            ("Sarah Jones", NAME_PLACEHOLDER),
        ] {
            assert!(terms.contains(&expected), "{expected:?} missing from {terms:?}");
        }
        assert!(!terms.iter().any(|(t, _)| ["Kerry", "Green", "Independent Reviewing Officer"].contains(t)), "{terms:?}");
        let placeholders = anonymise(&r, &s.replacements, Uuid::from_u128(5)).review;
        assert_eq!(
            placeholders.learning_together().unwrap().scope,
            "Kerry moved to [place]. Mrs [name] and PC [name] visited [address], [postcode]."
        );
        // The team writes each person's role in place of the placeholder: the title goes too.
        let mut list = s.replacements.clone();
        for r in &mut list {
            match r.term.as_str() {
                "Patel" => r.with = "the team manager".into(),
                "Hughes" => r.with = "a police officer".into(),
                _ => {}
            }
        }
        let copy = anonymise(&r, &list, Uuid::from_u128(5)).review;
        assert_eq!(
            copy.learning_together().unwrap().scope,
            "Kerry moved to [place]. the team manager and a police officer visited [address], [postcode]."
        );
    }

    #[test]
    fn the_copy_names_people_by_role_and_leaves_the_review_unchanged() {
        let original = discussion();
        let before = original.clone();
        let terms = suggested_replacements(&original).replacements;
        let out = anonymise(&original, &terms, Uuid::from_u128(99));
        assert_eq!(original, before);
        let copy = &out.review;
        assert_eq!(copy.id, Uuid::from_u128(99));
        assert_eq!(copy.title, "Child A rapid review");
        let cd = copy.case_discussion().unwrap();
        assert_eq!(cd.header.child_name, "Child A");
        assert_eq!(cd.header.facilitator, FACILITATOR_ROLE);
        assert_eq!(cd.header.attendees[0].name, "");
        assert_eq!(cd.header.attendees[0].role, "Health visitor");
        assert_eq!(cd.header.attendees[0].agency, "[place] NHS");
        assert_eq!(cd.about_child, "Child A's mum says Child A loves the park in [place]. Health visitor visits weekly.");
        assert_eq!(cd.worries[0].text, "Child A missed school");
        assert!(copy.unknown.is_empty());
        assert_eq!(copy.delete_by, None);
        assert_eq!(copy.last_exported, None);
        assert_eq!(out.child_name_left_in, None);
        // Jayden Smith: title and child's name; Jayden: about (2) and worry; Salford: agency and about.
        assert_eq!(out.counts, vec![2, 3, 0, 0, 1, 0, 0, 0, 0, 2]);
    }

    #[test]
    fn the_preview_shows_each_changed_passage_before_and_after() {
        let out = anonymise(&discussion(), &jayden(), Uuid::from_u128(2));
        let about = out.changes.iter().find(|c| c.place == "About the child").unwrap();
        assert_eq!(about.before, "Jayden's mum says Jayden loves the park in Salford. Sarah visits weekly.");
        assert_eq!(about.after, "Child A's mum says Child A loves the park in Salford. Sarah visits weekly.");
        let worry = out.changes.iter().find(|c| c.place == "What are we worried about").unwrap();
        assert_eq!((worry.before.as_str(), worry.after.as_str()), ("Jayden missed school", "Child A missed school"));
    }

    #[test]
    fn a_long_passage_is_previewed_around_its_first_change_in_whole_words() {
        let text = format!("{} Jayden's notes {}", "word ".repeat(60), "more ".repeat(60));
        let terms = jayden();
        let m = Matcher::new(&terms);
        let (before, after) = m.preview(&text, &m.find(&text));
        assert!(before.starts_with("…word "), "{before}");
        assert!(before.contains("Jayden's notes"));
        assert!(before.ends_with(" more…"), "{before}");
        assert_eq!(after, before.replace("Jayden", "Child A"));
    }

    #[test]
    fn a_preview_never_cuts_a_name_in_half() {
        let text = format!("{}Jayden {} Jayden Smith{}", "y ".repeat(120), "x".repeat(34), " z".repeat(50));
        let t = list(&[("Jayden", "A"), ("Jayden Smith", "B")]);
        let m = Matcher::new(&t);
        let found = m.find(&text);
        let (before, after) = m.preview(&text, &found);
        assert!(before.ends_with("Jayden Smith…"), "{before}");
        assert!(after.ends_with(" B…"), "{after}");
    }

    #[test]
    fn an_uncovered_childs_name_is_reported() {
        let out = anonymise(&discussion(), &list(&[("Salford", "")]), Uuid::from_u128(2));
        assert_eq!(out.child_name_left_in.as_deref(), Some("Jayden Smith"));
    }

    /// Every text field of both methods filled with a name: the copy must hold none of it.
    /// Also checks the filled review covers every text field the model writes, so a field
    /// added later without being anonymised fails here.
    #[test]
    fn no_text_field_of_either_method_keeps_a_listed_name() {
        for fixture in [full_case_discussion(), full_learning_together(), full_preparation()] {
            let review: Review = serde_json::from_value(fixture).unwrap();
            let written = serde_json::to_value(&review).unwrap();
            let mut uncovered = Vec::new();
            string_leaves(&written, "", &mut |path, text| {
                if !NOT_FREE_TEXT.iter().any(|k| path.ends_with(k) || path.contains(&format!("{k}["))) && !text.contains("Jayden")
                    && text != crate::model::narrative::FAMILY_VIEW_KEY
                {
                    uncovered.push(path.to_string());
                }
            });
            assert!(uncovered.is_empty(), "text fields the fixture leaves without the name: {uncovered:?}");

            let out = anonymise(&review, &jayden(), Uuid::from_u128(5));
            let copy = serde_json::to_value(&out.review).unwrap();
            let mut left = Vec::new();
            string_leaves(&copy, "", &mut |path, text| {
                if text.to_lowercase().contains("jayden") {
                    left.push(path.to_string());
                }
            });
            assert!(left.is_empty(), "the name is still at {left:?}");
        }
    }

    /// Strings the model writes that are not free text: ids, dates, and method terms.
    const NOT_FREE_TEXT: &[&str] = &[
        ".id", ".created", ".updated", ".last_exported", ".delete_by", ".date", ".by_when", ".due",
        ".date_of_referral", ".date_of_discussion", ".marked_as", ".status", ".attendance", ".done_on", ".appraisal", ".pattern_types",
        ".category", ".level", ".citations",
    ];

    fn string_leaves(v: &serde_json::Value, path: &str, f: &mut dyn FnMut(&str, &str)) {
        match v {
            serde_json::Value::String(s) => f(path, s),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    string_leaves(item, &format!("{path}[{i}]"), f);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    // Stage statuses are method terms keyed by stage.
                    if path.ends_with(".stages") {
                        continue;
                    }
                    string_leaves(item, &format!("{path}.{k}"), f);
                }
            }
            _ => {}
        }
    }

    fn full_case_discussion() -> serde_json::Value {
        let node = |t: &str| serde_json::json!({"id": 1, "text": t, "children": [{"id": 2, "text": "Jayden deep", "children": []}]});
        serde_json::json!({
            "id": "00000000-0000-0000-0000-000000000001", "title": "Jayden",
            "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "body": {"case_discussion": {
                "header": {"child_name": "Jayden", "facilitator": "Jayden", "focal_question": "Jayden",
                    "attendees": [{"id": 1, "name": "Jayden", "role": "Jayden", "agency": "Jayden", "second_hat": "Jayden"}]},
                "facts": [{"id": 2, "text": "Jayden", "source": "Jayden"}],
                "about_child": "Jayden",
                "immediate_thoughts": [{"id": 3, "text": "Jayden", "marked_as": "fact"}],
                "tree": {"focal_point": "Jayden", "effects": [node("Jayden effect")], "causes": [node("Jayden cause")],
                    "parked": [{"id": 9, "text": "Jayden parked", "children": []}]},
                "worries": [{"id": 4, "text": "Jayden"}], "strengths": [{"id": 5, "text": "Jayden"}],
                "information_gaps": [{"id": 6, "what": "Jayden", "who": "Jayden", "by_when": "2026-02-01"}],
                "people_to_involve": [{"id": 7, "who": "Jayden", "why": "Jayden"}],
                "actions": [{"id": 8, "action": "Jayden", "who_by": "Jayden", "due": "2026-02-01",
                    "how_we_will_know": "Jayden", "difference_for_child": "Jayden", "lead_agency": "Jayden"}],
                "outcome": {"agreement": "Jayden", "dissent": "Jayden"}
            }}
        })
    }

    fn full_preparation() -> serde_json::Value {
        serde_json::json!({
            "id": "00000000-0000-0000-0000-000000000003", "title": "Jayden",
            "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "body": {"preparation": {
                "role": "Jayden", "agency": "Jayden",
                "notes": {"parts": {"overview": {"notes": "Jayden", "answers": {"1": "Jayden"}}},
                          "factors": {"family": "Jayden"}},
                "turning_points": [{"text": "Jayden", "date_or_period": {"date": "2026-01-01", "period": "Jayden"}}]
            }}
        })
    }

    fn full_learning_together() -> serde_json::Value {
        let when = serde_json::json!({"date": null, "period": "Jayden's summer"});
        serde_json::json!({
            "id": "00000000-0000-0000-0000-000000000002", "title": "Jayden",
            "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "body": {"learning_together": {
                "family_pseudonym": "Jayden", "scope": "Jayden",
                "participants": [{"id": 1, "role": "Jayden", "agency": "Jayden", "is_family_member": true, "pseudonym": "Jayden"}],
                "review_team": [{"id": 2, "role": "Jayden"}],
                "letters": {"introductory_letter": "Jayden", "conversation_explanation": "Jayden",
                    "family_letter": "Jayden", "contact": "Jayden", "signed_by": "Jayden"},
                "conversations": [{"id": 3, "participant_id": 1, "notes": {
                    "parts": {"overview": {"notes": "Jayden", "answers": {"1": "Jayden"}}},
                    "factors": {"family": "Jayden"}},
                    "turning_points": [{"id": 4, "text": "Jayden", "date_or_period": when,
                        "preparation": {"role": "Jayden", "agency": "Jayden"}}],
                    "preparations": [{"role": "Jayden", "agency": "Jayden"}]}],
                "narrative_events": [{"id": 5, "date_or_period": when, "what_happened": "Jayden",
                    "views": [{"agency": "Jayden", "view": "Jayden"}, {"agency": "#family", "view": "Jayden's mother"}]}],
                "episodes": [{"id": 6, "episode": "Jayden", "date_or_period": when, "roles_involved": ["Jayden"],
                    "what_happened": "Jayden", "why_it_made_sense": "Jayden"}],
                "factors": [{"id": 7, "category": "family", "text": "Jayden"}],
                "findings": [{"id": 8, "statement": "Jayden", "pattern_types": ["human_tool_operation"],
                    "how_it_showed_in_this_case": "Jayden", "evidence_it_is_wider": "Jayden",
                    "why_it_matters": "Jayden", "issues_for_the_board": ["Jayden"]}],
                "recommendations": [{"id": 9, "text": "Jayden"}],
                "summary": "Jayden", "methodology": "Jayden", "case_summary": "Jayden", "acknowledgements": "Jayden",
                "documents": [{"id": 10, "title": "Jayden", "agency": "Jayden", "date_or_period": when, "why_chosen": "Jayden"}],
                "chronology_entries": [{"id": 11, "date_or_period": when, "agency": "Jayden", "what_happened": "Jayden", "source": 10}],
                "citations": ["6>10"]
            }}
        })
    }
}
