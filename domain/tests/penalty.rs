//! Late-payment penalties: the law's examples, its edges, and properties that always hold.

use encaisse_domain::law::penalty::rates::{MissingRate, RateTable};
use encaisse_domain::law::penalty::{penalties, LateInvoice, NoInterest, RateSource};
use encaisse_domain::model::client::ClientKind;
use encaisse_domain::model::settings::HalfYear;
use encaisse_domain::model::settings::{HalfYearRule, PenaltySettings};
use encaisse_domain::{Decimal, NaiveDate};
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn business(amount: Decimal, due: NaiveDate, until: NaiveDate) -> LateInvoice {
    LateInvoice {
        amount,
        due_date: due,
        until,
        settlements: Vec::new(),
        client_kind: ClientKind::Business,
        contractual_rate: None,
        formal_notice: None,
    }
}

fn split() -> PenaltySettings {
    PenaltySettings::default()
}

#[test]
fn the_calculator_example() {
    // 15 000 € due 15 April 2018, paid 15 May 2018, contract rate 15 %: 30 days.
    let case = LateInvoice {
        contractual_rate: Some(dec!(15)),
        ..business(dec!(15000), d(2018, 4, 15), d(2018, 5, 15))
    };
    let result = penalties(&case, &RateTable::default(), &split()).unwrap();
    assert_eq!(result.days_late, 30);
    assert_eq!(result.periods.len(), 1);
    assert_eq!(result.periods[0].source, RateSource::Contractual);
    assert_eq!(result.interest, dec!(184.93), "15000 × 15 % × 30 / 365");
    assert_eq!(result.indemnity, dec!(40));
    assert_eq!(result.total, dec!(224.93));
}

#[test]
fn a_contract_rate_below_three_times_the_legal_rate_is_raised() {
    // The reference's check: 2024 S1 default 14.50 %, but a 12 % clause yields 15.21 %.
    let table = RateTable::default();
    let default = penalties(
        &business(dec!(1000), d(2024, 2, 1), d(2024, 3, 2)),
        &table,
        &split(),
    )
    .unwrap();
    assert_eq!(default.periods[0].rate, dec!(14.50));
    assert_eq!(
        default.periods[0].source,
        RateSource::EcbPlusTen { ecb: dec!(4.50) }
    );
    let contract = LateInvoice {
        contractual_rate: Some(dec!(12)),
        ..business(dec!(1000), d(2024, 2, 1), d(2024, 3, 2))
    };
    let raised = penalties(&contract, &table, &split()).unwrap();
    assert_eq!(raised.periods[0].rate, dec!(15.21));
    assert_eq!(
        raised.periods[0].source,
        RateSource::RaisedToFloor {
            agreed: dec!(12),
            legal: dec!(5.07)
        }
    );
}

#[test]
fn paid_on_the_due_date_owes_nothing_and_the_day_after_one_day() {
    // Guards against counting the due date itself as a day late.
    let table = RateTable::default();
    let on_time = penalties(
        &business(dec!(1000), d(2025, 3, 31), d(2025, 3, 31)),
        &table,
        &split(),
    )
    .unwrap();
    assert_eq!((on_time.days_late, on_time.total), (0, dec!(0)));
    let next_day = penalties(
        &business(dec!(1000), d(2025, 3, 31), d(2025, 4, 1)),
        &table,
        &split(),
    )
    .unwrap();
    assert_eq!(next_day.days_late, 1);
    assert_eq!(next_day.periods[0].days, 1);
    assert_eq!(
        next_day.interest,
        dec!(0.36),
        "1000 × 13.15 % / 365 = 0.3603"
    );
    assert_eq!(next_day.indemnity, dec!(40));
}

#[test]
fn a_delay_across_1_january_is_split_or_frozen() {
    let table = RateTable::default();
    let case = business(dec!(10000), d(2023, 12, 15), d(2024, 1, 14));
    let split_result = penalties(&case, &table, &split()).unwrap();
    let days: Vec<(i64, Decimal)> = split_result
        .periods
        .iter()
        .map(|p| (p.days, p.rate))
        .collect();
    assert_eq!(days, vec![(16, dec!(14.00)), (14, dec!(14.50))]);
    // 10000 × (0.14 × 16 + 0.145 × 14) / 365 = 42 700 / 365 = 116.986…
    assert_eq!(split_result.interest, dec!(116.99));
    let frozen = penalties(
        &case,
        &table,
        &PenaltySettings {
            half_year_rule: HalfYearRule::Frozen,
            ..split()
        },
    )
    .unwrap();
    assert_eq!(frozen.periods.len(), 1);
    assert_eq!(
        (frozen.periods[0].days, frozen.periods[0].rate),
        (30, dec!(14.00))
    );
    assert_eq!(frozen.interest, dec!(115.07));
}

