//! Suggestions of what each bank line pays, following the ranked rules of
//! shared/reference/bank-statements-fr.md ("Matching bank lines to open invoices"): invoice
//! numbers written on the line, then the payer's IBAN or name, then amount and due date
//! alone. Each suggestion says how sure it is and why; the user confirms. Only very sure,
//! unambiguous suggestions may be confirmed in bulk ([`very_sure`], [`very_sure_links`]).

mod index;
mod rules;
mod search;

pub use index::{name_key, number_key, OpenItems};
pub use search::search_invoices;

use crate::bank::book::Reconciliation;
use crate::model::bank_book::BankLine;
use crate::model::bank_book::LineKind;
use crate::model::ledger::Ledger;
use crate::model::payment::Allocation;
use crate::values::ids::{BankLineId, ClientId, InvoiceId, PaymentId};
use crate::values::sorting::sort_by_key;
use chrono::NaiveDate;
use rules::{by_payer, new_payment, numbered, numbers_in, payers, searched_texts, typed_payments};
use rules::{Gathered, Identified, NamedOpen, Recognised};
use rust_decimal::Decimal;

/// The most suggestions offered for one line.
pub const MAX_SUGGESTIONS: usize = 5;
/// How far from the booking date a payment typed by hand may be dated and still be this line.
pub const TYPED_PAYMENT_DAYS: i64 = 15;
/// How far from the booking date an invoice may fall due for an amount alone to suggest it.
pub const DUE_SOON_DAYS: i64 = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suggestions {
    /// Not a client's payment, or already decided: not matched.
    SetAside(AsideReason),
    /// Best first. `ambiguous` when the first two are equally sure yet propose different
    /// things: the user must choose, and a bulk confirmation leaves the line alone.
    Candidates {
        ranked: Vec<Suggestion>,
        ambiguous: bool,
    },
    NoCandidate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AsideReason {
    Debit,
    Card,
    BankFee,
    Interest,
    Reversal,
    AlreadyReconciled,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub proposal: Proposal,
    pub confidence: Confidence,
    pub reasons: Vec<Reason>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proposal {
    /// Record the line as a new payment of the client with these allocations (earliest due
    /// date first); `left_as_credit` is the part that settles nothing and stays the client's
    /// credit.
    NewPayment {
        client: ClientId,
        allocations: Vec<Allocation>,
        left_as_credit: Decimal,
    },
    /// Link the line to a payment the user already typed, rather than record it twice.
    ExistingPayment { payment: PaymentId },
}

/// How sure a suggestion is; the most sure sorts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    VerySure,
    High,
    Medium,
    Weak,
}

impl Confidence {
    /// One level less sure (weak stays weak).
    fn lower(self) -> Confidence {
        match self {
            Confidence::VerySure => Confidence::High,
            Confidence::High => Confidence::Medium,
            Confidence::Medium | Confidence::Weak => Confidence::Weak,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The line names the invoice; `as_written` is the text as the bank wrote it.
    InvoiceNumber {
        invoice: InvoiceId,
        as_written: String,
    },
    AmountEqualsOpen {
        invoice: InvoiceId,
    },
    AmountEqualsSum {
        invoices: usize,
    },
    PartialPayment {
        invoice: InvoiceId,
        open: Decimal,
    },
    Overpayment {
        excess: Decimal,
    },
    PayerIban {
        client: ClientId,
    },
    PayerName {
        client: ClientId,
        as_written: String,
    },
    OldestInvoicesSum {
        invoices: usize,
    },
    DueSoon {
        invoice: InvoiceId,
    },
    TypedPayment {
        payment: PaymentId,
    },
}

fn aside_reason(line: &BankLine) -> Option<AsideReason> {
    let statement = &line.line;
    if !line.is_open() {
        Some(AsideReason::AlreadyReconciled)
    } else if statement.reversal {
        Some(AsideReason::Reversal)
    } else if statement.kind == LineKind::Card {
        Some(AsideReason::Card)
    } else if statement.kind == LineKind::Fee {
        Some(AsideReason::BankFee)
    } else if statement.kind == LineKind::Interest {
        Some(AsideReason::Interest)
    } else if statement.amount <= Decimal::ZERO {
        Some(AsideReason::Debit)
    } else {
        None
    }
}

/// What one line most likely pays, against open items built for the ledger.
pub fn suggest(ledger: &Ledger, items: &OpenItems, line: &BankLine) -> Suggestions {
    if let Some(reason) = aside_reason(line) {
        return Suggestions::SetAside(reason);
    }
    let statement = &line.line;
    let amount = statement.amount;
    let date = statement.booking_date;
    let mut gathered = Gathered::default();

    // Rules 1-3, client by client: the invoices named that are still open.
    let named = numbers_in(items, searched_texts(statement));
    let mut known: Vec<Identified> = Vec::new();
    let mut by_client: Vec<(ClientId, Vec<NamedOpen>)> = Vec::new();
    for (invoice, as_written) in &named {
        let Some(found) = ledger.invoice(*invoice) else {
            continue;
        };
        let client = found.details.client;
        let reason = Reason::InvoiceNumber {
            invoice: *invoice,
            as_written: as_written.clone(),
        };
        if !known.iter().any(|k| k.client == client) {
            known.push(Identified {
                client,
                how: Recognised::Named,
                reason: None,
            });
        }
        let open = items.open_amount(*invoice);
        if open > Decimal::ZERO {
            match by_client.iter_mut().find(|(c, _)| *c == client) {
                Some((_, list)) => list.push((*invoice, open, reason)),
                None => by_client.push((client, vec![(*invoice, open, reason)])),
            }
        }
    }
    for (client, list) in &mut by_client {
        sort_by_key(list, |(id, ..)| (items.open[id].due, *id));
        numbered(&mut gathered, *client, list, amount);
    }

    // Rules 4-6. When the line names an open invoice, an amount that fits another one is a
    // conflict to show, never a certainty.
    let cap = if by_client.is_empty() {
        Confidence::VerySure
    } else {
        Confidence::High
    };
    known.extend(payers(items, statement));
    sort_by_key(&mut known, |k| k.how);
    let mut seen: Vec<ClientId> = Vec::new();
    for payer in &known {
        if !seen.contains(&payer.client) {
            seen.push(payer.client);
            by_payer(&mut gathered, items, payer, amount, cap);
        }
    }

    // Rule 7: nobody recognised, the amount of one invoice falling due about now.
    if known.is_empty() {
        for invoice in items.open_with_amount(amount) {
            let due = items.open[&invoice].due;
            if (due - date).num_days().abs() <= DUE_SOON_DAYS {
                gathered.add(
                    new_payment(items.open[&invoice].client, vec![(invoice, amount)]),
                    Confidence::Weak,
                    vec![
                        Reason::AmountEqualsOpen { invoice },
                        Reason::DueSoon { invoice },
                    ],
                );
            }
        }
    }

    typed_payments(&mut gathered, ledger, items, statement, &named, &seen);
    rank(gathered, items, ledger, date)
}

/// Best first: surest, then linking a typed payment before creating one, then the oldest
/// due date (or closest typed payment), then the smallest id, so the order never depends on
/// how the suggestions were found.
fn rank(gathered: Gathered, items: &OpenItems, ledger: &Ledger, date: NaiveDate) -> Suggestions {
    let mut ranked = gathered.list;
    if ranked.is_empty() {
        return Suggestions::NoCandidate;
    }
    sort_by_key(&mut ranked, |s| {
        let (kind, when, id) = match &s.proposal {
            Proposal::ExistingPayment { payment } => {
                let days = ledger
                    .payment(*payment)
                    .map_or(i64::MAX, |p| (p.details.date - date).num_days().abs());
                (0, days, payment.0)
            }
            Proposal::NewPayment { allocations, .. } => {
                let first = allocations.first().map(|a| a.invoice);
                let due = first
                    .and_then(|i| items.open.get(&i))
                    .map_or(i64::MAX, |i| (i.due - NaiveDate::MIN).num_days());
                (1, due, first.map_or(u64::MAX, |i| i.0))
            }
        };
        (s.confidence, kind, when, id)
    });
    ranked.truncate(MAX_SUGGESTIONS);
    let ambiguous = ranked.len() > 1 && ranked[0].confidence == ranked[1].confidence;
    Suggestions::Candidates { ranked, ambiguous }
}

/// The proposal a bulk confirmation takes for a line: its first, when very sure and alone.
fn bulk_choice(suggestions: &Suggestions) -> Option<&Proposal> {
    match suggestions {
        Suggestions::Candidates {
            ranked,
            ambiguous: false,
        } => ranked
            .first()
            .filter(|s| s.confidence == Confidence::VerySure)
            .map(|s| &s.proposal),
        _ => None,
    }
}

/// Suggestions for every open line of the bank book, in booking-date order (then line id).
/// The open items are built once; what a line's bulk choice uses (an invoice's open amount,
/// a typed payment) is reserved, so later lines only see what remains and confirming every
/// very sure suggestion never allocates an invoice, or links a payment, twice.
pub fn suggest_all(ledger: &Ledger, as_of: NaiveDate) -> Vec<(BankLineId, Suggestions)> {
    let mut items = OpenItems::build(ledger, as_of);
    let mut lines: Vec<&BankLine> = ledger
        .bank()
        .lines()
        .iter()
        .filter(|l| l.is_open())
        .collect();
    sort_by_key(&mut lines, |l| (l.line.booking_date, l.id));
    lines
        .into_iter()
        .map(|line| {
            let suggestions = suggest(ledger, &items, line);
            match bulk_choice(&suggestions) {
                Some(Proposal::NewPayment { allocations, .. }) => {
                    items.reserve_allocations(allocations)
                }
                Some(Proposal::ExistingPayment { payment }) => items.reserve_payment(*payment),
                None => {}
            }
            (line.id, suggestions)
        })
        .collect()
}

/// What "confirm every very sure line" records: the new payments, for
/// [`Ledger::reconcile`]. Links to typed payments are apart, in [`very_sure_links`], as
/// they go through [`Ledger::link_payment`].
pub fn very_sure(all: &[(BankLineId, Suggestions)]) -> Vec<Reconciliation> {
    all.iter()
        .filter_map(|(line, suggestions)| match bulk_choice(suggestions) {
            Some(Proposal::NewPayment {
                client,
                allocations,
                ..
            }) => Some(Reconciliation {
                line: *line,
                client: *client,
                allocations: allocations.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The very sure links of lines to payments typed by hand, for [`Ledger::link_payment`].
pub fn very_sure_links(all: &[(BankLineId, Suggestions)]) -> Vec<(BankLineId, PaymentId)> {
    all.iter()
        .filter_map(|(line, suggestions)| match bulk_choice(suggestions) {
            Some(Proposal::ExistingPayment { payment }) => Some((*line, *payment)),
            _ => None,
        })
        .collect()
}
