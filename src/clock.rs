//! The only place that reads the clock: every domain computation receives the date.

use encaisse_domain::NaiveDate;

/// Today in the user's time zone (a French user at 00:30 is already on the next day).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser's date is a valid calendar date")
}
