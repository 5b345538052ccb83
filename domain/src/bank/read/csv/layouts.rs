//! The known banks' CSV layouts, as data: the header names each bank writes and what each
//! column means. A layout is recognised when every one of its `required` names is in a row
//! of the file; adding a bank is adding an entry to [`LAYOUTS`].
//!
//! Names are compared in their [`normalise`]d form (folded case and accents, punctuation
//! as spaces), so `Date de l'opération`, `DATE DE L'OPERATION` and `Date de l’opération`
//! written in Windows-1252 all compare equal.
//!
//! Where each header comes from is said above its entry: the project's reference notes, or
//! open-source importers that hardcode the real export header (found through a public
//! importer's table of bank presets, which cites them; not checked against a live export).

use crate::bank::statement::CsvLayout;
use crate::values::text::fold;

/// What a column of a bank's export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Date,
    ValueDate,
    /// One signed amount, credit positive.
    Amount,
    Debit,
    Credit,
    Label,
    Details,
    Reference,
    Counterparty,
    CounterpartyIban,
    /// The bank's own type or category of the operation (`Type operation`, `category`).
    Kind,
    /// Whether the operation is booked (Qonto's `Status`).
    Status,
    /// The currency of the amount; a line in another currency than the euro is set aside.
    Currency,
    AccountNumber,
    AccountLabel,
}

/// One bank's layout.
pub(super) struct Layout {
    pub bank: CsvLayout,
    /// Names that must all be in the header row, with their roles.
    pub required: &'static [(&'static str, Role)],
    /// Names read when present.
    pub optional: &'static [(&'static str, Role)],
}

use Role::*;

