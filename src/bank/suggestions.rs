//! The credits still to reconcile, each with its ranked suggestions and why, and the three
//! ways out: confirm one, pick other invoices, or mark the line as not a client's payment.

use super::flash::{use_flash, Flash};
use super::texts::{bank_texts, btr, BankTexts};
use crate::clock::today;
use crate::components::change_error_text;
use crate::components::{date, eur};
use crate::i18n::{use_t, I18n};
use crate::storage::Store;
use encaisse_domain::bank::book::Reconciliation;
use encaisse_domain::bank::matching::{
    search_invoices, suggest_all, very_sure, AsideReason, Confidence, OpenItems, Proposal, Reason,
    Suggestion, Suggestions,
};
use encaisse_domain::model::bank_book::BankLine;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::Allocation;
use encaisse_domain::values::ids::{BankLineId, InvoiceId};
use encaisse_domain::Decimal;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// The longest reason for setting a line aside the form takes (the domain's limit).
const ASIDE_REASON_MAX: usize = 200;

/// Every open line's suggestions, computed once per change of the ledger (not per card).
fn use_suggestions() -> Memo<Vec<(BankLineId, Suggestions)>> {
    let ledger = expect_context::<Store>().ledger();
    Memo::new_with_compare(
        move |_| ledger.with(|l| suggest_all(l, today())),
        |_, _| true,
    )
}

#[component]
pub fn ToReconcile() -> impl IntoView {
    let t = use_t();
    let b = bank_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let flash = use_flash();
    let all = use_suggestions();
    let items = Memo::new_with_compare(
        move |_| ledger.with(|l| OpenItems::build(l, today())),
        |_, _| true,
    );
    let to_decide = Memo::new(move |_| {
        all.with(|all| {
            all.iter()
                .filter(|(_, s)| !matches!(s, Suggestions::SetAside(_)))
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
        })
    });
    let aside_counts = Memo::new(move |_| {
        all.with(|all| {
            let mut counts = BTreeMap::<u8, (AsideReason, usize)>::new();
            for (_, s) in all {
                if let Suggestions::SetAside(reason) = s {
                    counts.entry(aside_rank(*reason)).or_insert((*reason, 0)).1 += 1;
                }
            }
            counts.into_values().collect::<Vec<_>>()
        })
    });
    let bulk = Memo::new(move |_| all.with(|all| very_sure(all)));
    // Where each line stands in `all`: a card finds its suggestions without a scan, which
    // for every card would cost the square of the lines.
    let position = Memo::new_with_compare(
        move |_| {
            all.with(|all| {
                all.iter()
                    .enumerate()
                    .map(|(at, (id, _))| (*id, at))
                    .collect::<HashMap<_, _>>()
            })
        },
        |_, _| true,
    );
    let confirm_all = move |_| {
        let confirmed = bulk.get_untracked();
        let lines: Vec<BankLineId> = confirmed.iter().map(|r| r.line).collect();
        let result = store.change(|l| l.reconcile(&confirmed, today()));
        flash.set(Some(match result {
            Ok(payments) => Flash::done((b().confirmed_many)(payments.len()), lines),
            Err(e) => Flash::failed(change_error_text(&e)),
        }));
    };

    let has_lines = move || ledger.with(|l| !l.bank().lines().is_empty());
    view! {
        <section class="panel to-reconcile" aria-labelledby="to-reconcile-title" hidden=move || !has_lines()>
            <h2 id="to-reconcile-title">{move || (b().to_reconcile_title)(to_decide.with(Vec::len))}</h2>
            {move || {
                let n = bulk.with(Vec::len);
                (n > 0).then(|| view! {
                    <p class="actions">
                        <button type="button" class="primary" on:click=confirm_all>{(b().confirm_all)(n)}</button>
                        <span class="hint">{btr(|b| b.confirm_all_hint)}</span>
                    </p>
                })
            }}
            {move || {
                let counts = aside_counts.get();
                (!counts.is_empty()).then(|| view! {
                    <p class="hint">{(b().auto_aside)(&counts)}</p>
                })
            }}
            {move || (to_decide.with(Vec::is_empty) && has_lines())
                .then(|| view! { <p>{btr(|b| b.all_reconciled)}</p> })}
            <ul class="line-cards">
                <For
                    each=move || to_decide.get()
                    key=|id| *id
                    children=move |id| view! { <LineCard t id all position items/> }
                />
            </ul>
        </section>
    }
}

