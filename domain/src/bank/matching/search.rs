//! The "pick another invoice" box: invoices found by number, client name or amount as the
//! user types them.

use super::index::{compact_number, name_key, OpenItems};
use crate::model::ledger::Ledger;
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::money::parse_amount;
use crate::values::sorting::sort_by_key;
use crate::values::text::fold;
use std::collections::HashSet;

/// How an invoice fits the query, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    NumberStart,
    Amount,
    NumberInside,
    ClientName,
}

/// At most `limit` invoices fitting `query`: its number starting with or containing it
/// (compared as [`super::number_key`] does, without separators or case), its total or open
/// amount equal to the amount typed (`1 200`, `1200,00`), or its client's name containing
/// it. Open invoices come first, then by how well they fit, then the oldest due date.
pub fn search_invoices(
    ledger: &Ledger,
    items: &OpenItems,
    query: &str,
    limit: usize,
) -> Vec<InvoiceId> {
    let (written, normalised) = compact_number(query);
    let amount = parse_amount(query).ok();
    let name = name_key(query);
    let folded = fold(query.trim());
    if written.is_empty() && amount.is_none() && name.is_empty() {
        return Vec::new();
    }
    // Whether each client's name fits, decided once per client rather than per invoice.
    let named: HashSet<ClientId> = ledger
        .clients()
        .iter()
        .filter(|c| {
            (!name.is_empty() && name_key(&c.details.name).contains(&name))
                || (!folded.is_empty() && fold(&c.details.name).contains(&folded))
        })
        .map(|c| c.id)
        .collect();
    let mut found = Vec::new();
    let starts = |(w, n): &(String, String)| {
        !written.is_empty() && (w.starts_with(&written) || n.starts_with(&normalised))
    };
    let inside = |(w, n): &(String, String)| {
        !written.is_empty() && (w.contains(&written) || n.contains(&normalised))
    };
    for (id, key) in &items.search_keys {
        let Some(invoice) = ledger.invoice(*id) else {
            continue;
        };
        let open = items.open_amount(*id);
        let fit = if starts(key) {
            Some(Fit::NumberStart)
        } else if amount.is_some_and(|a| a == invoice.total() || (a == open && !open.is_zero())) {
            Some(Fit::Amount)
        } else if inside(key) {
            Some(Fit::NumberInside)
        } else {
            named
                .contains(&invoice.details.client)
                .then_some(Fit::ClientName)
        };
        if let Some(fit) = fit {
            found.push((open.is_zero(), fit, invoice.due_date(), *id));
        }
    }
    sort_by_key(&mut found, |f| *f);
    found.truncate(limit);
    found.into_iter().map(|(.., id)| id).collect()
}