/// The layouts recognised from a header row, the most specific first: a layout whose
/// required names include another's comes before it (Caisse d'Épargne before Crédit Mutuel,
/// which both have `Debit` and `Credit`).
pub(super) const LAYOUTS: [Layout; 13] = [
    // Caisse d'Épargne (and Banque Populaire, same BPCE software). Header from
    // ../shared/reference/bank-statements-fr.md and
    // https://github.com/NonoHM/budgetpilot/blob/HEAD/src/lib/server/import/profiles/banque-populaire.ts
    // `Debit` is written negative, `Credit` with a `+`.
    Layout {
        bank: CsvLayout::CaisseEpargne,
        required: &[
            ("date de comptabilisation", Date),
            ("libelle operation", Label),
            ("debit", Debit),
            ("credit", Credit),
        ],
        optional: &[
            ("date de valeur", ValueDate),
            ("reference", Reference),
            ("informations complementaires", Details),
            ("type operation", Kind),
        ],
    },
    // Boursorama (BoursoBank). Header from the reference notes and
    // https://github.com/azerpas/bourso-api/blob/HEAD/src/bourso_api/src/client/transaction.rs
    // ISO dates; one file may hold several accounts.
    Layout {
        bank: CsvLayout::Boursorama,
        required: &[("dateop", Date), ("label", Label), ("amount", Amount)],
        optional: &[
            ("dateval", ValueDate),
            ("category", Kind),
            ("comment", Details),
            ("supplierfound", Counterparty),
            ("accountnum", AccountNumber),
            ("accountlabel", AccountLabel),
        ],
    },
    // Shine. Header from
    // https://github.com/rodulfo-dmgz/RD-Recueil/blob/HEAD/app/js/engine/import-shine.js
    // (`Transaction ID;Date de la valeur;Date d'opération;IBAN;Type de transaction;...;
    // Débit;Crédit;...;Libellé;Nom de la contrepartie;...;Commentaire`). Its `IBAN` column is
    // left out: the source does not say whose IBAN it is.
    Layout {
        bank: CsvLayout::Shine,
        required: &[
            ("transaction id", Reference),
            ("date d operation", Date),
            ("debit", Debit),
            ("credit", Credit),
            ("libelle", Label),
        ],
        optional: &[
            ("date de la valeur", ValueDate),
            ("type de transaction", Kind),
            ("nom de la contrepartie", Counterparty),
            ("commentaire", Details),
        ],
    },
    // Qonto, English export. Header from
    // https://github.com/qonto/qonto-faq-benchmark/blob/HEAD/dataset/documents/markdown/0764.md
    // and https://github.com/enobase/demo-coda-export/blob/HEAD/src/parsers/qonto.ts.
    // No label apart from the counterparty, which is both.
    Layout {
        bank: CsvLayout::Qonto,
        required: &[
            ("settlement date utc", Date),
            ("total amount incl vat", Amount),
            ("counterparty name", Label),
        ],
        optional: &[
            ("counterparty name", Counterparty),
            ("status", Status),
            ("currency", Currency),
            ("payment method", Kind),
            ("reference", Reference),
            ("note", Details),
            ("counterparty iban", CounterpartyIban),
        ],
    },
    // Qonto, French export. Header from
    // https://github.com/enobase/demo-coda-export/blob/HEAD/src/parsers/qonto.ts
    // (`Statut;Date de la valeur (UTC);Date de l'opération (UTC);Montant total (TTC);...`),
    // dates `DD-MM-YYYY HH:MM:SS`.
    Layout {
        bank: CsvLayout::Qonto,
        required: &[
            ("date de la valeur utc", Date),
            ("montant total ttc", Amount),
            ("nom de la contrepartie", Label),
        ],
        optional: &[
            ("nom de la contrepartie", Counterparty),
            ("statut", Status),
            ("devise", Currency),
            ("methode de paiement", Kind),
            ("reference", Reference),
            ("note", Details),
        ],
    },
    // Société Générale. Header from the reference notes and
    // https://github.com/AiroPi/moneymanager/blob/HEAD/readers/societe_generale.py
    Layout {
        bank: CsvLayout::SocieteGenerale,
        required: &[
            ("date de l operation", Date),
            ("libelle", Label),
            ("detail de l ecriture", Details),
            ("montant de l operation", Amount),
        ],
        optional: &[("devise", Currency)],
    },
    // Crédit Agricole. Header from
    // https://github.com/jbleduigou/budgetcategorizer/blob/HEAD/parser/parser_test.go
    // (`Date;Libellé;Débit Euros;Crédit Euros;`, below the account lines), debit and credit
    // both written positive; some exports add `Date valeur`.
    Layout {
        bank: CsvLayout::CreditAgricole,
        required: &[
            ("date", Date),
            ("libelle", Label),
            ("debit euros", Debit),
            ("credit euros", Credit),
        ],
        optional: &[("date valeur", ValueDate)],
    },
    // Crédit Mutuel. Header from the reference notes and
    // https://github.com/afup/web/blob/HEAD/sources/AppBundle/Compta/Importer/CreditMutuel.php
    // (`Date;Date de valeur;Débit;Crédit;Libellé;Solde`); value date and balance optional.
    Layout {
        bank: CsvLayout::CreditMutuel,
        required: &[
            ("date", Date),
            ("debit", Debit),
            ("credit", Credit),
            ("libelle", Label),
        ],
        optional: &[("date de valeur", ValueDate)],
    },
    // CIC, `,` with a dot decimal or `;` with a decimal comma (the amount reader takes both).
    // Header from the reference notes: `Date d'opération,Date de valeur,Montant,Libellé,Solde`.
    Layout {
        bank: CsvLayout::Cic,
        required: &[
            ("date d operation", Date),
            ("montant", Amount),
            ("libelle", Label),
        ],
        optional: &[("date de valeur", ValueDate)],
    },
    // LCL: no public source of its CSV header was found (the preset table cited above has
    // none either). Assumed: `Date;Montant;Type;Numéro de chèque;Libellé`, the columns of the
    // LCL export as users describe it, recognised by `Type` next to a single `Montant`.
    Layout {
        bank: CsvLayout::Lcl,
        required: &[
            ("date", Date),
            ("montant", Amount),
            ("type", Kind),
            ("libelle", Label),
        ],
        optional: &[("numero de cheque", Reference)],
    },
    // Crédit Mutuel's single-amount variant: `Date;Date de valeur;Montant;Libellé;Solde`, from
    // https://github.com/vrischmann/beancount-importers/blob/HEAD/synthetic/ccm-courant/README.md
    Layout {
        bank: CsvLayout::CreditMutuel,
        required: &[
            ("date", Date),
            ("date de valeur", ValueDate),
            ("montant", Amount),
            ("libelle", Label),
        ],
        optional: &[],
    },
    // La Banque Postale: `Date;Libellé;Montant(EUROS);Montant(FRANCS)` below the account lines
    // (`Numéro Compte`, `Type`, `Compte tenu en`, `Date`, `Solde (EUROS)`). Sources:
    // https://doc4-fr.openflyers.com/Mod%C3%A8le-d'import-de-relev%C3%A9-bancaire-CSV-Banque-Postale-avec-point-virgule
    Layout {
        bank: CsvLayout::BanquePostale,
        required: &[
            ("date", Date),
            ("libelle", Label),
            ("montant euros", Amount),
        ],
        optional: &[],
    },
    // BNP Paribas' header form, for its exports that have one:
    // `Date operation;Libelle court;Type operation;Libelle operation;Montant operation en euro`,
    // from https://github.com/BrunBrun24/InsightBank/blob/HEAD/src/accounts/bank/importers/data_extractor.py
    // Its headerless form is recognised from the rows' shape (see [`BNP_ROWS`]).
    Layout {
        bank: CsvLayout::BnpParibas,
        required: &[
            ("date operation", Date),
            ("libelle operation", Label),
            ("montant operation en euro", Amount),
        ],
        optional: &[("type operation", Kind)],
    },
];

