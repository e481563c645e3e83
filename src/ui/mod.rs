//! The user interface: Leptos screens over the model. It keeps the open review in one
//! signal and changes it only through model methods.

/// Mounts the app into the page.
pub fn mount() {}
