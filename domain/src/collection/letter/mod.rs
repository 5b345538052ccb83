//! Reminder messages and letters: the figures a reminder states, gathered from the ledger, and
//! the templates that put them into words.
//!
//! The caller (the reminder queue, or a user writing by hand) says which client, which
//! invoices, which tone and which date ([`MessageInput`]); [`MessageContext::build`] reads the
//! ledger once for everything the message may state, so the scheduler and the wording stay
//! independent. A [`Template`] is plain text with placeholders in braces ([`Placeholder`]);
//! [`render`] fills them in and leaves out any line whose placeholder has nothing to say, so a
//! template can mention the IBAN, a broken promise or the interest "when there is one" without
//! a conditional syntax. The result goes out as an e-mail ([`mailto_href`]), to the clipboard,
//! or as a printed [`Letter`].
//!
//! Unlike the rest of the domain, this module writes sentences: a letter is a document in the
//! client's language, which may not be the language of the interface, so its words cannot
//! live in the app's translations.

pub mod late_clause;
pub mod templates;

use templates::instalment_tone;
pub use templates::{default_template, instalment_template};

use crate::collection::reminder::schedule::{InstalmentDue, QueueEntry};
use crate::law::penalty::claims::PenaltyInputs;
use crate::model::balances::Position;
use crate::model::client::{Address, ClientKind};
use crate::model::issuer::Issuer;
use crate::model::ledger::Ledger;
use crate::model::reminders::Tone;
use crate::values::format::{format_date, format_eur, format_iban, Locale};
use crate::values::ids::{ClientId, InvoiceId};
use crate::values::params::encode_query;
use crate::values::sorting::sort_by_key;
use crate::values::text::same_folded;
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// The days a formal notice gives to pay ("sous huitaine"), also the deadline the other
/// reminders set.
pub const NOTICE_DAYS: u64 = 8;

/// What a message is about, as the caller decides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInput {
    pub client: ClientId,
    pub tone: Tone,
    /// The invoices the message covers; ids of unknown invoices or of another client's are
    /// ignored, and one listed twice is stated once.
    pub invoices: Vec<InvoiceId>,
    pub as_of: NaiveDate,
    /// The date the client had promised to pay by, when the message follows a broken promise.
    pub broken_promise: Option<NaiveDate>,
}

impl MessageInput {
    /// The message of a grouped reminder from the queue: its invoices and the client's other
    /// overdue ones, so the client sees everything it owes.
    pub fn for_entry(entry: &QueueEntry, as_of: NaiveDate) -> MessageInput {
        MessageInput {
            client: entry.client,
            tone: entry.tone,
            invoices: entry
                .invoices
                .iter()
                .map(|i| i.invoice)
                .chain(entry.also_overdue.iter().copied())
                .collect(),
            as_of,
            broken_promise: entry.broken_promise,
        }
    }
}

/// One invoice as a message states it, as of the message's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceLine {
    pub invoice: InvoiceId,
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    /// Including VAT.
    pub total: Decimal,
    pub open: Decimal,
    /// 0 when not yet due.
    pub days_late: i64,
    /// What the penalty engine computes as of the date: nothing for a private individual
    /// before a formal notice, nor for an invoice whose rate is missing from the table.
    pub interest: Decimal,
    pub indemnity: Decimal,
}

/// The sums a message states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// What the listed invoices have open.
    pub open: Decimal,
    /// The client's payments not yet allocated (and credit notes beyond an invoice), up to
    /// `open`: money received that a letter must not claim again.
    pub credit: Decimal,
    pub interest: Decimal,
    pub indemnity: Decimal,
    /// What is due once the credit is deducted, interest and indemnities: what a formal
    /// notice demands.
    pub claimed: Decimal,
}

impl Totals {
    /// The principal still due: the open amounts less the client's credit.
    pub fn due(&self) -> Decimal {
        self.open - self.credit
    }
}

