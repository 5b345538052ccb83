//! What was done to collect, as stored with the ledger: the reminder plans, what the user did
//! with the queue, promises to pay, payment plans and litigations.
//!
//! Plain data, and what it says on its own: the plan a client follows, the level each invoice
//! reached, whether something names an invoice. What is due on a day, a payment plan's status
//! and the checked changes read the rest of the ledger too: they are collection rules
//! ([`crate::collection::reminder`]). Every list stays sorted by id (the client plans by
//! client).

use crate::values::ids::{ClientId, InvoiceId, LitigationId, PaymentPlanId, PromiseId, ReminderId};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminders {
    /// The plan every client follows unless it has its own.
    pub plan: ReminderPlan,
    /// Clients with their own plan, sorted by client.
    pub client_plans: Vec<ClientPlan>,
    /// What the user did with the queue.
    pub log: Vec<ReminderAction>,
    pub promises: Vec<Promise>,
    pub payment_plans: Vec<PaymentPlan>,
    pub litigations: Vec<Litigation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientPlan {
    pub client: ClientId,
    pub plan: ReminderPlan,
}

/// One thing the user did with the queue, on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderAction {
    pub id: ReminderId,
    pub client: ClientId,
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub kind: ActionKind,
}

/// Stored externally tagged (`{"sent": {...}}`): an internally tagged enum costs twice the
/// reading code in every page's wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A grouped reminder sent; its tone is the firmest of its invoices' levels.
    Sent {
        channel: Channel,
        tone: Tone,
        invoices: Vec<InvoiceLevel>,
    },
    /// The levels counted as reached without sending anything.
    Skipped { invoices: Vec<InvoiceLevel> },
    /// No reminder for the client until that date (excluded).
    Snoozed {
        #[serde(with = "crate::values::iso_date")]
        until: NaiveDate,
    },
    /// A note about one instalment of a payment plan.
    InstalmentReminded {
        plan: PaymentPlanId,
        instalment: u16,
        channel: Channel,
    },
}

/// The plan level an invoice reached: its rank (from 0) in the client's plan when it was
/// logged, for the history, and its offset from the due date, which is what the schedule
/// resumes from: a plan edited since (a level added, removed, moved) keeps every invoice where
/// it stands in time rather than at a rank that now means another level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InvoiceLevel {
    pub invoice: InvoiceId,
    pub level: u8,
    pub offset_days: i32,
}

/// A client's promise to pay, by a date, an amount or (without one) what was overdue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    pub id: PromiseId,
    pub client: ClientId,
    #[serde(with = "crate::values::iso_date")]
    pub made_on: NaiveDate,
    #[serde(with = "crate::values::iso_date")]
    pub promised_for: NaiveDate,
    pub amount: Option<Decimal>,
    pub note: String,
}

// How a reminder speaks and how it travels: shared by the plan, the log and the messages.

/// How a reminder reaches the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Letter,
    Phone,
}

/// How firm a reminder is, from a courteous note before the due date to the last notice
/// before litigation. Ordered: a later tone is firmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Before the due date: a friendly note that an invoice falls due soon.
    Courteous,
    FirstReminder,
    SecondReminder,
    /// Mise en demeure: states the interest and, for a business, the 40 € indemnity.
    FormalNotice,
    /// Dernière relance avant contentieux.
    FinalNotice,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Letter, Channel::Phone];
}

impl Tone {
    pub const ALL: [Tone; 5] = [
        Tone::Courteous,
        Tone::FirstReminder,
        Tone::SecondReminder,
        Tone::FormalNotice,
        Tone::FinalNotice,
    ];
}

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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// A payment plan (échéancier): a client's balance split into dated instalments. Its status
/// is derived from the payments ([`crate::collection::reminder::instalments`]), never stored,
/// except its cancellation, a decision of the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentPlan {
    pub id: PaymentPlanId,
    pub client: ClientId,
    #[serde(with = "crate::values::iso_date")]
    pub created_on: NaiveDate,
    pub invoices: Vec<InvoiceId>,
    pub instalments: Vec<Instalment>,
    /// Days after an instalment's date before an unmet instalment breaks the plan.
    pub grace_days: u16,
    #[serde(with = "crate::values::iso_date::option")]
    pub cancelled_on: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LitigationKind {
    CollectionAgency,
    /// Injonction de payer.
    Court,
}

