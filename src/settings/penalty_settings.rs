//! Settings of the penalty and aging computations: how a delay across half-years is rated,
//! whether the 40 € indemnity is claimed, the rate table the user extends and corrects, and
//! the aging buckets, the dashboard's choices. Each change is saved at once, like every other change.

use crate::components::change_error_text;
use crate::components::fields::TextField;
use crate::i18n::use_t;
use crate::settings::texts::{settings_tr, use_settings_texts};
use crate::storage::Store;
use encaisse_domain::analysis::kpi::{KpiField, KpiForm};
use encaisse_domain::law::penalty::rates::RateTable;
use encaisse_domain::model::settings::DsoPeriod;
use encaisse_domain::model::settings::HalfYear;
use encaisse_domain::model::settings::HalfYearRule;
use encaisse_domain::model::settings::{parse_aging_bounds, RatesField, RatesForm, Settings};
use encaisse_domain::values::format::format_percent;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::Decimal;
use leptos::prelude::*;

/// The last change's outcome in a panel: a confirmation or what went wrong.
pub type Status = RwSignal<Option<Result<String, String>>>;

pub fn status_line(status: Status) -> impl IntoView {
    view! {
        <div class="status-line" role="status">
            {move || status.get().map(|outcome| match outcome {
                Ok(text) => view! { <p class="success">{text}</p> }.into_any(),
                Err(text) => view! { <p class="form-error" role="alert">{text}</p> }.into_any(),
            })}
        </div>
    }
}

/// Applies a settings change and says how it went.
fn save_settings(store: Store, status: Status, done: String, change: impl FnOnce(&mut Settings)) {
    let outcome = store.change(|ledger| {
        ledger.update_settings(change);
        Ok::<(), Problem>(())
    });
    status.set(Some(
        outcome.map(|()| done).map_err(|e| change_error_text(&e)),
    ));
}

