//! The standalone penalty calculator. Its form is the query of a link,
//! `#/calculateur?montant=15000&echeance=2018-04-15&paiement=2018-05-15&taux=15&client=pro`,
//! so a result can be shared, reloaded or embedded: the form reads a query, writes one, and
//! validates into a [`LateInvoice`].
//!
//! Parameters: `montant` (amount including VAT, `.` or `,` as decimal mark), `echeance` and
//! `paiement` (YYYY-MM-DD; no `paiement` means today), `taux` (annual percent, optional),
//! `client` (`pro` or `particulier`, default `pro`), `mise_en_demeure` (YYYY-MM-DD, private
//! clients), and `reglement=YYYY-MM-DD:amount`, repeated, for each partial payment.

use super::LateInvoice;
use crate::model::client::ClientKind;
use crate::model::invoice::parse_date;
use crate::values::money::{parse_optional_rate, parse_positive_amount};
use crate::values::params::{encode_query, first, parse_query};
use crate::values::problem::{FieldError, Problem};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A partial payment as typed: its date and amount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettlementText {
    pub date: String,
    pub amount: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalculatorForm {
    pub amount: String,
    pub due_date: String,
    /// Empty: today.
    pub payment_date: String,
    pub rate: String,
    /// `pro` or `particulier`.
    pub client_kind: String,
    pub formal_notice: String,
    pub settlements: Vec<SettlementText>,
}

impl Default for CalculatorForm {
    fn default() -> Self {
        CalculatorForm {
            amount: String::new(),
            due_date: String::new(),
            payment_date: String::new(),
            rate: String::new(),
            client_kind: PRO.into(),
            formal_notice: String::new(),
            settlements: Vec::new(),
        }
    }
}

const PRO: &str = "pro";
const INDIVIDUAL: &str = "particulier";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalculatorField {
    Amount,
    DueDate,
    PaymentDate,
    Rate,
    ClientKind,
    FormalNotice,
    /// The partial payment at this index.
    Settlement(usize),
}

impl CalculatorField {
    /// The parameter's name in the link, which messages about a bad link quote.
    pub fn param(self) -> &'static str {
        match self {
            CalculatorField::Amount => "montant",
            CalculatorField::DueDate => "echeance",
            CalculatorField::PaymentDate => "paiement",
            CalculatorField::Rate => "taux",
            CalculatorField::ClientKind => "client",
            CalculatorField::FormalNotice => "mise_en_demeure",
            CalculatorField::Settlement(_) => "reglement",
        }
    }
}

impl CalculatorForm {
    pub fn from_query(query: &str) -> CalculatorForm {
        let pairs = parse_query(query);
        let text = |field: CalculatorField| first(&pairs, field.param()).unwrap_or("").to_string();
        CalculatorForm {
            amount: text(CalculatorField::Amount),
            due_date: text(CalculatorField::DueDate),
            payment_date: text(CalculatorField::PaymentDate),
            rate: text(CalculatorField::Rate),
            client_kind: first(&pairs, CalculatorField::ClientKind.param())
                .filter(|kind| !kind.is_empty())
                .unwrap_or(PRO)
                .to_string(),
            formal_notice: text(CalculatorField::FormalNotice),
            settlements: pairs
                .iter()
                .filter(|(name, _)| name == CalculatorField::Settlement(0).param())
                .map(|(_, value)| {
                    let (date, amount) = value.split_once(':').unwrap_or((value, ""));
                    SettlementText {
                        date: date.to_string(),
                        amount: amount.to_string(),
                    }
                })
                .collect(),
        }
    }

    /// The query that gives this form back; the default client kind is left out.
    pub fn to_query(&self) -> String {
        let settlements: Vec<String> = self
            .settlements
            .iter()
            .map(|s| format!("{}:{}", s.date, s.amount))
            .collect();
        let kind = if self.client_kind == PRO {
            ""
        } else {
            &self.client_kind
        };
        let notice = if self.client_kind == INDIVIDUAL {
            self.formal_notice.as_str()
        } else {
            ""
        };
        encode_query(
            [
                (CalculatorField::Amount, self.amount.as_str()),
                (CalculatorField::DueDate, &self.due_date),
                (CalculatorField::PaymentDate, &self.payment_date),
                (CalculatorField::Rate, &self.rate),
                (CalculatorField::ClientKind, kind),
                (CalculatorField::FormalNotice, notice),
            ]
            .into_iter()
            .map(|(field, value)| (field.param(), value.trim()))
            .chain(
                settlements
                    .iter()
                    .map(|s| (CalculatorField::Settlement(0).param(), s.as_str())),
            ),
        )
    }

