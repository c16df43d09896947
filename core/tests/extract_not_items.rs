//! Sentences near a list that are not items never become actions, whatever the kind of
//! report: a closing remark after the list, a statement that a part is empty, a heading
//! repeated as a table's column title, a finding placed before the list. Small reports
//! written here in the layouts real ones use, with places and wording of their own.

use inspection_tracker::extract::extract;
use inspection_tracker::{Report, ReportKind};

fn texts(r: &Report) -> Vec<&str> {
    r.recommendations.iter().map(|x| x.text.as_str()).collect()
}

const ILACS_HEAD: &str = "Inspection of Eastmere local authority children’s services\n\nInspection dates: 3 to 14 March 2025\n\nLead inspector: Pat Example, His Majesty’s Inspector\n\n";

#[test]
fn a_closing_remark_after_a_bulleted_list() {
    let text = format!(
        "{ILACS_HEAD}What needs to improve?\n\n• The timeliness of strategy meetings for children at risk.\n• The quality of plans for care leavers.\n\nThese areas will be considered at the next inspection of the local authority.\n\nThe experiences and progress of children in care: good\n"
    );
    let r = extract(&text);
    assert_eq!(r.kind, ReportKind::Ilacs);
    assert_eq!(
        texts(&r),
        [
            "The timeliness of strategy meetings for children at risk.",
            "The quality of plans for care leavers."
        ]
    );
}

#[test]
fn a_closing_remark_after_a_list_of_plain_paragraphs() {
    let text = format!(
        "{ILACS_HEAD}What needs to improve?\n\nThe timeliness of strategy meetings for children at risk.\n\nThe quality of plans for care leavers.\n\nAny areas for improvement identified above will be considered at a future inspection.\n\nThe experiences and progress of children in care: good\n"
    );
    assert_eq!(
        texts(&extract(&text)),
        [
            "The timeliness of strategy meetings for children at risk.",
            "The quality of plans for care leavers."
        ]
    );
}

#[test]
fn a_letter_closing_remark_after_its_list() {
    let text = "Annual unannounced inspection of contact, referral and assessment arrangements within Westvale City Council children’s services\n\nThe inspection was conducted on 4 and 5 June 2011.\n\nAreas for development\n\n• Ensure that referrals are acknowledged within one working day.\n• Improve the recording of management decisions.\n\nAny areas for development identified above will be considered at any future inspection of the council’s children’s services.\n\nYours sincerely\n\nJo Example Her Majesty’s Inspector\n";
    assert_eq!(
        texts(&extract(text)),
        [
            "Ensure that referrals are acknowledged within one working day.",
            "Improve the recording of management decisions."
        ]
    );
}

#[test]
fn a_part_stated_empty_in_a_long_sentence() {
    let text = "Northvale\nInspection of services for children in need of help and protection, children looked after and care leavers\nInspection dates: 2 to 24 May 2016\n\nWhat does the local authority need to improve?\n\nPriority and immediate action\n\nThe inspection did not identify any areas that required priority or immediate action by the local authority during this inspection.\n\nAreas for improvement\n\n1. Ensure that return home interviews are offered to every child who goes missing.\n2. Improve the timeliness of initial health assessments.\n\nSummary for children and young people\n\n3. Children said that they felt safe.\n";
    let r = extract(text);
    assert_eq!(r.kind, ReportKind::SingleInspectionFramework);
    assert_eq!(
        texts(&r),
        [
            "Ensure that return home interviews are offered to every child who goes missing.",
            "Improve the timeliness of initial health assessments."
        ]
    );
}

#[test]
fn a_heading_repeated_as_a_column_title() {
    let text = format!(
        "{ILACS_HEAD}What needs to improve?\n\nWhat needs to improve?\n\n◼ The timeliness of strategy meetings for children at risk.\n\n◼ The quality of plans for care leavers.\n\nThe experiences and progress of children in care: good\n"
    );
    assert_eq!(
        texts(&extract(&text)),
        [
            "The timeliness of strategy meetings for children at risk.",
            "The quality of plans for care leavers."
        ]
    );
}

#[test]
fn a_finding_before_the_list() {
    let text = format!(
        "{ILACS_HEAD}What needs to improve?\n\nLeaders have a clear view of where practice is weaker.\n\n• The timeliness of strategy meetings for children at risk.\n• The quality of plans for care leavers.\n\nThe experiences and progress of children in care: good\n"
    );
    assert_eq!(
        texts(&extract(&text)),
        [
            "The timeliness of strategy meetings for children at risk.",
            "The quality of plans for care leavers."
        ]
    );
}

const SEND_HEAD: &str = "Area SEND inspection of Southmoor Local Area Partnership\n\nInspection dates: 2 to 6 June 2025\n\nDates of previous inspection: Not previously inspected\n\nInspection outcome\n\nThe local area partnership’s special educational needs and/or disabilities (SEND) arrangements lead to inconsistent experiences and outcomes for children and young people with SEND.\n\nThe next full area SEND inspection will be within approximately 3 years.\n\n";

#[test]
fn area_send_empty_priority_part_column_titles_findings_and_closing_remarks() {
    let text = format!(
        "{SEND_HEAD}Areas for priority action\n\nThe inspection did not identify any areas for priority action.\n\nAreas for improvement\n  Areas for improvement\nThe partnership knows well where its services are weaker.\n\nLeaders across the partnership should improve the timeliness of new EHC plans so that children get help sooner.\n\nLeaders across the partnership should reduce waiting times for speech and language therapy, including:\n• assessments for children in the early years; and\n• therapy for young people aged 16 to 25.\n\nThe areas for improvement will be followed up at the next inspection.\n\nLocal area partnership details\n\nLocal authority  Integrated care board\n"
    );
    let r = extract(&text);
    assert_eq!(r.kind, ReportKind::AreaSend);
    assert!(!r.priority_action_plan_required);
    assert_eq!(
        texts(&r),
        [
            "Leaders across the partnership should improve the timeliness of new EHC plans so that children get help sooner.",
            "Leaders across the partnership should reduce waiting times for speech and language therapy, including: assessments for children in the early years; and therapy for young people aged 16 to 25."
        ]
    );
    assert!(r
        .recommendations
        .iter()
        .all(|x| x.section == "Areas for improvement" && x.responsible_body.is_none()));
}
