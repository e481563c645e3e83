//! Pages are the app's screens, one per address: the library of reviews, one review, and
//! the About page.

pub mod about_page;
pub mod library_page;
pub mod lt_print_page;
pub mod not_found_page;
pub mod print_page;
pub mod review_page;

pub use about_page::AboutPage;
pub use library_page::LibraryPage;
pub use not_found_page::NotFoundPage;
pub use print_page::PrintPage;
pub use review_page::ReviewPage;
