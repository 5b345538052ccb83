//! The aging report (balance âgée): clients by buckets of days past due as of a date, with
//! unapplied credits and the penalties each client may be charged; any amount opens the
//! invoices behind it; both views export to CSV. The date lives in the link
//! (`#/balance-agee?date=2026-06-30`), so a past report can be shared and reproduced.

pub mod texts;

use crate::aging::texts::{aging_tr, use_aging_texts, AgingTexts};
use crate::clock::today;
use crate::components::penalty::MissingRateNotice;
use crate::components::{date, date_view, eur, money};
use crate::files::download;
use crate::i18n::shared::{use_shared_texts, SharedTexts};
use crate::i18n::{tr, use_t, I18n, Localized};
use crate::shell::route::{navigate, Route};
use crate::storage::Store;
use encaisse_domain::analysis::aging::aging;
use encaisse_domain::files::export::{Cell, CsvFile};
use encaisse_domain::law::penalty::claims::PenaltyInputs;
use encaisse_domain::law::penalty::rates::MissingRate;
use encaisse_domain::model::invoice::parse_date;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::settings::AgingBounds;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::sorting::{sort_by, sort_by_key};
use encaisse_domain::values::text::fold;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;
use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq)]
struct ClientRow {
    client: ClientId,
    name: String,
    registration: String,
    buckets: Vec<Decimal>,
    unapplied: Decimal,
    total: Decimal,
    claimable: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
struct InvoiceRow {
    invoice: InvoiceId,
    number: String,
    client: ClientId,
    client_name: String,
    issue_date: NaiveDate,
    due_date: NaiveDate,
    days_past_due: i64,
    bucket: usize,
    open: Decimal,
    /// None when a rate is missing from the table.
    penalties: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq)]
struct Report {
    bounds: AgingBounds,
    clients: Vec<ClientRow>,
    invoices: Vec<InvoiceRow>,
    totals: ClientRow,
    missing_rates: Vec<MissingRate>,
    invoices_missing_rates: usize,
}

fn build(ledger: &Ledger, as_of: NaiveDate) -> Report {
    let bounds = ledger.settings().aging_bounds.clone();
    let report = aging(ledger, as_of, &bounds);
    let inputs = PenaltyInputs::new(ledger, as_of);
    let claims = inputs.claims();
    let name_of = |id: ClientId| {
        ledger
            .client(id)
            .map(|c| (c.details.name.clone(), c.details.registration.clone()))
            .unwrap_or_default()
    };
    let clients = report
        .clients
        .iter()
        .map(|line| {
            let (name, registration) = name_of(line.client);
            ClientRow {
                client: line.client,
                name,
                registration,
                buckets: line.buckets.clone(),
                unapplied: line.unapplied_credit,
                total: line.total(),
                claimable: claims
                    .per_client
                    .get(&line.client)
                    .map_or(Decimal::ZERO, |c| c.total()),
            }
        })
        .collect();
    let invoices = report
        .invoices
        .iter()
        .filter_map(|aged| {
            let invoice = ledger.invoice(aged.invoice)?;
            let penalties = match inputs.for_invoice(invoice) {
                None => Some(Decimal::ZERO),
                Some(Ok(breakdown)) => Some(breakdown.total),
                Some(Err(_)) => None,
            };
            Some(InvoiceRow {
                invoice: aged.invoice,
                number: invoice.details.number.clone(),
                client: aged.client,
                client_name: name_of(aged.client).0,
                issue_date: invoice.details.issue_date,
                due_date: aged.due_date,
                days_past_due: aged.days_past_due.max(0),
                bucket: aged.bucket,
                open: aged.open,
                penalties,
            })
        })
        .collect();
    let mut missing_rates: Vec<MissingRate> =
        claims.missing_rates.iter().map(|(_, m)| *m).collect();
    sort_by_key(&mut missing_rates, |m| m.half_year());
    // The ECB and the taux légal of one half-year are two misses but one thing to enter.
    missing_rates.dedup_by_key(|m| m.half_year());
    Report {
        clients,
        invoices,
        totals: ClientRow {
            client: ClientId(0),
            name: String::new(),
            registration: String::new(),
            buckets: report.totals.buckets.clone(),
            unapplied: report.totals.unapplied_credit,
            total: report.totals.total(),
            claimable: claims.total.total(),
        },
        invoices_missing_rates: claims.missing_rates.len(),
        missing_rates,
        bounds,
    }
}

