//! Amounts and dates as French and English readers expect them: `1 234,56 €`, `31/12/2026`.

use crate::values::money::round_cents;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    Fr,
    En,
}

/// French groups thousands with a narrow no-break space and puts the euro sign after a
/// no-break space, as `Intl.NumberFormat("fr-FR")` does; English writes `€1,234.56`.
pub fn format_eur(amount: Decimal, locale: Locale) -> String {
    let (grouped, negative) = group_digits(amount, locale);
    let sign = if negative { "-" } else { "" };
    match locale {
        Locale::Fr => format!("{sign}{grouped}\u{a0}€"),
        Locale::En => format!("{sign}€{grouped}"),
    }
}

/// The number alone, with the locale's decimal mark and grouping, two decimals.
pub fn format_number(amount: Decimal, locale: Locale) -> String {
    let (grouped, negative) = group_digits(amount, locale);
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

fn group_digits(amount: Decimal, locale: Locale) -> (String, bool) {
    let rounded = round_cents(amount);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let (group_mark, decimal_mark) = match locale {
        Locale::Fr => ('\u{202f}', ','),
        Locale::En => (',', '.'),
    };
    let mut grouped = group_thousands(whole, group_mark);
    grouped.push(decimal_mark);
    grouped.push_str(cents);
    (grouped, negative)
}

/// Digits in groups of three: "20000" → "20 000" (French, narrow no-break space).
fn group_thousands(digits: &str, mark: char) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(mark);
        }
        grouped.push(c);
    }
    grouped
}

/// A count as the locale writes it: "20 000" in French, "20,000" in English.
pub fn format_count(count: usize, locale: Locale) -> String {
    let mark = match locale {
        Locale::Fr => '\u{202f}',
        Locale::En => ',',
    };
    group_thousands(&count.to_string(), mark)
}

/// A rate given in basis points of a percent (550 = 5.5 %), as the locale writes it.
pub fn format_percent_bp(basis_points: u32, locale: Locale) -> String {
    format_percent(Decimal::new(i64::from(basis_points), 2), locale)
}

/// A percentage as the locale writes it, without trailing zeros: `5,5 %`, `15,21 %`, `20 %`.
pub fn format_percent(percent: Decimal, locale: Locale) -> String {
    let text = percent.normalize().to_string();
    let text = match locale {
        Locale::Fr => text.replace('.', ","),
        Locale::En => text,
    };
    format!("{text}\u{a0}%")
}

/// A figure with one decimal, rounded half away from zero, as the locale writes it: a number
/// of days (`45,2`) or a share (`52,0`).
/// A file size in megabytes with one decimal (`20,5` in French), as messages about files
/// too large state it.
pub fn format_megabytes(bytes: u64, locale: Locale) -> String {
    format_one_decimal(Decimal::from(bytes) / Decimal::from(1_048_576u32), locale)
}

pub fn format_one_decimal(value: Decimal, locale: Locale) -> String {
    let rounded =
        value.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{rounded:.1}");
    match locale {
        Locale::Fr => text.replace('.', ","),
        Locale::En => text,
    }
}

/// An IBAN in groups of four, as printed on a RIB: `FR76 3000 6000 0112 3456 7890 189`.
pub fn format_iban(iban: &str) -> String {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `31/12/2026` in French; `31 Dec 2026` in English, which no reader can take for 12/31.
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::Fr => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Locale::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS_EN[date.month0() as usize],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_figures_round_half_away_from_zero() {
        // Guards against 82,45 days shown as 82,4 (banker's rounding) or with a dot in French.
        use rust_decimal_macros::dec;
        assert_eq!(format_one_decimal(dec!(82.45), Locale::Fr), "82,5");
        assert_eq!(format_one_decimal(dec!(-7.25), Locale::En), "-7.3");
        assert_eq!(format_one_decimal(dec!(45), Locale::Fr), "45,0");
    }
    use rust_decimal_macros::dec;

    #[test]
    fn french_amounts() {
        // Guards against "1234.56 €" or a plain space that wraps the amount across lines.
        assert_eq!(
            format_eur(dec!(1234.56), Locale::Fr),
            "1\u{202f}234,56\u{a0}€"
        );
        assert_eq!(
            format_eur(dec!(1234567), Locale::Fr),
            "1\u{202f}234\u{202f}567,00\u{a0}€"
        );
        assert_eq!(format_eur(dec!(0.5), Locale::Fr), "0,50\u{a0}€");
        assert_eq!(format_eur(dec!(-40), Locale::Fr), "-40,00\u{a0}€");
        assert_eq!(format_eur(dec!(-0.001), Locale::Fr), "0,00\u{a0}€");
    }

    #[test]
    fn english_amounts() {
        assert_eq!(format_eur(dec!(1234.565), Locale::En), "€1,234.57");
        assert_eq!(format_eur(dec!(999), Locale::En), "€999.00");
        assert_eq!(format_number(dec!(-1234.5), Locale::En), "-1,234.50");
    }

    #[test]
    fn percents() {
        // Guards against "5.5 %" in French VAT labels.
        assert_eq!(format_percent_bp(2000, Locale::Fr), "20\u{a0}%");
        assert_eq!(format_percent_bp(550, Locale::Fr), "5,5\u{a0}%");
        assert_eq!(format_percent_bp(210, Locale::En), "2.1\u{a0}%");
        assert_eq!(format_percent(dec!(15.210), Locale::Fr), "15,21\u{a0}%");
        assert_eq!(format_percent(dec!(-0.50), Locale::En), "-0.5\u{a0}%");
    }

    #[test]
    fn iban_in_groups_of_four() {
        assert_eq!(
            format_iban("FR7630006000011234567890189"),
            "FR76 3000 6000 0112 3456 7890 189"
        );
        assert_eq!(format_iban(""), "");
    }

    #[test]
    fn dates() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(format_date(date, Locale::Fr), "31/12/2026");
        assert_eq!(format_date(date, Locale::En), "31 Dec 2026");
    }

    // Guards against "20000 factures": a count of thousands is grouped as amounts are.
    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(format_count(7, Locale::Fr), "7");
        assert_eq!(format_count(20_000, Locale::Fr), "20\u{202f}000");
        assert_eq!(format_count(1_234_567, Locale::En), "1,234,567");
    }
}
