//! The Excel workbook: an "Actions" sheet people can sort and filter (autofilter, frozen
//! header, dates as real date cells, RAG as coloured cells) and a "Summary" sheet with the
//! paper's counts.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::board_paper::{next_inspection_text, percent, report_label};
use super::data::ExportData;
use super::render_error;
use crate::labels;
use crate::model::Rag;
use crate::plan::summary::Counts;
use crate::Result;

pub const ACTIONS_SHEET: &str = "Actions";
pub const SUMMARY_SHEET: &str = "Summary";

/// The Actions sheet's columns: header and width in characters.
pub const ACTION_COLUMNS: [(&str, f64); 20] = [
    ("Report", 24.0),
    ("Section", 18.0),
    ("Ref", 12.0),
    ("Recommendation", 50.0),
    ("Action", 36.0),
    ("Owner", 18.0),
    ("Due date", 11.0),
    ("Status", 11.0),
    ("Progress %", 9.0),
    ("RAG", 8.0),
    ("Days overdue", 8.0),
    ("Update date", 11.0),
    ("Latest update", 44.0),
    ("Measure of success", 30.0),
    ("Action id", 37.0),
    // Last, so the columns before it keep their places in workbooks people have built on.
    ("Lead partner", 30.0),
    // Issue 16, after the others for the same reason.
    ("Original due date", 11.0),
    ("Reason for due date change", 30.0),
    ("Mitigation", 36.0),
    ("Next step", 30.0),
];

/// Tallest a row is made, in lines; longer text is still all in the cell.
const MAX_LINES: usize = 8;
/// Excel's default row height for one line of 11 pt Calibri, in points.
const LINE_HEIGHT: f64 = 15.0;

/// Lines `text` wraps to in a column `width` characters wide (Excel's width unit is a
/// "0"; average text is a little narrower).
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width * 1.1).max(1.0) as usize;
    text.lines()
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}

/// Column of the due date (0-based), for readers and tests.
pub const DUE_COLUMN: u16 = 6;
pub const RAG_COLUMN: u16 = 9;
/// The action's id: for matching rows up between workbooks, not for reading.
pub const ID_COLUMN: u16 = 14;

/// UK short date, as Excel shows it; the cell holds a date serial number.
const DATE_FORMAT: &str = "dd/mm/yyyy";

pub fn render(data: &ExportData) -> Result<Vec<u8>> {
    build(data).map_err(|e| render_error("workbook", e))
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    date: Format,
    number: Format,
    bold: Format,
    title: Format,
}

impl Formats {
    fn new() -> Formats {
        let text = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xD9E2F3))
                .set_border_bottom(FormatBorder::Thin),
            wrap: text.clone().set_text_wrap(),
            date: text.clone().set_num_format(DATE_FORMAT),
            number: text.clone(),
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(16),
            text,
        }
    }

    fn rag(r: Rag) -> Format {
        Format::new()
            .set_bold()
            .set_align(FormatAlign::Top)
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(hex(labels::rag_fill(r))))
            .set_font_color(Color::RGB(hex(labels::rag_text(r))))
    }
}

fn hex(s: &str) -> u32 {
    u32::from_str_radix(s, 16).unwrap_or(0)
}

fn excel_date(d: NaiveDate) -> std::result::Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn build(data: &ExportData) -> std::result::Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Inspection action plan as at {}",
                labels::long_date(data.as_of)
            ))
            .set_author("Inspection Action Tracker"),
    );
    let actions = wb.add_worksheet();
    actions.set_name(ACTIONS_SHEET)?;
    write_actions(actions, data, &f)?;
    let summary = wb.add_worksheet();
    summary.set_name(SUMMARY_SHEET)?;
    write_summary(summary, data, &f)?;
    wb.save_to_buffer()
}

