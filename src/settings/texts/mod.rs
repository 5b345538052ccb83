//! The settings screen's own texts, in French and English.
//!
//! Only this group's chunk carries them; the shell's stay in `crate::i18n` (see ARCHITECTURE.md,
//! Texts). One struct, filled by `fr.rs` and `en.rs`, so that a string missing in one language
//! does not compile.

mod en;
mod fr;

use crate::i18n::Localized;

pub struct SettingsTexts {
    pub save: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,

    pub settings_title: &'static str,
    pub backup_section: &'static str,
    pub backup_text: &'static str,
    pub backup_download: &'static str,
    pub restore_label: &'static str,
    pub restore_text: &'static str,
    pub restore_confirm: fn(usize, usize) -> String,
    pub restore_done: fn(usize, usize) -> String,
    pub restore_failed: fn(&str, &str) -> String,
    pub demo_section: &'static str,
    pub demo_text: &'static str,
    pub demo_load: &'static str,
    pub demo_confirm: &'static str,
    pub demo_loaded: &'static str,
    pub clear_all: &'static str,
    pub clear_confirm: &'static str,
    pub cleared: &'static str,
    pub storage_section: &'static str,
    pub storage_info: fn(&str, usize) -> String,
    pub privacy_note: &'static str,

    pub aging_title: &'static str,

    pub penalty_rules_section: &'static str,
    pub half_year_rule: &'static str,
    pub rule_split: &'static str,
    pub rule_frozen: &'static str,
    pub waive_indemnity: &'static str,
    pub rates_section: &'static str,
    pub rates_text: &'static str,
    pub col_half_year: &'static str,
    pub col_ecb: &'static str,
    pub col_legal_individual: &'static str,
    pub col_legal_other: &'static str,
    pub col_origin: &'static str,
    pub origin_built_in: &'static str,
    pub origin_user: &'static str,
    pub rate_unknown: &'static str,
    pub add_half_year: fn(&str) -> String,
    pub edit_rates_of: fn(&str) -> String,
    pub back_to_built_in: &'static str,
    pub rates_saved: fn(&str) -> String,
    pub aging_bounds_label: &'static str,
    pub aging_bounds_hint: &'static str,
    pub settings_saved: &'static str,
    pub kpi_section: &'static str,
    pub dso_period_label: &'static str,
    pub months: fn(u32) -> String,
    pub counts_disputed_label: &'static str,
    pub cash_alert_label: &'static str,
    pub cash_alert_weeks_label: &'static str,
    pub financing_rate_label: &'static str,
    pub chasing_hours_label: &'static str,
    pub hourly_cost_label: &'static str,
    pub optional_hint: &'static str,
    pub reminder_settings_title: &'static str,
    pub collection_link: &'static str,
    /// Settings' way to the import screen, which another page hosts.
    pub import_section: &'static str,
    pub import_link: &'static str,
}

/// The settings texts in the current language; `get` in a view follows language switches.
pub fn use_settings_texts() -> Localized<SettingsTexts> {
    Localized::new(&fr::TEXTS, &en::TEXTS)
}

/// A settings string of the current language, as [`crate::i18n::tr`] for the shell's.
pub fn settings_tr(
    pick: fn(&'static SettingsTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_settings_texts().tr(pick)
}
