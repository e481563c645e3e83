//! The narrative of multi-agency perspectives is the story of the case told from every
//! side: events in the order they happened, and for each, how each agency involved saw it.
//! It lets the review team and the participants see where views differed before the key
//! practice episodes are drawn out. The family's own view of an event sits beside the
//! agencies' (children and families are participants in the system, not outside it): it is
//! kept among the views under a reserved name no agency is given ([`FAMILY_VIEW_KEY`]).

use serde::{Deserialize, Serialize};

use super::date_or_period::DateOrPeriod;
use super::learning_together::ItemId;

/// The name the family's view of an event is kept under among the agencies' views. Keeping
/// it there (rather than in a new field of each event) means two laptops that record it
/// merge like any agency's view; no agency is called this, and lists of agencies leave it
/// out ([`is_family_key`]).
pub const FAMILY_VIEW_KEY: &str = "#family";

/// True when an agency name is the family's reserved key, not an agency.
pub fn is_family_key(agency: &str) -> bool {
    agency.trim().eq_ignore_ascii_case(FAMILY_VIEW_KEY)
}

/// How one agency (or, under [`FAMILY_VIEW_KEY`], the family) saw an event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct AgencyView {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub agency: String,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub view: String,
}

/// One event in the narrative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, autosurgeon::Reconcile, autosurgeon::Hydrate)]
#[serde(default)]
pub struct NarrativeEvent {
    #[key]
    #[autosurgeon(missing = "Default::default")]
    pub id: ItemId,
    #[autosurgeon(missing = "Default::default")]
    pub date_or_period: DateOrPeriod,
    #[autosurgeon(with = "crate::model::merge_shape::text")]
    pub what_happened: String,
    /// One view per agency, in the order they were added.
    #[autosurgeon(missing = "Default::default")]
    pub views: Vec<AgencyView>,
}

impl NarrativeEvent {
    /// Records how an agency saw this event, replacing that agency's earlier view (agency
    /// names compared ignoring case and surrounding spaces). The view is kept as typed, so
    /// it can be written live; a blank view removes it.
    pub fn set_view(&mut self, agency: &str, view: &str) {
        let agency = agency.trim();
        let existing = self.views.iter().position(|v| v.agency.trim().eq_ignore_ascii_case(agency));
        match (existing, view.trim().is_empty()) {
            (Some(i), true) => {
                self.views.remove(i);
            }
            (Some(i), false) => self.views[i].view = view.to_string(),
            (None, true) => {}
            (None, false) => {
                self.views.push(AgencyView { agency: agency.to_string(), view: view.to_string() })
            }
        }
    }

    /// How an agency saw this event, if it has said.
    pub fn view_of(&self, agency: &str) -> Option<&str> {
        let agency = agency.trim();
        self.views.iter().find(|v| v.agency.trim().eq_ignore_ascii_case(agency)).map(|v| v.view.as_str())
    }

    /// Records how the family saw this event (kept as typed; blank removes it).
    pub fn set_family_view(&mut self, view: &str) {
        self.set_view(FAMILY_VIEW_KEY, view);
    }

    /// How the family saw this event, if it has been recorded.
    pub fn family_view(&self) -> Option<&str> {
        self.view_of(FAMILY_VIEW_KEY)
    }

    /// The agencies' views of this event, without the family's.
    pub fn agency_views(&self) -> impl Iterator<Item = &AgencyView> {
        self.views.iter().filter(|v| !is_family_key(&v.agency))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_agency_has_one_view_of_an_event() {
        let mut e = NarrativeEvent::default();
        e.set_view("Health", "Routine contact");
        e.set_view("School", "Worried about attendance");
        e.set_view(" health ", "A missed opportunity to ask about home");
        assert_eq!(e.views.len(), 2);
        assert_eq!(e.view_of("HEALTH"), Some("A missed opportunity to ask about home"));
        e.set_view("School", "");
        assert_eq!(e.view_of("School"), None);
        e.set_view("Police", " ");
        assert_eq!(e.views.len(), 1);
    }

    #[test]
    fn the_familys_view_sits_beside_the_agencies_but_is_not_one_of_them() {
        let mut e = NarrativeEvent::default();
        e.set_view("Health", "Routine contact");
        e.set_family_view("We felt nobody listened");
        assert_eq!(e.family_view(), Some("We felt nobody listened"));
        let agencies: Vec<&str> = e.agency_views().map(|v| v.agency.as_str()).collect();
        assert_eq!(agencies, ["Health"]);
        e.set_family_view("We felt nobody listened to us");
        assert_eq!(e.views.len(), 2, "one view for the family, replaced as it is rewritten");
        e.set_family_view(" ");
        assert_eq!(e.family_view(), None);
        assert!(!is_family_key("Family support service"));
    }
}
