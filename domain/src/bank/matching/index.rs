//! What the matching looks lines up in, built once per ledger change: the open invoices by
//! number, client and amount, the clients by IBAN and name, and the payments typed by hand
//! that no bank line is linked to yet. Matching a line is then a few hash lookups, never a
//! scan of the portfolio.

use crate::model::balances::Position;
use crate::model::ledger::Ledger;
use crate::model::payment::Allocation;
use crate::values::ids::{ClientId, InvoiceId, PaymentId};
use crate::values::sorting::sort_by_key;
use crate::values::text::fold;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Words of a client's name that say its legal form, not who it is: banks write
/// "DUPONT RENOVATION" for "Dupont Rénovation SARL", or the other way round.
const LEGAL_FORMS: [&str; 7] = ["sarl", "sas", "sa", "eurl", "sasu", "sci", "ei"];
/// A name shorter than this, once normalised, is found by chance in too many labels to
/// identify a client.
const NAME_MIN_CHARS: usize = 3;
/// An invoice number made of one run of digits shorter than this (`7`, `42`) is found by
/// chance in dates and amounts of nearly every label: such numbers are not searched.
const BARE_NUMBER_MIN_DIGITS: usize = 3;

/// A run of letters or of digits in a text, folded (digits without their leading zeros),
/// with the byte range of the original text it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Characters of the original run, leading zeros included.
    pub(crate) written: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii_alphabetic() {
        Class::Letter
    } else if c.is_ascii_digit() {
        Class::Digit
    } else {
        Class::Other
    }
}

/// Cuts a text into runs of one class of characters, with `joined` deciding whether a
/// letter run and a digit run that touch are one piece (a name's word) or two (the parts of
/// an invoice number, so that `FA2024` and `FA-2024` read the same).
fn pieces(text: &str, joined: bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut current: Option<(Class, Piece)> = None;
    let mut buffer = [0u8; 4];
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let folded = if c.is_ascii() {
            c.to_ascii_lowercase().to_string()
        } else {
            fold(c.encode_utf8(&mut buffer))
        };
        for f in folded.chars() {
            let kind = match class(f) {
                Class::Other => Class::Other,
                _ if joined => Class::Letter,
                other => other,
            };
            match &mut current {
                Some((k, piece)) if *k == kind && kind != Class::Other => {
                    piece.text.push(f);
                    piece.end = end;
                    piece.written += 1;
                }
                _ => {
                    if let Some((k, piece)) = current.take() {
                        push_piece(&mut out, k, piece);
                    }
                    current = Some((
                        kind,
                        Piece {
                            text: f.to_string(),
                            start: at,
                            end,
                            written: 1,
                        },
                    ));
                }
            }
        }
    }
    if let Some((k, piece)) = current {
        push_piece(&mut out, k, piece);
    }
    out
}

fn push_piece(out: &mut Vec<Piece>, kind: Class, mut piece: Piece) {
    match kind {
        Class::Other => {}
        Class::Digit => {
            let trimmed = piece.text.trim_start_matches('0');
            piece.text = if trimmed.is_empty() { "0" } else { trimmed }.to_string();
            out.push(piece);
        }
        Class::Letter => out.push(piece),
    }
}

/// The pieces of an invoice number or of a bank text, as numbers are compared.
pub(crate) fn number_pieces(text: &str) -> Vec<Piece> {
    pieces(text, false)
}

/// An invoice number's key: its pieces joined by a mark no piece holds, so that
/// `FA-2024-007`, `fa 2024 7` and `FA2024/007` share `fa|2024|7` while `FA-20-247` does
/// not. None for a number not worth searching (see [`BARE_NUMBER_MIN_DIGITS`]).
pub fn number_key(number: &str) -> Option<String> {
    let found = number_pieces(number);
    match found.as_slice() {
        [] => None,
        [only]
            if only.text.as_bytes()[0].is_ascii_digit()
                && only.written < BARE_NUMBER_MIN_DIGITS =>
        {
            None
        }
        _ => Some(join(&found)),
    }
}

pub(crate) fn join(found: &[Piece]) -> String {
    let parts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
    parts.join("|")
}