/// Everything a message to one client may state, gathered from the ledger once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageContext {
    pub tone: Tone,
    pub as_of: NaiveDate,
    pub broken_promise: Option<NaiveDate>,
    pub client_name: String,
    pub client_kind: ClientKind,
    pub client_address: Address,
    /// The person who pays, or empty.
    pub payer_name: String,
    pub issuer: Issuer,
    /// In due-date order, oldest first.
    pub lines: Vec<InvoiceLine>,
    pub totals: Totals,
    /// Invoices whose interest cannot be computed because a half-year's rate is missing from
    /// the rate table: stated without interest, so the app should ask for the rate first.
    pub missing_rates: Vec<InvoiceId>,
    /// The instalment an instalment note is about; None for a reminder.
    pub instalment: Option<InstalmentFacts>,
}

impl MessageContext {
    pub fn build(ledger: &Ledger, issuer: &Issuer, input: &MessageInput) -> MessageContext {
        let client = ledger.client(input.client);
        let position = Position::new(ledger, input.as_of);
        let penalties = PenaltyInputs::new(ledger, input.as_of);
        let mut lines = Vec::new();
        let mut missing_rates = Vec::new();
        let invoices = input
            .invoices
            .iter()
            .filter_map(|id| ledger.invoice(*id))
            .filter(|invoice| invoice.details.client == input.client);
        for invoice in invoices {
            if lines
                .iter()
                .any(|line: &InvoiceLine| line.invoice == invoice.id)
            {
                continue;
            }
            let (interest, indemnity) = match penalties.for_invoice(invoice) {
                None => (Decimal::ZERO, Decimal::ZERO),
                Some(Ok(breakdown)) => (breakdown.interest, breakdown.indemnity),
                // The interest cannot be computed, but the indemnity needs no rate.
                Some(Err(_)) => {
                    missing_rates.push(invoice.id);
                    (Decimal::ZERO, penalties.indemnity_for(invoice))
                }
            };
            lines.push(InvoiceLine {
                invoice: invoice.id,
                number: invoice.details.number.clone(),
                issue_date: invoice.details.issue_date,
                due_date: invoice.due_date(),
                total: invoice.total(),
                open: position.invoice(invoice.id).open(),
                days_late: position.days_overdue(invoice),
                interest,
                indemnity,
            });
        }
        sort_by_key(&mut lines, |line| (line.due_date, line.invoice));
        let mut totals = Totals::default();
        for line in &lines {
            totals.open += line.open;
            totals.interest += line.interest;
            totals.indemnity += line.indemnity;
        }
        let credit = position
            .client_balances(ledger)
            .get(&input.client)
            .map_or(Decimal::ZERO, |b| b.credit);
        totals.credit = credit.clamp(Decimal::ZERO, totals.open);
        totals.claimed = totals.due() + totals.interest + totals.indemnity;
        MessageContext {
            tone: input.tone,
            as_of: input.as_of,
            broken_promise: input.broken_promise,
            client_name: ledger.client_name(input.client),
            client_kind: client.map(|c| c.details.kind).unwrap_or_default(),
            client_address: client
                .map(|c| c.details.address.clone())
                .unwrap_or_default(),
            payer_name: client
                .map(|c| c.details.payer.name.clone())
                .unwrap_or_default(),
            issuer: issuer.clone(),
            lines,
            totals,
            missing_rates,
            instalment: None,
        }
    }

    /// The context of a note about an instalment of a payment plan: the plan's invoices, the
    /// instalment's facts.
    pub fn for_instalment(
        ledger: &Ledger,
        issuer: &Issuer,
        due: &InstalmentDue,
        as_of: NaiveDate,
    ) -> Option<MessageContext> {
        let plan = ledger
            .reminders()
            .payment_plans
            .iter()
            .find(|p| p.id == due.plan)?;
        let input = MessageInput {
            client: plan.client,
            tone: instalment_tone(due.notice),
            invoices: plan.invoices.clone(),
            as_of,
            broken_promise: None,
        };
        let mut ctx = MessageContext::build(ledger, issuer, &input);
        ctx.instalment = Some(InstalmentFacts {
            number: due.instalment + 1,
            date: due.date,
            amount: due.amount,
            outstanding: due.outstanding,
            plan_date: plan.created_on,
            grace_end: due.grace_end,
        });
        Some(ctx)
    }

