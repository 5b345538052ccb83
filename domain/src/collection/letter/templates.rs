//! The default messages: one subject and body per tone, client kind and language.
//!
//! These are the letters themselves, not interface text, so they live here rather than in the
//! app's translations: a French user may write to an English-speaking client. Each is plain
//! text with placeholders (see [`super::Placeholder`]); a line whose placeholder has nothing
//! to say (no IBAN, no broken promise, no interest yet) is left out when rendering, which is
//! how the bank details appear only when known: the IBAN shares its line with its label.
//!
//! The law they follow: between businesses, interest runs from the day after the due date and
//! the 40 € indemnity is owed per late invoice (Code de commerce L441-10, D441-5); a private
//! individual owes neither the indemnity nor interest before a formal notice, and from it,
//! interest at the taux légal (Code civil 1231-6 and 1344).

use super::Template;
use crate::collection::reminder::schedule::InstalmentNotice;
use crate::model::client::ClientKind;
use crate::model::reminders::Tone;
use crate::values::format::Locale;

/// The default template for a tone, the client's kind and the language.
pub fn default_template(tone: Tone, kind: ClientKind, locale: Locale) -> Template {
    let (subject, body) = match (locale, tone, kind) {
        (Locale::Fr, Tone::Courteous, _) => (COURTEOUS_FR_SUBJECT, COURTEOUS_FR),
        (Locale::En, Tone::Courteous, _) => (COURTEOUS_EN_SUBJECT, COURTEOUS_EN),
        (Locale::Fr, Tone::FirstReminder, _) => (FIRST_FR_SUBJECT, FIRST_FR),
        (Locale::En, Tone::FirstReminder, _) => (FIRST_EN_SUBJECT, FIRST_EN),
        (Locale::Fr, Tone::SecondReminder, ClientKind::Business) => {
            (SECOND_FR_SUBJECT, SECOND_BUSINESS_FR)
        }
        (Locale::Fr, Tone::SecondReminder, ClientKind::Individual) => {
            (SECOND_FR_SUBJECT, SECOND_INDIVIDUAL_FR)
        }
        (Locale::En, Tone::SecondReminder, ClientKind::Business) => {
            (SECOND_EN_SUBJECT, SECOND_BUSINESS_EN)
        }
        (Locale::En, Tone::SecondReminder, ClientKind::Individual) => {
            (SECOND_EN_SUBJECT, SECOND_INDIVIDUAL_EN)
        }
        (Locale::Fr, Tone::FormalNotice, ClientKind::Business) => {
            (FORMAL_FR_SUBJECT, FORMAL_BUSINESS_FR)
        }
        (Locale::Fr, Tone::FormalNotice, ClientKind::Individual) => {
            (FORMAL_FR_SUBJECT, FORMAL_INDIVIDUAL_FR)
        }
        (Locale::En, Tone::FormalNotice, ClientKind::Business) => {
            (FORMAL_EN_SUBJECT, FORMAL_BUSINESS_EN)
        }
        (Locale::En, Tone::FormalNotice, ClientKind::Individual) => {
            (FORMAL_EN_SUBJECT, FORMAL_INDIVIDUAL_EN)
        }
        (Locale::Fr, Tone::FinalNotice, ClientKind::Business) => {
            (FINAL_FR_SUBJECT, FINAL_BUSINESS_FR)
        }
        (Locale::Fr, Tone::FinalNotice, ClientKind::Individual) => {
            (FINAL_FR_SUBJECT, FINAL_INDIVIDUAL_FR)
        }
        (Locale::En, Tone::FinalNotice, ClientKind::Business) => {
            (FINAL_EN_SUBJECT, FINAL_BUSINESS_EN)
        }
        (Locale::En, Tone::FinalNotice, ClientKind::Individual) => {
            (FINAL_EN_SUBJECT, FINAL_INDIVIDUAL_EN)
        }
    };
    Template {
        subject: subject.to_string(),
        body: body.to_string(),
    }
}

// ----- Courteous: before the due date -----

const COURTEOUS_FR_SUBJECT: &str = "Rappel d'échéance : {invoice_numbers}";
const COURTEOUS_FR: &str = "{contact},

Nous nous permettons de vous rappeler que le règlement ci-dessous arrive prochainement à échéance :

{invoices}

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Si votre règlement est déjà en cours, nous vous prions de ne pas tenir compte de ce message.

Nous restons à votre disposition pour toute question et vous remercions de votre confiance.

Bien cordialement,

{issuer}
";

const COURTEOUS_EN_SUBJECT: &str = "Payment due soon: {invoice_numbers}";
const COURTEOUS_EN: &str = "Dear {contact},

