//! The reminder due today for one client: the message in French or English, editable before
//! it goes, then sent by e-mail (mailto:), copied, or printed as an A4 letter on the issuer's
//! letterhead. The first of these actions records the reminder in the client's history.

use crate::clock::today;
use crate::collection::texts::{collection_tr, use_collection_texts};
use crate::collection::undo_reminder_action;
use crate::components::change_error_text;
use crate::components::{confirm, date, eur};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::use_t;
use crate::shell::route::Route;
use crate::storage::{ChangeError, Store};
use encaisse_domain::collection::letter::{
    instalment_template, mailto_href, render, template_for, Letter, LetterBlock, Message,
    MessageContext, MessageInput, Placeholder, Template,
};
use encaisse_domain::collection::reminder::schedule::{queue, InstalmentDue, QueueEntry};
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::reminders::{Channel, Tone};
use encaisse_domain::values::format::{format_iban, Locale};
use encaisse_domain::values::ids::{ClientId, PaymentPlanId};
use encaisse_domain::NaiveDate;
use leptos::prelude::*;

/// What a message is about: a grouped reminder from the queue, or a note about an
/// instalment of a payment plan.
enum Subject {
    Reminder(QueueEntry),
    Instalment(InstalmentDue),
}

/// What the page says under its title: the reminder's tone, or the instalment (its number
/// from 1 and its date).
#[derive(Clone, Copy)]
enum Heading {
    Tone(Tone),
    Instalment(u16, NaiveDate),
}

/// What the page works from, taken once when it opens: once the message is recorded the
/// queue no longer holds it, and the page keeps showing what was sent.
struct Prepared {
    subject: Subject,
    client: ClientId,
    context: MessageContext,
    email: String,
    name: String,
}

impl Prepared {
    fn new(ledger: &Ledger, subject: Subject, context: MessageContext) -> Option<Prepared> {
        let client = match &subject {
            Subject::Reminder(entry) => entry.client,
            Subject::Instalment(due) => due.client,
        };
        let found = ledger.client(client)?;
        Some(Prepared {
            subject,
            client,
            context,
            email: found.details.payer.email.clone(),
            name: found.details.name.clone(),
        })
    }

    /// The message's template in a language. A plan level's own texts are written in
    /// French, the app's language; an English message takes the default English template.
    fn template(&self, locale: Locale) -> Template {
        match &self.subject {
            Subject::Reminder(entry) => {
                let (subject, body) = match locale {
                    Locale::Fr => (entry.subject.as_str(), entry.body.as_str()),
                    Locale::En => ("", ""),
                };
                template_for(entry.tone, self.context.client_kind, locale, subject, body)
            }
            Subject::Instalment(due) => instalment_template(due.notice, locale),
        }
    }

    fn channel(&self) -> Channel {
        match &self.subject {
            Subject::Reminder(entry) => entry.channel,
            Subject::Instalment(_) => Channel::Email,
        }
    }

    /// Records the message as sent through a channel.
    fn record(&self, store: &Store, as_of: NaiveDate, channel: Channel) -> Result<(), ChangeError> {
        match &self.subject {
            Subject::Reminder(entry) => {
                store.change(|l| l.record_reminder_sent(entry, as_of, channel).map(drop))
            }
            Subject::Instalment(due) => {
                store.change(|l| l.record_instalment_reminder(due, as_of, channel).map(drop))
            }
        }
    }
}

#[component]
pub fn ReminderMessagePage(client: ClientId) -> impl IntoView {
    let as_of = today();
    let store = expect_context::<Store>();
    let prepared = store.ledger().with_untracked(|ledger| {
        let entry = queue(ledger, ledger.reminders(), as_of)
            .due
            .into_iter()
            .find(|e| e.client == client)?;
        let input = MessageInput::for_entry(&entry, as_of);
        let context = MessageContext::build(ledger, &ledger.settings().issuer, &input);
        Prepared::new(ledger, Subject::Reminder(entry), context)
    });
    prepared_or_nothing(prepared, as_of, Some(client))
}