    /// The date a reply or payment is asked for: [`NOTICE_DAYS`] after the message.
    pub fn deadline(&self) -> NaiveDate {
        self.as_of
            .checked_add_days(Days::new(NOTICE_DAYS))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The invoices as a table in the locale's words and formats: the same cells for the
    /// plain-text table of a message and the HTML table of a printed letter.
    pub fn invoice_table(&self, locale: Locale) -> InvoiceTable {
        let (headers, [total, invoices_total, credit, due], not_late) = match locale {
            Locale::Fr => (
                ["Facture", "Date", "Échéance", "Reste dû", "Retard (jours)"],
                [
                    "Total",
                    "Total des factures",
                    "Règlement reçu non affecté",
                    "Reste dû",
                ],
                "—",
            ),
            Locale::En => (
                ["Invoice", "Date", "Due date", "Amount due", "Days late"],
                [
                    "Total",
                    "Invoices' total",
                    "Payment received, not yet allocated",
                    "Amount due",
                ],
                "—",
            ),
        };
        let amount = |value: Decimal| format_eur(value, locale);
        let footer = if self.totals.credit.is_zero() {
            vec![(total.to_string(), amount(self.totals.open))]
        } else {
            vec![
                (invoices_total.to_string(), amount(self.totals.open)),
                (credit.to_string(), amount(-self.totals.credit)),
                (due.to_string(), amount(self.totals.due())),
            ]
        };
        InvoiceTable {
            headers: headers.map(str::to_string),
            rows: self
                .lines
                .iter()
                .map(|line| {
                    [
                        line.number.clone(),
                        format_date(line.issue_date, locale),
                        format_date(line.due_date, locale),
                        format_eur(line.open, locale),
                        if line.days_late > 0 {
                            line.days_late.to_string()
                        } else {
                            not_late.to_string()
                        },
                    ]
                })
                .collect(),
            footer,
        }
    }
}

/// The invoices of a message, each cell formatted in the message's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceTable {
    /// Number, issue date, due date, open amount, days late.
    pub headers: [String; 5],
    pub rows: Vec<[String; 5]>,
    /// Labelled amounts under the open-amount column: the total, or, when the client has
    /// credit, the invoices' total, the credit deducted and what remains due (last).
    pub footer: Vec<(String, String)>,
}

/// Which columns are figures, aligned right in the plain-text table.
const RIGHT_ALIGNED: [bool; 5] = [false, false, false, true, true];
/// The column the total stands in.
const AMOUNT_COLUMN: usize = 3;

