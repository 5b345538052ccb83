//! A penalty breakdown as a person checks it: each period with its days, base, rate and
//! interest, the indemnity, the total, and why, citing the articles.

use crate::components::{date, eur, money};
use crate::i18n::{tr, use_t, Texts};
use crate::shell::route::Route;
use encaisse_domain::law::penalty::claims::Claims;
use encaisse_domain::law::penalty::rates::MissingRate;
use encaisse_domain::law::penalty::{PenaltyBreakdown, RateSource};
use encaisse_domain::model::client::ClientKind;
use encaisse_domain::model::settings::HalfYear;
use encaisse_domain::model::settings::{HalfYearRule, PenaltySettings};
use encaisse_domain::values::format::format_percent;
use leptos::prelude::*;

/// What a breakdown depends on besides its figures, to explain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PenaltyContext {
    pub client_kind: ClientKind,
    pub settings: PenaltySettings,
    pub has_settlements: bool,
}

/// The sentences that explain a breakdown, in order.
fn explanation(
    t: &'static Texts,
    breakdown: &PenaltyBreakdown,
    context: PenaltyContext,
) -> Vec<&'static str> {
    let mut lines = Vec::new();
    // A private individual's interest follows the Code civil, not the Code de commerce's
    // formula (which runs "with no reminder needed"): one explanation or the other.
    if context.client_kind == ClientKind::Individual {
        lines.push(t.pen_explain_individual);
        lines.push(t.pen_explain_formula_individual);
    } else {
        lines.push(t.pen_explain_formula);
    }
    if context.client_kind == ClientKind::Business {
        match breakdown.periods.first().map(|p| p.source) {
            Some(RateSource::Contractual) => lines.push(t.pen_explain_contract),
            Some(RateSource::RaisedToFloor { .. }) => lines.push(t.pen_explain_floor),
            _ => lines.push(t.pen_explain_default),
        }
        lines.push(if context.settings.waive_indemnity {
            t.pen_explain_waived
        } else {
            t.pen_explain_indemnity
        });
    }
    let spans_half_years = breakdown
        .periods
        .first()
        .zip(breakdown.periods.last())
        .is_some_and(|(first, last)| HalfYear::of(first.from) != HalfYear::of(last.to));
    if spans_half_years {
        lines.push(match context.settings.half_year_rule {
            HalfYearRule::Split => t.pen_explain_split,
            HalfYearRule::Frozen => t.pen_explain_frozen,
        });
    }
    if context.has_settlements {
        lines.push(t.pen_explain_partial);
    }
    lines
}

#[component]
pub fn PenaltyBreakdownView(breakdown: PenaltyBreakdown, context: PenaltyContext) -> impl IntoView {
    let t = use_t();
    if breakdown.days_late == 0 {
        return view! { <p data-testid="penalty-none">{tr(|t| t.pen_on_time)}</p> }.into_any();
    }
    let periods = breakdown.periods.clone();
    let why_none = breakdown.no_interest_because;
    let for_explanation = breakdown.clone();
    view! {
        <div class="penalty-breakdown">
            <p class="late">{move || (t.get().days_late)(breakdown.days_late)}</p>
            {why_none.map(|why| view! { <p>{move || (t.get().no_interest)(why)}</p> })}
            {(!periods.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table data-testid="penalty-periods">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.pen_period)}</th>
                            <th scope="col" class="num">{tr(|t| t.pen_days)}</th>
                            <th scope="col" class="num">{tr(|t| t.pen_base)}</th>
                            <th scope="col">{tr(|t| t.pen_rate)}</th>
                            <th scope="col" class="num">{tr(|t| t.pen_interest)}</th>
                        </tr></thead>
                        <tbody>
                            {periods.into_iter().map(|period| view! {
                                <tr>
                                    <td>{move || format!("{} → {}", date(t, period.from), date(t, period.to))}</td>
                                    <td class="num">{period.days}</td>
                                    <td class="num">{money(period.base)}</td>
                                    <td>{move || format!("{} ({})", format_percent(period.rate, t.get().locale), (t.get().rate_source)(&period.source, t.get().locale))}</td>
                                    <td class="num">{money(period.interest)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            <dl class="figures penalty-totals">
                <dt>{tr(|t| t.pen_interest_total)}</dt>
                <dd data-testid="penalty-interest">{money(breakdown.interest)}</dd>
                <dt>{tr(|t| t.pen_indemnity)}</dt>
                <dd data-testid="penalty-indemnity">{money(breakdown.indemnity)}</dd>
                <dt>{tr(|t| t.pen_total)}</dt>
                <dd data-testid="penalty-total"><strong>{money(breakdown.total)}</strong></dd>
            </dl>
            <ul class="explanation">
                {move || explanation(t.get(), &for_explanation, context).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// A missing rate, said plainly, with the way to the settings where it is entered.
#[component]
pub fn MissingRateNotice(missing: MissingRate) -> impl IntoView {
    let t = use_t();
    view! {
        <div class="banner banner-warning" role="alert" data-testid="missing-rate">
            <p>{move || (t.get().missing_rate)(&missing)}</p>
            <a class="button secondary" href=Route::Settings.href()>{tr(|t| t.enter_missing_rate)}</a>
        </div>
    }
}

/// What may be claimed now, as a card; invoices whose rate is missing are counted apart so
/// that a missing rate is never read as "nothing to claim".
#[component]
pub fn ClaimCard(claims: Claims) -> impl IntoView {
    let t = use_t();
    let total = claims.total;
    let missing = claims.missing_rates.len();
    view! {
        <div class="card" class:warn={missing > 0}>
            <p class="card-label">{tr(|t| t.summary_claimable)}</p>
            <p class="card-value" data-testid="claimable-total">{money(total.total())}</p>
            <p class="card-note">{move || (t.get().claimable_summary)(&eur(t, total.total()), total.invoices)}</p>
            {(missing > 0).then(|| view! {
                <p class="card-note warning"><a href=Route::Settings.href()>{move || (t.get().missing_rates_warning)(missing, &claims.missing_rates.first().map(|(_, m)| m.half_year().to_string()).unwrap_or_default())}</a></p>
            })}
        </div>
    }
}
