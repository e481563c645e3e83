//! The About page says what the app is for, credits the published methods it follows, and
//! shows how this browser keeps the reviews (and whether it promised not to clear them).

use leptos::prelude::*;

use crate::storage::review_store::{request_persistence, Persistence};
use crate::ui::contexts::StoreContext;
use crate::ui::offline_copy::{OfflineContext, OfflineState};

/// About Case Review Studio, its sources and this device's storage.
#[component]
pub fn AboutPage() -> impl IntoView {
    let store = expect_context::<StoreContext>().store();
    let offline = expect_context::<OfflineContext>();
    let persistence = RwSignal::new(None::<Persistence>);
    leptos::task::spawn_local(async move {
        let answer = request_persistence().await;
        persistence.try_set(Some(answer));
    });
    let where_kept = match &store {
        Ok(s) => format!("Reviews are kept in {}.", s.description()),
        Err(e) => format!("Reviews cannot be kept in this browser: {e}"),
    };
    view! {
        <div class="page narrow prose">
            <h1>"About Case Review Studio"</h1>
            <p>
                "Case Review Studio helps safeguarding partners review what happened around a child, "
                "to learn rather than to blame. It follows two published methods and keeps their "
                "words, sections and prompts."
            </p>

            <h2>"The methods and their sources"</h2>
            <dl class="credits">
                <dt>"Case Discussion Tool"</dt>
                <dd>
                    "Salford Safeguarding Children Partnership and Carole Brooks Associates, "
                    <cite>"Practice Review Policy and Toolkit: Case Discussion Tool"</cite>
                    " (V8, August 2019). It brings together the Problem Tree (situational analysis), "
                    "Signs of Safety and Kolb's reflective learning cycle."
                </dd>
                <dt>"Learning Together"</dt>
                <dd>
                    "Social Care Institute for Excellence (SCIE), "
                    <cite>"Learning together to safeguard children: developing a multi-agency systems approach for case reviews"</cite>
                    " (SCIE Guide 24), including its conversation structure (Appendix 3) and its "
                    "communication with participants (Appendix 2)."
                </dd>
            </dl>
            <p>
                "This app is independent of these organisations. The methods' section names, prompts "
                "and categories are theirs; everything else here is the app's own."
            </p>

            <h2>"Your data stays in this browser"</h2>
            <p>
                "Nothing you write is sent to any server. The app makes no network requests beyond "
                "loading its own files. Reviews leave this browser only when you export a file."
            </p>
            <section class="settings" aria-labelledby="storage-heading">
                <h3 id="storage-heading">"Storage on this device"</h3>
                <dl class="summary-list">
                    <div>
                        <dt>"Where reviews are kept"</dt>
                        <dd>{where_kept}</dd>
                    </div>
                    <div>
                        <dt>"Kept when space runs low"</dt>
                        <dd>{move || match persistence.get() {
                            None => "Asking the browser…",
                            Some(Persistence::Granted) => "Yes: the browser has agreed not to clear the reviews on its own.",
                            Some(Persistence::NotGranted) => "Not promised: the browser may clear the reviews if the device runs short of space, or when it closes on some managed laptops. Export files regularly.",
                            Some(Persistence::Unsupported) => "This browser cannot say. Export files regularly.",
                        }}</dd>
                    </div>
                    <div>
                        <dt>"Works without a network"</dt>
                        <dd>{move || match offline.state.get() {
                            OfflineState::Checking => "Asking the browser…".to_string(),
                            OfflineState::Ready => "Yes: this browser keeps a copy of the app, so it opens here without a network.".to_string(),
                            OfflineState::SingleFile => "Yes: this is the single-file edition, opened from a file; everything it needs is in that file.".to_string(),
                            OfflineState::Unavailable(why) => format!("Not here: {why}. The app still works while the network is there, and the single-file edition works anywhere."),
                        }}</dd>
                    </div>
                </dl>
            </section>

            <h2>"Working without a network"</h2>
            <p>
                "Opened from its web address, the app asks the browser to keep a copy of its own files, "
                "so after the first visit it opens without a network. When a newer version has been "
                "fetched, the app says so and you choose when to reload; until then the version you "
                "have carries on working."
            </p>
            <p>
                "The app also comes as one file, "<code>"case-review-studio.html"</code>", that runs when "
                "opened from this computer's disk, a USB stick or a shared drive, with no server and no "
                "network. Browsers keep the reviews of every page opened from a file in one shared place: "
                "other local pages could read or change them, clearing browser data removes them, and "
                "depending on the browser a copy opened from another folder may start with an empty "
                "list. Export your reviews to files: an exported file is the safe copy."
            </p>
        </div>
    }
}
