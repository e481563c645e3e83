//! The agency check answers the tool's assurance question "Are key people from the right
//! agencies present for the discussion?" It reads the agencies named in the facts, in the
//! section about the child, among the attendees and in the actions, compares them with the
//! people actually taking part (in the room or by phone, including anyone "wearing two
//! hats"), and says plainly which agency is not represented, with the tool's advice on how
//! to mitigate the gap.

use super::case_discussion::{Attendance, CaseDiscussion};

/// The tool's advice when an agency is missing, in its own words.
pub const MISSING_AGENCY_ADVICE: &str = "Having a gap in the knowledge and viewpoints in the discussion can result in flawed hypotheses and outcomes. Ways to mitigate include perhaps including someone via phone/conference call, or if there is someone present who understands the missing area, to ‘wear two hats’.";

/// The agencies the check recognises, each with the words that name it in everyday
/// writing ("PC", "health visitor", "DSL"...). Matching is by whole words, any capitals.
pub const KNOWN_AGENCIES: &[(&str, &[&str])] = &[
    ("Police", &["police", "constabulary", "detective", "officer in the case", "pc", "dc", "ds", "cid", "public protection unit", "ppu"]),
    ("Children's social care", &["children's social care", "csc", "social worker", "children's services", "mash", "multi agency safeguarding hub", "children in need"]),
    ("Health", &["health", "health visitor", "health visiting", "gp", "nhs", "midwife", "midwifery", "hospital", "school nurse", "paediatrician", "paediatric", "camhs", "a&e", "emergency department"]),
    ("Education", &["school", "schools", "teacher", "head teacher", "headteacher", "college", "nursery", "education", "designated safeguarding lead", "dsl", "attendance officer"]),
    ("Housing", &["housing", "housing officer", "landlord", "housing association"]),
    ("Probation", &["probation"]),
    ("Youth justice", &["youth justice", "yot", "youth offending"]),
    ("Adult social care", &["adult social care", "adult services", "adult social worker"]),
    ("Early help", &["early help"]),
    ("Substance misuse service", &["substance misuse", "drug and alcohol service", "drug service", "alcohol service"]),
    ("Domestic abuse service", &["domestic abuse service", "idva", "refuge"]),
];

/// Where in the discussion an agency was named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NamedIn {
    Facts,
    AboutTheChild,
    Attendees,
    Actions,
}

impl NamedIn {
    /// How the place reads in a sentence: "named in the facts".
    pub fn words(self) -> &'static str {
        match self {
            NamedIn::Facts => "the facts",
            NamedIn::AboutTheChild => "the section about the child",
            NamedIn::Attendees => "the list of attendees",
            NamedIn::Actions => "the actions",
        }
    }
}

/// An agency taking part, and who speaks for it.
#[derive(Clone, Debug, PartialEq)]
pub struct RepresentedAgency {
    pub agency: String,
    /// "Health visitor (by phone)", "Teacher (wearing two hats)".
    pub by: Vec<String>,
}

/// An agency named in the discussion that nobody taking part speaks for.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingAgency {
    pub agency: String,
    pub named_in: Vec<NamedIn>,
    /// Attendees of this agency who sent their apologies.
    pub apologies: Vec<String>,
}

impl MissingAgency {
    /// The plain sentence shown on the board and printed in the notes, e.g.
    /// "Police: not represented. Named in the facts and the actions."
    pub fn sentence(&self) -> String {
        let places: Vec<&str> = self.named_in.iter().map(|n| n.words()).collect();
        let mut s = format!("{}: not represented. Named in {}", self.agency, join_and(&places));
        if self.apologies.is_empty() {
            s.push('.');
        } else {
            s.push_str(&format!("; apologies from {}.", join_and(&self.apologies.iter().map(String::as_str).collect::<Vec<_>>())));
        }
        s
    }
}

/// The answer to "are key people from the right agencies present?".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgencyCheck {
    pub represented: Vec<RepresentedAgency>,
    pub missing: Vec<MissingAgency>,
}