#[component]
pub fn InstalmentMessagePage(plan: PaymentPlanId, instalment: u16) -> impl IntoView {
    let as_of = today();
    let store = expect_context::<Store>();
    let (prepared, client) = store.ledger().with_untracked(|ledger| {
        let client = ledger
            .reminders()
            .payment_plans
            .iter()
            .find(|p| p.id == plan)
            .map(|p| p.client);
        let due = queue(ledger, ledger.reminders(), as_of)
            .instalments
            .into_iter()
            .find(|d| d.plan == plan && d.instalment == instalment);
        let prepared = due.and_then(|due| {
            let context =
                MessageContext::for_instalment(ledger, &ledger.settings().issuer, &due, as_of)?;
            Prepared::new(ledger, Subject::Instalment(due), context)
        });
        (prepared, client)
    });
    prepared_or_nothing(prepared, as_of, client)
}

/// The message view, or a word saying there is nothing due for it today.
fn prepared_or_nothing(
    prepared: Option<Prepared>,
    as_of: NaiveDate,
    client: Option<ClientId>,
) -> AnyView {
    match prepared {
        Some(prepared) => view! { <MessageView prepared as_of/> }.into_any(),
        None => view! {
            <section class="page">
                <h1>{collection_tr(|t| t.reminders_title)}</h1>
                <p class="empty" data-testid="no-reminder">{collection_tr(|t| t.no_entry_for_client)}</p>
                <p>
                    <a href=Route::Reminders.href()>{collection_tr(|t| t.reminders_title)}</a>
                    {client.map(|client| view! { " · "<a href=Route::Collection(client).href()>{collection_tr(|t| t.collection_file)}</a> })}
                </p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn MessageView(prepared: Prepared, as_of: NaiveDate) -> impl IntoView {
    let t = use_t();
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let client = prepared.client;
    let email = prepared.email.clone();
    let name = prepared.name.clone();
    let lang = RwSignal::new(t.get_untracked().locale);
    let channel = RwSignal::new(prepared.channel());
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let template_error = RwSignal::new(None::<String>);
    // The missing-rate warning only where the message states interest (a formal notice), not
    // on a first reminder or an instalment note that claim none.
    let states_interest = [Locale::Fr, Locale::En].into_iter().any(|locale| {
        let template = prepared.template(locale);
        template.uses(Placeholder::Interest) || template.uses(Placeholder::TotalClaimed)
    });
    let missing_rates = states_interest && !prepared.context.missing_rates.is_empty();
    let missing_issuer = prepared.context.issuer.missing_for_letter();
    let credit = prepared.context.totals.credit;
    let (heading, broken) = match &prepared.subject {
        Subject::Reminder(entry) => (Heading::Tone(entry.tone), entry.broken_promise),
        Subject::Instalment(due) => (Heading::Instalment(due.instalment + 1, due.date), None),
    };
    let prepared = StoredValue::new(prepared);
    // The message in a language, from its template; choosing another language starts again
    // from its template.
    let fill = move |locale: Locale| {
        lang.set(locale);
        let rendered = prepared.with_value(|p| render(&p.template(locale), &p.context, locale));
        match rendered {
            Ok(message) => {
                subject.set(message.subject);
                body.set(message.body);
                template_error.set(None);
            }
            Err(e) => template_error.set(Some((own.get_untracked().template_error)(&e))),
        }
    };
    fill(lang.get_untracked());
    // Whether the user changed the text since it was filled: another language would
    // replace the changes, so it asks first.
    let edited = RwSignal::new(false);
    let switch_language = move |ev: leptos::ev::Event| {
        let locale = if event_target_value(&ev) == "en" {
            Locale::En
        } else {
            Locale::Fr
        };
        if edited.get_untracked() && !confirm(own.get_untracked().confirm_replace_message) {
            let select = event_target::<web_sys::HtmlSelectElement>(&ev);
            select.set_value(if lang.get_untracked() == Locale::En {
                "en"
            } else {
                "fr"
            });
            return;
        }
        edited.set(false);
        fill(locale);
    };
    let message = move || Message {
        subject: subject.get(),
        body: body.get(),
    };
    let logged = RwSignal::new(None::<Channel>);
    let notice = RwSignal::new(None::<String>);
    // Records the message once, whatever the first action taken with it.
    let record = move |used: Channel| {
        if logged.get_untracked().is_some() {
            return;
        }
        match prepared.with_value(|p| p.record(&store, as_of, used)) {
            Ok(()) => {
                notice.set(None);
                logged.set(Some(used));
            }
            Err(e) => notice.set(Some(change_error_text(&e))),
        }
    };
    // A message recorded by mistake (the e-mail never sent, the wrong channel) is taken
    // back here, and the next action records it again.
    let undo = move |_| {
        if let Some((undone, said)) = undo_reminder_action(&store, client, as_of) {
            if undone {
                logged.set(None);
            }
            notice.set(Some(said));
        }
    };
    let copy = move |_| {
        let text = format!("{}\n\n{}", subject.get_untracked(), body.get_untracked());
        let used = channel.get_untracked();
        // Read before the await: after it the task runs outside the component, with no
        // context to find the texts in.
        let own = own.get_untracked();
        leptos::task::spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&text);
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if copied {
                record(used);
                notice.set(Some(own.copied.to_string()));
            } else {
                notice.set(Some(own.copy_failed.to_string()));
            }
        });
    };
    let print = move |_| {
        record(Channel::Letter);
        let _ = window().print();
    };
    let letter = move || prepared.with_value(|p| Letter::new(&p.context, &message(), lang.get()));
    let iban = prepared.with_value(|p| format_iban(&p.context.issuer.iban));
    let email_for_link = email.clone();

    view! {
        <section class="page letter-page">
            <div class="page-head no-print">
                <div>
                    <h1>{move || (own.get().message_title)(&name)}</h1>
                    <p class="subtitle">{move || match heading {
                        Heading::Tone(tone) => (shared.get().tone)(tone).to_string(),
                        Heading::Instalment(number, day) => (own.get().instalment_label)(number, &date(t, day)),
                    }}</p>
                </div>
                <div class="actions">
                    <a class="button secondary" href=Route::Collection(client).href()>{collection_tr(|t| t.collection_file)}</a>
                </div>
            </div>
            {broken.map(|day| view! { <p class="warning no-print">{move || (own.get().broken_promise_note)(&date(t, day))}</p> })}
            {missing_rates.then(|| view! { <p class="warning no-print">{collection_tr(|t| t.missing_rates_in_message)}</p> })}
            {(!credit.is_zero()).then(|| view! { <p class="warning no-print">{move || if matches!(heading, Heading::Instalment(..)) {
                (own.get().credit_in_instalment_note)(&eur(t, credit))
            } else {
                (own.get().credit_in_message)(&eur(t, credit))
            }}</p> })}
            {(!missing_issuer.is_empty()).then(|| view! {
                <p class="warning no-print">
                    <a href=Route::ReminderSettings.href()>{move || {
                        let own = own.get();
                        let fields = missing_issuer.iter().map(|f| (own.issuer_field)(*f)).collect::<Vec<_>>().join(", ");
                        (own.issuer_missing)(&fields)
                    }}</a>
                </p>
            })}
            <div class="no-print">
                <div class="field-row">
                    <div class="field">
                        <label for="message-lang">{collection_tr(|t| t.f_message_lang)}</label>
                        <select id="message-lang" on:change=switch_language>
                            <option value="fr" selected=move || lang.get() == Locale::Fr>"Français"</option>
                            <option value="en" selected=move || lang.get() == Locale::En>"English"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="message-channel">{collection_tr(|t| t.f_channel)}</label>
                        <select id="message-channel" on:change=move |ev| channel.set(channel_of(&event_target_value(&ev)))>
                            {Channel::ALL.into_iter().map(|c| view! {
                                <option value=channel_slug(c) selected=move || channel.get() == c>{move || (shared.get().channel)(c)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="form-error" role="alert">{move || template_error.get()}</p>
                <div class="field">
                    <label for="message-subject">{collection_tr(|t| t.f_subject)}</label>
                    <input id="message-subject" type="text" prop:value=move || subject.get() on:input=move |ev| { edited.set(true); subject.set(event_target_value(&ev)) }/>
                </div>
                <div class="field">
                    <label for="message-body">{collection_tr(|t| t.f_body)}</label>
                    <textarea id="message-body" class="message-text" prop:value=move || body.get() on:input=move |ev| { edited.set(true); body.set(event_target_value(&ev)) }></textarea>
                </div>
                <div class="actions">
                    {if email.is_empty() {
                        view! { <p class="hint">{collection_tr(|t| t.no_email)}</p> }.into_any()
                    } else {
                        view! {
                            <a class="button" data-testid="send-email" href=move || mailto_href(&email_for_link, &message()) on:click=move |_| record(Channel::Email)>{collection_tr(|t| t.send_email)}</a>
                        }.into_any()
                    }}
                    <button type="button" class="secondary" on:click=copy>{collection_tr(|t| t.copy_text)}</button>
                    <button type="button" class="secondary" on:click=print>{collection_tr(|t| t.print_letter)}</button>
                    <button type="button" class="secondary" data-testid="mark-done" on:click=move |_| record(channel.get_untracked())>{collection_tr(|t| t.mark_done)}</button>
                </div>
                <p class="hint">{collection_tr(|t| t.mark_done_hint)}</p>
                <p role="status" data-testid="reminder-status">
                    {move || logged.get().map(|used| (own.get().reminder_logged)(&date(t, as_of), &(shared.get().channel)(used).to_ascii_lowercase()))}
                    " "{move || notice.get()}
                </p>
                {move || logged.get().map(|_| view! {
                    <button type="button" class="secondary" data-testid="undo-reminder" on:click=undo>{collection_tr(|t| t.undo_action)}</button>
                })}
                <h2>{collection_tr(|t| t.letter_preview)}</h2>
            </div>
            {move || letter_view(letter(), &iban)}
        </section>
    }
}

/// The letter as printed: letterhead, recipient, place and date, how it is sent, subject, the
/// body with the invoices as a table.
fn letter_view(letter: Letter, iban: &str) -> impl IntoView {
    let table = letter.table.clone();
    let blocks = letter
        .blocks
        .into_iter()
        .map(|block| match block {
            LetterBlock::Text(text) => {
                view! { <p class="letter-text">{unbroken(text, iban)}</p> }.into_any()
            }
            LetterBlock::InvoiceTable => invoice_table(&table).into_any(),
        })
        .collect_view();
    let lines = |lines: Vec<String>| {
        lines
            .into_iter()
            .map(|line| view! { <span class="line">{line}</span> })
            .collect_view()
    };
    view! {
        <article class="letter" data-testid="letter">
            <p class="sender">{lines(letter.sender)}</p>
            <address class="recipient">{lines(letter.recipient)}</address>
            <p>{letter.place_and_date}</p>
            {letter.delivery.map(|d| view! { <p><strong>{d}</strong></p> })}
            <p><strong>{letter.subject}</strong></p>
            {blocks}
        </article>
    }
}

/// A paragraph's text with the IBAN kept on one line: cut between two of its groups, it is
/// misread or mistyped.
fn unbroken(text: String, iban: &str) -> AnyView {
    match text.split_once(iban).filter(|_| !iban.is_empty()) {
        Some((before, after)) => view! {
            {before.to_string()}<span class="nowrap">{iban.to_string()}</span>{after.to_string()}
        }
        .into_any(),
        None => text.into_any(),
    }
}

fn invoice_table(table: &encaisse_domain::collection::letter::InvoiceTable) -> impl IntoView {
    let numeric = |column: usize| column >= 3;
    view! {
        <table class="letter-invoices" data-testid="letter-invoices">
            <thead><tr>
                {table.headers.iter().enumerate().map(|(i, h)| view! { <th scope="col" class:num=numeric(i)>{h.clone()}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {table.rows.iter().map(|row| view! {
                    <tr>{row.iter().enumerate().map(|(i, cell)| view! { <td class:num=numeric(i)>{cell.clone()}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
            <tfoot>
                {table.footer.iter().enumerate().map(|(i, (label, amount))| {
                    // The last line is what is due: the figure the tests and the reader look for.
                    let last = i + 1 == table.footer.len();
                    view! {
                        <tr>
                            <th scope="row" colspan="3">{label.clone()}</th>
                            <td class="num" data-testid=last.then_some("letter-total")>{amount.clone()}</td>
                            <td></td>
                        </tr>
                    }
                }).collect_view()}
            </tfoot>
        </table>
    }
}

fn channel_slug(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Letter => "letter",
        Channel::Phone => "phone",
    }
}

fn channel_of(slug: &str) -> Channel {
    Channel::ALL
        .into_iter()
        .find(|c| channel_slug(*c) == slug)
        .unwrap_or(Channel::Email)
}
