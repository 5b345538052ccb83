//! Dates as ISO 8601 calendar dates (`2026-11-22`): what forms, links and the stored format use.
//!
//! Written here rather than through chrono's `FromStr` and serde support, which carry chrono's
//! whole format-string parser into the wasm bundle for this one shape (measured: 4 KB gzipped).

use chrono::{Datelike, NaiveDate};
use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serializer};

/// Reads `YYYY-MM-DD` exactly: four-digit year, two-digit month and day, a real calendar date.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = &text[range];
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Writes `YYYY-MM-DD`.
pub fn format(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

const EXPECTED: &str = "a date written YYYY-MM-DD";

pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(*date))
}

/// Checks the text while the deserializer reads it, so that a bad date is reported at its
/// own place: checked after the read, the error would have no position, and serde_json would
/// place it after what follows the date (the object's closing brace when it is the last field).
struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(EXPECTED)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(text), &self))
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(DateVisitor)
}

/// The same for an optional date (`null` when absent).
pub mod option {
    use super::*;

    /// A date read by [`DateVisitor`], so that `Option` can wrap it.
    struct IsoDate(NaiveDate);

    impl<'de> Deserialize<'de> for IsoDate {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            super::deserialize(deserializer).map(IsoDate)
        }
    }

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => super::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<IsoDate>::deserialize(deserializer)?.map(|IsoDate(date)| date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_real_iso_dates_are_read() {
        // Guards against 2026-02-30 or 26-1-5 read as some date.
        assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "26-01-05",
            "2026-1-05",
            "2026/01/05",
            "2026-01-0a",
            "+026-01-05",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn dates_read_back_as_chrono_writes_them(days in 0i64..3_000_000) {
            let date = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assume!(date.year() <= 9999);
            prop_assert_eq!(format(date), date.to_string());
            prop_assert_eq!(parse(&format(date)), Some(date));
        }
    }
}
