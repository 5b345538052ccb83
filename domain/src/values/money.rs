//! Amounts of money: exact decimals, parsed from what people type, rounded at the end.

use crate::values::problem::Problem;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Rounds a final amount to the cent, half away from zero (0.005 -> 0.01, -0.005 -> -0.01).
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Parses an amount as typed by a French or English speaker: `1 234,56`, `1234.56`,
/// `1.234,56`, `1,234.56`, with or without a euro sign. At most two decimals; the sign is
/// kept so that callers decide whether a negative amount makes sense.
pub fn parse_amount(text: &str) -> Result<Decimal, Problem> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return Err(Problem::Required);
    }
    let normalized = match (cleaned.rfind(','), cleaned.rfind('.')) {
        // Both marks: the last one is the decimal mark, the other groups thousands.
        (Some(comma), Some(dot)) if comma > dot => cleaned.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => cleaned.replace(',', ""),
        (Some(_), None) => cleaned.replace(',', "."),
        _ => cleaned,
    };
    let valid_shape = {
        let digits = normalized.strip_prefix('-').unwrap_or(&normalized);
        let mut parts = digits.split('.');
        let whole = parts.next().unwrap_or("");
        let fraction = parts.next();
        parts.next().is_none()
            && !whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
    };
    if !valid_shape {
        return Err(Problem::AmountFormat);
    }
    let amount = Decimal::from_str(&normalized).map_err(|_| Problem::AmountFormat)?;
    if amount.scale() > 2 {
        return Err(Problem::AmountTooManyDecimals);
    }
    Ok(amount)
}

/// Parses an amount that must be strictly positive (an invoice line, a payment).
pub fn parse_positive_amount(text: &str) -> Result<Decimal, Problem> {
    let amount = parse_amount(text)?;
    if amount <= Decimal::ZERO {
        return Err(Problem::AmountNotPositive);
    }
    if amount > MAX_AMOUNT {
        return Err(Problem::AmountTooLarge);
    }
    Ok(amount)
}

/// The largest amount accepted (a thousand billion euros): anything above is a typing error,
/// and would overflow the exact decimals of a penalty computation (base × rate × days).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Parses a figure a form may end with `%` (`12,5 %`); nothing typed means none. Every rate
/// field reads its text this way, then checks its own range.
pub fn parse_percent(text: &str) -> Result<Option<Decimal>, Problem> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_amount(text).map(Some)
}

/// Parses an optional annual rate in percent (`12,5`): empty means none; otherwise it must
/// be above 0 and at most 100.
pub fn parse_optional_rate(text: &str) -> Result<Option<Decimal>, Problem> {
    match parse_percent(text)? {
        Some(rate) if rate <= Decimal::ZERO || rate > Decimal::ONE_HUNDRED => {
            Err(Problem::RateOutOfRange)
        }
        rate => Ok(rate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_half_away_from_zero_not_to_even() {
        // Guards against Decimal's default banker's rounding (0.125 -> 0.12).
        assert_eq!(round_cents(dec!(0.125)), dec!(0.13));
        assert_eq!(round_cents(dec!(-0.125)), dec!(-0.13));
        assert_eq!(round_cents(dec!(2.675)), dec!(2.68));
        assert_eq!(round_cents(dec!(2.674999)), dec!(2.67));
    }

    #[test]
    fn parses_french_and_english_amounts() {
        // Guards against rejecting the decimal comma French users type.
        assert_eq!(parse_amount("1 234,56").unwrap(), dec!(1234.56));
        assert_eq!(
            parse_amount("1\u{202f}234,56\u{a0}€").unwrap(),
            dec!(1234.56)
        );
        assert_eq!(parse_amount("1.234,56").unwrap(), dec!(1234.56));
        assert_eq!(parse_amount("1,234.56").unwrap(), dec!(1234.56));
        assert_eq!(parse_amount("1234.5").unwrap(), dec!(1234.5));
        assert_eq!(parse_amount("-12").unwrap(), dec!(-12));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        // Guards against silently reading "12abc" as 12 or "1,234" as 1234.
        assert_eq!(parse_amount(""), Err(Problem::Required));
        assert_eq!(parse_amount("12abc"), Err(Problem::AmountFormat));
        assert_eq!(parse_amount("1,2,3"), Err(Problem::AmountFormat));
        assert_eq!(parse_amount(",5"), Err(Problem::AmountFormat));
        assert_eq!(parse_amount("1,234"), Err(Problem::AmountTooManyDecimals));
        assert_eq!(parse_positive_amount("0"), Err(Problem::AmountNotPositive));
    }

    #[test]
    fn rates_are_percent_within_reason() {
        assert_eq!(parse_optional_rate(" "), Ok(None));
        assert_eq!(parse_optional_rate("12,5 %"), Ok(Some(dec!(12.5))));
        assert_eq!(parse_optional_rate("0"), Err(Problem::RateOutOfRange));
        assert_eq!(parse_optional_rate("150"), Err(Problem::RateOutOfRange));
    }
}
