//! A client's collection file: promises to pay, payment plans (échéancier) with their
//! instalments met or not, hand-over to a collection agency or to court, the client's own
//! reminder plan, and what was done so far.

use crate::clock::today;
use crate::collection::reminder_settings::PlanEditor;
use crate::collection::texts::{collection_tr, use_collection_texts};
use crate::collection::undo_reminder_action;
use crate::components::change_error_text;
use crate::components::dated_form::{parse_past_date, problem_text, DatedReasonForm};
use crate::components::fields::{TextArea, TextField};
use crate::components::{confirm, date, date_view, eur, money};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::{tr, use_t};
use crate::shell::route::Route;
use crate::shell::NotFound;
use crate::storage::Store;
use encaisse_domain::analysis::history::{client_history, last_reminder_action};
use encaisse_domain::collection::reminder::instalments::{
    proposal, Cadence, NewPaymentPlan, DEFAULT_GRACE_DAYS,
};
use encaisse_domain::collection::reminder::litigation::NewLitigation;
use encaisse_domain::collection::reminder::schedule::{promises_of, PromiseStatus};
use encaisse_domain::collection::reminder::NewPromise;
use encaisse_domain::model::invoice::parse_date;
use encaisse_domain::model::reminders::Instalment;
use encaisse_domain::model::reminders::Promise;
use encaisse_domain::model::reminders::{in_litigation, LitigationKind};
use encaisse_domain::values::ids::{ClientId, InvoiceId, PromiseId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::money::parse_amount;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::values::problem::ReminderProblem;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

const DEFAULT_INSTALMENTS: u16 = 3;

#[component]
pub fn CollectionPage(client: ClientId) -> impl IntoView {
    let store = expect_context::<Store>();
    let name = store
        .ledger()
        .with_untracked(|l| l.client(client).map(|c| c.details.name.clone()));
    let Some(name) = name else {
        return NotFound().into_any();
    };
    let own = use_collection_texts();
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || (own.get().collection_title)(&name)}</h1>
                <div class="actions">
                    <a class="button" href=Route::ReminderMessage(client).href()>{collection_tr(|t| t.prepare)}</a>
                    <a class="button secondary" href=Route::Client(client).href()>{collection_tr(|t| t.client_details)}</a>
                </div>
            </div>
            <PromisePanel client/>
            <PaymentPlanPanel client/>
            <LitigationPanel client/>
            <OwnPlanPanel client/>
            <CollectionHistory client/>
        </section>
    }
    .into_any()
}

