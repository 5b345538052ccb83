//! The bank screen's own texts, in French and English: only this group's chunk carries them
//! (the shell's texts stay in `crate::i18n`). Same rule as there: one struct, filled by
//! `fr.rs` and `en.rs`, so that a string missing in one language does not compile.

mod en;
mod fr;

use crate::i18n::Localized;
use encaisse_domain::bank::matching::{AsideReason, Confidence};
use encaisse_domain::bank::read::csv::mapping::MappingProblem;
use encaisse_domain::bank::statement::{
    CamtMessage, CsvLayout, FileProblem, Format, LineProblem, Skipped,
};
use encaisse_domain::values::read::encoding::Encoding;

/// A balance as shown: its date and its amount, formatted.
pub type DatedAmount = (String, String);
/// An invoice a payment settles, as shown: its number and the amount, formatted.
pub type NumberAndAmount = (String, String);

pub struct BankTexts {
    pub title: &'static str,
    pub intro: &'static str,
    /// The way to the import of invoices, clients and payments, on the same page.
    pub import_link: &'static str,
    pub undo: &'static str,
    pub undone: fn(usize) -> String,
    pub cancel: &'static str,
    pub confirm: &'static str,

    // Taking a file in.
    pub import_title: &'static str,
    pub drop_here: &'static str,
    pub choose_file: &'static str,
    pub formats_read: &'static str,
    pub no_statement_at_hand: &'static str,
    pub try_demo_statement: &'static str,
    pub demo_file_name: &'static str,
    pub file_too_large: fn(u64, usize) -> String,
    pub file_unreadable: fn(&str) -> String,
    pub file_problem: fn(&FileProblem) -> String,
    pub file_refused: fn(&str, &str) -> String,
    pub csv_mapped: &'static str,
    pub read_title: fn(&str) -> String,
    pub read_format: fn(&str, Encoding) -> String,
    pub lines_read: &'static str,
    pub line_count: fn(usize) -> String,
    pub total_credits: &'static str,
    pub total_debits: &'static str,
    pub period: &'static str,
    pub from_to: fn(&str, &str) -> String,
    pub skipped_lines: fn(&[(usize, Skipped)]) -> String,
    pub unreadable_count: fn(usize) -> String,
    pub unreadable_line: fn(usize, &LineProblem) -> String,
    pub file_account: fn(&str, &str, usize) -> String,
    pub file_balances: fn(Option<DatedAmount>, Option<DatedAmount>) -> String,
    pub import_into: &'static str,
    pub new_account: &'static str,
    pub new_account_name: &'static str,
    pub default_account_name: &'static str,
    pub part_outcome: fn(usize, usize) -> String,
    pub look_alike: fn(&[usize]) -> String,
    pub import_lines: fn(usize) -> String,
    pub nothing_new: &'static str,
    pub imported: fn(usize, usize) -> String,

    // Mapping a CSV's columns.
    pub csv_not_readable: &'static str,
    pub mapping_title: &'static str,
    pub mapping_intro: &'static str,
    pub mapping_preview: &'static str,
    pub mapping_problem: fn(&MappingProblem) -> String,
    pub column_number: fn(usize) -> String,
    pub has_header: &'static str,
    pub column_date: &'static str,
    pub date_order: &'static str,
    pub amount_layout: &'static str,
    pub amount_signed: &'static str,
    pub amount_split: &'static str,
    pub column_amount: &'static str,
    pub column_debit: &'static str,
    pub column_credit: &'static str,
    pub column_label: &'static str,
    pub column_value_date: &'static str,
    pub column_details: &'static str,
    pub column_reference: &'static str,
    pub no_column: &'static str,
    pub read_with_mapping: &'static str,