impl InvoiceTable {
    /// The table in plain text, columns aligned with spaces (as read in a fixed-width font),
    /// a rule under the headers and the total on the last line.
    pub fn to_text(&self) -> String {
        let footer: Vec<[String; 5]> = self
            .footer
            .iter()
            .map(|(label, amount)| {
                let mut row: [String; 5] = Default::default();
                row[0] = label.clone();
                row[AMOUNT_COLUMN] = amount.clone();
                row
            })
            .collect();
        let all_rows = || {
            std::iter::once(&self.headers)
                .chain(&self.rows)
                .chain(&footer)
        };
        let mut widths = [0; 5];
        for row in all_rows() {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line_of = |row: &[String; 5]| {
            let cells: Vec<String> = row
                .iter()
                .zip(widths)
                .zip(RIGHT_ALIGNED)
                .map(|((cell, width), right)| {
                    let padding = " ".repeat(width - cell.chars().count());
                    if right {
                        format!("{padding}{cell}")
                    } else {
                        format!("{cell}{padding}")
                    }
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        };
        let rule = "-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1));
        let mut lines = vec![line_of(&self.headers), rule.clone()];
        lines.extend(self.rows.iter().map(line_of));
        lines.push(rule);
        lines.extend(footer.iter().map(line_of));
        lines.join("\n")
    }
}

/// A subject and a body with placeholders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// A rendered message, ready to send or print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

/// The level's own template where it has one, part by part, else the default for the tone,
/// the client's kind and the language: a plan stores empty texts to mean "the default".
pub fn template_for(
    tone: Tone,
    kind: ClientKind,
    locale: Locale,
    custom_subject: &str,
    custom_body: &str,
) -> Template {
    let default = default_template(tone, kind, locale);
    let chosen = |custom: &str, default: String| {
        if custom.trim().is_empty() {
            default
        } else {
            custom.to_string()
        }
    };
    Template {
        subject: chosen(custom_subject, default.subject),
        body: chosen(custom_body, default.body),
    }
}

/// What a template may say, written `{name}` in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Placeholder {
    /// The client's name.
    Client,
    /// The payer's name, else "Madame, Monsieur" / "Sir or Madam".
    Contact,
    /// The table of invoices with their open amounts and the total.
    Invoices,
    /// The invoice numbers, separated by commas.
    InvoiceNumbers,
    OpenTotal,
    /// Late-payment interest as of the date; nothing when none is owed.
    Interest,
    /// The 40 € indemnities (business clients); nothing when none is owed.
    Indemnity,
    /// Open amounts, interest and indemnities.
    TotalClaimed,
    OldestDueDate,
    /// Days past due of the oldest invoice.
    DaysLate,
    /// The issuer's name.
    Issuer,
    /// In groups of four; nothing when the issuer has none.
    IssuerIban,
    /// Nothing without an IBAN: a BIC alone pays nothing.
    IssuerBic,
    Today,
    /// [`NOTICE_DAYS`] after today.
    Deadline,
    /// The date the client had promised to pay by; nothing when no promise was broken.
    BrokenPromise,
    /// An instalment note's instalment: its number (from 1), date, amount, what is still
    /// missing of it, the day the plan was agreed and the last day of its grace period. Used
    /// by the built-in instalment notes only (not listed for the plan's templates).
    InstalmentNumber,
    InstalmentDate,
    InstalmentAmount,
    InstalmentOutstanding,
    PlanDate,
    GraceEnd,
}

/// The instalment a note is about, as its message states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstalmentFacts {
    /// From 1.
    pub number: u16,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub outstanding: Decimal,
    pub plan_date: NaiveDate,
    pub grace_end: NaiveDate,
}

impl Placeholder {
    pub const ALL: [Placeholder; 16] = [
        Placeholder::Client,
        Placeholder::Contact,
        Placeholder::Invoices,
        Placeholder::InvoiceNumbers,
        Placeholder::OpenTotal,
        Placeholder::Interest,
        Placeholder::Indemnity,
        Placeholder::TotalClaimed,
        Placeholder::OldestDueDate,
        Placeholder::DaysLate,
        Placeholder::Issuer,
        Placeholder::IssuerIban,
        Placeholder::IssuerBic,
        Placeholder::Today,
        Placeholder::Deadline,
        Placeholder::BrokenPromise,
    ];

