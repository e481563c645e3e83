//! A route is the screen the person is on, kept in the address after `#` so that the back
//! button, bookmarks and a page opened from a file (`file://`) all work without a server.

use crate::model::ReviewId;

/// The printable views of a case discussion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintView {
    /// Case Discussion Notes, A4 portrait, for circulation and factual correction.
    Notes,
    /// The one-page tool sheet, A4 landscape, all sections side by side.
    ToolSheet,
}

/// The app's screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    About,
    /// Privacy on this device: the passphrase, locking, retention.
    Privacy,
    Review(ReviewId),
    Print(ReviewId, PrintView),
    /// The print view of the anonymised copy made from a review (held in memory only).
    AnonymisedPrint(ReviewId, PrintView),
    NotFound,
}

impl Route {
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
            ["review", id, "print", view] => match (id.parse(), *view) {
                (Ok(id), "notes") => Route::Print(id, PrintView::Notes),
                (Ok(id), "sheet") => Route::Print(id, PrintView::ToolSheet),
                _ => Route::NotFound,
            },
            ["review", id, "anonymised", view] => match (id.parse(), *view) {
                (Ok(id), "notes") => Route::AnonymisedPrint(id, PrintView::Notes),
                (Ok(id), "sheet") => Route::AnonymisedPrint(id, PrintView::ToolSheet),
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
            Route::Print(id, PrintView::Notes) => format!("#/review/{id}/print/notes"),
            Route::Print(id, PrintView::ToolSheet) => format!("#/review/{id}/print/sheet"),
            Route::AnonymisedPrint(id, PrintView::Notes) => format!("#/review/{id}/anonymised/notes"),
            Route::AnonymisedPrint(id, PrintView::ToolSheet) => format!("#/review/{id}/anonymised/sheet"),
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
            Route::AnonymisedPrint(id, PrintView::Notes),
            Route::AnonymisedPrint(id, PrintView::ToolSheet),
            Route::Print(id, PrintView::Notes),
            Route::Print(id, PrintView::ToolSheet),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/review/not-an-id"), Route::NotFound);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
    }
}
