//! Receivables KPIs, the cash-in forecast and the cost of late payment, computed from ledgers:
//! the reference's check values reached through real invoices and payments, and properties
//! that hold for any portfolio.

mod support;

use chrono::Datelike;
use encaisse_domain::analysis::forecast::{cash_in_forecast, Expectation, WEEKS};
use encaisse_domain::analysis::kpi::collected::collected_between;
use encaisse_domain::analysis::kpi::cost::late_cost;
use encaisse_domain::analysis::kpi::{kpis, report, series_dates, SERIES_MONTHS};
use encaisse_domain::analysis::prediction::{DelayBasis, PaymentModel};
use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::settings::DsoPeriod;
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::model::timeline::{InvoiceHistory, Timeline};
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A ledger written invoice by invoice, amounts including VAT (no VAT, for round figures).
struct Book {
    ledger: Ledger,
    numbers: usize,
}

impl Book {
    fn new() -> Self {
        Book {
            ledger: Ledger::default(),
            numbers: 0,
        }
    }

    fn client(&mut self, name: &str) -> ClientId {
        self.ledger
            .add_client(support::business(name), d(2020, 1, 1))
    }

    fn invoice(
        &mut self,
        client: ClientId,
        issued: NaiveDate,
        days: u16,
        amount: Decimal,
    ) -> InvoiceId {
        self.numbers += 1;
        self.ledger
            .add_invoice(InvoiceDetails {
                number: format!("F-{}", self.numbers),
                client,
                issue_date: issued,
                terms: PaymentTerms::Net { days },
                net: amount,
                vat: Decimal::ZERO,
                description: String::new(),
                contractual_rate: None,
            })
            .unwrap()
    }

    fn pay(&mut self, client: ClientId, date: NaiveDate, invoice: InvoiceId, amount: Decimal) {
        self.ledger
            .record_payment(PaymentDetails {
                client,
                date,
                amount,
                method: PaymentMethod::Transfer,
                reference: String::new(),
                allocations: vec![Allocation { invoice, amount }],
            })
            .unwrap();
    }
}

/// The reference's countback example as a ledger: 2 500 open at 30 November after sales of
/// 700 in September (200 of it paid), 800 in October and 1 200 in November.
fn countback_example() -> (Book, ClientId) {
    let mut book = Book::new();
    let client = book.client("Durand SARL");
    let september = book.invoice(client, d(2026, 9, 10), 30, dec!(700));
    book.invoice(client, d(2026, 10, 10), 30, dec!(800));
    book.invoice(client, d(2026, 11, 10), 30, dec!(1200));
    book.pay(client, d(2026, 10, 1), september, dec!(200));
    (book, client)
}

#[test]
fn countback_and_accounting_dso_from_a_ledger() {
    // Guards against a DSO walking the wrong months or counting sales outside the period.
    let (book, _) = countback_example();
    let k = kpis(&book.ledger, d(2026, 11, 30));
    assert_eq!(k.dso_receivables, dec!(2500));
    assert_eq!(k.sales, dec!(2700));
    assert_eq!(k.period_start, d(2026, 9, 1));
    assert_eq!(k.period_days, 91);
    assert_eq!(k.countback_dso.round_dp(1), dec!(82.4));
    // 2 500 / 2 700 × 91 days.
    assert_eq!(k.dso.unwrap().round_dp(2), dec!(84.26));
    // Not yet due on 30 Nov: the October invoice (due 9 Nov) is late, November's (due 10 Dec)
    // is current, September's 500 (due 10 Oct) is late.
    assert_eq!(k.overdue, dec!(1300));
    assert_eq!(k.dso_current, dec!(1200));
    assert_eq!(k.best_possible_dso.unwrap().round_dp(2), dec!(40.44));
    assert_eq!(
        k.days_delinquent.unwrap(),
        k.dso.unwrap() - k.best_possible_dso.unwrap()
    );
    assert_eq!(k.overdue_share_count.round_dp(2), dec!(66.67));
    assert_eq!(k.overdue_share_amount, dec!(52));
}

