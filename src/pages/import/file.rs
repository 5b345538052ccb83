//! Picking or dropping the file to import, and reading it as text whatever its encoding.

use super::texts::{import_texts, itr};
use crate::files::{read_file_bytes, ChosenFileError};
use encaisse_domain::read::encoding::{decode, MAX_FILE_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A file taken in: its name, and its text or why it has none.
pub type TakenFile = (String, Result<String, String>);

#[component]
pub fn FilePanel(on_file: Callback<TakenFile>) -> impl IntoView {
    let i = import_texts();
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    // Texts are taken before the await: the context is gone once the task resumes.
    let take_file = move |file: web_sys::File| {
        let texts = i();
        spawn_local(async move {
            let name = file.name();
            let text = match read_file_bytes(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => decode(&bytes)
                    .map(|(text, _)| text)
                    .map_err(|problem| (texts.encoding_problem)(&problem)),
                Err(ChosenFileError::TooLarge { bytes }) => {
                    Err((texts.file_too_large)(bytes, MAX_FILE_BYTES))
                }
                Err(ChosenFileError::Unreadable(why)) => Err((texts.file_unreadable)(&why)),
            };
            // The user may have left the screen while the file was read: nothing to show then.
            let _ = on_file.try_run((name, text));
        });
    };
    let on_pick = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let file = element.files().and_then(|files| files.get(0));
        // Picking the same file again, once corrected, must read it again.
        element.set_value("");
        if let Some(file) = file {
            take_file(file);
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
            take_file(file);
        }
    };

    view! {
        <section class="panel" aria-labelledby="import-file-title">
            <h2 id="import-file-title">{itr(|i| i.file_title)}</h2>
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
                <p>{itr(|i| i.drop_here)}</p>
                <label class="button">
                    {itr(|i| i.choose_file)}
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".txt,.csv,.tsv,.tab,text/plain,text/csv"
                        aria-describedby="import-formats"
                        node_ref=input
                        on:change=on_pick
                    />
                </label>
                <p class="hint" id="import-formats">{itr(|i| i.formats_read)}</p>
            </div>
        </section>
    }
}
