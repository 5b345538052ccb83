//! Credit control: should this client get another invoice on credit? (issue 5, item 4)
//!
//! A new invoice is checked against the client's exposure (what it owes, the new invoice
//! included) and credit limit, and against its payment score. Each problem found comes with
//! the actions a credit manager would propose: a deposit, shorter terms, or payment before
//! delivery.

use crate::ids::ClientId;
use crate::ledger::Ledger;
use crate::score::{score_client, ClientScore, Grade};
use crate::timeline::Timeline;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why a new invoice on credit deserves a second thought.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditWarning {
    /// The exposure with the new invoice exceeds the credit limit.
    OverLimit { exposure: Decimal, limit: Decimal },
    /// The client's payment score is graded E.
    PoorPayer { score: u8 },
}

/// What to propose instead of plain credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditAction {
    /// Ask for a deposit of this amount (what exceeds the limit, or 30 % for a poor payer).
    Deposit {
        amount: Decimal,
    },
    /// Shorter payment terms, in days.
    ShorterTerms {
        days: u16,
    },
    PaymentBeforeDelivery,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditCheck {
    /// Open on the client's invoices at the date, before the new invoice.
    pub open: Decimal,
    pub limit: Option<Decimal>,
    pub warnings: Vec<CreditWarning>,
    pub actions: Vec<CreditAction>,
}

/// Share of a poor payer's new invoice to ask as a deposit.
const POOR_PAYER_DEPOSIT_PERCENT: i64 = 30;
/// Terms to propose to a client over its limit.
const SHORT_TERMS_DAYS: u16 = 15;

/// What credit control needs to know of a client, gathered once: a form then checks each
/// amount typed without going through the ledger again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditStanding {
    /// Open on the client's invoices at the date.
    pub open: Decimal,
    pub limit: Option<Decimal>,
    pub score: ClientScore,
}

/// The client's standing as of a date.
pub fn standing(ledger: &Ledger, client: ClientId, as_of: NaiveDate) -> CreditStanding {
    let timeline = Timeline::new(ledger);
    let open: Decimal = timeline
        .invoices
        .iter()
        .filter(|h| h.client() == client)
        .map(|h| h.open_at(as_of))
        .sum();
    CreditStanding {
        open,
        limit: ledger.client(client).and_then(|c| c.details.credit_limit),
        score: score_client(ledger, &timeline, client, as_of),
    }
}

impl CreditStanding {
    /// Checks a new invoice of `amount` (including VAT).
    pub fn check(&self, amount: Decimal) -> CreditCheck {
        let mut warnings = Vec::new();
        let mut actions = Vec::new();
        if let Some(limit) = self.limit {
            let exposure = self.open + amount;
            if exposure > limit {
                warnings.push(CreditWarning::OverLimit { exposure, limit });
                let deposit = (exposure - limit).min(amount);
                if deposit > Decimal::ZERO {
                    actions.push(CreditAction::Deposit { amount: deposit });
                }
                actions.push(CreditAction::ShorterTerms {
                    days: SHORT_TERMS_DAYS,
                });
            }
        }
        if let ClientScore::Scored {
            score,
            grade: Grade::E,
            ..
        } = self.score
        {
            warnings.push(CreditWarning::PoorPayer { score });
            let has_deposit = actions
                .iter()
                .any(|a| matches!(a, CreditAction::Deposit { .. }));
            if amount > Decimal::ZERO && !has_deposit {
                actions.push(CreditAction::Deposit {
                    amount: crate::money::round_cents(
                        amount * Decimal::new(POOR_PAYER_DEPOSIT_PERCENT, 2),
                    ),
                });
            }
            actions.push(CreditAction::PaymentBeforeDelivery);
        }
        CreditCheck {
            open: self.open,
            limit: self.limit,
            warnings,
            actions,
        }
    }
}

/// Checks a new invoice of `amount` (including VAT) for a client as of a date.
pub fn check_new_invoice(
    ledger: &Ledger,
    client: ClientId,
    amount: Decimal,
    as_of: NaiveDate,
) -> CreditCheck {
    standing(ledger, client, as_of).check(amount)
}
