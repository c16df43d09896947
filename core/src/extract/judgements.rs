//! Graded judgements, always as a grade word: the ILACS and SIF judgement tables on the
//! first page, the "Record of main findings" table of 2009–14 reports (or their "Grade 3
//! (Adequate)" body headings), and the JAR table with its own numeric scale read from
//! the legend printed above it ("4: outstanding; 3: good; …").

use std::sync::LazyLock;

use regex::Regex;

use super::grades::{body_grade, grade_in_sentence, grade_word, trailing_grade};
use super::lines::{make_key, Doc};
use crate::{Judgement, ReportKind};

/// Section name for the LSCB review's judgement.
const LSCB_SECTION: &str = super::headings::LSCB_SECTION;
const LSCB_AREA: &str = "Effectiveness of the Local Safeguarding Children Board";

pub fn extract(doc: &Doc, kind: ReportKind) -> Vec<Judgement> {
    match kind {
        ReportKind::ContactReferralAssessment => Vec::new(),
        ReportKind::JointAreaReview => jar_table(doc),
        ReportKind::Ilacs => ilacs_table(doc),
        ReportKind::SingleInspectionFramework => sif(doc),
        ReportKind::SafeguardingAndLookedAfterChildren
        | ReportKind::LookedAfterChildren
        | ReportKind::ChildProtection => {
            let t = record_table(doc);
            if t.is_empty() {
                body_grades(doc)
            } else {
                t
            }
        }
        _ => {
            let t = ilacs_table(doc);
            if !t.is_empty() {
                return t;
            }
            let t = record_table(doc);
            if !t.is_empty() {
                return t;
            }
            body_grades(doc)
        }
    }
}

struct Row {
    headers: Vec<String>,
    area: String,
    grade: &'static str,
}

fn strip_numbering(s: &str) -> &str {
    static NUM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d+(\.\d+)*\.?\s+").unwrap());
    match NUM.find(s) {
        Some(m) => &s[m.end()..],
        None => s,
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Rows of a two-column "area | grade" table starting at line `from`. Wrapped area
/// text is joined; a line starting with a capital starts a new logical row, so header
/// rows without a grade come back as `headers`.
fn rows(doc: &Doc, from: usize, stop_area: Option<&str>, max_rows: usize) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut logical: Vec<String> = Vec::new();
    let mut j = from;
    let n = doc.lines.len();
    let emit = |logical: &mut Vec<String>, out: &mut Vec<Row>, grade: &'static str| {
        if let Some(area) = logical.pop() {
            out.push(Row {
                headers: std::mem::take(logical),
                area: strip_numbering(area.trim()).trim().to_string(),
                grade,
            });
        }
        logical.clear();
    };
    while j < n && out.len() < max_rows {
        let l = &doc.lines[j];
        j += 1;
        if l.blank || l.noise {
            continue;
        }
        // A grade wrapped over lines ("Requires" / "Improvement", "Requires improvement"
        // / "to be good") is read as one line.
        let (joined, next) = join_grade_tail(doc, l.plain.trim(), j);
        j = next;
        let key = make_key(&joined);
        let p = joined.as_str();
        if p.contains('\t') {
            let cells: Vec<&str> = p
                .split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if cells.len() >= 2 {
                if let Some(g) = grade_word(&make_key(cells[cells.len() - 1])) {
                    logical.push(cells[..cells.len() - 1].join(" "));
                    emit(&mut logical, &mut out, g);
                    if stop_here(&out, stop_area) {
                        break;
                    }
                    continue;
                }
            }
            if cells.len() == 1 {
                logical.push(cells[0].to_string());
                continue;
            }
            if cells.is_empty() {
                continue;
            }
        }
        if let Some(g) = grade_word(&key) {
            emit(&mut logical, &mut out, g);
            if stop_here(&out, stop_area) {
                break;
            }
            continue;
        }
        if let Some((area, g)) = trailing_grade(p) {
            if starts_upper(area) || logical.is_empty() {
                logical.push(area.to_string());
            } else if let Some(last) = logical.last_mut() {
                last.push(' ');
                last.push_str(area);
            }
            emit(&mut logical, &mut out, g);
            if stop_here(&out, stop_area) {
                break;
            }
            continue;
        }
        let prose = p.len() > 130 || (p.ends_with('.') && p.len() > 50);
        if prose || logical.len() > 5 {
            break;
        }
        if starts_upper(p) || logical.is_empty() {
            logical.push(p.to_string());
        } else if let Some(last) = logical.last_mut() {
            last.push(' ');
            last.push_str(p);
        }
    }
    out
}

