//! The rules of a reminder plan (the ordered levels an overdue invoice goes through, stored as
//! the model's [`ReminderPlan`]): its limits and the templates its levels may carry.
//!
//! A plan is checked whole ([`ReminderPlan::validate`]) before it is stored, and typed through
//! a form ([`ReminderPlanForm`]) whose errors name the level and the field, so the editor can
//! show each message beside its line.

use crate::collection::letter::{check_template, Template, TemplatePart};
use crate::model::reminders::{Channel, ReminderLevel, ReminderPlan, Tone};
use crate::values::problem::{PlanError, PlanField, PlanProblem};

/// A plan has at most this many levels: beyond, reminders turn into harassment and the
/// level index stays small (stored as `u8`).
pub const MAX_LEVELS: usize = 8;
/// The earliest a level may fire: two months before the due date.
pub const OFFSET_MIN: i32 = -60;
/// The latest a level may fire: a year after the due date.
pub const OFFSET_MAX: i32 = 365;
pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 8000;

impl ReminderPlan {
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
