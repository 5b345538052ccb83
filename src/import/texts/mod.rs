//! The import screen's own texts, in French and English: only this group's chunk carries
//! them (the shell's texts stay in `crate::i18n`). One struct, filled by `fr.rs` and `en.rs`,
//! so that a string missing in one language does not compile.

mod en;
mod fr;

use crate::i18n::{Localized, Texts};
use encaisse_domain::files::import::{ImportFileProblem, RefusedLine};
use encaisse_domain::model::imports::ImportRecord;
use encaisse_domain::values::read::encoding::EncodingProblem;

pub struct ImportTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub cancel: &'static str,
    pub back_to_bank: &'static str,

    // Taking a file in.
    pub file_title: &'static str,
    pub drop_here: &'static str,
    pub choose_file: &'static str,
    pub formats_read: &'static str,
    pub file_too_large: fn(u64, usize) -> String,
    pub file_unreadable: fn(&str) -> String,
    pub encoding_problem: fn(&EncodingProblem) -> String,
    pub not_a_table: &'static str,
    pub file_problem: fn(&ImportFileProblem) -> String,
    pub file_refused: fn(&str, &str) -> String,

    // Mapping an invoice CSV's columns.
    pub columns_title: fn(&str) -> String,
    pub columns_intro: &'static str,
    pub columns_preview: &'static str,
    pub column_number: fn(usize) -> String,
    pub field_number: &'static str,
    pub field_client: &'static str,
    pub field_issue_date: &'static str,
    pub field_due_date: &'static str,
    pub field_net: &'static str,
    pub field_vat: &'static str,
    pub field_total: &'static str,
    pub field_paid: &'static str,
    pub field_payment_date: &'static str,
    pub field_method: &'static str,
    pub field_siren: &'static str,
    pub field_iban: &'static str,
    pub field_terms: &'static str,
    pub no_column: &'static str,
    pub date_order: &'static str,
    pub day_first: &'static str,
    pub month_first: &'static str,
    pub see_plan: &'static str,

    // What the import will do.
    pub plan_title: fn(&str) -> String,
    pub plan_fec: &'static str,
    pub plan_csv: &'static str,
    pub invoices: fn(usize, &str) -> String,
    pub clients: fn(usize, usize) -> String,
    pub credit_notes: fn(usize, &str) -> String,
    pub payments: fn(usize, &str, &str) -> String,
    pub already_known: fn(usize, usize, usize) -> String,
    pub nothing_new: &'static str,
    pub nothing_importable: &'static str,
    pub refused_title: fn(usize) -> String,
    pub refused_line: fn(&RefusedLine, &'static Texts) -> String,
    pub refused_left_out: &'static str,
    pub details_summary: &'static str,
    pub new_clients_caption: &'static str,
    pub new_invoices_caption: &'static str,
    pub col_name: &'static str,
    pub col_siren: &'static str,
    pub col_number: &'static str,
    pub col_client: &'static str,
    pub col_issue_date: &'static str,
    pub col_due_date: &'static str,
    pub col_total: &'static str,
    pub import: &'static str,
    pub imported: fn(&ImportRecord) -> String,
    pub undo_import: &'static str,
    pub undone: fn(&ImportRecord) -> String,

    // Past imports.
    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub history_hint: &'static str,
    pub record_counts: fn(&ImportRecord) -> String,
    pub undo_this: &'static str,
    /// Said to screen readers after the button's text: which import it undoes.
    pub undo_this_which: fn(&str, &str) -> String,
    pub undo_confirm: fn(&ImportRecord, &str) -> String,
}

/// The import texts of the current language, following language switches. The closure
/// holds the language signal, not the context: it can be called from a task after an await.
pub fn import_texts() -> impl Fn() -> &'static ImportTexts + Copy + Send + Sync + 'static {
    let texts = Localized::new(&fr::TEXTS, &en::TEXTS);
    move || texts.get()
}

/// An import string of the current language, as `crate::i18n::tr` for the shell's.
pub fn itr(
    pick: fn(&'static ImportTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    Localized::new(&fr::TEXTS, &en::TEXTS).tr(pick)
}
