//! The late-payment mention an invoice carries: the issuer's own clause, else the one the law
//! asks for, in the invoice's language.

use crate::law::penalty::RECOVERY_INDEMNITY;
use crate::model::client::ClientKind;
use crate::model::issuer::Issuer;
use crate::values::format::{format_eur, Locale};

impl Issuer {
    /// The clause to print on invoices to businesses: the issuer's own, else the default.
    /// Invoices to private individuals print [`default_late_clause`] for
    /// [`ClientKind::Individual`], which no business clause may replace (the 40 € and the
    /// L441-10 rate do not apply to them).
    pub fn late_clause_or_default(&self, locale: Locale) -> String {
        if self.late_clause.trim().is_empty() {
            default_late_clause(locale, ClientKind::Business)
        } else {
            self.late_clause.clone()
        }
    }
}

/// The late-payment mention an invoice must carry. Between businesses (L441-9 and L441-10 of
/// the Code de commerce): the penalty rate, the 40 € indemnity (D441-5) and the discount terms
/// for early payment. For a private individual, neither applies: interest at the taux légal
/// runs from a formal notice (articles 1231-6 and 1344 of the Code civil).
pub fn default_late_clause(locale: Locale, kind: ClientKind) -> String {
    let indemnity = format_eur(RECOVERY_INDEMNITY, locale);
    match (kind, locale) {
        (ClientKind::Business, Locale::Fr) => format!(
            "En cas de retard de paiement, des pénalités de retard sont exigibles de plein \
             droit dès le lendemain de la date d'échéance, au taux de la Banque centrale \
             européenne appliqué à son opération de refinancement la plus récente, majoré de \
             10 points (art. L441-10 du Code de commerce), ainsi qu'une indemnité forfaitaire \
             pour frais de recouvrement de {indemnity} (art. D441-5 du Code de commerce). \
             Pas d'escompte pour paiement anticipé."
        ),
        (ClientKind::Business, Locale::En) => format!(
            "Late payment automatically incurs, from the day after the due date, late-payment \
             interest at the rate applied by the European Central Bank to its most recent \
             refinancing operation plus 10 percentage points (Article L441-10 of the French \
             Commercial Code), and a fixed indemnity for recovery costs of {indemnity} \
             (Article D441-5 of the French Commercial Code). No discount for early payment."
        ),
        (ClientKind::Individual, Locale::Fr) => "En cas de retard de paiement, les sommes \
             dues porteront intérêts au taux légal à compter de la mise en demeure (art. \
             1231-6 et 1344 du Code civil)."
            .to_string(),
        (ClientKind::Individual, Locale::En) => "In the event of late payment, the amounts \
             due will bear interest at the French statutory rate (taux légal) from the date of \
             a formal notice (Articles 1231-6 and 1344 of the French Civil Code)."
            .to_string(),
    }
}
