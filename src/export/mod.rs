//! Export turns reviews into things people take away from the app: review files, the
//! action log, print views, anonymised copies for publication. Building the content is pure; handing it to the browser as a
//! download happens in one small place.

pub mod action_log_csv;
pub mod anonymised_export;
pub mod docx;
pub mod download;
pub mod file_name;
pub mod tree_png;