/// Joins the rest of a grade wrapped onto the following lines: `line` ends with
/// "Requires", "Requires improvement" or "… to be", and the next content line goes on
/// with the words that are missing. Returns the joined text and the index to go on from.
fn join_grade_tail(doc: &Doc, line: &str, mut j: usize) -> (String, usize) {
    let mut text = line.to_string();
    for _ in 0..2 {
        let k = make_key(&text);
        let k = k.trim_end_matches(['.', ':', ' ']);
        let wanted: &[&str] = if k.ends_with("requires") || k.ends_with("require") {
            &["improvement to be good", "improvement to be", "improvement"]
        } else if k.ends_with("improvement") {
            &["to be good", "to be"]
        } else if k.ends_with("improvement to be") {
            &["good"]
        } else {
            break;
        };
        let Some(n) = doc.next_content(j) else { break };
        let nk = doc.lines[n].key.trim_end_matches(['.', ':', ' ']);
        if !wanted.contains(&nk) {
            break;
        }
        text.push(' ');
        text.push_str(doc.lines[n].plain.trim());
        j = n + 1;
    }
    (text, j)
}

fn stop_here(out: &[Row], stop_area: Option<&str>) -> bool {
    match (out.last(), stop_area) {
        (Some(r), Some(a)) => make_key(&r.area) == a,
        _ => false,
    }
}

/// A judgement; reports without sections (ILACS, SIF) get an empty section.
fn judgement(section: Option<&str>, area: &str, grade: &str) -> Judgement {
    Judgement {
        section: section.unwrap_or_default().to_string(),
        area: area.to_string(),
        grade: grade.to_string(),
    }
}

/// ILACS: "Judgement | Grade" then rows up to "Overall effectiveness".
fn ilacs_table(doc: &Doc) -> Vec<Judgement> {
    let limit = doc.lines.len().min(200);
    for i in 0..limit {
        let k = &doc.lines[i].key;
        if k == "judgement grade" || k == "judgement" {
            let from = match doc.next_content(i + 1) {
                Some(g) if doc.lines[g].key == "grade" => g + 1,
                _ => i + 1,
            };
            let r = rows(doc, from, Some("overall effectiveness"), 10);
            if !r.is_empty() {
                return r
                    .iter()
                    .map(|r| judgement(None, &r.area, r.grade))
                    .collect();
            }
        }
    }
    Vec::new()
}

/// The whole text as one key, for sentences wrapped over lines.
fn joined_key(doc: &Doc, max_lines: usize) -> String {
    let s: Vec<&str> = doc
        .lines
        .iter()
        .take(max_lines)
        .filter(|l| !l.blank && !l.noise)
        .map(|l| l.key.as_str())
        .collect();
    s.join(" ")
}

/// SIF: overall judgement sentence, the numbered table, and the LSCB judgement.
fn sif(doc: &Doc) -> Vec<Judgement> {
    static OVERALL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:the overall judgement is|children's services in [^.]{1,80}? (?:are|is)) ((?:requires? improvement(?: to be good)?)|inadequate|good|outstanding)|children's services in [^.]{1,80}? (requires? improvement)").unwrap()
    });
    static LSCB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:judgement for the effectiveness of the local safeguarding children board(?: \(lscb\))? is|the effectiveness of the lscb|the local safeguarding children board(?: \(lscb\))? is) (requires? improvement|inadequate|good|outstanding)").unwrap()
    });
    let mut out = Vec::new();
    let head = joined_key(doc, 120);
    if let Some(c) = OVERALL.captures(&head) {
        let g = c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("");
        if let Some(g) = grade_in_sentence(g) {
            out.push(judgement(None, "Overall effectiveness", g));
        }
    }
    let limit = doc.lines.len().min(200);
    if let Some(i) = (0..limit).find(|&i| {
        let k = &doc.lines[i].key;
        strip_numbering(k).starts_with("children who need help and protection")
    }) {
        for r in rows(doc, i, None, 8) {
            out.push(judgement(None, &r.area, r.grade));
        }
    }
    let all = joined_key(doc, usize::MAX);
    if let Some(c) = LSCB.captures(&all) {
        if let Some(g) = grade_in_sentence(c.get(1).map(|m| m.as_str()).unwrap_or("")) {
            out.push(judgement(Some(LSCB_SECTION), LSCB_AREA, g));
        }
    }
    out
}

/// "Record of main findings": the last one (the first is usually the contents entry).
fn record_table(doc: &Doc) -> Vec<Judgement> {
    let starts: Vec<usize> = (0..doc.lines.len())
        .filter(|&i| doc.lines[i].key.starts_with("record of main findings"))
        .collect();
    for &i in starts.iter().rev() {
        let r = rows(doc, i + 1, None, 60);
        if r.is_empty() {
            continue;
        }
        let mut out = Vec::new();
        let mut section: Option<String> = None;
        for row in r {
            if make_key(&row.area) == "overall effectiveness" {
                if let Some(h) = row.headers.last() {
                    section = Some(h.trim_end_matches(':').trim().to_string());
                }
            }
            out.push(judgement(section.as_deref(), &row.area, row.grade));
        }
        return out;
    }
    Vec::new()
}