/// A column the client table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Name,
    Bucket(usize),
    Unapplied,
    Total,
    Claimable,
}

impl SortKey {
    fn compare(self, a: &ClientRow, b: &ClientRow) -> Ordering {
        match self {
            SortKey::Name => fold(&a.name).cmp(&fold(&b.name)),
            SortKey::Bucket(i) => a.buckets[i].cmp(&b.buckets[i]),
            SortKey::Unapplied => a.unapplied.cmp(&b.unapplied),
            SortKey::Total => a.total.cmp(&b.total),
            SortKey::Claimable => a.claimable.cmp(&b.claimable),
        }
    }
}

/// The cell whose invoices are shown: a client or all, a bucket or all.
type Selection = (Option<ClientId>, Option<usize>);

fn bucket_label(shared: Localized<SharedTexts>, bounds: &AgingBounds, bucket: usize) -> String {
    (shared.get().bucket)(bounds.range_of(bucket))
}

fn clients_csv(
    t: I18n,
    own: Localized<AgingTexts>,
    shared: Localized<SharedTexts>,
    report: &Report,
) -> String {
    let tx = t.get_untracked();
    let own = own.get_untracked();
    let shared = shared.get_untracked();
    let buckets: Vec<String> = (0..report.bounds.bucket_count())
        .map(|b| (shared.bucket)(report.bounds.range_of(b)))
        .collect();
    let mut header = vec![own.col_client, own.col_registration];
    header.extend(buckets.iter().map(String::as_str));
    header.extend([own.col_unapplied, own.total, own.col_claimable]);
    let mut file = CsvFile::new(tx.locale, &header);
    let line = |row: &ClientRow, name: Cell, registration: Cell| {
        let mut cells = vec![name, registration];
        cells.extend(row.buckets.iter().map(|a| Cell::Amount(*a)));
        cells.extend([
            Cell::Amount(row.unapplied),
            Cell::Amount(row.total),
            Cell::Amount(row.claimable),
        ]);
        cells
    };
    for row in &report.clients {
        file.row(line(
            row,
            Cell::Text(row.name.clone()),
            Cell::Text(row.registration.clone()),
        ));
    }
    file.row(line(
        &report.totals,
        Cell::Text(own.total.into()),
        Cell::Empty,
    ));
    file.finish()
}

fn invoices_csv(
    t: I18n,
    own: Localized<AgingTexts>,
    shared: Localized<SharedTexts>,
    report: &Report,
) -> String {
    let tx = t.get_untracked();
    let own = own.get_untracked();
    let shared = shared.get_untracked();
    let mut file = CsvFile::new(
        tx.locale,
        &[
            own.col_number,
            own.col_client,
            own.col_issued,
            own.col_due,
            own.col_days_past_due,
            own.col_status,
            own.col_remaining,
            own.col_claimable,
        ],
    );
    for row in &report.invoices {
        file.row(vec![
            Cell::Text(row.number.clone()),
            Cell::Text(row.client_name.clone()),
            Cell::Date(row.issue_date),
            Cell::Date(row.due_date),
            Cell::Count(row.days_past_due),
            Cell::Text((shared.bucket)(report.bounds.range_of(row.bucket))),
            Cell::Amount(row.open),
            row.penalties.map_or(Cell::Empty, Cell::Amount),
        ]);
    }
    file.finish()
}

