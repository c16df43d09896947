//! `repeats` driven as a person would: import two of Knowsley's real reports (2017, 2021;
//! read from `../shared/reports/real/`), ask for the repeat findings of the later one,
//! confirm one and reject another, and find the decisions stored and in the history.

mod cli_common;

use std::path::{Path, PathBuf};

use cli_common::{cli, fails, ok_json, stdout, WHO};

fn real(name: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reports/real")
        .join(name);
    p.display().to_string()
}

const EARLIER: &str = "2017-06-13-knowsley.pdf";
const LATER: &str = "2021-12-03-knowsley.pdf";

/// A database with both reports; (earlier report id, later report id).
fn knowsley(db: &Path) -> (String, String) {
    let out = ok_json(db, &["import", &real(EARLIER), &real(LATER)]);
    let id = |i: usize| out[i]["report_id"].as_str().unwrap().to_string();
    (id(0), id(1))
}

fn end(id: &str) -> &str {
    &id[id.len() - 8..]
}

fn links(db: &Path) -> Vec<(String, String, String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT recommendation_id, earlier_id, decision, decided_by FROM repeat_links
             ORDER BY decided_at",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn repeats_lists_each_recommendation_in_order_with_earlier_suggestions_best_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (earlier, later) = knowsley(&db);
    let got = ok_json(&db, &["repeats", end(&later)]);
    let extracted = ok_json(&db, &["extract", &real(LATER)]);
    let texts: Vec<&str> = extracted["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    let recs = got.as_array().unwrap();
    assert_eq!(
        recs.iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect::<Vec<_>>(),
        texts,
        "every recommendation, in report order"
    );
    let mut any = 0;
    for r in recs {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["recommendation_id", "suggestions", "text"]);
        let s = r["suggestions"].as_array().unwrap();
        assert!(s.len() <= 3, "{r}");
        for (i, x) in s.iter().enumerate() {
            let keys: Vec<&String> = x.as_object().unwrap().keys().collect();
            assert_eq!(
                keys,
                [
                    "recommendation_id",
                    "report_id",
                    "score",
                    "shared_terms",
                    "text"
                ]
            );
            assert_eq!(
                x["report_id"],
                earlier.as_str(),
                "only from the earlier report"
            );
            assert!(!x["shared_terms"].as_array().unwrap().is_empty());
            if i > 0 {
                assert!(
                    x["score"].as_f64() <= s[i - 1]["score"].as_f64(),
                    "best first"
                );
            }
            any += 1;
        }
    }
    assert!(any > 0, "some suggestion: {got}");
    // The private fostering finding of 2021 is the one raised in 2017.
    let pf = &recs[3];
    assert!(pf["text"].as_str().unwrap().contains("private fostering"));
    assert!(
        pf["suggestions"][0]["text"]
            .as_str()
            .unwrap()
            .contains("privately fostered"),
        "{pf}"
    );

    // --top 1: at most one each; the earlier report has no earlier report of its own.
    for r in ok_json(&db, &["repeats", end(&later), "--top", "1"])
        .as_array()
        .unwrap()
    {
        assert!(r["suggestions"].as_array().unwrap().len() <= 1);
    }
    for r in ok_json(&db, &["repeats", &earlier]).as_array().unwrap() {
        assert!(r["suggestions"].as_array().unwrap().is_empty());
    }

    // Readable text without --json.
    let o = cli(&db, &["repeats", end(&later)]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.contains("raised before?") && text.contains("shares:"),
        "{text}"
    );
}

