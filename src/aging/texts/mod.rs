//! The aging screen's own texts, in French and English.
//!
//! Only this group's chunk carries them; the shell's stay in `crate::i18n` (see ARCHITECTURE.md,
//! Texts). One struct, filled by `fr.rs` and `en.rs`, so that a string missing in one language
//! does not compile.

mod en;
mod fr;

use crate::i18n::Localized;

pub struct AgingTexts {
    pub total: &'static str,
    pub all_clients: &'static str,
    pub col_number: &'static str,
    pub col_client: &'static str,
    pub col_issued: &'static str,
    pub col_due: &'static str,
    pub col_remaining: &'static str,
    pub col_status: &'static str,

    pub aging_title: &'static str,
    pub as_of: &'static str,
    pub col_unapplied: &'static str,
    pub col_claimable: &'static str,
    pub col_days_past_due: &'static str,
    pub col_registration: &'static str,
    pub aging_nothing: &'static str,
    pub export_clients_csv: &'static str,
    pub export_invoices_csv: &'static str,
    pub drill_title: fn(&str, &str) -> String,
    pub drill_hint: &'static str,
}

/// The aging texts in the current language; `get` in a view follows language switches.
pub fn use_aging_texts() -> Localized<AgingTexts> {
    Localized::new(&fr::TEXTS, &en::TEXTS)
}

/// An aging string of the current language, as [`crate::i18n::tr`] for the shell's.
pub fn aging_tr(
    pick: fn(&'static AgingTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_aging_texts().tr(pick)
}
