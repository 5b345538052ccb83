//! Suggestions of what each bank line pays, following the ranked rules of
//! shared/reference/bank-statements-fr.md ("Matching bank lines to open invoices"): invoice
//! numbers written on the line, then the payer's IBAN or name, then amount and due date
//! alone. Each suggestion says how sure it is and why; the user confirms. Only very sure,
//! unambiguous suggestions may be confirmed in bulk ([`very_sure`], [`very_sure_links`]).

mod index;
mod search;

pub use index::{name_key, number_key, OpenItems};
pub use search::search_invoices;

use crate::bank::book::{BankLine, Reconciliation};
use crate::bank::statement::{LineKind, StatementLine};
use crate::ids::{BankLineId, ClientId, InvoiceId, PaymentId};
use crate::ledger::Ledger;
use crate::payment::Allocation;
use crate::sorting::sort_by_key;
use chrono::NaiveDate;
use index::{join, name_words, number_pieces};
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

/// How a client was recognised on a line, most reliable first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Recognised {
    Iban,
    /// The counterparty is the client's name, or the line names one of its invoices.
    Named,
    /// The client's name is found among the words of the label or counterparty, and no
    /// other client's is.
    Fuzzy,
}

struct Identified {
    client: ClientId,
    how: Recognised,
    reason: Option<Reason>,
}

/// Suggestions being gathered for one line: the same proposal reached by two rules is one
/// suggestion, as sure as the surer rule, with the reasons of both.
#[derive(Default)]
struct Gathered {
    list: Vec<Suggestion>,
}

impl Gathered {
    fn add(&mut self, proposal: Proposal, confidence: Confidence, reasons: Vec<Reason>) {
        if let Some(known) = self.list.iter_mut().find(|s| s.proposal == proposal) {
            known.confidence = known.confidence.min(confidence);
            for reason in reasons {
                if !known.reasons.contains(&reason) {
                    known.reasons.push(reason);
                }
            }
        } else {
            self.list.push(Suggestion {
                proposal,
                confidence,
                reasons,
            });
        }
    }
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

/// The texts of a line where invoice numbers are looked for.
fn searched_texts(line: &StatementLine) -> impl Iterator<Item = &str> {
    [
        line.label.as_str(),
        line.details.as_str(),
        line.counterparty.as_str(),
    ]
    .into_iter()
    .chain(line.references.iter().map(String::as_str))
}

/// The invoices a text names, each once, with the text as written. At each place the
/// longest number known wins, so `FA-2024-007-2` is not read as `FA-2024-007`.
fn numbers_in<'a>(
    items: &OpenItems,
    texts: impl Iterator<Item = &'a str>,
) -> Vec<(InvoiceId, String)> {
    let mut found: Vec<(InvoiceId, String)> = Vec::new();
    for text in texts {
        let pieces = number_pieces(text);
        let mut at = 0;
        while at < pieces.len() {
            let longest = items.longest_number.min(pieces.len() - at);
            let hit = (1..=longest).rev().find_map(|count| {
                let run = &pieces[at..at + count];
                items.by_number.get(&join(run)).map(|ids| (ids, run, count))
            });
            match hit {
                Some((ids, run, count)) => {
                    let written = &text[run[0].start..run[count - 1].end];
                    for id in ids {
                        if !found.iter().any(|(known, _)| known == id) {
                            found.push((*id, written.to_string()));
                        }
                    }
                    at += count;
                }
                None => at += 1,
            }
        }
    }
    found
}

/// The clients a line's payer is: by IBAN, by the counterparty's name, else by the one
/// client whose name the label or counterparty contains.
fn payers(items: &OpenItems, line: &StatementLine) -> Vec<Identified> {
    let mut payers = Vec::new();
    let iban: String = line
        .counterparty_iban
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    for client in items.clients_by_iban.get(&iban).into_iter().flatten() {
        payers.push(Identified {
            client: *client,
            how: Recognised::Iban,
            reason: Some(Reason::PayerIban { client: *client }),
        });
    }
    if let Some([client]) = items
        .clients_by_name
        .get(&name_key(&line.counterparty))
        .map(Vec::as_slice)
    {
        payers.push(Identified {
            client: *client,
            how: Recognised::Named,
            reason: Some(Reason::PayerName {
                client: *client,
                as_written: line.counterparty.trim().to_string(),
            }),
        });
        return payers;
    }
    let mut fuzzy: Vec<(ClientId, String)> = Vec::new();
    for text in [line.label.as_str(), line.counterparty.as_str()] {
        let words = name_words(text);
        for (at, word) in words.iter().enumerate() {
            for (client, name) in items
                .names_by_first_word
                .get(&word.text)
                .into_iter()
                .flatten()
            {
                let fits = words.len() - at >= name.len()
                    && words[at..at + name.len()]
                        .iter()
                        .zip(name)
                        .all(|(w, n)| w.text == *n);
                if fits && !fuzzy.iter().any(|(known, _)| known == client) {
                    let last = &words[at + name.len() - 1];
                    fuzzy.push((*client, text[word.start..last.end].to_string()));
                }
            }
        }
    }
    if let [(client, as_written)] = fuzzy.as_slice() {
        payers.push(Identified {
            client: *client,
            how: Recognised::Fuzzy,
            reason: Some(Reason::PayerName {
                client: *client,
                as_written: as_written.clone(),
            }),
        });
    }
    payers
}

