//! The invoices behind two of the dashboard's charts: a month's bar of collections (the
//! payments of that month, invoice by invoice, and what stayed as clients' credit) and a
//! week's bar of the cash-in forecast (the invoices expected that week, with the history each
//! expectation comes from). Each table adds up to its bar.

use crate::clock::today;
use crate::components::from_ledger;
use crate::i18n::Texts;
use crate::overview::texts::{overview_tr, use_overview_texts, OverviewTexts};
use crate::shell::route::Route;
use encaisse_domain::analysis::forecast::{cash_in_forecast, Expectation};
use encaisse_domain::analysis::kpi::collected::collected_between;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::terms::end_of_month;
use encaisse_domain::model::timeline::Timeline;
use encaisse_domain::values::format::{format_date, format_eur};
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

/// One line of a drill-down: the invoice (none for a client's unallocated credit), its
/// client, the screen's own columns, and the amount that counts in the bar.
struct Line {
    invoice: Option<InvoiceId>,
    first: String,
    client: ClientId,
    cells: Vec<String>,
    amount: Decimal,
}

fn invoice_number(ledger: &Ledger, invoice: InvoiceId) -> String {
    ledger
        .invoice(invoice)
        .map(|i| i.details.number.clone())
        .unwrap_or_default()
}

/// The lines as a table (`head` names the screen's own columns) whose footer is their total,
/// or `empty` when there are none.
fn drill_table(
    t: &'static Texts,
    own: &'static OverviewTexts,
    ledger: &Ledger,
    head: Vec<&'static str>,
    amount_head: &'static str,
    lines: Vec<Line>,
    empty: &'static str,
) -> AnyView {
    if lines.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    let total: Decimal = lines.iter().map(|line| line.amount).sum();
    // The total's label spans the number, the client and the screen's own columns.
    let span = head.len() + 2;
    let rows = lines
        .into_iter()
        .map(|line| {
            let first = match line.invoice {
                Some(invoice) => view! { <a href=Route::Invoice(invoice).href()>{line.first}</a> }.into_any(),
                None => line.first.into_any(),
            };
            view! {
                <tr>
                    <td>{first}</td>
                    <td><a href=Route::Client(line.client).href()>{ledger.client_name(line.client)}</a></td>
                    {line.cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                    <td class="num">{format_eur(line.amount, t.locale)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table data-testid="drill-table">
                <thead><tr>
                    <th scope="col">{own.col_number}</th>
                    <th scope="col">{own.col_client}</th>
                    {head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    <th scope="col" class="num">{amount_head}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr>
                    <th scope="row" colspan=span>{own.total}</th>
                    <td class="num" data-testid="drill-total">{format_eur(total, t.locale)}</td>
                </tr></tfoot>
            </table>
        </div>
    }
    .into_any()
}

fn page(title: String, intro: String, body: AnyView) -> impl IntoView {
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{title}</h1>
                <a class="button secondary no-print" href=Route::Home.href()>{overview_tr(|t| t.back_to_dashboard)}</a>
            </div>
            <p class="hint">{intro}</p>
            {body}
        </section>
    }
}

/// The payments received in a month, up to today for the current one.
#[component]
pub fn CollectedPage(month: NaiveDate) -> impl IntoView {
    let to = end_of_month(month).min(today());
    let own = use_overview_texts();
    from_ledger(move |t, ledger| {
        let own = own.get();
        let collected = collected_between(ledger, month, to);
        let date = |d| format_date(d, t.locale);
        let mut lines: Vec<Line> = collected
            .invoices
            .iter()
            .map(|line| Line {
                invoice: Some(line.invoice),
                first: invoice_number(ledger, line.invoice),
                client: line.client,
                cells: vec![date(line.last_payment)],
                amount: line.amount,
            })
            .collect();
        lines.extend(collected.unallocated.iter().map(|(client, amount)| Line {
            invoice: None,
            first: own.unallocated_credit.into(),
            client: *client,
            cells: vec![String::new()],
            amount: *amount,
        }));
        let body = drill_table(
            t,
            own,
            ledger,
            vec![own.col_last_payment],
            own.col_received,
            lines,
            own.nothing_collected,
        );
        page(
            (own.collected_title)(&(own.month_long)(month)),
            (own.collected_intro)(&date(month), &date(to)),
            body,
        )
    })
}

/// The overdue invoices already later than their client's usual delay: what the forecast
/// leaves apart, with no date to count on.
#[component]
pub fn BeyondUsualDelayPage() -> impl IntoView {
    let as_of = today();
    let own = use_overview_texts();
    from_ledger(move |t, ledger| {
        let own = own.get();
        let forecast = cash_in_forecast(&Timeline::new(ledger), as_of, &ledger.settings().kpi);
        let lines = forecast
            .lines
            .iter()
            .filter(|line| line.expectation == Expectation::Overdue)
            .filter_map(|line| {
                let due = ledger.invoice(line.invoice)?.due_date();
                Some(Line {
                    invoice: Some(line.invoice),
                    first: invoice_number(ledger, line.invoice),
                    client: line.client,
                    cells: vec![
                        format_date(due, t.locale),
                        (as_of - due).num_days().to_string(),
                    ],
                    amount: line.open,
                })
            })
            .collect();
        let body = drill_table(
            t,
            own,
            ledger,
            vec![own.col_due, own.col_days_past_due],
            own.col_remaining,
            lines,
            own.nothing_beyond_usual_delay,
        );
        page(
            own.beyond_usual_delay_title.into(),
            own.beyond_usual_delay_intro.into(),
            body,
        )
    })
}

/// The invoices expected in a week of today's forecast.
#[component]
pub fn ExpectedPage(week: NaiveDate) -> impl IntoView {
    let as_of = today();
    let own = use_overview_texts();
    from_ledger(move |t, ledger| {
        let own = own.get();
        let forecast = cash_in_forecast(&Timeline::new(ledger), as_of, &ledger.settings().kpi);
        let date = |d| format_date(d, t.locale);
        let body = if forecast.weeks.iter().any(|w| w.start == week) {
            let lines = forecast
                .lines_in_week(week)
                .filter_map(|line| match line.expectation {
                    Expectation::On(expected, delay) => Some(Line {
                        invoice: Some(line.invoice),
                        first: invoice_number(ledger, line.invoice),
                        client: line.client,
                        cells: vec![
                            ledger
                                .invoice(line.invoice)
                                .map(|i| date(i.due_date()))
                                .unwrap_or_default(),
                            date(expected),
                            (own.delay_basis)(delay.basis),
                        ],
                        amount: line.open,
                    }),
                    Expectation::Overdue | Expectation::Disputed => None,
                })
                .collect();
            drill_table(
                t,
                own,
                ledger,
                vec![own.col_due, own.col_expected, own.col_basis],
                own.col_remaining,
                lines,
                own.nothing_expected,
            )
        } else {
            view! { <p class="empty">{own.week_not_in_forecast}</p> }.into_any()
        };
        page(
            (own.expected_title)(&date(week)),
            own.expected_intro.into(),
            body,
        )
    })
}