#[component]
pub fn AgingPage(as_of: Option<NaiveDate>) -> impl IntoView {
    let t = use_t();
    let own = use_aging_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = as_of.unwrap_or_else(today);
    let report = Memo::new(move |_| ledger.with(|l| build(l, as_of)));
    let sort = RwSignal::new((SortKey::Total, true));
    let selection = RwSignal::new(None::<Selection>);

    let sorted_clients = move || {
        let (key, descending) = sort.get();
        let mut rows = report.with(|r| r.clients.clone());
        sort_by(&mut rows, |a, b| {
            let order = key.compare(a, b);
            if descending {
                order.reverse()
            } else {
                order
            }
        });
        rows
    };
    let sort_header =
        move |key: SortKey, label: Box<dyn Fn() -> String + Send + Sync>, numeric: bool| {
            let aria = move || match sort.get() {
                (k, true) if k == key => "descending",
                (k, false) if k == key => "ascending",
                _ => "none",
            };
            let on_click = move |_| {
                sort.update(|(k, descending)| {
                    if *k == key {
                        *descending = !*descending;
                    } else {
                        *k = key;
                        *descending = key != SortKey::Name;
                    }
                })
            };
            view! {
                <th scope="col" class:num=numeric aria-sort=aria>
                    <button type="button" class="sort" on:click=on_click>{label}</button>
                </th>
            }
        };
    // An amount that opens its invoices; zero is a dash, which reads faster than a column of
    // zeros, while screen readers still hear the amount.
    let plain_cell = move |amount: Decimal| {
        if amount.is_zero() {
            view! { <td class="num zero"><span aria-hidden="true">"—"</span><span class="visually-hidden">{money(amount)}</span></td> }.into_any()
        } else {
            view! { <td class="num">{money(amount)}</td> }.into_any()
        }
    };
    let amount_cell = move |amount: Decimal, target: Selection| {
        if amount.is_zero() {
            plain_cell(amount)
        } else {
            let pressed = move || selection.get() == Some(target);
            view! {
                <td class="num">
                    <button type="button" class="link" aria-pressed=move || pressed().to_string() on:click=move |_| selection.set(Some(target))>
                        {money(amount)}
                    </button>
                </td>
            }
            .into_any()
        }
    };
    let drilled = move || {
        let (client, bucket) = selection.get()?;
        report.with(|r| {
            let rows: Vec<InvoiceRow> = r
                .invoices
                .iter()
                .filter(|i| {
                    client.is_none_or(|c| i.client == c) && bucket.is_none_or(|b| i.bucket == b)
                })
                .cloned()
                .collect();
            let who = client
                .and_then(|c| r.clients.iter().find(|row| row.client == c))
                .map_or_else(|| own.get().all_clients.to_string(), |row| row.name.clone());
            let what = bucket.map_or_else(
                || own.get().total.to_string(),
                |b| bucket_label(shared, &r.bounds, b),
            );
            Some(((own.get().drill_title)(&who, &what), rows))
        })
    };
    let export_clients = move |_| {
        let text = report.with_untracked(|r| clients_csv(t, own, shared, r));
        let _ = download(
            &format!("balance-agee-{}.csv", iso_date::format(as_of)),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let export_invoices = move |_| {
        let text = report.with_untracked(|r| invoices_csv(t, own, shared, r));
        let _ = download(
            &format!("balance-agee-factures-{}.csv", iso_date::format(as_of)),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let bucket_count = move || report.with(|r| r.bounds.bucket_count());

    view! {
        <section class="page aging">
            <h1>{aging_tr(|t| t.aging_title)}</h1>
            <div class="toolbar no-print">
                <div class="field">
                    <label for="aging-as-of">{aging_tr(|t| t.as_of)}</label>
                    <input id="aging-as-of" type="date" prop:value=iso_date::format(as_of) on:change=move |ev| {
                        if let Ok(day) = parse_date(&event_target_value(&ev)) {
                            navigate(&Route::Aging { as_of: Some(day) });
                        }
                    }/>
                </div>
                <div class="actions">
                    <button type="button" class="secondary" on:click=export_clients data-testid="export-aging">{aging_tr(|t| t.export_clients_csv)}</button>
                    <button type="button" class="secondary" on:click=export_invoices>{aging_tr(|t| t.export_invoices_csv)}</button>
                </div>
            </div>
            <p class="print-only">{move || format!("{} {}", own.get().as_of, date(t, as_of))}</p>
            {move || report.with(|r| r.missing_rates.first().copied().map(|missing| {
                let count = r.invoices_missing_rates;
                let halves: Vec<String> = r.missing_rates.iter().map(|m| m.half_year().to_string()).collect();
                view! {
                    <p class="warning" data-testid="aging-missing-rates">{move || (t.get().missing_rates_warning)(count, &halves.join(", "))}</p>
                    <MissingRateNotice missing/>
                }
            }))}
            <Show
                when=move || report.with(|r| !r.clients.is_empty())
                fallback=move || view! { <p>{aging_tr(|t| t.aging_nothing)}</p> }
            >
                <p class="hint no-print">{aging_tr(|t| t.drill_hint)}</p>
                <div class="table-wrap">
                    <table class="aging-table" data-testid="aging-table">
                        <thead><tr>
                            {sort_header(SortKey::Name, Box::new(move || own.get().col_client.to_string()), false)}
                            {move || (0..bucket_count()).map(|b| sort_header(SortKey::Bucket(b), Box::new(move || report.with(|r| bucket_label(shared, &r.bounds, b))), true)).collect_view()}
                            {sort_header(SortKey::Unapplied, Box::new(move || own.get().col_unapplied.to_string()), true)}
                            {sort_header(SortKey::Total, Box::new(move || own.get().total.to_string()), true)}
                            {sort_header(SortKey::Claimable, Box::new(move || own.get().col_claimable.to_string()), true)}
                        </tr></thead>
                        <tbody>
                            <For each=sorted_clients key=|row| (row.client, row.total, row.claimable) let:row>
                                <tr>
                                    <th scope="row"><a href=Route::Client(row.client).href()>{row.name.clone()}</a></th>
                                    {row.buckets.iter().enumerate().map(|(b, amount)| amount_cell(*amount, (Some(row.client), Some(b)))).collect_view()}
                                    {plain_cell(-row.unapplied)}
                                    {amount_cell(row.total, (Some(row.client), None))}
                                    {plain_cell(row.claimable)}
                                </tr>
                            </For>
                        </tbody>
                        <tfoot>
                            {move || report.with(|r| {
                                let totals = r.totals.clone();
                                view! {
                                    <tr data-testid="aging-totals">
                                        <th scope="row">{aging_tr(|t| t.total)}</th>
                                        {totals.buckets.iter().enumerate().map(|(b, amount)| amount_cell(*amount, (None, Some(b)))).collect_view()}
                                        {plain_cell(-totals.unapplied)}
                                        {amount_cell(totals.total, (None, None))}
                                        {plain_cell(totals.claimable)}
                                    </tr>
                                }
                            })}
                        </tfoot>
                    </table>
                </div>
            </Show>
            {move || drilled().map(|(title, rows)| view! {
                <section class="panel drill" data-testid="aging-drill">
                    <div class="panel-head">
                        <h2>{title}</h2>
                        <button type="button" class="secondary no-print" on:click=move |_| selection.set(None)>{tr(|t| t.dismiss)}</button>
                    </div>
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{aging_tr(|t| t.col_number)}</th>
                                <th scope="col">{aging_tr(|t| t.col_client)}</th>
                                <th scope="col">{aging_tr(|t| t.col_due)}</th>
                                <th scope="col" class="num">{aging_tr(|t| t.col_days_past_due)}</th>
                                <th scope="col" class="num">{aging_tr(|t| t.col_remaining)}</th>
                                <th scope="col" class="num">{aging_tr(|t| t.col_claimable)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td><a href=Route::Invoice(row.invoice).href()>{row.number.clone()}</a></td>
                                        <td>{row.client_name.clone()}</td>
                                        <td>{date_view(row.due_date)}</td>
                                        <td class="num">{row.days_past_due}</td>
                                        <td class="num">{money(row.open)}</td>
                                        <td class="num">{move || row.penalties.map_or_else(|| "—".to_string(), |p| eur(t, p))}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            })}
        </section>
    }
}
