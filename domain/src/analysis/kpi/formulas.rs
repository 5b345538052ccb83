//! The KPI formulas themselves, on plain figures, as written in the reference
//! (`shared/reference/receivables-kpis.md`); [`super::kpis`] gathers the figures from a ledger.
//!
//! Results keep full precision; the screens round them for display.

use rust_decimal::Decimal;

/// `part / whole × 100`, and 0 when there is no whole (an empty ledger has nothing overdue).
pub fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        part / whole * Decimal::ONE_HUNDRED
    }
}

/// DSO by the accounting method: `receivables / sales × days`. Nothing owed is 0 days; money
/// owed after a period with no sales has no meaningful DSO (None).
pub fn dso_accounting(receivables: Decimal, sales: Decimal, days: u32) -> Option<Decimal> {
    if receivables <= Decimal::ZERO {
        Some(Decimal::ZERO)
    } else if sales <= Decimal::ZERO {
        None
    } else {
        Some(receivables / sales * Decimal::from(days))
    }
}

/// One month walked back by the countback method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthSales {
    pub days: u32,
    pub sales: Decimal,
}

/// DSO by countback (méthode par épuisement), walking the months newest first: a month whose
/// sales the receivables still cover adds all its days; the last one adds its share. What the
/// walked months do not exhaust counts as their full length: the result never exceeds the
/// period walked.
pub fn dso_countback(receivables: Decimal, months: &[MonthSales]) -> Decimal {
    let mut remaining = receivables;
    let mut days = Decimal::ZERO;
    for month in months {
        if remaining <= Decimal::ZERO {
            break;
        }
        let month_days = Decimal::from(month.days);
        if month.sales <= remaining {
            remaining -= month.sales.max(Decimal::ZERO);
            days += month_days;
        } else {
            days += remaining / month.sales * month_days;
            remaining = Decimal::ZERO;
        }
    }
    days
}

/// Average Days Delinquent: `DSO − Best Possible DSO`, the days lost to late payment.
pub fn days_delinquent(dso: Option<Decimal>, best_possible: Option<Decimal>) -> Option<Decimal> {
    Some(dso? - best_possible?)
}

/// Collection Effectiveness Index (Credit Research Foundation), in percent:
/// `(opening + sales/N − closing total) / (opening + sales/N − closing current) × 100`.
/// None when the denominator is not positive (nothing was collectable).
pub fn collection_effectiveness(
    opening: Decimal,
    monthly_sales: Decimal,
    closing_total: Decimal,
    closing_current: Decimal,
) -> Option<Decimal> {
    let collectable = opening + monthly_sales - closing_current;
    (collectable > Decimal::ZERO)
        .then(|| (opening + monthly_sales - closing_total) / collectable * Decimal::ONE_HUNDRED)
}

/// One paid invoice for the payment-delay averages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaidInvoice {
    pub amount: Decimal,
    /// From the issue date (days to pay) or from the due date (days late) to the payment.
    pub days: i64,
}

/// Simple and amount-weighted means of the days; None without any invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaysAverage {
    pub simple: Decimal,
    pub weighted: Decimal,
}

pub fn average_days(paid: &[PaidInvoice]) -> Option<DaysAverage> {
    if paid.is_empty() {
        return None;
    }
    let count = Decimal::from(paid.len());
    let days: Decimal = paid.iter().map(|p| Decimal::from(p.days)).sum();
    let amount: Decimal = paid.iter().map(|p| p.amount).sum();
    let weighted_days: Decimal = paid.iter().map(|p| p.amount * Decimal::from(p.days)).sum();
    Some(DaysAverage {
        simple: days / count,
        weighted: if amount.is_zero() {
            days / count
        } else {
            weighted_days / amount
        },
    })
}

#[cfg(test)]
mod tests {
    //! Each formula against the reference's published check values.
    use super::*;
    use rust_decimal_macros::dec;

    fn one_decimal(value: Decimal) -> Decimal {
        value.round_dp(1)
    }

    #[test]
    fn accounting_dso_matches_the_reference() {
        // 30 000 receivables, 60 000 sales over 90 days -> 45 days.
        assert_eq!(dso_accounting(dec!(30000), dec!(60000), 90), Some(dec!(45)));
    }

    #[test]
    fn accounting_dso_without_sales_is_not_a_number() {
        // Guards against dividing by zero, or showing 0 days while money is owed.
        assert_eq!(dso_accounting(dec!(500), Decimal::ZERO, 90), None);
        assert_eq!(
            dso_accounting(Decimal::ZERO, Decimal::ZERO, 90),
            Some(Decimal::ZERO)
        );
    }

    #[test]
    fn countback_dso_matches_the_reference() {
        // 2 500 at 30 Nov; Nov 1 200 (30 d), Oct 800 (31 d), Sep 700 (30 d) -> 82.4 days.
        let months = [
            MonthSales {
                days: 30,
                sales: dec!(1200),
            },
            MonthSales {
                days: 31,
                sales: dec!(800),
            },
            MonthSales {
                days: 30,
                sales: dec!(700),
            },
        ];
        assert_eq!(one_decimal(dso_countback(dec!(2500), &months)), dec!(82.4));
    }

    #[test]
    fn countback_stops_at_the_period_walked() {
        // Guards against a countback that runs on past the months it was given.
        let months = [
            MonthSales {
                days: 30,
                sales: dec!(100),
            },
            MonthSales {
                days: 31,
                sales: Decimal::ZERO,
            },
        ];
        assert_eq!(dso_countback(dec!(10000), &months), dec!(61));
    }

    #[test]
    fn best_possible_and_delinquent_days_match_the_reference() {
        // ADD = DSO − BPDSO: 45 − 12 -> 33 days; BPDSO uses the DSO formula on current ones.
        let best = dso_accounting(dec!(8000), dec!(60000), 90).unwrap();
        assert_eq!(one_decimal(best), dec!(12));
        assert_eq!(
            days_delinquent(Some(dec!(45)), Some(dec!(12))),
            Some(dec!(33))
        );
        assert_eq!(days_delinquent(None, Some(dec!(12))), None);
    }

    #[test]
    fn collection_effectiveness_matches_the_reference() {
        // (6200 + 3630 − 6340) / (6200 + 3630 − 3590) = 3490 / 6240 -> 55.9 %.
        let cei = collection_effectiveness(dec!(6200), dec!(3630), dec!(6340), dec!(3590)).unwrap();
        assert_eq!(one_decimal(cei), dec!(55.9));
    }

    #[test]
    fn average_days_to_pay_matches_the_reference() {
        // 100 paid in 10 days and 1 000 in 20 days -> weighted 19.1 days, simple 15.
        let average = average_days(&[
            PaidInvoice {
                amount: dec!(100),
                days: 10,
            },
            PaidInvoice {
                amount: dec!(1000),
                days: 20,
            },
        ])
        .unwrap();
        assert_eq!(average.simple, dec!(15));
        assert_eq!(one_decimal(average.weighted), dec!(19.1));
        assert_eq!(average_days(&[]), None);
    }

    #[test]
    fn shares_of_nothing_are_zero() {
        assert_eq!(percent(dec!(5), Decimal::ZERO), Decimal::ZERO);
        assert_eq!(percent(dec!(1), dec!(4)), dec!(25));
    }
}
