//! One camt entry (`Ntry`) into the lines it stands for: itself, or one line per transaction
//! of a batch whose transactions add up to it.

use super::tree::Tree;
use crate::bank::read::kind;
use crate::bank::statement::{LineProblem, Skipped, StatementSink};
use crate::model::bank_book::{LineKind, StatementLine};
use crate::values::read::fields;
use crate::values::text::{collapse_spaces, compact_upper};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The parts of an entry every line made of it shares.
struct Entry<'t> {
    line: usize,
    booking_date: NaiveDate,
    value_date: Option<NaiveDate>,
    amount: Decimal,
    credit: bool,
    reversal: bool,
    label: Option<&'t str>,
    /// `AcctSvcrRef`, else `NtryRef`: what the import key prefers.
    bank_ref: Option<&'t str>,
    kind: Option<LineKind>,
}

/// What one `TxDtls` adds to its entry.
#[derive(Default)]
struct Transaction {
    line: usize,
    /// Its own amount signed by its own indicator (or the entry's), when it gives one in the
    /// account's currency.
    amount: Option<Decimal>,
    end_to_end: Option<String>,
    bank_ref: Option<String>,
    counterparty: String,
    counterparty_iban: String,
    details: String,
    creditor_refs: Vec<String>,
    additional_info: String,
    kind: Option<LineKind>,
}

/// Reads the entry at `node` of an account in `currency` (empty when the account names none)
/// and pushes its lines, its skip or its problem.
pub(super) fn read(tree: &Tree, node: usize, currency: &str, sink: &mut dyn StatementSink) {
    let line = tree.element(node).line;
    match entry(tree, node, currency) {
        Ok(entry) => push_lines(tree, node, currency, &entry, sink),
        Err(Refusal::Skipped(why)) => sink.skipped(line, why),
        Err(Refusal::Unreadable(problem)) => sink.unreadable(line, problem),
    }
}

enum Refusal {
    Skipped(Skipped),
    Unreadable(LineProblem),
}

fn missing(part: &str) -> Refusal {
    Refusal::Unreadable(LineProblem::Malformed(part.to_owned()))
}

fn entry<'t>(tree: &'t Tree, node: usize, currency: &str) -> Result<Entry<'t>, Refusal> {
    // Up to 001.06 `Sts` holds the code itself; from 001.07 on it holds `Cd` (or `Prtry`).
    // Banks mix the two, so both are read whatever the version. No status counts as booked.
    let status = tree.first_text(node, &[&["Sts", "Cd"], &["Sts", "Prtry"], &["Sts"]]);
    if status.is_some_and(|s| !s.eq_ignore_ascii_case("BOOK")) {
        return Err(Refusal::Skipped(Skipped::NotBooked));
    }
    let amount_text = tree.text(node, &["Amt"]).ok_or_else(|| missing("Amt"))?;
    let amount = fields::amount(amount_text)
        .filter(|a| !a.is_sign_negative())
        .ok_or_else(|| Refusal::Unreadable(LineProblem::Amount(amount_text.to_owned())))?;
    let entry_currency = tree
        .find(node, &["Amt"])
        .map_or("", |a| &tree.element(a).ccy);
    if !currency.is_empty() && !entry_currency.is_empty() && entry_currency != currency {
        return Err(Refusal::Skipped(Skipped::OtherCurrency(
            entry_currency.to_owned(),
        )));
    }
    let credit = indicator(tree.text(node, &["CdtDbtInd"])).ok_or_else(|| missing("CdtDbtInd"))?;
    let booking_text = tree
        .first_text(node, &[&["BookgDt", "Dt"], &["BookgDt", "DtTm"]])
        .ok_or_else(|| missing("BookgDt"))?;
    let booking_date = fields::iso(booking_text)
        .ok_or_else(|| Refusal::Unreadable(LineProblem::Date(booking_text.to_owned())))?;
    let value_date = tree
        .first_text(node, &[&["ValDt", "Dt"], &["ValDt", "DtTm"]])
        .and_then(fields::iso);
    Ok(Entry {
        line: tree.element(node).line,
        booking_date,
        value_date,
        // camt reverses a line by booking the opposite indicator with `RvslInd` true, so the
        // indicator as given is already the reversal's sign: it is not flipped again here.
        amount: if credit { amount } else { -amount },
        credit,
        reversal: tree
            .text(node, &["RvslInd"])
            .is_some_and(|r| r.eq_ignore_ascii_case("true") || r == "1"),
        label: tree.text(node, &["AddtlNtryInf"]),
        bank_ref: tree.first_text(node, &[&["AcctSvcrRef"], &["NtryRef"]]),
        kind: bank_transaction_code(tree, node),
    })
}

