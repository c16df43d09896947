//! Each IPC command is declared once, in src-tauri/src/command_list.rs. The UI's adapter
//! (ui/src/api.ts) and the window's capability (src-tauri/capabilities/main.json) must name
//! exactly the commands of that list: a command missing from either, or one they name that
//! the list does not have, fails here (and would fail at run time as "not allowed" or
//! "command not found").

use std::collections::BTreeSet;
use std::path::Path;

include!("../src-tauri/src/command_list.rs");

macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        [$(stringify!($name)),*]
    };
}

fn listed() -> BTreeSet<String> {
    let names = with_commands!(command_names);
    let set: BTreeSet<String> = names.iter().map(|s| s.to_string()).collect();
    assert_eq!(set.len(), names.len(), "a command is listed twice");
    set
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The commands api.ts invokes: `call<…>("name"` (every call goes through `call`).
fn called_by_api_ts() -> BTreeSet<String> {
    read("ui/src/api.ts")
        .lines()
        .flat_map(|line| line.split("call<").skip(1))
        .filter_map(|after| {
            let name = &after[after.find(">(\"")? + 3..];
            Some(name[..name.find('"')?].to_string())
        })
        .collect()
}

/// The app's own commands the capability grants (`allow-<name with dashes>`).
fn granted() -> BTreeSet<String> {
    let cap: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main.json")).expect("valid JSON");
    cap["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.contains(':'))
        .map(|p| {
            p.strip_prefix("allow-")
                .unwrap_or_else(|| panic!("{p}: only allow-… permissions for the app's commands"))
                .replace('-', "_")
        })
        .collect()
}

fn differences(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    (
        a.difference(b).cloned().collect(),
        b.difference(a).cloned().collect(),
    )
}

#[test]
fn api_ts_calls_exactly_the_listed_commands() {
    let (only_list, only_api) = differences(&listed(), &called_by_api_ts());
    assert!(
        only_list.is_empty() && only_api.is_empty(),
        "listed but not in api.ts: {only_list:?}; in api.ts but not listed: {only_api:?}"
    );
}

#[test]
fn the_capability_grants_exactly_the_listed_commands() {
    let (only_list, only_cap) = differences(&listed(), &granted());
    assert!(
        only_list.is_empty() && only_cap.is_empty(),
        "listed but not granted: {only_list:?}; granted but not listed: {only_cap:?}"
    );
}

#[test]
fn the_capability_lives_in_its_own_file_only() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    assert!(
        conf["app"]["security"].get("capabilities").is_none(),
        "tauri.conf.json declares capabilities inline; they belong in src-tauri/capabilities/"
    );
}

/// The readers above find what they look for (so an empty match cannot pass as agreement).
#[test]
fn the_readers_find_commands() {
    assert!(listed().contains("store_info"));
    assert!(called_by_api_ts().contains("get_summary"));
    assert!(granted().contains("restore_backup"));
}
