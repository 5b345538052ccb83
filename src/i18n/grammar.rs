//! Counted words, one rule per language, for the shell's texts and every group's.

pub mod fr {
    /// "0 facture", "1 facture", "2 factures": French counts zero in the singular.
    pub fn plural(n: usize, one: &str, many: &str) -> String {
        if n <= 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    }
}

pub mod en {
    /// "1 invoice", "0 invoices", "2 invoices".
    pub fn plural(n: usize, one: &str, many: &str) -> String {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    }

    /// "1 day", "-1 day", "3 days".
    pub fn days_text(days: i64) -> String {
        if days.abs() == 1 {
            format!("{days} day")
        } else {
            format!("{days} days")
        }
    }
}
