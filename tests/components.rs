//! Components in a real browser (wasm-bindgen-test in headless Chromium): what a user sees
//! when typing into the forms and filtering lists.

#![cfg(target_arch = "wasm32")]

use encaisse::aging::AgingPage;
use encaisse::calculator::CalculatorPage;
use encaisse::collection::reminder_message::ReminderMessagePage;
use encaisse::i18n::{I18n, Lang};
use encaisse::import::ImportPage;
use encaisse::ledger::client_form::ClientFormPage;
use encaisse::ledger::invoice_form::{InvoiceFormPage, Target};
use encaisse::ledger::invoice_list::InvoiceListPage;
use encaisse::overview::dashboard::Dashboard;
use encaisse::shell::route::Route;
use encaisse::storage::{Keys, Store};
use encaisse_domain::model::client::ClientForm;
use encaisse_domain::model::invoice::InvoiceDetails;
use encaisse_domain::model::ledger::Ledger;
use encaisse_domain::model::payment::{Allocation, PaymentDetails, PaymentMethod};
use encaisse_domain::model::terms::PaymentTerms;
use encaisse_domain::values::ids::{ClientId, InvoiceId};
use encaisse_domain::{Decimal, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a screen with the app's contexts over a given ledger, in a fresh container, with
/// storage under a key prefix of its own so tests never see each other's data.
async fn mount<V: IntoView + 'static>(
    prefix: &str,
    ledger: Ledger,
    lang: Lang,
    screen: impl FnOnce() -> V + Send + 'static,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    Store,
) {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let keys = Keys::new(prefix);
    let opened = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = opened.clone();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(I18n(RwSignal::new(lang)));
        let store = Store::open(keys);
        let ready = RwSignal::new(false);
        keep.set(Some((store, ready)));
        provide_context(store);
        let (route, _) = signal(Route::Home);
        provide_context(route);
        // The screen is built once the test's ledger is in place, as the app builds screens
        // only once the stored ledger is read.
        let mut screen = Some(screen);
        (move || ready.get().then(|| screen.take().map(|s| s().into_any()))).into_any()
    });
    let (store, ready) = opened.get().expect("the store is opened on mount");
    while !store.loaded().get_untracked() {
        sleep_ms(5).await;
    }
    store.replace(ledger).unwrap();
    ready.set(true);
    // The screen's effects (values put into its inputs) run after it is built.
    leptos::task::tick().await;
    sleep_ms(0).await;
    (container, handle, store)
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    find::<web_sys::HtmlElement>(root, selector).inner_text()
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

async fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector);
    input.set_value(value);
    fire(&input, "input");
    leptos::task::tick().await;
}

async fn choose(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, selector);
    select.set_value(value);
    fire(&select, "change");
    leptos::task::tick().await;
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Two clients; three invoices: one paid, one partly paid and overdue, one not yet due.
fn small_ledger() -> (Ledger, ClientId) {
    let mut ledger = Ledger::default();
    let details = |name: &str| {
        ClientForm {
            name: name.into(),
            ..ClientForm::default()
        }
        .validate()
        .unwrap()
    };
    let dupont = ledger.add_client(details("Atelier Dupont"), d(2025, 1, 1));
    let martin = ledger.add_client(details("Cabinet Martin"), d(2025, 1, 1));
    let invoice = |ledger: &mut Ledger, client, number: &str, issued, net: i64| -> InvoiceId {
        ledger
            .add_invoice(InvoiceDetails {
                number: number.into(),
                client,
                issue_date: issued,
                terms: PaymentTerms::Net { days: 30 },
                net: Decimal::from(net),
                vat: Decimal::from(net) / Decimal::from(5),
                description: String::new(),
                contractual_rate: None,
            })
            .unwrap()
    };
    let paid = invoice(&mut ledger, dupont, "F-001", d(2025, 1, 10), 1000);
    let partly = invoice(&mut ledger, dupont, "F-002", d(2025, 2, 10), 500);
    invoice(&mut ledger, martin, "F-003", d(2099, 1, 1), 250);
    ledger
        .record_payment(PaymentDetails {
            client: dupont,
            date: d(2025, 3, 1),
            amount: Decimal::from(1500),
            method: PaymentMethod::Transfer,
            reference: String::new(),
            allocations: vec![
                Allocation {
                    invoice: paid,
                    amount: Decimal::from(1200),
                },
                Allocation {
                    invoice: partly,
                    amount: Decimal::from(300),
                },
            ],
        })
        .unwrap();
    (ledger, dupont)
}

