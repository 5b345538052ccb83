//! Prints, as JSON, the dashboard figures, the payment scores and the reminder queue the
//! domain computes for the demo portfolio as of a date (`YYYY-MM-DD`), formatted the French
//! way (the first formal notice due comes with the totals its letter must print). The end-to-end test
//! (e2e/tests/dashboard.test.mjs) loads the same demo in the release app with the browser's
//! clock set to that date and checks that the dashboard shows exactly these figures.

use chrono::Datelike;
use encaisse_domain::analysis::forecast::cash_in_forecast;
use encaisse_domain::analysis::kpi::collected::collected_between;
use encaisse_domain::analysis::kpi::report;
use encaisse_domain::analysis::score::{rankings, score_all};
use encaisse_domain::collection::letter::{MessageContext, MessageInput};
use encaisse_domain::collection::reminder::schedule::queue;
use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::law::penalty::claims::PenaltyInputs;
use encaisse_domain::model::reminders::Tone;
use encaisse_domain::model::timeline::Timeline;
use encaisse_domain::values::format::{format_eur, format_one_decimal, Locale};
use encaisse_domain::values::iso_date;
use encaisse_domain::Decimal;

fn main() {
    let date = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: dashboard_figures YYYY-MM-DD");
    let ledger = generate(date, DemoConfig::default());
    let timeline = Timeline::new(&ledger);
    let r = report(&ledger, &timeline, date);
    let eur = |amount: Decimal| format_eur(amount, Locale::Fr);
    let days = |value: Option<Decimal>| value.map(|v| format_one_decimal(v, Locale::Fr));
    let forecast = cash_in_forecast(&timeline, date, &ledger.settings().kpi);
    let top: Vec<serde_json::Value> = r
        .most_overdue
        .iter()
        .map(|line| {
            serde_json::json!({
                "client": ledger.client(line.client).map(|c| c.details.name.clone()),
                "overdue": eur(line.overdue),
            })
        })
        .collect();
    // The drill-downs of the previous month's collections and of next week's forecast.
    let month_end = date.with_day(1).expect("a first day") - chrono::Duration::days(1);
    let month_start = month_end.with_day(1).expect("a first day");
    let collected = collected_between(&ledger, month_start, month_end);
    let week = &forecast.weeks[1];
    let name = |id| ledger.client(id).map(|c| c.details.name.clone());
    let scores: Vec<serde_json::Value> = score_all(&ledger, date)
        .into_iter()
        .map(|(id, score)| serde_json::json!({ "client": name(id), "score": score.score() }))
        .collect();
    let ranks = rankings(&ledger, date);
    let names = |list: &[encaisse_domain::analysis::score::Ranked]| -> Vec<Option<String>> {
        list.iter().map(|r| name(r.client)).collect()
    };
    let reminders = queue(&ledger, ledger.reminders(), date);
    let formal_notice = reminders
        .due
        .iter()
        .find(|e| e.tone == Tone::FormalNotice)
        .map(|entry| {
            let input = MessageInput::for_entry(entry, date);
            let ctx = MessageContext::build(&ledger, &ledger.settings().issuer, &input);
            serde_json::json!({
                "client_id": entry.client.0,
                "client": name(entry.client),
                "invoices": ctx.lines.len(),
                "open": eur(ctx.totals.due()),
                "interest": eur(ctx.totals.interest),
                "indemnity": eur(ctx.totals.indemnity),
                "claimed": eur(ctx.totals.claimed),
            })
        });
    let figures = serde_json::json!({
        "reminders_due": reminders.due.iter().map(|e| name(e.client)).collect::<Vec<_>>(),
        "formal_notice": formal_notice,
        "outstanding": eur(r.now.outstanding),
        "overdue": eur(r.now.overdue),
        "dso": days(r.now.dso),
        "countback_dso": days(Some(r.now.countback_dso)),
        "best_possible_dso": days(r.now.best_possible_dso),
        "cei": days(r.now.cei),
        "days_to_pay": days(r.now.days_to_pay.map(|d| d.simple)),
        "days_late": days(r.now.days_late.map(|d| d.simple)),
        "collected_month": eur(r.now.collected_month),
        "claimable": eur(PenaltyInputs::new(&ledger, date).claims().total.total()),
        "forecast_overdue_unexpected": eur(forecast.overdue_unexpected),
        "top_overdue": top,
        "last_month_collected": {
            "month": &iso_date::format(month_start)[..7],
            "total": eur(collected.total()),
            "lines": collected.invoices.len() + collected.unallocated.len(),
        },
        "scores": scores,
        "best_payers": names(&ranks.best),
        "worst_payers": names(&ranks.worst),
        "fallen_payers": names(&ranks.fallen),
        "next_week_expected": {
            "week": iso_date::format(week.start),
            "total": eur(week.expected),
            "lines": week.invoices,
        },
    });
    println!("{figures}");
}
