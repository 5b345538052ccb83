//! One invoice: its figures and status, what settled it, and the actions on it (payment,
//! credit note, dispute, write-off).

use crate::clock::today;
use crate::components::change_error_text;
use crate::components::dated_form::{problem_text, today_text, DatedReasonForm};
use crate::components::fields::TextField;
use crate::components::penalty::{MissingRateNotice, PenaltyBreakdownView, PenaltyContext};
use crate::components::{confirm, date, date_view, eur, money, StatusBadge};
use crate::i18n::shared::{shared_tr, use_shared_texts};
use crate::i18n::{tr, use_t};
use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use crate::shell::route::{navigate, Route};
use crate::shell::NotFound;
use crate::storage::Store;
use encaisse_domain::collection::letter::late_clause::default_late_clause;
use encaisse_domain::law::penalty::calculator::CalculatorForm;
use encaisse_domain::law::penalty::claims::PenaltyInputs;
use encaisse_domain::law::penalty::penalties;
use encaisse_domain::model::balances::InvoiceBalance;
use encaisse_domain::model::client::ClientKind;
use encaisse_domain::model::invoice::{parse_date, Invoice, InvoiceStatus};
use encaisse_domain::model::payment::PaymentMethod;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::values::money::parse_positive_amount;
use encaisse_domain::values::sorting::sort_by_key;
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Line {
    Payment {
        date: NaiveDate,
        method: PaymentMethod,
        amount: Decimal,
    },
    CreditNote {
        date: NaiveDate,
        number: String,
        amount: Decimal,
        reason: String,
    },
    Dispute {
        opened: NaiveDate,
        closed: Option<NaiveDate>,
        text: String,
    },
    WriteOff {
        date: NaiveDate,
        amount: Decimal,
        reason: String,
    },
}

impl Line {
    fn date(&self) -> NaiveDate {
        match self {
            Line::Payment { date, .. }
            | Line::CreditNote { date, .. }
            | Line::WriteOff { date, .. } => *date,
            Line::Dispute { opened, .. } => *opened,
        }
    }
}

#[derive(Clone, PartialEq)]
struct Data {
    invoice: Invoice,
    client_name: String,
    status: InvoiceStatus,
    balance: InvoiceBalance,
    days_late: i64,
    lines: Vec<Line>,
    dispute_open: bool,
    client_credit: Decimal,
    deletable: bool,
}

fn gather(
    store: Store,
    ledger: &encaisse_domain::model::ledger::Ledger,
    id: InvoiceId,
    as_of: NaiveDate,
) -> Option<Data> {
    let invoice = ledger.invoice(id)?.clone();
    let client: ClientId = invoice.details.client;
    let position = store.position(ledger, as_of);
    let mut lines: Vec<Line> = Vec::new();
    for payment in ledger.payments_of(client) {
        for allocation in payment
            .details
            .allocations
            .iter()
            .filter(|a| a.invoice == id)
        {
            lines.push(Line::Payment {
                date: payment.details.date,
                method: payment.details.method,
                amount: allocation.amount,
            });
        }
    }
    lines.extend(
        ledger
            .credit_notes()
            .iter()
            .filter(|c| c.invoice == id)
            .map(|c| Line::CreditNote {
                date: c.date,
                number: c.number.clone(),
                amount: c.amount,
                reason: c.reason.clone(),
            }),
    );
    lines.extend(
        ledger
            .disputes()
            .iter()
            .filter(|d| d.invoice == id)
            .map(|d| Line::Dispute {
                opened: d.opened_on,
                closed: d.closed_on,
                text: if d.resolution.is_empty() {
                    d.reason.clone()
                } else {
                    format!("{} → {}", d.reason, d.resolution)
                },
            }),
    );
    lines.extend(
        ledger
            .write_offs()
            .iter()
            .filter(|w| w.invoice == id)
            .map(|w| Line::WriteOff {
                date: w.date,
                amount: w.amount,
                reason: w.reason.clone(),
            }),
    );
    sort_by_key(&mut lines, Line::date);
    let has_settlements = !lines.is_empty();
    Some(Data {
        client_name: ledger.client_name(client),
        status: position.status(&invoice),
        balance: position.invoice(id),
        days_late: position.days_overdue(&invoice),
        dispute_open: ledger.current_dispute(id).is_some(),
        client_credit: ledger.payments_of(client).map(|p| p.unallocated()).sum(),
        deletable: !has_settlements,
        lines,
        invoice,
    })
}