This is a friendly reminder that the payment below falls due shortly:

{invoices}

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

If your payment is already on its way, please disregard this message.

Please do not hesitate to contact us with any question. Thank you for your business.

Kind regards,

{issuer}
";

// ----- First reminder: just after the due date -----

const FIRST_FR_SUBJECT: &str = "Relance : règlement en attente, {invoice_numbers}";
const FIRST_FR: &str = "{contact},

Sauf erreur ou omission de notre part, nous n'avons pas encore reçu le règlement des sommes ci-dessous, arrivées à échéance :

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Nous vous remercions de bien vouloir procéder à ce règlement dans les meilleurs délais ou, si un motif s'y oppose, de nous le faire savoir.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce message.

Bien cordialement,

{issuer}
";

const FIRST_EN_SUBJECT: &str = "Payment reminder: {invoice_numbers}";
const FIRST_EN: &str = "Dear {contact},

Unless we are mistaken, we have not yet received payment of the amounts below, which are now due:

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

We would be grateful if you could settle this amount at your earliest convenience or, should anything prevent payment, let us know.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

If your payment has reached us in the meantime, please disregard this message.

Kind regards,

{issuer}
";

// ----- Second reminder: firmer, a deadline -----

const SECOND_FR_SUBJECT: &str = "Deuxième relance : impayé, {invoice_numbers}";
const SECOND_BUSINESS_FR: &str = "{contact},

Malgré notre précédente relance, les sommes ci-dessous restent impayées ; la plus ancienne est échue depuis le {oldest_due_date} :

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Nous vous demandons de régulariser cette situation sous huitaine, soit au plus tard le {deadline}, ou de nous faire connaître sans délai le motif de ce retard.

Nous vous rappelons qu'en application de l'article L441-10 du Code de commerce, tout retard de paiement rend exigibles de plein droit des pénalités de retard ainsi qu'une indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce).

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce message.

Cordialement,

{issuer}
";
const SECOND_INDIVIDUAL_FR: &str = "{contact},

Malgré notre précédente relance, les sommes ci-dessous restent impayées ; la plus ancienne est échue depuis le {oldest_due_date} :

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Nous vous demandons de régulariser cette situation sous huitaine, soit au plus tard le {deadline}, ou de nous faire connaître sans délai le motif de ce retard.

À défaut, nous serons contraints de vous adresser une mise en demeure, à compter de laquelle ces sommes porteront intérêts au taux légal.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce message.

Cordialement,

{issuer}
";

const SECOND_EN_SUBJECT: &str = "Second reminder: overdue payment, {invoice_numbers}";
const SECOND_BUSINESS_EN: &str = "Dear {contact},

Despite our previous reminder, the amounts below remain unpaid; the oldest fell due on {oldest_due_date}:

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

We ask you to settle this amount within eight days, by {deadline} at the latest, or to let us know the reason for the delay without further ado.

We remind you that under Article L441-10 of the French Commercial Code, any late payment automatically incurs late-payment interest as well as a fixed indemnity for recovery costs (Article D441-5 of the French Commercial Code).

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

If your payment has reached us in the meantime, please disregard this message.

Regards,

{issuer}
";
const SECOND_INDIVIDUAL_EN: &str = "Dear {contact},

Despite our previous reminder, the amounts below remain unpaid; the oldest fell due on {oldest_due_date}:

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

We ask you to settle this amount within eight days, by {deadline} at the latest, or to let us know the reason for the delay without further ado.

Failing that, we will have to send you a formal notice, from which these amounts will bear interest at the statutory rate.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

If your payment has reached us in the meantime, please disregard this message.

Regards,

{issuer}
";

// ----- Formal notice (mise en demeure) -----

const FORMAL_FR_SUBJECT: &str = "Mise en demeure de payer : {invoice_numbers}";
const FORMAL_BUSINESS_FR: &str = "{contact},

Malgré nos précédentes relances, les factures suivantes restent impayées à ce jour :

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Par la présente, nous vous mettons en demeure de nous payer, dans un délai de huit jours à compter de ce courrier, soit au plus tard le {deadline}, la somme de {total_claimed}, qui se décompose ainsi :
- principal restant dû : {open_total}
- intérêts de retard au {today} (art. L441-10 du Code de commerce) : {interest}
- indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce) : {indemnity}

Les intérêts de retard continuent de courir jusqu'au complet paiement.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire, notamment par voie d'injonction de payer, dont les frais pourront être mis à votre charge.

Nous vous prions d'agréer, {contact}, l'expression de nos salutations distinguées.

