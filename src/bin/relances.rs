//! The collection page (`relances.html`): today's reminders, their messages and letters, the
//! clients' collection files and the reminder settings.
fn main() {
    encaisse::start(
        encaisse::route::Page::Collection,
        encaisse::app::collection_screens,
    );
}
