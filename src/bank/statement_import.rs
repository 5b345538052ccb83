//! Taking in a statement file: picked or dropped, read whatever its format, summarised, and
//! imported into the chosen accounts whole or not at all.

use super::csv_mapping::{CsvMappingForm, Mapped};
use super::flash::{use_flash, Flash};
use super::texts::{bank_texts, btr, format_name, BankTexts};
use super::use_accounts;
use crate::clock::today;
use crate::components::change_error_text;
use crate::components::file_drop::FileDrop;
use crate::components::{date, eur};
use crate::files::{read_file_bytes, ChosenFileError};
use crate::i18n::{use_t, I18n};
use crate::storage::Store;
use encaisse_domain::bank::book::{AccountChoice, ImportedPart};
use encaisse_domain::bank::demo::statement_csv;
use encaisse_domain::bank::read::{read_statement, ReadStatement};
use encaisse_domain::bank::statement::{AccountStatement, FileProblem};
use encaisse_domain::model::bank_book::SavedMapping;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::values::ids::BankAccountId;
use encaisse_domain::values::read::encoding::MAX_FILE_BYTES;
use encaisse_domain::Decimal;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A file taken in, as far as it got.
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    Idle,
    /// Read: shown with what importing it would do, waiting for the user's word.
    Read {
        file_name: String,
        read: ReadStatement,
        /// The columns the user just mapped, saved with the import.
        mapping: Option<SavedMapping>,
    },
    /// A CSV whose columns no layout explains: the user maps them.
    NeedsMapping {
        file_name: String,
        bytes: Vec<u8>,
    },
    Refused {
        file_name: String,
        why: String,
    },
}

/// Where each account part of the file goes, as the user set it.
#[derive(Clone, Debug, PartialEq)]
enum Destination {
    Existing(BankAccountId),
    New(String),
}

impl Destination {
    fn choice(&self) -> AccountChoice {
        match self {
            Destination::Existing(id) => AccountChoice::Existing(*id),
            Destination::New(name) => AccountChoice::New {
                name: name.trim().to_string(),
            },
        }
    }
}

/// The account a part most likely belongs to: the one with the file's account number, the
/// only account when the file names none, else a new one named after the file's wording.
fn default_destination(ledger: &Ledger, part: &AccountStatement, b: &BankTexts) -> Destination {
    let bank = ledger.bank();
    if let Some(known) = bank.account_named(&part.account.identifier) {
        return Destination::Existing(known.id);
    }
    if part.account.identifier.is_empty() && bank.accounts().len() == 1 {
        return Destination::Existing(bank.accounts()[0].id);
    }
    let name = [&part.account.label, &part.account.identifier]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .map_or(b.default_account_name.to_string(), |s| s.trim().to_string());
    Destination::New(name)
}