#[test]
fn the_dso_period_is_a_setting() {
    let (mut book, _) = countback_example();
    book.ledger
        .update_settings(|s| s.kpi.dso_period = DsoPeriod::Six);
    let k = kpis(&book.ledger, d(2026, 11, 30));
    assert_eq!(k.period_start, d(2026, 6, 1));
    assert_eq!(k.period_days, 183);
    assert_eq!(k.period_months, 6);
}

#[test]
fn collection_effectiveness_from_a_ledger() {
    // Opening on 31 Aug: nothing. Sales 2 700 over 3 months -> 900 a month. Closing total
    // 2 500, of which 1 200 current: (0 + 900 − 2500) < 0 over (0 + 900 − 1200) < 0: None.
    let (mut book, client) = countback_example();
    let k = kpis(&book.ledger, d(2026, 11, 30));
    assert_eq!(k.opening, Decimal::ZERO);
    assert_eq!(
        k.cei, None,
        "nothing was collectable beyond what is current"
    );
    // An invoice open since August makes the opening balance 3 000.
    book.invoice(client, d(2026, 8, 1), 30, dec!(3000));
    let k = kpis(&book.ledger, d(2026, 11, 30));
    assert_eq!(k.opening, dec!(3000));
    // (3000 + 900 − 5500) / (3000 + 900 − 1200) = −1600 / 2700.
    assert_eq!(k.cei.unwrap().round_dp(1), dec!(-59.3));
}

#[test]
fn days_to_pay_from_a_ledger_match_the_reference() {
    // 100 paid in 10 days and 1 000 paid in 20 days -> weighted 19.1, simple 15.
    let mut book = Book::new();
    let client = book.client("Martin");
    let small = book.invoice(client, d(2026, 10, 1), 30, dec!(100));
    let large = book.invoice(client, d(2026, 10, 1), 15, dec!(1000));
    book.pay(client, d(2026, 10, 11), small, dec!(100));
    book.pay(client, d(2026, 10, 21), large, dec!(1000));
    let k = kpis(&book.ledger, d(2026, 10, 31));
    assert_eq!(k.paid_count, 2);
    let to_pay = k.days_to_pay.unwrap();
    assert_eq!(to_pay.simple, dec!(15));
    assert_eq!(to_pay.weighted.round_dp(1), dec!(19.1));
    // Due 31 Oct (paid 20 days early) and 16 Oct (paid 5 days late).
    let late = k.days_late.unwrap();
    assert_eq!(late.simple, dec!(2.5));
    let signed = k.days_late_signed.unwrap();
    assert_eq!(signed.simple, dec!(-7.5));
    assert_eq!(k.collected_month, dec!(1100));
    assert_eq!(k.collected_quarter, dec!(1100));
    assert_eq!(
        kpis(&book.ledger, d(2026, 11, 1)).collected_month,
        Decimal::ZERO
    );
    assert_eq!(
        kpis(&book.ledger, d(2026, 12, 31)).collected_quarter,
        dec!(1100)
    );
}

#[test]
fn disputed_invoices_leave_dso_only_when_the_setting_says_so() {
    // Guards against the setting changing the outstanding itself, or being ignored.
    let (mut book, _) = countback_example();
    let october = book.ledger.invoices()[1].id;
    book.ledger
        .open_dispute(october, d(2026, 11, 15), "Livraison incomplète".into())
        .unwrap();
    let counted = kpis(&book.ledger, d(2026, 11, 30));
    assert!(counted.counts_disputed);
    assert_eq!(counted.disputed, dec!(800));
    assert_eq!(counted.dso_receivables, dec!(2500));
    book.ledger
        .update_settings(|s| s.kpi.dso_counts_disputed = false);
    let left_out = kpis(&book.ledger, d(2026, 11, 30));
    assert_eq!(left_out.dso_receivables, dec!(1700));
    assert_eq!(left_out.outstanding, dec!(2500));
    assert!(left_out.dso < counted.dso);
}

