//! The stored format: every earlier version loads, bad files are refused with the place named.

use encaisse_domain::files::demo::{generate, DemoConfig};
use encaisse_domain::files::snapshot::{self, Inconsistency, SnapshotError, CURRENT_VERSION};
use encaisse_domain::model::balances::Position;
use encaisse_domain::model::settings::{DsoPeriod, KpiSettings};
use encaisse_domain::values::ids::ClientId;
use encaisse_domain::NaiveDate;
use rust_decimal_macros::dec;

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/storage/v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("every schema version keeps a fixture: {path} is missing"))
}

#[test]
fn every_earlier_version_loads() {
    // Guards against a schema change that strands users' stored data or old backups.
    for version in 1..=CURRENT_VERSION {
        let snapshot =
            snapshot::decode(&fixture(version)).unwrap_or_else(|e| panic!("v{version}: {e:?}"));
        let ledger = snapshot.ledger;
        assert_eq!(ledger.clients().len(), 2, "v{version}");
        assert_eq!(ledger.invoices().len(), 2, "v{version}");
        // The facts of the v1 fixture give the same balances in every later version.
        let position = Position::new(&ledger, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let dupont = position.client_balance(&ledger, ClientId(1));
        assert_eq!(dupont.open, dec!(400), "1200 - 100 credited - 700 paid");
        assert_eq!(
            dupont.credit,
            dec!(100),
            "100 of the 800 received is unallocated"
        );
        assert_eq!(
            position.client_balance(&ledger, ClientId(2)).balance(),
            dec!(0),
            "written off"
        );
    }
}

#[test]
fn version_1_gains_the_default_settings() {
    // Guards against a migration that leaves v1 data without the settings v2 code expects.
    let ledger = snapshot::decode(&fixture(1)).unwrap().ledger;
    assert_eq!(
        ledger.settings(),
        &encaisse_domain::model::settings::Settings::default()
    );
    assert!(ledger
        .clients()
        .iter()
        .all(|c| c.details.contractual_rate.is_none()));
    assert!(ledger
        .invoices()
        .iter()
        .all(|i| i.formal_notice.is_none() && i.details.contractual_rate.is_none()));
}

#[test]
fn version_2_keeps_the_users_settings() {
    use encaisse_domain::model::settings::HalfYear;
    let ledger = snapshot::decode(&fixture(2)).unwrap().ledger;
    let settings = ledger.settings();
    assert_eq!(
        settings.penalties.half_year_rule,
        encaisse_domain::model::settings::HalfYearRule::Frozen
    );
    assert!(settings.penalties.waive_indemnity);
    assert_eq!(settings.aging_bounds.bounds(), &[30, 60, 90, 120]);
    assert_eq!(
        settings.rate_table().ecb(HalfYear {
            year: 2026,
            half: 2
        }),
        Ok(dec!(2.15))
    );
    assert_eq!(ledger.clients()[0].details.contractual_rate, Some(dec!(12)));
    assert_eq!(
        ledger.invoices()[1].formal_notice,
        NaiveDate::from_ymd_opt(2025, 5, 10)
    );
}

#[test]
fn version_2_gains_the_default_dashboard_settings() {
    // Guards against a migration that leaves v2 data without the settings v3 code expects.
    let ledger = snapshot::decode(&fixture(2)).unwrap().ledger;
    assert_eq!(ledger.settings().kpi, KpiSettings::default());
}

#[test]
fn version_3_keeps_the_dashboard_settings() {
    let kpi = snapshot::decode(&fixture(3))
        .unwrap()
        .ledger
        .settings()
        .kpi
        .clone();
    assert_eq!(kpi.dso_period, DsoPeriod::Six);
    assert!(!kpi.dso_counts_disputed);
    assert_eq!(kpi.cash_alert, Some(dec!(5000)));
    assert_eq!(kpi.cash_alert_weeks, 6);
    assert_eq!(kpi.financing_rate, dec!(4.5));
    assert_eq!(kpi.chasing_hours, dec!(2));
    assert_eq!(kpi.hourly_cost, Some(dec!(55)));
}

#[test]
fn version_3_gains_no_drafts_and_no_blocks() {
    // Guards against a migration that leaves v3 data without the lists v4 code expects.
    let ledger = snapshot::decode(&fixture(3)).unwrap().ledger;
    assert!(ledger.drafts().is_empty());
    assert!(ledger.clients().iter().all(|c| c.credit_holds.is_empty()));
}

#[test]
fn version_4_keeps_drafts_and_the_history_of_blocks() {
    let ledger = snapshot::decode(&fixture(4)).unwrap().ledger;
    assert_eq!(ledger.drafts().len(), 1);
    assert_eq!(ledger.drafts()[0].total(), dec!(1800.00));
    let dupont = ledger.client(ClientId(1)).unwrap();
    assert_eq!(dupont.credit_holds.len(), 2);
    assert_eq!(
        dupont.current_hold().map(|h| h.reason.as_str()),
        Some("Retards répétés")
    );
}

#[test]
fn overlapping_blocks_and_orphan_drafts_are_refused_with_their_place() {
    // Guards against a hand-edited backup with two blocks in force at once, or a draft for a
    // client that does not exist.
    let overlap = fixture(4).replacen("\"lifted_on\": \"2025-06-20\"", "\"lifted_on\": null", 1);
    assert_eq!(
        snapshot::decode(&overlap),
        Err(SnapshotError::Inconsistent {
            path: "ledger.clients[0].credit_holds[0]".into(),
            problem: Inconsistency::HoldsOverlap
        })
    );
    let draft_client = "\"client\": 1,\n          \"issue_date\": \"2025-12-01\"";
    let orphan = fixture(4).replacen(draft_client, &draft_client.replace(": 1,", ": 77,"), 1);
    assert_ne!(orphan, fixture(4), "the fixture's draft is found");
    assert_eq!(
        snapshot::decode(&orphan),
        Err(SnapshotError::Inconsistent {
            path: "ledger.drafts[0]".into(),
            problem: Inconsistency::UnknownClient(ClientId(77))
        })
    );
}

#[test]
fn version_4_gains_the_default_reminder_plan_and_an_empty_issuer() {
    // Guards against a migration that leaves v4 data without a plan: the queue would be empty.
    let ledger = snapshot::decode(&fixture(4)).unwrap().ledger;
    assert_eq!(
        ledger.reminders(),
        &encaisse_domain::model::reminders::Reminders::default()
    );
    assert_eq!(
        ledger.settings().issuer,
        encaisse_domain::model::issuer::Issuer::default()
    );
}

#[test]
fn version_5_keeps_what_was_done_to_collect() {
    use encaisse_domain::model::reminders::{ActionKind, Tone};
    let ledger = snapshot::decode(&fixture(5)).unwrap().ledger;
    let reminders = ledger.reminders();
    assert!(matches!(
        reminders.log[0].kind,
        ActionKind::Sent {
            tone: Tone::FirstReminder,
            ..
        }
    ));
    assert_eq!(reminders.promises[0].amount, Some(dec!(400.00)));
    assert_eq!(reminders.payment_plans[0].instalments.len(), 2);
    assert_eq!(reminders.litigations[0].documents.len(), 2);
    assert_eq!(reminders.plan_for(ClientId(2)).levels.len(), 2);
    assert_eq!(ledger.settings().issuer.name, "Studio Martin");
}

#[test]
fn collection_records_naming_another_clients_invoice_or_a_bad_iban_are_refused() {
    // Guards against a hand-edited backup whose reminder log points at another client's
    // invoice, or whose letterhead carries an IBAN that fails its checksum.
    let crossed = fixture(5).replacen(
        "\"invoice\": 3,\n                  \"level\": 1",
        "\"invoice\": 4,\n                  \"level\": 1",
        1,
    );
    assert_ne!(crossed, fixture(5), "the fixture's log entry is found");
    assert_eq!(
        snapshot::decode(&crossed),
        Err(SnapshotError::Inconsistent {
            path: "ledger.reminders.log[0]".into(),
            problem: Inconsistency::InvoiceOfAnotherClient(
                encaisse_domain::values::ids::InvoiceId(4)
            )
        })
    );
    let bad_iban = fixture(5).replacen(
        "\"iban\": \"FR7630006000011234567890189\",\n        \"bic\": \"AGRIFRPP\",\n        \"default_terms\"",
        "\"iban\": \"FR7630006000011234567890188\",\n        \"bic\": \"AGRIFRPP\",\n        \"default_terms\"",
        1,
    );
    assert_ne!(bad_iban, fixture(5), "the fixture's issuer IBAN is found");
    assert_eq!(
        snapshot::decode(&bad_iban),
        Err(SnapshotError::Inconsistent {
            path: "ledger.settings.issuer".into(),
            problem: Inconsistency::InvalidIssuer
        })
    );
}

#[test]
fn bad_dashboard_settings_are_refused_with_their_place() {
    // Guards against a hand-edited backup that sets a 9-month DSO or a 50-week alert.
    let period = fixture(3).replacen("\"dso_period\": 6", "\"dso_period\": 9", 1);
    match snapshot::decode(&period) {
        Err(SnapshotError::Invalid { path, .. }) => {
            assert_eq!(path, "ledger.settings.kpi.dso_period")
        }
        other => panic!("expected the DSO period to be refused, got {other:?}"),
    }
    let weeks = fixture(3).replacen("\"cash_alert_weeks\": 6", "\"cash_alert_weeks\": 50", 1);
    assert_eq!(
        snapshot::decode(&weeks),
        Err(SnapshotError::Inconsistent {
            path: "ledger.settings.kpi".into(),
            problem: Inconsistency::KpiSettingOutOfRange
        })
    );
}

#[test]
fn round_trip_keeps_everything() {
    let ledger = generate(
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        DemoConfig {
            clients: 8,
            invoices: 60,
            ..DemoConfig::default()
        },
    );
    let stored = snapshot::decode(&snapshot::to_storage(&ledger, 41)).unwrap();
    assert_eq!(stored.revision, 41);
    assert_eq!(stored.ledger, ledger);
    assert_eq!(
        snapshot::decode(&snapshot::to_backup(&ledger))
            .unwrap()
            .ledger,
        ledger
    );
}

#[test]
fn amounts_are_stored_as_exact_strings() {
    // Guards against amounts written as JSON floats, which other tools read back as 0.1 + 0.2.
    let text = fixture(CURRENT_VERSION);
    let ledger = snapshot::decode(&text).unwrap().ledger;
    let written = snapshot::to_backup(&ledger);
    assert!(written.contains("\"amount\": \"800.00\""), "{written}");
}

#[test]
fn truncated_data_names_the_line() {
    let text = fixture(1);
    let cut = &text[..text.len() / 2];
    match snapshot::decode(cut) {
        Err(SnapshotError::NotJson { line, .. }) => assert!(line > 10),
        other => panic!("{other:?}"),
    }
}

#[test]
fn other_files_and_newer_versions_are_refused() {
    assert_eq!(
        snapshot::decode("{\"hello\": 1}"),
        Err(SnapshotError::NotEncaisse)
    );
    assert_eq!(snapshot::decode("[1,2]"), Err(SnapshotError::NotEncaisse));
    let newer = fixture(CURRENT_VERSION).replacen(
        &format!("\"version\": {CURRENT_VERSION}"),
        "\"version\": 99",
        1,
    );
    assert_eq!(
        snapshot::decode(&newer),
        Err(SnapshotError::NewerVersion { found: 99 })
    );
}

#[test]
fn a_bad_value_is_located() {
    // Guards against "invalid backup" with no hint of where to look.
    let bad = fixture(1).replacen(
        "\"issue_date\": \"2025-03-15\"",
        "\"issue_date\": \"15/03/2025\"",
        1,
    );
    match snapshot::decode(&bad) {
        Err(SnapshotError::Invalid { path, .. }) => {
            assert_eq!(path, "ledger.invoices[0].details.issue_date")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_inconsistent_file_is_refused_whole() {
    // Guards against importing an allocation to an invoice that does not exist.
    let bad = fixture(1).replacen("\"invoice\": 3,\n", "\"invoice\": 42,\n", 1);
    assert_eq!(
        snapshot::decode(&bad),
        Err(SnapshotError::Inconsistent {
            path: "ledger.payments[0]".into(),
            problem: Inconsistency::UnknownInvoice(encaisse_domain::values::ids::InvoiceId(42))
        })
    );
    let duplicate = fixture(1).replacen("\"F2025-002\"", "\"f2025-001\"", 1);
    assert!(matches!(
        snapshot::decode(&duplicate),
        Err(SnapshotError::Inconsistent {
            problem: Inconsistency::DuplicateNumber(_),
            ..
        })
    ));
    let over = fixture(1).replacen("\"amount\": \"800.00\"", "\"amount\": \"600.00\"", 1);
    assert!(matches!(
        snapshot::decode(&over),
        Err(SnapshotError::Inconsistent {
            problem: Inconsistency::AllocationsExceedPayment,
            ..
        })
    ));
}

#[test]
fn bad_settings_are_refused_with_their_place() {
    // Guards against a hand-edited backup whose aging buckets or rates would break every
    // report once loaded.
    let unordered = fixture(2).replacen("30,\n        60,", "60,\n        30,", 1);
    match snapshot::decode(&unordered) {
        Err(SnapshotError::Invalid { path, .. }) => {
            assert_eq!(path, "ledger.settings.aging_bounds")
        }
        other => panic!("{other:?}"),
    }
    let third_half = fixture(2).replacen("\"half\": 2", "\"half\": 3", 1);
    match snapshot::decode(&third_half) {
        Err(SnapshotError::Invalid { path, .. }) => {
            assert_eq!(path, "ledger.settings.rate_overrides[0].half_year")
        }
        other => panic!("{other:?}"),
    }
    let absurd = fixture(2).replacen("\"ecb\": \"2.15\"", "\"ecb\": \"215\"", 1);
    assert_eq!(
        snapshot::decode(&absurd),
        Err(SnapshotError::Inconsistent {
            path: "ledger.settings.rate_overrides[0]".into(),
            problem: Inconsistency::RateOutOfRange
        })
    );
}

#[test]
fn deep_and_missing_values_are_located() {
    // Guards against a backup error that names only "ledger" when the bad value sits in a
    // list inside a list, or when a field is missing altogether.
    let deep = fixture(1).replacen("\"amount\": \"700.00\"", "\"amount\": \"sept cents\"", 1);
    match snapshot::decode(&deep) {
        Err(SnapshotError::Invalid { path, .. }) => {
            assert_eq!(path, "ledger.payments[0].details.allocations[0].amount")
        }
        other => panic!("{other:?}"),
    }
    // Amounts are exact decimal strings; a JSON number (a float to most tools) is refused
    // with its place rather than read through binary floating point.
    let float = fixture(1).replacen("\"amount\": \"700.00\"", "\"amount\": 700.0", 1);
    match snapshot::decode(&float) {
        Err(SnapshotError::Invalid { path, .. }) => {
            assert_eq!(path, "ledger.payments[0].details.allocations[0].amount")
        }
        other => panic!("{other:?}"),
    }
    let missing = fixture(1).replacen("\"number\": \"F2025-001\",", "", 1);
    match snapshot::decode(&missing) {
        Err(SnapshotError::Invalid { path, detail }) => {
            assert_eq!(path, "ledger.invoices[0].details");
            assert!(detail.contains("missing field `number`"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn backups_are_indented_exactly_as_serde_json_would() {
    // Guards against the hand-written indenter producing JSON that differs from the pretty
    // form other tools and the documentation show (or that is not JSON at all).
    let mut ledger = generate(
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        DemoConfig::default(),
    );
    ledger.update_settings(|s| {
        s.aging_bounds = encaisse_domain::model::settings::AgingBounds::new(vec![30]).unwrap()
    });
    let backup = snapshot::to_backup(&ledger);
    // With serde_json's preserve_order (a dev-dependency feature), the parsed stored form
    // keeps its key order, so its pretty form is what serialising pretty would have written.
    let stored: serde_json::Value =
        serde_json::from_str(&snapshot::to_storage(&ledger, 0)).unwrap();
    assert_eq!(backup, serde_json::to_string_pretty(&stored).unwrap());
    assert!(
        backup.contains("\"rate_overrides\": [],"),
        "empty lists stay on one line"
    );
}

#[test]
fn a_promise_due_before_it_was_made_is_refused_with_its_place() {
    // Guards against a hand-edited backup whose promise pauses a client from a date that
    // contradicts the day it was made.
    let backwards = fixture(5).replacen(
        "\"promised_for\": \"2025-05-31\"",
        "\"promised_for\": \"2025-04-30\"",
        1,
    );
    assert_ne!(backwards, fixture(5), "the fixture's promise is found");
    assert_eq!(
        snapshot::decode(&backwards),
        Err(SnapshotError::Inconsistent {
            path: "ledger.reminders.promises[0]".into(),
            problem: Inconsistency::DatesOutOfOrder
        })
    );
}

#[test]
fn version_5_gains_an_empty_bank_and_version_6_keeps_its_lines() {
    // Guards against the bank migration losing the collection records, and against stored
    // statement lines losing their status (a reconciled line matched again after a reload).
    let migrated = snapshot::decode(&fixture(5)).unwrap().ledger;
    assert!(migrated.bank().accounts().is_empty() && migrated.bank().lines().is_empty());
    let ledger = snapshot::decode(&fixture(6)).unwrap().ledger;
    let bank = ledger.bank();
    assert_eq!(bank.accounts()[0].name, "Compte courant");
    assert_eq!(bank.lines().len(), 2);
    let payment = ledger.payments()[0].id;
    assert_eq!(
        bank.line_of_payment(payment).unwrap().line.label,
        "VIR SEPA DUPONT F2025-001"
    );
    assert!(!bank.lines()[1].is_open(), "the fee stays set aside");
}

#[test]
fn bank_lines_naming_a_missing_payment_or_account_are_refused_with_their_place() {
    // Guards against a hand-edited backup linking a line to a payment of another amount,
    // which would show the bank and the ledger agreeing when they do not.
    let text = fixture(6);
    let other_amount = text.replacen(
        "\"amount\": \"800.00\",\n            \"label\"",
        "\"amount\": \"801.00\",\n            \"label\"",
        1,
    );
    assert_ne!(
        other_amount, text,
        "the fixture's line amount is where the test expects it"
    );
    assert_eq!(
        snapshot::decode(&other_amount),
        Err(SnapshotError::Inconsistent {
            path: "ledger.bank.lines[0]".into(),
            problem: Inconsistency::BankLineMismatch
        })
    );
    let no_account = text.replacen(
        "\"account\": 16,\n          \"statement\"",
        "\"account\": 99,\n          \"statement\"",
        1,
    );
    assert_ne!(no_account, text);
    assert!(matches!(
        snapshot::decode(&no_account),
        Err(SnapshotError::Inconsistent {
            problem: Inconsistency::UnknownBankRecord,
            ..
        })
    ));
}

#[test]
fn v7_keeps_csv_mappings_and_import_records_and_v6_gains_none() {
    // Guards against a migration that drops what the user mapped once (the next statement
    // of that bank would ask again) or the record that lets an import be undone.
    let v7 = snapshot::decode(&fixture(7)).unwrap().ledger;
    let mapping = &v7.bank().csv_mappings()[0];
    assert_eq!(
        mapping.signature,
        "header:date operation|libelle|montant eur"
    );
    assert_eq!(mapping.mapping.label, 1);
    assert_eq!(v7.imports().len(), 1);
    assert_eq!(v7.imports()[0].file_name, "FEC-2025.txt");
    let columns = v7
        .invoice_csv_columns("n° facture|client|date|echeance|total ttc")
        .expect("the invoice CSV columns are kept");
    assert_eq!((columns.number, columns.total), (0, Some(4)));
    let v6 = snapshot::decode(&fixture(6)).unwrap().ledger;
    assert!(v6.bank().csv_mappings().is_empty());
    assert!(v6.imports().is_empty());
    assert!(v6
        .invoice_csv_columns("n° facture|client|date|echeance|total ttc")
        .is_none());
    assert_eq!(v6.bank().lines(), v7.bank().lines());
}

#[test]
fn a_csv_mapping_giving_one_column_two_roles_is_refused_with_its_place() {
    // Guards against a hand-edited backup whose mapping reads the label as the amount:
    // every later statement of that bank would import wrong figures without asking.
    let text = fixture(7);
    let twice = text.replacen("\"label\": 1,", "\"label\": 2,", 1);
    assert_ne!(
        twice, text,
        "the fixture's mapping label is where the test expects it"
    );
    assert_eq!(
        snapshot::decode(&twice),
        Err(SnapshotError::Inconsistent {
            path: "ledger.bank.csv_mappings[0]".into(),
            problem: Inconsistency::CsvMappingInvalid
        })
    );
}

#[test]
fn a_bad_date_that_ends_its_object_is_located() {
    // Guards against a date checked after it is read: its error would have no position, and
    // the path would name the object around it rather than the date.
    let text = fixture(7).replacen("\"on\": \"2025-05-02\"", "\"on\": \"2025-05-32\"", 1);
    match snapshot::decode(&text) {
        Err(SnapshotError::Invalid { path, detail }) => {
            assert_eq!(path, "ledger.bank.lines[0].status.reconciled.on");
            assert_eq!(
                detail,
                "invalid value: string \"2025-05-32\", expected a date written YYYY-MM-DD"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_value_in_the_compact_stored_form_is_located() {
    // Guards against paths found only in indented text: storage keeps the compact form, read
    // straight into the types.
    let ledger = generate(
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        DemoConfig {
            clients: 8,
            invoices: 60,
            ..DemoConfig::default()
        },
    );
    let stored = snapshot::to_storage(&ledger, 3);
    let fourth_date = stored.match_indices("\"issue_date\":\"").nth(3).unwrap().0;
    let mut bad = stored.clone();
    bad.replace_range(fourth_date..fourth_date + 14, "\"issue_date\":7,\"x\":\"");
    match snapshot::decode(&bad) {
        Err(SnapshotError::Invalid { path, detail }) => {
            assert_eq!(path, "ledger.invoices[3].details.issue_date");
            assert_eq!(
                detail,
                "invalid type: integer `7`, expected a date written YYYY-MM-DD"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_current_document_cut_short_or_without_a_ledger_is_refused() {
    // Guards against the header, read on its own, accepting a truncated current document.
    let text = fixture(CURRENT_VERSION);
    match snapshot::decode(&text[..text.len() - 40]) {
        Err(SnapshotError::NotJson { line, .. }) => assert!(line > 500, "{line}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        snapshot::decode(&format!(
            "{{\"format\":\"encaisse\",\"version\":{CURRENT_VERSION},\"revision\":1}}"
        )),
        Err(SnapshotError::Invalid {
            path: "ledger".into(),
            detail: "missing field `ledger`".into()
        })
    );
    assert_eq!(
        snapshot::decode("{\"format\":\"encaisse\",\"version\":0,\"ledger\":{}}"),
        Err(SnapshotError::BadVersion)
    );
    assert_eq!(
        snapshot::decode("\"encaisse\" x"),
        Err(SnapshotError::NotJson {
            line: 1,
            column: 12
        })
    );
}
