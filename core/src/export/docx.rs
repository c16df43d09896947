//! The Word building blocks the board paper and the statement share: page set-up, styles,
//! headings, tables with a repeating header row, RAG cells, and packing to bytes.
//!
//! Headings use Word's built-in style ids (`Title`, `Heading1`, `Heading2`) with their
//! built-in names ("heading 1"), so pasting the paper into a council's own template picks
//! up the template's look and its navigation pane and contents work.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, ShdType, Style, StyleType, Table, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::render_error;
use crate::labels;
use crate::model::Rag;
use crate::Result;

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 2 cm.
const MARGIN: i32 = 1134;
/// The width tables and the chart fill.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as usize) - 2 * (MARGIN as usize);

const FONT: &str = "Arial";
const HEADING_COLOUR: &str = "1F3864";
const HEADER_FILL: &str = "D9E2F3";
/// Table text, in half-points (9 pt): small enough for seven columns on A4 portrait.
const TABLE_SIZE: usize = 18;

/// A new document: A4 portrait, Arial 10 pt, the heading styles, page numbers in the
/// footer.
pub fn new_document(footer_text: &str) -> Docx {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(
                Run::new()
                    .add_text(format!("{footer_text} – page "))
                    .size(16),
            )
            .add_page_num(PageNum::new())
            .size(16),
    );
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT))
        .default_size(20)
        // lineRule must be explicit: LibreOffice reads a bare w:line as an exact height,
        // which crops the chart to one line.
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .add_style(heading_style("Title", "Title", 40, 0))
        .add_style(heading_style("Heading1", "heading 1", 30, 1))
        .add_style(heading_style("Heading2", "heading 2", 24, 2))
        .footer(footer)
}

/// `level` 0 is the title (no outline level); 1 and 2 are heading levels.
fn heading_style(id: &str, name: &str, size: usize, level: usize) -> Style {
    let style = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(size)
        .color(HEADING_COLOUR)
        .line_spacing(
            LineSpacing::new()
                .before(if level == 0 { 0 } else { 240 })
                .after(120),
        );
    if level == 0 {
        style
    } else {
        style.outline_lvl(level - 1)
    }
}

pub fn title(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Title")
        .add_run(Run::new().add_text(text))
}

pub fn heading1(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading1")
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

pub fn heading2(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading2")
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

/// Text, with line breaks kept.
fn run_lines(text: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

pub fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run_lines(text))
}

/// A paragraph with a bold lead-in: "**Owner:** Head of service".
pub fn labelled(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(format!("{label} ")).bold())
        .add_run(run_lines(text))
}

/// One table cell's content.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Bold(String),
    /// A table's column header (bold, kept with the row below).
    Header(String),
    /// A RAG rating: the word on its colour.
    Rag(Rag),
    /// Right-aligned (numbers).
    Number(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn number(n: impl ToString) -> Cell {
        Cell::Number(n.to_string())
    }
}

fn cell_paragraph() -> Paragraph {
    // No space after paragraphs inside cells; the cell margins do that job.
    Paragraph::new().line_spacing(LineSpacing::new().after(0).before(0))
}

fn table_cell(cell: &Cell, width: usize) -> TableCell {
    let base = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    match cell {
        Cell::Text(t) => {
            base.add_paragraph(cell_paragraph().add_run(run_lines(t).size(TABLE_SIZE)))
        }
        Cell::Bold(t) => {
            base.add_paragraph(cell_paragraph().add_run(run_lines(t).size(TABLE_SIZE).bold()))
        }
        // Kept with the first row below it, so a header never ends a page alone.
        Cell::Header(t) => base.add_paragraph(
            cell_paragraph()
                .keep_next(true)
                .add_run(run_lines(t).size(TABLE_SIZE).bold()),
        ),
        Cell::Number(t) => base.add_paragraph(
            cell_paragraph()
                .align(AlignmentType::Right)
                .add_run(Run::new().add_text(t).size(TABLE_SIZE)),
        ),
        Cell::Rag(r) => base
            .shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill(labels::rag_fill(*r)),
            )
            .add_paragraph(
                cell_paragraph().add_run(
                    Run::new()
                        .add_text(labels::rag(*r))
                        .size(TABLE_SIZE)
                        .bold()
                        .color(labels::rag_text(*r)),
                ),
            ),
    }
}

/// A full-width table. `columns` are (header, share of the width); the header row repeats
/// on every page (see [`pack`]).
pub fn table(columns: &[(&str, usize)], rows: &[Vec<Cell>]) -> Table {
    let shares: usize = columns.iter().map(|c| c.1).sum::<usize>().max(1);
    let widths: Vec<usize> = columns.iter().map(|c| TEXT_WIDTH * c.1 / shares).collect();
    let header = TableRow::new(
        columns
            .iter()
            .zip(&widths)
            .map(|((h, _), w)| {
                table_cell(&Cell::Header((*h).to_string()), *w).shading(
                    Shading::new()
                        .shd_type(ShdType::Clear)
                        .color("auto")
                        .fill(HEADER_FILL),
                )
            })
            .collect(),
    )
    // `pack` makes a table's first row, when it is marked so, a repeating header.
    .cant_split();
    let mut out = vec![header];
    for row in rows {
        // A row is kept whole on one page: a reader should not have to turn the page in
        // the middle of one action (Word still breaks a row taller than a page).
        out.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| table_cell(c, *w))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(out)
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(docx_rs::TableCellMargins::new().margin(40, 80, 40, 80))
}