#[test]
fn confirming_a_suggestion_stores_it_with_who_and_when_and_records_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (_, later) = knowsley(&db);
    let got = ok_json(&db, &["repeats", &later]);
    let pf = &got[3];
    let new_rec = pf["recommendation_id"].as_str().unwrap().to_string();
    let old_rec = pf["suggestions"][0]["recommendation_id"]
        .as_str()
        .unwrap()
        .to_string();

    let link = ok_json(&db, &["repeats", "confirm", end(&new_rec), end(&old_rec)]);
    assert_eq!(link["decision"], "confirmed");
    assert_eq!(link["decided_by"], WHO);
    assert_eq!(
        links(&db),
        [(
            new_rec.clone(),
            old_rec.clone(),
            "confirmed".to_string(),
            WHO.to_string()
        )]
    );
    let history = ok_json(&db, &["history", &new_rec]);
    let h = history.as_array().unwrap();
    let last = h.last().unwrap();
    assert_eq!(last["field"], "repeat_of");
    assert_eq!(last["new_value"], format!("confirmed {old_rec}"));
    assert_eq!(last["who"], WHO);
    assert!(last["at"].as_str().unwrap().ends_with('Z'));
    let theirs = ok_json(&db, &["history", &old_rec]);
    assert_eq!(
        theirs.as_array().unwrap().last().unwrap()["new_value"],
        format!("confirmed {new_rec}")
    );

    // The same decision again changes nothing; changing it is recorded old → new.
    ok_json(&db, &["repeats", "confirm", &new_rec, &old_rec]);
    assert_eq!(ok_json(&db, &["history", &new_rec]), history);
    ok_json(&db, &["repeats", "reject", &new_rec, &old_rec]);
    let h2 = ok_json(&db, &["history", &new_rec]);
    let last = h2.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["old_value"], format!("confirmed {old_rec}"));
    assert_eq!(last["new_value"], format!("rejected {old_rec}"));
    assert_eq!(links(&db)[0].2, "rejected");
    // A rejected pair is not suggested again.
    let again = ok_json(&db, &["repeats", &later]);
    assert!(again[3]["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["recommendation_id"] != old_rec.as_str()));
}

#[test]
fn unknown_ambiguous_or_backwards_input_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (earlier, later) = knowsley(&db);

    let err = fails(&db, &["repeats", "ffffffffffff"]);
    assert!(err.contains("report not found"), "{err}");

    // Ids made in the same minute share their start (they are time-ordered).
    let common: String = earlier
        .chars()
        .zip(later.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    assert!(common.len() >= 4, "{earlier} {later}");
    let err = fails(&db, &["repeats", &common]);
    assert!(err.contains("more than one report"), "{err}");

    let got = ok_json(&db, &["repeats", &later]);
    let new_rec = got[3]["recommendation_id"].as_str().unwrap().to_string();
    let old_rec = got[3]["suggestions"][0]["recommendation_id"]
        .as_str()
        .unwrap()
        .to_string();
    // Backwards: the earlier recommendation first.
    let err = fails(&db, &["repeats", "confirm", &old_rec, &new_rec]);
    assert!(err.contains("not from an earlier report"), "{err}");
    // Two recommendations of the same report.
    let sibling = got[0]["recommendation_id"].as_str().unwrap();
    let err = fails(&db, &["repeats", "reject", &new_rec, sibling]);
    assert!(err.contains("not from an earlier report"), "{err}");
    let err = fails(&db, &["repeats", "confirm", &new_rec, "abcdef0123"]);
    assert!(err.contains("recommendation not found"), "{err}");
    assert!(links(&db).is_empty(), "nothing stored");
    // No decision recorded, so the recommendation has no history at all.
    let err = fails(&db, &["history", &new_rec]);
    assert!(err.contains("not found"), "{err}");
}

#[test]
fn a_report_that_names_no_authority_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let file = dir.path().join("letter.txt");
    std::fs::write(&file, "Areas for development\n\n• Improve care plans.\n").unwrap();
    // Import itself refuses such a report now (issue 16), so no plan without an authority
    // ever reaches `repeats`.
    let err = fails(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--inspection-date",
            "2024-05-01",
        ],
    );
    assert!(err.contains("names no local authority"), "{err}");
}