#[component]
pub fn PenaltyRulesPanel() -> impl IntoView {
    let own = use_settings_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let rules = move || ledger.with(|l| l.settings().penalties);
    let status: Status = RwSignal::new(None);
    let set_rule = move |rule: HalfYearRule| {
        save_settings(
            store,
            status,
            own.get_untracked().settings_saved.into(),
            |s| s.penalties.half_year_rule = rule,
        )
    };
    view! {
        <section class="panel">
            <h2>{settings_tr(|t| t.penalty_rules_section)}</h2>
            <fieldset class="field">
                <legend>{settings_tr(|t| t.half_year_rule)}</legend>
                <label class="choice"><input type="radio" name="half-year-rule" prop:checked=move || rules().half_year_rule == HalfYearRule::Split on:change=move |_| set_rule(HalfYearRule::Split)/>{settings_tr(|t| t.rule_split)}</label>
                <label class="choice"><input type="radio" name="half-year-rule" data-testid="rule-frozen" prop:checked=move || rules().half_year_rule == HalfYearRule::Frozen on:change=move |_| set_rule(HalfYearRule::Frozen)/>{settings_tr(|t| t.rule_frozen)}</label>
            </fieldset>
            <label class="choice">
                <input type="checkbox" prop:checked=move || rules().waive_indemnity on:change=move |ev| {
                    let waive = event_target_checked(&ev);
                    save_settings(store, status, own.get_untracked().settings_saved.into(), |s| s.penalties.waive_indemnity = waive)
                }/>
                {settings_tr(|t| t.waive_indemnity)}
            </label>
            {status_line(status)}
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
struct RateRow {
    half_year: HalfYear,
    ecb: Option<Decimal>,
    legal_individual: Option<Decimal>,
    legal_other: Option<Decimal>,
    corrected: bool,
}

#[component]
pub fn RateTablePanel() -> impl IntoView {
    let t = use_t();
    let own = use_settings_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let rows = Memo::new(move |_| {
        ledger.with(|l| {
            let settings = l.settings();
            let mut rows: Vec<RateRow> = settings
                .rate_table()
                .half_years()
                .map(|(half_year, rates)| RateRow {
                    half_year: *half_year,
                    ecb: rates.ecb,
                    legal_individual: rates.legal.map(|r| r.individual_creditor),
                    legal_other: rates.legal.map(|r| r.other_creditor),
                    corrected: settings.has_correction(*half_year),
                })
                .collect();
            rows.reverse();
            rows
        })
    });
    let next_half_year = move || rows.with(|r| r.first().map(|row| row.half_year.next()));
    let editing = RwSignal::new(None::<HalfYear>);
    let ecb = RwSignal::new(String::new());
    let legal_individual = RwSignal::new(String::new());
    let legal_other = RwSignal::new(String::new());
    let status: Status = RwSignal::new(None);
    let edit = move |half_year: HalfYear| {
        let form = RatesForm::from_rates(
            ledger.with_untracked(|l| l.settings().rate_table().get(half_year)),
        );
        ecb.set(form.ecb);
        legal_individual.set(form.legal_individual);
        legal_other.set(form.legal_other);
        editing.set(Some(half_year));
        status.set(None);
    };
    let checked = Memo::new(move |_| {
        RatesForm {
            ecb: ecb.get(),
            legal_individual: legal_individual.get(),
            legal_other: legal_other.get(),
        }
        .validate()
    });
    let error_of = move |field: RatesField| crate::components::fields::field_error(checked, field);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(half_year), Ok(rates)) = (editing.get_untracked(), checked.get_untracked())
        else {
            return;
        };
        save_settings(
            store,
            status,
            (own.get_untracked().rates_saved)(&half_year.to_string()),
            |s| s.set_rates(half_year, rates),
        );
        if matches!(status.get_untracked(), Some(Ok(_))) {
            editing.set(None);
        }
    };
    let back_to_built_in = move |_| {
        let Some(half_year) = editing.get_untracked() else {
            return;
        };
        save_settings(
            store,
            status,
            own.get_untracked().settings_saved.into(),
            |s| s.clear_rates(half_year),
        );
        editing.set(None);
    };
    let is_built_in = move |half_year: HalfYear| {
        RateTable::default()
            .half_years()
            .any(|(h, _)| *h == half_year)
    };
    let rate_cell = move |rate: Option<Decimal>| match rate {
        Some(rate) => {
            view! { <td class="num">{move || format_percent(rate, t.get().locale)}</td> }.into_any()
        }
        None => view! { <td class="num missing">{settings_tr(|t| t.rate_unknown)}</td> }.into_any(),
    };
    view! {
        <section class="panel" id="taux">
            <h2>{settings_tr(|t| t.rates_section)}</h2>
            <p>{settings_tr(|t| t.rates_text)}</p>
            {move || next_half_year().map(|next| view! {
                <button type="button" class="secondary" data-testid="add-half-year" on:click=move |_| edit(next)>{move || (own.get().add_half_year)(&next.to_string())}</button>
            })}
            <Show when=move || editing.get().is_some()>
                <form class="rates-form" on:submit=save data-testid="rates-form">
                    <h3>{move || editing.get().map(|h| (own.get().edit_rates_of)(&h.to_string()))}</h3>
                    <div class="field-row">
                        <TextField id="rate-ecb" label=move || own.get().col_ecb.to_string() value=ecb error=error_of(RatesField::Ecb) show_all=true inputmode="decimal"/>
                        <TextField id="rate-legal-individual" label=move || own.get().col_legal_individual.to_string() value=legal_individual error=error_of(RatesField::LegalIndividual) show_all=true inputmode="decimal"/>
                        <TextField id="rate-legal-other" label=move || own.get().col_legal_other.to_string() value=legal_other error=error_of(RatesField::LegalOther) show_all=true inputmode="decimal"/>
                    </div>
                    <div class="actions">
                        <button type="submit" disabled=move || checked.with(|c| c.is_err())>{settings_tr(|t| t.save)}</button>
                        <button type="button" class="secondary" on:click=move |_| editing.set(None)>{settings_tr(|t| t.cancel)}</button>
                        <Show when=move || editing.get().is_some_and(|h| is_built_in(h) && ledger.with(|l| l.settings().has_correction(h)))>
                            <button type="button" class="secondary" on:click=back_to_built_in>{settings_tr(|t| t.back_to_built_in)}</button>
                        </Show>
                    </div>
                </form>
            </Show>
            {status_line(status)}
            <div class="table-wrap rates">
                <table data-testid="rate-table">
                    <thead><tr>
                        <th scope="col">{settings_tr(|t| t.col_half_year)}</th>
                        <th scope="col" class="num">{settings_tr(|t| t.col_ecb)}</th>
                        <th scope="col" class="num">{settings_tr(|t| t.col_legal_individual)}</th>
                        <th scope="col" class="num">{settings_tr(|t| t.col_legal_other)}</th>
                        <th scope="col">{settings_tr(|t| t.col_origin)}</th>
                        <th scope="col"><span class="visually-hidden">{settings_tr(|t| t.edit)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| (row.half_year, row.ecb, row.legal_individual, row.legal_other, row.corrected) let:row>
                            <tr>
                                <th scope="row">{row.half_year.to_string()}</th>
                                {rate_cell(row.ecb)}
                                {rate_cell(row.legal_individual)}
                                {rate_cell(row.legal_other)}
                                <td>{move || if row.corrected { own.get().origin_user } else { own.get().origin_built_in }}</td>
                                <td><button type="button" class="link" on:click=move |_| edit(row.half_year) aria-label=move || (own.get().edit_rates_of)(&row.half_year.to_string())>{settings_tr(|t| t.edit)}</button></td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn AgingSettingsPanel() -> impl IntoView {
    let t = use_t();
    let own = use_settings_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let shown = move || {
        ledger.with(|l| {
            l.settings()
                .aging_bounds
                .bounds()
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let text = RwSignal::new(shown());
    let status: Status = RwSignal::new(None);
    let parsed = Memo::new(move |_| parse_aging_bounds(&text.get()));
    let error = Signal::derive(move || {
        parsed.with(|p| {
            p.as_ref()
                .err()
                .map(|problem| (t.get().problem)(problem, t.get().locale))
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(bounds) = parsed.get_untracked() {
            save_settings(
                store,
                status,
                own.get_untracked().settings_saved.into(),
                |s| s.aging_bounds = bounds,
            );
        }
    };
    view! {
        <section class="panel">
            <h2>{settings_tr(|t| t.aging_title)}</h2>
            <form on:submit=save>
                <TextField id="aging-bounds" label=move || own.get().aging_bounds_label.to_string() value=text error show_all=true hint=Signal::derive(move || own.get().aging_bounds_hint.to_string())/>
                <button type="submit" disabled=move || parsed.with(|p| p.is_err())>{settings_tr(|t| t.save)}</button>
            </form>
            {status_line(status)}
        </section>
    }
}

/// The dashboard's settings: DSO period and disputed invoices, the cash alert, and what late
/// payment costs (financing rate, chasing time, hourly cost).
#[component]
pub fn KpiSettingsPanel() -> impl IntoView {
    let own = use_settings_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let kpi = move || ledger.with(|l| l.settings().kpi.clone());
    let status: Status = RwSignal::new(None);
    let form = KpiForm::from_settings(&kpi());
    let cash_alert = RwSignal::new(form.cash_alert);
    let cash_alert_weeks = RwSignal::new(form.cash_alert_weeks);
    let financing_rate = RwSignal::new(form.financing_rate);
    let chasing_hours = RwSignal::new(form.chasing_hours);
    let hourly_cost = RwSignal::new(form.hourly_cost);
    let checked = Memo::new(move |_| {
        KpiForm {
            cash_alert: cash_alert.get(),
            cash_alert_weeks: cash_alert_weeks.get(),
            financing_rate: financing_rate.get(),
            chasing_hours: chasing_hours.get(),
            hourly_cost: hourly_cost.get(),
        }
        .validate(&kpi())
    });
    let error_of = move |field: KpiField| crate::components::fields::field_error(checked, field);
    let saved = move || own.get_untracked().settings_saved.to_string();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(settings) = checked.get_untracked() {
            save_settings(store, status, saved(), |s| s.kpi = settings);
        }
    };
    let optional = Signal::derive(move || own.get().optional_hint.to_string());
    view! {
        <section class="panel" id="tableau-de-bord">
            <h2>{settings_tr(|t| t.kpi_section)}</h2>
            <div class="field">
                <label for="dso-period">{settings_tr(|t| t.dso_period_label)}</label>
                <select id="dso-period" data-testid="dso-period" on:change=move |ev| {
                    let months = event_target_value(&ev).parse::<u32>().ok();
                    if let Some(period) = months.and_then(|m| DsoPeriod::try_from(m).ok()) {
                        save_settings(store, status, saved(), |s| s.kpi.dso_period = period);
                    }
                }>
                    {DsoPeriod::ALL.into_iter().map(|period| view! {
                        <option value=period.months().to_string() selected=move || kpi().dso_period == period>{move || (own.get().months)(period.months())}</option>
                    }).collect_view()}
                </select>
            </div>
            <label class="choice">
                <input type="checkbox" data-testid="dso-counts-disputed" prop:checked=move || kpi().dso_counts_disputed on:change=move |ev| {
                    let counts = event_target_checked(&ev);
                    save_settings(store, status, saved(), |s| s.kpi.dso_counts_disputed = counts)
                }/>
                {settings_tr(|t| t.counts_disputed_label)}
            </label>
            <form on:submit=save data-testid="kpi-form">
                <div class="field-row">
                    <TextField id="cash-alert" label=move || own.get().cash_alert_label.to_string() value=cash_alert error=error_of(KpiField::CashAlert) show_all=true inputmode="decimal" hint=optional/>
                    <TextField id="cash-alert-weeks" label=move || own.get().cash_alert_weeks_label.to_string() value=cash_alert_weeks error=error_of(KpiField::CashAlertWeeks) show_all=true inputmode="numeric"/>
                </div>
                <div class="field-row">
                    <TextField id="financing-rate" label=move || own.get().financing_rate_label.to_string() value=financing_rate error=error_of(KpiField::FinancingRate) show_all=true inputmode="decimal"/>
                    <TextField id="chasing-hours" label=move || own.get().chasing_hours_label.to_string() value=chasing_hours error=error_of(KpiField::ChasingHours) show_all=true inputmode="decimal"/>
                    <TextField id="hourly-cost" label=move || own.get().hourly_cost_label.to_string() value=hourly_cost error=error_of(KpiField::HourlyCost) show_all=true inputmode="decimal" hint=optional/>
                </div>
                <button type="submit" disabled=move || checked.with(|c| c.is_err())>{settings_tr(|t| t.save)}</button>
            </form>
            {status_line(status)}
        </section>
    }
}
