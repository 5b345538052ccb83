//! The current language, and the texts the core carries: the shell's (header, navigation,
//! banners, loading and not-found screens) and those of the shared components
//! (`crate::components`), in French (default) and English.
//!
//! Each group of screens keeps its own texts beside its code (`crate::ledger::texts` and the
//! like), read through [`Localized`], so that only its chunk carries them; the few that several
//! groups show and no shared component does are in [`shared`]. Everywhere the rule is the same:
//! one struct, filled by `fr.rs` and `en.rs`, so the compiler refuses a string that exists in
//! one language only. Strings with values are functions.

mod en;
mod fr;
pub mod grammar;
pub mod shared;

use encaisse_domain::analysis::score::{Factor, Grade};
use encaisse_domain::files::snapshot::SnapshotError;
use encaisse_domain::law::penalty::rates::MissingRate;
use encaisse_domain::law::penalty::{NoInterest, RateSource};
use encaisse_domain::model::invoice::InvoiceStatus;
use encaisse_domain::model::terms::LegalCapWarning;
use encaisse_domain::values::format::Locale;
use encaisse_domain::values::problem::PlanProblem;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::values::problem::ReminderProblem;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn texts(self) -> &'static Texts {
        self.pick(&fr::TEXTS, &en::TEXTS)
    }
    /// One of two things written per language: `fr` in French, `en` in English.
    pub fn pick<T: ?Sized>(self, fr: &'static T, en: &'static T) -> &'static T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
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

/// A group's own texts, one struct filled once per language, read in the current language as
/// [`I18n`] reads the shell's: `get` inside a view follows language switches.
pub struct Localized<T: 'static> {
    lang: RwSignal<Lang>,
    fr: &'static T,
    en: &'static T,
}

impl<T> Clone for Localized<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Localized<T> {}

impl<T: Sync + 'static> Localized<T> {
    /// The texts `fr` and `en`, read in the language of the context.
    pub fn new(fr: &'static T, en: &'static T) -> Self {
        Localized {
            lang: use_t().0,
            fr,
            en,
        }
    }
    /// The texts of the current language; reading it inside a view subscribes to changes.
    pub fn get(&self) -> &'static T {
        self.lang.get().pick(self.fr, self.en)
    }
    pub fn get_untracked(&self) -> &'static T {
        self.lang.get_untracked().pick(self.fr, self.en)
    }
    /// A string of the current language, following language switches, as [`tr`] does for the
    /// shell's: one closure type for every call site of a group.
    pub fn tr(
        self,
        pick: fn(&'static T) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.get())
    }
}

pub struct Texts {
    // The shell: header and navigation, loading and not-found screens, storage banners.
    pub locale: Locale,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_clients: &'static str,
    pub nav_invoices: &'static str,
    pub nav_payment: &'static str,
    pub nav_bank: &'static str,
    pub nav_reminders: &'static str,
    pub nav_aging: &'static str,
    pub nav_payers: &'static str,
    pub nav_calculator: &'static str,
    pub nav_settings: &'static str,
    pub language: &'static str,
    pub other_language: &'static str,
    pub other_language_name: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub chunk_loading: &'static str,
    pub chunk_failed_title: &'static str,
    pub chunk_failed_text: &'static str,
    pub chunk_retry: &'static str,

    pub ledger_loading: &'static str,
    pub banner_unreadable: fn(&str) -> String,
    pub banner_full: &'static str,
    pub banner_write_failed: fn(&str) -> String,
    pub banner_unavailable: &'static str,
    pub banner_elsewhere: &'static str,
    pub banner_change_lost: &'static str,
    pub download_backup: &'static str,
    pub banner_code_missing: &'static str,
    /// An action whose code could not be fetched.
    pub code_missing: &'static str,
    pub storage_retry: &'static str,
    pub start_fresh: &'static str,
    pub confirm_start_fresh: &'static str,
    pub download_unreadable: &'static str,
    pub dismiss: &'static str,
    pub welcome_restore: &'static str,
    pub snapshot_error: fn(&SnapshotError) -> String,

    // Shared components: fields and forms, a change refused (`components::change_error_text`),
    // the terms picker, the status badge.
    pub date: &'static str,
    pub saved_nowhere: &'static str,
    pub problem: fn(&Problem, Locale) -> String,
    pub reminder_problem: fn(&ReminderProblem, Locale) -> String,
    pub plan_problem: fn(&PlanProblem) -> String,
    pub f_terms: &'static str,
    pub f_days: &'static str,
    pub terms_on_receipt: &'static str,
    pub terms_net: &'static str,
    pub terms_end_of_month: &'static str,
    pub terms_days_eom_a: &'static str,
    pub terms_days_eom_b: &'static str,
    pub cap_warning: fn(LegalCapWarning) -> &'static str,
    pub status: fn(InvoiceStatus) -> &'static str,

    // Penalties (`components::penalty`).
    pub days_late: fn(i64) -> String,
    pub summary_claimable: &'static str,
    pub claimable_summary: fn(&str, usize) -> String,
    pub missing_rates_warning: fn(usize, &str) -> String,
    pub enter_missing_rate: &'static str,
    pub pen_period: &'static str,
    pub pen_days: &'static str,
    pub pen_base: &'static str,
    pub pen_rate: &'static str,
    pub pen_interest: &'static str,
    pub pen_interest_total: &'static str,
    pub pen_indemnity: &'static str,
    pub pen_total: &'static str,
    pub pen_on_time: &'static str,
    pub rate_source: fn(&RateSource, Locale) -> String,
    pub no_interest: fn(NoInterest) -> String,
    pub missing_rate: fn(&MissingRate) -> String,
    pub pen_explain_formula: &'static str,
    /// The formula for a private individual: from the formal notice, no Code de commerce.
    pub pen_explain_formula_individual: &'static str,
    pub pen_explain_default: &'static str,
    pub pen_explain_contract: &'static str,
    pub pen_explain_floor: &'static str,
    pub pen_explain_indemnity: &'static str,
    pub pen_explain_waived: &'static str,
    pub pen_explain_individual: &'static str,
    pub pen_explain_split: &'static str,
    pub pen_explain_frozen: &'static str,
    pub pen_explain_partial: &'static str,

    // Scores (`components::score`).
    /// Paid invoices in the lookback, when under the minimum.
    pub not_enough_history: fn(usize) -> String,
    pub score_out_of: fn(u8) -> String,
    pub grade_meaning: fn(Grade) -> &'static str,
    pub factor: fn(&Factor) -> String,
}
