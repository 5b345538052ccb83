//! The overview page (`index.html`): the dashboard, aging and the penalty calculator.
fn main() {
    encaisse::start(
        encaisse::route::Page::Overview,
        encaisse::app::overview_screens,
    );
}