/// CRDT is true (money in), DBIT false.
fn indicator(text: Option<&str>) -> Option<bool> {
    match text? {
        "CRDT" => Some(true),
        "DBIT" => Some(false),
        _ => None,
    }
}

fn push_lines(
    tree: &Tree,
    node: usize,
    currency: &str,
    entry: &Entry<'_>,
    sink: &mut dyn StatementSink,
) {
    let transactions: Vec<Transaction> = tree
        .children(node, "NtryDtls")
        .flat_map(|details| tree.children(details, "TxDtls"))
        .map(|tx| transaction(tree, tx, currency, entry.credit))
        .collect();
    match transactions.as_slice() {
        [] => sink.line(line(
            entry,
            &Transaction::default(),
            entry.bank_ref.unwrap_or(""),
        )),
        [only] => {
            let bank_id = entry.bank_ref.or(only.bank_ref.as_deref()).unwrap_or("");
            sink.line(line(entry, only, bank_id));
        }
        several => {
            let amounts: Option<Vec<Decimal>> = several.iter().map(|t| t.amount).collect();
            let adds_up = |amounts: &Vec<Decimal>| {
                amounts
                    .iter()
                    .try_fold(Decimal::ZERO, |sum, &amount| sum.checked_add(amount))
                    == Some(entry.amount)
            };
            match amounts.filter(adds_up) {
                Some(amounts) => {
                    for (index, (tx, amount)) in several.iter().zip(amounts).enumerate() {
                        let bank_id = entry
                            .bank_ref
                            .map_or_else(String::new, |r| format!("{r}/{}", index + 1));
                        let mut split = line(entry, tx, &bank_id);
                        // A split line points at its own `TxDtls`, so that a message about it
                        // names the payment and not the batch.
                        split.source_line = tx.line;
                        split.amount = amount;
                        sink.line(split);
                    }
                }
                // Transactions that do not add up to their entry (one without an amount, one
                // in another currency, a bank's rounding) cannot be trusted one by one: the
                // entry is kept whole, with every transaction's wording and references on it,
                // so nothing is lost and the booked amount stays the bank's.
                None => sink.line(line(entry, &merged(several), entry.bank_ref.unwrap_or(""))),
            }
        }
    }
}

/// One transaction standing for all of a batch: their wording and references joined, the
/// counterparty kept only when they share one.
fn merged(transactions: &[Transaction]) -> Transaction {
    let joined = |part: fn(&Transaction) -> &str| {
        collapse_spaces(&transactions.iter().map(part).collect::<Vec<_>>().join(" "))
    };
    let shared = |part: fn(&Transaction) -> &str| {
        let first = transactions.first().map_or("", part);
        if transactions.iter().all(|t| part(t) == first) {
            first.to_owned()
        } else {
            String::new()
        }
    };
    let mut references = Vec::new();
    for tx in transactions {
        references.extend(tx.end_to_end.iter().cloned());
        references.extend(tx.creditor_refs.iter().cloned());
        references.extend(tx.bank_ref.iter().cloned());
    }
    Transaction {
        details: joined(|t| &t.details),
        additional_info: shared(|t| &t.additional_info),
        counterparty: shared(|t| &t.counterparty),
        counterparty_iban: shared(|t| &t.counterparty_iban),
        creditor_refs: references,
        kind: transactions.iter().find_map(|t| t.kind),
        ..Transaction::default()
    }
}

