//! Identifying details are words that look like a real person's name, a street address or
//! a postcode, written where a review expects roles and pseudonyms instead. Learning
//! Together identifies professionals by role and agency only and the family by pseudonyms,
//! so the app points such words out as the team writes. It can only guess from the shape
//! of the words (capitals, titles such as "Mrs", street words, postcode patterns), so it
//! helps and never blocks: the writer decides.

/// What kind of field the text is in, which changes what looks out of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Notes, descriptions and other free text: a full name or an address stands out.
    FreeText,
    /// A role ("Health visitor"): any name stands out, even a single one.
    Role,
    /// A pseudonym ("Child A", "Kerry"): a first name is expected, a full name is not.
    Pseudonym,
}

/// What the words look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailKind {
    PersonName,
    Address,
    Postcode,
    /// A town, city or county: Appendix 2 promises no geographic location in the public
    /// report.
    Place,
}

/// One place in a text that looks like an identifying detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentifyingDetail {
    /// Byte offsets: `&text[start..end]` is the detail as written.
    pub start: usize,
    pub end: usize,
    pub kind: DetailKind,
}

impl IdentifyingDetail {
    /// What the app says about it, given the words as written.
    pub fn message(&self, words: &str, field: FieldKind) -> String {
        match (self.kind, field) {
            (DetailKind::PersonName, FieldKind::Role) => format!(
                "\u{201c}{words}\u{201d} looks like a name. Participants are identified by role and agency only."
            ),
            (DetailKind::PersonName, FieldKind::Pseudonym) => format!(
                "\u{201c}{words}\u{201d} looks like a full name. A pseudonym is usually a first name that is not their own, or \u{201c}Child A\u{201d}."
            ),
            (DetailKind::PersonName, FieldKind::FreeText) => format!(
                "\u{201c}{words}\u{201d} looks like a real name or place. Use the pseudonym or the person\u{2019}s role, unless it is an agency."
            ),
            (DetailKind::Address, _) => {
                format!("\u{201c}{words}\u{201d} looks like an address. Leave out where the family lives.")
            }
            (DetailKind::Postcode, _) => {
                format!("\u{201c}{words}\u{201d} looks like a postcode. Leave out where the family lives.")
            }
            (DetailKind::Place, _) => format!(
                "\u{201c}{words}\u{201d} is a place name. The public report does not mention where the case happened."
            ),
        }
    }
}

/// Titles that come before a surname.
pub const TITLES: &[&str] =
    &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "pc", "dc", "ds", "di", "sgt", "insp", "cllr", "rev", "sir", "dame"];

/// Towns, cities and counties of the UK that a review is likely to mention: a place name
/// in the notes is pointed out, since the public report names no geographic location.
/// Only names that are not also everyday words are listed.
const PLACES: &[&str] = &[
    "aberdeen", "barnsley", "basildon", "bedford", "belfast", "birkenhead", "birmingham", "blackburn",
    "blackpool", "bolton", "bournemouth", "bradford", "brighton", "bristol", "burnley", "cambridge",
    "cardiff", "carlisle", "chelmsford", "cheltenham", "chester", "colchester", "coventry", "crawley",
    "croydon", "darlington", "derby", "doncaster", "dudley", "dundee", "durham", "edinburgh", "exeter",
    "gateshead", "glasgow", "gloucester", "grimsby", "guildford", "halifax", "harrogate", "hartlepool",
    "huddersfield", "hull", "ipswich", "kirklees", "lancaster", "leeds", "leicester", "lincoln", "liverpool",
    "london", "luton", "manchester", "middlesbrough", "newcastle", "newport", "northampton",
    "norwich", "nottingham", "oldham", "oxford", "peterborough", "plymouth", "portsmouth", "preston",
    "rochdale", "rotherham", "salford", "sheffield", "slough", "solihull", "southampton",
    "southend", "stockport", "stoke", "sunderland", "swansea", "swindon", "tameside", "telford", "trafford",
    "wakefield", "walsall", "warrington", "watford", "wigan", "wolverhampton", "worcester", "york",
    "yorkshire", "lancashire", "cheshire", "merseyside", "kent", "essex", "surrey", "sussex", "devon",
    "cornwall", "norfolk", "suffolk", "cumbria", "northumberland", "derbyshire", "nottinghamshire",
    "leicestershire", "staffordshire", "shropshire", "hertfordshire", "hampshire", "berkshire",
    "oxfordshire", "wiltshire", "somerset", "dorset", "lincolnshire", "warwickshire", "gloucestershire",
];

/// Words that end a street name.
const STREET_WORDS: &[&str] = &[
    "road", "rd", "street", "st", "avenue", "ave", "lane", "close", "drive", "way", "crescent", "gardens",
    "place", "terrace", "grove", "walk", "row", "square", "mews", "hill",
];

