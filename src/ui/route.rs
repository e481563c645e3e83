//! A route is the screen the person is on, kept in the address after `#` so that the back
//! button, bookmarks and a page opened from a file (`file://`) all work without a server.

use crate::model::ReviewId;

/// The app's screens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    About,
    Review(ReviewId),
    NotFound,
}

impl Route {
    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next().unwrap_or(""), parts.next(), parts.next()) {
            ("", None, _) => Route::Library,
            ("about", None, _) => Route::About,
            ("review", Some(id), None) => {
                id.parse().map(Route::Review).unwrap_or(Route::NotFound)
            }
            _ => Route::NotFound,
        }
    }

    /// The address fragment for this route.
    pub fn href(&self) -> String {
        match self {
            Route::Library | Route::NotFound => "#/".into(),
            Route::About => "#/about".into(),
            Route::Review(id) => format!("#/review/{id}"),
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
        for r in [Route::Library, Route::About, Route::Review(id)] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/review/not-an-id"), Route::NotFound);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
    }
}
