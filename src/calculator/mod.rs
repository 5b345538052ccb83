//! The standalone penalty calculator. Its state is the link: every change rewrites the URL
//! fragment (without adding a history entry per keystroke), so a result can be shared,
//! reloaded, bookmarked or embedded, and a bad parameter in a link is named in the page.

pub mod texts;

use crate::calculator::texts::{calculator_tr, use_calculator_texts};
use crate::clock::today;
use crate::components::fields::{field_error, TextField};
use crate::components::penalty::{MissingRateNotice, PenaltyBreakdownView, PenaltyContext};
use crate::components::{date_view, money};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::{tr, use_t};
use crate::shell::route::Route;
use crate::storage::Store;
use encaisse_domain::law::penalty::calculator::{CalculatorField, CalculatorForm, SettlementText};
use encaisse_domain::law::penalty::penalties;
use encaisse_domain::model::client::ClientKind;
use leptos::prelude::*;

/// One partial-payment row; the key keeps each row's inputs when another row is removed.
#[derive(Clone, Copy)]
struct SettlementRow {
    key: usize,
    date: RwSignal<String>,
    amount: RwSignal<String>,
}

impl SettlementRow {
    fn new(key: usize, text: &SettlementText) -> Self {
        SettlementRow {
            key,
            date: RwSignal::new(text.date.clone()),
            amount: RwSignal::new(text.amount.clone()),
        }
    }
}

