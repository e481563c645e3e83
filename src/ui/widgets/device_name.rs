//! The device name is how this laptop's changes are recorded in every review's history
//! ("Lead reviewer, laptop 2"). The library asks for it once, until it is given, and it
//! can be changed at any time; it names a role or a laptop, never needs a person's name.

use leptos::prelude::*;

use crate::ui::contexts::{NoticeContext, StoreContext};

/// Asks for this device's name once; afterwards shows it with a way to change it.
#[component]
pub fn DeviceNameSetting() -> impl IntoView {
    let notices = expect_context::<NoticeContext>();
    let Ok(store) = expect_context::<StoreContext>().store() else { return ().into_any() };
    let saved = RwSignal::new(store.device().label);
    let editing = RwSignal::new(saved.get_untracked().is_empty());
    let draft = RwSignal::new(saved.get_untracked());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let store = store.clone();
        let label = draft.get_untracked();
        if label.trim().is_empty() {
            notices.warn("Give this device a name or role first, for example “Lead reviewer, laptop 2”.");
            return;
        }
        leptos::task::spawn_local(async move {
            match store.set_device_label(&label).await {
                Ok(()) => {
                    let label = store.device().label;
                    notices.say(format!("Changes saved on this device are now recorded as “{label}”."));
                    saved.try_set(label);
                    editing.try_set(false);
                }
                Err(e) => notices.warn(format!("The device name could not be saved. {e}")),
            }
        });
    };
    view! {
        <section class="device-name" aria-labelledby="device-name-heading">
            <h2 id="device-name-heading" class="visually-hidden">"This device"</h2>
            <Show when=move || editing.get()
                fallback=move || view! {
                    <p class="hint">"Changes made here are recorded as “"{move || saved.get()}"”. "
                        <button class="button-quiet" on:click=move |_| { draft.set(saved.get_untracked()); editing.set(true); }>
                            "Change device name"
                        </button>
                    </p>
                }>
                <form class="device-name-form" on:submit=save.clone()>
                    <label for="device-name">"What should changes made on this device be recorded as?"</label>
                    <p class="hint" id="device-name-hint">"A role and a laptop, for example “Lead reviewer, laptop 2”. Everyone sharing the review sees it next to the changes made here."</p>
                    <div class="device-name-row">
                        <input id="device-name" type="text" maxlength="80" aria-describedby="device-name-hint"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))/>
                        <button type="submit" class="button-secondary">"Save device name"</button>
                    </div>
                </form>
            </Show>
        </section>
    }
    .into_any()
}
