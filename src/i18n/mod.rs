//! Every string the user reads, in French (default) and English.
//!
//! One struct lists them all; `fr.rs` and `en.rs` each fill it, so the compiler refuses a
//! string that exists in one language only. Strings with values are functions.

mod en;
mod fr;

use encaisse_domain::credit::{CreditAction, CreditWarning};
use encaisse_domain::format::Locale;
use encaisse_domain::history::HistoryEvent;
use encaisse_domain::invoice::InvoiceStatus;
use encaisse_domain::payment::PaymentMethod;
use encaisse_domain::penalty::rates::MissingRate;
use encaisse_domain::penalty::{NoInterest, RateSource};
use encaisse_domain::prediction::DelayBasis;
use encaisse_domain::problem::Problem;
use encaisse_domain::score::{Factor, Grade};
use encaisse_domain::snapshot::SnapshotError;
use encaisse_domain::terms::{LegalCapWarning, PaymentTerms};
use encaisse_domain::NaiveDate;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fr => &fr::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The current language, shared by every view through the context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    /// The texts of the current language; reading it inside a view subscribes to changes.
    pub fn get(&self) -> &'static Texts {
        self.0.get().texts()
    }
    pub fn get_untracked(&self) -> &'static Texts {
        self.0.get_untracked().texts()
    }
}

pub fn use_t() -> I18n {
    expect_context::<I18n>()
}