#[wasm_bindgen_test]
async fn client_form_names_the_wrong_field_as_the_user_leaves_it() {
    // Guards against a form that accepts a mistyped IBAN or only complains after saving.
    let (root, _handle, store) = mount(
        "t-client-form",
        Ledger::default(),
        Lang::Fr,
        || view! { <ClientFormPage editing=None/> },
    )
    .await;
    type_into(&root, "#client-iban", "FR76 3000 6000 0112 3456 7890 188").await;
    assert_eq!(
        text(&root, "#client-iban-error"),
        "",
        "no message while the user is still typing"
    );
    fire(&find::<web_sys::EventTarget>(&root, "#client-iban"), "blur");
    leptos::task::tick().await;
    assert_eq!(
        text(&root, "#client-iban-error"),
        "Cet IBAN n'est pas valide (clé de contrôle) : vérifiez-le."
    );
    let iban: web_sys::HtmlInputElement = find(&root, "#client-iban");
    assert_eq!(iban.get_attribute("aria-invalid").as_deref(), Some("true"));

    type_into(&root, "#client-iban", "FR76 3000 6000 0112 3456 7890 189").await;
    assert_eq!(text(&root, "#client-iban-error"), "");

    // Saving with an empty name shows every remaining message and saves nothing.
    find::<web_sys::HtmlElement>(&root, "button[type=submit]").click();
    leptos::task::tick().await;
    assert_eq!(
        text(&root, "#client-name-error"),
        "Ce champ est obligatoire."
    );
    assert!(text(&root, ".form-error").contains("1 champ à corriger"));
    assert!(
        store.ledger().get_untracked().clients().is_empty(),
        "nothing saved"
    );
}

#[wasm_bindgen_test]
async fn client_form_speaks_english_when_asked() {
    let (root, _handle, _store) = mount(
        "t-client-form-en",
        Ledger::default(),
        Lang::En,
        || view! { <ClientFormPage editing=None/> },
    )
    .await;
    type_into(&root, "#client-registration", "732 829 321").await;
    fire(
        &find::<web_sys::EventTarget>(&root, "#client-registration"),
        "blur",
    );
    leptos::task::tick().await;
    assert_eq!(
        text(&root, "#client-registration-error"),
        "This number is not valid (check digit): please check it."
    );
    assert_eq!(text(&root, "h1"), "New client");
}

#[wasm_bindgen_test]
async fn invoice_form_shows_the_due_date_as_terms_change() {
    // Guards against a due date that does not follow the terms the user picks.
    let (ledger, dupont) = small_ledger();
    let (root, _handle, _store) = mount(
        "t-invoice-form",
        ledger,
        Lang::Fr,
        move || view! { <InvoiceFormPage target=Target::New(Some(dupont))/> },
    )
    .await;
    let number: web_sys::HtmlInputElement = find(&root, "#invoice-number");
    assert_eq!(number.value(), "F-004", "the next number is suggested");
    type_into(&root, "#invoice-issue-date", "2026-01-15").await;
    assert!(
        text(&root, "[data-testid=due-date]").contains("14/02/2026"),
        "net 30 from the client"
    );
    choose(&root, "#invoice-terms", "eom_a").await;
    type_into(&root, "#invoice-terms-days", "45").await;
    assert!(text(&root, "[data-testid=due-date]").contains("31/03/2026"));
    choose(&root, "#invoice-terms", "eom_b").await;
    assert!(text(&root, "[data-testid=due-date]").contains("17/03/2026"));
    type_into(&root, "#invoice-terms-days", "60").await;
    assert!(
        text(&root, ".warning").contains("45 jours fin de mois"),
        "terms over the cap warn"
    );

    type_into(&root, "#invoice-net", "1 234,5").await;
    assert_eq!(
        text(&root, "[data-testid=invoice-total]"),
        "1\u{202f}481,40\u{a0}€"
    );
    type_into(&root, "#invoice-number", "f-001").await;
    fire(
        &find::<web_sys::EventTarget>(&root, "#invoice-number"),
        "blur",
    );
    leptos::task::tick().await;
    assert_eq!(
        text(&root, "#invoice-number-error"),
        "Ce numéro de facture existe déjà."
    );
}

