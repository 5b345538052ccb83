use super::OverviewTexts;
use crate::i18n::grammar::en::plural;
use chrono::Datelike;
use encaisse_domain::analysis::prediction::DelayBasis;

pub static TEXTS: OverviewTexts = OverviewTexts {
    app_tagline: "Your receivables and reminders, in your browser",
    total: "Total",

    welcome_title: "Welcome to Encaisse",
    welcome_text: "Track your invoices and payments without sending anything over the Internet: everything stays in this browser, even offline.",
    welcome_add_client: "Add a first client",
    welcome_load_demo: "Try it with demo data",
    summary_title: "Position as of",
    summary_outstanding: "Receivables",
    summary_overdue: "Of which overdue",
    nothing_overdue: "No overdue invoice. Well done!",
    col_overdue: "Overdue",
    col_number: "No.",
    col_client: "Client",
    col_due: "Due",
    col_total: "Amount incl. VAT",
    col_remaining: "Outstanding",
    col_days_past_due: "Days past due",

    kpi_no_figure: "—",
    kpi_days: |d| format!("{d} days"),
    kpi_change: |arrow, amount| format!("{arrow} {amount} over a month"),
    kpi_open_invoices: |n| plural(n, "open invoice", "open invoices"),
    kpi_overdue_note: |amount, count| format!("{amount} of the amount, {count} of the invoices"),
    kpi_dso: "DSO (accounting method)",
    kpi_dso_note: |months, disputed, countback| format!(
        "Over {months} months, disputes {} · countback: {countback}",
        if disputed { "included" } else { "excluded" }
    ),
    kpi_countback: "Countback DSO",
    kpi_best_dso: "Best possible DSO",
    kpi_delinquent_note: |d| format!("Average days delinquent: {d}"),
    kpi_cei: "Collection effectiveness (CEI)",
    kpi_cei_note: |months| format!("Over {months} months; 100 %: all that was due collected"),
    kpi_days_to_pay: "Average days to pay",
    kpi_days_to_pay_note: |weighted, n| format!("Amount-weighted: {weighted} · {}", plural(n, "paid invoice", "paid invoices")),
    kpi_days_late: "Average days late",
    kpi_days_late_note: |weighted, signed| format!("Weighted: {weighted} · early payments deducted: {signed}"),
    kpi_collected_month: "Collected this month",
    kpi_collected_quarter: |amount| format!("This quarter: {amount}"),
    month_short: |date| {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        format!("{} {}", MONTHS[date.month0() as usize], date.year() % 100)
    },
    cash_alert_text: |weeks, expected, threshold| format!(
        "Cash alert: {expected} expected over the next {weeks} weeks, below your threshold of {threshold}."
    ),
    forecast_later: "Later",
    forecast_overdue_unexpected: |amount| format!("Overdue beyond the client's usual delay, not forecast: {amount}"),
    forecast_disputed: |amount| format!("In dispute: {amount}"),
    chart_data: "Show the figures",
    chart_aging: "Aging",
    chart_aging_desc: |total| format!("{total} outstanding, by days past due."),
    chart_bucket: "Bucket",
    chart_dso: "DSO over 24 months",
    chart_dso_desc: |dso| format!("Accounting, countback and best possible DSO, month by month; today {dso}."),
    chart_collections: "Collections per month",
    chart_collections_desc: |month| format!("Amounts collected each month over 24 months; this month {month}."),
    chart_month: "Month",
    chart_forecast: "Expected cash-in over 13 weeks",
    chart_forecast_desc: |total| format!("Invoices not yet due, by the week each client's history says they will be paid; {total} in 13 weeks."),
    chart_week: "Week of",
    top_overdue_clients: "Clients with the most overdue",
    col_invoices: "Invoices",
    col_oldest: "Oldest delay",
    cost_title: "Cost of late payment",
    cost_financing: |overdue, rate, month, so_far| format!(
        "Financing the {overdue} overdue at {rate} costs {month} a month; {so_far} since their due dates."
    ),
    cost_chasing: |n, hours, cost| format!(
        "{} over twelve months: {hours} h of chasing{}.",
        plural(n, "invoice paid late or still due", "invoices paid late or still due"),
        cost.map(|c| format!(", or {c}")).unwrap_or_default()
    ),
    cost_settings_hint: "Financing rate and chasing time: settings",

    month_long: |date| {
        const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        format!("{} {}", MONTHS[date.month0() as usize], date.year())
    },
    collected_title: |month| format!("Collected in {month}"),
    collected_intro: |from, to| format!("Payments received from {from} to {to}, spread over the invoices they settled; the unallocated part stays as the client's credit."),
    col_last_payment: "Last payment",
    col_received: "Received",
    unallocated_credit: "Unallocated (client's credit)",
    nothing_collected: "No payment received in this period.",
    expected_title: |monday| format!("Expected cash-in, week of {monday}"),
    expected_intro: "Invoices whose payment is expected this week: the due date moved by each client's usual delay, from its payment history (including overdue invoices still within that delay).",
    col_expected: "Expected payment",
    col_basis: "Based on",
    delay_basis: |basis| match basis {
        DelayBasis::Client { paid } => format!("its history ({})", plural(paid, "paid invoice", "paid invoices")),
        DelayBasis::Portfolio => "your clients' average delay".into(),
        DelayBasis::Terms => "the due date (no payment known)".into(),
    },
    week_not_in_forecast: "This week is not in the forecast of the next 13 weeks.",
    nothing_expected: "No cash-in expected this week.",
    beyond_usual_delay_title: "Overdue beyond the usual delay",
    beyond_usual_delay_intro: "Overdue invoices already later than their client's payment history led to expect: no date to count on, so they stay out of the weekly forecast.",
    nothing_beyond_usual_delay: "No invoice is overdue beyond its client's usual delay.",
    back_to_dashboard: "Back to the dashboard",
    col_score: "Score",
    payers_title: "Good and bad payers",
    payers_intro: |unscored| format!("Scores from 0 to 100 from each client's payment history over 24 months; {} without enough history.", plural(unscored, "client", "clients")),
    best_payers: "Best payers",
    worst_payers: "Worst payers",
    fallen_payers: "Scores down over 3 months",
    fallen_intro: "Clients whose score lost 10 points or more in three months.",
    nobody_fell: "No score fell by 10 points or more.",
    col_score_before: "3 months ago",
    method_title: "How the score is computed",
    method_text: &[
        "Inputs: the invoices paid over the last 24 months, with their delay (payment date minus due date, negative when early), and the invoices still overdue, with their delay so far; disputes opened in the period, the credit limit, the date of the first invoice. Written-off invoices and invoices not yet due do not count.",
        "Fewer than 3 paid invoices in 24 months: \"not enough history\", no score. The same threshold decides when the cash-in forecast uses the client's own delay.",
        "Core (in the spirit of PAYDEX): the amount-weighted mean delay gives the points: 10 days early or more: 100; on the due date: 80; 15 days late: 70; 30 days: 50; 120 days: 20; 180 days or more: 0; linear in between.",
        "Adjustments: share of invoices more than 5 days late (paid or still due), −1 per 10 %; worst delay beyond 60 days, −1 per 12 days (at most −10); trend of paid invoices due in the last 6 months against older ones (at least 3 on each side), −1 per 3 days later (at most −10), +1 per 3 days earlier (at most +5); disputes, −3 each (at most −10); overdue above 50 % of the credit limit −5, above 100 % −10; relationship under 6 months −5, 36 months or more +3. The score is the sum, held within 0–100.",
        "Grades: A from 80 to 100, B from 65 to 79, C from 50 to 64, D from 35 to 49, E below 35.",
        "Limits: the score only knows what your ledger holds (not the client's payments to other suppliers, nor its accounts). The weights are set from practice, not fitted; a test checks that scores computed six months ago rank clients by their actual delays since (rank correlation 0.75 on the demo data, bound 0.6).",
    ],
    kpi_litigation: "In litigation",
    litigation_count: |n| plural(n, "invoice", "invoices"),
};
