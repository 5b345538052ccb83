use super::SharedTexts;
use crate::i18n::grammar::en::plural;
use encaisse_domain::analysis::history::HistoryEvent;
use encaisse_domain::model::payment::PaymentMethod;
use encaisse_domain::model::reminders::LitigationKind;
use encaisse_domain::model::reminders::{Channel, Tone};
use encaisse_domain::values::format::{format_date, format_eur};

pub static TEXTS: SharedTexts = SharedTexts {
    form_has_errors: |n| format!("{} to fix before saving.", plural(n, "field", "fields")),
    f_contractual_rate: "Late-payment rate agreed in the contract (% a year)",
    hint_contractual_rate: "Leave empty for the legal default: ECB rate + 10 points. An agreed rate below 3 times the taux légal is raised to that floor.",
    history_event: |event, locale| match event {
        HistoryEvent::InvoiceIssued { number, total, .. } => format!("Invoice {number} issued: {}", format_eur(*total, locale)),
        HistoryEvent::PaymentReceived { amount, method, bank_line, .. } => {
            let received = format!("Payment received ({}): {}", (TEXTS.method)(*method).to_ascii_lowercase(), format_eur(*amount, locale));
            match bank_line {
                Some((date, label)) => format!("{received}, reconciled with the statement line of {} “{label}”", format_date(*date, locale)),
                None => received,
            }
        }
        HistoryEvent::CreditNoteIssued { number, amount, .. } => format!("Credit note {number}: {}", format_eur(*amount, locale)),
        HistoryEvent::DisputeOpened { number, reason, .. } => format!("Dispute opened on {number}: {reason}"),
        HistoryEvent::DisputeClosed { number, resolution, .. } => format!("Dispute closed on {number}: {resolution}"),
        HistoryEvent::WrittenOff { number, amount, .. } => format!("Invoice {number} written off: {}", format_eur(*amount, locale)),
        HistoryEvent::Blocked { reason } => format!("Client blocked: {reason}"),
        HistoryEvent::Unblocked { reason } => format!("Client unblocked: {reason}"),
        HistoryEvent::ReminderSent { tone, level, channel, numbers } => format!("{} (level {level}, {}): {}", (TEXTS.tone)(*tone), (TEXTS.channel)(*channel).to_ascii_lowercase(), numbers.join(", ")),
        HistoryEvent::ReminderSkipped { numbers } => format!("Reminder skipped, nothing sent: {}", numbers.join(", ")),
        HistoryEvent::Snoozed { until } => format!("Reminders snoozed until {}", format_date(*until, locale)),
        HistoryEvent::InstalmentReminded { instalment, channel } => format!("Instalment {instalment} reminded ({})", (TEXTS.channel)(*channel).to_ascii_lowercase()),
        HistoryEvent::PromiseMade { promised_for, amount } => match amount {
            Some(amount) => format!("Promise to pay {} by {}", format_eur(*amount, locale), format_date(*promised_for, locale)),
            None => format!("Promise to pay by {}", format_date(*promised_for, locale)),
        },
        HistoryEvent::PaymentPlanAgreed { instalments, total } => format!("Payment plan in {instalments} instalments: {}", format_eur(*total, locale)),
        HistoryEvent::PaymentPlanCancelled => "Payment plan ended".into(),
        HistoryEvent::HandedOver { kind, numbers } => format!("Handed over ({}): {}", (TEXTS.litigation_kind)(*kind).to_ascii_lowercase(), numbers.join(", ")),
        HistoryEvent::LitigationClosed { outcome } => format!("Litigation closed: {outcome}"),
    },
    method: |m| match m {
        PaymentMethod::Transfer => "Bank transfer",
        PaymentMethod::DirectDebit => "Direct debit",
        PaymentMethod::Cheque => "Cheque",
        PaymentMethod::Card => "Card",
        PaymentMethod::Cash => "Cash",
        PaymentMethod::Other => "Other",
    },
    bucket: |range| match range {
        None => "Not yet due".into(),
        Some((first, Some(last))) => format!("{first}–{last} days"),
        Some((first, None)) => format!("{first}+ days"),
    },
    calc_notice_hint: "For a private individual, interest runs only from this date.",
    tone: |tone| match tone {
        Tone::Courteous => "Reminder before due date",
        Tone::FirstReminder => "First reminder",
        Tone::SecondReminder => "Second reminder",
        Tone::FormalNotice => "Formal notice",
        Tone::FinalNotice => "Final notice before litigation",
    },
    channel: |channel| match channel {
        Channel::Email => "Email",
        Channel::Letter => "Letter",
        Channel::Phone => "Phone",
    },
    litigation_kind: |kind| match kind {
        LitigationKind::CollectionAgency => "Collection agency",
        LitigationKind::Court => "Order for payment (court)",
    },
};
