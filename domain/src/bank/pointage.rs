//! The pointage (bank reconciliation check) of one account over a period: how many lines
//! are decided, whether the imported statements are complete, and which payments recorded in
//! Encaisse the bank never showed.

use crate::model::bank_book::Balance;
use crate::model::bank_book::{BankLine, LineStatus};
use crate::model::ledger::Ledger;
use crate::model::payment::PaymentMethod;
use crate::values::ids::{BankAccountId, BankLineId, PaymentId};
use crate::values::sorting::sort_by_key;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pointage {
    /// Lines of the account booked in the period, whatever their status.
    pub lines: usize,
    pub reconciled: usize,
    pub open_credits: usize,
    /// Open lines that are not credits (zero-amount lines count here).
    pub open_debits: usize,
    pub set_aside: usize,
    /// The sum of the credit lines.
    pub credits: Decimal,
    /// The sum of the debit lines, as a positive amount.
    pub debits: Decimal,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// The earliest opening balance the account's imported statements state within the
    /// period (dated from the day before `from`, as a balance is at the end of its day).
    pub opening: Option<Balance>,
    /// The latest closing balance they state within the period.
    pub closing: Option<Balance>,
    /// `closing − opening −` the lines booked after the opening's day up to the closing's,
    /// when both balances are known: zero when no line is missing, else what is missing
    /// (a statement not imported, a line lost).
    pub balance_check: Option<Decimal>,
}

/// The pointage of `account` for the lines booked from `from` to `to`, both included.
pub fn pointage(
    ledger: &Ledger,
    account: BankAccountId,
    from: NaiveDate,
    to: NaiveDate,
) -> Pointage {
    let book = ledger.bank();
    let mine = || book.lines().iter().filter(move |l| l.account == account);
    let mut result = Pointage::default();
    for line in mine().filter(|l| (from..=to).contains(&l.line.booking_date)) {
        let amount = line.line.amount;
        let date = line.line.booking_date;
        result.lines += 1;
        match line.status {
            LineStatus::Reconciled { .. } => result.reconciled += 1,
            LineStatus::SetAside { .. } => result.set_aside += 1,
            LineStatus::Open if amount > Decimal::ZERO => result.open_credits += 1,
            LineStatus::Open => result.open_debits += 1,
        }
        if amount > Decimal::ZERO {
            result.credits += amount;
        } else {
            result.debits -= amount;
        }
        result.first_date = Some(result.first_date.map_or(date, |d| d.min(date)));
        result.last_date = Some(result.last_date.map_or(date, |d| d.max(date)));
    }
    let window = from.pred_opt().unwrap_or(from)..=to;
    let statements = || book.statements().iter().filter(|s| s.account == account);
    result.opening = statements()
        .filter_map(|s| s.opening)
        .filter(|b| window.contains(&b.date))
        .min_by_key(|b| b.date);
    result.closing = statements()
        .filter_map(|s| s.closing)
        .filter(|b| window.contains(&b.date))
        .max_by_key(|b| b.date);
    if let (Some(opening), Some(closing)) = (result.opening, result.closing) {
        let between: Decimal = mine()
            .filter(|l| l.line.booking_date > opening.date && l.line.booking_date <= closing.date)
            .map(|l| l.line.amount)
            .sum();
        result.balance_check = Some(closing.amount - opening.amount - between);
    }
    result
}

/// Payments recorded in Encaisse from `from` to `to` that should have reached a bank account
/// (transfers, cheques, direct debits; never cash, nor card payments the acquirer lumps)
/// and that no bank line is linked to: a cheque not cashed yet, a payment typed with a wrong
/// amount. Each comes with the open credit line of the same amount closest in date, if any
/// (the earlier line when two are as close), oldest payment first.
pub fn payments_without_bank_line(
    ledger: &Ledger,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(PaymentId, Option<BankLineId>)> {
    let lines = ledger.bank().lines();
    let linked: HashSet<PaymentId> = lines.iter().filter_map(BankLine::payment).collect();
    let mut open_by_amount: HashMap<Decimal, Vec<&BankLine>> = HashMap::new();
    for line in lines
        .iter()
        .filter(|l| l.is_open() && l.line.amount > Decimal::ZERO)
    {
        open_by_amount
            .entry(line.line.amount)
            .or_default()
            .push(line);
    }
    let mut found: Vec<(NaiveDate, PaymentId, Option<BankLineId>)> = ledger
        .payments()
        .iter()
        .filter(|p| (from..=to).contains(&p.details.date))
        .filter(|p| {
            matches!(
                p.details.method,
                PaymentMethod::Transfer | PaymentMethod::Cheque | PaymentMethod::DirectDebit
            )
        })
        .filter(|p| !linked.contains(&p.id))
        .map(|p| {
            let closest = open_by_amount
                .get(&p.details.amount)
                .into_iter()
                .flatten()
                .min_by_key(|l| {
                    let gap = (l.line.booking_date - p.details.date).num_days().abs();
                    (gap, l.line.booking_date, l.id)
                })
                .map(|l| l.id);
            (p.details.date, p.id, closest)
        })
        .collect();
    sort_by_key(&mut found, |(date, id, _)| (*date, *id));
    found.into_iter().map(|(_, id, line)| (id, line)).collect()
}