/// An open invoice a line names: its id, what it has open, and the number as written.
type NamedOpen = (InvoiceId, Decimal, Reason);

/// Rules 1 to 3: the invoices a line names, for one client, against the line's amount.
fn numbered(gathered: &mut Gathered, client: ClientId, named: &[NamedOpen], amount: Decimal) {
    let sum: Decimal = named.iter().map(|(_, open, _)| *open).sum();
    let mut reasons: Vec<Reason> = named.iter().map(|(_, _, r)| r.clone()).collect();
    let mut remaining = amount;
    let mut allocations = Vec::new();
    for (invoice, open, _) in named {
        let part = (*open).min(remaining);
        if part > Decimal::ZERO {
            allocations.push(Allocation {
                invoice: *invoice,
                amount: part,
            });
            if part < *open {
                reasons.push(Reason::PartialPayment {
                    invoice: *invoice,
                    open: *open,
                });
            }
        }
        remaining -= part;
    }
    let confidence = if amount == sum {
        reasons.push(match named {
            [(invoice, ..)] => Reason::AmountEqualsOpen { invoice: *invoice },
            _ => Reason::AmountEqualsSum {
                invoices: named.len(),
            },
        });
        Confidence::VerySure
    } else {
        // A number with another amount is likely but never applied alone (rule 3).
        Confidence::High
    };
    if remaining > Decimal::ZERO {
        reasons.push(Reason::Overpayment { excess: remaining });
    }
    gathered.add(
        Proposal::NewPayment {
            client,
            allocations,
            left_as_credit: remaining,
        },
        confidence,
        reasons,
    );
}

/// Rules 4 and 5 (and 6, through `how`): a known payer and the line's amount.
fn by_payer(
    gathered: &mut Gathered,
    items: &OpenItems,
    payer: &Identified,
    amount: Decimal,
    cap: Confidence,
) {
    let open = items.open_of(payer.client);
    let same: Vec<&(InvoiceId, Decimal)> = open.iter().filter(|(_, o)| *o == amount).collect();
    let exact = match payer.how {
        Recognised::Iban => Confidence::VerySure,
        Recognised::Named | Recognised::Fuzzy => Confidence::High,
    };
    let single = if same.len() == 1 {
        exact
    } else {
        exact.lower()
    };
    for (invoice, _) in &same {
        let mut reasons: Vec<Reason> = payer.reason.iter().cloned().collect();
        reasons.push(Reason::AmountEqualsOpen { invoice: *invoice });
        gathered.add(
            new_payment(payer.client, vec![(*invoice, amount)]),
            single.max(cap),
            reasons,
        );
    }
    let mut sum = Decimal::ZERO;
    for (count, (_, part)) in open.iter().enumerate() {
        sum += *part;
        if sum > amount {
            break;
        }
        if sum == amount {
            let oldest = match payer.how {
                Recognised::Iban | Recognised::Named => Confidence::High,
                Recognised::Fuzzy => Confidence::Medium,
            };
            let mut reasons: Vec<Reason> = payer.reason.iter().cloned().collect();
            reasons.push(Reason::OldestInvoicesSum {
                invoices: count + 1,
            });
            let allocations = open[..=count].to_vec();
            gathered.add(
                new_payment(payer.client, allocations),
                oldest.max(cap),
                reasons,
            );
            break;
        }
    }
}

fn new_payment(client: ClientId, allocations: Vec<(InvoiceId, Decimal)>) -> Proposal {
    Proposal::NewPayment {
        client,
        allocations: allocations
            .into_iter()
            .map(|(invoice, amount)| Allocation { invoice, amount })
            .collect(),
        left_as_credit: Decimal::ZERO,
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

/// A payment the user typed already (same amount, close date, same client when one is
/// recognised) is proposed as the line, and then no new payment is very sure: confirming
/// in bulk must not record the same money twice.
fn typed_payments(
    gathered: &mut Gathered,
    ledger: &Ledger,
    items: &OpenItems,
    line: &StatementLine,
    named: &[(InvoiceId, String)],
    clients: &[ClientId],
) {
    let mut any = false;
    for id in items.unlinked.get(&line.amount).into_iter().flatten() {
        let Some(payment) = ledger.payment(*id) else {
            continue;
        };
        let close =
            (payment.details.date - line.booking_date).num_days().abs() <= TYPED_PAYMENT_DAYS;
        let same_client = clients.is_empty() || clients.contains(&payment.details.client);
        if !close || !same_client {
            continue;
        }
        // The reference typed names an invoice the line names, or the payment settles one.
        let reference = numbers_in(items, std::iter::once(payment.details.reference.as_str()));
        let confirmed = named.iter().any(|(invoice, _)| {
            reference.iter().any(|(r, _)| r == invoice)
                || payment
                    .details
                    .allocations
                    .iter()
                    .any(|a| a.invoice == *invoice)
        });
        let confidence = if confirmed {
            Confidence::VerySure
        } else {
            Confidence::High
        };
        gathered.add(
            Proposal::ExistingPayment { payment: *id },
            confidence,
            vec![Reason::TypedPayment { payment: *id }],
        );
        any = true;
    }
    if any {
        for suggestion in gathered.list.iter_mut() {
            if matches!(suggestion.proposal, Proposal::NewPayment { .. }) {
                suggestion.confidence = suggestion.confidence.max(Confidence::High);
            }
        }
    }
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
