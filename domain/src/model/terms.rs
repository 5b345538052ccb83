//! Payment terms and the due date they give (Code de commerce L441-10).

use crate::values::problem::Problem;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How "X jours fin de mois" is read; both readings are accepted by the administration, so
/// each term records which one the contract uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndOfMonthConvention {
    /// Invoice date + X days, then the end of that month.
    DaysThenEndOfMonth,
    /// End of the invoice's month, then + X days.
    EndOfMonthThenDays,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PaymentTerms {
    /// Due on receipt (à réception), taken as the invoice date.
    OnReceipt,
    /// Net X days from the invoice date.
    Net { days: u16 },
    /// End of the invoice's month (fin de mois).
    EndOfMonth,
    /// X days end of month (X jours fin de mois), under one of the two conventions.
    DaysEndOfMonth {
        days: u16,
        convention: EndOfMonthConvention,
    },
}

/// Terms longer than the law allows: still recorded, but the user is warned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalCapWarning {
    /// More than 60 days from the invoice date (L441-10 I).
    OverSixtyDays,
    /// More than 45 days end of month (L441-10 I).
    OverFortyFiveDaysEndOfMonth,
}

/// The longest term the forms accept; anything longer is a typing error, not a contract.
pub const MAX_TERM_DAYS: u16 = 365;

impl Default for PaymentTerms {
    /// The legal default when nothing is agreed: 30 days.
    fn default() -> Self {
        PaymentTerms::Net { days: 30 }
    }
}

impl PaymentTerms {
    pub fn due_date(&self, issue_date: NaiveDate) -> NaiveDate {
        match *self {
            PaymentTerms::OnReceipt => issue_date,
            PaymentTerms::Net { days } => add_days(issue_date, days),
            PaymentTerms::EndOfMonth => end_of_month(issue_date),
            PaymentTerms::DaysEndOfMonth { days, convention } => match convention {
                EndOfMonthConvention::DaysThenEndOfMonth => {
                    end_of_month(add_days(issue_date, days))
                }
                EndOfMonthConvention::EndOfMonthThenDays => {
                    add_days(end_of_month(issue_date), days)
                }
            },
        }
    }

    pub fn legal_cap_warning(&self) -> Option<LegalCapWarning> {
        match *self {
            PaymentTerms::Net { days } if days > 60 => Some(LegalCapWarning::OverSixtyDays),
            PaymentTerms::DaysEndOfMonth { days, .. } if days > 45 => {
                Some(LegalCapWarning::OverFortyFiveDaysEndOfMonth)
            }
            _ => None,
        }
    }

    pub fn check(&self) -> Result<(), Problem> {
        match *self {
            PaymentTerms::Net { days } | PaymentTerms::DaysEndOfMonth { days, .. }
                if days == 0 || days > MAX_TERM_DAYS =>
            {
                Err(Problem::DaysOutOfRange {
                    min: 1,
                    max: MAX_TERM_DAYS,
                })
            }
            _ => Ok(()),
        }
    }
}

fn add_days(date: NaiveDate, days: u16) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The last day of the date's month.
/// Terms as invoicing tools write them in words: `à réception`, `30 jours`, `Net 45`,
/// `fin de mois`, `45 jours fin de mois` (read as invoice date + 45 days then the end of that
/// month, the common reading), `30 days`, `end of month`. None for anything else, and for
/// terms the form would refuse.
pub fn read_terms(text: &str) -> Option<PaymentTerms> {
    let folded = crate::values::text::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |word: &str| words.contains(&word);
    let days = words.iter().find_map(|w| {
        let digits = w.strip_suffix('j').unwrap_or(w);
        digits.parse::<u16>().ok()
    });
    let end_of_month = (has("fin") && has("mois")) || (has("end") && has("month")) || has("fdm");
    let terms = match (days, end_of_month) {
        (Some(days), true) => PaymentTerms::DaysEndOfMonth {
            days,
            convention: EndOfMonthConvention::DaysThenEndOfMonth,
        },
        (None, true) => PaymentTerms::EndOfMonth,
        (Some(0), false) => PaymentTerms::OnReceipt,
        (Some(days), false) => PaymentTerms::Net { days },
        (None, false)
            if has("reception") || has("receipt") || has("comptant") || has("immediat") =>
        {
            PaymentTerms::OnReceipt
        }
        (None, false) => return None,
    };
    terms.check().ok().map(|()| terms)
}

