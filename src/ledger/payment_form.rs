//! Recording a payment received and allocating it to the client's open invoices.

use crate::clock::today;
use crate::components::change_error_text;
use crate::components::fields::TextField;
use crate::components::{client_choices, date_view, eur, money};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::use_t;
use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use crate::shell::route::{navigate, Route};
use crate::storage::Store;
use encaisse_domain::model::invoice::parse_date;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::money::parse_positive_amount;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Clone, PartialEq)]
struct OpenInvoice {
    id: InvoiceId,
    number: String,
    due: NaiveDate,
    open: Decimal,
}

/// A French amount as the form shows it: `1234,5` for 1234.50.
fn amount_text(amount: Decimal) -> String {
    amount.normalize().to_string().replace('.', ",")
}

#[component]
pub fn PaymentFormPage(client: Option<ClientId>, invoice: Option<InvoiceId>) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    // An invoice named in the link decides the client and is pre-allocated in full.
    let preset = invoice.and_then(|id| {
        ledger.with_untracked(|l| {
            l.invoice(id)
                .map(|i| (i.details.client, id, l.balance_now(id).open()))
        })
    });
    let client = RwSignal::new(preset.map(|(c, _, _)| c).or(client));
    let day = RwSignal::new(iso_date::format(today()));
    let amount = RwSignal::new(
        preset
            .map(|(_, _, open)| amount_text(open))
            .unwrap_or_default(),
    );
    let method = RwSignal::new(PaymentMethod::Transfer);
    let reference = RwSignal::new(String::new());
    let allocations = RwSignal::new(
        preset
            .map(|(_, id, open)| HashMap::from([(id, amount_text(open))]))
            .unwrap_or_default(),
    );
    let submitted = RwSignal::new(false);
    let save_error = RwSignal::new(None::<String>);

    let clients = Memo::new(move |_| ledger.with(|l| client_choices(l, |c| !c.archived)));
    let open_invoices = Memo::new(move |_| {
        let Some(client) = client.get() else {
            return Vec::new();
        };
        ledger.with(|l| {
            l.open_invoices_of(client)
                .into_iter()
                .map(|(i, open)| OpenInvoice {
                    id: i.id,
                    number: i.details.number.clone(),
                    due: i.due_date(),
                    open,
                })
                .collect::<Vec<_>>()
        })
    });

    let amount_value = Memo::new(move |_| parse_positive_amount(&amount.get()));
    let problem_text = move |p: &Problem| (t.get().problem)(p, t.get().locale);
    // Each allocation row's own problem, by invoice.
    let allocation_checks = Memo::new(move |_| {
        let typed = allocations.get();
        open_invoices.with(|invoices| {
            invoices
                .iter()
                .filter_map(|inv| {
                    let text = typed
                        .get(&inv.id)
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())?;
                    let checked = parse_positive_amount(&text).and_then(|value| {
                        if value > inv.open {
                            Err(Problem::AllocationExceedsOpen { open: inv.open })
                        } else {
                            Ok(value)
                        }
                    });
                    Some((inv.id, checked))
                })
                .collect::<Vec<_>>()
        })
    });
    let allocated = move || {
        allocation_checks.with(|checks| {
            checks
                .iter()
                .filter_map(|(_, c)| c.as_ref().ok())
                .copied()
                .sum::<Decimal>()
        })
    };
    let over_allocated = move || amount_value.get().is_ok_and(|amount| allocated() > amount);
    let unallocated = move || amount_value.get().ok().map(|amount| amount - allocated());

    let spread = move |_| {
        let (Some(client), Ok(amount)) = (client.get_untracked(), amount_value.get_untracked())
        else {
            return;
        };
        let proposal = ledger.with_untracked(|l| l.allocate_oldest_first(client, amount));
        allocations.set(
            proposal
                .into_iter()
                .map(|a| (a.invoice, amount_text(a.amount)))
                .collect(),
        );
    };

    // An allocation the user left as the form set it follows the amount typed: an invoice
    // pre-allocated in full (1 200) whose payment is changed to 500 allocates 500, not 1 200
    // and a negative rest; with a single open invoice and nothing allocated yet, the amount
    // goes to it. An allocation typed by hand, or spread over several, is left alone.
    Effect::new(move |before: Option<Option<Decimal>>| {
        let now = amount_value.get().ok();
        let (Some(Some(before)), Some(now)) = (before, now) else {
            return now;
        };
        if before == now {
            return Some(now);
        }
        let open_of = |id: InvoiceId| {
            open_invoices.with_untracked(|v| v.iter().find(|i| i.id == id).map(|i| i.open))
        };
        allocations.update(|typed| {
            let follows = match typed.iter().collect::<Vec<_>>().as_slice() {
                [(id, text)] if parse_positive_amount(text).ok() == Some(before) => Some(**id),
                [] => open_invoices.with_untracked(|v| match v.as_slice() {
                    [only] => Some(only.id),
                    _ => None,
                }),
                _ => None,
            };
            if let Some((id, open)) = follows.and_then(|id| open_of(id).map(|open| (id, open))) {
                typed.clear();
                typed.insert(id, amount_text(now.min(open)));
            }
        });
        Some(now)
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(client) = client.get_untracked() else {
            return;
        };
        let (Ok(amount), Ok(date)) = (
            amount_value.get_untracked(),
            parse_date(&day.get_untracked()),
        ) else {
            return;
        };
        let checks = allocation_checks.get_untracked();
        if checks.iter().any(|(_, c)| c.is_err()) || over_allocated() {
            return;
        }
        let details = PaymentDetails {
            client,
            date,
            amount,
            method: method.get_untracked(),
            reference: reference.get_untracked().trim().to_string(),
            allocations: checks
                .into_iter()
                .filter_map(|(invoice, c)| c.ok().map(|amount| Allocation { invoice, amount }))
                .collect(),
        };
        match store.change(|l| l.record_payment(details)) {
            Ok(_) => navigate(&Route::Client(client)),
            Err(e) => save_error.set(Some(change_error_text(&e))),
        }
    };
    let show_all = Signal::derive(move || submitted.get());
    let client_error = move || {
        (submitted.get() && client.get().is_none()).then(|| problem_text(&Problem::Required))
    };

    view! {
        <section class="page narrow">
            <h1>{ledger_tr(|t| t.payment_title)}</h1>
            <form novalidate on:submit=on_submit data-testid="payment-form">
                <div class="field" class:invalid=move || client_error().is_some()>
                    <label for="payment-client">{ledger_tr(|t| t.f_client)}<span class="required" aria-hidden="true">" *"</span></label>
                    <select id="payment-client" required aria-describedby="payment-client-error"
                        aria-invalid=move || if client_error().is_some() { "true" } else { "false" }
                        on:change=move |ev| {
                            client.set(event_target_value(&ev).parse().ok().map(ClientId));
                            allocations.set(HashMap::new());
                        }>
                        <option value="" selected=move || client.get().is_none()>{ledger_tr(|t| t.choose_client)}</option>
                        <For each=move || clients.get() key=|(id, name)| (*id, name.clone()) let:((id, name))>
                            <option value=id.to_string() selected=move || client.get() == Some(id)>{name}</option>
                        </For>
                    </select>
                    <p class="error" id="payment-client-error" aria-live="polite">{client_error}</p>
                </div>
                <div class="field-row">
                    <TextField id="payment-date" label=move || own.get().f_received_on.to_string() value=day
                        error=Signal::derive(move || parse_date(&day.get()).err().map(|p| problem_text(&p))) show_all kind="date" required=true/>
                    <TextField id="payment-amount" label=move || own.get().f_received.to_string() value=amount
                        error=Signal::derive(move || amount_value.get().err().map(|p| problem_text(&p))) show_all inputmode="decimal" required=true/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="payment-method">{ledger_tr(|t| t.f_method)}</label>
                        <select id="payment-method" on:change=move |ev| {
                            // Options carry their place in PaymentMethod::ALL.
                            let chosen = event_target_value(&ev).parse::<usize>().ok();
                            method.set(chosen.and_then(|i| PaymentMethod::ALL.get(i).copied()).unwrap_or_default());
                        }>
                            {PaymentMethod::ALL.into_iter().enumerate().map(|(i, m)| view! {
                                <option value=i.to_string() selected=move || method.get() == m>{move || (shared.get().method)(m)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <TextField id="payment-reference" label=move || own.get().f_reference.to_string() value=reference show_all/>
                </div>
                <Show when=move || client.get().is_some()>
                    <fieldset class="allocation">
                        <legend>{ledger_tr(|t| t.allocation_section)}</legend>
                        <Show when=move || open_invoices.with(|v| !v.is_empty()) fallback=move || view! { <p class="hint">{ledger_tr(|t| t.no_open_invoices)}</p> }>
                            <button type="button" class="secondary" on:click=spread>{ledger_tr(|t| t.allocate_oldest)}</button>
                            <div class="table-wrap"><table>
                                <thead><tr>
                                    <th scope="col">{ledger_tr(|t| t.col_number)}</th>
                                    <th scope="col">{ledger_tr(|t| t.col_due)}</th>
                                    <th scope="col" class="num">{ledger_tr(|t| t.open_amount)}</th>
                                    <th scope="col" class="num">{ledger_tr(|t| t.allocated)}</th>
                                </tr></thead>
                                <tbody>
                                    <For each=move || open_invoices.get() key=|i| (i.id, i.open) let:inv>
                                        {
                                            let id = inv.id;
                                            let input_id = format!("allocation-{id}");
                                            let error = move || {
                                                let shown = submitted.get() || allocations.with(|a| a.contains_key(&id));
                                                allocation_checks.with(|c| c.iter().find(|(i, _)| *i == id).and_then(|(_, r)| r.as_ref().err().cloned()))
                                                    .filter(|_| shown)
                                                    .map(|p| problem_text(&p))
                                            };
                                            let number = inv.number.clone();
                                            view! {
                                                <tr class:invalid=move || error().is_some()>
                                                    <td>{inv.number.clone()}</td>
                                                    <td>{date_view(inv.due)}</td>
                                                    <td class="num">{money(inv.open)}</td>
                                                    <td class="num">
                                                        <input id=input_id.clone() class="amount" inputmode="decimal"
                                                            aria-label=move || (own.get().allocate_to)(&number)
                                                            aria-invalid=move || if error().is_some() { "true" } else { "false" }
                                                            prop:value=move || allocations.with(|a| a.get(&id).cloned().unwrap_or_default())
                                                            on:input=move |ev| { let v = event_target_value(&ev); allocations.update(|a| { a.insert(id, v); }); }/>
                                                        <p class="error" aria-live="polite">{error}</p>
                                                    </td>
                                                </tr>
                                            }
                                        }
                                    </For>
                                </tbody>
                            </table></div>
                        </Show>
                        <dl class="totals" aria-live="polite">
                            <dt>{ledger_tr(|t| t.allocated)}</dt><dd data-testid="allocated">{money(allocated())}</dd>
                            <dt>{ledger_tr(|t| t.unallocated)}</dt><dd data-testid="unallocated">{move || unallocated().map(|u| eur(t, u)).unwrap_or_else(|| "—".into())}</dd>
                        </dl>
                        <p class="error" role="alert">{move || over_allocated().then(|| problem_text(&Problem::AllocationsExceedPayment { payment: amount_value.get().unwrap_or_default() }))}</p>
                    </fieldset>
                </Show>
                <p class="form-error" role="alert">{move || save_error.get()}</p>
                <div class="actions">
                    <button type="submit">{ledger_tr(|t| t.save)}</button>
                    <a class="button secondary" href=move || client.get().map_or(Route::Home, Route::Client).href()>{ledger_tr(|t| t.cancel)}</a>
                </div>
            </form>
        </section>
    }
}
