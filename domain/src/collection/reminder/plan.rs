//! The reminder plan: the ordered levels an overdue invoice goes through, each with its day
//! offset from the due date, its channel, its tone and its template.
//!
//! A plan is checked whole ([`ReminderPlan::validate`]) before it is stored, and typed through
//! a form ([`ReminderPlanForm`]) whose errors name the level and the field, so the editor can
//! show each message beside its line.

use super::tone::{Channel, Tone};
use crate::collection::letter::{check_template, Template, TemplatePart};
use serde::{Deserialize, Serialize};

/// One step of a plan. Empty `subject` or `body` means the default template for the level's
/// tone, the client's kind and the language (the messages module provides them), so a plan
/// the user never edited follows improvements to the default wording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderLevel {
    /// Days from the invoice's due date; negative is before it.
    pub offset_days: i32,
    pub channel: Channel,
    pub tone: Tone,
    pub subject: String,
    pub body: String,
}

/// The levels, in the order they fire: offsets strictly increasing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderPlan {
    pub levels: Vec<ReminderLevel>,
}

/// A plan has at most this many levels: beyond, reminders turn into harassment and the
/// level index stays small (stored as `u8`).
pub const MAX_LEVELS: usize = 8;
/// The earliest a level may fire: two months before the due date.
pub const OFFSET_MIN: i32 = -60;
/// The latest a level may fire: a year after the due date.
pub const OFFSET_MAX: i32 = 365;
pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 8000;

/// Where a plan problem is: the list of levels as a whole, or one field of one level
/// (levels counted from 0, in the plan's order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanField {
    Levels,
    Offset(usize),
    Subject(usize),
    Body(usize),
}

impl PlanField {
    /// The level the problem is on, if it is on one.
    pub fn level(self) -> Option<usize> {
        match self {
            PlanField::Levels => None,
            PlanField::Offset(level) | PlanField::Subject(level) | PlanField::Body(level) => {
                Some(level)
            }
        }
    }
}

/// What can be wrong with a plan, as codes (the app words them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanProblem {
    NoLevel,
    TooManyLevels {
        max: usize,
    },
    /// An offset left empty in the form.
    Required,
    /// An offset that is not a whole number of days.
    OffsetFormat,
    OffsetOutOfRange {
        min: i32,
        max: i32,
    },
    /// A level that does not come strictly after the one before it.
    OffsetNotAfterPrevious,
    TooLong {
        max: usize,
    },
    /// A template with an unknown `{placeholder}` or an unclosed brace (the message module
    /// names which and where: [`crate::collection::letter::check_template`]).
    TemplateInvalid,
}

/// A problem and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PlanError {
    pub field: PlanField,
    pub problem: PlanProblem,
}

impl PlanError {
    fn new(field: PlanField, problem: PlanProblem) -> Self {
        PlanError { field, problem }
    }
}

impl Default for ReminderPlan {
    fn default() -> Self {
        Self::default_french()
    }
}

impl ReminderPlan {
    /// The plan the issue describes, the usual French practice: a courteous note 5 days
    /// before the due date, a first reminder the day after, a second at 15 days, a formal
    /// notice (mise en demeure) by letter at 30 days, the last notice before litigation at 45.
    pub fn default_french() -> Self {
        let level = |offset_days, channel, tone| ReminderLevel {
            offset_days,
            channel,
            tone,
            subject: String::new(),
            body: String::new(),
        };
        ReminderPlan {
            levels: vec![
                level(-5, Channel::Email, Tone::Courteous),
                level(1, Channel::Email, Tone::FirstReminder),
                level(15, Channel::Email, Tone::SecondReminder),
                level(30, Channel::Letter, Tone::FormalNotice),
                level(45, Channel::Letter, Tone::FinalNotice),
            ],
        }
    }

    /// The level at an index, as logged (`u8`).
    pub fn level(&self, index: u8) -> Option<&ReminderLevel> {
        self.levels.get(usize::from(index))
    }

    /// The rank of the furthest level an invoice has reached once a level at `offset_days`
    /// was logged: the last level at or before that offset (None when the plan now starts
    /// later).
    pub fn rank_reached(&self, offset_days: i32) -> Option<u8> {
        self.levels
            .iter()
            .rposition(|l| l.offset_days <= offset_days)
            .and_then(|rank| u8::try_from(rank).ok())
    }