{issuer}
";
const FORMAL_INDIVIDUAL_FR: &str = "{contact},

Malgré nos précédentes relances, les factures suivantes restent impayées à ce jour :

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Par la présente, nous vous mettons en demeure de nous payer la somme de {open_total} dans un délai de huit jours à compter de ce courrier, soit au plus tard le {deadline}.

Conformément aux articles 1231-6 et 1344 du Code civil, cette somme portera intérêts au taux légal à compter de la présente mise en demeure.
Intérêts au taux légal déjà courus au {today} : {interest}

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

À défaut de règlement dans ce délai, nous saisirons sans autre avis la juridiction compétente, notamment par voie d'injonction de payer, afin d'obtenir le paiement des sommes dues.

Nous vous prions d'agréer, {contact}, l'expression de nos salutations distinguées.

{issuer}
";

const FORMAL_EN_SUBJECT: &str = "Formal notice to pay: {invoice_numbers}";
const FORMAL_BUSINESS_EN: &str = "Dear {contact},

Despite our previous reminders, the following invoices remain unpaid to date:

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

We hereby give you formal notice to pay, within eight days of this letter and by {deadline} at the latest, the sum of {total_claimed}, made up as follows:
- principal outstanding: {open_total}
- late-payment interest as of {today} (Article L441-10 of the French Commercial Code): {interest}
- fixed indemnity for recovery costs (Article D441-5 of the French Commercial Code): {indemnity}

Late-payment interest continues to accrue until payment in full.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

Failing payment within this period, we will take legal action to recover the debt without further notice, in particular by applying for an order for payment (injonction de payer), the costs of which may be charged to you.

Yours faithfully,

{issuer}
";
const FORMAL_INDIVIDUAL_EN: &str = "Dear {contact},

Despite our previous reminders, the following invoices remain unpaid to date:

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

We hereby give you formal notice to pay the sum of {open_total} within eight days of this letter, by {deadline} at the latest.

In accordance with Articles 1231-6 and 1344 of the French Civil Code, this sum will bear interest at the statutory rate from the date of this formal notice.
Interest at the statutory rate already accrued as of {today}: {interest}

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

Failing payment within this period, we will refer the matter to the competent court without further notice, in particular by applying for an order for payment (injonction de payer), to recover the amounts due.

Yours faithfully,

{issuer}
";

// ----- Final notice: the last one before litigation -----

const FINAL_FR_SUBJECT: &str = "Dernier avis avant recouvrement contentieux : {invoice_numbers}";
const FINAL_BUSINESS_FR: &str = "{contact},

Notre mise en demeure est restée sans effet : les factures suivantes demeurent impayées à ce jour.

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Le montant total dû s'élève à {total_claimed}, dont :
- principal restant dû : {open_total}
- intérêts de retard au {today} (art. L441-10 du Code de commerce) : {interest}
- indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce) : {indemnity}

Ce courrier constitue notre dernier avis avant la transmission de votre dossier à une société de recouvrement ou la saisine du tribunal par voie d'injonction de payer. Sans règlement intégral au plus tard le {deadline}, cette procédure sera engagée sans autre avis.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Nous vous prions d'agréer, {contact}, l'expression de nos salutations distinguées.

{issuer}
";
const FINAL_INDIVIDUAL_FR: &str = "{contact},

Notre mise en demeure est restée sans effet : les factures suivantes demeurent impayées à ce jour.

{invoices}

Un règlement nous avait été promis pour le {broken_promise} ; cet engagement n'a pas été tenu.

Le montant total dû s'élève à {total_claimed}, dont :
- principal restant dû : {open_total}
- intérêts au taux légal courus depuis la mise en demeure (art. 1231-6 du Code civil) : {interest}

Ce courrier constitue notre dernier avis avant la transmission de votre dossier à une société de recouvrement ou la saisine du tribunal par voie d'injonction de payer. Sans règlement intégral au plus tard le {deadline}, cette procédure sera engagée sans autre avis.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Nous vous prions d'agréer, {contact}, l'expression de nos salutations distinguées.

{issuer}
";

const FINAL_EN_SUBJECT: &str = "Final notice before legal action: {invoice_numbers}";
const FINAL_BUSINESS_EN: &str = "Dear {contact},

Our formal notice has had no effect: the following invoices remain unpaid to date.

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

The total amount due is {total_claimed}, including:
- principal outstanding: {open_total}
- late-payment interest as of {today} (Article L441-10 of the French Commercial Code): {interest}
- fixed indemnity for recovery costs (Article D441-5 of the French Commercial Code): {indemnity}