fn transaction(tree: &Tree, tx: usize, currency: &str, entry_credit: bool) -> Transaction {
    let amount_node = tree
        .find(tx, &["Amt"])
        .or_else(|| tree.find(tx, &["AmtDtls", "TxAmt", "Amt"]));
    let credit = indicator(tree.text(tx, &["CdtDbtInd"])).unwrap_or(entry_credit);
    let amount = amount_node.and_then(|a| {
        let element = tree.element(a);
        let same_currency =
            currency.is_empty() || element.ccy.is_empty() || element.ccy == currency;
        let value = fields::amount(&element.text).filter(|v| !v.is_sign_negative())?;
        same_currency.then_some(if credit { value } else { -value })
    });
    // The other party: the payer of a credit, the payee of a debit. Up to 001.06 the name is
    // `Dbtr/Nm`; from 001.07 on it is `Dbtr/Pty/Nm`.
    let (party, party_account) = if credit {
        ("Dbtr", "DbtrAcct")
    } else {
        ("Cdtr", "CdtrAcct")
    };
    let counterparty = tree
        .first_text(
            tx,
            &[
                &["RltdPties", party, "Nm"],
                &["RltdPties", party, "Pty", "Nm"],
            ],
        )
        .map(collapse_spaces)
        .unwrap_or_default();
    let counterparty_iban = tree
        .text(tx, &["RltdPties", party_account, "Id", "IBAN"])
        .map(compact_upper)
        .unwrap_or_default();
    let mut details = Vec::new();
    let mut creditor_refs = Vec::new();
    for remittance in tree.children(tx, "RmtInf") {
        details.extend(
            tree.children(remittance, "Ustrd")
                .map(|u| collapse_spaces(&tree.element(u).text)),
        );
        for structured in tree.children(remittance, "Strd") {
            creditor_refs.extend(
                tree.children(structured, "CdtrRefInf")
                    .filter_map(|info| tree.text(info, &["Ref"]))
                    .map(collapse_spaces),
            );
        }
    }
    details.retain(|d| !d.is_empty());
    Transaction {
        line: tree.element(tx).line,
        amount,
        end_to_end: tree
            .text(tx, &["Refs", "EndToEndId"])
            .filter(|id| !id.eq_ignore_ascii_case("NOTPROVIDED"))
            .map(str::to_owned),
        bank_ref: tree.text(tx, &["Refs", "AcctSvcrRef"]).map(str::to_owned),
        counterparty,
        counterparty_iban,
        details: details.join(" "),
        creditor_refs,
        additional_info: tree
            .text(tx, &["AddtlTxInf"])
            .map(collapse_spaces)
            .unwrap_or_default(),
        kind: bank_transaction_code(tree, tx),
    }
}

fn line(entry: &Entry<'_>, tx: &Transaction, bank_id: &str) -> StatementLine {
    let label = entry
        .label
        .map(collapse_spaces)
        .filter(|l| !l.is_empty())
        .or_else(|| (!tx.additional_info.is_empty()).then(|| tx.additional_info.clone()))
        .unwrap_or_else(|| tx.counterparty.clone());
    let mut references: Vec<String> = Vec::new();
    let candidates = tx
        .end_to_end
        .iter()
        .chain(&tx.creditor_refs)
        .chain(tx.bank_ref.iter());
    for reference in candidates {
        if reference != bank_id && !references.contains(reference) {
            references.push(reference.clone());
        }
    }
    let kind = entry
        .kind
        .or(tx.kind)
        .unwrap_or_else(|| kind::from_label(&label));
    StatementLine {
        source_line: entry.line,
        booking_date: entry.booking_date,
        value_date: entry.value_date,
        amount: entry.amount,
        label,
        details: tx.details.clone(),
        counterparty: tx.counterparty.clone(),
        counterparty_iban: tx.counterparty_iban.clone(),
        references,
        bank_id: bank_id.to_owned(),
        kind,
        reversal: entry.reversal,
    }
}

