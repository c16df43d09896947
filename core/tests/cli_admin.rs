//! The looking-after commands of the `inspection-tracker` binary: evidence, backups, the
//! dates kept about a report, and settings.

mod cli_common;

use std::path::Path;

use cli_common::*;

#[test]
fn evidence_files_are_copied_by_hash_and_count_towards_blue() {
    let plan = imported();
    let id = ids(&overdue(&plan.db))[0].clone();
    let file = plan.db.parent().unwrap().join("minutes.txt");
    std::fs::write(&file, "Board minutes, 12 January 2012").unwrap();
    let added = ok_json(&plan.db, &["evidence", "add", &id, file.to_str().unwrap()]);
    assert_eq!(added["already_attached"], false);
    let sha = added["evidence"]["sha256"].as_str().unwrap();
    assert_eq!(added["evidence"]["original_name"], "minutes.txt");
    let copy = plan.db.parent().unwrap().join("evidence").join(sha);
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&file).unwrap());
    let again = ok_json(&plan.db, &["evidence", "add", &id, file.to_str().unwrap()]);
    assert_eq!(again["already_attached"], true);
    ok_json(
        &plan.db,
        &["evidence", "add", &id, "https://example.org/plan"],
    );
    assert_eq!(
        ok_json(&plan.db, &["evidence", "list", &id])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    fails(&plan.db, &["evidence", "add", &id, "/no/such/file.pdf"]);

    ok_json(
        &plan.db,
        &[
            "action",
            "update",
            &id,
            "--status",
            "completed",
            "--sign-off",
        ],
    );
    let shown = ok_json(&plan.db, &["action", "show", &id]);
    assert_eq!(shown["rag"], "blue");
    assert_eq!(shown["action"]["signed_off_by"], WHO);
}

#[test]
fn writing_commands_keep_rotating_backups_and_backup_to_a_file_restores() {
    let plan = imported();
    let dir = plan.db.parent().unwrap();
    let saved = dir.join("saved.db");
    ok_json(&plan.db, &["backup", "--to", saved.to_str().unwrap()]);
    let id = ids(&overdue(&plan.db))[0].clone();
    ok_json(
        &plan.db,
        &["action", "update", &id, "--status", "completed"],
    );
    assert_eq!(overdue(&plan.db).as_array().unwrap().len(), 32);

    let restored = ok_json(&plan.db, &["restore", saved.to_str().unwrap()]);
    assert!(restored["safety_backup"].is_string());
    assert_eq!(overdue(&plan.db).as_array().unwrap().len(), 33);

    let backups = std::fs::read_dir(dir.join("backups")).unwrap().count();
    assert!(backups >= 2, "{backups} automatic backups");

    // A damaged file is refused before anything is replaced.
    let mut bytes = std::fs::read(&saved).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid - 3000..mid + 3000] {
        *b = 0x5A;
    }
    let damaged = dir.join("damaged.db");
    std::fs::write(&damaged, bytes).unwrap();
    let err = fails(&plan.db, &["restore", damaged.to_str().unwrap()]);
    assert!(err.contains("cannot be restored"), "{err}");
    assert_eq!(overdue(&plan.db).as_array().unwrap().len(), 33);

    // Rotation keeps the number the setting says.
    std::fs::remove_dir_all(dir.join("backups")).unwrap();
    let store = inspection_tracker::store::Store::open(&plan.db);
    let mut store = store.unwrap();
    inspection_tracker::plan::settings::set(&mut store, "backups_keep", "2", WHO).unwrap();
    drop(store);
    let id = ids(&overdue(&plan.db))[1].clone();
    for p in ["10", "20", "30", "40"] {
        ok_json(&plan.db, &["action", "update", &id, "--progress", p]);
    }
    assert_eq!(std::fs::read_dir(dir.join("backups")).unwrap().count(), 2);
}

#[test]
fn report_dates_set_from_the_cli_move_the_deadline_and_replace_the_estimate() {
    let plan = imported();
    let rutland = plan.report("000_");
    let listed = ok_json(&plan.db, &["report", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 4);

    // Received a week later than published: the 70-working-day clock starts then.
    let short = &rutland[rutland.len() - 8..]; // as lists show it
    let r = ok_json(
        &plan.db,
        &[
            "report",
            "set",
            short,
            "--received",
            "2011-11-25",
            "--next-inspection",
            "2014-10-06",
        ],
    );
    assert_eq!(r["received"], "2011-11-25");
    assert_ne!(r["action_plan_deadline"], "2012-02-29");
    assert_eq!(r["next_inspection"], "2014-10-06");
    let s = ok_json(&plan.db, &["summary", "--as-of", "2012-02-01"]);
    let row = s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["report_id"] == rutland)
        .unwrap()
        .clone();
    assert_eq!(row["next_inspection"]["estimated"], false);
    assert_eq!(row["action_plan_deadline"], r["action_plan_deadline"]);

    // Back to the estimate.
    let r = ok_json(
        &plan.db,
        &["report", "set", rutland, "--next-inspection", "none"],
    );
    assert!(r["next_inspection"].is_null());

    // Bad input changes nothing.
    let before = ok_json(&plan.db, &["report", "list"]);
    fails(&plan.db, &["report", "set", rutland]);
    fails(
        &plan.db,
        &["report", "set", rutland, "--next-inspection", "soon"],
    );
    fails(
        &plan.db,
        &["report", "set", "zz", "--received", "2011-11-25"],
    );
    fails(
        &plan.db,
        &["report", "set", "ffffffff", "--received", "2011-11-25"],
    );
    assert_eq!(ok_json(&plan.db, &["report", "list"]), before);
}

#[test]
fn settings_are_listed_checked_and_changed_from_the_cli() {
    let plan = imported();
    let all = ok_json(&plan.db, &["settings"]);
    let keys: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"user_name") && keys.contains(&"reminders"),
        "{keys:?}"
    );
    assert_eq!(
        ok_json(&plan.db, &["settings", "get", "user_name"])["value"],
        WHO
    );

    // A wider amber window turns actions due soon amber.
    let amber =
        |db: &Path| ok_json(db, &["summary", "--as-of", "2011-10-01"])["overall"]["amber"].clone();
    let before = amber(&plan.db);
    let set = ok_json(&plan.db, &["settings", "set", "amber_window_days", "300"]);
    assert_eq!(set["value"], "300");
    assert!(amber(&plan.db).as_i64() > before.as_i64(), "{before}");

    let err = fails(&plan.db, &["settings", "set", "amber_window_days", "lots"]);
    assert!(err.contains("amber_window_days"), "{err}");
    let err = fails(&plan.db, &["settings", "set", "colour", "blue"]);
    assert!(err.contains("unknown setting"), "{err}");
    assert_eq!(
        ok_json(&plan.db, &["settings", "get", "amber_window_days"])["value"],
        "300"
    );
}

/// Started without a login environment (no `USER` or `USERNAME`, as from a service or
/// some launchers), the history still names the account, not "unknown".
#[cfg(unix)]
#[test]
fn without_user_variables_the_history_names_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tracker.db");
    let account = String::from_utf8(
        std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inspection-tracker"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "--json",
            "settings",
            "get",
            "user_name",
        ])
        .env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("INSPECTION_TRACKER_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["value"], account.trim());
    assert_ne!(got["value"], "unknown");
}
