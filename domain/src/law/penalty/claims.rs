//! What may be claimed on the ledger's invoices: each late invoice's penalties from its own
//! facts (payments and credit notes as dated, the client's kind and contract, the formal
//! notice), and the sums per client and for the portfolio.

use super::rates::{MissingRate, RateTable};
use super::{penalties, LateInvoice, PenaltyBreakdown};
use crate::model::invoice::Invoice;
use crate::model::ledger::Ledger;
use crate::model::timeline::{date_covered, InvoiceHistory, Timeline};
use crate::values::ids::{ClientId, InvoiceId};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Commercial claims lapse after five years (Code de commerce L110-4).
const CLAIM_YEARS: i64 = 5;

/// Everything the penalties of any invoice need: each invoice's settlements in date order
/// (its [`Timeline`] history), the client's kind and contract, the rate table.
///
/// Built on a timeline the caller already has ([`Self::on`]), it costs nothing more: the
/// dashboard asks for the claims at each of 25 month ends, and gathering the settlements
/// again for each date (a map of every invoice's payments) was most of the dashboard's time.
pub struct PenaltyInputs<'t, 'a> {
    ledger: &'a Ledger,
    as_of: NaiveDate,
    table: RateTable,
    timeline: Cow<'t, Timeline<'a>>,
}

impl<'a> PenaltyInputs<'a, 'a> {
    pub fn new(ledger: &'a Ledger, as_of: NaiveDate) -> Self {
        Self::with(ledger, Cow::Owned(Timeline::new(ledger)), as_of)
    }
}

impl<'t, 'a> PenaltyInputs<'t, 'a> {
    /// The inputs on the ledger's timeline (`Timeline::new(ledger)`).
    pub fn on(ledger: &'a Ledger, timeline: &'t Timeline<'a>, as_of: NaiveDate) -> Self {
        Self::with(ledger, Cow::Borrowed(timeline), as_of)
    }

    fn with(ledger: &'a Ledger, timeline: Cow<'t, Timeline<'a>>, as_of: NaiveDate) -> Self {
        PenaltyInputs {
            ledger,
            as_of,
            table: ledger.settings().rate_table(),
            timeline,
        }
    }

    /// The invoice's history; the timeline lists the ledger's invoices in its order, by id.
    fn history(&self, invoice: &Invoice) -> Option<&InvoiceHistory<'a>> {
        let index = self
            .timeline
            .invoices
            .binary_search_by_key(&invoice.id, |h| h.invoice.id)
            .ok()?;
        self.timeline.invoices.get(index)
    }

    /// What the invoice's penalties depend on as of the date, or None when it owes none:
    /// paid on time, not yet due, written off, or older than the claim period.
    pub fn case_for(&self, invoice: &Invoice) -> Option<LateInvoice> {
        self.case_of(self.history(invoice)?)
    }

    fn case_of(&self, history: &InvoiceHistory<'a>) -> Option<LateInvoice> {
        let due = history.due;
        if due >= self.as_of || due < self.as_of - Duration::days(365 * CLAIM_YEARS) {
            return None;
        }
        if history.written_off_by(self.as_of) {
            return None;
        }
        let settled = history.settled_by(self.as_of).to_vec();
        // A settled invoice stops bearing interest the day the settlements covered it.
        let until = if history.open_at(self.as_of).is_zero() {
            date_covered(&settled, history.total)
                .or(settled.last().map(|(date, _)| *date))
                .unwrap_or(due)
        } else {
            self.as_of
        };
        if until <= due {
            return None;
        }
        let invoice = history.invoice;
        let client = self.ledger.client(invoice.details.client)?;
        Some(LateInvoice {
            amount: history.total,
            due_date: due,
            until,
            settlements: settled,
            client_kind: client.details.kind,
            contractual_rate: invoice
                .details
                .contractual_rate
                .or(client.details.contractual_rate),
            formal_notice: invoice.formal_notice,
        })
    }

    /// The invoice's penalties as of the date, or None when it owes none (see [`Self::case_for`]).
    pub fn for_invoice(&self, invoice: &Invoice) -> Option<Result<PenaltyBreakdown, MissingRate>> {
        let case = self.case_for(invoice)?;
        Some(penalties(
            &case,
            &self.table,
            &self.ledger.settings().penalties,
        ))
    }

    /// The 40 € indemnity the invoice owes as of the date, whether or not its interest can be
    /// computed (it needs no rate).
    pub fn indemnity_for(&self, invoice: &Invoice) -> Decimal {
        self.case_for(invoice).map_or(Decimal::ZERO, |case| {
            super::indemnity(&case, &self.ledger.settings().penalties)
        })
    }

    /// What may be claimed now, per client and in all; invoices whose rates are missing from
    /// the table are listed apart rather than counted as zero.
    pub fn claims(&self) -> Claims {
        self.claims_over(self.timeline.invoices.iter())
    }

    /// The same as [`Self::claims`] over some invoices only (one client's, say).
    pub fn claims_of<'i>(&self, invoices: impl IntoIterator<Item = &'i Invoice>) -> Claims {
        self.claims_over(invoices.into_iter().filter_map(|i| self.history(i)))
    }

    fn claims_over<'h>(&self, histories: impl Iterator<Item = &'h InvoiceHistory<'a>>) -> Claims
    where
        'a: 'h,
    {
        let mut claims = Claims::default();
        for history in histories {
            let Some(case) = self.case_of(history) else {
                continue;
            };
            let invoice = history.invoice;
            match penalties(&case, &self.table, &self.ledger.settings().penalties) {
                Err(missing) => claims.missing_rates.push((invoice.id, missing)),
                Ok(breakdown) if breakdown.total.is_zero() => {}
                Ok(breakdown) => {
                    let line = claims.per_client.entry(invoice.details.client).or_default();
                    line.add(&breakdown);
                    claims.total.add(&breakdown);
                }
            }
        }
        claims
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Claim {
    pub interest: Decimal,
    pub indemnity: Decimal,
    pub invoices: usize,
}

impl Claim {
    fn add(&mut self, breakdown: &PenaltyBreakdown) {
        self.interest += breakdown.interest;
        self.indemnity += breakdown.indemnity;
        self.invoices += 1;
    }

    pub fn total(&self) -> Decimal {
        self.interest + self.indemnity
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Claims {
    pub per_client: BTreeMap<ClientId, Claim>,
    pub total: Claim,
    pub missing_rates: Vec<(InvoiceId, MissingRate)>,
}
