//! Shared by the export tests: a store holding the reference reports with some progress
//! recorded, and readers that open .docx files and pull out their paragraphs and tables.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::io::{Cursor, Read};
use std::path::PathBuf;

use chrono::NaiveDate;
use inspection_tracker::extract::extract;
use inspection_tracker::model::ActionStatus;
use inspection_tracker::plan::actions::{update_with_note, Change};
use inspection_tracker::plan::evidence::add_link;
use inspection_tracker::plan::import::{import_report, sha256_hex, ImportOptions};
use inspection_tracker::plan::query::{list_actions, ActionListItem, Filter};
use inspection_tracker::store::Store;

/// The reference reports the exports are checked on (002, the joint area review, states
/// no date and needs one given by hand, so it is left out).
pub const FIXTURES: [&str; 4] = [
    "000_e52ea3f525227045.txt",
    "001_04efd66905547271.txt",
    "003_58c395879ae4d1eb.txt",
    "004_68b5994d671394d9.txt",
];

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The date the exports are "as at" in these tests: some 2011 actions are overdue, some
/// not yet due.
pub fn as_of() -> NaiveDate {
    date("2012-01-20")
}

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

/// Import the reference reports into `store`.
pub fn import_fixtures(store: &mut Store) {
    for name in FIXTURES {
        let bytes = std::fs::read(fixture_path(name)).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let report = extract(&text);
        import_report(
            store,
            name,
            &sha256_hex(&bytes),
            "text",
            &text,
            &report,
            &ImportOptions {
                inspection_date: None,
                who: "test".into(),
                previous: Default::default(),
            },
        )
        .unwrap_or_else(|e| panic!("importing {name}: {e}"));
    }
}

/// What `record_progress` did, to check the exports against.
pub struct Progress {
    pub in_progress: String,
    pub completed: String,
    pub blue: String,
    pub blocked: String,
    pub moved_overdue: String,
    /// Its latest note is dated after the as-of date, so must not show.
    pub later_note: String,
}

pub const NOTE_IN_PROGRESS: &str =
    "Audit of strategy discussions booked; first results due in February.";
pub const NOTE_BLOCKED: &str =
    "Waiting for the health partners to agree the protocol, escalated to the board.";
pub const NOTE_EARLY: &str = "Training plan drafted, consultation with schools under way.";
pub const NOTE_LATER: &str = "Training delivered to all staff.";

/// Record some progress on the plan: statuses, notes (one written after the as-of date),
/// an owner and a due date moved so the action is overdue, one completed with evidence
/// and signed off (blue).
pub fn record_progress(store: &mut Store) -> Progress {
    let day = as_of();
    let list = list_actions(store, &Filter::default(), day).unwrap();
    let open: Vec<&ActionListItem> = list
        .iter()
        .filter(|a| a.status == ActionStatus::NotStarted)
        .collect();
    let id = |i: usize| open[i].id.clone();
    let who = "Test Officer";
    let p = Progress {
        in_progress: id(0),
        completed: id(1),
        blue: id(2),
        blocked: id(3),
        moved_overdue: id(10),
        later_note: id(11),
    };
    update_with_note(
        store,
        &p.in_progress,
        &[
            Change::Status(ActionStatus::InProgress),
            Change::Progress(40),
            Change::Owner(Some("Head of Safeguarding".into())),
        ],
        Some((date("2012-01-10"), NOTE_IN_PROGRESS)),
        day,
        who,
    )
    .unwrap();
    update_with_note(
        store,
        &p.completed,
        &[Change::Status(ActionStatus::Completed)],
        Some((date("2011-12-01"), "Done and reported to the LSCB.")),
        date("2011-12-01"),
        who,
    )
    .unwrap();
    update_with_note(
        store,
        &p.blue,
        &[Change::Status(ActionStatus::Completed)],
        None,
        date("2011-11-15"),
        who,
    )
    .unwrap();
    add_link(store, &p.blue, "https://example.org/evidence/audit", who).unwrap();
    update_with_note(store, &p.blue, &[Change::SignOff], None, day, who).unwrap();
    update_with_note(
        store,
        &p.blocked,
        &[
            Change::Status(ActionStatus::Blocked),
            Change::Owner(Some("Designated Nurse".into())),
        ],
        Some((date("2012-01-05"), NOTE_BLOCKED)),
        day,
        who,
    )
    .unwrap();
    update_with_note(
        store,
        &p.moved_overdue,
        &[
            Change::DueDate {
                date: date("2011-12-31"),
                reason: "brought forward by the board".into(),
            },
            Change::Owner(Some("Service Manager, Children in Care".into())),
        ],
        None,
        day,
        who,
    )
    .unwrap();
    update_with_note(
        store,
        &p.later_note,
        &[Change::Status(ActionStatus::InProgress)],
        Some((date("2012-01-02"), NOTE_EARLY)),
        day,
        who,
    )
    .unwrap();
    update_with_note(
        store,
        &p.later_note,
        &[],
        Some((date("2012-02-15"), NOTE_LATER)),
        day,
        who,
    )
    .unwrap();
    p
}

