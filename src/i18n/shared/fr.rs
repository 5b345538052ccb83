use super::SharedTexts;
use crate::i18n::grammar::fr::plural;
use encaisse_domain::analysis::history::HistoryEvent;
use encaisse_domain::model::payment::PaymentMethod;
use encaisse_domain::model::reminders::LitigationKind;
use encaisse_domain::model::reminders::{Channel, Tone};
use encaisse_domain::values::format::{format_date, format_eur};

pub static TEXTS: SharedTexts = SharedTexts {
    form_has_errors: |n| format!("{} à corriger avant d'enregistrer.", plural(n, "champ", "champs")),
    f_contractual_rate: "Taux des pénalités de retard prévu au contrat (% par an)",
    hint_contractual_rate: "Laisser vide pour le taux légal par défaut : taux BCE + 10 points. Un taux convenu inférieur à 3 fois le taux d'intérêt légal est relevé à ce plancher.",
    history_event: |event, locale| match event {
        HistoryEvent::InvoiceIssued { number, total, .. } => format!("Facture {number} émise : {}", format_eur(*total, locale)),
        HistoryEvent::PaymentReceived { amount, method, bank_line, .. } => {
            let received = format!("Paiement reçu ({}) : {}", (TEXTS.method)(*method).to_ascii_lowercase(), format_eur(*amount, locale));
            match bank_line {
                Some((date, label)) => format!("{received}, rapproché du relevé du {} « {label} »", format_date(*date, locale)),
                None => received,
            }
        }
        HistoryEvent::CreditNoteIssued { number, amount, .. } => format!("Avoir {number} : {}", format_eur(*amount, locale)),
        HistoryEvent::DisputeOpened { number, reason, .. } => format!("Litige ouvert sur {number} : {reason}"),
        HistoryEvent::DisputeClosed { number, resolution, .. } => format!("Litige clos sur {number} : {resolution}"),
        HistoryEvent::WrittenOff { number, amount, .. } => format!("Facture {number} passée en perte : {}", format_eur(*amount, locale)),
        HistoryEvent::Blocked { reason } => format!("Client bloqué : {reason}"),
        HistoryEvent::Unblocked { reason } => format!("Client débloqué : {reason}"),
        HistoryEvent::ReminderSent { tone, level, channel, numbers } => format!("{} (niveau {level}, {}) : {}", (TEXTS.tone)(*tone), (TEXTS.channel)(*channel).to_ascii_lowercase(), numbers.join(", ")),
        HistoryEvent::ReminderSkipped { numbers } => format!("Relance passée sans envoi : {}", numbers.join(", ")),
        HistoryEvent::Snoozed { until } => format!("Relances reportées au {}", format_date(*until, locale)),
        HistoryEvent::InstalmentReminded { instalment, channel } => format!("Rappel de l'échéance n° {instalment} ({})", (TEXTS.channel)(*channel).to_ascii_lowercase()),
        HistoryEvent::PromiseMade { promised_for, amount } => match amount {
            Some(amount) => format!("Promesse de paiement de {} pour le {}", format_eur(*amount, locale), format_date(*promised_for, locale)),
            None => format!("Promesse de paiement pour le {}", format_date(*promised_for, locale)),
        },
        HistoryEvent::PaymentPlanAgreed { instalments, total } => format!("Plan de paiement en {instalments} échéances : {}", format_eur(*total, locale)),
        HistoryEvent::PaymentPlanCancelled => "Plan de paiement arrêté".into(),
        HistoryEvent::HandedOver { kind, numbers } => format!("Transmis au contentieux ({}) : {}", (TEXTS.litigation_kind)(*kind).to_ascii_lowercase(), numbers.join(", ")),
        HistoryEvent::LitigationClosed { outcome } => format!("Contentieux clos : {outcome}"),
    },
    method: |m| match m {
        PaymentMethod::Transfer => "Virement",
        PaymentMethod::DirectDebit => "Prélèvement",
        PaymentMethod::Cheque => "Chèque",
        PaymentMethod::Card => "Carte",
        PaymentMethod::Cash => "Espèces",
        PaymentMethod::Other => "Autre",
    },
    bucket: |range| match range {
        None => "Non échu".into(),
        Some((first, Some(last))) => format!("{first}–{last} j"),
        Some((first, None)) => format!("{} j et plus", first),
    },
    calc_notice_hint: "Pour un particulier, les intérêts ne courent qu'à partir de cette date.",
    tone: |tone| match tone {
        Tone::Courteous => "Rappel avant échéance",
        Tone::FirstReminder => "1re relance",
        Tone::SecondReminder => "2e relance",
        Tone::FormalNotice => "Mise en demeure",
        Tone::FinalNotice => "Dernier avis avant contentieux",
    },
    channel: |channel| match channel {
        Channel::Email => "E-mail",
        Channel::Letter => "Courrier",
        Channel::Phone => "Téléphone",
    },
    litigation_kind: |kind| match kind {
        LitigationKind::CollectionAgency => "Société de recouvrement",
        LitigationKind::Court => "Injonction de payer (tribunal)",
    },
};
