//! A client's payment-behaviour score, 0 to 100, as of a date, and why (issue 5).
//!
//! The core, in the spirit of D&B's PAYDEX, maps the amount-weighted days beyond terms to
//! points: 100 pays well early, 80 on time, 70 about 15 days late, 50 about 30, 20 about 120.
//! The days beyond terms count the invoices paid during the lookback (24 months) at their
//! real delay, and the invoices still overdue at the date at their delay so far: a client that
//! stopped paying cannot keep a good score by paying nothing. Adjustments follow, each listed
//! with what it added or took away: share of invoices paid late, worst delay, trend of recent
//! months against older ones, disputes, overdue balance against the credit limit, length of the
//! relationship. Fewer than [`MIN_HISTORY`] paid invoices give "not enough history", never a
//! number. The score reads only the ledger's facts.

use crate::analysis::prediction::{WeightedDays, LOOKBACK_MONTHS, MIN_HISTORY};
use crate::model::ledger::Ledger;
use crate::model::timeline::{InvoiceHistory, Timeline};
use crate::values::ids::ClientId;
use crate::values::sorting::sort_by;
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

/// Days beyond terms and the core score they give (PAYDEX's published points, then the
/// floor): linear between points.
const CORE_POINTS: [(i64, i64); 6] = [(-10, 100), (0, 80), (15, 70), (30, 50), (120, 20), (180, 0)];
/// A payment this many days after the due date or later counts as late (bank delays).
const GRACE_DAYS: i64 = 5;
/// Recent months, for the trend: invoices due within them against those due before.
const RECENT_MONTHS: u32 = 6;
/// Paid invoices each period needs for a trend: one invoice alone says nothing of a change.
const TREND_MIN_INVOICES: usize = 3;

/// A factor of the score, with what it measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Factor {
    /// Amount-weighted days beyond terms (paid and still overdue invoices).
    DaysBeyondTerms { days: i64, invoices: usize },
    /// Share of invoices paid more than a few days late, in percent.
    LateShare { percent: i64 },
    /// The longest delay, paid or still running.
    WorstDelay { days: i64 },
    /// Recent days beyond terms minus older ones, over paid invoices (positive: getting
    /// worse).
    Trend { change_days: i64 },
    /// Disputes opened during the lookback.
    Disputes { count: usize },
    /// Overdue balance as a percent of the credit limit.
    OverLimit { percent: i64 },
    /// Months since the first invoice.
    Relationship { months: i64 },
}

/// A factor and the points it gave (the core's points, or an adjustment's, signed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub factor: Factor,
    pub points: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    A,
    B,
    C,
    D,
    E,
}

