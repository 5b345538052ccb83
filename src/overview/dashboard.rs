//! The dashboard, the home screen once data exists: KPI cards with their change over a month,
//! the aging, DSO, collections and cash-in charts, the clients with the most overdue and what
//! late payment costs. Every figure links to the invoices behind it: the cards, the aging
//! buckets, each month of DSO (the aging report as of its last day), each month of collections
//! and each week of the forecast (`cash_drill`), and the top ten.
//!
//! Everything is computed once per change of the ledger or of the language, never per
//! keystroke elsewhere, on one timeline of the ledger (the penalties of each month's end
//! included).

use crate::components::chart::{bar_chart, line_chart, Bar, Line};
use crate::components::from_ledger;
use crate::components::penalty::ClaimCard;
use crate::i18n::shared::{use_shared_texts, SharedTexts};
use crate::i18n::Texts;
use crate::overview::texts::{use_overview_texts, OverviewTexts};
use crate::shell::route::Route;
use chrono::Datelike;
use encaisse_domain::analysis::aging::{aging, AgingReport};
use encaisse_domain::analysis::forecast::{cash_in_forecast, CashInForecast};
use encaisse_domain::analysis::kpi::cost::{late_cost, LateCost};
use encaisse_domain::analysis::kpi::{report, KpiReport, Kpis};
use encaisse_domain::law::penalty::claims::{Claims, PenaltyInputs};
use encaisse_domain::model::invoice::InvoiceStatus;
use encaisse_domain::model::timeline::Timeline;
use encaisse_domain::values::format::{format_date, format_eur, format_one_decimal};
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

/// Everything the dashboard shows, computed together from the ledger.
pub struct DashboardData {
    pub report: KpiReport,
    pub aging: AgingReport,
    pub forecast: CashInForecast,
    pub cost: LateCost,
    pub claims: Claims,
    /// Names of the clients in the top ten, in its order.
    pub names: Vec<String>,
}

pub fn dashboard_data(
    ledger: &encaisse_domain::model::ledger::Ledger,
    as_of: NaiveDate,
) -> DashboardData {
    let timeline = Timeline::new(ledger);
    let settings = &ledger.settings().kpi;
    let report = report(ledger, &timeline, as_of);
    let names = report
        .most_overdue
        .iter()
        .map(|line| ledger.client_name(line.client))
        .collect();
    DashboardData {
        aging: aging(ledger, as_of, &ledger.settings().aging_bounds),
        forecast: cash_in_forecast(&timeline, as_of, settings),
        cost: late_cost(&timeline, as_of, settings),
        claims: PenaltyInputs::on(ledger, &timeline, as_of).claims(),
        report,
        names,
    }
}

/// Whether a KPI is better when it goes down (DSO) or up (collections); some are neither.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Better {
    Lower,
    Higher,
    Neither,
}

/// One KPI card, as plain text, so that tests read what the user reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub testid: &'static str,
    pub label: String,
    pub value: String,
    pub note: String,
    /// The change since the same day a month before, and its class (better, worse, same).
    pub change: Option<(String, &'static str)>,
    pub href: String,
}

fn days(t: &Texts, own: &OverviewTexts, value: Option<Decimal>) -> String {
    value.map_or_else(
        || own.kpi_no_figure.to_string(),
        |v| (own.kpi_days)(&format_one_decimal(v, t.locale)),
    )
}

fn share(t: &Texts, value: Decimal) -> String {
    format!("{}\u{a0}%", format_one_decimal(value, t.locale))
}

/// The change of a figure since a month before, shown with `show`.
fn change(
    own: &OverviewTexts,
    now: Option<Decimal>,
    before: Option<Decimal>,
    better: Better,
    show: &dyn Fn(Decimal) -> String,
) -> Option<(String, &'static str)> {
    let delta = now? - before?;
    let (arrow, class) = match (delta.cmp(&Decimal::ZERO), better) {
        (std::cmp::Ordering::Equal, _) => ("=", "same"),
        (_, Better::Neither) => (if delta > Decimal::ZERO { "▲" } else { "▼" }, "same"),
        (std::cmp::Ordering::Greater, Better::Higher)
        | (std::cmp::Ordering::Less, Better::Lower) => {
            (if delta > Decimal::ZERO { "▲" } else { "▼" }, "better")
        }
        _ => (if delta > Decimal::ZERO { "▲" } else { "▼" }, "worse"),
    };
    Some(((own.kpi_change)(arrow, &show(delta.abs())), class))
}