#[test]
fn a_delay_across_1_july_is_split() {
    let result = penalties(
        &business(dec!(5000), d(2025, 6, 20), d(2025, 7, 10)),
        &RateTable::default(),
        &split(),
    )
    .unwrap();
    let days: Vec<(NaiveDate, NaiveDate, i64, Decimal)> = result
        .periods
        .iter()
        .map(|p| (p.from, p.to, p.days, p.rate))
        .collect();
    assert_eq!(
        days,
        vec![
            (d(2025, 6, 21), d(2025, 6, 30), 10, dec!(13.15)),
            (d(2025, 7, 1), d(2025, 7, 10), 10, dec!(12.15))
        ]
    );
}

#[test]
fn a_leap_day_is_a_day_late_on_a_365_day_year() {
    let result = penalties(
        &business(dec!(36500), d(2024, 2, 28), d(2024, 3, 1)),
        &RateTable::default(),
        &split(),
    )
    .unwrap();
    assert_eq!(result.days_late, 2);
    assert_eq!(result.interest, dec!(29.00), "36500 × 14.5 % × 2 / 365");
}

#[test]
fn a_missing_half_year_is_an_error_not_zero() {
    // Guards against penalties silently computed at 0 % once the table runs out.
    let result = penalties(
        &business(dec!(1000), d(2026, 6, 15), d(2026, 7, 15)),
        &RateTable::default(),
        &split(),
    );
    assert_eq!(
        result,
        Err(MissingRate::Ecb(HalfYear {
            year: 2026,
            half: 2
        }))
    );
}

#[test]
fn a_partial_payment_stops_interest_on_what_it_paid() {
    let case = LateInvoice {
        settlements: vec![(d(2024, 2, 10), dec!(600))],
        ..business(dec!(1000), d(2024, 1, 31), d(2024, 3, 1))
    };
    let result = penalties(&case, &RateTable::default(), &split()).unwrap();
    let shape: Vec<(i64, Decimal)> = result.periods.iter().map(|p| (p.days, p.base)).collect();
    assert_eq!(shape, vec![(10, dec!(1000)), (20, dec!(400))]);
    assert_eq!(
        result.indemnity,
        dec!(40),
        "the indemnity stays whole after a partial payment"
    );
}

#[test]
fn private_individuals_owe_interest_only_after_a_formal_notice_and_no_indemnity() {
    let table = RateTable::default();
    let no_notice = LateInvoice {
        client_kind: ClientKind::Individual,
        ..business(dec!(1000), d(2025, 1, 31), d(2025, 4, 30))
    };
    let result = penalties(&no_notice, &table, &split()).unwrap();
    assert_eq!((result.interest, result.indemnity), (dec!(0), dec!(0)));
    assert_eq!(result.no_interest_because, Some(NoInterest::NoFormalNotice));

    let noticed = LateInvoice {
        formal_notice: Some(d(2025, 3, 31)),
        ..no_notice.clone()
    };
    let result = penalties(&noticed, &table, &split()).unwrap();
    assert_eq!(result.periods.len(), 1);
    assert_eq!(
        (result.periods[0].from, result.periods[0].days),
        (d(2025, 4, 1), 30)
    );
    assert_eq!(
        (result.periods[0].rate, result.periods[0].source),
        (dec!(3.71), RateSource::Legal)
    );
    assert_eq!(result.indemnity, dec!(0));

    // Noticed on the day computed for: interest has not started, though much is owed (it
    // read "everything was settled", found in review).
    let noticed_today = LateInvoice {
        formal_notice: Some(d(2025, 4, 30)),
        ..no_notice
    };
    let result = penalties(&noticed_today, &table, &split()).unwrap();
    assert_eq!(result.interest, dec!(0));
    assert_eq!(
        result.no_interest_because,
        Some(NoInterest::NotYetRunning {
            from: d(2025, 4, 30)
        })
    );
}

fn any_business_case() -> impl Strategy<Value = (LateInvoice, i64)> {
    (
        1i64..10_000_000,
        0i64..3000,
        0i64..800,
        prop::option::of(0i64..2500),
    )
        .prop_map(|(cents, due_offset, late, rate)| {
            let due = d(2015, 1, 1) + chrono::Duration::days(due_offset);
            let case = LateInvoice {
                contractual_rate: rate.map(|r| Decimal::new(r, 2)),
                ..business(
                    Decimal::new(cents, 2),
                    due,
                    due + chrono::Duration::days(late),
                )
            };
            (case, late)
        })
}

