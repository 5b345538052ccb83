//! The rules that turn one bank line into suggestions, each on its own: invoice numbers
//! written on the line (rules 1-3), the payer recognised by IBAN or name (4-6), and
//! payments the user typed already.

use super::index::{join, name_key, name_words, number_pieces, OpenItems};
use super::{Confidence, Proposal, Reason, Suggestion, TYPED_PAYMENT_DAYS};
use crate::model::bank_book::StatementLine;
use crate::model::ledger::Ledger;
use crate::model::payment::Allocation;
use crate::values::ids::{ClientId, InvoiceId};
use rust_decimal::Decimal;

/// How a client was recognised on a line, most reliable first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Recognised {
    Iban,
    /// The counterparty is the client's name, or the line names one of its invoices.
    Named,
    /// The client's name is found among the words of the label or counterparty, and no
    /// other client's is.
    Fuzzy,
}

pub(super) struct Identified {
    pub(super) client: ClientId,
    pub(super) how: Recognised,
    pub(super) reason: Option<Reason>,
}

/// Suggestions being gathered for one line: the same proposal reached by two rules is one
/// suggestion, as sure as the surer rule, with the reasons of both.
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) list: Vec<Suggestion>,
}

impl Gathered {
    pub(super) fn add(&mut self, proposal: Proposal, confidence: Confidence, reasons: Vec<Reason>) {
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

/// The texts of a line where invoice numbers are looked for.
pub(super) fn searched_texts(line: &StatementLine) -> impl Iterator<Item = &str> {
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
pub(super) fn numbers_in<'a>(
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
pub(super) fn payers(items: &OpenItems, line: &StatementLine) -> Vec<Identified> {
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
pub(super) type NamedOpen = (InvoiceId, Decimal, Reason);

/// Rules 1 to 3: the invoices a line names, for one client, against the line's amount.
pub(super) fn numbered(
    gathered: &mut Gathered,
    client: ClientId,
    named: &[NamedOpen],
    amount: Decimal,
) {
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
pub(super) fn by_payer(
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

pub(super) fn new_payment(client: ClientId, allocations: Vec<(InvoiceId, Decimal)>) -> Proposal {
    Proposal::NewPayment {
        client,
        allocations: allocations
            .into_iter()
            .map(|(invoice, amount)| Allocation { invoice, amount })
            .collect(),
        left_as_credit: Decimal::ZERO,
    }
}

/// A payment the user typed already (same amount, close date, same client when one is
/// recognised) is proposed as the line, and then no new payment is very sure: confirming
/// in bulk must not record the same money twice.
pub(super) fn typed_payments(
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