/// The kind of an entry or transaction from its `BkTxCd`: the ISO domain, family and
/// sub-family codes, else the bank's proprietary code read as a label (`VIR`, `PRLV`, `CB`).
/// None when neither says anything known.
fn bank_transaction_code(tree: &Tree, node: usize) -> Option<LineKind> {
    let code = tree.find(node, &["BkTxCd"])?;
    let domain = tree.text(code, &["Domn", "Cd"]).unwrap_or("");
    let family = tree.text(code, &["Domn", "Fmly", "Cd"]).unwrap_or("");
    let sub_family = tree
        .text(code, &["Domn", "Fmly", "SubFmlyCd"])
        .unwrap_or("");
    iso_kind(domain, family, sub_family).or_else(|| {
        let proprietary = tree.text(code, &["Prtry", "Cd"])?;
        Some(kind::from_label(proprietary)).filter(|k| *k != LineKind::Unknown)
    })
}

/// The ISO 20022 external bank transaction codes a French business account sees.
fn iso_kind(domain: &str, family: &str, sub_family: &str) -> Option<LineKind> {
    // Charges and interest are sub-families found under many families (a transfer's fee is
    // PMNT/ICDT/CHRG): they decide first.
    match sub_family {
        "CHRG" | "COMM" | "FEES" | "COMI" | "SUBS" => return Some(LineKind::Fee),
        "INTR" => return Some(LineKind::Interest),
        _ => {}
    }
    match (domain, family) {
        ("PMNT", "RCDT" | "ICDT") => Some(LineKind::Transfer),
        ("PMNT", "IDDT" | "RDDT") => Some(LineKind::DirectDebit),
        ("PMNT", "RCHQ" | "ICHQ") => Some(LineKind::Cheque),
        ("PMNT", "CCRD" | "MCRD") if sub_family == "CWDL" => Some(LineKind::Cash),
        ("PMNT", "CCRD" | "MCRD") => Some(LineKind::Card),
        ("PMNT", "CNTR") => Some(LineKind::Cash),
        ("ACMT", "MDOP") => Some(LineKind::Fee),
        ("ACMT", "MCOP") => Some(LineKind::Interest),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_give_the_kind() {
        // Guards against card payments and fees being offered as client payments because
        // their ISO codes were not recognised.
        assert_eq!(iso_kind("PMNT", "RCDT", "ESCT"), Some(LineKind::Transfer));
        assert_eq!(iso_kind("PMNT", "ICDT", "ESCT"), Some(LineKind::Transfer));
        assert_eq!(
            iso_kind("PMNT", "IDDT", "ESDD"),
            Some(LineKind::DirectDebit)
        );
        assert_eq!(
            iso_kind("PMNT", "RDDT", "ESDD"),
            Some(LineKind::DirectDebit)
        );
        assert_eq!(iso_kind("PMNT", "CCRD", "POSD"), Some(LineKind::Card));
        assert_eq!(iso_kind("PMNT", "CCRD", "CWDL"), Some(LineKind::Cash));
        assert_eq!(iso_kind("PMNT", "RCHQ", "URCQ"), Some(LineKind::Cheque));
        assert_eq!(iso_kind("ACMT", "MDOP", "CHRG"), Some(LineKind::Fee));
        assert_eq!(iso_kind("PMNT", "ICDT", "CHRG"), Some(LineKind::Fee));
        assert_eq!(iso_kind("XTND", "NTAV", "NTAV"), None);
    }
}