#[wasm_bindgen_test]
async fn invoice_list_totals_follow_the_filters() {
    // Guards against totals that count invoices the filters hide.
    let (ledger, dupont) = small_ledger();
    let (root, _handle, _store) = mount(
        "t-invoice-list",
        ledger,
        Lang::Fr,
        || view! { <InvoiceListPage status=None client=None/> },
    )
    .await;
    assert_eq!(text(&root, "[data-testid=invoice-count]"), "3 factures");
    assert_eq!(
        text(&root, "[data-testid=invoices-total]"),
        "2\u{202f}100,00\u{a0}€"
    );
    assert_eq!(text(&root, "[data-testid=invoices-open]"), "600,00\u{a0}€");

    choose(&root, "#filter-status", "overdue").await;
    assert_eq!(text(&root, "[data-testid=invoice-count]"), "1 facture");
    assert_eq!(text(&root, "[data-testid=invoices-open]"), "300,00\u{a0}€");

    choose(&root, "#filter-status", "").await;
    choose(&root, "#filter-client", &dupont.to_string()).await;
    assert_eq!(text(&root, "[data-testid=invoice-count]"), "2 factures");
    assert_eq!(
        text(&root, "[data-testid=invoices-total]"),
        "1\u{202f}800,00\u{a0}€"
    );
}

#[wasm_bindgen_test]
async fn the_shared_position_is_computed_once_and_follows_each_change() {
    // Guards against two bugs of the position the screens share: computed again by each
    // screen (slow at 20 000 invoices), or kept after a change (a payment not shown).
    let (ledger, dupont) = small_ledger();
    let (root, _handle, store) = mount(
        "t-shared-position",
        ledger,
        Lang::Fr,
        || view! { <InvoiceListPage status=None client=None/> },
    )
    .await;
    let as_of = d(2026, 12, 1);
    let first = store.ledger().with_untracked(|l| store.position(l, as_of));
    let again = store.ledger().with_untracked(|l| store.position(l, as_of));
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "one position per ledger"
    );
    assert_eq!(text(&root, "[data-testid=invoices-open]"), "600,00\u{a0}€");

    let partly = store.ledger().with_untracked(|l| {
        l.invoices()
            .iter()
            .find(|i| i.details.number == "F-002")
            .unwrap()
            .id
    });
    store
        .change(|l| {
            l.record_payment(PaymentDetails {
                client: dupont,
                date: d(2025, 4, 1),
                amount: Decimal::from(300),
                method: PaymentMethod::Transfer,
                reference: String::new(),
                allocations: vec![Allocation {
                    invoice: partly,
                    amount: Decimal::from(300),
                }],
            })
        })
        .unwrap();
    leptos::task::tick().await;
    sleep_ms(0).await;
    let after = store.ledger().with_untracked(|l| store.position(l, as_of));
    assert!(
        !std::sync::Arc::ptr_eq(&first, &after),
        "a change computes it again"
    );
    assert!(after.invoice(partly).open().is_zero());
    assert_eq!(text(&root, "[data-testid=invoices-open]"), "300,00\u{a0}€");
}

#[wasm_bindgen_test]
fn routes_round_trip_through_the_fragment() {
    // Guards against a link the app writes but cannot read back after a reload.
    for route in [
        Route::Home,
        Route::Clients,
        Route::ClientNew,
        Route::Client(ClientId(12)),
        Route::ClientEdit(ClientId(3)),
        Route::Invoices {
            status: Some(encaisse_domain::model::invoice::InvoiceStatus::Overdue),
            client: Some(ClientId(4)),
        },
        Route::Invoices {
            status: None,
            client: None,
        },
        Route::InvoiceNew {
            client: Some(ClientId(2)),
        },
        Route::Invoice(InvoiceId(8)),
        Route::InvoiceEdit(InvoiceId(8)),
        Route::Draft(encaisse_domain::values::ids::DraftId(21)),
        Route::Reminders,
        Route::ReminderMessage(ClientId(5)),
        Route::Collection(ClientId(5)),
        Route::ReminderSettings,
        Route::PaymentNew {
            client: Some(ClientId(2)),
            invoice: Some(InvoiceId(9)),
        },
        Route::Aging { as_of: None },
        Route::Aging {
            as_of: Some(d(2025, 12, 31)),
        },
        Route::Collected {
            month: d(2026, 10, 1),
        },
        Route::Expected {
            week: d(2026, 11, 30),
        },
        Route::BeyondUsualDelay,
        Route::Import,
        Route::InstalmentMessage {
            plan: encaisse_domain::values::ids::PaymentPlanId(41),
            instalment: 0,
        },
        Route::Payers,
        Route::Calculator("montant=15%20000&echeance=2018-04-15".into()),
        Route::Settings,
        Route::Reconciliation { line: None },
        Route::Reconciliation {
            line: Some(encaisse_domain::values::ids::BankLineId(18)),
        },
    ] {
        assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
    }
    assert_eq!(Route::parse("#/clients/abc"), Route::NotFound);
    assert_eq!(Route::parse(""), Route::Home);
}

