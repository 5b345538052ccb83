//! The file to import, picked or dropped, read as text whatever its encoding.

use super::texts::{import_texts, itr};
use crate::components::file_drop::FileDrop;
use crate::files::{read_file_bytes, ChosenFileError};
use encaisse_domain::values::read::encoding::{decode, MAX_FILE_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A file taken in: its name, and its text or why it has none.
pub type TakenFile = (String, Result<String, String>);

#[component]
pub fn FilePanel(on_file: Callback<TakenFile>) -> impl IntoView {
    let i = import_texts();

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
    view! {
        <section class="panel no-print" aria-labelledby="import-file-title">
            <h2 id="import-file-title">{itr(|i| i.file_title)}</h2>
            <FileDrop
                drop_here=Signal::derive(itr(|i| i.drop_here))
                choose=Signal::derive(itr(|i| i.choose_file))
                formats=Signal::derive(itr(|i| i.formats_read))
                formats_id="import-formats"
                accept=".txt,.csv,.tsv,.tab,text/plain,text/csv"
                on_file=Callback::new(take_file)
            />
        </section>
    }
}