/// The two forms the search box compares a number in, pieces run together: as written
/// (so that typing `FA-2024-00` finds `FA-2024-007` by its start) and without leading zeros
/// (so that `fa 2024 7` finds it too).
pub(crate) fn compact_number(number: &str) -> (String, String) {
    let written = fold(number)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let normalised = number_pieces(number).into_iter().map(|p| p.text).collect();
    (written, normalised)
}

/// The words of a name or label, folded, without legal forms: how client names are compared.
pub(crate) fn name_words(text: &str) -> Vec<Piece> {
    pieces(text, true)
        .into_iter()
        .filter(|p| !LEGAL_FORMS.contains(&p.text.as_str()))
        .collect()
}

/// A client's name as compared with what banks write: `Dupont Rénovation SARL`, `DUPONT
/// RENOVATION` and `dupont-renovation` all give `dupont renovation`.
pub fn name_key(name: &str) -> String {
    let words: Vec<String> = name_words(name).into_iter().map(|p| p.text).collect();
    words.join(" ")
}

/// An invoice that still has something open, with what matching needs of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OpenInvoice {
    pub(crate) client: ClientId,
    pub(crate) due: NaiveDate,
    pub(crate) open: Decimal,
}

/// The open items of a ledger at a date, indexed for matching. Build it once per ledger
/// change and reuse it for every line.
#[derive(Clone, Debug, Default)]
pub struct OpenItems {
    pub(crate) open: HashMap<InvoiceId, OpenInvoice>,
    /// Every invoice, open or not, by [`number_key`]: a line naming an invoice a typed
    /// payment already settled must still lead to that payment and to its client.
    pub(crate) by_number: HashMap<String, Vec<InvoiceId>>,
    /// The most pieces a number key has: how far a search looks ahead in a text.
    pub(crate) longest_number: usize,
    /// Each client's open invoices, earliest due date first (then id).
    pub(crate) by_client: HashMap<ClientId, Vec<InvoiceId>>,
    /// Open invoices by open amount. An entry whose invoice's open amount changed since
    /// (a reservation) is stale and skipped by [`OpenItems::open_with_amount`].
    pub(crate) by_amount: HashMap<Decimal, Vec<InvoiceId>>,
    pub(crate) clients_by_iban: HashMap<String, Vec<ClientId>>,
    pub(crate) clients_by_name: HashMap<String, Vec<ClientId>>,
    /// Client names by their first word, with all their words: a label's words are looked
    /// up one by one, not compared with every client.
    pub(crate) names_by_first_word: HashMap<String, Vec<(ClientId, Vec<String>)>>,
    /// Payments no bank line is linked to, by amount.
    pub(crate) unlinked: HashMap<Decimal, Vec<PaymentId>>,
    /// Every invoice's [`compact_number`], in the ledger's order, for the search box.
    pub(crate) search_keys: Vec<(InvoiceId, (String, String))>,
}

impl OpenItems {
    pub fn build(ledger: &Ledger, as_of: NaiveDate) -> OpenItems {
        // What is open at `as_of`, but never more than what is open counting every fact: a
        // payment typed with a later date, or a later write-off, already takes the amount a
        // reconciliation could allocate (the ledger refuses more).
        let at_date = Position::new(ledger, as_of);
        let at_end = Position::new(ledger, NaiveDate::MAX);
        let mut items = OpenItems::default();
        for invoice in ledger.invoices() {
            if let Some(key) = number_key(&invoice.details.number) {
                items.longest_number = items.longest_number.max(key.split('|').count());
                items.by_number.entry(key).or_default().push(invoice.id);
            }
            items
                .search_keys
                .push((invoice.id, compact_number(&invoice.details.number)));
            let open = at_date
                .invoice(invoice.id)
                .open()
                .min(at_end.invoice(invoice.id).open());
            if open > Decimal::ZERO {
                items.open.insert(
                    invoice.id,
                    OpenInvoice {
                        client: invoice.details.client,
                        due: invoice.due_date(),
                        open,
                    },
                );
                items
                    .by_client
                    .entry(invoice.details.client)
                    .or_default()
                    .push(invoice.id);
                items.by_amount.entry(open).or_default().push(invoice.id);
            }
        }
        let open = &items.open;
        for list in items.by_client.values_mut() {
            sort_by_key(list, |id| (open[id].due, *id));
        }
        for client in ledger.clients() {
            let iban = client.details.iban.trim();
            if !iban.is_empty() {
                items
                    .clients_by_iban
                    .entry(iban.to_ascii_uppercase())
                    .or_default()
                    .push(client.id);
            }
            let words: Vec<String> = name_words(&client.details.name)
                .into_iter()
                .map(|p| p.text)
                .collect();
            if words.iter().map(String::len).sum::<usize>() >= NAME_MIN_CHARS {
                items
                    .clients_by_name
                    .entry(words.join(" "))
                    .or_default()
                    .push(client.id);
                items
                    .names_by_first_word
                    .entry(words[0].clone())
                    .or_default()
                    .push((client.id, words));
            }
        }
        let linked: HashSet<PaymentId> = ledger
            .bank()
            .lines()
            .iter()
            .filter_map(|l| l.payment())
            .collect();
        for payment in ledger.payments() {
            if !linked.contains(&payment.id) {
                items
                    .unlinked
                    .entry(payment.details.amount)
                    .or_default()
                    .push(payment.id);
            }
        }
        items
    }