#[test]
fn the_series_has_a_point_per_month_ending_today() {
    let dates = series_dates(d(2026, 11, 22));
    assert_eq!(dates.len(), SERIES_MONTHS as usize);
    assert_eq!(dates[0], d(2024, 12, 31));
    assert_eq!(dates[22], d(2026, 10, 31));
    assert_eq!(dates[23], d(2026, 11, 22));
    let ledger = generate(d(2026, 11, 22), DemoConfig::default());
    let r = report(&ledger, &Timeline::new(&ledger), d(2026, 11, 22));
    assert_eq!(r.now, kpis(&ledger, d(2026, 11, 22)));
    assert_eq!(r.month_before, kpis(&ledger, d(2026, 10, 22)));
    assert_eq!(r.series[5], kpis(&ledger, dates[5]));
    assert!(r.most_overdue.len() <= 10);
    assert!(r
        .most_overdue
        .windows(2)
        .all(|pair| pair[0].overdue >= pair[1].overdue));
    let overdue_listed: Decimal = r.most_overdue.iter().map(|c| c.overdue).sum();
    assert!(overdue_listed <= r.now.overdue);
}

#[test]
fn payment_dates_follow_the_clients_own_history() {
    // Guards against one model for every client: a slow payer's next invoice must be expected
    // later than a prompt one's.
    let mut book = Book::new();
    let slow = book.client("Lent");
    let prompt = book.client("Ponctuel");
    let new = book.client("Nouveau");
    for month in 1..=3 {
        let a = book.invoice(slow, d(2026, month, 1), 30, dec!(1000));
        book.pay(
            slow,
            d(2026, month, 1) + chrono::Duration::days(50),
            a,
            dec!(1000),
        );
        let b = book.invoice(prompt, d(2026, month, 1), 30, dec!(3000));
        book.pay(
            prompt,
            d(2026, month, 1) + chrono::Duration::days(30),
            b,
            dec!(3000),
        );
    }
    let open_slow = book.invoice(slow, d(2026, 11, 1), 30, dec!(500));
    let open_prompt = book.invoice(prompt, d(2026, 11, 1), 30, dec!(700));
    let open_new = book.invoice(new, d(2026, 11, 1), 30, dec!(900));
    let as_of = d(2026, 11, 5);
    let timeline = Timeline::new(&book.ledger);
    let model = PaymentModel::learn(&timeline, as_of);
    assert_eq!(model.delay_of(slow).days, 20);
    assert_eq!(model.delay_of(slow).basis, DelayBasis::Client { paid: 3 });
    assert_eq!(model.delay_of(prompt).days, 0);
    // The portfolio: (3 × 1000 × 20 + 3 × 3000 × 0) / 12 000 = 5 days.
    assert_eq!(model.delay_of(new).days, 5);
    assert_eq!(model.delay_of(new).basis, DelayBasis::Portfolio);

    let forecast = cash_in_forecast(&timeline, as_of, &book.ledger.settings().kpi);
    let expected = |invoice| {
        forecast
            .lines
            .iter()
            .find(|l| l.invoice == invoice)
            .map(|l| l.expectation)
            .unwrap()
    };
    // Due 1 Dec: + 20 days, + 0, + 5.
    assert!(matches!(expected(open_slow), Expectation::On(date, _) if date == d(2026, 12, 21)));
    assert!(matches!(expected(open_prompt), Expectation::On(date, _) if date == d(2026, 12, 1)));
    assert!(matches!(expected(open_new), Expectation::On(date, _) if date == d(2026, 12, 6)));
    // Monday 2 Nov starts week 0; 1 Dec is in week 4, 6 Dec too, 21 Dec in week 7.
    assert_eq!(forecast.weeks[0].start, d(2026, 11, 2));
    assert_eq!(forecast.weeks[4].expected, dec!(1600));
    assert_eq!(forecast.weeks[7].expected, dec!(500));
    assert_eq!(forecast.total(), dec!(2100));
    // A week's bar leads to its invoices: week 4 holds the prompt and the new client's.
    let week: Vec<InvoiceId> = forecast
        .lines_in_week(forecast.weeks[4].start)
        .map(|l| l.invoice)
        .collect();
    assert_eq!(week, vec![open_prompt, open_new]);
}