/// The dashboard's KPI cards.
pub fn cards(t: &Texts, own: &OverviewTexts, data: &DashboardData) -> Vec<Card> {
    let now = &data.report.now;
    let before = &data.report.month_before;
    let money = |v: Decimal| format_eur(v, t.locale);
    let day_text = |v: Decimal| days(t, own, Some(v));
    let share_text = |v: Decimal| share(t, v);
    let dso_note = (own.kpi_dso_note)(
        now.period_months,
        now.counts_disputed,
        &days(t, own, Some(now.countback_dso)),
    );
    let overdue_href = Route::Invoices {
        status: Some(InvoiceStatus::Overdue),
        client: None,
    }
    .href();
    let aging_href = Route::Aging { as_of: None }.href();
    let paid_href = Route::Invoices {
        status: Some(InvoiceStatus::Paid),
        client: None,
    }
    .href();
    let delays = |k: &Kpis| k.days_to_pay.map(|d| d.simple);
    let late = |k: &Kpis| k.days_late.map(|d| d.simple);
    let mut cards = vec![
        Card {
            testid: "kpi-outstanding",
            label: own.summary_outstanding.into(),
            value: money(now.outstanding),
            note: (own.kpi_open_invoices)(now.open_count),
            change: change(
                own,
                Some(now.outstanding),
                Some(before.outstanding),
                Better::Neither,
                &money,
            ),
            href: aging_href.clone(),
        },
        Card {
            testid: "kpi-overdue",
            label: own.summary_overdue.into(),
            value: money(now.overdue),
            note: (own.kpi_overdue_note)(
                &share(t, now.overdue_share_amount),
                &share(t, now.overdue_share_count),
            ),
            change: change(
                own,
                Some(now.overdue_share_amount),
                Some(before.overdue_share_amount),
                Better::Lower,
                &share_text,
            ),
            href: overdue_href.clone(),
        },
        Card {
            testid: "kpi-dso",
            label: own.kpi_dso.into(),
            value: days(t, own, now.dso),
            note: dso_note,
            change: change(own, now.dso, before.dso, Better::Lower, &day_text),
            href: aging_href.clone(),
        },
        Card {
            testid: "kpi-best-dso",
            label: own.kpi_best_dso.into(),
            value: days(t, own, now.best_possible_dso),
            note: (own.kpi_delinquent_note)(&days(t, own, now.days_delinquent)),
            change: change(
                own,
                now.best_possible_dso,
                before.best_possible_dso,
                Better::Lower,
                &day_text,
            ),
            href: overdue_href.clone(),
        },
        Card {
            testid: "kpi-cei",
            label: own.kpi_cei.into(),
            value: now
                .cei
                .map_or_else(|| own.kpi_no_figure.into(), |c| share(t, c)),
            note: (own.kpi_cei_note)(now.period_months),
            change: change(own, now.cei, before.cei, Better::Higher, &share_text),
            href: overdue_href.clone(),
        },
        Card {
            testid: "kpi-days-to-pay",
            label: own.kpi_days_to_pay.into(),
            value: days(t, own, delays(now)),
            note: (own.kpi_days_to_pay_note)(
                &days(t, own, now.days_to_pay.map(|d| d.weighted)),
                now.paid_count,
            ),
            change: change(own, delays(now), delays(before), Better::Lower, &day_text),
            href: paid_href.clone(),
        },
        Card {
            testid: "kpi-days-late",
            label: own.kpi_days_late.into(),
            value: days(t, own, late(now)),
            note: (own.kpi_days_late_note)(
                &days(t, own, now.days_late.map(|d| d.weighted)),
                &days(t, own, now.days_late_signed.map(|d| d.simple)),
            ),
            change: change(own, late(now), late(before), Better::Lower, &day_text),
            href: paid_href,
        },
        Card {
            testid: "kpi-collected",
            label: own.kpi_collected_month.into(),
            value: money(now.collected_month),
            note: (own.kpi_collected_quarter)(&money(now.collected_quarter)),
            change: change(
                own,
                Some(now.collected_month),
                Some(before.collected_month),
                Better::Higher,
                &money,
            ),
            // This month's payments, invoice by invoice.
            href: Route::Collected {
                month: now.as_of.with_day(1).unwrap_or(now.as_of),
            }
            .href(),
        },
    ];
    // What a collection agency or a court now handles, apart from what reminders chase.
    if now.litigation_count > 0 || before.litigation_count > 0 {
        cards.push(Card {
            testid: "kpi-litigation",
            label: own.kpi_litigation.into(),
            value: money(now.in_litigation),
            note: (own.litigation_count)(now.litigation_count),
            change: change(
                own,
                Some(now.in_litigation),
                Some(before.in_litigation),
                Better::Lower,
                &money,
            ),
            href: Route::Reminders.href(),
        });
    }
    cards
}

