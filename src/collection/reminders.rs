//! Today's reminders: one grouped reminder per client to prepare, skip or snooze; the notes
//! due on payment plans; who is paused and why; whose plan ran out; what is in litigation.

use crate::clock::today;
use crate::collection::texts::{collection_tr, use_collection_texts, CollectionTexts};
use crate::components::change_error_text;
use crate::components::dated_form::problem_text;
use crate::components::from_ledger;
use crate::i18n::shared::use_shared_texts;
use crate::i18n::Texts;
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::collection::reminder::schedule::{
    queue, InstalmentDue, InstalmentNotice, PauseReason, QueueEntry,
};
use encaisse_domain::model::balances::Position;
use encaisse_domain::model::invoice::parse_date;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::reminders::Channel;
use encaisse_domain::values::format::{format_date, format_eur};
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::sorting::sort_by_key;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

/// How far ahead a snooze proposes to look again.
const SNOOZE_DAYS: u64 = 7;

/// The invoices' numbers, oldest due date first, as the message's table lists them.
fn numbers(ledger: &Ledger, ids: impl Iterator<Item = InvoiceId>) -> String {
    let mut invoices: Vec<_> = ids.filter_map(|id| ledger.invoice(id)).collect();
    sort_by_key(&mut invoices, |i| (i.due_date(), i.id));
    invoices
        .iter()
        .map(|i| i.details.number.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a grouped reminder asks for: its invoices and the client's other overdue ones.
fn entry_amount(ledger: &Ledger, entry: &QueueEntry, as_of: NaiveDate) -> Decimal {
    let others: Vec<_> = entry
        .also_overdue
        .iter()
        .filter_map(|id| ledger.invoice(*id).cloned())
        .collect();
    let position = Position::of_invoices(ledger, as_of, &others);
    entry.invoices.iter().map(|i| i.open).sum::<Decimal>()
        + others
            .iter()
            .map(|i| position.invoice(i.id).open())
            .sum::<Decimal>()
}

#[component]
pub fn RemindersPage() -> impl IntoView {
    let as_of = today();
    let store = expect_context::<Store>();
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let error = RwSignal::new(None::<String>);
    let skip = move |entry: QueueEntry| {
        if let Err(e) = store.change(|l| l.skip_reminder(&entry, as_of).map(drop)) {
            error.set(Some(change_error_text(&e)));
        }
    };
    // A call about an instalment is recorded from the queue; a written note from its page.
    let instalment_phoned = move |due: InstalmentDue| {
        if let Err(e) = store.change(|l| {
            l.record_instalment_reminder(&due, as_of, Channel::Phone)
                .map(drop)
        }) {
            error.set(Some(change_error_text(&e)));
        }
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{collection_tr(|t| t.reminders_title)}</h1>
                <div class="actions">
                    <a class="button secondary" href=Route::ReminderSettings.href()>{collection_tr(|t| t.reminder_settings_title)}</a>
                </div>
            </div>
            <p class="form-error" role="alert">{move || error.get()}</p>
            {from_ledger(move |t, ledger| {
                let own = own.get();
                let shared = shared.get();
                let q = queue(ledger, ledger.reminders(), as_of);
                let missing = ledger.settings().issuer.missing_for_letter();
                view! {
                    <p class="hint" data-testid="reminders-summary">{(own.reminders_summary)(&date_text(t, as_of), q.due.len(), q.paused.len())}</p>
                    {(!missing.is_empty()).then(|| {
                        let fields = missing.iter().map(|f| (own.issuer_field)(*f)).collect::<Vec<_>>().join(", ");
                        view! { <p class="warning" role="status"><a href=Route::ReminderSettings.href()>{(own.issuer_missing)(&fields)}</a></p> }
                    })}
                    <section aria-labelledby="due-title">
                        <h2 id="due-title">{own.section_due}</h2>
                        {if q.due.is_empty() {
                            view! { <p class="empty">{own.no_reminder_due}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap"><table data-testid="reminder-queue">
                                    <thead><tr>
                                        <th scope="col">{own.col_client}</th>
                                        <th scope="col">{own.col_level}</th>
                                        <th scope="col" class="hide-narrow">{own.col_channel}</th>
                                        <th scope="col">{own.col_invoices}</th>
                                        <th scope="col" class="num">{own.col_remaining}</th>
                                        <th scope="col" class="hide-narrow">{own.col_since}</th>
                                        <th scope="col">{own.col_actions}</th>
                                    </tr></thead>
                                    <tbody>
                                        {q.due.iter().map(|entry| {
                                            let all = entry.invoices.iter().map(|i| i.invoice).chain(entry.also_overdue.iter().copied());
                                            let entry_for_skip = entry.clone();
                                            let name = ledger.client_name(entry.client);
                                            // Each row's buttons say whose reminder they act on.
                                            let about = |action: &str| format!("{action} — {name}");
                                            view! {
                                                <tr>
                                                    <td><a href=Route::ReminderMessage(entry.client).href()>{name.clone()}</a></td>
                                                    <td>{(shared.tone)(entry.tone)}</td>
                                                    <td class="hide-narrow">{(shared.channel)(entry.channel)}</td>
                                                    <td>{numbers(ledger, all)}</td>
                                                    <td class="num">{format_eur(entry_amount(ledger, entry, as_of), t.locale)}</td>
                                                    <td class="hide-narrow">{date_text(t, entry.since)}</td>
                                                    <td class="row-actions">
                                                        <a class="button" aria-label=about(own.prepare) href=Route::ReminderMessage(entry.client).href()>{own.prepare}</a>
                                                        <button type="button" class="secondary" aria-label=about(own.skip) on:click=move |_| skip(entry_for_skip.clone())>{own.skip}</button>
                                                        <SnoozeForm client=entry.client name=name.clone() as_of/>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table></div>
                            }.into_any()
                        }}
                    </section>
                    {(!q.instalments.is_empty()).then(|| view! {
                        <section aria-labelledby="instalments-title">
                            <h2 id="instalments-title">{own.section_instalments}</h2>
                            <div class="table-wrap"><table data-testid="instalment-queue">
                                <thead><tr>
                                    <th scope="col">{own.col_client}</th>
                                    <th scope="col">{own.col_instalment}</th>
                                    <th scope="col" class="num">{own.col_remaining}</th>
                                    <th scope="col">{own.col_status}</th>
                                    <th scope="col">{own.col_actions}</th>
                                </tr></thead>
                                <tbody>
                                    {q.instalments.iter().map(|due| {
                                        let by_phone = due.clone();
                                        let message = Route::InstalmentMessage { plan: due.plan, instalment: due.instalment }.href();
                                        let name = ledger.client_name(due.client);
                                        let about = |action: &str| format!("{action} — {name}");
                                        view! {
                                            <tr>
                                                <td><a href=Route::Collection(due.client).href()>{name.clone()}</a></td>
                                                <td>{(own.instalment_label)(due.instalment + 1, &date_text(t, due.date))}</td>
                                                <td class="num">{format_eur(due.outstanding, t.locale)}</td>
                                                <td>{if due.notice == InstalmentNotice::Late { own.instalment_late } else { own.instalment_upcoming }}</td>
                                                <td class="row-actions">
                                                    <a class="button" aria-label=about(own.prepare) href=message>{own.prepare}</a>
                                                    <button type="button" class="secondary" aria-label=about(own.done_by_phone) on:click=move |_| instalment_phoned(by_phone.clone())>{own.done_by_phone}</button>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table></div>
                        </section>
                    })}
                    {(!q.paused.is_empty()).then(|| view! {
                        <section aria-labelledby="paused-title">
                            <h2 id="paused-title">{own.section_paused}</h2>
                            <ul class="plain" data-testid="paused-clients">
                                {q.paused.iter().map(|paused| {
                                    let reasons = paused.reasons.iter().map(|reason| {
                                        let number = match reason {
                                            PauseReason::Dispute { invoice } => numbers(ledger, std::iter::once(*invoice)),
                                            _ => String::new(),
                                        };
                                        (own.pause_reason)(reason, &number, t.locale)
                                    }).collect::<Vec<_>>().join(", ");
                                    view! { <li><a href=Route::Collection(paused.client).href()>{ledger.client_name(paused.client)}</a>" — "{reasons}</li> }
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {(!q.exhausted.is_empty()).then(|| view! {
                        <section aria-labelledby="exhausted-title">
                            <h2 id="exhausted-title">{own.section_exhausted}</h2>
                            <p class="hint">{own.exhausted_hint}</p>
                            <ul class="plain" data-testid="exhausted-clients">
                                {q.exhausted.iter().map(|(client, invoices)| view! {
                                    <li><a href=Route::Collection(*client).href()>{ledger.client_name(*client)}</a>" — "{numbers(ledger, invoices.iter().copied())}</li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {litigation_list(t, own, ledger, as_of)}
                }
            })}
        </section>
    }
}

/// The litigations open on the date, each leading to its client's file.
fn litigation_list(
    t: &'static Texts,
    own: &'static CollectionTexts,
    ledger: &Ledger,
    as_of: NaiveDate,
) -> Option<impl IntoView> {
    let open: Vec<_> = ledger
        .reminders()
        .litigations
        .iter()
        .filter(|l| l.is_open_on(as_of))
        .collect();
    (!open.is_empty()).then(|| {
        view! {
            <section aria-labelledby="litigation-title">
                <h2 id="litigation-title">{own.section_litigation}</h2>
                <ul class="plain" data-testid="litigations">
                    {open.into_iter().map(|l| view! {
                        <li>
                            <a href=Route::Collection(l.client).href()>{ledger.client_name(l.client)}</a>
                            " — "{numbers(ledger, l.invoices.iter().copied())}" — "{(own.litigation_line)(l.kind, &date_text(t, l.date))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

fn date_text(t: &Texts, day: NaiveDate) -> String {
    format_date(day, t.locale)
}

/// Pauses a client's reminders until a date, a week ahead by default.
#[component]
fn SnoozeForm(client: ClientId, name: String, as_of: NaiveDate) -> impl IntoView {
    let own = use_collection_texts();
    let store = expect_context::<Store>();
    let until = RwSignal::new(iso_date::format(
        as_of
            .checked_add_days(chrono::Days::new(SNOOZE_DAYS))
            .unwrap_or(as_of),
    ));
    let error = RwSignal::new(None::<String>);
    let id = format!("snooze-{client}");
    // The label of the row's fields and button names the client: the same on every row.
    let about = StoredValue::new(name);
    let label = move || about.with_value(|name| format!("{} — {name}", own.get().snooze_until));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let day = match parse_date(&until.get_untracked()) {
            Ok(day) => day,
            Err(p) => return error.set(Some(problem_text(&p))),
        };
        match store.change(|l| l.snooze_reminders(client, as_of, day).map(drop)) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(change_error_text(&e))),
        }
    };
    view! {
        <details class="snooze">
            <summary>{move || own.get().snooze_until}"…"<span class="visually-hidden">{move || about.with_value(|name| format!(" — {name}"))}</span></summary>
            <form class="inline-form" novalidate on:submit=submit>
                <label class="visually-hidden" for=id.clone()>{label}</label>
                <input id=id type="date" prop:value=move || until.get() on:input=move |ev| until.set(event_target_value(&ev))/>
                <button type="submit" class="secondary" aria-label=label>"OK"</button>
                <span class="error" role="alert">{move || error.get()}</span>
            </form>
        </details>
    }
}
