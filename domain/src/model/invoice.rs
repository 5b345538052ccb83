//! Invoices: what was billed, to whom, and when it falls due.

use crate::model::terms::PaymentTerms;
use crate::values::ids::{ClientId, DraftId, InvoiceId};
use crate::values::money::{parse_amount, parse_optional_rate, round_cents};
use crate::values::problem::{FieldError, Problem};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceDetails {
    /// Unique in the ledger (one issuer per ledger), compared without case or outer spaces.
    pub number: String,
    pub client: ClientId,
    #[serde(with = "crate::values::iso_date")]
    pub issue_date: NaiveDate,
    pub terms: PaymentTerms,
    /// Amount excluding VAT (HT).
    pub net: Decimal,
    pub vat: Decimal,
    pub description: String,
    /// An annual late-payment rate in percent agreed for this invoice; else the client's.
    pub contractual_rate: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: InvoiceId,
    pub details: InvoiceDetails,
    /// When a formal notice (mise en demeure) was sent for it.
    #[serde(with = "crate::values::iso_date::option")]
    pub formal_notice: Option<NaiveDate>,
}

/// An invoice being prepared: no number is taken until it is issued (French invoice numbers
/// run without gaps), and it is not a receivable yet, but it counts in the client's exposure.
/// The number it carries is the one proposed; issuing checks it is still free.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: DraftId,
    pub details: InvoiceDetails,
}

impl Draft {
    /// Amount including VAT, as the invoice will be issued.
    pub fn total(&self) -> Decimal {
        self.details.net + self.details.vat
    }
}

impl Invoice {
    /// Amount including VAT (TTC): what the client owes.
    pub fn total(&self) -> Decimal {
        self.details.net + self.details.vat
    }

    pub fn due_date(&self) -> NaiveDate {
        self.details.terms.due_date(self.details.issue_date)
    }
}

/// Derived from the facts at a date, never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InvoiceStatus {
    Issued,
    PartlyPaid,
    Overdue,
    Disputed,
    Paid,
    WrittenOff,
}

impl InvoiceStatus {
    pub const ALL: [InvoiceStatus; 6] = [
        InvoiceStatus::Issued,
        InvoiceStatus::PartlyPaid,
        InvoiceStatus::Overdue,
        InvoiceStatus::Disputed,
        InvoiceStatus::Paid,
        InvoiceStatus::WrittenOff,
    ];

