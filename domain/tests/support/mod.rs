//! What several test files build the same way.

use encaisse_domain::model::client::{ClientDetails, ClientForm, ClientKind};

/// A business client with only a name: the simplest valid client.
pub fn business(name: &str) -> ClientDetails {
    ClientForm {
        name: name.into(),
        kind: ClientKind::Business,
        ..ClientForm::default()
    }
    .validate()
    .expect("a name is all a business client needs")
}