/// A string of the current language, following language switches: `{tr(|t| t.save)}`.
///
/// Prefer it to `move || t.get().save`: every call site shares this one closure type, so the
/// renderer is compiled once for all of them instead of once per string, which keeps a
/// sizeable share of code out of the wasm bundle.
pub fn tr(
    pick: fn(&'static Texts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let t = use_t();
    move || pick(t.get())
}

pub struct Texts {
    pub locale: Locale,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_clients: &'static str,
    pub nav_invoices: &'static str,
    pub nav_payment: &'static str,
    pub nav_settings: &'static str,
    pub nav_aging: &'static str,
    pub nav_calculator: &'static str,
    pub language: &'static str,
    pub other_language: &'static str,
    pub other_language_name: &'static str,

    pub save: &'static str,
    pub cancel: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub search: &'static str,
    pub optional: &'static str,
    pub total: &'static str,
    pub date: &'static str,
    pub amount: &'static str,
    pub reason: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub form_has_errors: fn(usize) -> String,
    pub saved_nowhere: &'static str,

    pub banner_unreadable: fn(Option<&str>, &str) -> String,
    pub banner_full: &'static str,
    pub banner_write_failed: fn(&str) -> String,
    pub banner_elsewhere: &'static str,
    pub start_fresh: &'static str,
    pub confirm_start_fresh: &'static str,
    pub download_unreadable: &'static str,
    pub dismiss: &'static str,

    pub welcome_title: &'static str,
    pub welcome_text: &'static str,
    pub welcome_add_client: &'static str,
    pub welcome_load_demo: &'static str,
    pub welcome_restore: &'static str,
    pub summary_title: &'static str,
    pub summary_outstanding: &'static str,
    pub summary_overdue: &'static str,
    pub most_overdue: &'static str,
    pub nothing_overdue: &'static str,
    pub days_late: fn(i64) -> String,

    pub clients_title: &'static str,
    pub new_client: &'static str,
    pub search_clients: &'static str,
    pub show_archived: &'static str,
    pub col_name: &'static str,
    pub col_kind: &'static str,
    pub col_city: &'static str,
    pub col_open: &'static str,
    pub col_overdue: &'static str,
    pub col_balance: &'static str,
    pub no_clients_title: &'static str,
    pub no_clients_text: &'static str,
    pub no_client_match: fn(&str) -> String,
    pub clients_count: fn(usize) -> String,
    pub kind_business: &'static str,
    pub kind_individual: &'static str,
    pub archived: &'static str,

    pub client_new_title: &'static str,
    pub client_edit_title: &'static str,
    pub section_identity: &'static str,
    pub section_address: &'static str,
    pub section_payer: &'static str,
    pub section_bank: &'static str,
    pub section_terms: &'static str,
    pub f_name: &'static str,
    pub f_kind: &'static str,
    pub f_registration: &'static str,
    pub hint_registration: &'static str,
    pub hint_individual: &'static str,
    pub f_line1: &'static str,
    pub f_line2: &'static str,
    pub f_postal_code: &'static str,
    pub f_city: &'static str,
    pub f_country: &'static str,
    pub f_payer_name: &'static str,
    pub f_email: &'static str,
    pub f_phone: &'static str,
    pub f_iban: &'static str,
    pub f_bic: &'static str,
    pub f_terms: &'static str,
    pub f_days: &'static str,
    pub f_credit_limit: &'static str,
    pub hint_credit_limit: &'static str,
    pub f_notes: &'static str,
    pub f_contractual_rate: &'static str,
    pub hint_contractual_rate: &'static str,
    pub hint_invoice_rate: &'static str,

    pub terms_on_receipt: &'static str,
    pub terms_net: &'static str,
    pub terms_end_of_month: &'static str,
    pub terms_days_eom_a: &'static str,
    pub terms_days_eom_b: &'static str,
    pub describe_terms: fn(&PaymentTerms) -> String,
    pub cap_warning: fn(LegalCapWarning) -> &'static str,

    pub client_details: &'static str,
    pub balance_open: &'static str,
    pub balance_overdue: &'static str,
    pub balance_credit: &'static str,
    pub balance_net: &'static str,
    pub invoices_section: &'static str,
    pub payments_section: &'static str,
    pub history_section: &'static str,
    pub new_invoice: &'static str,
    pub record_payment: &'static str,
    pub archive: &'static str,
    pub unarchive: &'static str,
    pub confirm_delete_client: &'static str,
    pub no_invoices_for_client: &'static str,
    pub no_payments: &'static str,
    pub no_history: &'static str,
    pub history_event: fn(&HistoryEvent, Locale) -> String,
    pub unallocated_of: fn(&str) -> String,

    pub invoices_title: &'static str,
    pub filter_status: &'static str,
    pub all_statuses: &'static str,
    pub filter_client: &'static str,
    pub all_clients: &'static str,
    pub sort_by: &'static str,
    pub sort_due: &'static str,
    pub sort_amount: &'static str,
    pub sort_issue: &'static str,
    pub sort_order: &'static str,
    pub order_asc: &'static str,
    pub order_desc: &'static str,
    pub col_number: &'static str,
    pub col_client: &'static str,
    pub col_issued: &'static str,
    pub col_due: &'static str,
    pub col_total: &'static str,
    pub col_remaining: &'static str,
    pub col_status: &'static str,
    pub invoices_count: fn(usize) -> String,
    pub no_invoices_title: &'static str,
    pub no_invoices_text: &'static str,
    pub no_invoice_match: &'static str,
    pub status: fn(InvoiceStatus) -> &'static str,

    pub invoice_new_title: &'static str,
    pub invoice_edit_title: &'static str,
    pub f_number: &'static str,
    pub f_client: &'static str,
    pub choose_client: &'static str,
    pub f_issue_date: &'static str,
    pub f_net: &'static str,
    pub f_vat_rate: &'static str,
    pub vat_exempt: &'static str,
    pub f_description: &'static str,
    pub due_date: &'static str,
    pub vat: &'static str,
    pub total_incl_vat: &'static str,
    pub terms_from_client: &'static str,

    pub invoice_title: fn(&str) -> String,
    pub issued_on: &'static str,
    pub settlements: &'static str,
    pub no_settlements: &'static str,
    pub paid_line: fn(&str, &str) -> String,
    pub credit_note_line: fn(&str) -> String,
    pub written_off_line: &'static str,
    pub dispute_line: fn(&str, Option<&str>) -> String,
    pub credit_note: &'static str,
    pub open_dispute: &'static str,
    pub close_dispute: &'static str,
    pub write_off: &'static str,
    pub f_credit_note_number: &'static str,
    pub f_resolution: &'static str,
    pub confirm_write_off: fn(&str) -> String,
    pub confirm_delete_invoice: &'static str,
    pub paid: &'static str,
    pub credited: &'static str,
    pub written_off: &'static str,
    pub remaining: &'static str,
    pub apply_credit: fn(&str) -> String,

    pub payment_title: &'static str,
    pub f_received_on: &'static str,
    pub f_received: &'static str,
    pub f_method: &'static str,
    pub f_reference: &'static str,
    pub method: fn(PaymentMethod) -> &'static str,
    pub allocation_section: &'static str,
    pub allocate_oldest: &'static str,
    pub allocated: &'static str,
    pub unallocated: &'static str,
    pub no_open_invoices: &'static str,
    pub open_amount: &'static str,
    pub allocate_to: fn(&str) -> String,

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

    pub summary_claimable: &'static str,
    pub claimable_summary: fn(&str, usize) -> String,

    pub aging_title: &'static str,
    pub as_of: &'static str,
    /// A bucket's heading from its day range; None is "not yet due".
    pub bucket: fn(Option<(u32, Option<u32>)>) -> String,
    pub col_unapplied: &'static str,
    pub col_claimable: &'static str,
    pub col_days_past_due: &'static str,
    pub col_registration: &'static str,
    pub aging_nothing: &'static str,
    pub export_clients_csv: &'static str,
    pub export_invoices_csv: &'static str,
    pub drill_title: fn(&str, &str) -> String,
    pub drill_hint: &'static str,
    pub missing_rates_warning: fn(usize, &str) -> String,
    pub enter_missing_rate: &'static str,

    pub penalties_title: &'static str,
    pub pen_period: &'static str,
    pub pen_days: &'static str,
    pub pen_base: &'static str,
    pub pen_rate: &'static str,
    pub pen_interest: &'static str,
    pub pen_interest_total: &'static str,
    pub pen_indemnity: &'static str,
    pub pen_total: &'static str,
    pub pen_on_time: &'static str,
    pub pen_not_yet_due: &'static str,
    pub rate_source: fn(&RateSource, Locale) -> String,
    pub no_interest: fn(NoInterest) -> &'static str,
    pub missing_rate: fn(&MissingRate) -> String,
    pub pen_explain_formula: &'static str,
    pub pen_explain_default: &'static str,
    pub pen_explain_contract: &'static str,
    pub pen_explain_floor: &'static str,
    pub pen_explain_indemnity: &'static str,
    pub pen_explain_waived: &'static str,
    pub pen_explain_individual: &'static str,
    pub pen_explain_split: &'static str,
    pub pen_explain_frozen: &'static str,
    pub pen_explain_partial: &'static str,
    pub open_in_calculator: &'static str,
    pub f_formal_notice: &'static str,
    pub record_notice: &'static str,
    pub notice_sent_on: fn(&str) -> String,

    pub calc_title: &'static str,
    pub calc_intro: &'static str,
    pub calc_amount: &'static str,
    pub calc_due: &'static str,
    pub calc_paid: &'static str,
    pub calc_paid_hint: &'static str,
    pub calc_client: &'static str,
    pub calc_pro: &'static str,
    pub calc_individual: &'static str,
    pub calc_notice_hint: &'static str,
    pub calc_settlements: &'static str,
    pub calc_add_settlement: &'static str,
    pub calc_remove: &'static str,
    pub calc_fill_in: &'static str,
    pub calc_bad_link: fn(&str) -> String,
    pub calc_link: &'static str,
    pub print: &'static str,

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

    pub kpi_no_figure: &'static str,
    pub kpi_days: fn(&str) -> String,
    /// The change of a figure over a month: arrow, amount.
    pub kpi_change: fn(&str, &str) -> String,
    pub kpi_open_invoices: fn(usize) -> String,
    pub kpi_overdue_note: fn(&str, &str) -> String,
    pub kpi_dso: &'static str,
    /// Period in months, whether disputed invoices count, countback DSO.
    pub kpi_dso_note: fn(u32, bool, &str) -> String,
    pub kpi_countback: &'static str,
    pub kpi_best_dso: &'static str,
    pub kpi_delinquent_note: fn(&str) -> String,
    pub kpi_cei: &'static str,
    pub kpi_cei_note: fn(u32) -> String,
    pub kpi_days_to_pay: &'static str,
    pub kpi_days_to_pay_note: fn(&str, usize) -> String,
    pub kpi_days_late: &'static str,
    pub kpi_days_late_note: fn(&str, &str) -> String,
    pub kpi_collected_month: &'static str,
    pub kpi_collected_quarter: fn(&str) -> String,
    pub month_short: fn(NaiveDate) -> String,
    pub cash_alert_text: fn(u32, &str, &str) -> String,
    pub forecast_later: &'static str,
    pub forecast_overdue: fn(&str) -> String,
    pub forecast_disputed: fn(&str) -> String,
    pub chart_data: &'static str,
    pub chart_aging: &'static str,
    pub chart_aging_desc: fn(&str) -> String,
    pub chart_bucket: &'static str,
    pub chart_dso: &'static str,
    pub chart_dso_desc: fn(&str) -> String,
    pub chart_collections: &'static str,
    pub chart_collections_desc: fn(&str) -> String,
    pub chart_month: &'static str,
    pub chart_forecast: &'static str,
    pub chart_forecast_desc: fn(&str) -> String,
    pub chart_week: &'static str,
    pub top_overdue_clients: &'static str,
    pub col_invoices: &'static str,
    pub col_oldest: &'static str,
    pub cost_title: &'static str,
    /// Overdue, rate, cost per month, cost so far.
    pub cost_financing: fn(&str, &str, &str, &str) -> String,
    /// Late invoices, hours, their cost if an hourly cost is set.
    pub cost_chasing: fn(usize, &str, Option<&str>) -> String,
    pub cost_settings_hint: &'static str,
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

    /// The month in full: "octobre 2026".
    pub month_long: fn(NaiveDate) -> String,
    pub collected_title: fn(&str) -> String,
    /// First and last day of the payments counted.
    pub collected_intro: fn(&str, &str) -> String,
    pub col_last_payment: &'static str,
    pub col_received: &'static str,
    pub unallocated_credit: &'static str,
    pub nothing_collected: &'static str,
    pub expected_title: fn(&str) -> String,
    pub expected_intro: &'static str,
    pub col_expected: &'static str,
    pub col_basis: &'static str,
    pub delay_basis: fn(DelayBasis) -> String,
    pub week_not_in_forecast: &'static str,
    pub nothing_expected: &'static str,
    pub back_to_dashboard: &'static str,

    pub nav_payers: &'static str,
    pub score_section: &'static str,
    pub col_score: &'static str,
    /// Paid invoices in the lookback, when under the minimum.
    pub not_enough_history: fn(usize) -> String,
    pub score_out_of: fn(u8) -> String,
    pub grade_meaning: fn(Grade) -> &'static str,
    pub factor: fn(&Factor) -> String,
    pub expected_payment_of: fn(&str) -> String,
    /// Exposure (open plus drafts), the drafts' share when there are any, the credit limit.
    pub exposure_line: fn(&str, Option<&str>, &str) -> String,
    pub score_method_link: &'static str,
    pub payers_title: &'static str,
    pub payers_intro: fn(usize) -> String,
    pub best_payers: &'static str,
    pub worst_payers: &'static str,
    pub fallen_payers: &'static str,
    pub fallen_intro: &'static str,
    pub nobody_fell: &'static str,
    pub col_score_before: &'static str,
    pub method_title: &'static str,
    /// The method, paragraph by paragraph (docs/scoring.md says the same).
    pub method_text: &'static [&'static str],
    pub credit_warning_title: &'static str,
    pub credit_warning: fn(&CreditWarning, Locale) -> String,
    pub credit_action: fn(&CreditAction, Locale) -> String,
    pub blocked: &'static str,
    /// The hold's date and reason.
    pub blocked_since: fn(&str, &str) -> String,
    pub block_intro: &'static str,
    pub block_client: &'static str,
    pub unblock_client: &'static str,
    pub f_hold_date: &'static str,
    pub f_block_reason: &'static str,
    pub f_unblock_reason: &'static str,
    pub draft_title: &'static str,
    pub draft_hint: &'static str,
    pub issue_invoice: &'static str,
    pub save_as_draft: &'static str,
    pub delete_draft: &'static str,
    pub confirm_delete_draft: &'static str,
    pub drafts_section: &'static str,
    /// How many drafts and their total.
    pub drafts_count: fn(usize, &str) -> String,
    pub col_draft_date: &'static str,

    pub problem: fn(&Problem, Locale) -> String,
    pub snapshot_error: fn(&SnapshotError) -> String,
}