    /// Checks the plan before it is stored; the first problem found.
    pub fn validate(&self) -> Result<(), PlanError> {
        match self.problems().into_iter().next() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn problems(&self) -> Vec<PlanError> {
        let mut errors = Vec::new();
        if self.levels.is_empty() {
            errors.push(PlanError::new(PlanField::Levels, PlanProblem::NoLevel));
        } else if self.levels.len() > MAX_LEVELS {
            errors.push(PlanError::new(
                PlanField::Levels,
                PlanProblem::TooManyLevels { max: MAX_LEVELS },
            ));
        }
        let mut previous: Option<i32> = None;
        for (index, level) in self.levels.iter().enumerate() {
            match offset_problem(level.offset_days, previous) {
                Some(problem) => errors.push(PlanError::new(PlanField::Offset(index), problem)),
                None => previous = Some(level.offset_days),
            }
            errors.extend(text_problems(index, &level.subject, &level.body));
        }
        errors
    }
}

fn offset_problem(offset: i32, previous: Option<i32>) -> Option<PlanProblem> {
    if !(OFFSET_MIN..=OFFSET_MAX).contains(&offset) {
        Some(PlanProblem::OffsetOutOfRange {
            min: OFFSET_MIN,
            max: OFFSET_MAX,
        })
    } else if previous.is_some_and(|previous| offset <= previous) {
        Some(PlanProblem::OffsetNotAfterPrevious)
    } else {
        None
    }
}

fn text_problems(index: usize, subject: &str, body: &str) -> Vec<PlanError> {
    let mut errors = Vec::new();
    if subject.chars().count() > SUBJECT_MAX {
        errors.push(PlanError::new(
            PlanField::Subject(index),
            PlanProblem::TooLong { max: SUBJECT_MAX },
        ));
    }
    if body.chars().count() > BODY_MAX {
        errors.push(PlanError::new(
            PlanField::Body(index),
            PlanProblem::TooLong { max: BODY_MAX },
        ));
    }
    // A template that cannot be rendered would leave the level's reminders without a message.
    let template = Template {
        subject: subject.to_string(),
        body: body.to_string(),
    };
    if let Err(error) = check_template(&template) {
        let field = match error.part {
            TemplatePart::Subject => PlanField::Subject(index),
            TemplatePart::Body => PlanField::Body(index),
        };
        errors.push(PlanError::new(field, PlanProblem::TemplateInvalid));
    }
    errors
}

/// One level as typed: the offset is text until it is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderLevelForm {
    pub offset_days: String,
    pub channel: Channel,
    pub tone: Tone,
    pub subject: String,
    pub body: String,
}

/// The plan editor's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderPlanForm {
    pub levels: Vec<ReminderLevelForm>,
}

impl ReminderPlanForm {
    pub fn from_plan(plan: &ReminderPlan) -> Self {
        ReminderPlanForm {
            levels: plan
                .levels
                .iter()
                .map(|level| ReminderLevelForm {
                    offset_days: level.offset_days.to_string(),
                    channel: level.channel,
                    tone: level.tone,
                    subject: level.subject.clone(),
                    body: level.body.clone(),
                })
                .collect(),
        }
    }

    /// Reads every level at once, so the editor shows all messages together. Subjects and
    /// bodies are trimmed: one left blank falls back to the default template.
    pub fn validate(&self) -> Result<ReminderPlan, Vec<PlanError>> {
        let mut errors = Vec::new();
        let mut levels = Vec::new();
        let mut previous: Option<i32> = None;
        for (index, form) in self.levels.iter().enumerate() {
            let offset = match parse_offset(&form.offset_days) {
                Ok(offset) => {
                    // A bad offset is reported on its own line only: the next level is
                    // compared with the last good one.
                    match offset_problem(offset, previous) {
                        Some(problem) => {
                            errors.push(PlanError::new(PlanField::Offset(index), problem))
                        }
                        None => previous = Some(offset),
                    }
                    offset
                }
                Err(problem) => {
                    errors.push(PlanError::new(PlanField::Offset(index), problem));
                    0
                }
            };
            let subject = form.subject.trim().to_string();
            let body = form.body.trim().to_string();
            errors.extend(text_problems(index, &subject, &body));
            levels.push(ReminderLevel {
                offset_days: offset,
                channel: form.channel,
                tone: form.tone,
                subject,
                body,
            });
        }
        let plan = ReminderPlan { levels };
        // The plan-wide problems (no level, too many) come first, as the editor shows them
        // above the lines.
        let mut whole: Vec<PlanError> = plan
            .problems()
            .into_iter()
            .filter(|e| e.field == PlanField::Levels)
            .collect();
        if whole.is_empty() && errors.is_empty() {
            return Ok(plan);
        }
        whole.extend(errors);
        Err(whole)
    }
}

/// Reads a day offset as typed: `-5`, `+15`, ` 30 `, or with the typographic minus `−5`.
fn parse_offset(text: &str) -> Result<i32, PlanProblem> {
    let text = text.trim().replace('\u{2212}', "-");
    if text.is_empty() {
        return Err(PlanProblem::Required);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(&text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PlanProblem::OffsetFormat);
    }
    // A number too long for an i32 is still a number: out of range, not badly written.
    text.parse::<i32>()
        .map_err(|_| PlanProblem::OffsetOutOfRange {
            min: OFFSET_MIN,
            max: OFFSET_MAX,
        })
}
