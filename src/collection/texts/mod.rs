//! The collection screens' own texts (reminders, messages, collection files, reminder
//! settings), in French and English.
//!
//! Only this group's chunk carries them; the shell's stay in `crate::i18n` (see ARCHITECTURE.md,
//! Texts). One struct, filled by `fr.rs` and `en.rs`, so that a string missing in one language
//! does not compile.

mod en;
mod fr;

use crate::i18n::Localized;
use encaisse_domain::collection::letter::TemplateError;
use encaisse_domain::collection::reminder::instalments::PlanStatus;
use encaisse_domain::collection::reminder::schedule::{PauseReason, PromiseStatus};
use encaisse_domain::model::issuer::IssuerField;
use encaisse_domain::model::reminders::LitigationKind;
use encaisse_domain::values::format::Locale;

pub struct CollectionTexts {
    pub save: &'static str,
    pub f_registration: &'static str,
    pub f_line1: &'static str,
    pub f_line2: &'static str,
    pub f_postal_code: &'static str,
    pub f_city: &'static str,
    pub f_country: &'static str,
    pub f_email: &'static str,
    pub f_phone: &'static str,
    pub f_iban: &'static str,
    pub f_bic: &'static str,
    pub f_notes: &'static str,

    pub client_details: &'static str,
    pub history_section: &'static str,
    pub col_client: &'static str,
    pub col_total: &'static str,
    pub col_remaining: &'static str,
    pub col_status: &'static str,
    pub settings_saved: &'static str,
    pub col_invoices: &'static str,
    pub template_error: fn(&TemplateError) -> String,
    pub reminders_title: &'static str,
    /// The date, how many reminders are due, how many clients are paused.
    pub reminders_summary: fn(&str, usize, usize) -> String,
    pub section_due: &'static str,
    pub no_reminder_due: &'static str,
    pub col_level: &'static str,
    pub col_channel: &'static str,
    pub col_since: &'static str,
    pub col_actions: &'static str,
    pub prepare: &'static str,
    pub skip: &'static str,
    pub snooze_until: &'static str,
    pub section_instalments: &'static str,
    /// The instalment's number (from 1) and date.
    pub instalment_label: fn(u16, &str) -> String,
    pub instalment_upcoming: &'static str,
    pub instalment_late: &'static str,
    pub done_by_phone: &'static str,
    pub section_paused: &'static str,
    /// A pause reason; the invoice number for a dispute, the date for the others.
    pub pause_reason: fn(&PauseReason, &str, Locale) -> String,
    pub section_exhausted: &'static str,
    pub exhausted_hint: &'static str,
    pub section_litigation: &'static str,
    pub collection_file: &'static str,
    pub reminder_settings_title: &'static str,
    /// The issuer's fields a letter still needs.
    pub issuer_missing: fn(&str) -> String,
    pub issuer_field: fn(IssuerField) -> &'static str,
    pub message_title: fn(&str) -> String,
    pub no_entry_for_client: &'static str,
    pub f_message_lang: &'static str,
    pub f_channel: &'static str,
    pub f_subject: &'static str,
    pub f_body: &'static str,
    pub send_email: &'static str,
    pub copy_text: &'static str,
    pub print_letter: &'static str,
    pub mark_done: &'static str,
    pub mark_done_hint: &'static str,
    pub no_email: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    /// The date and channel a reminder was logged with.
    pub reminder_logged: fn(&str, &str) -> String,
    pub letter_preview: &'static str,
    pub missing_rates_in_message: &'static str,
    /// The client's credit deducted from what a message claims.
    pub credit_in_message: fn(&str) -> String,
    pub credit_in_instalment_note: fn(&str) -> String,
    pub confirm_replace_message: &'static str,
    pub broken_promise_note: fn(&str) -> String,
    pub collection_title: fn(&str) -> String,
    pub promise_section: &'static str,
    pub f_promised_for: &'static str,
    pub f_promise_amount: &'static str,
    pub f_note: &'static str,
    pub record_promise: &'static str,
    /// When made, for when, and the amount if any.
    pub promise_line: fn(&str, &str, Option<&str>) -> String,
    pub promise_status: fn(PromiseStatus) -> &'static str,
    pub withdraw_promise: &'static str,
    pub confirm_withdraw_promise: &'static str,
    pub last_action: &'static str,
    pub undo_action: &'static str,
    pub confirm_undo_action: &'static str,
    pub action_undone: &'static str,
    pub payment_plan_section: &'static str,
    pub f_instalment_count: &'static str,
    pub f_first_date: &'static str,
    pub f_every_days: &'static str,
    pub every_days_hint: &'static str,
    pub f_grace_days: &'static str,
    pub propose_plan: &'static str,
    pub save_plan: &'static str,
    pub cancel_plan: &'static str,
    pub nothing_to_plan: &'static str,
    pub plan_status: fn(&PlanStatus, Locale) -> String,
    /// How many instalments and their total.
    pub plan_line: fn(usize, &str) -> String,
    pub col_instalment: &'static str,
    pub col_met: &'static str,
    pub litigation_section: &'static str,
    pub f_litigation_kind: &'static str,
    pub f_documents: &'static str,
    pub hand_over: &'static str,
    pub close_litigation: &'static str,
    pub f_outcome: &'static str,
    /// The kind and the date of a hand-over.
    pub litigation_line: fn(LitigationKind, &str) -> String,
    pub litigation_closed: fn(&str, &str) -> String,
    pub no_overdue_to_hand_over: &'static str,
    pub own_plan_section: &'static str,
    pub follows_default_plan: &'static str,
    pub use_own_plan: &'static str,
    pub back_to_default_plan: &'static str,
    pub default_plan_section: &'static str,
    pub plan_intro: &'static str,
    pub level_n: fn(usize) -> String,
    pub f_offset: &'static str,
    pub f_tone: &'static str,
    pub add_level: &'static str,
    pub remove_level: &'static str,
    pub save_plan_levels: &'static str,
    pub placeholders_help: &'static str,
    pub template_default_hint: &'static str,
    pub issuer_section: &'static str,
    pub f_company: &'static str,
    pub f_late_clause: &'static str,
    pub late_clause_hint: &'static str,
}

/// The collection texts in the current language; `get` in a view follows language switches.
pub fn use_collection_texts() -> Localized<CollectionTexts> {
    Localized::new(&fr::TEXTS, &en::TEXTS)
}

/// A collection string of the current language, as [`crate::i18n::tr`] for the shell's.
pub fn collection_tr(
    pick: fn(&'static CollectionTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_collection_texts().tr(pick)
}
