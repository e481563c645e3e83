//! A route is the screen the person is on, kept in the address after `#` so that the back
//! button, bookmarks and a page opened from a file (`file://`) all work without a server.

use crate::model::learning_together::ConversationId;
use crate::model::ReviewId;

/// The printable views of a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintView {
    /// Case Discussion Notes, A4 portrait, for circulation and factual correction.
    Notes,
    /// The one-page tool sheet, A4 landscape, all sections side by side.
    ToolSheet,
    /// A Learning Together review's report, A4 portrait.
    Report,
    /// A Learning Together review's key practice episodes table, A4 landscape.
    EpisodesTable,
    /// The letters to a Learning Together review's participants.
    Letters,
    /// A Learning Together review's progress for the review team only (stages against
    /// their target dates, each participant's journey), A4 landscape: an internal working
    /// table, never part of the published report.
    Progress,
}

impl PrintView {
    const ALL: [(PrintView, &'static str); 6] = [
        (PrintView::Notes, "notes"),
        (PrintView::ToolSheet, "sheet"),
        (PrintView::Report, "report"),
        (PrintView::EpisodesTable, "episodes"),
        (PrintView::Letters, "letters"),
        (PrintView::Progress, "progress"),
    ];

    /// The view's name in the address.
    pub fn slug(self) -> &'static str {
        PrintView::ALL.iter().find(|(v, _)| *v == self).map_or("notes", |(_, s)| s)
    }

    fn from_slug(slug: &str) -> Option<PrintView> {
        PrintView::ALL.iter().find(|(_, s)| *s == slug).map(|(v, _)| *v)
    }
}

/// The app's screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    About,
    /// Privacy on this device: the passphrase, locking, retention.
    Privacy,
    Review(ReviewId),
    /// One part of a review on its own screen (a Learning Together review's "narrative",
    /// "findings", or one conversation, "conversations/<participant id>"). The review page
    /// says which parts there are; the address only carries the name.
    ReviewPart(ReviewId, String),
    Print(ReviewId, PrintView),
    /// The print view of the anonymised copy made from a review (held in memory only).
    AnonymisedPrint(ReviewId, PrintView),
    /// The record of one conversation of a Learning Together review, printed for the
    /// participant to check.
    PrintConversation(ReviewId, ConversationId),
    NotFound,
}

/// A part's name in the address: lower-case letters and hyphens, never one of the print
/// views' own words.
fn is_part_name(part: &str) -> bool {
    !part.is_empty()
        && part.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !matches!(part, "print" | "anonymised")
}

impl Route {
    /// The review this route shows, in whole or in part, for editing.
    pub fn editing(&self) -> Option<ReviewId> {
        match self {
            Route::Review(id) | Route::ReviewPart(id, _) => Some(*id),
            _ => None,
        }
    }

    /// The part of a review shown, if the route names one.
    pub fn part(&self) -> Option<&str> {
        match self {
            Route::ReviewPart(_, part) => Some(part),
            _ => None,
        }
    }

    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        let parts: Vec<&str> = parts.by_ref().collect();
        match parts.as_slice() {
            [""] => Route::Library,
            ["about"] => Route::About,
            ["privacy"] => Route::Privacy,
            ["review", id] => id.parse().map(Route::Review).unwrap_or(Route::NotFound),
            ["review", id, part] if is_part_name(part) => {
                id.parse().map(|id| Route::ReviewPart(id, (*part).to_string())).unwrap_or(Route::NotFound)
            }
            ["review", id, part, item] if is_part_name(part) && item.parse::<u64>().is_ok() => {
                id.parse().map(|id| Route::ReviewPart(id, format!("{part}/{item}"))).unwrap_or(Route::NotFound)
            }
            ["review", id, "print", view] => match (id.parse(), PrintView::from_slug(view)) {
                (Ok(id), Some(view)) => Route::Print(id, view),
                _ => Route::NotFound,
            },
            ["review", id, "print", "conversation", conversation] => match (id.parse(), conversation.parse()) {
                (Ok(id), Ok(conversation)) => Route::PrintConversation(id, conversation),
                _ => Route::NotFound,
            },
            ["review", id, "anonymised", view] => match (id.parse(), PrintView::from_slug(view)) {
                (Ok(id), Some(view)) => Route::AnonymisedPrint(id, view),
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The address fragment for this route.
    pub fn href(&self) -> String {
        match self {
            Route::Library | Route::NotFound => "#/".into(),
            Route::About => "#/about".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Review(id) => format!("#/review/{id}"),
            Route::ReviewPart(id, part) => format!("#/review/{id}/{part}"),
            Route::Print(id, view) => format!("#/review/{id}/print/{}", view.slug()),
            Route::AnonymisedPrint(id, view) => format!("#/review/{id}/anonymised/{}", view.slug()),
            Route::PrintConversation(id, conversation) => format!("#/review/{id}/print/conversation/{conversation}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn routes_round_trip_through_the_address() {
        let id = Uuid::from_u128(5);
        for r in [
            Route::Library,
            Route::About,
            Route::Privacy,
            Route::Review(id),
            Route::ReviewPart(id, "narrative".into()),
            Route::ReviewPart(id, "conversations/4294967301".into()),
            Route::AnonymisedPrint(id, PrintView::Notes),
            Route::AnonymisedPrint(id, PrintView::ToolSheet),
            Route::Print(id, PrintView::Notes),
            Route::Print(id, PrintView::ToolSheet),
            Route::Print(id, PrintView::Report),
            Route::Print(id, PrintView::EpisodesTable),
            Route::Print(id, PrintView::Letters),
            Route::Print(id, PrintView::Progress),
            Route::PrintConversation(id, 4_294_967_301),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/review/not-an-id"), Route::NotFound);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/review/{id}/Narrative<b>")), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/review/{id}/conversations/x")), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/review/{id}/print")), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/review/{id}/print/conversation/x")), Route::NotFound);
    }
}
