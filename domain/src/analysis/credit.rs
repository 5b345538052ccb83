//! Credit control: should this client get another invoice on credit? (issue 5, item 4)
//!
//! A new invoice is checked against the client's exposure (what it owes on issued invoices,
//! plus the drafts being prepared for it, plus the new invoice) and credit limit, against its
//! payment score, and against a block the user put on it. Each problem found comes with the
//! actions a credit manager would propose: a deposit, shorter terms, or payment before
//! delivery.

use crate::analysis::score::{score_client, ClientScore, Grade};
use crate::model::client::CreditHold;
use crate::model::invoice::Draft;
use crate::model::ledger::Ledger;
use crate::model::timeline::Timeline;
use crate::values::ids::{ClientId, DraftId};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why a new invoice on credit deserves a second thought.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditWarning {
    /// The exposure with the new invoice exceeds the credit limit.
    OverLimit { exposure: Decimal, limit: Decimal },
    /// The client's payment score is graded E.
    PoorPayer { score: u8 },
    /// The user blocked sales on credit to this client.
    Blocked { since: NaiveDate },
    /// Invoices overdue by more than [`LONG_OVERDUE_DAYS`] (disputes aside): a warning even
    /// for a client too new to be scored.
    LongOverdue { amount: Decimal, days: i64 },
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
    /// Have the long-overdue amount paid before delivering more.
    SettleOverdueFirst {
        amount: Decimal,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditCheck {
    /// Open on the client's invoices at the date, before the new invoice.
    pub open: Decimal,
    /// The client's other drafts.
    pub drafts: Decimal,
    pub limit: Option<Decimal>,
    pub warnings: Vec<CreditWarning>,
    pub actions: Vec<CreditAction>,
}

/// Share of a poor payer's new invoice to ask as a deposit.
const POOR_PAYER_DEPOSIT_PERCENT: i64 = 30;
/// Terms to propose to a client over its limit.
const SHORT_TERMS_DAYS: u16 = 15;
/// Days past due from which an overdue invoice warns on a new one.
pub const LONG_OVERDUE_DAYS: i64 = 30;

/// What credit control needs to know of a client, gathered once: a form then checks each
/// amount typed without going through the ledger again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditStanding {
    /// Open on the client's invoices at the date.
    pub open: Decimal,
    /// The total of the client's drafts, but the one being issued.
    pub drafts: Decimal,
    pub limit: Option<Decimal>,
    pub score: ClientScore,
    pub hold: Option<CreditHold>,
    /// Open on invoices overdue by more than [`LONG_OVERDUE_DAYS`], not in dispute, and the
    /// oldest one's days past due.
    pub long_overdue: Option<(Decimal, i64)>,
}

impl CreditStanding {
    /// What the client owes or is about to owe, before a new invoice.
    pub fn exposure(&self) -> Decimal {
        self.open + self.drafts
    }
}

/// The client's standing as of a date. `issuing` is the draft that the new invoice comes
/// from, if any: it is the new invoice, so it does not count twice.
pub fn standing(
    ledger: &Ledger,
    client: ClientId,
    as_of: NaiveDate,
    issuing: Option<DraftId>,
) -> CreditStanding {
    let timeline = Timeline::new(ledger);
    let open: Decimal = timeline
        .invoices
        .iter()
        .filter(|h| h.client() == client)
        .map(|h| h.open_at(as_of))
        .sum();
    let long: Vec<(Decimal, i64)> = timeline
        .invoices
        .iter()
        .filter(|h| h.client() == client && h.issued_by(as_of) && !h.disputed_at(as_of))
        .map(|h| (h.open_at(as_of), (as_of - h.due).num_days()))
        .filter(|&(open, days)| days > LONG_OVERDUE_DAYS && open > Decimal::ZERO)
        .collect();
    let long_overdue = long.iter().map(|(_, days)| *days).max().map(|days| {
        let amount: Decimal = long.iter().map(|(open, _)| *open).sum();
        (amount, days)
    });
    let drafts = ledger
        .drafts_of(client)
        .filter(|d| Some(d.id) != issuing)
        .map(Draft::total)
        .sum();
    let found = ledger.client(client);
    CreditStanding {
        open,
        drafts,
        limit: found.and_then(|c| c.details.credit_limit),
        score: score_client(ledger, &timeline, client, as_of),
        hold: found.and_then(|c| c.hold_on(as_of)).cloned(),
        long_overdue,
    }
}

impl CreditStanding {
    /// Checks a new invoice of `amount` (including VAT).
    pub fn check(&self, amount: Decimal) -> CreditCheck {
        let mut warnings = Vec::new();
        let mut actions = Vec::new();
        if let Some(limit) = self.limit {
            let exposure = self.exposure() + amount;
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
                    amount: crate::values::money::round_cents(
                        amount * Decimal::new(POOR_PAYER_DEPOSIT_PERCENT, 2),
                    ),
                });
            }
        }
        if let Some(hold) = &self.hold {
            warnings.push(CreditWarning::Blocked {
                since: hold.blocked_on,
            });
        }
        if let Some((amount, days)) = self.long_overdue {
            warnings.push(CreditWarning::LongOverdue { amount, days });
            actions.push(CreditAction::SettleOverdueFirst { amount });
        }
        let needs_cash_first = self.hold.is_some()
            || matches!(
                self.score,
                ClientScore::Scored {
                    grade: Grade::E,
                    ..
                }
            );
        if needs_cash_first {
            actions.push(CreditAction::PaymentBeforeDelivery);
        }
        CreditCheck {
            open: self.open,
            drafts: self.drafts,
            limit: self.limit,
            warnings,
            actions,
        }
    }
}

/// Checks a new invoice of `amount` (including VAT) for a client as of a date, issued from
/// the draft `issuing` if any.
pub fn check_new_invoice(
    ledger: &Ledger,
    client: ClientId,
    amount: Decimal,
    as_of: NaiveDate,
    issuing: Option<DraftId>,
) -> CreditCheck {
    standing(ledger, client, as_of, issuing).check(amount)
}
