//! What kind of operation a line is, from the words French banks start their labels with,
//! for formats that give no code of their own (CSV, QIF) or a vague one (OFX `OTHER`).

use crate::model::bank_book::LineKind;
use crate::values::text::fold;

/// Label prefixes and the kind they announce, longest first where one starts another.
const PREFIXES: [(&str, LineKind); 24] = [
    ("paiement par carte", LineKind::Card),
    ("paiement cb", LineKind::Card),
    ("carte ", LineKind::Card),
    ("cb ", LineKind::Card),
    ("achat cb", LineKind::Card),
    ("retrait dab", LineKind::Cash),
    ("retrait ", LineKind::Cash),
    ("frais ", LineKind::Fee),
    ("commission", LineKind::Fee),
    ("cotisation", LineKind::Fee),
    ("agios", LineKind::Fee),
    ("abonnement ", LineKind::Fee),
    ("interets ", LineKind::Interest),
    ("prlv", LineKind::DirectDebit),
    ("prelevement", LineKind::DirectDebit),
    ("remise cheque", LineKind::Cheque),
    ("remise chq", LineKind::Cheque),
    ("rem chq", LineKind::Cheque),
    ("cheque", LineKind::Cheque),
    ("chq", LineKind::Cheque),
    ("vir", LineKind::Transfer),
    ("virement", LineKind::Transfer),
    ("sepa credit transfer", LineKind::Transfer),
    ("transfer", LineKind::Transfer),
];

/// The kind a label announces, or [`LineKind::Unknown`].
pub fn from_label(label: &str) -> LineKind {
    let folded = fold(label.trim());
    PREFIXES
        .iter()
        .find(|(prefix, _)| folded.starts_with(prefix))
        .map_or(LineKind::Unknown, |(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_label_prefixes() {
        // Guards against a card payment or a bank fee being offered as a client's payment.
        assert_eq!(from_label("CB AMAZON 12/02"), LineKind::Card);
        assert_eq!(from_label("PAIEMENT PAR CARTE X1234"), LineKind::Card);
        assert_eq!(from_label("FRAIS TENUE DE COMPTE"), LineKind::Fee);
        assert_eq!(from_label("Cotisation Jazz Pro"), LineKind::Fee);
        assert_eq!(from_label("VIR SEPA RECU /DE DUPONT"), LineKind::Transfer);
        assert_eq!(from_label("PRLV SEPA URSSAF"), LineKind::DirectDebit);
        assert_eq!(from_label("REMISE CHEQUE 1234567"), LineKind::Cheque);
        assert_eq!(from_label("Intérêts créditeurs"), LineKind::Interest);
        assert_eq!(from_label("DUPONT SARL"), LineKind::Unknown);
        // "carte" alone inside a label does not make it a card line.
        assert_eq!(from_label("VIR CARTEL SAS"), LineKind::Transfer);
    }
}