#[test]
fn a_month_of_collections_lists_its_invoices_and_the_unallocated_credit() {
    // Guards against a drill-down that does not add up to its bar: part of a payment left as
    // the client's credit, and a payment split over two invoices.
    let mut book = Book::new();
    let client = book.client("Client");
    let other = book.client("Autre");
    let a = book.invoice(client, d(2026, 9, 1), 30, dec!(1000));
    let b = book.invoice(client, d(2026, 9, 15), 30, dec!(500));
    let c = book.invoice(other, d(2026, 9, 20), 30, dec!(300));
    book.pay(client, d(2026, 9, 30), a, dec!(400)); // September: not in October's bar.
    book.ledger
        .record_payment(PaymentDetails {
            client,
            date: d(2026, 10, 12),
            amount: dec!(1200),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: vec![
                Allocation {
                    invoice: a,
                    amount: dec!(600),
                },
                Allocation {
                    invoice: b,
                    amount: dec!(500),
                },
            ],
        })
        .unwrap();
    book.pay(other, d(2026, 10, 31), c, dec!(300));
    let october = collected_between(&book.ledger, d(2026, 10, 1), d(2026, 10, 31));
    let lines: Vec<(InvoiceId, Decimal)> = october
        .invoices
        .iter()
        .map(|l| (l.invoice, l.amount))
        .collect();
    // The most recently paid first.
    assert_eq!(lines, vec![(c, dec!(300)), (a, dec!(600)), (b, dec!(500))]);
    assert_eq!(october.unallocated, vec![(client, dec!(100))]);
    assert_eq!(october.total(), dec!(1500));
    let timeline = Timeline::new(&book.ledger);
    assert_eq!(
        october.total(),
        timeline.received(d(2026, 10, 1), d(2026, 10, 31))
    );
}

#[test]
fn overdue_and_disputed_amounts_are_shown_apart_and_the_alert_fires() {
    // The client has paid nothing yet, so its usual delay is the terms' (0 days): the invoice
    // due 1 October is late beyond it and stays out of the weeks.
    let mut book = Book::new();
    let client = book.client("Client");
    book.invoice(client, d(2026, 9, 1), 30, dec!(400));
    let disputed = book.invoice(client, d(2026, 11, 1), 30, dec!(250));
    book.invoice(client, d(2026, 11, 20), 30, dec!(1000));
    book.ledger
        .open_dispute(disputed, d(2026, 11, 10), "Prix".into())
        .unwrap();
    book.ledger.update_settings(|s| {
        s.kpi.cash_alert = Some(dec!(2000));
        s.kpi.cash_alert_weeks = 8;
    });
    let as_of = d(2026, 11, 22);
    let timeline = Timeline::new(&book.ledger);
    let forecast = cash_in_forecast(&timeline, as_of, &book.ledger.settings().kpi);
    assert_eq!(forecast.overdue_unexpected, dec!(400));
    assert_eq!(forecast.disputed, dec!(250));
    assert_eq!(forecast.expected_within(WEEKS), dec!(1000));
    let alert = forecast
        .alert
        .expect("1 000 expected in 8 weeks is under 2 000");
    assert_eq!(alert.expected, dec!(1000));
    assert_eq!(alert.weeks, 8);
    book.ledger
        .update_settings(|s| s.kpi.cash_alert = Some(dec!(900)));
    let forecast = cash_in_forecast(
        &Timeline::new(&book.ledger),
        as_of,
        &book.ledger.settings().kpi,
    );
    assert_eq!(forecast.alert, None);
}

