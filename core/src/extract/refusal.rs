//! Whether a read file is an inspection report at all. A saved web page ("Report not
//! found"), a letter or a PDF of something else reads fine but holds no report: it is
//! refused, saying what it is instead, before anything is written.
//!
//! Decided by structure, never by the words of particular pages: a report has at least
//! one of a framework title, inspection dates, graded judgements, or a list heading
//! ("Areas for improvement", "What needs to improve?" …). An all-outstanding report has
//! no list but has its title, dates and grades, so it is still accepted.

use super::headings::is_list_heading;
use super::lines::Doc;
use crate::read::{beginning, web_page, Document, Format, ReadError};
use crate::{Report, ReportKind};

/// `Ok` when `doc`, extracted as `report`, is an inspection report; otherwise
/// [`ReadError::NotAReport`] saying what was found instead.
pub fn check(doc: &Document, report: &Report) -> Result<(), ReadError> {
    if is_report(&doc.text, report) {
        return Ok(());
    }
    let start = beginning(&doc.text);
    let begins = |noun: &str| match &start {
        Some(b) => format!("{noun} beginning '{b}'"),
        None => noun.to_string(),
    };
    let found = match doc.format {
        Format::Html if doc.title.is_some() => web_page(doc.title.as_deref()),
        Format::Html => begins("a web page"),
        Format::Pdf => begins("a PDF"),
        Format::Docx => begins("a Word document"),
        Format::Text => begins("a text file"),
    };
    Err(ReadError::NotAReport { found })
}

fn is_report(text: &str, r: &Report) -> bool {
    r.kind != ReportKind::Other
        || !r.recommendations.is_empty()
        || !r.judgements.is_empty()
        || r.inspection_start.is_some()
        || Doc::new(text)
            .lines
            .iter()
            .any(|l| !l.blank && !l.noise && is_list_heading(&l.key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::read::read_bytes;

    fn verdict(name: &str, bytes: &[u8]) -> Result<(), String> {
        let doc = read_bytes(bytes, Some(name)).map_err(|e| e.to_string())?;
        check(&doc, &extract(&doc.text)).map_err(|e| e.to_string())
    }

    #[test]
    fn a_saved_error_page_is_named_by_its_title() {
        let page = b"<html><head><title>Report not found - Find an Inspection Report - Ofsted</title></head><body><h1>Report not found</h1><p>Sorry, the document you requested no longer exists.</p></body></html>";
        let m = verdict("report.pdf", page).unwrap_err();
        assert!(
            m.starts_with("This is a web page ('Report not found - Find an Inspection Report - Ofsted'), not an inspection report"),
            "{m}"
        );
    }

    #[test]
    fn prose_is_refused_and_reports_are_not() {
        let prose = b"Minutes of the cabinet meeting\n\nThe chair welcomed members. The budget was agreed after a long discussion.\n";
        let m = verdict("notes.txt", prose).unwrap_err();
        assert!(
            m.starts_with("This is a text file beginning 'Minutes of the cabinet meeting', not an inspection report"),
            "{m}"
        );
        // A bare list under a list heading, a dated report with no list: reports.
        assert_eq!(
            verdict("a.txt", b"Areas for development\n\n- Improve plans.\n"),
            Ok(())
        );
        let all_outstanding = b"Inspection of Midshire local authority children's services\n\nInspection dates: 1 to 12 May 2023\n\nThe overall effectiveness of children's social care services: Outstanding\n";
        assert_eq!(verdict("a.txt", all_outstanding), Ok(()));
    }

    #[test]
    fn a_page_of_scripts_only_is_a_web_page() {
        let page = b"<html><head><title>Loading</title><script>document.write('x')</script></head><body><script>var a = 1;</script></body></html>";
        assert_eq!(
            verdict("a.html", page).unwrap_err().split(", not").next(),
            Some("This is a web page ('Loading')")
        );
    }
}
