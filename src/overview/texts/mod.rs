//! The overview's own texts (home, dashboard, the invoices behind its charts, payers), in
//! French and English.
//!
//! Only this group's chunk carries them; the shell's stay in `crate::i18n` (see ARCHITECTURE.md,
//! Texts). One struct, filled by `fr.rs` and `en.rs`, so that a string missing in one language
//! does not compile.

mod en;
mod fr;

use crate::i18n::Localized;
use encaisse_domain::analysis::prediction::DelayBasis;
use encaisse_domain::NaiveDate;

pub struct OverviewTexts {
    pub app_tagline: &'static str,
    pub total: &'static str,

    pub welcome_title: &'static str,
    pub welcome_text: &'static str,
    pub welcome_add_client: &'static str,
    pub welcome_load_demo: &'static str,
    pub summary_title: &'static str,
    pub summary_outstanding: &'static str,
    pub summary_overdue: &'static str,
    pub nothing_overdue: &'static str,
    pub col_overdue: &'static str,
    pub col_number: &'static str,
    pub col_client: &'static str,
    pub col_due: &'static str,
    pub col_total: &'static str,
    pub col_remaining: &'static str,
    pub col_days_past_due: &'static str,

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
    /// Overdue beyond the client's usual delay, hence not in the forecast's weeks.
    pub forecast_overdue_unexpected: fn(&str) -> String,
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
    pub beyond_usual_delay_title: &'static str,
    pub beyond_usual_delay_intro: &'static str,
    pub nothing_beyond_usual_delay: &'static str,
    pub back_to_dashboard: &'static str,
    pub col_score: &'static str,
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
    pub kpi_litigation: &'static str,
    pub litigation_count: fn(usize) -> String,
}

/// The overview texts in the current language; `get` in a view follows language switches.
pub fn use_overview_texts() -> Localized<OverviewTexts> {
    Localized::new(&fr::TEXTS, &en::TEXTS)
}

/// An overview string of the current language, as [`crate::i18n::tr`] for the shell's.
pub fn overview_tr(
    pick: fn(&'static OverviewTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_overview_texts().tr(pick)
}