This letter is our final notice before we hand your file over to a debt collection agency or apply to the court for an order for payment (injonction de payer). Unless payment in full reaches us by {deadline}, these proceedings will begin without further notice.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

Yours faithfully,

{issuer}
";
const FINAL_INDIVIDUAL_EN: &str = "Dear {contact},

Our formal notice has had no effect: the following invoices remain unpaid to date.

{invoices}

You undertook to pay by {broken_promise}: this commitment has not been kept.

The total amount due is {total_claimed}, including:
- principal outstanding: {open_total}
- interest at the statutory rate accrued since the formal notice (Article 1231-6 of the French Civil Code): {interest}

This letter is our final notice before we hand your file over to a debt collection agency or apply to the court for an order for payment (injonction de payer). Unless payment in full reaches us by {deadline}, these proceedings will begin without further notice.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

Yours faithfully,

{issuer}
";

// ----- Instalments of a payment plan -----

/// The tone an instalment note takes: courteous before the instalment's date, a reminder
/// after it.
pub fn instalment_tone(notice: InstalmentNotice) -> Tone {
    match notice {
        InstalmentNotice::Upcoming => Tone::Courteous,
        InstalmentNotice::Late => Tone::FirstReminder,
    }
}

/// The built-in note about one instalment of a payment plan.
pub fn instalment_template(notice: InstalmentNotice, locale: Locale) -> Template {
    let (subject, body) = match (locale, notice) {
        (Locale::Fr, InstalmentNotice::Upcoming) => {
            (INSTALMENT_SOON_FR_SUBJECT, INSTALMENT_SOON_FR)
        }
        (Locale::Fr, InstalmentNotice::Late) => (INSTALMENT_LATE_FR_SUBJECT, INSTALMENT_LATE_FR),
        (Locale::En, InstalmentNotice::Upcoming) => {
            (INSTALMENT_SOON_EN_SUBJECT, INSTALMENT_SOON_EN)
        }
        (Locale::En, InstalmentNotice::Late) => (INSTALMENT_LATE_EN_SUBJECT, INSTALMENT_LATE_EN),
    };
    Template {
        subject: subject.to_string(),
        body: body.to_string(),
    }
}

const INSTALMENT_SOON_FR_SUBJECT: &str = "Plan de paiement : échéance du {instalment_date}";
const INSTALMENT_SOON_FR: &str = "{contact},

Conformément au plan de paiement convenu le {plan_date}, nous vous rappelons que l'échéance n° {instalment_number}, d'un montant de {instalment_amount}, est à régler le {instalment_date}.
Compte tenu de vos règlements, reste à régler pour cette échéance : {instalment_outstanding}.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce message.

Bien cordialement,

{issuer}
";
const INSTALMENT_LATE_FR_SUBJECT: &str = "Plan de paiement : échéance du {instalment_date} impayée";
const INSTALMENT_LATE_FR: &str = "{contact},

Sauf erreur de notre part, l'échéance n° {instalment_number} du plan de paiement convenu le {plan_date}, d'un montant de {instalment_amount}, prévue le {instalment_date}, ne nous est pas parvenue.
Compte tenu de vos règlements, reste à régler pour cette échéance : {instalment_outstanding}.

Nous vous remercions de procéder à ce règlement au plus tard le {grace_end}. À défaut, le plan de paiement prendra fin et l'intégralité des sommes restant dues redeviendra exigible.

Pour un règlement par virement, IBAN : {issuer_iban}
BIC : {issuer_bic}

Bien cordialement,

{issuer}
";
const INSTALMENT_SOON_EN_SUBJECT: &str = "Payment plan: instalment due on {instalment_date}";
const INSTALMENT_SOON_EN: &str = "Dear {contact},

Under the payment plan agreed on {plan_date}, instalment no. {instalment_number} of {instalment_amount} falls due on {instalment_date}.
Given your payments, still to pay for this instalment: {instalment_outstanding}.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

If your payment has reached us in the meantime, please disregard this message.

Kind regards,

{issuer}
";
const INSTALMENT_LATE_EN_SUBJECT: &str = "Payment plan: instalment of {instalment_date} unpaid";
const INSTALMENT_LATE_EN: &str = "Dear {contact},

Unless we are mistaken, instalment no. {instalment_number} of the payment plan agreed on {plan_date}, {instalment_amount} due on {instalment_date}, has not reached us.
Given your payments, still to pay for this instalment: {instalment_outstanding}.

Please make this payment by {grace_end} at the latest. Otherwise the payment plan will end and everything still owed will be due at once.

For payment by bank transfer, IBAN: {issuer_iban}
BIC: {issuer_bic}

Kind regards,

{issuer}
";