/// Capitalised words that are not names: roles, agencies, family relationships, the
/// methods' own words, days and months, and words that start sentences.
const ORDINARY_CAPITALISED: &[&str] = &[
    // Roles.
    "social", "worker", "workers", "health", "visitor", "visitors", "officer", "nurse", "manager", "lead",
    "head", "teacher", "designated", "safeguarding", "midwife", "practitioner", "practitioners",
    "consultant", "paediatrician", "doctor", "gp", "support", "independent", "reviewer", "reviewers",
    "chair", "senior", "principal", "duty", "specialist", "advisor", "adviser", "coordinator",
    "co-ordinator", "therapist", "psychologist", "psychiatrist", "assistant", "deputy", "director",
    "detective", "constable", "sergeant", "inspector", "pc", "ds", "dc", "school", "nursery", "named",
    "team", "key", "personal", "young", "early", "years", "help", "family", "families", "liaison",
    "class", "form", "tutor", "pastoral", "attendance", "mentor", "hv", "sw", "iro", "lado", "dsl", "senco",
    "sendco", "nurse's", "receptionist", "caseworker", "paramedic", "officer's", "staff", "reviewing",
    "visiting", "nursing", "commissioning", "operations", "improvement", "quality", "assurance", "inclusion",
    "engagement", "tenancy", "benefits", "employment", "universal", "credit", "jobcentre", "plus",
    "neighbourhood", "response", "investigation", "investigating", "triage", "intake", "referral",
    "referrals", "hub", "midwifery", "paediatric", "paediatrics", "sister", "matron", "registrar",
    "health-visiting", "iro's", "conference's", "chair's", "officers", "nurses", "managers",
    // Agencies and services.
    "council", "police", "nhs", "trust", "hospital", "services", "service", "board", "partnership",
    "children", "children's", "childrens", "care", "mash", "court", "housing", "probation", "youth",
    "offending", "academy", "primary", "secondary", "college", "practice", "surgery", "unit", "department",
    "centre", "center", "local", "authority", "county", "city", "borough", "ward", "clinic", "mental",
    "adult", "adults", "education", "welfare", "protection", "plan", "conference", "strategy", "meeting",
    "assessment", "emergency", "department", "a&e", "ambulance", "cafcass", "ofsted", "dwp", "camhs",
    "community", "health's", "partners", "agency", "agencies", "multi-agency", "front", "door",
    // Family.
    "child", "mother", "father", "mum", "dad", "step", "stepfather", "stepmother", "grandmother",
    "grandfather", "nan", "grandparent", "grandparents", "sibling", "siblings", "brother", "sister",
    "aunt", "uncle", "carer", "carers", "foster", "baby", "parent", "parents", "partner", "boyfriend",
    "girlfriend", "cousin", "son", "daughter",
    // The methods.
    "learning", "together", "case", "discussion", "review", "reviews", "appendix", "scie", "kpe",
    "finding", "findings", "episode", "part", "stage", "section", "smart", "tool",
    // Time.
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "christmas", "easter", "summer", "autumn", "winter", "spring", "term",
    // Sentence starters and function words.
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "they", "we", "i", "it", "on", "in",
    "at", "when", "after", "before", "then", "there", "here", "his", "her", "their", "our", "my", "your",
    "and", "but", "or", "so", "if", "as", "by", "for", "from", "to", "of", "with", "no", "not", "yes",
    "was", "were", "is", "are", "had", "has", "have", "did", "do", "does", "what", "why", "how", "who",
    "which", "where", "all", "some", "both", "each", "every", "following", "during", "while", "until",
    "also", "however", "although", "because", "since", "once", "later", "earlier", "next", "last", "first",
    "second", "third", "new", "old", "over", "under", "about", "around", "again", "only", "very", "just",
    "english", "british", "uk", "england", "wales", "ok", "another", "one", "two", "three", "several", "many",
    "most", "other", "others", "such", "please", "note", "nobody", "everyone", "someone", "error", "errors",
    "mistake", "mistakes", "failure", "failures", "blame", "fault",
];

