//! Export turns reviews into things people take away from the app: review files, the
//! action log, print views, anonymised copies for publication. Building the content is pure; handing it to the browser as a
//! download happens in one small place.

pub mod action_log_csv;
pub mod anonymised_export;
pub mod conversation_record;
pub mod docx;
pub mod download;
pub mod file_name;
pub mod tree_png;
pub mod xml_text;

/// What an empty section says in printed and exported notes, so a blank section is seen
/// to be blank, not lost.
pub const NONE_RECORDED: &str = "None recorded";
/// What an empty field says in printed and exported notes.
pub const NOT_RECORDED: &str = "Not recorded";