    /// The form that computes `case`: how the ledger links an invoice to the calculator.
    pub fn from_case(case: &LateInvoice) -> CalculatorForm {
        CalculatorForm {
            amount: case.amount.to_string(),
            due_date: crate::values::iso_date::format(case.due_date),
            payment_date: crate::values::iso_date::format(case.until),
            rate: case
                .contractual_rate
                .map(|r| r.to_string())
                .unwrap_or_default(),
            client_kind: match case.client_kind {
                ClientKind::Business => PRO,
                ClientKind::Individual => INDIVIDUAL,
            }
            .into(),
            formal_notice: case
                .formal_notice
                .map(crate::values::iso_date::format)
                .unwrap_or_default(),
            settlements: case
                .settlements
                .iter()
                .map(|(date, amount)| SettlementText {
                    date: crate::values::iso_date::format(*date),
                    amount: amount.to_string(),
                })
                .collect(),
        }
    }

    pub fn client_kind(&self) -> Option<ClientKind> {
        match self.client_kind.as_str() {
            PRO => Some(ClientKind::Business),
            INDIVIDUAL => Some(ClientKind::Individual),
            _ => None,
        }
    }

    /// The case to compute, or every field's problem. `today` stands in for a missing
    /// payment date.
    pub fn validate(
        &self,
        today: NaiveDate,
    ) -> Result<LateInvoice, Vec<FieldError<CalculatorField>>> {
        let mut errors = Vec::new();
        fn noted<T>(
            errors: &mut Vec<FieldError<CalculatorField>>,
            field: CalculatorField,
            result: Result<T, Problem>,
        ) -> Option<T> {
            result
                .map_err(|problem| errors.push(FieldError::new(field, problem)))
                .ok()
        }
        let optional_date = |text: &str| {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                parse_date(text).map(Some)
            }
        };
        let amount = noted(
            &mut errors,
            CalculatorField::Amount,
            parse_positive_amount(&self.amount),
        );
        let due_date = noted(
            &mut errors,
            CalculatorField::DueDate,
            parse_date(&self.due_date),
        );
        let payment_date = noted(
            &mut errors,
            CalculatorField::PaymentDate,
            optional_date(&self.payment_date),
        );
        let rate = noted(
            &mut errors,
            CalculatorField::Rate,
            parse_optional_rate(&self.rate),
        );
        let kind = noted(
            &mut errors,
            CalculatorField::ClientKind,
            self.client_kind().ok_or(Problem::NotAChoice),
        );
        let notice = noted(
            &mut errors,
            CalculatorField::FormalNotice,
            optional_date(&self.formal_notice),
        );
        let mut settlements = Vec::new();
        for (index, text) in self.settlements.iter().enumerate() {
            let field = CalculatorField::Settlement(index);
            let date = noted(&mut errors, field, parse_date(&text.date));
            let paid =
                date.and_then(|_| noted(&mut errors, field, parse_positive_amount(&text.amount)));
            if let (Some(date), Some(paid)) = (date, paid) {
                settlements.push((date, paid));
            }
        }
        if let Some(amount) = amount {
            let settled: Decimal = settlements.iter().map(|(_, paid)| *paid).sum();
            if settled > amount {
                errors.push(FieldError::new(
                    CalculatorField::Settlement(self.settlements.len().saturating_sub(1)),
                    Problem::SettlementsExceedAmount { amount },
                ));
            }
        }
        match (amount, due_date, payment_date, rate, kind, notice) {
            (
                Some(amount),
                Some(due_date),
                Some(payment_date),
                Some(rate),
                Some(kind),
                Some(notice),
            ) if errors.is_empty() => Ok(LateInvoice {
                amount,
                due_date,
                until: payment_date.unwrap_or(today),
                settlements,
                client_kind: kind,
                contractual_rate: rate,
                formal_notice: notice.filter(|_| kind == ClientKind::Individual),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_the_documented_link() {
        let form = CalculatorForm::from_query(
            "montant=15000&echeance=2018-04-15&paiement=2018-05-15&taux=15&client=pro",
        );
        let case = form.validate(d(2026, 11, 22)).unwrap();
        assert_eq!(case.amount, dec!(15000));
        assert_eq!(case.due_date, d(2018, 4, 15));
        assert_eq!(case.until, d(2018, 5, 15));
        assert_eq!(case.contractual_rate, Some(dec!(15)));
        assert_eq!(case.client_kind, ClientKind::Business);
        assert_eq!(
            CalculatorForm::from_query(&form.to_query()),
            form,
            "the link it writes reads back the same"
        );
    }

    #[test]
    fn no_payment_date_means_today_and_a_comma_is_a_decimal_mark() {
        let form = CalculatorForm::from_query("montant=1%20234,50&echeance=2026-10-01");
        let case = form.validate(d(2026, 11, 22)).unwrap();
        assert_eq!(case.amount, dec!(1234.50));
        assert_eq!(case.until, d(2026, 11, 22));
    }

    #[test]
    fn every_bad_parameter_is_named() {
        // Guards against a blank screen, or one vague message, for a hand-edited link.
        let form = CalculatorForm::from_query(
            "montant=abc&echeance=2018-13-01&paiement=hier&taux=250&client=martien&mise_en_demeure=x&reglement=2018-05-01:0",
        );
        let fields: Vec<CalculatorField> = form
            .validate(d(2026, 11, 22))
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                CalculatorField::Amount,
                CalculatorField::DueDate,
                CalculatorField::PaymentDate,
                CalculatorField::Rate,
                CalculatorField::ClientKind,
                CalculatorField::FormalNotice,
                CalculatorField::Settlement(0),
            ]
        );
    }

    #[test]
    fn partial_payments_and_notice_for_a_private_client() {
        let form = CalculatorForm::from_query(
            "montant=1000&echeance=2024-01-31&client=particulier&mise_en_demeure=2024-02-15&reglement=2024-03-01:400&reglement=2024-03-15:100.50",
        );
        let case = form.validate(d(2024, 6, 1)).unwrap();
        assert_eq!(case.client_kind, ClientKind::Individual);
        assert_eq!(case.formal_notice, Some(d(2024, 2, 15)));
        assert_eq!(
            case.settlements,
            vec![(d(2024, 3, 1), dec!(400)), (d(2024, 3, 15), dec!(100.50))]
        );
        assert_eq!(CalculatorForm::from_query(&form.to_query()), form);
    }

    #[test]
    fn partial_payments_cannot_exceed_the_amount() {
        let form = CalculatorForm::from_query(
            "montant=100&echeance=2024-01-31&reglement=2024-03-01:60&reglement=2024-03-02:60",
        );
        let errors = form.validate(d(2024, 6, 1)).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(
                CalculatorField::Settlement(1),
                Problem::SettlementsExceedAmount { amount: dec!(100) }
            )]
        );
    }

    #[test]
    fn a_case_from_the_ledger_opens_in_the_calculator_unchanged() {
        // Guards against the calculator link of an invoice computing something else.
        let case = LateInvoice {
            amount: dec!(1234.56),
            due_date: d(2024, 1, 31),
            until: d(2024, 6, 1),
            settlements: vec![(d(2024, 3, 1), dec!(200.5))],
            client_kind: ClientKind::Individual,
            contractual_rate: Some(dec!(12.5)),
            formal_notice: Some(d(2024, 2, 15)),
        };
        let form = CalculatorForm::from_query(&CalculatorForm::from_case(&case).to_query());
        assert_eq!(form.validate(d(2030, 1, 1)), Ok(case));
    }

    #[test]
    fn a_notice_for_a_business_client_is_ignored() {
        let form = CalculatorForm::from_query(
            "montant=100&echeance=2024-01-31&mise_en_demeure=2024-02-15",
        );
        assert_eq!(form.validate(d(2024, 6, 1)).unwrap().formal_notice, None);
        assert!(
            !form.to_query().contains("mise_en_demeure"),
            "nor written into the link"
        );
    }
}