/// "Grade 3 (Adequate)" under each body heading, or inline after it.
fn body_grades(doc: &Doc) -> Vec<Judgement> {
    let mut out = Vec::new();
    let mut section: Option<String> = None;
    for (i, l) in doc.lines.iter().enumerate() {
        if l.blank || l.noise {
            continue;
        }
        let k = &l.key;
        if k == "safeguarding services" || k == "services for looked after children" {
            section = Some(l.plain.trim().to_string());
            continue;
        }
        let (area, g) = if let Some(g) = body_grade(k) {
            let Some(p) = doc.prev_content(i) else {
                continue;
            };
            (doc.lines[p].plain.trim().to_string(), g)
        } else if let Some(pos) = k.find("grade ") {
            match body_grade(&k[pos..]) {
                Some(g) if pos > 0 => {
                    let lower = l.plain.to_lowercase();
                    let area = if lower.len() == l.plain.len() {
                        l.plain[..pos].trim().to_string()
                    } else {
                        continue;
                    };
                    (area, g)
                }
                _ => continue,
            }
        } else {
            continue;
        };
        if area.is_empty() || area.len() > 120 || area.ends_with('.') {
            continue;
        }
        out.push(judgement(section.as_deref(), &area, g));
    }
    out
}

/// JAR: numeric grades whose meaning is printed above the table.
fn jar_table(doc: &Doc) -> Vec<Judgement> {
    static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d)\s*[:=]\s*(outstanding|good|adequate|inadequate)").unwrap()
    });
    let Some(li) = doc
        .lines
        .iter()
        .position(|l| LEGEND.find_iter(&l.key).count() >= 3)
    else {
        return Vec::new();
    };
    let mut scale: Vec<(String, &'static str)> = Vec::new();
    for c in LEGEND.captures_iter(&doc.lines[li].key) {
        if let Some(g) = grade_word(&c[2]) {
            scale.push((c[1].to_string(), g));
        }
    }
    let grade_of = |cell: &str| {
        scale
            .iter()
            .find(|(n, _)| n == cell.trim())
            .map(|(_, g)| *g)
    };

    // Header row: tab-separated column names.
    let mut j = li + 1;
    let mut columns: Vec<String> = Vec::new();
    while j < doc.lines.len() && j < li + 6 {
        let p = &doc.lines[j].plain;
        if p.contains('\t') {
            // The row-label cell of the header is empty, so trimming removed it.
            columns = p.split('\t').map(|c| c.trim().to_string()).collect();
            j += 1;
            break;
        }
        j += 1;
    }
    let mut per_col: Vec<Vec<Judgement>> = vec![Vec::new(); columns.len()];
    if !columns.is_empty() {
        while j < doc.lines.len() {
            let p = &doc.lines[j].plain;
            j += 1;
            // Word and web copies put a blank line between rows; a row without tabs ends it.
            if p.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = p.split('\t').collect();
            if cells.len() < 2 {
                break;
            }
            let area = cells[0].trim();
            for (c, cell) in cells[1..].iter().enumerate() {
                if let (Some(g), Some(col)) = (grade_of(cell), columns.get(c)) {
                    per_col[c].push(judgement(Some(col), area, g));
                }
            }
        }
        return per_col.into_iter().flatten().collect();
    }
    jar_untabbed(doc, li + 1, &scale)
}

