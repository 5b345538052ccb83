//! One client: details, balance, payment score with its explanation, exposure against the
//! credit limit and the block on sales on credit, drafts, invoices (with where each open one
//! stands by the payment model the cash-in forecast uses: its expected day, overdue beyond
//! the usual delay, or disputed), payments and history.

use crate::clock::today;
use crate::components::change_error_text;
use crate::components::dated_form::DatedReasonForm;
use crate::components::penalty::ClaimCard;
use crate::components::score::score_explanation;
use crate::components::{confirm, date, date_view, eur, money, StatusBadge};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::{tr, use_t, Texts};
use crate::ledger::invoice_list::{draft_rows, DraftRow, DraftTable};
use crate::ledger::texts::{ledger_tr, use_ledger_texts, LedgerTexts};
use crate::shell::route::{navigate, Route};
use crate::shell::NotFound;
use crate::storage::Store;
use encaisse_domain::analysis::history::{client_history, HistoryEntry};
use encaisse_domain::analysis::prediction::{Expectation, PaymentModel};
use encaisse_domain::analysis::score::{score_client, ClientScore};
use encaisse_domain::collection::letter::mailto;
use encaisse_domain::law::penalty::claims::{Claims, PenaltyInputs};
use encaisse_domain::model::balances::ClientBalance;
use encaisse_domain::model::client::{Client, ClientKind, CreditHold};
use encaisse_domain::model::invoice::InvoiceStatus;
use encaisse_domain::model::payment::PaymentMethod;
use encaisse_domain::model::timeline::Timeline;
use encaisse_domain::values::format::format_iban;
use encaisse_domain::values::ids::{BankLineId, ClientId, InvoiceId, PaymentId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::sorting::{sort_by, sort_by_key};
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct InvoiceRow {
    id: InvoiceId,
    number: String,
    issued: NaiveDate,
    due: NaiveDate,
    total: Decimal,
    open: Decimal,
    status: InvoiceStatus,
    /// Where an open invoice stands by the payment model, the rule the cash-in forecast uses
    /// (none for a settled invoice).
    expected: Option<Expectation>,
}

#[derive(Clone, PartialEq)]
struct PaymentRow {
    id: PaymentId,
    date: NaiveDate,
    method: PaymentMethod,
    reference: String,
    amount: Decimal,
    unallocated: Decimal,
    /// The bank line this payment was reconciled with, if any.
    bank_line: Option<BankLineId>,
}

#[derive(Clone, PartialEq)]
struct View {
    client: Client,
    balance: ClientBalance,
    claims: Claims,
    score: ClientScore,
    invoices: Vec<InvoiceRow>,
    drafts: Vec<DraftRow>,
    payments: Vec<PaymentRow>,
    history: Vec<HistoryEntry>,
}

/// The expected-payment cell: the day, or why there is none to plan on.
fn expectation_view(expectation: Expectation) -> AnyView {
    match expectation {
        Expectation::On(day, _) => date_view(day).into_any(),
        Expectation::Overdue => ledger_tr(|t| t.expected_overdue).into_any(),
        Expectation::Disputed => ledger_tr(|t| t.expected_disputed).into_any(),
    }
}

#[component]
pub fn ClientPage(id: ClientId) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let data = Memo::new(move |_| {
        ledger.with(|ledger| {
            let client = ledger.client(id)?.clone();
            let position = store.position(ledger, as_of);
            let timeline = Timeline::new(ledger);
            let model = PaymentModel::learn(&timeline, as_of);
            let mut invoices: Vec<InvoiceRow> = timeline
                .invoices
                .iter()
                .filter(|h| h.client() == id)
                .map(|h| {
                    let i = h.invoice;
                    let open = position.invoice(i.id).open();
                    InvoiceRow {
                        id: i.id,
                        number: i.details.number.clone(),
                        issued: i.details.issue_date,
                        due: h.due,
                        total: h.total,
                        open,
                        status: position.status(i),
                        // What the forecast places: issued and open at the date.
                        expected: (h.issued_by(as_of) && open > Decimal::ZERO)
                            .then(|| model.expectation(h, as_of)),
                    }
                })
                .collect();
            sort_by(&mut invoices, |a, b| {
                b.issued.cmp(&a.issued).then(b.id.cmp(&a.id))
            });
            let mut payments: Vec<PaymentRow> = ledger
                .payments_of(id)
                .map(|p| PaymentRow {
                    id: p.id,
                    date: p.details.date,
                    method: p.details.method,
                    reference: p.details.reference.clone(),
                    amount: p.details.amount,
                    unallocated: p.unallocated(),
                    bank_line: ledger.bank().line_of_payment(p.id).map(|line| line.id),
                })
                .collect();
            sort_by_key(&mut payments, |p| std::cmp::Reverse(p.date));
            Some(View {
                balance: position.client_balance(ledger, id),
                claims: PenaltyInputs::on(ledger, &timeline, as_of)
                    .claims_of(ledger.invoices_of(id)),
                score: score_client(ledger, &timeline, id, as_of),
                client,
                invoices,
                drafts: draft_rows(ledger, Some(id)),
                payments,
                history: client_history(ledger, id),
            })
        })
    });
    let action_error = RwSignal::new(None::<String>);
    let set_archived = move |archived: bool| {
        if let Err(e) = store.change(|l| l.set_client_archived(id, archived)) {
            action_error.set(Some(change_error_text(&e)));
        }
    };
    let delete = move |_| {
        if confirm(own.get_untracked().confirm_delete_client) {
            match store.change(|l| l.delete_client(id)) {
                Ok(()) => navigate(&Route::Clients),
                Err(e) => action_error.set(Some(change_error_text(&e))),
            }
        }
    };

    move || {
        let Some(view_data) = data.get() else {
            return NotFound().into_any();
        };
        let client = view_data.client.clone();
        let d = client.details.clone();
        let b = view_data.balance;
        let deletable = view_data.invoices.is_empty()
            && view_data.payments.is_empty()
            && view_data.drafts.is_empty();
        let archived = client.archived;
        let hold = client.current_hold().cloned();
        let blocked_today = client.hold_on(as_of).is_some();
        let drafts_total: Decimal = view_data.drafts.iter().map(|r| r.total).sum();
        let drafts = view_data.drafts.clone();
        view! {
            <section class="page">
                <div class="page-head">
                    <div>
                        <h1>{d.name.clone()}</h1>
                        <p class="subtitle">
                            <span class="badge">{move || if d.kind == ClientKind::Business { own.get().kind_business } else { own.get().kind_individual }}</span>
                            {archived.then(|| view! { " " <span class="badge">{ledger_tr(|t| t.archived)}</span> })}
                            {blocked_today.then(|| view! { " " <span class="badge blocked">{ledger_tr(|t| t.blocked)}</span> })}
                        </p>
                    </div>
                    <div class="actions">
                        {(!archived).then(|| view! { <a class="button" href=Route::InvoiceNew { client: Some(id) }.href()>{ledger_tr(|t| t.new_invoice)}</a> })}
                        <a class="button" href=Route::PaymentNew { client: Some(id), invoice: None }.href()>{ledger_tr(|t| t.record_payment)}</a>
                        <a class="button secondary" href=Route::Collection(id).href()>{ledger_tr(|t| t.collection_link)}</a>
                        <a class="button secondary" href=Route::ClientEdit(id).href()>{ledger_tr(|t| t.edit)}</a>
                        <button type="button" class="secondary" on:click=move |_| set_archived(!archived)>{move || if archived { own.get().unarchive } else { own.get().archive }}</button>
                        {deletable.then(|| view! { <button type="button" class="danger" on:click=delete>{ledger_tr(|t| t.delete)}</button> })}
                    </div>
                </div>
                <p class="form-error" role="alert">{move || action_error.get()}</p>
                <div class="cards">
                    <div class="card"><p class="card-label">{ledger_tr(|t| t.balance_open)}</p><p class="card-value" data-testid="client-open">{money(b.open)}</p></div>
                    <a class="card warn" href=Route::Invoices { status: Some(InvoiceStatus::Overdue), client: Some(id) }.href()>
                        <p class="card-label">{ledger_tr(|t| t.balance_overdue)}</p><p class="card-value">{money(b.overdue)}</p>
                    </a>
                    <div class="card"><p class="card-label">{ledger_tr(|t| t.balance_credit)}</p><p class="card-value">{money(b.credit)}</p></div>
                    <div class="card"><p class="card-label">{ledger_tr(|t| t.balance_net)}</p><p class="card-value" data-testid="client-balance">{money(b.balance())}</p></div>
                    <ClaimCard claims=view_data.claims.clone()/>
                </div>
                <section aria-labelledby="client-score-title" class="panel">
                    <h2 id="client-score-title">{ledger_tr(|t| t.score_section)}</h2>
                    {move || score_explanation(t.get(), &view_data.score)}
                    {d.credit_limit.map(|limit| view! {
                        <p data-testid="client-exposure">{move || {
                            let drafts = (drafts_total > Decimal::ZERO).then(|| eur(t, drafts_total));
                            (own.get().exposure_line)(&eur(t, b.open + drafts_total), drafts.as_deref(), &eur(t, limit))
                        }}</p>
                    })}
                    <CreditHoldPanel id hold/>
                    <p class="hint no-print"><a href=Route::Payers.href()>{ledger_tr(|t| t.score_method_link)}</a></p>
                </section>
                <div class="columns">
                    <section aria-labelledby="client-details-title" class="panel">
                        <h2 id="client-details-title">{ledger_tr(|t| t.client_details)}</h2>
                        <ClientDetailsList client=client.clone()/>
                    </section>
                    <section aria-labelledby="client-history-title" class="panel">
                        <h2 id="client-history-title">{ledger_tr(|t| t.history_section)}</h2>
                        {if view_data.history.is_empty() {
                            view! { <p class="empty">{ledger_tr(|t| t.no_history)}</p> }.into_any()
                        } else {
                            let entries = view_data.history.clone();
                            view! {
                                <ol class="history">
                                    {entries.into_iter().map(|entry| view! {
                                        <li><time datetime=iso_date::format(entry.date)>{date_view(entry.date)}</time>" "{move || (shared.get().history_event)(&entry.event, t.get().locale)}</li>
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                    </section>
                </div>
                {(!drafts.is_empty()).then(|| view! { <DraftTable rows=drafts show_client=false/> })}
                <section aria-labelledby="client-invoices-title">
                    <h2 id="client-invoices-title">{ledger_tr(|t| t.invoices_section)}</h2>
                    {if view_data.invoices.is_empty() {
                        view! { <p class="empty">{ledger_tr(|t| t.no_invoices_for_client)}</p> }.into_any()
                    } else {
                        let rows = view_data.invoices.clone();
                        view! {
                            <div class="table-wrap"><table>
                                <thead><tr>
                                    <th scope="col">{ledger_tr(|t| t.col_number)}</th>
                                    <th scope="col" class="hide-narrow">{ledger_tr(|t| t.col_issued)}</th>
                                    <th scope="col">{ledger_tr(|t| t.col_due)}</th>
                                    <th scope="col" class="num hide-narrow">{ledger_tr(|t| t.col_total)}</th>
                                    <th scope="col" class="num">{ledger_tr(|t| t.col_remaining)}</th>
                                    <th scope="col">{ledger_tr(|t| t.col_status)}</th>
                                    <th scope="col" class="hide-narrow">{ledger_tr(|t| t.col_expected)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td><a href=Route::Invoice(r.id).href()>{r.number.clone()}</a></td>
                                            <td class="hide-narrow">{date_view(r.issued)}</td>
                                            <td>{date_view(r.due)}</td>
                                            <td class="num hide-narrow">{money(r.total)}</td>
                                            <td class="num">{money(r.open)}</td>
                                            <td><StatusBadge status=r.status/></td>
                                            <td class="hide-narrow">{r.expected.map(expectation_view)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table></div>
                        }.into_any()
                    }}
                </section>
                <section aria-labelledby="client-payments-title">
                    <h2 id="client-payments-title">{ledger_tr(|t| t.payments_section)}</h2>
                    {if view_data.payments.is_empty() {
                        view! { <p class="empty">{ledger_tr(|t| t.no_payments)}</p> }.into_any()
                    } else {
                        let rows = view_data.payments.clone();
                        view! {
                            <div class="table-wrap"><table>
                                <thead><tr>
                                    <th scope="col">{tr(|t| t.date)}</th>
                                    <th scope="col">{ledger_tr(|t| t.f_method)}</th>
                                    <th scope="col" class="hide-narrow">{ledger_tr(|t| t.f_reference)}</th>
                                    <th scope="col" class="num">{ledger_tr(|t| t.f_received)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|p| view! {
                                        <tr data-payment=p.id.to_string()>
                                            <td>{date_view(p.date)}</td>
                                            <td>
                                                {move || (shared.get().method)(p.method)}
                                                {p.bank_line.map(|line| view! {
                                                    <br/><small><a href=Route::Reconciliation { line: Some(line) }.href()>{ledger_tr(|t| t.bank_line_link)}</a></small>
                                                })}
                                            </td>
                                            <td class="hide-narrow">{p.reference.clone()}</td>
                                            <td class="num">
                                                {money(p.amount)}
                                                {(p.unallocated > Decimal::ZERO).then(|| view! { <br/><small>{move || (own.get().unallocated_of)(&eur(t, p.unallocated))}</small> })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table></div>
                        }.into_any()
                    }}
                </section>
            </section>
        }
        .into_any()
    }
}

/// The block on sales on credit: in force, with its date and reason, and the form to lift
/// it; or the form to put one.
#[component]
fn CreditHoldPanel(id: ClientId, hold: Option<CreditHold>) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let blocked = hold.is_some();
    let title = Signal::derive(move || {
        if blocked {
            own.get().unblock_client
        } else {
            own.get().block_client
        }
    });
    let label = Signal::derive(move || {
        if blocked {
            own.get().f_unblock_reason
        } else {
            own.get().f_block_reason
        }
    });
    let apply = move |date, reason| {
        if blocked {
            store.change(|l| l.unblock_client(id, date, reason))
        } else {
            store.change(|l| l.block_client(id, date, reason))
        }
    };
    view! {
        <div class="credit-hold" data-testid="credit-hold">
            {match hold {
                Some(hold) => view! {
                    <p class="warning" role="status">{move || (own.get().blocked_since)(&date(t, hold.blocked_on), &hold.reason)}</p>
                }.into_any(),
                None => view! { <p class="hint">{ledger_tr(|t| t.block_intro)}</p> }.into_any(),
            }}
            <DatedReasonForm form_id="hold-form" prefix="hold" title label required=true apply/>
        </div>
    }
}

#[component]
fn ClientDetailsList(client: Client) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let d = client.details;
    let address = [
        d.address.line1.clone(),
        d.address.line2.clone(),
        format!("{} {}", d.address.postal_code, d.address.city)
            .trim()
            .to_string(),
        d.address.country.clone(),
    ]
    .into_iter()
    .filter(|line| !line.is_empty())
    .collect::<Vec<_>>();
    let terms = d.terms;
    let limit = d.credit_limit;
    // A label is the ledger's own but for the terms, which the shell's texts name for the terms picker.
    let row = |label: fn(&'static Texts, &'static LedgerTexts) -> &'static str, value: AnyView| {
        view! { <dt>{move || label(t.get(), own.get())}</dt><dd>{value}</dd> }
    };
    let text_or_dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
    view! {
        <dl class="details">
            {row(|_, own| own.f_registration, text_or_dash(d.registration.clone()).into_any())}
            {row(|_, own| own.section_address, address.into_iter().map(|line| view! { <span class="line">{line}</span> }).collect_view().into_any())}
            {row(|_, own| own.f_payer_name, text_or_dash(d.payer.name.clone()).into_any())}
            {row(|_, own| own.f_email, if d.payer.email.is_empty() { "—".into_any() } else { view! { <a href=mailto(&d.payer.email)>{d.payer.email.clone()}</a> }.into_any() })}
            {row(|_, own| own.f_phone, if d.payer.phone.is_empty() { "—".into_any() } else { view! { <a href=format!("tel:{}", d.payer.phone.replace(' ', ""))>{d.payer.phone.clone()}</a> }.into_any() })}
            {row(|_, own| own.f_iban, text_or_dash(format_iban(&d.iban)).into_any())}
            {row(|_, own| own.f_bic, text_or_dash(d.bic.clone()).into_any())}
            {row(|t, _| t.f_terms, (move || (own.get().describe_terms)(&terms)).into_any())}
            {row(|_, own| own.f_credit_limit, (move || limit.map(|l| eur(t, l)).unwrap_or_else(|| "—".into())).into_any())}
            {(!d.notes.is_empty()).then(|| row(|_, own| own.f_notes, view! { <span class="notes">{d.notes.clone()}</span> }.into_any()))}
        </dl>
    }
}