proptest! {
    #[test]
    fn interest_never_decreases_with_the_payment_date((case, _) in any_business_case(), more in 0i64..200) {
        let table = RateTable::default();
        let later = LateInvoice { until: case.until + chrono::Duration::days(more), ..case.clone() };
        prop_assume!(later.until < d(2026, 7, 1));
        let a = penalties(&case, &table, &split()).unwrap();
        let b = penalties(&later, &table, &split()).unwrap();
        prop_assert!(b.interest >= a.interest && b.total >= a.total);
    }

    #[test]
    fn a_split_delay_equals_the_sum_of_its_parts((case, late) in any_business_case(), cut in 0i64..800) {
        // Guards against interest lost or counted twice at a half-year boundary.
        prop_assume!(case.until < d(2026, 7, 1) && cut <= late);
        let table = RateTable::default();
        let middle = case.due_date + chrono::Duration::days(cut);
        let whole = penalties(&case, &table, &split()).unwrap();
        let first = penalties(&LateInvoice { until: middle, ..case.clone() }, &table, &split()).unwrap();
        let second = penalties(&LateInvoice { due_date: middle, ..case.clone() }, &table, &split()).unwrap();
        let sum = |r: &encaisse_domain::law::penalty::PenaltyBreakdown| r.periods.iter().map(|p| p.product()).sum::<Decimal>();
        prop_assert_eq!(sum(&whole), sum(&first) + sum(&second));
        prop_assert_eq!(whole.days_late, first.days_late + second.days_late);
    }

    #[test]
    fn on_time_owes_nothing((case, _) in any_business_case(), early in 0i64..100) {
        let on_time = LateInvoice { until: case.due_date - chrono::Duration::days(early), ..case };
        let result = penalties(&on_time, &RateTable::default(), &split()).unwrap();
        prop_assert_eq!(result.total, Decimal::ZERO);
        prop_assert!(result.periods.is_empty());
    }
}

mod ledger_claims {
    use super::*;
    use encaisse_domain::law::penalty::claims::PenaltyInputs;
    use encaisse_domain::model::client::ClientForm;
    use encaisse_domain::model::invoice::InvoiceDetails;
    use encaisse_domain::model::ledger::Ledger;
    use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
    use encaisse_domain::model::settings::HalfYearRates;
    use encaisse_domain::model::terms::PaymentTerms;
    use encaisse_domain::model::timeline::Timeline;

    /// An invoice issued on 1 January 2024, due 30 days later, with 20 % VAT.
    fn january_invoice(
        number: &str,
        client: encaisse_domain::values::ids::ClientId,
        net: Decimal,
    ) -> InvoiceDetails {
        InvoiceDetails {
            number: number.into(),
            client,
            issue_date: d(2024, 1, 1),
            terms: PaymentTerms::Net { days: 30 },
            net,
            vat: net / dec!(5),
            description: String::new(),
            contractual_rate: None,
        }
    }

    fn ledger_with(kind: ClientKind) -> (Ledger, encaisse_domain::values::ids::InvoiceId) {
        let mut ledger = Ledger::default();
        let details = ClientForm {
            name: "Client".into(),
            kind,
            ..ClientForm::default()
        }
        .validate()
        .unwrap();
        let client = ledger.add_client(details, d(2023, 1, 1));
        let invoice = ledger
            .add_invoice(january_invoice("F-1", client, dec!(1000)))
            .unwrap();
        ledger
            .record_payment(PaymentDetails {
                client,
                date: d(2024, 3, 1),
                amount: dec!(1200),
                method: PaymentMethod::Transfer,
                reference: String::new(),
                allocations: vec![Allocation {
                    invoice,
                    amount: dec!(1200),
                }],
            })
            .unwrap();
        (ledger, invoice)
    }