#[component]
pub fn StatementImport() -> impl IntoView {
    let t = use_t();
    let b = bank_texts();
    let store = expect_context::<Store>();
    let flash = use_flash();
    let reading = RwSignal::new(Reading::Idle);
    let destinations = RwSignal::new(Vec::<Destination>::new());

    // A file read: its accounts' likely destinations, then the summary.
    let show_read = move |texts: &'static BankTexts, (file_name, read, mapping): Mapped| {
        destinations.set(store.ledger().with_untracked(|l| {
            read.statement
                .accounts
                .iter()
                .map(|part| default_destination(l, part, texts))
                .collect()
        }));
        reading.set(Reading::Read {
            file_name,
            read,
            mapping,
        });
    };
    // Reads a file's bytes into what the screen shows next.
    let take_bytes = move |texts: &'static BankTexts, file_name: String, bytes: Vec<u8>| {
        let read = store
            .ledger()
            .with_untracked(|l| read_statement(&bytes, l.bank().csv_mappings()));
        reading.set(match read {
            Ok(read) => return show_read(texts, (file_name, read, None)),
            Err(FileProblem::CsvColumnsUnknown { .. }) => {
                Reading::NeedsMapping { file_name, bytes }
            }
            Err(problem) => Reading::Refused {
                file_name,
                why: (texts.file_problem)(&problem),
            },
        });
    };
    // Reads a picked or dropped file. Texts are taken before the first await: the context is
    // gone once the task resumes.
    let take_file = move |file: web_sys::File| {
        let texts = b();
        spawn_local(async move {
            let file_name = file.name();
            match read_file_bytes(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => take_bytes(texts, file_name, bytes),
                Err(ChosenFileError::TooLarge { bytes }) => {
                    let why = (texts.file_too_large)(bytes, MAX_FILE_BYTES);
                    reading.set(Reading::Refused { file_name, why });
                }
                Err(ChosenFileError::Unreadable(name)) => {
                    let why = (texts.file_unreadable)(&name);
                    reading.set(Reading::Refused { file_name, why });
                }
            }
        });
    };
    // The demo's statement: what the demo ledger's clients paid lately, to try the screen.
    let try_demo = move |_| {
        let texts = b();
        let bytes = store
            .ledger()
            .with_untracked(|l| statement_csv(l, today()))
            .into_bytes();
        take_bytes(texts, texts.demo_file_name.to_string(), bytes);
    };
    let offer_demo = move || {
        store
            .ledger()
            .with(|l| !l.invoices().is_empty() && l.bank().lines().is_empty())
    };
    let on_mapped = Callback::new(move |mapped: Mapped| show_read(b(), mapped));
    let cancel = Callback::new(move |_| reading.set(Reading::Idle));
    let import = Callback::new(move |_| {
        let Reading::Read {
            file_name,
            read,
            mapping,
        } = reading.get_untracked()
        else {
            return;
        };
        let texts = b();
        let choices: Vec<AccountChoice> = destinations
            .get_untracked()
            .iter()
            .map(Destination::choice)
            .collect();
        let parts: Vec<(AccountChoice, &AccountStatement)> =
            choices.into_iter().zip(&read.statement.accounts).collect();
        let format = format_name(texts, read.format);
        let result = store.change(|l| {
            if let Some(mapping) = &mapping {
                l.save_csv_mapping(mapping.clone());
            }
            l.import_statement(&parts, &file_name, &format, today())
        });
        match result {
            Ok(outcome) => {
                let added: usize = outcome.iter().map(|p| p.added).sum();
                let known: usize = outcome.iter().map(|p| p.known).sum();
                flash.set(Some(Flash::done(
                    (texts.imported)(added, known),
                    Vec::new(),
                )));
                reading.set(Reading::Idle);
            }
            Err(e) => flash.set(Some(Flash::failed(change_error_text(&e)))),
        }
    });

    view! {
        <section
            class="panel statement-import"
            class:no-print=move || matches!(reading.get(), Reading::Idle)
            aria-labelledby="import-title"
        >
            <h2 id="import-title">{btr(|b| b.import_title)}</h2>
            <FileDrop
                drop_here=Signal::derive(btr(|b| b.drop_here))
                choose=Signal::derive(btr(|b| b.choose_file))
                formats=Signal::derive(btr(|b| b.formats_read))
                formats_id="statement-formats"
                accept=".csv,.txt,.ofx,.qfx,.qif,.xml,.053,.054,.sta"
                on_file=Callback::new(take_file)
            />
            {move || offer_demo().then(|| view! {
                <p class="hint">
                    {btr(|b| b.no_statement_at_hand)}" "
                    <button type="button" class="link" on:click=try_demo>{btr(|b| b.try_demo_statement)}</button>
                </p>
            })}
            {move || match reading.get() {
                Reading::Idle => ().into_any(),
                Reading::Refused { file_name, why } => view! {
                    <p class="error" role="alert">{move || (b().file_refused)(&file_name, &why)}</p>
                }.into_any(),
                Reading::NeedsMapping { file_name, bytes } => view! {
                    <CsvMappingForm file_name bytes on_read=on_mapped on_cancel=cancel/>
                }.into_any(),
                Reading::Read { file_name, read, mapping: _ } => view! {
                    <ReadSummary t file_name read destinations on_import=import on_cancel=cancel/>
                }.into_any(),
            }}
        </section>
    }
}

