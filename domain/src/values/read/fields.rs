//! The dates and amounts outside files write, read strictly: a value either reads as what it
//! says or is refused, never guessed into another date or amount.

use crate::values::money::{parse_amount, MAX_AMOUNT};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `DD/MM/YYYY`, `DD-MM-YYYY` or `DD.MM.YYYY`, and the two-digit year `DD/MM/YY` (20YY).
pub fn day_month_year(text: &str) -> Option<NaiveDate> {
    let (a, b, c) = three_numbers(text.trim())?;
    let year = match c.len() {
        4 => c.parse().ok()?,
        2 => 2000 + c.parse::<i32>().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, b.parse().ok()?, a.parse().ok()?)
}

/// `MM/DD/YYYY` or `MM/DD/YY`, as US programs write QIF dates.
pub fn month_day_year(text: &str) -> Option<NaiveDate> {
    let (a, b, c) = three_numbers(text.trim())?;
    day_month_year(&format!("{b}/{a}/{c}"))
}

/// `YYYY-MM-DD`, also when a time follows (`2026-02-01T10:00:00+01:00`).
pub fn iso(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    crate::values::iso_date::parse(text.get(..10)?)
}

/// `YYYYMMDD`, also when a time and zone follow as OFX writes them (`20260201120000[+1:CET]`).
pub fn compact(text: &str) -> Option<NaiveDate> {
    let digits = text.trim().get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits[..4].parse().ok()?,
        digits[4..6].parse().ok()?,
        digits[6..].parse().ok()?,
    )
}

/// Any of the date shapes above but the US order: what a column of unknown format holds.
pub fn any_date(text: &str) -> Option<NaiveDate> {
    day_month_year(text).or_else(|| iso(text)).or_else(|| {
        let t = text.trim();
        (t.len() == 8).then(|| compact(t)).flatten()
    })
}

fn three_numbers(text: &str) -> Option<(&str, &str, &str)> {
    let separator = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut parts = text.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let numeric = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none()
        && numeric(a)
        && numeric(b)
        && numeric(c)
        && a.len() <= 2
        && b.len() <= 2)
        .then_some((a, b, c))
}

/// A signed amount as statements write it: `-1 234,56`, `1234.56`, `+3500,00`, `12,50-`,
/// `1 234,56 EUR`, thousands separated by spaces or no-break spaces. At most two decimals
/// and at most [`MAX_AMOUNT`]; an empty text is None.
pub fn amount(text: &str) -> Option<Decimal> {
    let mut t = text.trim();
    for suffix in ["EUR", "€"] {
        t = t.strip_suffix(suffix).unwrap_or(t).trim_end();
    }
    let (negative, t) = if let Some(rest) = t.strip_suffix('-') {
        (true, rest)
    } else if let Some(rest) = t.strip_prefix('-') {
        (true, rest)
    } else {
        (false, t.strip_prefix('+').unwrap_or(t))
    };
    let t = t.trim();
    if t.starts_with(['-', '+']) {
        return None;
    }
    let value = parse_amount(t).ok()?;
    if value > MAX_AMOUNT {
        return None;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_shape_files_use() {
        assert_eq!(day_month_year("05/02/2026"), Some(d(2026, 2, 5)));
        assert_eq!(day_month_year("5.2.26"), Some(d(2026, 2, 5)));
        assert_eq!(month_day_year("02/05/2026"), Some(d(2026, 2, 5)));
        assert_eq!(iso("2026-02-05T10:00:00+01:00"), Some(d(2026, 2, 5)));
        assert_eq!(compact("20260205120000.000[+1:CET]"), Some(d(2026, 2, 5)));
        assert_eq!(any_date("20260205"), Some(d(2026, 2, 5)));
        // Guards against 31/02 rolling over into March.
        assert_eq!(day_month_year("31/02/2026"), None);
        assert_eq!(day_month_year("2026/02/05"), None);
        assert_eq!(compact("2026020"), None);
    }

    #[test]
    fn amounts_with_signs_spaces_and_currencies() {
        assert_eq!(amount("-1 234,56"), Some(dec!(-1234.56)));
        assert_eq!(amount("-1\u{a0}234,56"), Some(dec!(-1234.56)));
        assert_eq!(amount("+3500,00"), Some(dec!(3500.00)));
        assert_eq!(amount("12,50-"), Some(dec!(-12.50)));
        assert_eq!(amount("1 234,56 EUR"), Some(dec!(1234.56)));
        assert_eq!(amount("1234.5"), Some(dec!(1234.5)));
        assert_eq!(amount(""), None);
        assert_eq!(amount("--5"), None);
        assert_eq!(amount("1e3"), None);
        assert_eq!(amount("79228162514264337593543950335"), None);
    }
}