fn write_actions(
    ws: &mut Worksheet,
    data: &ExportData,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    for (c, (name, width)) in ACTION_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &f.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    let rag_formats: Vec<(Rag, Format)> = Rag::ALL.iter().map(|r| (*r, Formats::rag(*r))).collect();
    for (i, a) in data.actions.iter().enumerate() {
        let row = i as u32 + 1;
        let it = &a.item;
        let report = data
            .report(&it.report_id)
            .map(report_label)
            .unwrap_or_else(|| it.report_id.clone());
        ws.write_string_with_format(row, 0, &report, &f.wrap)?;
        ws.write_string_with_format(row, 1, &it.section, &f.wrap)?;
        ws.write_string_with_format(row, 2, &it.reference, &f.text)?;
        ws.write_string_with_format(row, 3, &it.recommendation, &f.wrap)?;
        ws.write_string_with_format(row, 4, &it.title, &f.wrap)?;
        ws.write_string_with_format(row, 5, it.owner.as_deref().unwrap_or(""), &f.wrap)?;
        if let Some(d) = it.due_date {
            ws.write_date_with_format(row, DUE_COLUMN, &excel_date(d)?, &f.date)?;
        }
        ws.write_string_with_format(row, 7, labels::status(it.status), &f.text)?;
        ws.write_number_with_format(row, 8, f64::from(it.progress), &f.number)?;
        let rag_format = &rag_formats
            .iter()
            .find(|(r, _)| *r == it.rag)
            .map(|(_, fm)| fm)
            .unwrap_or(&f.text);
        ws.write_string_with_format(row, RAG_COLUMN, labels::rag(it.rag), rag_format)?;
        if let Some(days) = it.days_overdue {
            ws.write_number_with_format(row, 10, days as f64, &f.number)?;
        }
        if let Some(n) = &a.extra.latest_note {
            ws.write_date_with_format(row, 11, &excel_date(n.written_on)?, &f.date)?;
            ws.write_string_with_format(row, 12, format!("{} ({})", n.text, n.author), &f.wrap)?;
        }
        if let Some(m) = &a.extra.measure_of_success {
            ws.write_string_with_format(row, 13, m, &f.wrap)?;
        }
        ws.write_string_with_format(row, ID_COLUMN, &it.id, &f.text)?;
        if let Some(p) = &it.lead_partner {
            ws.write_string_with_format(row, 15, p, &f.wrap)?;
        }
        if it.rescheduled() {
            if let Some(d) = it.original_due_date {
                ws.write_date_with_format(row, 16, &excel_date(d)?, &f.date)?;
            }
            if let Some(r) = &it.due_date_reason {
                ws.write_string_with_format(row, 17, r, &f.wrap)?;
            }
        }
        if let Some(m) = &a.extra.mitigation {
            ws.write_string_with_format(row, 18, m, &f.wrap)?;
        }
        if let Some(m) = &a.extra.next_step {
            ws.write_string_with_format(row, 19, m, &f.wrap)?;
        }
        // Row heights are set, not left to the program opening the file: LibreOffice does
        // not grow rows for wrapped text on load, so long text would overprint.
        let note = a.extra.latest_note.as_ref().map(|n| n.text.as_str());
        let lines = [
            (report.as_str(), 0),
            (it.section.as_str(), 1),
            (it.recommendation.as_str(), 3),
            (it.title.as_str(), 4),
            (note.unwrap_or(""), 12),
            (a.extra.measure_of_success.as_deref().unwrap_or(""), 13),
            (it.lead_partner.as_deref().unwrap_or(""), 15),
            (a.extra.mitigation.as_deref().unwrap_or(""), 18),
        ]
        .iter()
        .map(|(t, c)| wrapped_lines(t, ACTION_COLUMNS[*c].1))
        .max()
        .unwrap_or(1)
        .min(MAX_LINES);
        ws.set_row_height(row, LINE_HEIGHT * lines as f64)?;
    }
    let last_row = data.actions.len() as u32;
    let last_col = ACTION_COLUMNS.len() as u16 - 1;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    // The id is for matching rows up, not for reading: hidden (so neither on screen nor
    // on paper), still there for a lookup. A print area cannot skip a middle column.
    ws.set_column_hidden(ID_COLUMN)?;
    // Twenty columns of text fit a page's width only on A3 (the size councils print
    // spreadsheets on); on A4 they shrink to about a third and cannot be read.
    ws.set_landscape();
    ws.set_paper_size(8); // A3
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_area(0, 0, last_row, last_col)?;
    ws.set_footer("&L&A&R&P of &N");
    Ok(())
}