pub fn end_of_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|first_of_next| first_of_next.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_written_in_words_read_as_the_form_would_set_them() {
        // Guards against an invoicing tool's "45 jours fin de mois" imported as net 45 days,
        // or a text that is no terms read as some.
        assert_eq!(read_terms("à réception"), Some(PaymentTerms::OnReceipt));
        assert_eq!(read_terms("30 jours"), Some(PaymentTerms::Net { days: 30 }));
        assert_eq!(read_terms("Net 45"), Some(PaymentTerms::Net { days: 45 }));
        assert_eq!(read_terms("60j"), Some(PaymentTerms::Net { days: 60 }));
        assert_eq!(read_terms("Fin de mois"), Some(PaymentTerms::EndOfMonth));
        assert_eq!(
            read_terms("45 jours fin de mois"),
            Some(PaymentTerms::DaysEndOfMonth {
                days: 45,
                convention: EndOfMonthConvention::DaysThenEndOfMonth
            })
        );
        assert!(read_terms("30 days end of month").is_some());
        assert_eq!(read_terms("chèque"), None);
        assert_eq!(
            read_terms("60000 jours"),
            None,
            "refused as the form refuses it"
        );
    }
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const A45: PaymentTerms = PaymentTerms::DaysEndOfMonth {
        days: 45,
        convention: EndOfMonthConvention::DaysThenEndOfMonth,
    };
    const B45: PaymentTerms = PaymentTerms::DaysEndOfMonth {
        days: 45,
        convention: EndOfMonthConvention::EndOfMonthThenDays,
    };

    #[test]
    fn reference_examples_convention_a() {
        // Guards against swapping the two readings of "45 jours fin de mois".
        assert_eq!(A45.due_date(d(2026, 1, 15)), d(2026, 3, 31));
        assert_eq!(A45.due_date(d(2026, 3, 10)), d(2026, 4, 30));
    }

    #[test]
    fn reference_examples_convention_b() {
        assert_eq!(B45.due_date(d(2026, 1, 15)), d(2026, 3, 17));
        assert_eq!(B45.due_date(d(2026, 3, 10)), d(2026, 5, 15));
    }

    #[test]
    fn simple_terms() {
        assert_eq!(
            PaymentTerms::OnReceipt.due_date(d(2026, 2, 10)),
            d(2026, 2, 10)
        );
        assert_eq!(
            PaymentTerms::Net { days: 30 }.due_date(d(2026, 1, 31)),
            d(2026, 3, 2)
        );
        assert_eq!(
            PaymentTerms::EndOfMonth.due_date(d(2024, 2, 3)),
            d(2024, 2, 29)
        );
        assert_eq!(
            PaymentTerms::EndOfMonth.due_date(d(2026, 12, 31)),
            d(2026, 12, 31)
        );
    }

    #[test]
    fn leap_year_end_of_month() {
        // Guards against a February that always ends on the 28th.
        assert_eq!(end_of_month(d(2024, 2, 1)), d(2024, 2, 29));
        assert_eq!(end_of_month(d(2100, 2, 1)), d(2100, 2, 28));
        assert_eq!(A45.due_date(d(2024, 1, 15)), d(2024, 2, 29));
    }

    #[test]
    fn legal_caps_warn() {
        // "60 jours fin de mois" always exceeds the cap: warn, do not refuse.
        let sixty_eom = PaymentTerms::DaysEndOfMonth {
            days: 60,
            convention: EndOfMonthConvention::EndOfMonthThenDays,
        };
        assert_eq!(
            sixty_eom.legal_cap_warning(),
            Some(LegalCapWarning::OverFortyFiveDaysEndOfMonth)
        );
        assert_eq!(sixty_eom.check(), Ok(()));
        assert_eq!(
            PaymentTerms::Net { days: 61 }.legal_cap_warning(),
            Some(LegalCapWarning::OverSixtyDays)
        );
        assert_eq!(PaymentTerms::Net { days: 60 }.legal_cap_warning(), None);
        assert_eq!(B45.legal_cap_warning(), None);
        assert!(PaymentTerms::Net { days: 0 }.check().is_err());
    }

    fn any_terms() -> impl Strategy<Value = PaymentTerms> {
        prop_oneof![
            Just(PaymentTerms::OnReceipt),
            Just(PaymentTerms::EndOfMonth),
            (1u16..=365).prop_map(|days| PaymentTerms::Net { days }),
            (1u16..=365, any::<bool>()).prop_map(|(days, a)| PaymentTerms::DaysEndOfMonth {
                days,
                convention: if a {
                    EndOfMonthConvention::DaysThenEndOfMonth
                } else {
                    EndOfMonthConvention::EndOfMonthThenDays
                },
            }),
        ]
    }

    proptest! {
        #[test]
        fn due_date_never_before_issue(terms in any_terms(), offset in 0i64..20_000) {
            // Guards against a due date computed before the invoice exists.
            let issue = d(2000, 1, 1) + chrono::Duration::days(offset);
            prop_assert!(terms.due_date(issue) >= issue);
        }

        #[test]
        fn end_of_month_terms_fall_on_a_month_end(offset in 0i64..20_000, days in 1u16..=365) {
            let issue = d(2000, 1, 1) + chrono::Duration::days(offset);
            let a = PaymentTerms::DaysEndOfMonth { days, convention: EndOfMonthConvention::DaysThenEndOfMonth };
            let due = a.due_date(issue);
            prop_assert_eq!(due, end_of_month(due));
            prop_assert!(due >= issue + chrono::Duration::days(i64::from(days)));
        }
    }
}