    /// The name written between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Client => "client",
            Placeholder::Contact => "contact",
            Placeholder::Invoices => "invoices",
            Placeholder::InvoiceNumbers => "invoice_numbers",
            Placeholder::OpenTotal => "open_total",
            Placeholder::Interest => "interest",
            Placeholder::Indemnity => "indemnity",
            Placeholder::TotalClaimed => "total_claimed",
            Placeholder::OldestDueDate => "oldest_due_date",
            Placeholder::DaysLate => "days_late",
            Placeholder::Issuer => "issuer",
            Placeholder::IssuerIban => "issuer_iban",
            Placeholder::IssuerBic => "issuer_bic",
            Placeholder::Today => "today",
            Placeholder::Deadline => "deadline",
            Placeholder::BrokenPromise => "broken_promise",
            Placeholder::InstalmentNumber => "instalment_number",
            Placeholder::InstalmentDate => "instalment_date",
            Placeholder::InstalmentAmount => "instalment_amount",
            Placeholder::InstalmentOutstanding => "instalment_outstanding",
            Placeholder::PlanDate => "plan_date",
            Placeholder::GraceEnd => "grace_end",
        }
    }

    /// The instalment notes' own placeholders.
    pub const INSTALMENT: [Placeholder; 6] = [
        Placeholder::InstalmentNumber,
        Placeholder::InstalmentDate,
        Placeholder::InstalmentAmount,
        Placeholder::InstalmentOutstanding,
        Placeholder::PlanDate,
        Placeholder::GraceEnd,
    ];

    pub fn from_name(name: &str) -> Option<Placeholder> {
        Self::ALL
            .into_iter()
            .chain(Self::INSTALMENT)
            .find(|p| p.name() == name)
    }

    /// The placeholder's text for this message; empty when it has nothing to say.
    fn value(self, ctx: &MessageContext, locale: Locale) -> String {
        let nonzero_amount = |amount: Decimal| {
            if amount.is_zero() {
                String::new()
            } else {
                format_eur(amount, locale)
            }
        };
        let oldest = ctx.lines.iter().min_by_key(|line| line.due_date);
        match self {
            Placeholder::Client => ctx.client_name.clone(),
            // French business letters greet "Madame, Monsieur" (a first name would be
            // familiar, and the payer's title is not known); the payer is named in the
            // address ("À l'attention de"). English greets the payer by name.
            Placeholder::Contact => match locale {
                Locale::Fr => "Madame, Monsieur".to_string(),
                Locale::En if !ctx.payer_name.trim().is_empty() => ctx.payer_name.clone(),
                Locale::En => "Sir or Madam".to_string(),
            },
            Placeholder::Invoices if ctx.lines.is_empty() => String::new(),
            Placeholder::Invoices => ctx.invoice_table(locale).to_text(),
            Placeholder::InvoiceNumbers => ctx
                .lines
                .iter()
                .map(|line| line.number.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Placeholder::OpenTotal => format_eur(ctx.totals.due(), locale),
            // A half-year's rate missing from the table: the interest still runs and is
            // claimed "à parfaire" (to be settled), never passed over in silence.
            Placeholder::Interest if !ctx.missing_rates.is_empty() => {
                let pending = match locale {
                    Locale::Fr => "à parfaire",
                    Locale::En => "to be determined",
                };
                match nonzero_amount(ctx.totals.interest) {
                    known if known.is_empty() => pending.to_string(),
                    known => format!("{known}, {pending}"),
                }
            }
            Placeholder::Interest => nonzero_amount(ctx.totals.interest),
            Placeholder::Indemnity => nonzero_amount(ctx.totals.indemnity),
            Placeholder::TotalClaimed if !ctx.missing_rates.is_empty() => {
                let claimed = format_eur(ctx.totals.claimed, locale);
                match locale {
                    Locale::Fr => format!("{claimed} (intérêts à parfaire en sus)"),
                    Locale::En => format!("{claimed} (plus interest to be determined)"),
                }
            }
            Placeholder::TotalClaimed => format_eur(ctx.totals.claimed, locale),
            Placeholder::OldestDueDate => oldest
                .map(|line| format_date(line.due_date, locale))
                .unwrap_or_default(),
            Placeholder::DaysLate => oldest
                .map(|line| line.days_late.to_string())
                .unwrap_or_default(),
            Placeholder::Issuer => ctx.issuer.name.clone(),
            Placeholder::IssuerIban => format_iban(&ctx.issuer.iban),
            Placeholder::IssuerBic if ctx.issuer.iban.trim().is_empty() => String::new(),
            Placeholder::IssuerBic => ctx.issuer.bic.clone(),
            Placeholder::Today => format_date(ctx.as_of, locale),
            Placeholder::Deadline => format_date(ctx.deadline(), locale),
            Placeholder::BrokenPromise => ctx
                .broken_promise
                .map(|date| format_date(date, locale))
                .unwrap_or_default(),
            Placeholder::InstalmentNumber
            | Placeholder::InstalmentDate
            | Placeholder::InstalmentAmount
            | Placeholder::InstalmentOutstanding
            | Placeholder::PlanDate
            | Placeholder::GraceEnd => {
                let Some(facts) = &ctx.instalment else {
                    return String::new();
                };
                match self {
                    Placeholder::InstalmentNumber => facts.number.to_string(),
                    Placeholder::InstalmentDate => format_date(facts.date, locale),
                    Placeholder::InstalmentAmount => format_eur(facts.amount, locale),
                    // Said only when part of it was paid: else it repeats the amount.
                    Placeholder::InstalmentOutstanding if facts.outstanding == facts.amount => {
                        String::new()
                    }
                    Placeholder::InstalmentOutstanding => format_eur(facts.outstanding, locale),
                    Placeholder::PlanDate => format_date(facts.plan_date, locale),
                    _ => format_date(facts.grace_end, locale),
                }
            }
        }
    }
}