fn month_label(own: &OverviewTexts, date: NaiveDate) -> String {
    (own.month_short)(date)
}

/// The dashboard as of a date (the home screen passes today's).
#[component]
pub fn Dashboard(as_of: NaiveDate) -> impl IntoView {
    let own = use_overview_texts();
    let shared = use_shared_texts();
    from_ledger(move |t, ledger| {
        dashboard_view(t, own.get(), shared.get(), &dashboard_data(ledger, as_of))
    })
}

fn dashboard_view(
    t: &'static Texts,
    own: &'static OverviewTexts,
    shared: &'static SharedTexts,
    data: &DashboardData,
) -> impl IntoView {
    let now = &data.report.now;
    let cards_view = cards(t, own, data)
        .into_iter()
        .map(|card| {
            view! {
                <a class="card" href=card.href>
                    <p class="card-label">{card.label}</p>
                    <p class="card-value" data-testid=card.testid>{card.value}</p>
                    <p class="card-note">{card.note}</p>
                    {card.change.map(|(text, class)| view! { <p class=format!("card-change {class}")>{text}</p> })}
                </a>
            }
        })
        .collect_view();
    let alert = data.forecast.alert.map(|alert| {
        view! {
            <p class="banner banner-warning" role="alert" data-testid="cash-alert">
                {(own.cash_alert_text)(alert.weeks, &format_eur(alert.expected, t.locale), &format_eur(alert.threshold, t.locale))}
            </p>
        }
    });
    let money = |v: Decimal| format_eur(v, t.locale);

    let aging_bars: Vec<Bar> = data
        .aging
        .totals
        .buckets
        .iter()
        .enumerate()
        .map(|(bucket, amount)| Bar {
            label: (shared.bucket)(data.aging.bounds.range_of(bucket)),
            value: *amount,
            shown: money(*amount),
            href: Some(Route::Aging { as_of: None }.href()),
            class: if bucket == 0 { "current" } else { "overdue" },
        })
        .collect();
    let months: Vec<String> = data
        .report
        .series
        .iter()
        .map(|k| month_label(own, k.as_of))
        .collect();
    // A month's DSO is made of what was owed at its end: the aging report as of that day.
    let dso_links = data
        .report
        .series
        .iter()
        .map(|k| {
            Some(
                Route::Aging {
                    as_of: Some(k.as_of),
                }
                .href(),
            )
        })
        .collect();
    let dso_line = |name: &str, class, values: Vec<Option<Decimal>>| Line {
        name: name.to_string(),
        class,
        shown: values.iter().map(|v| days(t, own, *v)).collect(),
        values,
    };
    let dso_lines = vec![
        dso_line(
            own.kpi_dso,
            "dso",
            data.report.series.iter().map(|k| k.dso).collect(),
        ),
        dso_line(
            own.kpi_countback,
            "countback",
            data.report
                .series
                .iter()
                .map(|k| Some(k.countback_dso))
                .collect(),
        ),
        dso_line(
            own.kpi_best_dso,
            "best",
            data.report
                .series
                .iter()
                .map(|k| k.best_possible_dso)
                .collect(),
        ),
    ];
    let collection_bars: Vec<Bar> = data
        .report
        .series
        .iter()
        .map(|k| Bar {
            label: month_label(own, k.as_of),
            value: k.collected_month,
            shown: money(k.collected_month),
            href: Some(
                Route::Collected {
                    month: k.as_of.with_day(1).unwrap_or(k.as_of),
                }
                .href(),
            ),
            class: "collected",
        })
        .collect();
    let mut forecast_bars: Vec<Bar> = data
        .forecast
        .weeks
        .iter()
        .map(|week| Bar {
            // The week's Monday without its year: "23/11", "23 Nov".
            label: format_date(week.start, t.locale)
                .rsplit_once(['/', ' '])
                .map_or_else(String::new, |(day_month, _)| day_month.to_string()),
            value: week.expected,
            shown: money(week.expected),
            href: Some(Route::Expected { week: week.start }.href()),
            class: "expected",
        })
        .collect();
    forecast_bars.push(Bar {
        label: own.forecast_later.into(),
        value: data.forecast.later,
        shown: money(data.forecast.later),
        href: None,
        class: "later",
    });
    let top = data
        .report
        .most_overdue
        .iter()
        .zip(&data.names)
        .map(|(line, name)| {
            view! {
                <tr>
                    <td><a href=Route::Client(line.client).href()>{name.clone()}</a></td>
                    <td class="num">{line.invoices}</td>
                    <td class="num">{(own.kpi_days)(&line.oldest_days.to_string())}</td>
                    <td class="num">{money(line.overdue)}</td>
                </tr>
            }
        })
        .collect_view();
    let cost = &data.cost;
    let head = |first: &str, second: &str| [first.to_string(), second.to_string()];

    view! {
        <h1>{format!("{} {}", own.summary_title, format_date(now.as_of, t.locale))}</h1>
        {alert}
        <div class="cards" data-testid="kpi-cards">
            {cards_view}
            <ClaimCard claims=data.claims.clone()/>
        </div>
        <div class="charts">
            {bar_chart(own.chart_aging, (own.chart_aging_desc)(&money(data.aging.totals.open())), own.chart_data, head(own.chart_bucket, own.col_total), aging_bars, "chart-aging")}
            {line_chart(own.chart_dso, (own.chart_dso_desc)(&days(t, own, now.dso)), own.chart_data, months, dso_links, dso_lines, "chart-dso")}
            {bar_chart(own.chart_collections, (own.chart_collections_desc)(&money(now.collected_month)), own.chart_data, head(own.chart_month, own.col_total), collection_bars, "chart-collections")}
            {bar_chart(own.chart_forecast, (own.chart_forecast_desc)(&money(data.forecast.expected_within(encaisse_domain::analysis::forecast::WEEKS))), own.chart_data, head(own.chart_week, own.col_total), forecast_bars, "chart-forecast")}
        </div>
        <p class="forecast-apart" data-testid="forecast-apart">
            <a href=Route::BeyondUsualDelay.href()>{(own.forecast_overdue_unexpected)(&money(data.forecast.overdue_unexpected))}</a>
            " · "
            <a href=Route::Invoices { status: Some(InvoiceStatus::Disputed), client: None }.href()>{(own.forecast_disputed)(&money(data.forecast.disputed))}</a>
        </p>
        <div class="columns">
            <section class="panel">
                <h2>{own.top_overdue_clients}</h2>
                {if data.report.most_overdue.is_empty() {
                    view! { <p>{own.nothing_overdue}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table data-testid="top-overdue">
                                <thead><tr>
                                    <th scope="col">{own.col_client}</th>
                                    <th scope="col" class="num">{own.col_invoices}</th>
                                    <th scope="col" class="num">{own.col_oldest}</th>
                                    <th scope="col" class="num">{own.col_overdue}</th>
                                </tr></thead>
                                <tbody>{top}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
            <section class="panel" data-testid="late-cost">
                <h2>{own.cost_title}</h2>
                <p><a href=Route::Invoices { status: Some(InvoiceStatus::Overdue), client: None }.href()>{(own.cost_financing)(&money(cost.overdue), &encaisse_domain::values::format::format_percent(cost.financing_rate, t.locale), &money(cost.financing_per_month), &money(cost.financing_to_date))}</a></p>
                <p>{(own.cost_chasing)(cost.late_invoices, &format_one_decimal(cost.chasing_hours, t.locale), cost.chasing_cost.map(money).as_deref())}</p>
                <p class="hint"><a href=Route::Settings.href()>{own.cost_settings_hint}</a></p>
            </section>
        </div>
    }
}