/// A key-facts table: label in the first column, value in the second, no header row.
pub fn facts_table(rows: &[(&str, Cell)]) -> Table {
    let widths = [TEXT_WIDTH * 3 / 10, TEXT_WIDTH - TEXT_WIDTH * 3 / 10];
    let rows = rows
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                table_cell(&Cell::Bold((*label).to_string()), widths[0]).shading(
                    Shading::new()
                        .shd_type(ShdType::Clear)
                        .color("auto")
                        .fill(HEADER_FILL),
                ),
                table_cell(value, widths[1]),
            ])
        })
        .collect();
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(docx_rs::TableCellMargins::new().margin(40, 80, 40, 80))
}

/// The document as .docx bytes, each table's header row repeating on every page
/// ([`mark_header_rows`]).
pub fn pack(doc: Docx) -> Result<Vec<u8>> {
    pack_built(doc.build())
}

fn pack_built(mut xml: docx_rs::XMLDocx) -> Result<Vec<u8>> {
    let body = String::from_utf8(std::mem::take(&mut xml.document))
        .map_err(|e| render_error("document", e))?;
    xml.document = mark_header_rows(&body).into_bytes();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| render_error("document", e))?;
    Ok(out.into_inner())
}

/// Gives each table's first row, when it is kept whole (`cantSplit`: only [`table`]'s
/// header row is first and marked so), `tblHeader`, which docx-rs has no builder for, so
/// a long table repeats its header on each page. Tables are not nested here.
fn mark_header_rows(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    let mut parts = body.split("<w:tbl>");
    out.push_str(parts.next().unwrap_or_default());
    for table in parts {
        out.push_str("<w:tbl>");
        let first_row_end = table.find("</w:tr>").unwrap_or(table.len());
        let (first, rest) = table.split_at(first_row_end);
        let marked = ["<w:cantSplit />", "<w:cantSplit/>"]
            .iter()
            .find_map(|m| first.find(m).map(|at| (at, m.len())));
        match marked {
            Some((at, len)) => {
                out.push_str(&first[..at + len]);
                out.push_str("<w:tblHeader />");
                out.push_str(&first[at + len..]);
            }
            None => out.push_str(first),
        }
        out.push_str(rest);
    }
    out
}

/// A paragraph that starts a new page after it.
pub fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// [`pack`], giving the document's pictures, in order, these descriptions (alt text, read
/// out by screen readers and shown by Word's "View alt text"). docx-rs writes every
/// picture as `<wp:docPr id="1" name="Figure" />`, with no description and the same id.
pub fn pack_with_alt_texts(doc: Docx, alts: &[String]) -> Result<Vec<u8>> {
    let mut xml = doc.build();
    let body = String::from_utf8(std::mem::take(&mut xml.document))
        .map_err(|e| render_error("document", e))?;
    let mut out = String::with_capacity(body.len());
    let mut rest = body.as_str();
    let mut n = 0;
    const PIC: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    while let Some(at) = rest.find(PIC) {
        out.push_str(&rest[..at]);
        let alt = alts.get(n).map(String::as_str).unwrap_or("Figure");
        n += 1;
        out.push_str(&format!(
            r#"<wp:docPr id="{}" name="Figure {n}" descr="{}" />"#,
            1000 + n,
            xml_escape(alt)
        ));
        rest = &rest[at + PIC.len()..];
    }
    out.push_str(rest);
    xml.document = out.into_bytes();
    let doc_bytes = xml;
    pack_built(doc_bytes)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A spacer paragraph (an empty paragraph between two tables keeps Word from merging
/// them).
pub fn gap() -> Paragraph {
    Paragraph::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(doc: Docx) -> String {
        let bytes = pack(doc).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn only_each_tables_header_row_repeats_and_every_row_is_kept_whole() {
        let rows = vec![
            vec![Cell::text("one"), Cell::text("a")],
            vec![Cell::text("two"), Cell::text("b")],
        ];
        let xml = document(
            Docx::new()
                .add_table(table(&[("Name", 1), ("Value", 1)], &rows))
                .add_paragraph(gap())
                .add_table(facts_table(&[("Fact", Cell::text("x"))]))
                .add_paragraph(gap())
                .add_table(table(&[("Other", 1)], &[vec![Cell::text("three")]])),
        );
        assert_eq!(xml.matches("<w:tblHeader />").count(), 2, "{xml}");
        // Two tables' data rows and headers are kept whole; the facts table's row is not.
        assert_eq!(xml.matches("<w:cantSplit").count(), 5);
        for table in xml.split("<w:tbl>").skip(1) {
            let rows: Vec<&str> = table.split("</w:tr>").collect();
            assert!(rows[1..].iter().all(|r| !r.contains("tblHeader")));
        }
    }
}