/// Which text of a template a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplatePart {
    Subject,
    Body,
}

/// What is wrong at a place in a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    /// `{name}` where the name is not a [`Placeholder`].
    UnknownPlaceholder(String),
    /// A `{` with no `}` before the end of its line or the next `{`.
    UnclosedBrace,
}

/// A template the editor must not save, with the place to show: the part, and the line and
/// column (both from 1, columns in characters) of the opening brace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub part: TemplatePart,
    pub line: usize,
    pub column: usize,
    pub problem: TemplateProblem,
}

impl Template {
    /// Whether the subject or the body states this placeholder (a text that does not parse
    /// states nothing): the app warns about what a message says, not what it could say.
    pub fn uses(&self, placeholder: Placeholder) -> bool {
        [
            (&self.subject, TemplatePart::Subject),
            (&self.body, TemplatePart::Body),
        ]
        .into_iter()
        .any(|(text, part)| {
            parse(text, part).is_ok_and(|lines| {
                lines
                    .iter()
                    .flatten()
                    .any(|piece| matches!(piece, Piece::Value(p) if *p == placeholder))
            })
        })
    }
}

/// Checks a template as the editor saves it: every brace closed, every placeholder known.
pub fn check_template(template: &Template) -> Result<(), TemplateError> {
    parse(&template.subject, TemplatePart::Subject)?;
    parse(&template.body, TemplatePart::Body)?;
    Ok(())
}

/// Fills a template's placeholders for the context. A line with a placeholder that has
/// nothing to say is left out (with the blank line that set it apart, when it stood alone),
/// and a subject written on several lines is joined into one.
pub fn render(
    template: &Template,
    ctx: &MessageContext,
    locale: Locale,
) -> Result<Message, TemplateError> {
    let subject = parse(&template.subject, TemplatePart::Subject)?;
    let body = parse(&template.body, TemplatePart::Body)?;
    let value_of = |placeholder: Placeholder| placeholder.value(ctx, locale);
    Ok(Message {
        subject: fill(&subject, &value_of).join(" ").trim().to_string(),
        body: fill(&body, &value_of).join("\n"),
    })
}

enum Piece<'a> {
    Text(&'a str),
    Value(Placeholder),
}

/// A template's lines, each as text and placeholders. A placeholder never spans lines.
fn parse(text: &str, part: TemplatePart) -> Result<Vec<Vec<Piece<'_>>>, TemplateError> {
    text.split('\n')
        .enumerate()
        .map(|(index, line)| parse_line(line, part, index + 1))
        .collect()
}