    /// What is open on an invoice, zero when it is settled (or reserved) in full.
    pub fn open_amount(&self, invoice: InvoiceId) -> Decimal {
        self.open.get(&invoice).map_or(Decimal::ZERO, |i| i.open)
    }

    /// Open invoices whose open amount is exactly `amount`, earliest due date first.
    pub(crate) fn open_with_amount(&self, amount: Decimal) -> Vec<InvoiceId> {
        let mut found: Vec<InvoiceId> = self
            .by_amount
            .get(&amount)
            .into_iter()
            .flatten()
            .copied()
            .filter(|id| self.open_amount(*id) == amount)
            .collect();
        sort_by_key(&mut found, |id| (self.open[id].due, *id));
        found.dedup();
        found
    }

    /// The client's open invoices, earliest due date first, with what each has open.
    pub(crate) fn open_of(&self, client: ClientId) -> Vec<(InvoiceId, Decimal)> {
        self.by_client
            .get(&client)
            .into_iter()
            .flatten()
            .map(|id| (*id, self.open_amount(*id)))
            .filter(|(_, open)| *open > Decimal::ZERO)
            .collect()
    }

    /// Takes what a proposal confirmed in bulk would use: the invoices' open amounts, or
    /// the typed payment it links, so that later lines cannot use them again.
    pub(crate) fn reserve_allocations(&mut self, allocations: &[Allocation]) {
        for allocation in allocations {
            if let Some(invoice) = self.open.get_mut(&allocation.invoice) {
                invoice.open -= allocation.amount;
                if invoice.open > Decimal::ZERO {
                    self.by_amount
                        .entry(invoice.open)
                        .or_default()
                        .push(allocation.invoice);
                }
            }
        }
    }

    pub(crate) fn reserve_payment(&mut self, payment: PaymentId) {
        for list in self.unlinked.values_mut() {
            list.retain(|p| *p != payment);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{name_key, number_key};

    #[test]
    fn invoice_numbers_compare_without_case_separators_or_leading_zeros() {
        // Guards against missing `fa 2024 7` for `FA-2024-007`, and against confusing
        // `FA-2024-0071` or `FA-20-247` with it once the separators are dropped.
        let key = number_key("FA-2024-007");
        assert_eq!(key.as_deref(), Some("fa|2024|7"));
        assert_eq!(number_key("fa 2024 7"), key);
        assert_eq!(number_key("FA2024/007"), key);
        assert_eq!(number_key("fa.2024.007"), key);
        assert_ne!(number_key("FA-2024-0071"), key);
        assert_ne!(number_key("FA-20-247"), key);
        assert_eq!(number_key("42"), None, "too short to search");
        assert_eq!(number_key("00042").as_deref(), Some("42"));
    }

    #[test]
    fn client_names_compare_without_legal_form_accents_or_punctuation() {
        // Guards against "VIR DUPONT RENOVATION" not finding "Dupont Rénovation SARL".
        assert_eq!(name_key("Dupont Rénovation SARL"), "dupont renovation");
        assert_eq!(name_key("SAS DUPONT-RENOVATION."), "dupont renovation");
        assert_eq!(name_key("L'Œuvre EI"), "l oeuvre");
    }
}