/// The JAR table after a PDF lost its columns: the outcome column comes first, the row
/// graded twice is where the council column starts, health rows go last.
fn jar_untabbed(doc: &Doc, from: usize, scale: &[(String, &'static str)]) -> Vec<Judgement> {
    let grade_of = |cell: &str| {
        scale
            .iter()
            .find(|(n, _)| n == cell.trim())
            .map(|(_, g)| *g)
    };
    let mut j = from;
    let header = match doc.next_content(j) {
        Some(h) => h,
        None => return Vec::new(),
    };
    let head = doc.lines[header].plain.clone();
    // Column names: the known service columns at the end of the header line.
    let mut cols: Vec<String> = Vec::new();
    let mut first = head.clone();
    for name in ["Health services", "Council services"] {
        if let Some(p) = first.find(name) {
            cols.insert(0, name.to_string());
            first = first[..p].trim().to_string();
        }
    }
    cols.insert(0, first);
    if !cols.iter().any(|c| c == "Health services") {
        cols.push("Health services".to_string());
    }
    j = header + 1;
    let mut area = String::new();
    let mut grades: Vec<&'static str> = Vec::new();
    let mut table: Vec<(String, Vec<&'static str>)> = Vec::new();
    while j < doc.lines.len() {
        let l = &doc.lines[j];
        j += 1;
        if l.blank || l.noise {
            continue;
        }
        let p = l.plain.trim();
        let words: Vec<&str> = p.split_whitespace().collect();
        let nums: Vec<&'static str> = words.iter().rev().map_while(|w| grade_of(w)).collect();
        if nums.len() == words.len() {
            grades.extend(nums.iter().rev());
            continue;
        }
        if !area.is_empty() {
            table.push((std::mem::take(&mut area), std::mem::take(&mut grades)));
        }
        if grade_word(&l.key).is_some() || p.len() > 60 || super::headings::is_list_heading(&l.key)
        {
            break;
        }
        area = words[..words.len() - nums.len()].join(" ");
        grades.extend(nums.iter().rev());
    }
    if !area.is_empty() {
        table.push((area, grades));
    }
    let mut per_col: Vec<Vec<Judgement>> = vec![Vec::new(); cols.len()];
    let mut past_split = false;
    for (area, g) in table {
        if g.len() >= 2 {
            for (c, g) in g.iter().enumerate().take(cols.len()) {
                per_col[c].push(judgement(Some(&cols[c]), &area, g));
            }
            past_split = true;
        } else if let Some(g) = g.first() {
            let c = if !past_split {
                0
            } else if make_key(&area).contains("health") {
                cols.len() - 1
            } else {
                1.min(cols.len() - 1)
            };
            per_col[c].push(judgement(Some(&cols[c]), &area, g));
        }
    }
    per_col.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(text: &str, kind: ReportKind) -> Vec<(Option<String>, String, String)> {
        extract(&Doc::new(text), kind)
            .into_iter()
            .map(|j| (Some(j.section).filter(|s| !s.is_empty()), j.area, j.grade))
            .collect()
    }

    #[test]
    fn ilacs_table_with_split_grades() {
        let text = "Judgement\n\nGrade\n\nThe impact of leaders on social work\npractice with children and families\n\nRequires improvement\nto be good\n\nOverall effectiveness\n\nGood\n\nChildren in Anytown receive good services.\n";
        let r = j(text, ReportKind::Ilacs);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].1,
            "The impact of leaders on social work practice with children and families"
        );
        assert_eq!(r[0].2, "Requires improvement to be good");
        assert_eq!(r[1].1, "Overall effectiveness");
    }

    #[test]
    fn record_of_main_findings_sections() {
        let text = "Record of main findings\nServices for looked after children\nOverall effectiveness\n\nInadequate\n\nOutcomes for looked after children\nand young people\n\nInadequate\nLeadership and management Good\n";
        let r = j(text, ReportKind::LookedAfterChildren);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[0].0.as_deref(),
            Some("Services for looked after children")
        );
        assert_eq!(
            r[1].1,
            "Outcomes for looked after children and young people"
        );
        assert_eq!(r[2].2, "Good");
    }

    #[test]
    fn jar_reversed_scale() {
        let text = "Grades awarded:\n\n4: outstanding; 3: good; 2: adequate; 1: inadequate\n\n\tOutcomes\tCouncil services\nBeing healthy\t4\t\nCapacity to improve\t1\t2\n\nRecommendations\n";
        let r = j(text, ReportKind::JointAreaReview);
        assert_eq!(
            r[0],
            (
                Some("Outcomes".into()),
                "Being healthy".into(),
                "Outstanding".into()
            )
        );
        assert_eq!(r[1].2, "Inadequate");
        assert_eq!(
            r[2],
            (
                Some("Council services".into()),
                "Capacity to improve".into(),
                "Adequate".into()
            )
        );
    }

    #[test]
    fn sif_sentences() {
        let text = "Anytown Council\nInspection of services for children in need of help and\nprotection\nThe overall judgement is requires improvement.\n1. Children who need help and protection\nGood\n3. Leadership, management and governance\nInadequate\n\nThe judgement for the effectiveness of the Local Safeguarding Children\nBoard (LSCB) is good.\n";
        let r = j(text, ReportKind::SingleInspectionFramework);
        assert_eq!(r[0].1, "Overall effectiveness");
        assert_eq!(r[0].2, "Requires improvement to be good");
        assert_eq!(r[1].1, "Children who need help and protection");
        assert_eq!(r[2].2, "Inadequate");
        assert_eq!(r[3].0.as_deref(), Some(LSCB_SECTION));
        assert_eq!(r[3].2, "Good");
    }
}