    #[test]
    fn an_invoice_paid_late_still_owes_its_penalties() {
        // Guards against penalties vanishing once the principal is paid.
        let (ledger, id) = ledger_with(ClientKind::Business);
        let inputs = PenaltyInputs::new(&ledger, d(2024, 6, 1));
        let breakdown = inputs
            .for_invoice(ledger.invoice(id).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(
            breakdown.days_late, 30,
            "31 January to 1 March: interest stops when paid"
        );
        assert_eq!(breakdown.interest, dec!(14.30), "1200 × 14.5 % × 30 / 365");
        let claims = inputs.claims();
        assert_eq!(claims.total.total(), dec!(54.30));
        // Before it fell due, nothing.
        assert!(PenaltyInputs::new(&ledger, d(2024, 1, 31))
            .for_invoice(ledger.invoice(id).unwrap())
            .is_none());
    }

    #[test]
    fn claims_on_a_shared_timeline_ignore_what_came_after_their_date() {
        // Guards against the dashboard's month-end claims, all read from one timeline of
        // today's ledger, counting a payment or a write-off made after that month's end.
        let (mut ledger, id) = ledger_with(ClientKind::Business);
        let timeline = Timeline::new(&ledger);
        // On 29 February the payment of 1 March had not come: 29 days of interest, still running.
        let before = PenaltyInputs::on(&ledger, &timeline, d(2024, 2, 29));
        let breakdown = before
            .for_invoice(ledger.invoice(id).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(breakdown.days_late, 29);
        assert_eq!(
            before.claims(),
            PenaltyInputs::new(&ledger, d(2024, 2, 29)).claims()
        );
        // A second invoice, written off on 1 June: as of 31 May it still owes penalties.
        let client = ledger.invoice(id).unwrap().details.client;
        let second = ledger
            .add_invoice(january_invoice("F-2", client, dec!(500)))
            .unwrap();
        ledger
            .write_off(second, d(2024, 6, 1), String::new())
            .unwrap();
        let timeline = Timeline::new(&ledger);
        let may = PenaltyInputs::on(&ledger, &timeline, d(2024, 5, 31));
        assert!(may.for_invoice(ledger.invoice(second).unwrap()).is_some());
        let june = PenaltyInputs::on(&ledger, &timeline, d(2024, 6, 1));
        assert!(june.for_invoice(ledger.invoice(second).unwrap()).is_none());
        assert_eq!(
            june.claims().total.invoices,
            1,
            "only the first invoice, paid late"
        );
    }

    #[test]
    fn a_private_individual_owes_interest_from_the_notice_only() {
        let (mut ledger, id) = ledger_with(ClientKind::Individual);
        let inputs = PenaltyInputs::new(&ledger, d(2024, 6, 1));
        assert_eq!(inputs.claims().total.total(), dec!(0));
        ledger.record_formal_notice(id, d(2024, 2, 20)).unwrap();
        let breakdown = PenaltyInputs::new(&ledger, d(2024, 6, 1))
            .for_invoice(ledger.invoice(id).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(breakdown.periods[0].days, 10);
        assert_eq!(breakdown.indemnity, dec!(0));
    }

    #[test]
    fn a_rate_entered_in_the_settings_fills_the_table() {
        // Guards against a half-year the user added not being used.
        let (mut ledger, id) = ledger_with(ClientKind::Business);
        let half = HalfYear {
            year: 2024,
            half: 1,
        };
        ledger.update_settings(|s| {
            s.set_rates(
                half,
                HalfYearRates {
                    ecb: Some(dec!(5)),
                    ..RateTable::default().get(half)
                },
            )
        });
        let breakdown = PenaltyInputs::new(&ledger, d(2024, 6, 1))
            .for_invoice(ledger.invoice(id).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(breakdown.periods[0].rate, dec!(15));
    }
}

#[test]
fn paid_in_full_on_time_then_credited_owes_nothing() {
    // Guards against the 40 € and "30 days late" charged on an invoice paid before its due
    // date, because a credit note came after it.
    let mut case = business(dec!(1200), d(2024, 1, 31), d(2024, 3, 1));
    case.settlements = vec![(d(2024, 1, 20), dec!(1200)), (d(2024, 3, 1), dec!(200))];
    let breakdown = penalties(&case, &RateTable::default(), &split()).unwrap();
    assert_eq!(breakdown.days_late, 0);
    assert_eq!(breakdown.total, Decimal::ZERO);
}

#[test]
fn a_private_individual_owes_the_legal_rate_whatever_the_contract_says() {
    // Guards against a contractual 20 % applied to a consumer, who owes the taux légal.
    let mut case = business(dec!(1000), d(2024, 1, 31), d(2024, 3, 1));
    case.client_kind = ClientKind::Individual;
    case.formal_notice = Some(d(2024, 2, 10));
    case.contractual_rate = Some(dec!(20));
    let with_contract = penalties(&case, &RateTable::default(), &split()).unwrap();
    case.contractual_rate = None;
    let without = penalties(&case, &RateTable::default(), &split()).unwrap();
    assert_eq!(with_contract, without);
    assert_eq!(with_contract.indemnity, Decimal::ZERO);
}

#[test]
fn an_absurd_amount_is_refused_not_computed() {
    // Guards against a hand-edited calculator link whose amount overflows the computation
    // and kills the page.
    use encaisse_domain::values::money::parse_positive_amount;
    use encaisse_domain::values::problem::Problem;
    assert_eq!(
        parse_positive_amount("99999999999999999999999999"),
        Err(Problem::AmountTooLarge)
    );
    assert!(parse_positive_amount("1000000000000").is_ok());
    let case = business(dec!(1000000000000), d(2016, 1, 31), d(2025, 3, 1));
    assert!(penalties(&case, &RateTable::default(), &split()).is_ok());
}
