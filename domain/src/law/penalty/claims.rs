//! What may be claimed on the ledger's invoices: each late invoice's penalties from its own
//! facts (payments and credit notes as dated, the client's kind and contract, the formal
//! notice), and the sums per client and for the portfolio.

use super::rates::{MissingRate, RateTable};
use super::{penalties, LateInvoice, PenaltyBreakdown};
use crate::model::balances::Position;
use crate::model::invoice::Invoice;
use crate::model::ledger::Ledger;
use crate::model::timeline::date_covered;
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::sorting::sort_by;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// Commercial claims lapse after five years (Code de commerce L110-4).
const CLAIM_YEARS: i64 = 5;

/// Everything the penalties of any invoice need, gathered in one pass over the ledger.
pub struct PenaltyInputs<'a> {
    ledger: &'a Ledger,
    as_of: NaiveDate,
    table: RateTable,
    position: Position,
    settlements: HashMap<InvoiceId, Vec<(NaiveDate, Decimal)>>,
}

impl<'a> PenaltyInputs<'a> {
    pub fn new(ledger: &'a Ledger, as_of: NaiveDate) -> Self {
        let mut settlements: HashMap<InvoiceId, Vec<(NaiveDate, Decimal)>> = HashMap::new();
        for payment in ledger.payments().iter().filter(|p| p.details.date <= as_of) {
            for allocation in &payment.details.allocations {
                settlements
                    .entry(allocation.invoice)
                    .or_default()
                    .push((payment.details.date, allocation.amount));
            }
        }
        for note in ledger.credit_notes().iter().filter(|c| c.date <= as_of) {
            settlements
                .entry(note.invoice)
                .or_default()
                .push((note.date, note.amount));
        }
        PenaltyInputs {
            ledger,
            as_of,
            table: ledger.settings().rate_table(),
            position: Position::new(ledger, as_of),
            settlements,
        }
    }

    /// What the invoice's penalties depend on as of the date, or None when it owes none:
    /// paid on time, not yet due, written off, or older than the claim period.
    pub fn case_for(&self, invoice: &Invoice) -> Option<LateInvoice> {
        let due = invoice.due_date();
        if due >= self.as_of || due < self.as_of - Duration::days(365 * CLAIM_YEARS) {
            return None;
        }
        if self
            .ledger
            .write_off_of(invoice.id)
            .is_some_and(|w| w.date <= self.as_of)
        {
            return None;
        }
        let mut settled = self
            .settlements
            .get(&invoice.id)
            .cloned()
            .unwrap_or_default();
        sort_by(&mut settled, Ord::cmp);
        // A settled invoice stops bearing interest the day the settlements covered it.
        let until = if self.position.invoice(invoice.id).open().is_zero() {
            date_covered(&settled, invoice.total())
                .or(settled.last().map(|(date, _)| *date))
                .unwrap_or(due)
        } else {
            self.as_of
        };
        if until <= due {
            return None;
        }
        let client = self.ledger.client(invoice.details.client)?;
        Some(LateInvoice {
            amount: invoice.total(),
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
        self.claims_of(self.ledger.invoices())
    }

    /// The same as [`Self::claims`] over some invoices only (one client's, say).
    pub fn claims_of<'i>(&self, invoices: impl IntoIterator<Item = &'i Invoice>) -> Claims {
        let mut claims = Claims::default();
        for invoice in invoices {
            match self.for_invoice(invoice) {
                None => {}
                Some(Err(missing)) => claims.missing_rates.push((invoice.id, missing)),
                Some(Ok(breakdown)) if breakdown.total.is_zero() => {}
                Some(Ok(breakdown)) => {
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