/// A store with the reference reports and the progress above.
pub fn plan() -> (Store, Progress) {
    let mut store = Store::open_in_memory().unwrap();
    import_fixtures(&mut store);
    let p = record_progress(&mut store);
    (store, p)
}

/// One part of a zip package as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is missing"));
    let mut s = String::new();
    part.read_to_string(&mut s).unwrap();
    s
}

pub fn zip_names(bytes: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

/// A top-level block of a Word document's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph {
        style: Option<String>,
        text: String,
    },
    /// Rows of cell texts.
    Table(Vec<Vec<String>>),
}

/// The body of a .docx as paragraphs and tables, in order.
pub fn docx_blocks(bytes: &[u8]) -> Vec<Block> {
    use quick_xml::events::Event;
    let xml = zip_part(bytes, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut blocks = Vec::new();
    let mut table_depth = 0;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut para = String::new();
    let mut style: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Empty(e) if e.name().as_ref() == "w:br" => para.push('\n'),
            Event::Start(e) => match e.name().as_ref() {
                "w:tbl" => {
                    table_depth += 1;
                    rows.clear();
                }
                "w:tr" => row.clear(),
                "w:tc" => cell.clear(),
                "w:p" => {
                    para.clear();
                    style = None;
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                style = e
                    .try_get_attribute("w:val")
                    .unwrap()
                    .map(|a| a.value.to_string());
            }
            Event::Text(t) if in_text => {
                para.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text => {
                para.push_str(match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    if table_depth > 0 {
                        if !cell.is_empty() {
                            cell.push('\n');
                        }
                        cell.push_str(&para);
                    } else {
                        blocks.push(Block::Paragraph {
                            style: style.take(),
                            text: para.clone(),
                        });
                    }
                }
                "w:tc" => row.push(cell.clone()),
                "w:tr" => rows.push(row.clone()),
                "w:tbl" => {
                    table_depth -= 1;
                    blocks.push(Block::Table(rows.clone()));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    blocks
}

/// The tables that follow the heading (level 1 or 2) with this text, up to the next
/// heading of the same level or above.
pub fn tables_under(blocks: &[Block], heading: &str) -> Vec<Vec<Vec<String>>> {
    let level = |b: &Block| match b {
        Block::Paragraph { style: Some(s), .. } if s == "Heading1" => Some(1),
        Block::Paragraph { style: Some(s), .. } if s == "Heading2" => Some(2),
        _ => None,
    };
    let start = blocks
        .iter()
        .position(|b| {
            level(b).is_some() && matches!(b, Block::Paragraph { text, .. } if text == heading)
        })
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let own = level(&blocks[start]).unwrap_or(1);
    blocks[start + 1..]
        .iter()
        .take_while(|b| level(b).is_none_or(|l| l > own))
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The descriptions (alt text) of every picture in a .docx, in order (`None` for one
/// without).
pub fn picture_alt_texts(bytes: &[u8]) -> Vec<Option<String>> {
    let xml = zip_part(bytes, "word/document.xml");
    xml.split("<wp:docPr")
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            tag.split("descr=\"")
                .nth(1)
                .and_then(|d| d.split('"').next())
                .filter(|d| !d.trim().is_empty())
                .map(str::to_string)
        })
        .collect()
}

/// All paragraph text of a document body (cells included), whitespace normalised.
pub fn docx_text(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    for b in docx_blocks(bytes) {
        match b {
            Block::Paragraph { text, .. } => out.push(text),
            Block::Table(rows) => out.extend(rows.into_iter().flatten()),
        }
    }
    normalise(&out.join("\n"))
}

pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