#[component]
pub fn CalculatorPage(query: String) -> impl IntoView {
    let t = use_t();
    let own = use_calculator_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let initial = CalculatorForm::from_query(&query);
    // A link that arrives with parameters shows every message at once.
    let from_link = !query.trim().is_empty();

    let amount = RwSignal::new(initial.amount.clone());
    let due_date = RwSignal::new(initial.due_date.clone());
    let payment_date = RwSignal::new(initial.payment_date.clone());
    let rate = RwSignal::new(initial.rate.clone());
    let client_kind = RwSignal::new(initial.client_kind.clone());
    let formal_notice = RwSignal::new(initial.formal_notice.clone());
    let next_key = StoredValue::new(initial.settlements.len());
    let settlements = RwSignal::new(
        initial
            .settlements
            .iter()
            .enumerate()
            .map(|(key, text)| SettlementRow::new(key, text))
            .collect::<Vec<_>>(),
    );

    let form = Memo::new(move |_| CalculatorForm {
        amount: amount.get(),
        due_date: due_date.get(),
        payment_date: payment_date.get(),
        rate: rate.get(),
        client_kind: client_kind.get(),
        formal_notice: formal_notice.get(),
        settlements: settlements
            .get()
            .iter()
            .map(|row| SettlementText {
                date: row.date.get(),
                amount: row.amount.get(),
            })
            .collect(),
    });
    let as_of = today();
    let checked = Memo::new(move |_| form.with(|f| f.validate(as_of)));
    let result = Memo::new(move |_| {
        let case = checked.get().ok()?;
        let settings = ledger.with(|l| l.settings().clone());
        let context = PenaltyContext {
            client_kind: case.client_kind,
            settings: settings.penalties,
            has_settlements: !case.settlements.is_empty(),
        };
        Some(penalties(&case, &settings.rate_table(), &settings.penalties).map(|b| (b, context)))
    });

    // The link follows the form; replaceState, so Back leaves the calculator in one step.
    let link = Memo::new(move |_| Route::Calculator(form.with(CalculatorForm::to_query)).href());
    Effect::new(move |_| {
        let href = link.get();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    });
    let full_link = move || {
        let here = window().location().href().unwrap_or_default();
        let page = here.split('#').next().unwrap_or_default().to_string();
        format!("{page}{}", link.get())
    };

    let bad_params = move || {
        checked.with(|c| {
            let mut names: Vec<&str> = c.as_ref().err()?.iter().map(|e| e.field.param()).collect();
            names.dedup();
            Some(names.join(", "))
        })
    };
    let is_individual = move || client_kind.get() == "particulier";
    let error_of = move |field| field_error(checked, field);
    let show_all = Signal::derive(move || from_link);
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        settlements.update(|rows| rows.push(SettlementRow::new(key, &SettlementText::default())));
    };

    view! {
        <section class="page calculator">
            <h1>{calculator_tr(|t| t.calc_title)}</h1>
            <p class="intro">{calculator_tr(|t| t.calc_intro)}</p>
            {move || (from_link && bad_params().is_some()).then(|| view! {
                <div class="banner banner-error" role="alert" data-testid="calc-bad-link">
                    <p>{move || bad_params().map(|names| (own.get().calc_bad_link)(&names))}</p>
                </div>
            })}
            <form class="calc-form no-print-controls" on:submit=|ev| ev.prevent_default()>
                <div class="field-row">
                    <TextField id="calc-amount" label=move || own.get().calc_amount.to_string() value=amount error=error_of(CalculatorField::Amount) show_all inputmode="decimal" required=true/>
                    <TextField id="calc-due" kind="date" label=move || own.get().calc_due.to_string() value=due_date error=error_of(CalculatorField::DueDate) show_all required=true/>
                    <TextField id="calc-paid" kind="date" label=move || own.get().calc_paid.to_string() value=payment_date error=error_of(CalculatorField::PaymentDate) show_all hint=Signal::derive(move || own.get().calc_paid_hint.to_string())/>
                </div>
                <fieldset class="field" class:invalid=move || error_of(CalculatorField::ClientKind).get().is_some()>
                    <legend>{calculator_tr(|t| t.calc_client)}</legend>
                    <div class="segmented">
                        <label><input type="radio" name="calc-kind" value="pro" prop:checked=move || client_kind.get() == "pro" on:change=move |_| client_kind.set("pro".into())/>{calculator_tr(|t| t.calc_pro)}</label>
                        <label><input type="radio" name="calc-kind" value="particulier" prop:checked=is_individual on:change=move |_| client_kind.set("particulier".into())/>{calculator_tr(|t| t.calc_individual)}</label>
                    </div>
                    <p class="error" aria-live="polite">{move || error_of(CalculatorField::ClientKind).get()}</p>
                </fieldset>
                <div class="field-row">
                    <TextField id="calc-rate" label=move || shared.get().f_contractual_rate.to_string() value=rate error=error_of(CalculatorField::Rate) show_all inputmode="decimal" hint=Signal::derive(move || shared.get().hint_contractual_rate.to_string())/>
                    <Show when=is_individual>
                        <TextField id="calc-notice" kind="date" label=move || own.get().f_formal_notice.to_string() value=formal_notice error=error_of(CalculatorField::FormalNotice) show_all hint=Signal::derive(move || shared.get().calc_notice_hint.to_string())/>
                    </Show>
                </div>
                <fieldset class="settlements">
                    <legend>{calculator_tr(|t| t.calc_settlements)}</legend>
                    <For each=move || settlements.get() key=|row| row.key let:row>
                        {
                            let index = move || settlements.with(|rows| rows.iter().position(|r| r.key == row.key).unwrap_or(0));
                            let error = move || {
                                let field = CalculatorField::Settlement(index());
                                checked.with(|c| c.as_ref().err().and_then(|errors| errors.iter().find(|e| e.field == field).map(|e| (t.get().problem)(&e.problem, t.get().locale))))
                            };
                            let date_id = format!("calc-settlement-date-{}", row.key);
                            let amount_id = format!("calc-settlement-amount-{}", row.key);
                            view! {
                                <div class="field-row settlement" class:invalid=move || error().is_some()>
                                    <div class="field">
                                        <label for=date_id.clone()>{tr(|t| t.date)}</label>
                                        <input id=date_id.clone() type="date" prop:value=move || row.date.get() on:input=move |ev| row.date.set(event_target_value(&ev))/>
                                    </div>
                                    <div class="field">
                                        <label for=amount_id.clone()>{calculator_tr(|t| t.amount)}</label>
                                        <input id=amount_id.clone() type="text" inputmode="decimal" prop:value=move || row.amount.get() on:input=move |ev| row.amount.set(event_target_value(&ev))/>
                                    </div>
                                    <button type="button" class="secondary" on:click=move |_| settlements.update(|rows| rows.retain(|r| r.key != row.key))>{calculator_tr(|t| t.calc_remove)}</button>
                                    <p class="error" aria-live="polite">{error}</p>
                                </div>
                            }
                        }
                    </For>
                    <button type="button" class="secondary" on:click=add_row>{calculator_tr(|t| t.calc_add_settlement)}</button>
                </fieldset>
            </form>
            <section class="panel calc-result" aria-live="polite">
                <h2>{calculator_tr(|t| t.penalties_title)}</h2>
                {move || checked.get().ok().map(|case| view! {
                    <dl class="details print-only">
                        <dt>{calculator_tr(|t| t.calc_amount)}</dt><dd>{money(case.amount)}</dd>
                        <dt>{calculator_tr(|t| t.calc_due)}</dt><dd>{date_view(case.due_date)}</dd>
                        <dt>{calculator_tr(|t| t.calc_paid)}</dt><dd>{date_view(case.until)}</dd>
                        <dt>{calculator_tr(|t| t.calc_client)}</dt><dd>{move || if case.client_kind == ClientKind::Business { own.get().calc_pro } else { own.get().calc_individual }}</dd>
                    </dl>
                })}
                {move || match result.get() {
                    None => view! { <p>{calculator_tr(|t| t.calc_fill_in)}</p> }.into_any(),
                    Some(Err(missing)) => view! { <MissingRateNotice missing/> }.into_any(),
                    Some(Ok((breakdown, context))) => view! { <PenaltyBreakdownView breakdown context/> }.into_any(),
                }}
                <div class="actions no-print">
                    <button type="button" on:click=move |_| { let _ = window().print(); }>{calculator_tr(|t| t.print)}</button>
                </div>
                <div class="field no-print">
                    <label for="calc-link">{calculator_tr(|t| t.calc_link)}</label>
                    <input id="calc-link" type="text" readonly prop:value=full_link data-testid="calc-link"/>
                </div>
            </section>
        </section>
    }
}
