//! The work both speed benchmarks measure: what the aging screen shows with penalties, over a
//! portfolio of 10 000 open invoices, and what the dashboard shows, over 600, 10 000 and
//! 20 000 invoices. The native criterion bench (`benches/aging_penalties.rs`)
//! and the in-browser one (`tests/browser_bench.rs`) include this one file, so their two
//! figures are of the same ledger and the same calls.

use encaisse_domain::analysis::aging::{aging, AgingReport};
use encaisse_domain::analysis::forecast::{cash_in_forecast, CashInForecast};
use encaisse_domain::analysis::kpi::cost::{late_cost, LateCost};
use encaisse_domain::analysis::kpi::{kpis, report, KpiReport, Kpis};
use encaisse_domain::files::demo::{generate, open_invoices_ledger, DemoConfig};
use encaisse_domain::law::penalty::claims::{Claims, PenaltyInputs};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::settings::AgingBounds;
use encaisse_domain::model::timeline::Timeline;
use encaisse_domain::NaiveDate;

pub const OPEN_INVOICES: usize = 10_000;

/// In the last half-year of the built-in rate table: every late invoice finds its rates, so
/// each one's interest is computed rather than set aside as missing a rate.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date")
}

/// The benchmark ledger, checked before anything is timed: a figure for "10 000 open
/// invoices" measured on fewer, or on invoices skipped for a missing rate, would flatter.
pub fn checked_ledger() -> Ledger {
    let ledger = open_invoices_ledger(as_of(), OPEN_INVOICES);
    let open = aging_report(&ledger).invoices.len();
    assert!(
        open >= OPEN_INVOICES,
        "the benchmark needs {OPEN_INVOICES} open invoices, the ledger has {open}"
    );
    let missing = penalty_claims(&ledger).missing_rates.len();
    assert_eq!(
        missing,
        0,
        "{missing} invoices lack a rate as of {}",
        as_of()
    );
    ledger
}

pub fn aging_report(ledger: &Ledger) -> AgingReport {
    aging(ledger, as_of(), &AgingBounds::default())
}

pub fn penalty_claims(ledger: &Ledger) -> Claims {
    PenaltyInputs::new(ledger, as_of()).claims()
}

/// What the aging screen with penalties computes on each display.
pub fn aging_with_penalties(ledger: &Ledger) -> (AgingReport, Claims) {
    (aging_report(ledger), penalty_claims(ledger))
}

/// A portfolio's size as the benchmarks name it, and how to generate it.
pub type Portfolio = (&'static str, fn() -> DemoConfig);

/// The dashboard benchmark's portfolios, by size: the demo a user loads (600 invoices, 40
/// clients), a firm of 10 000 invoices (400 clients) and the largest firm Encaisse is built for
/// (20 000 invoices, 800 clients: `DemoConfig::large_firm`). All over 24 months ending at
/// [`as_of`], from the demo generator.
pub const PORTFOLIOS: [Portfolio; 3] = [
    ("600", DemoConfig::default),
    ("10000", || DemoConfig {
        clients: 400,
        invoices: 10_000,
        ..DemoConfig::default()
    }),
    ("20000", DemoConfig::large_firm),
];

/// A portfolio checked before anything is timed: the dashboard's figures need paid invoices,
/// open ones and late ones alike, in proportion to its size.
pub fn checked_portfolio(config: DemoConfig) -> Ledger {
    let invoices = config.invoices;
    let ledger = generate(as_of(), config);
    assert_eq!(ledger.invoices().len(), invoices);
    let now = kpis(&ledger, as_of());
    // The demo generator's shares, measured: about 12 % open, 10 % paid in the KPI period,
    // 7 % overdue, whatever the size.
    assert!(
        now.open_count > invoices / 20
            && now.paid_count > invoices / 20
            && now.overdue_count > invoices / 20,
        "a portfolio of {invoices} invoices with too few open, paid or overdue ones"
    );
    ledger
}

/// Every KPI as of one date: what each dashboard card shows.
pub fn kpis_today(ledger: &Ledger) -> Kpis {
    kpis(ledger, as_of())
}

/// The whole dashboard: today's KPIs, a month before, the 24-month series and the top ten.
pub fn dashboard(ledger: &Ledger) -> (KpiReport, CashInForecast, LateCost) {
    let timeline = Timeline::new(ledger);
    let settings = &ledger.settings().kpi;
    (
        report(ledger, &timeline, as_of()),
        cash_in_forecast(&timeline, as_of(), settings),
        late_cost(&timeline, as_of(), settings),
    )
}