    // Reconciling.
    pub to_reconcile_title: fn(usize) -> String,
    pub confirm_all: fn(usize) -> String,
    pub confirm_all_hint: &'static str,
    pub confirmed_many: fn(usize) -> String,
    pub confirmed_one: fn(&str) -> String,
    pub auto_aside: fn(&[(AsideReason, usize)]) -> String,
    pub all_reconciled: &'static str,
    pub no_candidate: &'static str,
    pub ambiguous: &'static str,
    pub suggestions: &'static str,
    pub confidence: fn(Confidence) -> &'static str,
    pub other_invoice: &'static str,
    pub not_a_payment: &'static str,
    pub search_invoice: &'static str,
    pub search_placeholder: &'static str,
    pub pick_an_invoice: &'static str,
    pub one_client_only: &'static str,
    pub invoice_choice: fn(&str, &str, &str, &str) -> String,
    pub new_payment: fn(&str, &[NumberAndAmount], Option<&str>) -> String,
    pub existing_payment: fn(&str, &str, &str) -> String,
    pub reason_number: fn(&str, &str) -> String,
    pub reason_amount_open: fn(&str) -> String,
    pub reason_amount_sum: fn(usize) -> String,
    pub reason_partial: fn(&str, &str) -> String,
    pub reason_overpayment: fn(&str) -> String,
    pub reason_iban: fn(&str) -> String,
    pub reason_name: fn(&str, &str) -> String,
    pub reason_oldest: fn(usize) -> String,
    pub reason_due_soon: fn(&str) -> String,
    pub reason_typed: fn(&str) -> String,
    pub aside_reason: &'static str,
    pub aside_examples: &'static [&'static str],
    pub set_aside: &'static str,
    pub set_aside_done: fn(&str) -> String,

    // Pointage.
    pub pointage_title: &'static str,
    pub no_account_yet: &'static str,
    pub account: &'static str,
    pub period_from: &'static str,
    pub period_to: &'static str,
    pub period_invalid: &'static str,
    pub reconciled: &'static str,
    pub open_credits: &'static str,
    pub open_debits: &'static str,
    pub set_aside_count: &'static str,
    pub opening_balance: &'static str,
    pub closing_balance: &'static str,
    pub balance_on: fn(&str, &str) -> String,
    pub balances_agree: &'static str,
    pub balances_gap: fn(&str) -> String,
    pub unbacked_title: fn(usize) -> String,
    pub unbacked_none: &'static str,
    pub unbacked_hint: &'static str,
    pub client: &'static str,
    pub reference: &'static str,
    pub possible_line: &'static str,
    pub candidate_line: fn(&str, &str, &str) -> String,
    pub link: &'static str,
    pub linked: &'static str,

    // Lines decided.
    pub decided_title: &'static str,
    pub reconciled_title: fn(usize) -> String,
    pub aside_title: fn(usize) -> String,
    pub payment_created: &'static str,
    pub payment_linked: &'static str,
    pub aside_because: fn(&str) -> String,
    pub reopen: &'static str,
}

/// The bank texts of the current language, following language switches.
pub fn bank_texts() -> impl Fn() -> &'static BankTexts + Copy + Send + Sync + 'static {
    let texts = Localized::new(&fr::TEXTS, &en::TEXTS);
    move || texts.get()
}

/// A bank string of the current language, as `crate::i18n::tr` for the shell's.
pub fn btr(
    pick: fn(&'static BankTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    Localized::new(&fr::TEXTS, &en::TEXTS).tr(pick)
}

/// The format as the summary names it and the import keeps it ("CSV Boursorama", "OFX",
/// "camt.053.001.08").
pub fn format_name(b: &BankTexts, format: Format) -> String {
    match format {
        Format::Csv(CsvLayout::Mapped) => b.csv_mapped.to_string(),
        Format::Csv(layout) => format!("CSV {}", bank_name(layout)),
        Format::Ofx => "OFX".into(),
        Format::Qif => "QIF".into(),
        Format::Camt { message, version } => {
            let message = match message {
                CamtMessage::Statement053 => "053",
                CamtMessage::Notification054 => "054",
            };
            format!("camt.{message}.001.{version:02}")
        }
    }
}

fn bank_name(layout: CsvLayout) -> &'static str {
    match layout {
        CsvLayout::Boursorama => "Boursorama",
        CsvLayout::BnpParibas => "BNP Paribas",
        CsvLayout::SocieteGenerale => "Société Générale",
        CsvLayout::CaisseEpargne => "Caisse d'Épargne",
        CsvLayout::CreditMutuel => "Crédit Mutuel",
        CsvLayout::Cic => "CIC",
        CsvLayout::Lcl => "LCL",
        CsvLayout::CreditAgricole => "Crédit Agricole",
        CsvLayout::BanquePostale => "La Banque Postale",
        CsvLayout::Qonto => "Qonto",
        CsvLayout::Shine => "Shine",
        CsvLayout::Mapped => "",
    }
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf16 => "UTF-16",
        Encoding::Windows1252 => "Windows-1252",
    }
}

/// Line numbers as a list: `3, 8, 14` (the first ten, then how many more).
fn line_list(lines: &[usize], more: fn(usize) -> String) -> String {
    let mut text = lines
        .iter()
        .take(10)
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() > 10 {
        text.push_str(&more(lines.len() - 10));
    }
    text
}

/// Lines left out, grouped by why, in the order met.
fn skipped_groups(skipped: &[(usize, Skipped)]) -> Vec<(&Skipped, Vec<usize>)> {
    let mut groups: Vec<(&Skipped, Vec<usize>)> = Vec::new();
    for (line, why) in skipped {
        match groups.iter_mut().find(|(w, _)| *w == why) {
            Some((_, lines)) => lines.push(*line),
            None => groups.push((why, vec![*line])),
        }
    }
    groups
}