#[derive(Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn is_capitalised(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    }

    fn is_ordinary(&self) -> bool {
        let lower = self.lower();
        let base = lower.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        ORDINARY_CAPITALISED.contains(&lower.as_str()) || ORDINARY_CAPITALISED.contains(&base)
    }

    fn is_place(&self) -> bool {
        let lower = self.lower();
        let base = lower.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        PLACES.contains(&base)
    }

    fn is_title(&self) -> bool {
        TITLES.contains(&self.lower().trim_end_matches('.'))
    }
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let part_of_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&');
    for (i, c) in text.char_indices() {
        match (start, part_of_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push_word(text, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

/// Adds a word, without the punctuation that ends a sentence or an abbreviation.
fn push_word<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Word<'a>>) {
    let trimmed = text[start..end].trim_end_matches(['.', '-', '\'', '\u{2019}']);
    let trimmed = trimmed.trim_start_matches(['-', '\'', '\u{2019}', '.']);
    if trimmed.is_empty() {
        return;
    }
    let s = start + text[start..end].find(trimmed).unwrap_or(0);
    out.push(Word { start: s, end: s + trimmed.len(), text: trimmed });
}

/// True when only spaces (no full stop, comma or line break) separate two words.
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

fn is_postcode(word: &str, next: Option<&str>) -> Option<bool> {
    // Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA.
    fn outward(w: &str) -> bool {
        let b = w.as_bytes();
        let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        if !(1..=2).contains(&letters) || b.len() < letters + 1 || b.len() > letters + 2 {
            return false;
        }
        let rest = &b[letters..];
        rest[0].is_ascii_digit() && rest[1..].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    }
    fn inward(w: &str) -> bool {
        let b = w.as_bytes();
        b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
    }
    if outward(word) && next.is_some_and(inward) {
        return Some(true); // two words
    }
    if word.is_ascii() && word.len() >= 5 && word.len() <= 7 {
        let (out, inw) = word.split_at(word.len() - 3);
        if outward(out) && inward(inw) {
            return Some(false); // one word
        }
    }
    None
}

/// Every place in `text` that looks like an identifying detail, in order, not
/// overlapping. Words the review already uses as pseudonyms are never flagged.
pub fn identifying_details(text: &str, field: FieldKind, pseudonyms: &[&str]) -> Vec<IdentifyingDetail> {
    let ws = words(text);
    let known = |w: &Word| pseudonyms.iter().any(|p| p.trim().eq_ignore_ascii_case(w.text.trim_end_matches("'s")));
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // Postcodes.
        if let Some(two_words) = is_postcode(w.text, ws.get(i + 1).map(|n| n.text)) {
            let end = if two_words { ws[i + 1].end } else { w.end };
            out.push(IdentifyingDetail { start: w.start, end, kind: DetailKind::Postcode });
            i += if two_words { 2 } else { 1 };
            continue;
        }
        // A house number and a street: "12 Acacia Avenue".
        if w.text.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.text.len() <= 4 {
            let mut j = i + 1;
            while j < ws.len() && ws[j].is_capitalised() && joined(text, &ws[j - 1], &ws[j]) {
                if STREET_WORDS.contains(&ws[j].lower().trim_end_matches('.')) && j > i + 1 {
                    out.push(IdentifyingDetail { start: w.start, end: ws[j].end, kind: DetailKind::Address });
                    break;
                }
                j += 1;
            }
            if out.last().is_some_and(|d| d.start == w.start) {
                i = j + 1;
                continue;
            }
        }
        // A title and a name: "Mrs Smith".
        let after_title = |n: &Word| n.is_capitalised() && text[w.end..n.start].trim_start_matches('.').chars().all(|c| c == ' ');
        if w.is_title() && ws.get(i + 1).is_some_and(|n| after_title(n) && n.start > w.end) {
            let mut j = i + 1;
            while j + 1 < ws.len() && ws[j + 1].is_capitalised() && !ws[j + 1].is_ordinary() && joined(text, &ws[j], &ws[j + 1]) {
                j += 1;
            }
            out.push(IdentifyingDetail { start: w.start, end: ws[j].end, kind: DetailKind::PersonName });
            i = j + 1;
            continue;
        }
        // A town, city or county.
        if w.is_capitalised() && w.is_place() && !known(&w) {
            out.push(IdentifyingDetail { start: w.start, end: w.end, kind: DetailKind::Place });
            i += 1;
            continue;
        }
        // A run of capitalised words that are not roles, agencies or ordinary words.
        let is_name_word =
            |w: &Word| w.is_capitalised() && !w.is_ordinary() && !w.is_place() && !known(w) && w.text.chars().count() > 1;
        if is_name_word(&w) {
            let mut j = i;
            while j + 1 < ws.len() && is_name_word(&ws[j + 1]) && joined(text, &ws[j], &ws[j + 1]) {
                j += 1;
            }
            // In a role, a lone capitalised word is a name when it is the whole role or
            // comes after the role's first word ("Sarah", "health visitor Sarah"), not
            // when it merely starts the role in sentence case ("Class teacher").
            let whole = text.trim() == &text[w.start..ws[j].end];
            let single_counts = field == FieldKind::Role && (whole || i > 0);
            if j > i || single_counts {
                out.push(IdentifyingDetail { start: w.start, end: ws[j].end, kind: DetailKind::PersonName });
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, field: FieldKind) -> Vec<(&str, DetailKind)> {
        identifying_details(text, field, &["Kerry", "Jayden"])
            .into_iter()
            .map(|d| (&text[d.start..d.end], d.kind))
            .collect()
    }

    #[test]
    fn full_names_and_titles_are_pointed_out_in_free_text() {
        assert_eq!(
            found("The health visitor met Sarah Jones at home.", FieldKind::FreeText),
            vec![("Sarah Jones", DetailKind::PersonName)]
        );
        assert_eq!(found("Spoke to Mrs Patel today", FieldKind::FreeText), vec![("Mrs Patel", DetailKind::PersonName)]);
        assert_eq!(found("Dr. O'Neill-Smith agreed", FieldKind::FreeText), vec![("Dr. O'Neill-Smith", DetailKind::PersonName)]);
    }

    #[test]
    fn roles_agencies_pseudonyms_and_sentence_starts_are_left_alone() {
        for text in [
            "The Social Worker from Children's Services called the Health Visitor.",
            "Kerry told the GP on Monday 3 March that Jayden was unwell.",
            "Child A was seen by the School Nurse. Then Police attended.",
            "Learning Together review, Appendix 3, Case Discussion.",
            "",
        ] {
            assert_eq!(found(text, FieldKind::FreeText), vec![], "{text}");
        }
    }

    #[test]
    fn a_single_name_stands_out_in_a_role_but_not_in_free_text() {
        assert_eq!(found("Sarah", FieldKind::Role), vec![("Sarah", DetailKind::PersonName)]);
        assert_eq!(found("Health visitor", FieldKind::Role), vec![]);
        assert_eq!(found("Designated Safeguarding Lead", FieldKind::Role), vec![]);
        assert_eq!(found("Sarah went home", FieldKind::FreeText), vec![]);
        assert_eq!(found("Class teacher", FieldKind::Role), vec![]);
        assert_eq!(found("Reception teacher", FieldKind::Role), vec![]);
        assert_eq!(found("health visitor Sarah", FieldKind::Role), vec![("Sarah", DetailKind::PersonName)]);
    }

    #[test]
    fn a_full_name_stands_out_where_a_pseudonym_is_expected() {
        assert_eq!(found("Child A", FieldKind::Pseudonym), vec![]);
        assert_eq!(found("Amber", FieldKind::Pseudonym), vec![]);
        assert_eq!(found("Amber Whitfield", FieldKind::Pseudonym), vec![("Amber Whitfield", DetailKind::PersonName)]);
    }

    #[test]
    fn addresses_and_postcodes_are_pointed_out() {
        assert_eq!(
            found("Lives at 12 Acacia Avenue with mum", FieldKind::FreeText),
            vec![("12 Acacia Avenue", DetailKind::Address)]
        );
        assert_eq!(found("Moved to M1 2AB last year", FieldKind::FreeText), vec![("M1 2AB", DetailKind::Postcode)]);
        assert_eq!(found("postcode SW1A1AA.", FieldKind::FreeText), vec![("SW1A1AA", DetailKind::Postcode)]);
        assert_eq!(found("Seen 12 times in 2024", FieldKind::FreeText), vec![]);
    }

    #[test]
    fn names_split_by_punctuation_or_lines_are_not_run_together() {
        assert_eq!(found("Amber. Whitfield", FieldKind::FreeText), vec![]);
        assert_eq!(found("Amber\nWhitfield", FieldKind::FreeText), vec![]);
    }

    #[test]
    fn offsets_are_always_on_character_boundaries() {
        let text = "Émilie Dubois and Zoë Ł went to 5 Rue Lane — M1 2AB’s";
        for d in identifying_details(text, FieldKind::FreeText, &[]) {
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        }
        assert!(found(text, FieldKind::FreeText).contains(&("Émilie Dubois", DetailKind::PersonName)));
    }

    #[test]
    fn role_names_and_benefits_are_not_names() {
        for text in [
            "The Independent Reviewing Officer chaired the meeting.",
            "There were errors in her Universal Credit letter.",
            "Jobcentre Plus sent a letter.",
        ] {
            assert_eq!(found(text, FieldKind::FreeText), vec![], "{text}");
        }
        assert_eq!(found("Independent Reviewing Officer", FieldKind::Role), vec![]);
    }

    #[test]
    fn place_names_and_police_titles_are_pointed_out() {
        assert_eq!(found("The family moved to Leeds in May.", FieldKind::FreeText), vec![("Leeds", DetailKind::Place)]);
        assert_eq!(found("PC Hughes attended", FieldKind::FreeText), vec![("PC Hughes", DetailKind::PersonName)]);
        assert_eq!(found("Leeds City Council", FieldKind::Role), vec![("Leeds", DetailKind::Place)]);
        assert_eq!(found("She was reading a letter", FieldKind::FreeText), vec![], "lower-case words are not places");
    }
}
