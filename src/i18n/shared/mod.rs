//! The texts several groups of screens show but neither the shell nor a shared component does,
//! in French and English: a chunk several groups share carries them, never the core. Only
//! functions and sentences that state a rule live here, so that each exists once; a short label
//! two groups show is copied into each group's own texts instead.

pub(crate) mod en;
pub(crate) mod fr;

use crate::i18n::Localized;
use encaisse_domain::analysis::history::HistoryEvent;
use encaisse_domain::model::payment::PaymentMethod;
use encaisse_domain::model::reminders::LitigationKind;
use encaisse_domain::model::reminders::{Channel, Tone};
use encaisse_domain::values::format::Locale;

pub struct SharedTexts {
    pub form_has_errors: fn(usize) -> String,
    pub f_contractual_rate: &'static str,
    pub hint_contractual_rate: &'static str,
    pub history_event: fn(&HistoryEvent, Locale) -> String,
    pub method: fn(PaymentMethod) -> &'static str,
    /// A bucket's heading from its day range; None is "not yet due".
    pub bucket: fn(Option<(u32, Option<u32>)>) -> String,
    pub calc_notice_hint: &'static str,
    pub tone: fn(Tone) -> &'static str,
    pub channel: fn(Channel) -> &'static str,
    pub litigation_kind: fn(LitigationKind) -> &'static str,
}

/// The shared texts in the current language; `get` in a view follows language switches.
pub fn use_shared_texts() -> Localized<SharedTexts> {
    Localized::new(&fr::TEXTS, &en::TEXTS)
}

/// A shared string of the current language, as [`crate::i18n::tr`] for the shell's.
pub fn shared_tr(
    pick: fn(&'static SharedTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use_shared_texts().tr(pick)
}