    /// A stable name for URLs and files.
    pub fn slug(self) -> &'static str {
        match self {
            InvoiceStatus::Issued => "issued",
            InvoiceStatus::PartlyPaid => "partly_paid",
            InvoiceStatus::Overdue => "overdue",
            InvoiceStatus::Disputed => "disputed",
            InvoiceStatus::Paid => "paid",
            InvoiceStatus::WrittenOff => "written_off",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// French VAT rates offered by the invoice form, in basis points of a percent (2000 = 20 %).
/// 0 covers the franchise en base (art. 293 B du CGI) most freelancers start under.
pub const VAT_RATES_BP: [u32; 5] = [2000, 1000, 550, 210, 0];

pub fn vat_for(net: Decimal, rate_bp: u32) -> Decimal {
    round_cents(net * Decimal::new(i64::from(rate_bp), 4))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvoiceField {
    Number,
    Client,
    IssueDate,
    Terms,
    Net,
    ContractualRate,
    Description,
}

/// The invoice form as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceForm {
    pub number: String,
    pub client: Option<ClientId>,
    /// `YYYY-MM-DD`, as a date input gives it.
    pub issue_date: String,
    pub terms: PaymentTerms,
    pub net: String,
    pub vat_rate_bp: u32,
    pub contractual_rate: String,
    pub description: String,
}

pub const NUMBER_MAX: usize = 40;
pub const DESCRIPTION_MAX: usize = 2000;

impl InvoiceForm {
    pub fn from_invoice(invoice: &Invoice) -> Self {
        Self::from_details(&invoice.details)
    }

    pub fn from_details(d: &InvoiceDetails) -> Self {
        let vat_rate_bp = VAT_RATES_BP
            .into_iter()
            .find(|&bp| vat_for(d.net, bp) == d.vat)
            .unwrap_or(VAT_RATES_BP[0]);
        InvoiceForm {
            number: d.number.clone(),
            client: Some(d.client),
            issue_date: d.issue_date.to_string(),
            terms: d.terms,
            net: d.net.to_string().replace('.', ","),
            vat_rate_bp,
            contractual_rate: d
                .contractual_rate
                .map(|r| r.to_string().replace('.', ","))
                .unwrap_or_default(),
            description: d.description.clone(),
        }
    }

    /// Parses and checks the fields that do not need the ledger; the ledger checks the
    /// number's uniqueness and the client's existence when the invoice is recorded.
    pub fn validate(&self) -> Result<InvoiceDetails, Vec<FieldError<InvoiceField>>> {
        let mut errors = Vec::new();
        let number = self.number.trim();
        if number.is_empty() {
            errors.push(FieldError::new(InvoiceField::Number, Problem::Required));
        } else if number.chars().count() > NUMBER_MAX {
            errors.push(FieldError::new(
                InvoiceField::Number,
                Problem::TooLong { max: NUMBER_MAX },
            ));
        }
        if self.client.is_none() {
            errors.push(FieldError::new(InvoiceField::Client, Problem::Required));
        }
        let issue_date = parse_date(&self.issue_date)
            .map_err(|p| errors.push(FieldError::new(InvoiceField::IssueDate, p)))
            .ok();
        if let Err(p) = self.terms.check() {
            errors.push(FieldError::new(InvoiceField::Terms, p));
        }
        let net = match parse_amount(&self.net) {
            Ok(net) if net <= Decimal::ZERO => {
                errors.push(FieldError::new(
                    InvoiceField::Net,
                    Problem::AmountNotPositive,
                ));
                None
            }
            Ok(net) => Some(net),
            Err(p) => {
                errors.push(FieldError::new(InvoiceField::Net, p));
                None
            }
        };
        let contractual_rate = parse_optional_rate(&self.contractual_rate)
            .map_err(|p| errors.push(FieldError::new(InvoiceField::ContractualRate, p)))
            .ok()
            .flatten();
        if self.description.chars().count() > DESCRIPTION_MAX {
            errors.push(FieldError::new(
                InvoiceField::Description,
                Problem::TooLong {
                    max: DESCRIPTION_MAX,
                },
            ));
        }
        match (errors.is_empty(), self.client, issue_date, net) {
            (true, Some(client), Some(issue_date), Some(net)) => Ok(InvoiceDetails {
                number: number.to_string(),
                client,
                issue_date,
                terms: self.terms,
                net,
                vat: vat_for(net, self.vat_rate_bp),
                description: self.description.trim().to_string(),
                contractual_rate,
            }),
            _ => Err(errors),
        }
    }
}

/// Parses a `YYYY-MM-DD` date as date inputs and files carry it.
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    crate::values::iso_date::parse(text).ok_or(Problem::DateFormat)
}

/// Normalises a number for the uniqueness check: "f-2026-001 " and "F-2026-001" collide
/// (see [`crate::values::text::fold`]).
pub fn number_key(number: &str) -> String {
    crate::values::text::fold(number.trim())
}

/// Whether two numbers collide, as their [`number_key`]s would, without building either.
pub fn same_number(a: &str, b: &str) -> bool {
    crate::values::text::same_folded(a.trim(), b.trim())
}

/// Proposes the number after `last`: its trailing digits plus one, keeping their width
/// ("F2026-0099" -> "F2026-0100"); a number without digits gets "-2" appended.
pub fn next_number(last: Option<&str>, year: i32) -> String {
    let Some(last) = last.map(str::trim).filter(|l| !l.is_empty()) else {
        return format!("F{year}-001");
    };
    let digits_start = last.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, digits) = last.split_at(digits_start);
    match digits.parse::<u64>() {
        Ok(n) => format!("{prefix}{:0width$}", n + 1, width = digits.len()),
        Err(_) => format!("{last}-2"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn next_number_keeps_the_users_scheme() {
        // Guards against renumbering "F2026-0099" as "F2026-100" and breaking sort order.
        assert_eq!(next_number(Some("F2026-0099"), 2026), "F2026-0100");
        assert_eq!(next_number(Some("2026/12"), 2026), "2026/13");
        assert_eq!(next_number(Some("FACT"), 2026), "FACT-2");
        assert_eq!(next_number(None, 2026), "F2026-001");
    }

    #[test]
    fn vat_is_rounded_to_the_cent() {
        assert_eq!(vat_for(dec!(333.33), 2000), dec!(66.67));
        assert_eq!(vat_for(dec!(100), 550), dec!(5.50));
        assert_eq!(vat_for(dec!(100), 0), dec!(0));
    }

    #[test]
    fn form_reports_each_bad_field() {
        let form = InvoiceForm {
            number: "".into(),
            client: None,
            issue_date: "2026-02-30".into(),
            terms: PaymentTerms::default(),
            net: "0".into(),
            vat_rate_bp: 2000,
            contractual_rate: String::new(),
            description: String::new(),
        };
        let fields: Vec<_> = form
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            fields,
            vec![
                (InvoiceField::Number, Problem::Required),
                (InvoiceField::Client, Problem::Required),
                (InvoiceField::IssueDate, Problem::DateFormat),
                (InvoiceField::Net, Problem::AmountNotPositive),
            ]
        );
    }
}