/// A slow payer (45 days beyond terms on each of its three paid invoices) with four open
/// invoices at Sunday 22 November 2026, whose forecast starts on Monday 16 November.
struct SlowPayer {
    book: Book,
    /// Due 31 October, expected 15 December: overdue but within the usual delay.
    within: InvoiceId,
    /// Due 8 October, expected 22 November, the as-of date itself.
    today: InvoiceId,
    /// Due 31 August, expected 15 October: late beyond the usual delay.
    beyond: InvoiceId,
    /// Due 14 November, in dispute since 20 November.
    disputed: InvoiceId,
}

fn slow_payer() -> SlowPayer {
    let mut book = Book::new();
    let slow = book.client("Lent");
    for month in 1..=3 {
        let paid = book.invoice(slow, d(2026, month, 1), 30, dec!(1000));
        book.pay(
            slow,
            d(2026, month, 1) + chrono::Duration::days(75),
            paid,
            dec!(1000),
        );
    }
    let within = book.invoice(slow, d(2026, 10, 1), 30, dec!(600));
    let today = book.invoice(slow, d(2026, 9, 8), 30, dec!(300));
    let beyond = book.invoice(slow, d(2026, 8, 1), 30, dec!(400));
    let disputed = book.invoice(slow, d(2026, 10, 15), 30, dec!(250));
    book.ledger
        .open_dispute(disputed, d(2026, 11, 20), "Prix".into())
        .unwrap();
    SlowPayer {
        book,
        within,
        today,
        beyond,
        disputed,
    }
}

/// The invoice's history in the timeline.
fn history_in<'a>(timeline: &'a Timeline<'a>, invoice: InvoiceId) -> &'a InvoiceHistory<'a> {
    timeline
        .invoices
        .iter()
        .find(|h| h.invoice.id == invoice)
        .expect("the invoice is in the ledger")
}

#[test]
fn an_overdue_invoice_within_its_clients_usual_delay_is_forecast_in_its_week() {
    // Guards against the forecast and the client page giving two answers: the client page
    // showed "expected 15/12/2026" for an invoice of a client who pays 45 days late, while the
    // forecast put it apart as "already overdue" instead of in the week of 14 December.
    let p = slow_payer();
    let as_of = d(2026, 11, 22);
    let timeline = Timeline::new(&p.book.ledger);
    let model = PaymentModel::learn(&timeline, as_of);
    let forecast = cash_in_forecast(&timeline, as_of, &p.book.ledger.settings().kpi);
    let history = |invoice| history_in(&timeline, invoice);
    let line = |invoice| {
        forecast
            .lines
            .iter()
            .find(|l| l.invoice == invoice)
            .unwrap()
            .expectation
    };
    assert_eq!(
        model
            .delay_of(p.book.ledger.invoice(p.within).unwrap().details.client)
            .days,
        45
    );
    // The client page's function and the forecast's line say the same day.
    let shown = model.expectation(history(p.within), as_of);
    assert!(matches!(shown, Expectation::On(date, _) if date == d(2026, 12, 15)));
    assert_eq!(line(p.within), shown);
    assert_eq!(forecast.weeks[4].start, d(2026, 12, 14));
    assert_eq!(forecast.weeks[4].expected, dec!(600));
    let week: Vec<InvoiceId> = forecast
        .lines_in_week(d(2026, 12, 14))
        .map(|l| l.invoice)
        .collect();
    assert_eq!(week, vec![p.within]);
    // Expected on the as-of date itself: still within the delay, so in the first week.
    let shown = model.expectation(history(p.today), as_of);
    assert!(matches!(shown, Expectation::On(date, _) if date == as_of));
    assert_eq!(line(p.today), shown);
    assert_eq!(forecast.weeks[0].expected, dec!(300));
    assert_eq!(forecast.total(), dec!(1550));
}