fn parse_line(
    line: &str,
    part: TemplatePart,
    line_number: usize,
) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        let consumed_before = line.len() - rest.len() + open;
        let error = |problem| TemplateError {
            part,
            line: line_number,
            column: line[..consumed_before].chars().count() + 1,
            problem,
        };
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') => {
                let name = &after[..close];
                let placeholder = Placeholder::from_name(name)
                    .ok_or_else(|| error(TemplateProblem::UnknownPlaceholder(name.to_string())))?;
                pieces.push(Piece::Value(placeholder));
                rest = &after[close + 1..];
            }
            _ => return Err(error(TemplateProblem::UnclosedBrace)),
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    Ok(pieces)
}

/// The lines filled in, those with an empty placeholder left out.
fn fill(lines: &[Vec<Piece<'_>>], value_of: &impl Fn(Placeholder) -> String) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut dropped_since_kept = false;
    'lines: for pieces in lines {
        let mut text = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(part) => text.push_str(part),
                Piece::Value(placeholder) => {
                    let value = value_of(*placeholder);
                    if value.is_empty() {
                        dropped_since_kept = true;
                        continue 'lines;
                    }
                    text.push_str(&value);
                }
            }
        }
        // A paragraph left out must not leave two blank lines where it stood.
        let blank = text.trim().is_empty();
        let after_blank = kept.last().is_none_or(|line| line.trim().is_empty());
        if blank && dropped_since_kept && after_blank {
            continue;
        }
        dropped_since_kept = false;
        kept.push(text);
    }
    kept
}

/// A `mailto:` link that opens the user's mail program with the message filled in. Subject
/// and body are percent-encoded as RFC 6068 asks (a space is `%20`, a line break `%0D%0A`),
/// so `&`, `?`, `#`, `%` and accents reach the mail program as written.
pub fn mailto_href(email: &str, message: &Message) -> String {
    let body = message.body.replace("\r\n", "\n").replace('\n', "\r\n");
    let query = encode_query([("subject", message.subject.as_str()), ("body", &body)]);
    let link = mailto(email);
    if query.is_empty() {
        link
    } else {
        format!("{link}?{query}")
    }
}

/// A `mailto:` link to an address and nothing else, the one way every link to an address is
/// written: the address keeps its `@` and each side is encoded like a query value, so that an
/// address carrying `?cc=...` cannot add recipients.
pub fn mailto(email: &str) -> String {
    let address = match email.trim().rsplit_once('@') {
        Some((local, domain)) => format!("{}@{}", encoded(local), encoded(domain)),
        None => encoded(email.trim()),
    };
    format!("mailto:{address}")
}

/// One value percent-encoded by [`encode_query`], the project's one encoder: the value of a
/// pair with an empty name comes after the `=`.
fn encoded(text: &str) -> String {
    encode_query([("", text)])
        .trim_start_matches('=')
        .to_string()
}

/// A letter ready to print on A4: the issuer's letterhead, the recipient's window, the date,
/// the subject, the body with the invoices as a real table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    /// The letterhead: name, address, registration, e-mail and phone, as known.
    pub sender: Vec<String>,
    /// The client's name, the payer's, the address.
    pub recipient: Vec<String>,
    pub place_and_date: String,
    /// How the letter must be sent: a formal notice goes by registered letter.
    pub delivery: Option<String>,
    /// With its label ("Objet : …").
    pub subject: String,
    pub blocks: Vec<LetterBlock>,
    pub table: InvoiceTable,
    pub totals: Totals,
}

/// The body in order: paragraphs of text, and where the message had its table, the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LetterBlock {
    /// Text with its line breaks, to show as written.
    Text(String),
    InvoiceTable,
}