/// What the file holds and what importing it would do, computed on a copy of the ledger so
/// that "already known" is exactly what the import will find.
#[component]
fn ReadSummary(
    t: I18n,
    file_name: String,
    read: ReadStatement,
    destinations: RwSignal<Vec<Destination>>,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let b = bank_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let statement = read.statement.clone();
    let lines: Vec<_> = statement.lines().collect();
    let credits: Decimal = lines
        .iter()
        .map(|l| l.amount)
        .filter(|a| *a > Decimal::ZERO)
        .sum();
    let debits: Decimal = -lines
        .iter()
        .map(|l| l.amount)
        .filter(|a| *a < Decimal::ZERO)
        .sum::<Decimal>();
    let first = lines.iter().map(|l| l.booking_date).min();
    let last = lines.iter().map(|l| l.booking_date).max();
    let count = lines.len();
    let format = read.format;
    let encoding = read.encoding;

    let accounts = statement.accounts.clone();
    let dry_run = {
        let accounts = accounts.clone();
        let file_name = file_name.clone();
        Memo::new(move |_| {
            let choices: Vec<AccountChoice> =
                destinations.with(|d| d.iter().map(Destination::choice).collect());
            let parts: Vec<(AccountChoice, &AccountStatement)> =
                choices.into_iter().zip(&accounts).collect();
            ledger.with(|l| {
                let mut copy = Ledger::clone(l);
                copy.import_statement(&parts, &file_name, "", today())
                    .map_err(|p| (t.get().problem)(&p, t.get().locale))
            })
        })
    };
    let added = move || {
        dry_run.with(|r| {
            r.as_ref()
                .map_or(0, |parts| parts.iter().map(|p| p.added).sum::<usize>())
        })
    };

    let unreadable = statement.unreadable.clone();
    let unreadable_count = unreadable.len();
    let skipped = statement.skipped.clone();
    let account_rows = accounts
        .iter()
        .enumerate()
        .map(|(index, part)| view! { <AccountPart index part=part.clone() destinations dry_run/> })
        .collect_view();

    view! {
        <div class="read-summary">
            <h3>{move || (b().read_title)(&file_name)}</h3>
            <p class="hint">{move || (b().read_format)(format_name(b(), format).as_str(), encoding)}</p>
            <dl class="figures">
                <div><dt>{btr(|b| b.lines_read)}</dt><dd>{move || (b().line_count)(count)}</dd></div>
                <div><dt>{btr(|b| b.total_credits)}</dt><dd class="amount">{move || eur(t, credits)}</dd></div>
                <div><dt>{btr(|b| b.total_debits)}</dt><dd class="amount">{move || eur(t, debits)}</dd></div>
                <div><dt>{btr(|b| b.period)}</dt><dd>{move || match (first, last) {
                    (Some(first), Some(last)) => (b().from_to)(&date(t, first), &date(t, last)),
                    _ => "—".to_string(),
                }}</dd></div>
            </dl>
            {account_rows}
            {(!skipped.is_empty()).then(|| view! {
                <p class="hint">{move || (b().skipped_lines)(&skipped)}</p>
            })}
            {(!unreadable.is_empty()).then(|| view! {
                <div class="warning" role="status">
                    <p>{move || (b().unreadable_count)(unreadable_count)}</p>
                    <ul class="unreadable">
                        {unreadable.iter().map(|(line, problem)| {
                            let (line, problem) = (*line, problem.clone());
                            view! { <li>{move || (b().unreadable_line)(line, &problem)}</li> }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {move || dry_run.get().err().map(|why| view! { <p class="error" role="alert">{why}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=move || added() == 0
                    on:click=move |_| on_import.run(())
                >{move || (b().import_lines)(added())}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{btr(|b| b.cancel)}</button>
            </div>
            {move || (dry_run.with(|r| r.is_ok()) && added() == 0 && count > 0)
                .then(|| view! { <p class="hint">{btr(|b| b.nothing_new)}</p> })}
        </div>
    }
}

/// One account's part of the file: where it goes, and what importing it would add.
#[component]
fn AccountPart(
    index: usize,
    part: AccountStatement,
    destinations: RwSignal<Vec<Destination>>,
    dry_run: Memo<Result<Vec<ImportedPart>, String>>,
) -> impl IntoView {
    let t = use_t();
    let b = bank_texts();
    let accounts = use_accounts();
    let destination = move || destinations.with(|d| d.get(index).cloned());
    let set_destination = move |value: Destination| {
        destinations.update(|d| {
            if let Some(slot) = d.get_mut(index) {
                *slot = value;
            }
        })
    };
    let outcome =
        move || dry_run.with(|r| r.as_ref().ok().and_then(|parts| parts.get(index).cloned()));
    let select_id = format!("account-{index}");
    let name_id = format!("account-name-{index}");
    let identifier = part.account.identifier.clone();
    let label = part.account.label.clone();
    let count = part.lines.len();
    let opening = part.opening;
    let closing = part.closing;
    view! {
        <fieldset class="account-part">
            <legend>{move || (b().file_account)(&identifier, &label, count)}</legend>
            {(opening.is_some() || closing.is_some()).then(|| view! {
                <p class="hint">{move || (b().file_balances)(
                    opening.map(|o| (date(t, o.date), eur(t, o.amount))),
                    closing.map(|c| (date(t, c.date), eur(t, c.amount))),
                )}</p>
            })}
            <div class="field-row">
                <div class="field">
                    <label for=select_id.clone()>{btr(|b| b.import_into)}</label>
                    <select
                        id=select_id
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            set_destination(match value.parse::<u64>() {
                                Ok(id) => Destination::Existing(BankAccountId(id)),
                                Err(_) => Destination::New(b().default_account_name.to_string()),
                            });
                        }
                    >
                        {move || accounts.get().into_iter().map(|(id, name)| {
                            let selected = move || destination() == Some(Destination::Existing(id));
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        }).collect_view()}
                        <option value="new" selected=move || matches!(destination(), Some(Destination::New(_)))>
                            {btr(|b| b.new_account)}
                        </option>
                    </select>
                </div>
                {move || match destination() {
                    Some(Destination::New(name)) => Some(view! {
                        <div class="field">
                            <label for=name_id.clone()>{btr(|b| b.new_account_name)}</label>
                            <input
                                id=name_id.clone()
                                type="text"
                                maxlength="80"
                                prop:value=name
                                on:change=move |ev| set_destination(Destination::New(event_target_value(&ev)))
                            />
                        </div>
                    }),
                    _ => None,
                }}
            </div>
            {move || outcome().map(|o| view! {
                <p>
                    {(b().part_outcome)(o.added, o.known)}
                    {(!o.look_alike.is_empty()).then(|| view! {
                        <span class="warning">" "{(b().look_alike)(&o.look_alike)}</span>
                    })}
                </p>
            })}
        </fieldset>
    }
}
