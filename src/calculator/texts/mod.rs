//! The penalty calculator's own texts, in French and English.
//!
//! Only this group's chunk carries them; the shell's stay in `crate::i18n` (see ARCHITECTURE.md,
//! Texts). One struct, filled by `fr.rs` and `en.rs`, so that a string missing in one language
//! does not compile.

mod en;
mod fr;

use crate::i18n::Localized;

pub struct CalculatorTexts {
    pub amount: &'static str,

    pub penalties_title: &'static str,
    pub f_formal_notice: &'static str,

    pub calc_title: &'static str,
    pub calc_intro: &'static str,
    pub calc_amount: &'static str,
    pub calc_due: &'static str,
    pub calc_paid: &'static str,
    pub calc_paid_hint: &'static str,
    pub calc_client: &'static str,
    pub calc_pro: &'static str,
    pub calc_individual: &'static str,
    pub calc_settlements: &'static str,
    pub calc_add_settlement: &'static str,
    pub calc_remove: &'static str,
    pub calc_fill_in: &'static str,
    pub calc_bad_link: fn(&str) -> String,
    pub calc_link: &'static str,
    pub print: &'static str,
}

/// The calculator texts in the current language; `get` in a view follows language switches.
pub fn use_calculator_texts() -> Localized<CalculatorTexts> {
    Localized::new(&fr::TEXTS, &en::TEXTS)
}

/// A calculator string of the current language, as [`crate::i18n::tr`] for the shell's.
pub fn calculator_tr(
    pick: fn(&'static CalculatorTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_calculator_texts().tr(pick)
}