impl LitigationKind {
    pub const ALL: [LitigationKind; 2] = [LitigationKind::CollectionAgency, LitigationKind::Court];
}

/// Invoices handed over to a collection agency or to court (contentieux).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Litigation {
    pub id: LitigationId,
    pub client: ClientId,
    pub invoices: Vec<InvoiceId>,
    pub kind: LitigationKind,
    /// The day of the hand-over.
    #[serde(with = "crate::values::iso_date")]
    pub date: NaiveDate,
    pub notes: String,
    /// What was handed over with the file (invoices, the formal notice, the contract...).
    pub documents: Vec<String>,
    #[serde(with = "crate::values::iso_date::option")]
    pub closed_on: Option<NaiveDate>,
    pub outcome: String,
}

impl Litigation {
    /// Open from the hand-over until the day it is closed (that day excluded).
    pub fn is_open_on(&self, date: NaiveDate) -> bool {
        self.date <= date && self.closed_on.is_none_or(|closed| closed > date)
    }
}

/// Something logged for a client, for its history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderEvent<'a> {
    Action(&'a ReminderAction),
    PromiseMade(&'a Promise),
    PaymentPlanAgreed(&'a PaymentPlan),
    PaymentPlanCancelled(&'a PaymentPlan),
    HandedOver(&'a Litigation),
    LitigationClosed(&'a Litigation),
}

impl ReminderEvent<'_> {
    pub fn date(&self) -> NaiveDate {
        match self {
            ReminderEvent::Action(action) => action.date,
            ReminderEvent::PromiseMade(promise) => promise.made_on,
            ReminderEvent::PaymentPlanAgreed(plan) => plan.created_on,
            ReminderEvent::PaymentPlanCancelled(plan) => {
                plan.cancelled_on.unwrap_or(plan.created_on)
            }
            ReminderEvent::HandedOver(litigation) => litigation.date,
            ReminderEvent::LitigationClosed(litigation) => {
                litigation.closed_on.unwrap_or(litigation.date)
            }
        }
    }
}

impl Reminders {
    /// The plan the client follows: its own, else the default one.
    pub fn plan_for(&self, client: ClientId) -> &ReminderPlan {
        self.client_plans
            .binary_search_by_key(&client, |p| p.client)
            .map_or(&self.plan, |i| &self.client_plans[i].plan)
    }

    /// The client's own plan, if it has one.
    pub fn own_plan(&self, client: ClientId) -> Option<&ReminderPlan> {
        self.client_plans
            .binary_search_by_key(&client, |p| p.client)
            .ok()
            .map(|i| &self.client_plans[i].plan)
    }

    /// Each invoice's furthest level logged (sent or skipped) by that date, as its offset
    /// from the due date, with the date it was logged: where its next reminder starts from.
    pub fn levels_reached(&self, as_of: NaiveDate) -> HashMap<InvoiceId, (i32, NaiveDate)> {
        let mut reached: HashMap<InvoiceId, (i32, NaiveDate)> = HashMap::new();
        for action in self.log.iter().filter(|a| a.date <= as_of) {
            for level in action.kind.invoice_levels() {
                let entry = reached
                    .entry(level.invoice)
                    .or_insert((level.offset_days, action.date));
                if level.offset_days >= entry.0 {
                    *entry = (level.offset_days, action.date);
                }
            }
        }
        reached
    }

    /// What is logged for a client (actions, promises, payment plans, litigations), in no
    /// particular order: the client's history merges and sorts it with the ledger's events.
    pub fn history_of(&self, client: ClientId) -> impl Iterator<Item = ReminderEvent<'_>> {
        let actions = self
            .log
            .iter()
            .filter(move |a| a.client == client)
            .map(ReminderEvent::Action);
        let promises = self
            .promises
            .iter()
            .filter(move |p| p.client == client)
            .map(ReminderEvent::PromiseMade);
        let plans = self
            .payment_plans
            .iter()
            .filter(move |p| p.client == client)
            .flat_map(|p| {
                std::iter::once(ReminderEvent::PaymentPlanAgreed(p)).chain(
                    p.cancelled_on
                        .map(|_| ReminderEvent::PaymentPlanCancelled(p)),
                )
            });
        let litigations = self
            .litigations
            .iter()
            .filter(move |l| l.client == client)
            .flat_map(|l| {
                std::iter::once(ReminderEvent::HandedOver(l))
                    .chain(l.closed_on.map(|_| ReminderEvent::LitigationClosed(l)))
            });
        actions.chain(promises).chain(plans).chain(litigations)
    }

    /// Whether an entity of the reminders has this id (the ledger's counter must cover it).
    pub fn uses_id(&self, id: u64) -> bool {
        self.log.iter().any(|a| a.id.0 == id)
            || self.promises.iter().any(|p| p.id.0 == id)
            || self.payment_plans.iter().any(|p| p.id.0 == id)
            || self.litigations.iter().any(|l| l.id.0 == id)
    }

    /// Whether anything logged names the invoice: it can then no longer be deleted.
    pub fn mentions_invoice(&self, invoice: InvoiceId) -> bool {
        self.log
            .iter()
            .any(|a| a.kind.invoice_levels().iter().any(|l| l.invoice == invoice))
            || self
                .payment_plans
                .iter()
                .any(|p| p.invoices.contains(&invoice))
            || self
                .litigations
                .iter()
                .any(|l| l.invoices.contains(&invoice))
    }

    /// Whether anything logged concerns the client: it can then no longer be deleted.
    pub fn mentions_client(&self, client: ClientId) -> bool {
        self.history_of(client).next().is_some() || self.own_plan(client).is_some()
    }

    /// Whether the instalment already had its note, logged by `as_of`: the one up to its date
    /// (`late` false) or the one after it (`late` true).
    pub(crate) fn instalment_reminded(
        &self,
        plan: PaymentPlanId,
        instalment: u16,
        instalment_date: NaiveDate,
        late: bool,
        as_of: NaiveDate,
    ) -> bool {
        self.log.iter().any(|action| {
            action.date <= as_of
                && (action.date > instalment_date) == late
                && matches!(action.kind,
                    ActionKind::InstalmentReminded { plan: p, instalment: i, .. }
                        if p == plan && i == instalment)
        })
    }

    /// The client's latest action (by date, then by the order it was logged): the one that
    /// can be undone.
    pub fn last_action(&self, client: ClientId) -> Option<&ReminderAction> {
        self.log
            .iter()
            .filter(|a| a.client == client)
            .max_by_key(|a| (a.date, a.id))
    }
}

impl ActionKind {
    /// The invoice levels a sent or skipped reminder reached; none for the other actions.
    pub fn invoice_levels(&self) -> &[InvoiceLevel] {
        match self {
            ActionKind::Sent { invoices, .. } | ActionKind::Skipped { invoices } => invoices,
            ActionKind::Snoozed { .. } | ActionKind::InstalmentReminded { .. } => &[],
        }
    }
}

/// The invoices in an open litigation on that date.
pub fn in_litigation(reminders: &Reminders, as_of: NaiveDate) -> HashSet<InvoiceId> {
    reminders
        .litigations
        .iter()
        .filter(|l| l.is_open_on(as_of))
        .flat_map(|l| l.invoices.iter().copied())
        .collect()
}
