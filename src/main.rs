//! The overview page (`index.html`): the dashboard, aging, the penalty calculator and the
//! settings.
fn main() {
    encaisse::start(
        encaisse::route::Page::Overview,
        encaisse::app::overview_screens,
    );
}