async fn click(root: &web_sys::HtmlElement, selector: &str) {
    find::<web_sys::HtmlElement>(root, selector).click();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn aging_buckets_add_up_and_open_their_invoices() {
    // Guards against a future-dated invoice falling out of the buckets, and against a drill
    // down that shows other invoices than the amount clicked.
    let (ledger, _) = small_ledger();
    let (root, _handle, _store) = mount("test-aging", ledger, Lang::Fr, || {
        view! { <AgingPage as_of=Some(d(2026, 1, 1))/> }
    })
    .await;
    let total_cell = |n: usize| {
        text(
            &root,
            &format!("[data-testid=aging-totals] td:nth-of-type({n})"),
        )
    };
    let euros = |n: i64| format!("{n},00\u{a0}€");
    assert_eq!(total_cell(1), euros(300), "not yet due: F-003, dated 2099");
    assert_eq!(
        total_cell(5),
        euros(300),
        "over 90 days: what F-002 still owes"
    );
    assert_eq!(total_cell(7), euros(600), "the total is every open amount");

    click(&root, "[data-testid=aging-totals] td:nth-of-type(5) button").await;
    let drilled = text(&root, "[data-testid=aging-drill]");
    assert!(
        drilled.contains("F-002") && !drilled.contains("F-003"),
        "{drilled}"
    );

    // Sorting by name: ascending first, then descending.
    click(&root, "thead th:first-child button").await;
    click(&root, "thead th:first-child button").await;
    assert_eq!(text(&root, "tbody tr:first-child th"), "Cabinet Martin");
}

#[wasm_bindgen_test]
async fn a_bad_calculator_link_is_named_then_fixed_by_typing() {
    // Guards against a blank or silent calculator when a shared link is damaged.
    let query = "montant=abc&echeance=2018-04-15&paiement=2018-05-15&taux=15".to_string();
    let (root, _handle, _store) =
        mount("test-calculator", Ledger::default(), Lang::Fr, move || {
            view! { <CalculatorPage query/> }
        })
        .await;
    assert!(text(&root, "[data-testid=calc-bad-link]").contains("(montant)"));
    assert!(root
        .query_selector("[data-testid=penalty-total]")
        .unwrap()
        .is_none());
    type_into(&root, "#calc-amount", "15 000").await;
    assert!(root
        .query_selector("[data-testid=calc-bad-link]")
        .unwrap()
        .is_none());
    // 15 000 × 15 % × 30 / 365 = 184.93, plus the 40 € indemnity.
    assert_eq!(text(&root, "[data-testid=penalty-total]"), "224,93\u{a0}€");
}

#[wasm_bindgen_test]
async fn dashboard_cards_show_the_ledgers_figures_in_both_languages() {
    // Guards against a card wired to the wrong figure, or a figure formatted the English way
    // on the French screen. On 31/03/2025: F-002 owes 300 (due 12/03), F-003 is not issued
    // yet; sales over Jan–Mar are 1 200 + 600, so DSO = 300 / 1 800 × 90 days = 15 days;
    // F-001, issued 10/01, was paid 01/03: 50 days to pay.
    let (ledger, _) = small_ledger();
    let as_of = d(2025, 3, 31);
    // 31/03/2025 is a Monday: the forecast's first week is named by it, without the year.
    for (lang, outstanding, dso, to_pay, first_week) in [
        (
            Lang::Fr,
            "300,00\u{a0}€",
            "15,0\u{a0}j",
            "50,0\u{a0}j",
            "31/03",
        ),
        (Lang::En, "€300.00", "15.0 days", "50.0 days", "31 Mar"),
    ] {
        let (root, _handle, _store) = mount("test-dashboard", ledger.clone(), lang, move || {
            view! { <Dashboard as_of/> }
        })
        .await;
        assert_eq!(text(&root, "[data-testid=kpi-outstanding]"), outstanding);
        assert_eq!(text(&root, "[data-testid=kpi-overdue]"), outstanding);
        assert_eq!(text(&root, "[data-testid=kpi-dso]"), dso);
        assert_eq!(text(&root, "[data-testid=kpi-days-to-pay]"), to_pay);
        assert!(text(&root, "[data-testid=top-overdue]").contains("Atelier Dupont"));
        let first_row = find::<web_sys::Element>(
            &root,
            "[data-testid=chart-forecast] tbody tr:first-child td",
        );
        assert_eq!(first_row.text_content().unwrap_or_default(), first_week);
    }
}

#[wasm_bindgen_test]
async fn a_reminder_is_written_in_the_chosen_language_with_the_invoices_owed() {
    // Guards against a message that stays French once English is chosen, and a letter whose
    // table does not add up to what the client owes.
    let (ledger, dupont) = small_ledger();
    let (root, _handle, _store) = mount("t-reminder", ledger, Lang::Fr, move || {
        view! { <ReminderMessagePage client=dupont/> }
    })
    .await;
    let subject: web_sys::HtmlInputElement = find(&root, "#message-subject");
    assert_eq!(subject.value(), "Relance : règlement en attente, F-002");
    assert_eq!(
        text(&root, "[data-testid=letter-total]"),
        "300,00\u{a0}€",
        "600 invoiced, 300 of the 1 500 received went to it"
    );
    choose(&root, "#message-lang", "en").await;
    let subject: web_sys::HtmlInputElement = find(&root, "#message-subject");
    assert_eq!(subject.value(), "Payment reminder: F-002");
    assert_eq!(text(&root, "[data-testid=letter-total]"), "€300.00");
}

/// Waits for the browser's own tasks (a file read) to end and the screen to show `selector`.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..100 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
        leptos::task::tick().await;
    }
    panic!("{selector} never showed");
}

