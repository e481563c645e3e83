//! Pages are the app's screens, one per address: the library of reviews, one review, its
//! print views (among them the record of one conversation, printed for the participant to
//! check), privacy on this device, the About page, and the unlock screen that stands in
//! for all of them while reviews are locked.

pub mod about_page;
pub mod conversation_record_page;
pub mod library_page;
pub mod lt_print_page;
pub mod not_found_page;
pub mod print_page;
pub mod privacy_page;
pub mod review_page;
pub mod unlock_page;

pub use about_page::AboutPage;
pub use conversation_record_page::ConversationRecordPage;
pub use library_page::LibraryPage;
pub use not_found_page::NotFoundPage;
pub use print_page::{AnonymisedPrintPage, PrintPage};
pub use privacy_page::PrivacyPage;
pub use review_page::ReviewPage;
pub use unlock_page::UnlockPage;