impl AgencyCheck {
    /// The missing agencies in one line: "Police, Housing".
    pub fn missing_names(&self) -> String {
        self.missing.iter().map(|m| m.agency.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// Lower case, curly quotes straightened, everything but letters, digits, `'` and `&`
/// turned into spaces, and padded with spaces so whole words can be found with `contains`.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        };
        if c.is_alphanumeric() || c == '\'' || c == '&' {
            out.extend(c.to_lowercase());
        } else {
            out.push(' ');
        }
    }
    out.push(' ');
    // Collapse runs of spaces so "social  worker" still matches.
    let mut collapsed = String::with_capacity(out.len());
    for c in out.chars() {
        if !(c == ' ' && collapsed.ends_with(' ')) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// The known agencies a piece of text names, in the order of [`KNOWN_AGENCIES`].
pub fn agencies_named_in(text: &str) -> Vec<&'static str> {
    let t = normalise(text);
    KNOWN_AGENCIES
        .iter()
        .filter(|(_, words)| words.iter().any(|w| t.contains(&normalise(w))))
        .map(|(name, _)| *name)
        .collect()
}

/// What an agency written by hand stands for: a known agency when the words name one
/// (the first, so "School nurse (NHS)" counts as Health), or the words as written.
fn canonical(agency: &str) -> Option<String> {
    let trimmed = agency.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(agencies_named_in(trimmed).first().map(|s| s.to_string()).unwrap_or_else(|| trimmed.to_string()))
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.iter().any(|x| x.eq_ignore_ascii_case(&item)) {
        list.push(item);
    }
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl CaseDiscussion {
    /// Compares the agencies named anywhere in the discussion with those taking part.
    pub fn agency_check(&self) -> AgencyCheck {
        let mut represented: Vec<RepresentedAgency> = Vec::new();
        let mut apologies: Vec<(String, String)> = Vec::new();
        for a in &self.header.attendees {
            let who = if a.role.trim().is_empty() { a.name.trim().to_string() } else { a.role.trim().to_string() };
            let who = if who.is_empty() { "an attendee".to_string() } else { who };
            // The agency field first; the role when no agency is written ("Health visitor").
            let own = canonical(&a.agency).or_else(|| agencies_named_in(&a.role).first().map(|s| s.to_string()));
            let hats = canonical(&a.second_hat);
            if a.attendance == Attendance::Apologies {
                if let Some(agency) = own {
                    apologies.push((agency, who));
                }
                continue;
            }
            let phone = if a.attendance == Attendance::ByPhone { " (by phone)" } else { "" };
            for (agency, how) in [(own, phone.to_string()), (hats, format!("{phone} (wearing two hats)"))] {
                let Some(agency) = agency else { continue };
                let label = format!("{who}{how}");
                match represented.iter_mut().find(|r| r.agency.eq_ignore_ascii_case(&agency)) {
                    Some(r) => r.by.push(label),
                    None => represented.push(RepresentedAgency { agency, by: vec![label] }),
                }
            }
        }

        let mut named: Vec<(String, Vec<NamedIn>)> = Vec::new();
        let mut note = |agency: String, place: NamedIn| match named.iter_mut().find(|(a, _)| a.eq_ignore_ascii_case(&agency)) {
            Some((_, places)) => {
                if !places.contains(&place) {
                    places.push(place)
                }
            }
            None => named.push((agency, vec![place])),
        };
        for f in &self.facts {
            for a in agencies_named_in(&format!("{} \n {}", f.text, f.source)) {
                note(a.to_string(), NamedIn::Facts);
            }
        }
        for a in agencies_named_in(&self.about_child) {
            note(a.to_string(), NamedIn::AboutTheChild);
        }
        for (agency, _) in &apologies {
            note(agency.clone(), NamedIn::Attendees);
        }
        for act in &self.actions {
            let mut found: Vec<String> = Vec::new();
            if let Some(lead) = canonical(&act.lead_agency) {
                push_unique(&mut found, lead);
            }
            for a in agencies_named_in(&act.who_by) {
                push_unique(&mut found, a.to_string());
            }
            for a in found {
                note(a, NamedIn::Actions);
            }
        }

        let mut missing: Vec<MissingAgency> = named
            .into_iter()
            .filter(|(agency, _)| !represented.iter().any(|r| r.agency.eq_ignore_ascii_case(agency)))
            .map(|(agency, mut named_in)| {
                named_in.sort();
                let apologies = apologies.iter().filter(|(a, _)| a.eq_ignore_ascii_case(&agency)).map(|(_, who)| who.clone()).collect();
                MissingAgency { agency, named_in, apologies }
            })
            .collect();
        // The known agencies in their usual order, then any others.
        let rank = |a: &str| KNOWN_AGENCIES.iter().position(|(n, _)| n.eq_ignore_ascii_case(a)).unwrap_or(usize::MAX);
        missing.sort_by_key(|m| rank(&m.agency));
        AgencyCheck { represented, missing }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn child_a() -> CaseDiscussion {
        let mut cd = CaseDiscussion::default();
        cd.add_attendee("Sam", "Social worker", "Children's social care");
        cd.add_attendee("Priya", "Health visitor", "NHS community health");
        cd.add_attendee("Jo", "Designated safeguarding lead", "Northside Primary School");
        cd.add_fact("Police domestic abuse report, 12 March", "Greater Manchester Police").unwrap();
        cd.add_fact("Referral form", "MASH").unwrap();
        cd
    }

    #[test]
    fn words_are_matched_whole_and_in_any_capitals() {
        assert_eq!(agencies_named_in("Report from the POLICE"), vec!["Police"]);
        assert_eq!(agencies_named_in("Policeman's ball"), Vec::<&str>::new());
        assert_eq!(agencies_named_in("GP letter"), vec!["Health"]);
        assert_eq!(agencies_named_in("a GPS tracker"), Vec::<&str>::new());
        assert_eq!(agencies_named_in("Children’s Social Care chronology"), vec!["Children's social care"]);
    }

    #[test]
    fn an_agency_named_in_the_facts_but_absent_is_missing() {
        let check = child_a().agency_check();
        assert_eq!(check.missing_names(), "Police");
        assert_eq!(check.missing[0].named_in, vec![NamedIn::Facts]);
        assert_eq!(check.missing[0].sentence(), "Police: not represented. Named in the facts.");
        let names: Vec<&str> = check.represented.iter().map(|r| r.agency.as_str()).collect();
        assert_eq!(names, vec!["Children's social care", "Health", "Education"]);
    }

    #[test]
    fn joining_by_phone_or_wearing_two_hats_counts_as_represented() {
        let mut cd = child_a();
        let dc = cd.add_attendee("", "Detective constable", "Police");
        cd.set_attendance(dc, Attendance::ByPhone);
        let check = cd.agency_check();
        assert!(check.missing.is_empty());
        let police = check.represented.iter().find(|r| r.agency == "Police").unwrap();
        assert_eq!(police.by, vec!["Detective constable (by phone)".to_string()]);

        let mut cd = child_a();
        let sam = cd.header.attendees[0].id;
        cd.set_second_hat(sam, "police");
        assert!(cd.agency_check().missing.is_empty());
    }

    #[test]
    fn apologies_do_not_represent_an_agency_and_are_said() {
        let mut cd = child_a();
        let dc = cd.add_attendee("", "Police constable", "Police");
        cd.set_attendance(dc, Attendance::Apologies);
        let check = cd.agency_check();
        assert_eq!(check.missing[0].named_in, vec![NamedIn::Facts, NamedIn::Attendees]);
        assert_eq!(
            check.missing[0].sentence(),
            "Police: not represented. Named in the facts and the list of attendees; apologies from Police constable."
        );
    }

    #[test]
    fn agencies_in_the_child_section_and_the_actions_are_checked_too() {
        let mut cd = child_a();
        cd.about_child = "Lives with mum in temporary housing.".into();
        let a = cd.add_action("Share the housing history");
        cd.set_action_lead_agency(a, "Probation");
        let check = cd.agency_check();
        assert_eq!(check.missing_names(), "Police, Housing, Probation");
        assert_eq!(check.missing[1].named_in, vec![NamedIn::AboutTheChild]);
        assert_eq!(check.missing[2].named_in, vec![NamedIn::Actions]);
    }

    #[test]
    fn an_agency_the_list_does_not_know_is_compared_as_written() {
        let mut cd = CaseDiscussion::default();
        let a = cd.add_action("Offer a carers' assessment");
        cd.set_action_lead_agency(a, "Young Carers Project");
        assert_eq!(cd.agency_check().missing_names(), "Young Carers Project");
        cd.add_attendee("", "Project worker", "young carers project");
        assert!(cd.agency_check().missing.is_empty());
    }
}