/// Picks a file in the import screen's file input, as the user would.
async fn pick_file(root: &web_sys::HtmlElement, name: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let chosen = web_sys::DataTransfer::new().unwrap();
    chosen.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = find(root, "input[type=file]");
    input.set_files(chosen.files().as_ref());
    fire(&input, "change");
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn an_invoice_csv_is_shown_imported_undone_and_not_doubled() {
    // Guards against an import recorded before the user saw what it does, an undo that
    // leaves part of it, and a second import of the same file that doubles the invoices.
    let csv = "N° facture;Client;Date;Échéance;Total HT;TVA;Total TTC\n\
               F-101;Atelier Dupont;05/02/2026;07/03/2026;1 000,00;200,00;1 200,00\n\
               F-102;Studio Neuf;10/02/2026;12/03/2026;500,00;100,00;600,00\n";
    let (ledger, _) = small_ledger();
    let (root, _handle, _store) =
        mount("t-import", ledger, Lang::Fr, || view! { <ImportPage/> }).await;
    let see_plan = async |root: &web_sys::HtmlElement| {
        pick_file(root, "factures.csv", csv).await;
        wait_for(root, "form.import-columns").await;
        click(root, "form.import-columns button[type=submit]").await;
        wait_for(root, ".import-plan").await;
    };

    see_plan(&root).await;
    let figures = text(&root, ".import-figures");
    assert!(
        figures.contains("2 factures pour 1\u{202f}800,00\u{a0}€"),
        "{figures}"
    );
    assert!(
        figures.contains("1 nouveau client, 1 déjà connu"),
        "{figures}"
    );
    click(&root, ".import-plan button.primary").await;
    assert!(text(&root, ".flash").starts_with("Importé : 1 client, 2 factures."));
    assert!(text(&root, ".import-history").contains("factures.csv"));

    click(&root, ".flash button").await;
    assert!(text(&root, ".flash").starts_with("Import de « factures.csv » annulé"));
    assert_eq!(
        text(&root, "#import-history-title + p"),
        "Aucun import pour l'instant."
    );

    see_plan(&root).await;
    click(&root, ".import-plan button.primary").await;
    see_plan(&root).await;
    assert!(text(&root, ".import-plan").contains("Rien de nouveau"));
    let import: web_sys::HtmlButtonElement = find(&root, ".import-plan button.primary");
    assert!(import.disabled(), "nothing to import the second time");
}

#[wasm_bindgen_test]
fn a_page_beyond_the_last_shows_the_last() {
    // Guards against a filter that leaves fewer rows than the page shown: an empty table under
    // a count that says there are rows.
    use encaisse::ledger::pager::{page_of, PAGE_ROWS};
    let rows: Vec<usize> = (0..250).collect();
    assert_eq!(page_of(&rows, 0).len(), PAGE_ROWS);
    assert_eq!(page_of(&rows, 2), (200..250).collect::<Vec<_>>());
    assert_eq!(page_of(&rows, 9), (200..250).collect::<Vec<_>>());
    assert!(page_of::<usize>(&[], 3).is_empty());
}