#[component]
pub fn InvoicePage(id: InvoiceId) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of = today();
    let data = Memo::new(move |_| ledger.with(|l| gather(store, l, id, as_of)));
    let action_error = RwSignal::new(None::<String>);

    let delete = move |_| {
        if confirm(own.get_untracked().confirm_delete_invoice) {
            let client = data.with_untracked(|d| d.as_ref().map(|d| d.invoice.details.client));
            match store.change(|l| l.delete_invoice(id)) {
                Ok(()) => navigate(&client.map_or(
                    Route::Invoices {
                        status: None,
                        client: None,
                    },
                    Route::Client,
                )),
                Err(e) => action_error.set(Some(change_error_text(&e))),
            }
        }
    };
    let apply_credit = move |_| {
        let Some((open, credit)) =
            data.with_untracked(|d| d.as_ref().map(|d| (d.balance.open(), d.client_credit)))
        else {
            return;
        };
        match store.change(|l| l.apply_credit(id, open.min(credit))) {
            Ok(()) => action_error.set(None),
            Err(e) => action_error.set(Some(change_error_text(&e))),
        }
    };

    move || {
        let Some(d) = data.get() else {
            return NotFound().into_any();
        };
        let invoice = d.invoice.clone();
        let client = invoice.details.client;
        let b = d.balance;
        let open = b.open();
        let written_off = d.status == InvoiceStatus::WrittenOff;
        let can_apply_credit =
            d.client_credit > Decimal::ZERO && open > Decimal::ZERO && !written_off;
        let credit = d.client_credit.min(open);
        let terms = invoice.details.terms;
        let number = invoice.details.number.clone();
        let issue_date = invoice.details.issue_date;
        let due_date = invoice.due_date();
        let (net, vat) = (invoice.details.net, invoice.details.vat);
        let description = invoice.details.description.clone();
        // The late-payment mention an invoice carries: the issuer's clause for a business,
        // the legal one for a private individual.
        let clause = move || {
            let locale = t.get().locale;
            ledger.with(|l| match l.client(client).map(|c| c.details.kind) {
                Some(ClientKind::Individual) => default_late_clause(locale, ClientKind::Individual),
                _ => l.settings().issuer.late_clause_or_default(locale),
            })
        };
        view! {
            <section class="page">
                <div class="page-head">
                    <div>
                        <h1>{move || (own.get().invoice_title)(&number)}</h1>
                        <p class="subtitle">
                            <a href=Route::Client(client).href()>{d.client_name.clone()}</a>" "
                            <StatusBadge status=d.status/>
                            {(d.days_late > 0 && open > Decimal::ZERO && !written_off).then(|| view! { " " <span class="late">{move || (t.get().days_late)(d.days_late)}</span> })}
                        </p>
                    </div>
                    <div class="actions">
                        {(open > Decimal::ZERO && !written_off).then(|| view! {
                            <a class="button" href=Route::PaymentNew { client: Some(client), invoice: Some(id) }.href()>{ledger_tr(|t| t.record_payment)}</a>
                        })}
                        {can_apply_credit.then(|| view! { <button type="button" class="secondary" on:click=apply_credit>{move || (own.get().apply_credit)(&eur(t, credit))}</button> })}
                        <a class="button secondary" href=Route::InvoiceEdit(id).href()>{ledger_tr(|t| t.edit)}</a>
                        {d.deletable.then(|| view! { <button type="button" class="danger" on:click=delete>{ledger_tr(|t| t.delete)}</button> })}
                    </div>
                </div>
                <p class="form-error" role="alert">{move || action_error.get()}</p>
                <p class="muted late-clause" data-testid="late-clause">{clause}</p>
                <div class="columns">
                    <section class="panel">
                        <dl class="details">
                            <dt>{ledger_tr(|t| t.issued_on)}</dt><dd>{date_view(issue_date)}</dd>
                            <dt>{tr(|t| t.f_terms)}</dt><dd>{move || (own.get().describe_terms)(&terms)}</dd>
                            <dt>{ledger_tr(|t| t.due_date)}</dt><dd>{date_view(due_date)}</dd>
                            {(!description.is_empty()).then(|| view! {
                                <dt>{ledger_tr(|t| t.f_description)}</dt><dd class="notes">{description.clone()}</dd>
                            })}
                        </dl>
                    </section>
                    <section class="panel">
                        <dl class="totals">
                            <dt>{ledger_tr(|t| t.f_net)}</dt><dd>{money(net)}</dd>
                            <dt>{ledger_tr(|t| t.vat)}</dt><dd>{money(vat)}</dd>
                            <dt>{ledger_tr(|t| t.total_incl_vat)}</dt><dd><strong>{money(b.total)}</strong></dd>
                            <dt>{ledger_tr(|t| t.paid)}</dt><dd>{money(b.paid)}</dd>
                            <dt>{ledger_tr(|t| t.credited)}</dt><dd>{money(b.credited)}</dd>
                            {(b.written_off > Decimal::ZERO).then(|| view! { <dt>{ledger_tr(|t| t.written_off)}</dt><dd>{money(b.written_off)}</dd> })}
                            <dt>{ledger_tr(|t| t.remaining)}</dt><dd data-testid="invoice-open"><strong>{money(open)}</strong></dd>
                        </dl>
                    </section>
                </div>
                <section aria-labelledby="settlements-title">
                    <h2 id="settlements-title">{ledger_tr(|t| t.settlements)}</h2>
                    {if d.lines.is_empty() {
                        view! { <p class="empty">{ledger_tr(|t| t.no_settlements)}</p> }.into_any()
                    } else {
                        view! { <ul class="settlements">{d.lines.clone().into_iter().map(|line| view! { <SettlementLine line/> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                {(!written_off).then(|| view! { <InvoicePenalties id/> })}
                {(!written_off).then(|| view! {
                    <section class="invoice-actions">
                        <CreditNoteForm id default_number=format!("AV-{}", invoice.details.number)/>
                        <DisputeForm id open=d.dispute_open/>
                        {(open > Decimal::ZERO).then(|| view! { <WriteOffForm id open/> })}
                    </section>
                })}
            </section>
        }
        .into_any()
    }
}

#[component]
fn SettlementLine(line: Line) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let shared = use_shared_texts();
    match line {
        Line::Payment { date: day, method, amount } => view! {
            <li><span>{move || (own.get().paid_line)(&date(t, day), (shared.get().method)(method))}</span><span class="num">{money(amount)}</span></li>
        }.into_any(),
        Line::CreditNote { date: day, number, amount, reason } => view! {
            <li><span>{date_view(day)}" · "{move || (own.get().credit_note_line)(&number)}" · "{reason.clone()}</span><span class="num">{money(amount)}</span></li>
        }.into_any(),
        Line::Dispute { opened, closed, text } => view! {
            <li><span>{move || (own.get().dispute_line)(&date(t, opened), closed.map(|c| date(t, c)).as_deref())}" · "{text.clone()}</span></li>
        }.into_any(),
        Line::WriteOff { date: day, amount, reason } => view! {
            <li><span>{date_view(day)}" · "{ledger_tr(|t| t.written_off_line)}" · "{reason.clone()}</span><span class="num">{money(amount)}</span></li>
        }.into_any(),
    }
}

/// The invoice's late-payment penalties as of a date the user picks (today by default), with
/// their breakdown, a link to the same case in the calculator, and the formal notice that
/// starts interest for a private client.
#[component]
fn InvoicePenalties(id: InvoiceId) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let as_of_text = RwSignal::new(today_text());
    let as_of = Memo::new(move |_| parse_date(&as_of_text.get()).unwrap_or_else(|_| today()));
    let computed = Memo::new(move |_| {
        ledger.with(|l| {
            let invoice = l.invoice(id)?;
            let inputs = PenaltyInputs::new(l, as_of.get());
            let case = inputs.case_for(invoice)?;
            let settings = l.settings();
            let context = PenaltyContext {
                client_kind: case.client_kind,
                settings: settings.penalties,
                has_settlements: !case.settlements.is_empty(),
            };
            let link = Route::Calculator(CalculatorForm::from_case(&case).to_query()).href();
            Some((
                penalties(&case, &settings.rate_table(), &settings.penalties),
                context,
                link,
            ))
        })
    });
    let notice = move || ledger.with(|l| l.invoice(id).and_then(|i| i.formal_notice));
    let is_individual = move || {
        ledger.with(|l| {
            l.invoice(id)
                .and_then(|i| l.client(i.details.client))
                .is_some_and(|c| c.details.kind == ClientKind::Individual)
        })
    };
    let notice_day = RwSignal::new(today_text());
    let notice_error = RwSignal::new(None::<String>);
    let record_notice = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = parse_date(&notice_day.get_untracked())
            .map_err(|p| problem_text(&p))
            .and_then(|day| {
                store
                    .change(|l| l.record_formal_notice(id, day))
                    .map_err(|e| change_error_text(&e))
            });
        notice_error.set(outcome.err());
    };
    view! {
        <section class="panel penalties" aria-labelledby="penalties-title" data-testid="invoice-penalties">
            <div class="panel-head">
                <h2 id="penalties-title">{ledger_tr(|t| t.penalties_title)}</h2>
                <div class="field inline">
                    <label for="penalties-as-of">{ledger_tr(|t| t.as_of)}</label>
                    <input id="penalties-as-of" type="date" prop:value=move || as_of_text.get() on:change=move |ev| as_of_text.set(event_target_value(&ev))/>
                </div>
            </div>
            {move || match computed.get() {
                None => view! { <p data-testid="penalty-none">{ledger_tr(|t| t.pen_not_yet_due)}</p> }.into_any(),
                Some((Err(missing), _, _)) => view! { <MissingRateNotice missing/> }.into_any(),
                Some((Ok(breakdown), context, link)) => view! {
                    <PenaltyBreakdownView breakdown context/>
                    <p class="no-print"><a href=link data-testid="open-in-calculator">{ledger_tr(|t| t.open_in_calculator)}</a></p>
                }.into_any(),
            }}
            {move || match notice() {
                Some(day) => view! { <p>{move || (own.get().notice_sent_on)(&date(t, day))}</p> }.into_any(),
                None => view! {
                    <form class="inline-form no-print" on:submit=record_notice>
                        <div class="field">
                            <label for="notice-date">{ledger_tr(|t| t.f_formal_notice)}</label>
                            <input id="notice-date" type="date" prop:value=move || notice_day.get() on:input=move |ev| notice_day.set(event_target_value(&ev))/>
                            {move || is_individual().then(|| view! { <p class="hint">{shared_tr(|t| t.calc_notice_hint)}</p> })}
                        </div>
                        <button type="submit" class="secondary">{ledger_tr(|t| t.record_notice)}</button>
                        <p class="form-error" role="alert">{move || notice_error.get()}</p>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn CreditNoteForm(id: InvoiceId, default_number: String) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let number = RwSignal::new(default_number);
    let day = RwSignal::new(today_text());
    let amount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);
    let amount_error = Signal::derive(move || {
        parse_positive_amount(&amount.get())
            .err()
            .map(|p| problem_text(&p))
    });
    let date_error = Signal::derive(move || parse_date(&day.get()).err().map(|p| problem_text(&p)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let (Ok(value), Ok(date)) = (
            parse_positive_amount(&amount.get_untracked()),
            parse_date(&day.get_untracked()),
        ) else {
            return;
        };
        match store.change(|l| {
            l.add_credit_note(
                id,
                number.get_untracked(),
                date,
                value,
                reason.get_untracked().trim().to_string(),
            )
        }) {
            Ok(_) => {
                result.set(None);
                amount.set(String::new());
                submitted.set(false);
            }
            Err(e) => result.set(Some(change_error_text(&e))),
        }
    };
    view! {
        <details class="panel">
            <summary>{ledger_tr(|t| t.credit_note)}</summary>
            <form novalidate on:submit=submit data-testid="credit-note-form">
                <div class="field-row">
                    <TextField id="credit-number" label=move || own.get().f_credit_note_number.to_string() value=number show_all=submitted/>
                    <TextField id="credit-date" label=move || t.get().date.to_string() value=day error=date_error show_all=submitted kind="date"/>
                    <TextField id="credit-amount" label=move || own.get().amount.to_string() value=amount error=amount_error show_all=submitted inputmode="decimal" required=true/>
                </div>
                <TextField id="credit-reason" label=move || own.get().reason.to_string() value=reason show_all=submitted/>
                <p class="form-error" role="alert">{move || result.get()}</p>
                <button type="submit">{ledger_tr(|t| t.credit_note)}</button>
            </form>
        </details>
    }
}

#[component]
fn DisputeForm(id: InvoiceId, open: bool) -> impl IntoView {
    let store = expect_context::<Store>();
    let own = use_ledger_texts();
    let title = Signal::derive(move || {
        if open {
            own.get().close_dispute
        } else {
            own.get().open_dispute
        }
    });
    let label = Signal::derive(move || {
        if open {
            own.get().f_resolution
        } else {
            own.get().reason
        }
    });
    let apply = move |date, words| {
        if open {
            store.change(|l| l.close_dispute(id, date, words))
        } else {
            store.change(|l| l.open_dispute(id, date, words).map(|_| ()))
        }
    };
    view! {
        <DatedReasonForm form_id="dispute-form" prefix="dispute" title label required=!open apply/>
    }
}

#[component]
fn WriteOffForm(id: InvoiceId, open: Decimal) -> impl IntoView {
    let t = use_t();
    let own = use_ledger_texts();
    let store = expect_context::<Store>();
    let day = RwSignal::new(today_text());
    let reason = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);
    let date_error = Signal::derive(move || parse_date(&day.get()).err().map(|p| problem_text(&p)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Ok(date) = parse_date(&day.get_untracked()) else {
            return;
        };
        if !confirm(&(own.get_untracked().confirm_write_off)(&eur(t, open))) {
            return;
        }
        match store.change(|l| {
            l.write_off(id, date, reason.get_untracked().trim().to_string())
                .map(|_| ())
        }) {
            Ok(()) => result.set(None),
            Err(e) => result.set(Some(change_error_text(&e))),
        }
    };
    view! {
        <details class="panel">
            <summary>{ledger_tr(|t| t.write_off)}</summary>
            <form novalidate on:submit=submit data-testid="write-off-form">
                <div class="field-row">
                    <TextField id="write-off-date" label=move || t.get().date.to_string() value=day error=date_error show_all=submitted kind="date"/>
                    <TextField id="write-off-reason" label=move || own.get().reason.to_string() value=reason show_all=submitted/>
                </div>
                <p class="form-error" role="alert">{move || result.get()}</p>
                <button type="submit" class="danger">{ledger_tr(|t| t.write_off)}</button>
            </form>
        </details>
    }
}