#[component]
fn PromisePanel(client: ClientId) -> impl IntoView {
    let t = use_t();
    let own = use_collection_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let promised_for = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    // A promise is for today or later: said on the field, before anything is sent.
    let date_error = Signal::derive(move || match parse_date(&promised_for.get()) {
        Ok(day) if day < today() => Some(problem_text(&Problem::Reminder(Box::new(
            ReminderProblem::PromiseBeforeMade,
        )))),
        Ok(_) => None,
        Err(p) => Some(problem_text(&p)),
    });
    let amount_value = move || match amount.get().trim() {
        "" => Ok(None),
        text => parse_amount(text).map(Some),
    };
    let amount_error = Signal::derive(move || amount_value().err().map(|p| problem_text(&p)));
    let as_of = today();
    let promises = Memo::new(move |_| {
        ledger.with(|l| {
            promises_of(l, l.reminders(), client, as_of)
                .into_iter()
                .map(|(p, status)| (p.clone(), status))
                .collect::<Vec<_>>()
        })
    });
    let withdraw = move |promise: PromiseId| {
        if !confirm(own.get_untracked().confirm_withdraw_promise) {
            return;
        }
        if let Err(e) = store.change(|l| l.withdraw_promise(promise)) {
            outcome.set(Some(change_error_text(&e)));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if date_error.get_untracked().is_some() {
            return;
        }
        let (Ok(day), Ok(promised_amount)) =
            (parse_date(&promised_for.get_untracked()), amount_value())
        else {
            return;
        };
        let promise = NewPromise {
            client,
            made_on: today(),
            promised_for: day,
            amount: promised_amount,
            note: note.get_untracked(),
        };
        match store.change(|l| l.add_promise(promise).map(drop)) {
            Ok(()) => {
                outcome.set(None);
                submitted.set(false);
                promised_for.set(String::new());
                amount.set(String::new());
                note.set(String::new());
            }
            Err(e) => outcome.set(Some(change_error_text(&e))),
        }
    };
    view! {
        <section class="panel" aria-labelledby="promise-title">
            <h2 id="promise-title">{collection_tr(|t| t.promise_section)}</h2>
            <ul class="plain" data-testid="promises">
                {move || promises.get().into_iter().map(|(promise, status)| {
                    let Promise { id, made_on, promised_for, amount, note, .. } = promise;
                    view! {
                        <li>
                            {move || (own.get().promise_line)(&date(t, made_on), &date(t, promised_for), amount.map(|a| eur(t, a)).as_deref())}
                            " "<span class=promise_class(status)>"("{move || (own.get().promise_status)(status)}")"</span>
                            {(!note.is_empty()).then(|| format!(" — {note}"))}
                            " "<button type="button" class="link" on:click=move |_| withdraw(id)
                                aria-label=move || format!("{} : {}", own.get().withdraw_promise, (own.get().promise_line)(&date(t, made_on), &date(t, promised_for), None))>
                                {collection_tr(|t| t.withdraw_promise)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form novalidate on:submit=submit data-testid="promise-form">
                <div class="field-row">
                    <TextField id="promise-date" label=move || own.get().f_promised_for.to_string() value=promised_for error=date_error show_all=submitted kind="date" required=true/>
                    <TextField id="promise-amount" label=move || own.get().f_promise_amount.to_string() value=amount error=amount_error show_all=submitted inputmode="decimal"/>
                    <TextField id="promise-note" label=move || own.get().f_note.to_string() value=note show_all=submitted/>
                </div>
                <p class="form-error" role="alert">{move || outcome.get()}</p>
                <button type="submit">{collection_tr(|t| t.record_promise)}</button>
            </form>
        </section>
    }
}

/// One instalment as proposed, editable before the plan is saved.
#[derive(Clone)]
struct InstalmentRow {
    date: RwSignal<String>,
    amount: RwSignal<String>,
}

#[component]
fn PaymentPlanPanel(client: ClientId) -> impl IntoView {
    let t = use_t();
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let count = RwSignal::new(DEFAULT_INSTALMENTS.to_string());
    let first = RwSignal::new(iso_date::format(
        as_of
            .checked_add_days(chrono::Days::new(30))
            .unwrap_or(as_of),
    ));
    let every = RwSignal::new(String::new());
    let grace = RwSignal::new(DEFAULT_GRACE_DAYS.to_string());
    let proposed = RwSignal::new(None::<(Vec<InvoiceId>, Vec<InstalmentRow>)>);
    let outcome = RwSignal::new(None::<String>);
    let plans = Memo::new(move |_| {
        ledger.with(|l| {
            l.reminders()
                .payment_plans
                .iter()
                .filter(|p| p.client == client)
                .map(|p| {
                    let received = p.received(l, as_of);
                    let instalments = p
                        .instalments
                        .iter()
                        .enumerate()
                        .map(|(i, instalment)| {
                            (
                                instalment.date,
                                instalment.amount,
                                received >= p.scheduled_through(i),
                            )
                        })
                        .collect::<Vec<_>>();
                    (p.id, p.status(l, as_of), p.total(), instalments)
                })
                .collect::<Vec<_>>()
        })
    });
    let propose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let own = own.get_untracked();
        let shared = shared.get_untracked();
        let count = count.get_untracked().trim().parse::<u16>().ok();
        let first = parse_date(&first.get_untracked()).ok();
        let cadence = match every.get_untracked().trim() {
            "" => Some(Cadence::Monthly),
            days => days
                .parse::<u16>()
                .ok()
                .filter(|d| *d > 0)
                .map(Cadence::EveryDays),
        };
        let (Some(count), Some(first), Some(cadence)) = (count, first, cadence) else {
            outcome.set(Some((shared.form_has_errors)(1)));
            return;
        };
        let plan = ledger
            .with_untracked(|l| proposal(l, l.reminders(), client, as_of, count, first, cadence));
        match plan {
            Some(plan) => {
                outcome.set(None);
                let rows = plan
                    .instalments
                    .iter()
                    .map(|i| InstalmentRow {
                        date: RwSignal::new(iso_date::format(i.date)),
                        amount: RwSignal::new(i.amount.to_string().replace('.', ",")),
                    })
                    .collect();
                proposed.set(Some((plan.invoices, rows)));
            }
            None => outcome.set(Some(own.nothing_to_plan.to_string())),
        }
    };
    let save = move |_| {
        let Some((invoices, rows)) = proposed.get_untracked() else {
            return;
        };
        let own = own.get_untracked();
        let mut instalments = Vec::new();
        for (line, row) in rows.iter().enumerate() {
            match (
                parse_date(&row.date.get_untracked()),
                parse_amount(&row.amount.get_untracked()),
            ) {
                (Ok(date), Ok(amount)) => instalments.push(Instalment { date, amount }),
                (Err(p), _) | (_, Err(p)) => {
                    outcome.set(Some(format!(
                        "{} {} : {}",
                        own.col_instalment,
                        line + 1,
                        problem_text(&p)
                    )));
                    return;
                }
            }
        }
        let grace_days = grace
            .get_untracked()
            .trim()
            .parse::<u16>()
            .unwrap_or(u16::MAX);
        let plan = NewPaymentPlan {
            client,
            created_on: as_of,
            invoices,
            instalments,
            grace_days,
        };
        match store.change(|l| l.add_payment_plan(plan).map(drop)) {
            Ok(()) => {
                proposed.set(None);
                outcome.set(None);
            }
            Err(e) => outcome.set(Some(change_error_text(&e))),
        }
    };
    view! {
        <section class="panel" aria-labelledby="plan-title">
            <h2 id="plan-title">{collection_tr(|t| t.payment_plan_section)}</h2>
            <For each=move || plans.get() key=|(id, status, _, instalments)| (*id, *status, instalments.iter().filter(|i| i.2).count()) let:((id, status, total, instalments))>
                <div class="payment-plan" data-testid="payment-plan">
                    <p>
                        <strong>{let count = instalments.len(); move || (own.get().plan_line)(count, &eur(t, total))}</strong>
                        " — "{move || (own.get().plan_status)(&status, t.get().locale)}
                    </p>
                    <div class="table-wrap"><table>
                        <thead><tr>
                            <th scope="col">{collection_tr(|t| t.col_instalment)}</th>
                            <th scope="col" class="num">{collection_tr(|t| t.col_total)}</th>
                            <th scope="col">{collection_tr(|t| t.col_met)}</th>
                        </tr></thead>
                        <tbody>
                            {instalments.iter().map(|(day, amount, met)| view! {
                                <tr>
                                    <td>{date_view(*day)}</td>
                                    <td class="num">{money(*amount)}</td>
                                    <td>{if *met { "✓" } else { "" }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                    {(status == encaisse_domain::collection::reminder::instalments::PlanStatus::Active).then(|| view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            if let Err(e) = store.change(|l| l.cancel_payment_plan(id, as_of)) {
                                outcome.set(Some(change_error_text(&e)));
                            }
                        }>{collection_tr(|t| t.cancel_plan)}</button>
                    })}
                </div>
            </For>
            <form novalidate on:submit=propose data-testid="plan-proposal-form">
                <div class="field-row">
                    <TextField id="plan-count" label=move || own.get().f_instalment_count.to_string() value=count inputmode="numeric"/>
                    <TextField id="plan-first" label=move || own.get().f_first_date.to_string() value=first kind="date"/>
                    <TextField id="plan-every" label=move || own.get().f_every_days.to_string() value=every inputmode="numeric" hint=Signal::derive(move || own.get().every_days_hint.to_string())/>
                    <TextField id="plan-grace" label=move || own.get().f_grace_days.to_string() value=grace inputmode="numeric"/>
                </div>
                <button type="submit" class="secondary">{collection_tr(|t| t.propose_plan)}</button>
            </form>
            {move || proposed.get().map(|(_, rows)| view! {
                <div class="table-wrap"><table data-testid="proposed-instalments">
                    <thead><tr>
                        <th scope="col">{collection_tr(|t| t.col_instalment)}</th>
                        <th scope="col">{tr(|t| t.date)}</th>
                        <th scope="col">{collection_tr(|t| t.col_total)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().enumerate().map(|(i, row)| {
                            let label = move || format!("{} {}", own.get().col_instalment, i + 1);
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td><input type="date" aria-label=move || format!("{} — {}", label(), t.get().date) prop:value=move || row.date.get() on:input=move |ev| row.date.set(event_target_value(&ev))/></td>
                                    <td><input type="text" inputmode="decimal" aria-label=move || format!("{} — {}", label(), own.get().col_total) prop:value=move || row.amount.get() on:input=move |ev| row.amount.set(event_target_value(&ev))/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table></div>
                <button type="button" on:click=save>{collection_tr(|t| t.save_plan)}</button>
            })}
            <p class="form-error" role="alert">{move || outcome.get()}</p>
        </section>
    }
}

#[component]
fn LitigationPanel(client: ClientId) -> impl IntoView {
    let t = use_t();
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let litigations = Memo::new(move |_| {
        ledger.with(|l| {
            l.reminders()
                .litigations
                .iter()
                .filter(|x| x.client == client)
                .map(|x| {
                    let numbers = x
                        .invoices
                        .iter()
                        .filter_map(|i| l.invoice(*i))
                        .map(|i| i.details.number.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    (
                        x.id,
                        x.kind,
                        x.date,
                        numbers,
                        (x.notes.clone(), x.documents.clone()),
                        x.closed_on,
                        x.outcome.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    // Overdue invoices that may be handed over: open, past due, not already in litigation.
    let candidates = Memo::new(move |_| {
        ledger.with(|l| {
            let position = store.position(l, as_of);
            let taken = in_litigation(l.reminders(), as_of);
            l.invoices_of(client)
                .filter(|i| i.due_date() < as_of && !taken.contains(&i.id))
                .filter(|i| l.write_off_of(i.id).is_none())
                .map(|i| {
                    (
                        i.id,
                        i.details.number.clone(),
                        position.invoice(i.id).open(),
                    )
                })
                .filter(|(_, _, open)| *open > Decimal::ZERO)
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(Vec::<InvoiceId>::new());
    let kind = RwSignal::new(LitigationKind::CollectionAgency);
    let day = RwSignal::new(iso_date::format(as_of));
    let notes = RwSignal::new(String::new());
    let documents = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<String>);
    let submitted = RwSignal::new(false);
    let date_error =
        Signal::derive(move || parse_past_date(&day.get()).err().map(|p| problem_text(&p)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Ok(date) = parse_past_date(&day.get_untracked()) else {
            return;
        };
        let litigation = NewLitigation {
            client,
            invoices: chosen.get_untracked(),
            kind: kind.get_untracked(),
            date,
            notes: notes.get_untracked(),
            documents: documents
                .get_untracked()
                .lines()
                .map(str::to_string)
                .collect(),
        };
        match store.change(|l| l.hand_over(litigation).map(drop)) {
            Ok(()) => {
                outcome.set(None);
                submitted.set(false);
                chosen.set(Vec::new());
                notes.set(String::new());
                documents.set(String::new());
            }
            Err(e) => outcome.set(Some(change_error_text(&e))),
        }
    };
    view! {
        <section class="panel" aria-labelledby="litigation-title">
            <h2 id="litigation-title">{collection_tr(|t| t.litigation_section)}</h2>
            <For each=move || litigations.get() key=|x| (x.0, x.5) let:((id, kind, date_from, numbers, (notes, documents), closed_on, result))>
                <div class="litigation" data-testid="litigation">
                    <p><strong>{numbers}</strong>" — "{move || (own.get().litigation_line)(kind, &date(t, date_from))}</p>
                    {(!notes.is_empty()).then(|| view! { <p class="notes">{notes.clone()}</p> })}
                    {(!documents.is_empty()).then(|| view! { <ul>{documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul> })}
                    {match closed_on {
                        Some(closed) => view! { <p>{move || (own.get().litigation_closed)(&date(t, closed), &result)}</p> }.into_any(),
                        None => {
                            let close = move |date: NaiveDate, words: String| store.change(|l| l.close_litigation(id, date, words));
                            view! {
                                <DatedReasonForm form_id="close-litigation-form" prefix=format!("close-litigation-{id}")
                                    title=Signal::derive(move || own.get().close_litigation) label=Signal::derive(move || own.get().f_outcome) required=true apply=close/>
                            }.into_any()
                        }
                    }}
                </div>
            </For>
            {move || if candidates.with(Vec::is_empty) {
                view! { <p class="empty">{collection_tr(|t| t.no_overdue_to_hand_over)}</p> }.into_any()
            } else {
                view! {
                    <form novalidate on:submit=submit data-testid="hand-over-form">
                        <fieldset>
                            <legend>{collection_tr(|t| t.col_invoices)}</legend>
                            {candidates.get().into_iter().map(|(id, number, open)| view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&id))
                                        on:change=move |ev| chosen.update(|c| if event_target_checked(&ev) { c.push(id) } else { c.retain(|x| *x != id) })/>
                                    {number}" — "{money(open)}
                                </label>
                            }).collect_view()}
                        </fieldset>
                        <div class="field-row">
                            <div class="field">
                                <label for="litigation-kind">{collection_tr(|t| t.f_litigation_kind)}</label>
                                <select id="litigation-kind" on:change=move |ev| kind.set(if event_target_value(&ev) == "court" { LitigationKind::Court } else { LitigationKind::CollectionAgency })>
                                    <option value="agency" selected=move || kind.get() == LitigationKind::CollectionAgency>{move || (shared.get().litigation_kind)(LitigationKind::CollectionAgency)}</option>
                                    <option value="court" selected=move || kind.get() == LitigationKind::Court>{move || (shared.get().litigation_kind)(LitigationKind::Court)}</option>
                                </select>
                            </div>
                            <TextField id="litigation-date" label=move || t.get().date.to_string() value=day error=date_error show_all=submitted kind="date"/>
                        </div>
                        <TextArea id="litigation-notes" label=move || own.get().f_notes.to_string() value=notes/>
                        <TextArea id="litigation-documents" label=move || own.get().f_documents.to_string() value=documents/>
                        <button type="submit">{collection_tr(|t| t.hand_over)}</button>
                    </form>
                }.into_any()
            }}
            <p class="form-error" role="alert">{move || outcome.get()}</p>
        </section>
    }
}

/// The client's own reminder plan, or the default one it follows.
#[component]
fn OwnPlanPanel(client: ClientId) -> impl IntoView {
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let own = Memo::new(move |_| ledger.with(|l| l.reminders().own_plan(client).cloned()));
    let has_own = Memo::new(move |_| own.with(Option::is_some));
    let outcome = RwSignal::new(None::<String>);
    let set = move |plan| {
        if let Err(e) = store.change(|l| l.set_client_plan(client, plan)) {
            outcome.set(Some(change_error_text(&e)));
        }
    };
    let save = move |plan| store.change(|l| l.set_client_plan(client, Some(plan)));
    view! {
        <section class="panel" aria-labelledby="own-plan-title">
            <h2 id="own-plan-title">{collection_tr(|t| t.own_plan_section)}</h2>
            // Redrawn when the client gains or loses its own plan, not when it is saved: the
            // editor keeps what was typed and its confirmation.
            {move || match has_own.get() {
                false => view! {
                    <p>{collection_tr(|t| t.follows_default_plan)}</p>
                    <button type="button" class="secondary" on:click=move |_| set(Some(ledger.with_untracked(|l| l.reminders().plan.clone())))>{collection_tr(|t| t.use_own_plan)}</button>
                }.into_any(),
                true => view! {
                    <PlanEditor plan=own.get_untracked().unwrap_or_default() save/>
                    <button type="button" class="secondary" on:click=move |_| set(None)>{collection_tr(|t| t.back_to_default_plan)}</button>
                }.into_any(),
            }}
            <p class="form-error" role="alert">{move || outcome.get()}</p>
        </section>
    }
}

/// What was done to collect from the client, newest first.
#[component]
fn CollectionHistory(client: ClientId) -> impl IntoView {
    let t = use_t();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let entries = Memo::new(move |_| {
        ledger.with(|l| {
            client_history(l, client)
                .into_iter()
                .filter(|e| e.event.is_collection())
                .collect::<Vec<_>>()
        })
    });
    let as_of = today();
    let last = Memo::new(move |_| ledger.with(|l| last_reminder_action(l, client, as_of)));
    let outcome = RwSignal::new(None::<String>);
    let undo = move |_| {
        if let Some((_, said)) = undo_reminder_action(&store, client, as_of) {
            outcome.set(Some(said));
        }
    };
    view! {
        <section class="panel" aria-labelledby="collection-history-title">
            <h2 id="collection-history-title">{collection_tr(|t| t.history_section)}</h2>
            {move || last.get().map(|entry| view! {
                <p data-testid="last-action">
                    {collection_tr(|t| t.last_action)}" : "{date_view(entry.date)}" — "{move || (shared.get().history_event)(&entry.event, t.get().locale)}
                    " "<button type="button" class="secondary" on:click=undo>{collection_tr(|t| t.undo_action)}</button>
                </p>
            })}
            <p role="status">{move || outcome.get()}</p>
            <ol class="history" data-testid="collection-history">
                {move || entries.get().into_iter().map(|entry| view! {
                    <li><time datetime=iso_date::format(entry.date)>{date_view(entry.date)}</time>" "{move || (shared.get().history_event)(&entry.event, t.get().locale)}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

fn promise_class(status: PromiseStatus) -> &'static str {
    match status {
        PromiseStatus::Pending => "promise pending",
        PromiseStatus::Kept => "promise kept",
        PromiseStatus::Broken => "promise broken",
    }
}
