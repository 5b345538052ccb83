//! A drop zone with a "choose a file" button: the one way a screen takes in a file, picked or
//! dropped. The screen reads it (`crate::files::read_file_bytes`) and says what it found.

use leptos::prelude::*;

#[component]
pub fn FileDrop(
    /// "Drop the file here, or".
    drop_here: Signal<&'static str>,
    /// The button's label.
    choose: Signal<&'static str>,
    /// What files are read, under the button; also the input's description.
    formats: Signal<&'static str>,
    /// The id of that description, unique on the screen.
    formats_id: &'static str,
    /// The input's `accept` list.
    accept: &'static str,
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_pick = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let file = element.files().and_then(|files| files.get(0));
        // Picking the same file again, once corrected, must read it again.
        element.set_value("");
        if let Some(file) = file {
            on_file.run(file);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            on_file.run(file);
        }
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <p>{drop_here}</p>
            <label class="button">
                {choose}
                <input
                    type="file"
                    class="visually-hidden"
                    accept=accept
                    aria-describedby=formats_id
                    node_ref=input
                    on:change=on_pick
                />
            </label>
            <p class="hint" id=formats_id>{formats}</p>
        </div>
    }
}