impl Grade {
    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::E => "E",
        }
    }

    pub fn of(score: u8) -> Grade {
        match score {
            80..=100 => Grade::A,
            65..=79 => Grade::B,
            50..=64 => Grade::C,
            35..=49 => Grade::D,
            _ => Grade::E,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClientScore {
    /// Fewer paid invoices than [`MIN_HISTORY`] in the lookback.
    NotEnoughHistory { paid: usize },
    Scored {
        score: u8,
        grade: Grade,
        /// The core first, then each adjustment; their points add up to the score before it
        /// is held within 0–100.
        contributions: Vec<Contribution>,
    },
}

impl ClientScore {
    pub fn score(&self) -> Option<u8> {
        match self {
            ClientScore::Scored { score, .. } => Some(*score),
            ClientScore::NotEnoughHistory { .. } => None,
        }
    }
}

/// The core score of amount-weighted days beyond terms.
pub fn core_points(days: i64) -> i64 {
    let (first_days, first_points) = CORE_POINTS[0];
    if days <= first_days {
        return first_points;
    }
    for pair in CORE_POINTS.windows(2) {
        let ((d0, p0), (d1, p1)) = (pair[0], pair[1]);
        if days <= d1 {
            // Integer interpolation, rounded half away from zero.
            let numerator = (p1 - p0) * (days - d0);
            let span = d1 - d0;
            let step = (2 * numerator + numerator.signum() * span) / (2 * span);
            return p0 + step;
        }
    }
    CORE_POINTS[CORE_POINTS.len() - 1].1
}

/// What one invoice says of its client's behaviour as of a date: its amount, its delay
/// (final if paid, so far if overdue), whether paid, and its due date. The trend splits
/// invoices by due date, so paying an invoice a day earlier never moves it between periods.
fn experience(
    history: &InvoiceHistory,
    as_of: NaiveDate,
    since: NaiveDate,
) -> Option<(Decimal, i64, bool, NaiveDate)> {
    if history.written_off_on.is_some_and(|d| d <= as_of) {
        return None;
    }
    match history.paid_on {
        Some(paid) if since < paid && paid <= as_of => Some((
            history.total,
            (paid - history.due).num_days(),
            true,
            history.due,
        )),
        Some(paid) if paid <= since => None,
        _ if history.issued_by(as_of) && history.overdue_at(as_of) => Some((
            history.open_at(as_of),
            (as_of - history.due).num_days(),
            false,
            history.due,
        )),
        _ => None,
    }
}

/// Scores one client as of a date.
pub fn score_client(
    ledger: &Ledger,
    timeline: &Timeline,
    client: ClientId,
    as_of: NaiveDate,
) -> ClientScore {
    let since = as_of
        .checked_sub_months(Months::new(LOOKBACK_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    let recent_since = as_of
        .checked_sub_months(Months::new(RECENT_MONTHS))
        .unwrap_or(NaiveDate::MIN);
    let mine: Vec<&InvoiceHistory> = timeline
        .invoices
        .iter()
        .filter(|h| h.client() == client)
        .collect();
    let experiences: Vec<(Decimal, i64, bool, NaiveDate)> = mine
        .iter()
        .filter_map(|h| experience(h, as_of, since))
        .collect();
    let paid = experiences.iter().filter(|e| e.2).count();
    if paid < MIN_HISTORY {
        return ClientScore::NotEnoughHistory { paid };
    }
    let all: Vec<(Decimal, i64)> = experiences.iter().map(|e| (e.0, e.1)).collect();
    let days = WeightedDays::of(all.iter().copied())
        .mean_days()
        .unwrap_or(0);
    let mut contributions = vec![Contribution {
        factor: Factor::DaysBeyondTerms {
            days,
            invoices: experiences.len(),
        },
        points: core_points(days),
    }];
    let mut adjust =
        |factor: Factor, points: i64| contributions.push(Contribution { factor, points });

    let late = experiences.iter().filter(|e| e.1 > GRACE_DAYS).count();
    let late_percent = i64::try_from(late * 100 / experiences.len()).unwrap_or(100);
    adjust(
        Factor::LateShare {
            percent: late_percent,
        },
        -(late_percent / 10),
    );

    let worst = experiences.iter().map(|e| e.1).max().unwrap_or(0);
    adjust(
        Factor::WorstDelay { days: worst },
        -((worst - 60).max(0) / 12).min(10),
    );

    // Paid invoices only: an unpaid invoice's delay so far is less than it will be, and the
    // recent ones have had less time to run up, so counting them would call a client who
    // stopped paying "improving" (the core and the worst delay already count them).
    let paid_in = |recent: bool| -> Vec<(Decimal, i64)> {
        experiences
            .iter()
            .filter(|e| e.2 && (e.3 > recent_since) == recent)
            .map(|e| (e.0, e.1))
            .collect()
    };
    let (recent, older) = (paid_in(true), paid_in(false));
    let enough = recent.len() >= TREND_MIN_INVOICES && older.len() >= TREND_MIN_INVOICES;
    if let (true, Some(now), Some(before)) = (
        enough,
        WeightedDays::of(recent.iter().copied()).mean_days(),
        WeightedDays::of(older.iter().copied()).mean_days(),
    ) {
        let change = now - before;
        let points = if change > 0 {
            -(change / 3).min(10)
        } else {
            (-change / 3).min(5)
        };
        adjust(
            Factor::Trend {
                change_days: change,
            },
            points,
        );
    }

    let disputes = ledger
        .disputes()
        .iter()
        .filter(|d| since < d.opened_on && d.opened_on <= as_of)
        .filter(|d| mine.iter().any(|h| h.invoice.id == d.invoice))
        .count();
    if disputes > 0 {
        adjust(
            Factor::Disputes { count: disputes },
            -(3 * disputes as i64).min(10),
        );
    }

    let overdue: Decimal = mine
        .iter()
        .filter(|h| h.issued_by(as_of) && h.overdue_at(as_of))
        .map(|h| h.open_at(as_of))
        .sum();
    let limit = ledger
        .client(client)
        .and_then(|c| c.details.credit_limit)
        .filter(|l| *l > Decimal::ZERO);
    if let Some(limit) = limit {
        let percent =
            i64::try_from((overdue / limit * Decimal::ONE_HUNDRED).round()).unwrap_or(i64::MAX);
        let points = match percent {
            101.. => -10,
            51..=100 => -5,
            _ => 0,
        };
        adjust(Factor::OverLimit { percent }, points);
    }

    if let Some(first) = mine.iter().map(|h| h.invoice.details.issue_date).min() {
        let months = (as_of - first).num_days() / 30;
        let points = match months {
            ..6 => -5,
            36.. => 3,
            _ => 0,
        };
        adjust(Factor::Relationship { months }, points);
    }

    let total: i64 = contributions.iter().map(|c| c.points).sum();
    let score = u8::try_from(total.clamp(0, 100)).unwrap_or(0);
    ClientScore::Scored {
        score,
        grade: Grade::of(score),
        contributions,
    }
}

/// Every client's score as of a date, by client id.
pub fn score_all(ledger: &Ledger, as_of: NaiveDate) -> Vec<(ClientId, ClientScore)> {
    let timeline = Timeline::new(ledger);
    ledger
        .clients()
        .iter()
        .map(|c| (c.id, score_client(ledger, &timeline, c.id, as_of)))
        .collect()
}

/// How many clients each ranking lists.
pub const RANKING_SIZE: usize = 10;
/// A fall of this many points or more over [`FALL_MONTHS`] puts a client on the watch list.
pub const FALL_POINTS: u8 = 10;
pub const FALL_MONTHS: u32 = 3;

/// A scored client in a ranking, with its score [`FALL_MONTHS`] earlier when it had one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub client: ClientId,
    pub score: u8,
    pub grade: Grade,
    pub before: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rankings {
    /// Highest scores first, at most [`RANKING_SIZE`].
    pub best: Vec<Ranked>,
    /// Lowest scores first, at most [`RANKING_SIZE`].
    pub worst: Vec<Ranked>,
    /// Clients whose score fell by [`FALL_POINTS`] or more over [`FALL_MONTHS`], the
    /// steepest fall first.
    pub fallen: Vec<Ranked>,
    /// Clients with too little history to be ranked.
    pub unscored: usize,
}

/// The best and worst payers as of a date, and those whose score fell over the last months.
/// Archived clients are left out; ties go to the client created first.
pub fn rankings(ledger: &Ledger, as_of: NaiveDate) -> Rankings {
    let timeline = Timeline::new(ledger);
    let earlier = as_of
        .checked_sub_months(Months::new(FALL_MONTHS))
        .unwrap_or(as_of);
    let mut scored = Vec::new();
    let mut unscored = 0;
    for client in ledger.clients().iter().filter(|c| !c.archived) {
        match score_client(ledger, &timeline, client.id, as_of) {
            ClientScore::Scored { score, grade, .. } => scored.push(Ranked {
                client: client.id,
                score,
                grade,
                before: score_client(ledger, &timeline, client.id, earlier).score(),
            }),
            ClientScore::NotEnoughHistory { .. } => unscored += 1,
        }
    }
    let fall = |r: &Ranked| {
        r.before
            .map_or(0, |before| i16::from(before) - i16::from(r.score))
    };
    let mut fallen: Vec<Ranked> = scored
        .iter()
        .filter(|r| fall(r) >= i16::from(FALL_POINTS))
        .copied()
        .collect();
    sort_by(&mut fallen, |a, b| {
        fall(b).cmp(&fall(a)).then(a.client.cmp(&b.client))
    });
    sort_by(&mut scored, |a, b| {
        a.score.cmp(&b.score).then(a.client.cmp(&b.client))
    });
    let worst = scored.iter().take(RANKING_SIZE).copied().collect();
    sort_by(&mut scored, |a, b| {
        b.score.cmp(&a.score).then(a.client.cmp(&b.client))
    });
    let best = scored.iter().take(RANKING_SIZE).copied().collect();
    Rankings {
        best,
        worst,
        fallen,
        unscored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_points_follow_paydex() {
        // Guards against a mapping that drifts from the published points.
        assert_eq!(core_points(-30), 100);
        assert_eq!(core_points(-10), 100);
        assert_eq!(core_points(0), 80);
        assert_eq!(core_points(15), 70);
        assert_eq!(core_points(30), 50);
        assert_eq!(core_points(120), 20);
        assert_eq!(core_points(400), 0);
        assert_eq!(core_points(-5), 90);
        assert_eq!(core_points(75), 35);
    }

    #[test]
    fn grades_split_the_scale() {
        assert_eq!(Grade::of(100), Grade::A);
        assert_eq!(Grade::of(80), Grade::A);
        assert_eq!(Grade::of(79), Grade::B);
        assert_eq!(Grade::of(50), Grade::C);
        assert_eq!(Grade::of(49), Grade::D);
        assert_eq!(Grade::of(0), Grade::E);
    }
}
