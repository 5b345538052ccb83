//! The pointage of an account over a period: lines reconciled and not, the statement's
//! balances, and the payments Encaisse holds that no bank line backs yet.

use super::flash::{use_flash, Flash};
use super::texts::{bank_texts, btr};
use super::use_accounts;
use crate::clock::today;
use crate::components::change_error_text;
use crate::components::{date, eur};
use crate::i18n::use_t;
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::bank::pointage::{payments_without_bank_line, pointage};
use encaisse_domain::model::invoice::parse_date;
use encaisse_domain::values::ids::BankAccountId;
use encaisse_domain::values::iso_date;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

#[component]
pub fn PointagePanel() -> impl IntoView {
    let t = use_t();
    let b = bank_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let flash = use_flash();
    let accounts = use_accounts();
    let chosen = RwSignal::new(None::<BankAccountId>);
    let account = move || {
        chosen
            .get()
            .or_else(|| accounts.with(|a| a.first().map(|(id, _)| *id)))
    };
    // The period the account's statements cover, until the user sets another.
    let covered = move || {
        let id = account()?;
        ledger.with(|l| {
            let statements = l.bank().statements().iter().filter(|s| s.account == id);
            let first = statements.clone().map(|s| s.first_date).min()?;
            let last = statements.map(|s| s.last_date).max()?;
            Some((first, last))
        })
    };
    let from_text = RwSignal::new(String::new());
    let to_text = RwSignal::new(String::new());
    let period = move || -> Option<(NaiveDate, NaiveDate)> {
        let (first, last) = covered().unwrap_or((today(), today()));
        let read = |text: String, default: NaiveDate| {
            if text.trim().is_empty() {
                Some(default)
            } else {
                parse_date(&text).ok()
            }
        };
        Some((read(from_text.get(), first)?, read(to_text.get(), last)?))
    };
    let figures = move || {
        let id = account()?;
        let (from, to) = period()?;
        Some(ledger.with(|l| pointage(l, id, from, to)))
    };
    let unbacked = move || {
        account()?;
        let (from, to) = period()?;
        Some(ledger.with(|l| payments_without_bank_line(l, from, to)))
    };

    view! {
        <section class="panel pointage" aria-labelledby="pointage-title">
            <h2 id="pointage-title">{btr(|b| b.pointage_title)}</h2>
            {move || accounts.with(Vec::is_empty).then(|| view! { <p class="hint">{btr(|b| b.no_account_yet)}</p> })}
            {move || (!accounts.with(Vec::is_empty)).then(|| view! {
                <div class="filters">
                    {move || (accounts.with(Vec::len) > 1).then(|| view! {
                        <div class="field">
                            <label for="pointage-account">{btr(|b| b.account)}</label>
                            <select id="pointage-account" on:change=move |ev| {
                                chosen.set(event_target_value(&ev).parse::<u64>().ok().map(BankAccountId));
                            }>
                                {move || accounts.get().into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string() selected=move || account() == Some(id)>{name}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    })}
                    <div class="field">
                        <label for="pointage-from">{btr(|b| b.period_from)}</label>
                        <input id="pointage-from" type="date"
                            prop:value=move || period().map(|(f, _)| iso_date::format(f)).unwrap_or_default()
                            on:change=move |ev| from_text.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="pointage-to">{btr(|b| b.period_to)}</label>
                        <input id="pointage-to" type="date"
                            prop:value=move || period().map(|(_, to)| iso_date::format(to)).unwrap_or_default()
                            on:change=move |ev| to_text.set(event_target_value(&ev))/>
                    </div>
                </div>
            })}
            {move || period().is_none().then(|| view! { <p class="error" role="alert">{btr(|b| b.period_invalid)}</p> })}
            {move || figures().map(|p| view! {
                <dl class="figures">
                    <div><dt>{btr(|b| b.lines_read)}</dt><dd>{p.lines}</dd></div>
                    <div><dt>{btr(|b| b.reconciled)}</dt><dd>{p.reconciled}</dd></div>
                    <div><dt>{btr(|b| b.open_credits)}</dt><dd>{p.open_credits}</dd></div>
                    <div><dt>{btr(|b| b.open_debits)}</dt><dd>{p.open_debits}</dd></div>
                    <div><dt>{btr(|b| b.set_aside_count)}</dt><dd>{p.set_aside}</dd></div>
                    <div><dt>{btr(|b| b.total_credits)}</dt><dd class="amount">{eur(t, p.credits)}</dd></div>
                    <div><dt>{btr(|b| b.total_debits)}</dt><dd class="amount">{eur(t, p.debits)}</dd></div>
                    <div><dt>{btr(|b| b.opening_balance)}</dt><dd class="amount">{p.opening.map_or("—".to_string(), |o| (b().balance_on)(&eur(t, o.amount), &date(t, o.date)))}</dd></div>
                    <div><dt>{btr(|b| b.closing_balance)}</dt><dd class="amount">{p.closing.map_or("—".to_string(), |c| (b().balance_on)(&eur(t, c.amount), &date(t, c.date)))}</dd></div>
                </dl>
                {p.balance_check.map(|gap| if gap == Decimal::ZERO {
                    view! { <p class="success">{btr(|b| b.balances_agree)}</p> }.into_any()
                } else {
                    view! { <p class="warning">{(b().balances_gap)(&eur(t, gap))}</p> }.into_any()
                })}
            })}
            {move || unbacked().map(|rows| view! {
                <h3>{(b().unbacked_title)(rows.len())}</h3>
                {if rows.is_empty() {
                    view! { <p class="hint">{btr(|b| b.unbacked_none)}</p> }.into_any()
                } else {
                    view! {
                        <p class="hint">{btr(|b| b.unbacked_hint)}</p>
                        <div class="table-wrap">
                            <table>
                                <thead><tr>
                                    <th scope="col">{btr(|b| b.column_date)}</th>
                                    <th scope="col">{btr(|b| b.client)}</th>
                                    <th scope="col" class="amount">{btr(|b| b.column_amount)}</th>
                                    <th scope="col" class="hide-narrow">{btr(|b| b.reference)}</th>
                                    <th scope="col">{btr(|b| b.possible_line)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().filter_map(|(payment, line)| {
                                        let (p, candidate) = ledger.with_untracked(|l| {
                                            Some((l.payment(payment)?.clone(), line.and_then(|id| l.bank().line(id).cloned())))
                                        })?;
                                        let client = p.details.client;
                                        let name = ledger.with_untracked(|l| l.client_name(client));
                                        Some(view! {
                                            <tr>
                                                <td>{date(t, p.details.date)}</td>
                                                <td><a href=Route::Client(client).href()>{name}</a></td>
                                                <td class="amount">{eur(t, p.details.amount)}</td>
                                                <td class="hide-narrow">{p.details.reference.clone()}</td>
                                                <td>{candidate.map(|c| {
                                                    let id = c.id;
                                                    let said = (b().candidate_line)(&date(t, c.line.booking_date), &eur(t, c.line.amount), &c.line.label);
                                                    view! {
                                                        {said}" "
                                                        <button type="button" class="secondary small" on:click=move |_| {
                                                            let result = store.change(|l| l.link_payment(id, payment, today()));
                                                            flash.set(Some(match result {
                                                                Ok(()) => Flash::done(b().linked.to_string(), vec![id]),
                                                                Err(e) => Flash::failed(change_error_text(&e)),
                                                            }));
                                                        }>{btr(|b| b.link)}</button>
                                                    }
                                                })}</td>
                                            </tr>
                                        })
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            })}
        </section>
    }
}