impl Letter {
    /// The letter for a message rendered from this context (and maybe edited since): the
    /// plain-text table, where the body still holds it as rendered, becomes a table block.
    pub fn new(ctx: &MessageContext, message: &Message, locale: Locale) -> Letter {
        let issuer = &ctx.issuer;
        let mut sender = non_empty(&[issuer.name.as_str()]);
        sender.extend(address_lines(&issuer.address));
        if !issuer.registration.is_empty() {
            let kind = if issuer.registration.len() == 14 {
                "SIRET"
            } else {
                "SIREN"
            };
            sender.push(format!(
                "{kind} {}",
                registration_in_groups(&issuer.registration)
            ));
        }
        sender.extend(non_empty(&[issuer.email.as_str(), issuer.phone.as_str()]));

        let mut recipient = non_empty(&[ctx.client_name.as_str()]);
        let payer = ctx.payer_name.trim();
        // A private individual usually pays for themselves: no "attention of" their own name.
        if !payer.is_empty() && !same_folded(payer, ctx.client_name.trim()) {
            recipient.push(match locale {
                Locale::Fr => format!("À l'attention de {payer}"),
                Locale::En => format!("For the attention of {payer}"),
            });
        }
        recipient.extend(address_lines(&ctx.client_address));

        let date = format_date(ctx.as_of, locale);
        let city = issuer.address.city.trim();
        let place_and_date = match (locale, city.is_empty()) {
            (Locale::Fr, false) => format!("{city}, le {date}"),
            (Locale::Fr, true) => format!("Le {date}"),
            (Locale::En, false) => format!("{city}, {date}"),
            (Locale::En, true) => date,
        };
        let delivery = (ctx.tone == Tone::FormalNotice).then(|| {
            match locale {
                Locale::Fr => "Lettre recommandée avec accusé de réception",
                Locale::En => "Registered letter with acknowledgement of receipt",
            }
            .to_string()
        });
        let subject = match locale {
            Locale::Fr => format!("Objet : {}", message.subject),
            Locale::En => format!("Subject: {}", message.subject),
        };

        let table = ctx.invoice_table(locale);
        let table_text = table.to_text();
        let body = message.body.trim_end();
        let blocks = match body.split_once(table_text.as_str()) {
            Some((before, after)) if !ctx.lines.is_empty() => {
                let mut blocks = Vec::new();
                text_block(&mut blocks, before);
                blocks.push(LetterBlock::InvoiceTable);
                text_block(&mut blocks, after);
                blocks
            }
            _ => vec![LetterBlock::Text(body.to_string())],
        };
        Letter {
            sender,
            recipient,
            place_and_date,
            delivery,
            subject,
            blocks,
            table,
            totals: ctx.totals,
        }
    }
}

fn text_block(blocks: &mut Vec<LetterBlock>, text: &str) {
    let text = text.trim_matches('\n');
    if !text.trim().is_empty() {
        blocks.push(LetterBlock::Text(text.to_string()));
    }
}

fn non_empty(texts: &[&str]) -> Vec<String> {
    texts
        .iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .map(str::to_string)
        .collect()
}

/// An address as printed on an envelope; the country only when abroad.
fn address_lines(address: &Address) -> Vec<String> {
    let town = format!("{} {}", address.postal_code.trim(), address.city.trim());
    let country = if crate::values::validate::in_france(&address.country) {
        ""
    } else {
        address.country.trim()
    };
    non_empty(&[&address.line1, &address.line2, &town, country])
}

/// `732 829 320` or `732 829 320 00074`, as registrations are printed.
fn registration_in_groups(digits: &str) -> String {
    let (siren, nic) = digits.split_at(digits.len().min(9));
    let mut groups: Vec<&str> = siren
        .as_bytes()
        .chunks(3)
        .filter_map(|chunk| std::str::from_utf8(chunk).ok())
        .collect();
    if !nic.is_empty() {
        groups.push(nic);
    }
    groups.join(" ")
}