fn write_summary(
    ws: &mut Worksheet,
    data: &ExportData,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    ws.set_column_width(0, 36.0)?;
    ws.set_column_width(1, 28.0)?;
    for c in 2..9 {
        ws.set_column_width(c, 11.0)?;
    }
    ws.write_string_with_format(0, 0, "Inspection action plan: summary", &f.title)?;
    let authorities = data.authorities();
    let c = &data.counts;
    let mut facts: Vec<(&str, String)> = vec![
        ("Authority", authorities.join(", ")),
        ("Position as at", data.position_date()),
        (
            "Next inspection",
            data.next_inspection()
                .map(next_inspection_text)
                .unwrap_or_else(|| "Not known".into()),
        ),
    ];
    facts.push(("Actions", c.total.to_string()));
    facts.push(("Complete", format!("{}%", percent(c.percent_complete))));
    facts.push(("Overdue", c.overdue.to_string()));
    let mut row = 2u32;
    for (label, value) in &facts {
        ws.write_string_with_format(row, 0, *label, &f.bold)?;
        ws.write_string(row, 1, value)?;
        row += 1;
    }

    row += 1;
    ws.write_string_with_format(row, 0, "Status", &f.header)?;
    ws.write_string_with_format(row, 1, "Actions", &f.header)?;
    let statuses = [
        ("Not started", c.not_started),
        ("In progress", c.in_progress),
        ("Blocked", c.blocked),
        ("Completed", c.completed),
    ];
    for (label, n) in statuses {
        row += 1;
        ws.write_string(row, 0, label)?;
        ws.write_number(row, 1, n as f64)?;
    }

    row += 2;
    ws.write_string_with_format(row, 0, "RAG rating", &f.header)?;
    ws.write_string_with_format(row, 1, "Actions", &f.header)?;
    for (r, n) in [
        (Rag::Red, c.red),
        (Rag::Amber, c.amber),
        (Rag::Green, c.green),
        (Rag::Blue, c.blue),
    ] {
        row += 1;
        ws.write_string_with_format(row, 0, labels::rag(r), &Formats::rag(r))?;
        ws.write_number(row, 1, n as f64)?;
    }

    row += 2;
    let headers = [
        "Report",
        "Section",
        "Actions",
        "Red",
        "Amber",
        "Green",
        "Blue",
        "Overdue",
        "% complete",
    ];
    for (i, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *h, &f.header)?;
    }
    for s in data.section_counts() {
        row += 1;
        let report = data
            .report(&s.report_id)
            .map(report_label)
            .unwrap_or_else(|| s.report_id.clone());
        ws.write_string_with_format(row, 0, &report, &f.wrap)?;
        ws.write_string_with_format(row, 1, &s.section, &f.wrap)?;
        write_counts(ws, row, &s.counts)?;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "All", &f.bold)?;
    write_counts(ws, row, c)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn write_counts(ws: &mut Worksheet, row: u32, c: &Counts) -> std::result::Result<(), XlsxError> {
    let values = [c.total, c.red, c.amber, c.green, c.blue, c.overdue];
    for (i, v) in values.iter().enumerate() {
        ws.write_number(row, 2 + i as u16, *v as f64)?;
    }
    ws.write_number(row, 8, c.percent_complete)?;
    Ok(())
}