/// The order reasons are listed in.
fn aside_rank(reason: AsideReason) -> u8 {
    match reason {
        AsideReason::Debit => 0,
        AsideReason::Card => 1,
        AsideReason::BankFee => 2,
        AsideReason::Interest => 3,
        AsideReason::Reversal => 4,
        AsideReason::AlreadyReconciled => 5,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Suggested,
    Search,
    Aside,
}

/// One credit to decide: what the bank wrote, the suggestions, the user's way out.
#[component]
fn LineCard(
    t: I18n,
    id: BankLineId,
    all: Memo<Vec<(BankLineId, Suggestions)>>,
    position: Memo<HashMap<BankLineId, usize>>,
    items: Memo<OpenItems>,
) -> impl IntoView {
    let b = bank_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let flash = use_flash();
    let line = Memo::new(move |_| ledger.with(|l| l.bank().line(id).cloned()));
    let suggestions = Memo::new(move |_| {
        let at = position.with(|p| p.get(&id).copied())?;
        all.with(|all| all.get(at).map(|(_, s)| s.clone()))
    });
    let ranked = move || match suggestions.get() {
        Some(Suggestions::Candidates { ranked, .. }) => ranked,
        _ => Vec::new(),
    };
    let ambiguous = move || {
        matches!(
            suggestions.get(),
            Some(Suggestions::Candidates {
                ambiguous: true,
                ..
            })
        )
    };
    // An ambiguous line has no choice made for the user.
    let chosen = RwSignal::new(None::<usize>);
    Effect::new(move |_| chosen.set((!ambiguous() && !ranked().is_empty()).then_some(0)));
    let mode = RwSignal::new(Mode::Suggested);

    let apply = move |suggestion: Suggestion| {
        let result = store.change(|l| match &suggestion.proposal {
            Proposal::NewPayment {
                client,
                allocations,
                ..
            } => l
                .reconcile(
                    &[Reconciliation {
                        line: id,
                        client: *client,
                        allocations: allocations.clone(),
                    }],
                    today(),
                )
                .map(|_| ()),
            Proposal::ExistingPayment { payment } => l.link_payment(id, *payment, today()),
        });
        flash.set(Some(match result {
            Ok(()) => {
                let said =
                    ledger.with_untracked(|l| proposal_text(b(), t, l, &suggestion.proposal));
                Flash::done((b().confirmed_one)(&said), vec![id])
            }
            Err(e) => Flash::failed(change_error_text(&e)),
        }));
    };
    let confirm = move |_| {
        let Some(index) = chosen.get_untracked() else {
            return;
        };
        if let Some(suggestion) = ranked().into_iter().nth(index) {
            apply(suggestion);
        }
    };
    let group = format!("line-{id}");

    view! {
        <li class="line-card" id=format!("ligne-{id}")>
            {move || line.get().map(|l| view! { <LineFacts t line=l/> })}
            {move || match suggestions.get() {
                Some(Suggestions::NoCandidate) => view! { <p class="hint">{btr(|b| b.no_candidate)}</p> }.into_any(),
                _ => ().into_any(),
            }}
            {move || ambiguous().then(|| view! { <p class="warning">{btr(|b| b.ambiguous)}</p> })}
            {
                let group = group.clone();
                move || {
                    let ranked = ranked();
                    let several = ranked.len() > 1;
                    (!ranked.is_empty() && mode.get() == Mode::Suggested).then(|| view! {
                        <fieldset class="candidates">
                            <legend class="visually-hidden">{btr(|b| b.suggestions)}</legend>
                            {ranked.into_iter().enumerate().map(|(index, s)| {
                                let described = ledger.with_untracked(|l| proposal_text(b(), t, l, &s.proposal));
                                let reasons: Vec<String> = ledger.with_untracked(|l| {
                                    s.reasons.iter().map(|r| reason_text(b(), t, l, r)).collect()
                                });
                                let input_id = format!("{group}-{index}");
                                view! {
                                    <div class="candidate">
                                        {several.then(|| view! {
                                            <input type="radio" id=input_id.clone() name=group.clone()
                                                prop:checked=move || chosen.get() == Some(index)
                                                on:change=move |_| chosen.set(Some(index))/>
                                        })}
                                        <label for=input_id>
                                            <span class=format!("badge confidence-{}", confidence_slug(s.confidence))>
                                                {(b().confidence)(s.confidence)}
                                            </span>
                                            " "{described}
                                        </label>
                                        <ul class="reasons">
                                            {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                        </ul>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    })
                }
            }
            {move || match mode.get() {
                Mode::Suggested => view! {
                    <div class="actions">
                        {move || (!ranked().is_empty()).then(|| view! {
                            <button type="button" class="primary" disabled=move || chosen.get().is_none() on:click=confirm>
                                {btr(|b| b.confirm)}
                            </button>
                        })}
                        <button type="button" class="secondary" on:click=move |_| mode.set(Mode::Search)>{btr(|b| b.other_invoice)}</button>
                        <button type="button" class="secondary" on:click=move |_| mode.set(Mode::Aside)>{btr(|b| b.not_a_payment)}</button>
                    </div>
                }.into_any(),
                Mode::Search => view! {
                    <InvoicePicker t id items on_done=Callback::new(move |_| mode.set(Mode::Suggested))/>
                }.into_any(),
                Mode::Aside => view! {
                    <AsideForm id on_done=Callback::new(move |_| mode.set(Mode::Suggested))/>
                }.into_any(),
            }}
        </li>
    }
}

/// What the bank wrote of a line.
#[component]
pub fn LineFacts(t: I18n, line: BankLine) -> impl IntoView {
    let l = line.line;
    let extra: Vec<String> = [
        l.counterparty.clone(),
        l.details.clone(),
        l.references.join(" · "),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty() && *s != l.label)
    .collect();
    let class = if l.amount >= Decimal::ZERO {
        "amount credit"
    } else {
        "amount debit"
    };
    view! {
        <p class="line-facts">
            <span class="date">{move || date(t, l.booking_date)}</span>
            " "<strong class=class>{move || eur(t, l.amount)}</strong>
            " "<span class="label">{l.label.clone()}</span>
        </p>
        {(!extra.is_empty()).then(|| view! { <p class="line-details">{extra.join(" — ")}</p> })}
    }
}

/// Picking the invoices a line pays when no suggestion is right: searched by number, client
/// or amount; the line's amount goes to them in the order picked, the rest is the client's
/// credit.
#[component]
fn InvoicePicker(
    t: I18n,
    id: BankLineId,
    items: Memo<OpenItems>,
    on_done: Callback<()>,
) -> impl IntoView {
    let b = bank_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let flash = use_flash();
    let query = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<InvoiceId>::new());
    let found = Memo::new(move |_| {
        let query = query.get();
        if query.trim().is_empty() {
            return Vec::new();
        }
        items.with(|items| ledger.with(|l| search_invoices(l, items, &query, 8)))
    });
    let amount =
        move || ledger.with(|l| l.bank().line(id).map_or(Decimal::ZERO, |b| b.line.amount));
    // The allocations and the client they make, or why they cannot.
    let plan = move || -> Result<Reconciliation, &'static str> {
        let chosen = picked.get();
        ledger.with(|l| {
            let first = chosen
                .first()
                .and_then(|i| l.invoice(*i))
                .ok_or(b().pick_an_invoice)?;
            let client = first.details.client;
            let mut left = amount();
            let mut allocations = Vec::new();
            for invoice in &chosen {
                let Some(found) = l.invoice(*invoice) else {
                    continue;
                };
                if found.details.client != client {
                    return Err(b().one_client_only);
                }
                let share = left.min(l.balance_now(*invoice).open());
                if share > Decimal::ZERO {
                    allocations.push(Allocation {
                        invoice: *invoice,
                        amount: share,
                    });
                    left -= share;
                }
            }
            Ok(Reconciliation {
                line: id,
                client,
                allocations,
            })
        })
    };
    let confirm = move |_| {
        let Ok(reconciliation) = plan() else { return };
        let result = store.change(|l| l.reconcile(std::slice::from_ref(&reconciliation), today()));
        flash.set(Some(match result {
            Ok(_) => {
                let said = ledger.with_untracked(|l| {
                    proposal_text(
                        b(),
                        t,
                        l,
                        &Proposal::NewPayment {
                            client: reconciliation.client,
                            allocations: reconciliation.allocations.clone(),
                            left_as_credit: amount()
                                - reconciliation
                                    .allocations
                                    .iter()
                                    .map(|a| a.amount)
                                    .sum::<Decimal>(),
                        },
                    )
                });
                Flash::done((b().confirmed_one)(&said), vec![id])
            }
            Err(e) => Flash::failed(change_error_text(&e)),
        }));
        on_done.run(());
    };
    let search_id = format!("search-{id}");
    view! {
        <div class="invoice-picker">
            <label for=search_id.clone()>{btr(|b| b.search_invoice)}</label>
            <input id=search_id type="search" autocomplete="off" placeholder=btr(|b| b.search_placeholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <ul class="found">
                {move || found.get().into_iter().map(|invoice| {
                    let text = ledger.with_untracked(|l| invoice_choice_text(t, l, invoice));
                    let input_id = format!("pick-{id}-{invoice}");
                    view! {
                        <li>
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || picked.with(|p| p.contains(&invoice))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    picked.update(|p| {
                                        p.retain(|i| *i != invoice);
                                        if on { p.push(invoice) }
                                    });
                                }/>
                            <label for=input_id>{text}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || match plan() {
                Ok(r) => {
                    let said = ledger.with(|l| proposal_text(b(), t, l, &Proposal::NewPayment {
                        client: r.client,
                        allocations: r.allocations.clone(),
                        left_as_credit: amount() - r.allocations.iter().map(|a| a.amount).sum::<Decimal>(),
                    }));
                    view! { <p>{said}</p> }.into_any()
                }
                Err(why) if !picked.with(Vec::is_empty) => view! { <p class="error">{why}</p> }.into_any(),
                Err(_) => ().into_any(),
            }}
            <div class="actions">
                <button type="button" class="primary" disabled=move || plan().is_err() on:click=confirm>{btr(|b| b.confirm)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{btr(|b| b.cancel)}</button>
            </div>
        </div>
    }
}

/// Marking a line as not a client's payment, with the reason kept.
#[component]
fn AsideForm(id: BankLineId, on_done: Callback<()>) -> impl IntoView {
    let b = bank_texts();
    let store = expect_context::<Store>();
    let flash = use_flash();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let why = reason.get_untracked();
        match store.change(|l| l.set_line_aside(id, &why, today())) {
            Ok(()) => {
                flash.set(Some(Flash::done(
                    (b().set_aside_done)(why.trim()),
                    vec![id],
                )));
                on_done.run(());
            }
            Err(e) => error.set(Some(change_error_text(&e))),
        }
    };
    let input_id = format!("aside-{id}");
    let list_id = format!("aside-reasons-{id}");
    view! {
        <form class="aside-form" on:submit=save>
            <label for=input_id.clone()>{btr(|b| b.aside_reason)}</label>
            <input id=input_id type="text" required maxlength=ASIDE_REASON_MAX.to_string() list=list_id.clone()
                prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")/>
            <datalist id=list_id>
                {move || b().aside_examples.iter().map(|e| view! { <option value=*e/> }).collect_view()}
            </datalist>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{btr(|b| b.set_aside)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{btr(|b| b.cancel)}</button>
            </div>
        </form>
    }
}

fn confidence_slug(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::VerySure => "very-sure",
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Weak => "weak",
    }
}

fn invoice_number(ledger: &Ledger, invoice: InvoiceId) -> String {
    ledger
        .invoice(invoice)
        .map_or_else(|| format!("#{invoice}"), |i| i.details.number.clone())
}

/// An invoice as the picker lists it: number, client, open amount, due date.
fn invoice_choice_text(t: I18n, ledger: &Ledger, invoice: InvoiceId) -> String {
    let Some(found) = ledger.invoice(invoice) else {
        return String::new();
    };
    (bank_texts()().invoice_choice)(
        &found.details.number,
        &ledger.client_name(found.details.client),
        &eur(t, ledger.balance_now(invoice).open()),
        &date(t, found.due_date()),
    )
}

/// A proposal in words: who pays which invoices, and what is left as credit.
pub fn proposal_text(
    b: &'static BankTexts,
    t: I18n,
    ledger: &Ledger,
    proposal: &Proposal,
) -> String {
    match proposal {
        Proposal::NewPayment {
            client,
            allocations,
            left_as_credit,
        } => {
            let settled: Vec<(String, String)> = allocations
                .iter()
                .map(|a| (invoice_number(ledger, a.invoice), eur(t, a.amount)))
                .collect();
            let credit = (*left_as_credit > Decimal::ZERO).then(|| eur(t, *left_as_credit));
            (b.new_payment)(&ledger.client_name(*client), &settled, credit.as_deref())
        }
        Proposal::ExistingPayment { payment } => match ledger.payment(*payment) {
            Some(p) => (b.existing_payment)(
                &ledger.client_name(p.details.client),
                &date(t, p.details.date),
                &eur(t, p.details.amount),
            ),
            None => String::new(),
        },
    }
}

/// Why a suggestion is made, in words naming what was found.
pub fn reason_text(b: &'static BankTexts, t: I18n, ledger: &Ledger, reason: &Reason) -> String {
    match reason {
        Reason::InvoiceNumber {
            invoice,
            as_written,
        } => (b.reason_number)(&invoice_number(ledger, *invoice), as_written),
        Reason::AmountEqualsOpen { invoice } => {
            (b.reason_amount_open)(&invoice_number(ledger, *invoice))
        }
        Reason::AmountEqualsSum { invoices } => (b.reason_amount_sum)(*invoices),
        Reason::PartialPayment { invoice, open } => {
            (b.reason_partial)(&invoice_number(ledger, *invoice), &eur(t, *open))
        }
        Reason::Overpayment { excess } => (b.reason_overpayment)(&eur(t, *excess)),
        Reason::PayerIban { client } => (b.reason_iban)(&ledger.client_name(*client)),
        Reason::PayerName { client, as_written } => {
            (b.reason_name)(&ledger.client_name(*client), as_written)
        }
        Reason::OldestInvoicesSum { invoices } => (b.reason_oldest)(*invoices),
        Reason::DueSoon { invoice } => (b.reason_due_soon)(&invoice_number(ledger, *invoice)),
        Reason::TypedPayment { payment } => match ledger.payment(*payment) {
            Some(p) => (b.reason_typed)(&date(t, p.details.date)),
            None => String::new(),
        },
    }
}