/// BNP Paribas' rows without a header, `date;category;subcategory;label;amount`, as the
/// reference notes describe them: the columns by position.
pub(super) const BNP_ROWS: [(Role, usize); 4] = [(Date, 0), (Kind, 1), (Label, 3), (Amount, 4)];

/// A header name in the form layouts are written in: folded case and accents, every run of
/// punctuation or spaces one space (`Montant(EUROS)` is `montant euros`).
pub(super) fn normalise(name: &str) -> String {
    let folded = fold(name);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The layout a row of header names is, with the names normalised, if any.
pub(super) fn recognise(names: &[String]) -> Option<&'static Layout> {
    LAYOUTS.iter().find(|layout| {
        layout
            .required
            .iter()
            .all(|(name, _)| names.iter().any(|n| n == name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(header: &str) -> Vec<String> {
        header.split(';').map(normalise).collect()
    }

    #[test]
    fn header_names_compare_without_case_accents_or_punctuation() {
        // Guards against `Montant(EUROS)` or `Date de l’opération` not matching a layout.
        assert_eq!(normalise("Montant(EUROS)"), "montant euros");
        assert_eq!(normalise(" Date de l'Opération "), "date de l operation");
        assert_eq!(
            normalise("Total amount (incl. VAT)"),
            "total amount incl vat"
        );
    }

    #[test]
    fn specific_layouts_win_over_the_ones_they_contain() {
        // Guards against Caisse d'Épargne's Debit/Credit header read as Crédit Mutuel's, and
        // Crédit Mutuel's single-amount variant read as CIC's or LCL's.
        let ce = "Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;Date operation;Date de valeur;Pointage operation";
        assert_eq!(
            recognise(&names(ce)).map(|l| l.bank),
            Some(CsvLayout::CaisseEpargne)
        );
        let cm = "Date;Date de valeur;Débit;Crédit;Libellé;Solde";
        assert_eq!(
            recognise(&names(cm)).map(|l| l.bank),
            Some(CsvLayout::CreditMutuel)
        );
        let cm_amount = "Date;Date de valeur;Montant;Libellé;Solde";
        assert_eq!(
            recognise(&names(cm_amount)).map(|l| l.bank),
            Some(CsvLayout::CreditMutuel)
        );
        assert_eq!(
            recognise(&names("Date;Montant;Libellé")).map(|l| l.bank),
            None
        );
    }
}