#[test]
fn an_invoice_late_beyond_its_clients_usual_delay_is_apart_on_both_screens() {
    // Guards against an overdue invoice whose expected day has passed getting an empty cell
    // on the client page while the forecast sets it apart: both now say "overdue beyond the
    // usual delay", and only that amount is in the apart bucket.
    let p = slow_payer();
    let as_of = d(2026, 11, 22);
    let timeline = Timeline::new(&p.book.ledger);
    let model = PaymentModel::learn(&timeline, as_of);
    let forecast = cash_in_forecast(&timeline, as_of, &p.book.ledger.settings().kpi);
    let history = history_in(&timeline, p.beyond);
    assert_eq!(model.expectation(history, as_of), Expectation::Overdue);
    assert_eq!(forecast.overdue_unexpected, dec!(400));
    assert!(forecast
        .lines
        .iter()
        .any(|l| l.invoice == p.beyond && l.expectation == Expectation::Overdue));
    // The same invoice a day before its expected date was still forecast, on that day.
    let before = d(2026, 10, 14);
    let earlier = PaymentModel::learn(&timeline, before);
    assert!(matches!(
        earlier.expectation(history, before),
        Expectation::On(date, _) if date == d(2026, 10, 15)
    ));
}

#[test]
fn a_disputed_invoice_is_disputed_on_both_screens() {
    // Guards against a disputed invoice being given a date on the client page (or placed in a
    // week) because its client's delay would allow it: a dispute has no date to plan on.
    let p = slow_payer();
    let as_of = d(2026, 11, 22);
    let timeline = Timeline::new(&p.book.ledger);
    let model = PaymentModel::learn(&timeline, as_of);
    let forecast = cash_in_forecast(&timeline, as_of, &p.book.ledger.settings().kpi);
    let history = history_in(&timeline, p.disputed);
    assert_eq!(model.expectation(history, as_of), Expectation::Disputed);
    assert_eq!(forecast.disputed, dec!(250));
    // Before the dispute opened, it was expected 45 days after its due date.
    let before = d(2026, 11, 19);
    assert!(matches!(
        PaymentModel::learn(&timeline, before).expectation(history, before),
        Expectation::On(date, _) if date == d(2026, 12, 29)
    ));
}

#[test]
fn the_cost_of_late_payment_in_money_and_hours() {
    let mut book = Book::new();
    let client = book.client("Client");
    // 3 650 overdue for 20 days at 10 % a year: 3650 × 0.10 × 20 / 365 = 20 €.
    book.invoice(client, d(2026, 10, 1), 30, dec!(3650));
    // Paid 5 days late in the last twelve months, and one paid on time.
    let late = book.invoice(client, d(2026, 3, 1), 30, dec!(100));
    book.pay(client, d(2026, 4, 5), late, dec!(100));
    let on_time = book.invoice(client, d(2026, 3, 1), 30, dec!(100));
    book.pay(client, d(2026, 3, 20), on_time, dec!(100));
    book.ledger.update_settings(|s| {
        s.kpi.financing_rate = dec!(10);
        s.kpi.hourly_cost = Some(dec!(50));
    });
    let timeline = Timeline::new(&book.ledger);
    let cost = late_cost(&timeline, d(2026, 11, 20), &book.ledger.settings().kpi);
    assert_eq!(cost.overdue, dec!(3650));
    assert_eq!(cost.financing_to_date, dec!(20.00));
    assert_eq!(cost.financing_per_month, dec!(30.42));
    assert_eq!(cost.late_invoices, 2);
    assert_eq!(cost.chasing_hours, dec!(7.0));
    assert_eq!(cost.chasing_cost, Some(dec!(350.00)));
}

