//! The local-file note: when the app is opened from a file on disk (`file://`) rather than a
//! web address, the browser keeps its reviews in storage shared by every page opened from
//! files on this computer. The note says so plainly, and that an exported file is the safe
//! copy.

use leptos::prelude::*;

use crate::ui::browser::running_from_file;

/// Shown only when the app runs from a file on disk.
#[component]
pub fn LocalFileNote() -> impl IntoView {
    running_from_file().then(|| {
        view! {
            <div class="callout callout-info local-file-note">
                <p>
                    <strong>"You opened Case Review Studio from a file on this computer."</strong>
                    " Your browser keeps these reviews in storage that every page opened from a file "
                    "shares, so other local pages could read or change them, and clearing browser data "
                    "removes them. Export your reviews to files: an exported file is the safe copy."
                </p>
            </div>
        }
    })
}