#[test]
fn an_empty_ledger_has_zero_dso_and_nothing_overdue() {
    // The issue's property on its one input: no invoice, no days, no shares.
    let k = kpis(&Ledger::default(), d(2026, 11, 22));
    assert_eq!(k.dso, Some(Decimal::ZERO));
    assert_eq!(k.countback_dso, Decimal::ZERO);
    assert_eq!(k.best_possible_dso, Some(Decimal::ZERO));
    assert_eq!(k.overdue_share_amount, Decimal::ZERO);
    assert_eq!(k.overdue_share_count, Decimal::ZERO);
    assert_eq!(k.days_to_pay, None);
    assert_eq!(k.cei, None);
}

fn today() -> NaiveDate {
    d(2026, 11, 22)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn kpis_stay_within_their_bounds(seed in any::<u64>(), days_back in 0i64..900, period in 0usize..3) {
        // Guards against shares above 100 %, negative DSO, or a countback longer than the
        // months it walked, on any portfolio at any date.
        let mut ledger = generate(today(), DemoConfig { clients: 10, invoices: 120, seed, ..DemoConfig::default() });
        ledger.update_settings(|s| s.kpi.dso_period = DsoPeriod::ALL[period]);
        let as_of = today() - chrono::Duration::days(days_back);
        let k = kpis(&ledger, as_of);
        let hundred = Decimal::ONE_HUNDRED;
        prop_assert!((Decimal::ZERO..=hundred).contains(&k.overdue_share_amount));
        prop_assert!((Decimal::ZERO..=hundred).contains(&k.overdue_share_count));
        prop_assert!(k.countback_dso >= Decimal::ZERO);
        prop_assert!(k.countback_dso <= Decimal::from(k.period_days));
        prop_assert!(k.dso.is_none_or(|dso| dso >= Decimal::ZERO));
        prop_assert!(k.best_possible_dso.is_none_or(|b| k.dso.is_some_and(|dso| b <= dso)));
        prop_assert!(k.overdue <= k.outstanding);
        prop_assert!(k.dso_current <= k.dso_receivables);
        // The forecast places every open invoice somewhere, once.
        let timeline = Timeline::new(&ledger);
        let forecast = cash_in_forecast(&timeline, as_of, &ledger.settings().kpi);
        prop_assert_eq!(forecast.total(), k.outstanding);
        prop_assert_eq!(forecast.lines.len(), k.open_count);
        // Every line is what the client page's function says of that invoice: one rule, so
        // the two screens cannot disagree (the bug: they used two).
        let model = PaymentModel::learn(&timeline, as_of);
        for line in &forecast.lines {
            let history = timeline.invoices.iter().find(|h| h.invoice.id == line.invoice).unwrap();
            prop_assert_eq!(model.expectation(history, as_of), line.expectation);
            if let Expectation::On(date, _) = line.expectation {
                prop_assert!(date >= as_of);
            }
        }
        // Each week's bar is the sum of the invoices its drill-down lists.
        for week in &forecast.weeks {
            let listed: Decimal = forecast.lines_in_week(week.start).map(|l| l.open).sum();
            prop_assert_eq!(listed, week.expected);
            prop_assert_eq!(forecast.lines_in_week(week.start).count(), week.invoices);
        }
        // So is each month's bar of collections.
        let month_start = as_of.with_day(1).unwrap();
        let collected = collected_between(&ledger, month_start, as_of);
        prop_assert_eq!(collected.total(), k.collected_month);
    }

    #[test]
    fn an_empty_ledger_has_zero_dso_on_any_date_and_period(days in 0i64..20_000, period in 0usize..3) {
        let mut ledger = Ledger::default();
        ledger.update_settings(|s| s.kpi.dso_period = DsoPeriod::ALL[period]);
        let k = kpis(&ledger, d(2000, 1, 1) + chrono::Duration::days(days));
        prop_assert_eq!(k.dso, Some(Decimal::ZERO));
        prop_assert_eq!(k.countback_dso, Decimal::ZERO);
        prop_assert_eq!(k.overdue_share_amount, Decimal::ZERO);
    }
}
