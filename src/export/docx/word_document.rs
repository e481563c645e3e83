//! A Word document, as the exports build it: a title, headings at three levels, paragraphs,
//! bulleted and numbered lists (nested up to nine levels), tables with a header row that
//! repeats on every page, and sections that turn the page to landscape and back. Headings
//! use Word's own "Heading 1-3" styles, so the navigation pane and a table of contents
//! work; tables are real tables.
//!
//! Building the document is plain Rust; [`WordDocument::to_docx`] writes it as the bytes of
//! a .docx file. Everything people typed goes through [`crate::export::xml_text`], so no text can
//! break the file.

use super::package::{self, ZipError};
use crate::export::xml_text::push_escaped;

/// A4, in twentieths of a point.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
/// 2 cm margins all round.
const MARGIN: u32 = 1_134;
/// Word nests lists at most nine levels deep (levels 0 to 8); deeper items stay at the ninth.
pub const DEEPEST_LIST_LEVEL: u8 = 8;
/// Rows whose cells all hold at most this many characters are kept on one page; longer
/// rows may break across pages, since a row taller than a page could not be shown whole.
const UNSPLIT_ROW_CHARS: usize = 400;
/// The `w:num` that every bulleted list uses; numbered lists get their own, from 2 up, so
/// that each starts again at 1.
const BULLET_NUM_ID: usize = 1;

/// Which way up the pages of a section are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

impl Orientation {
    /// The width of the text between the margins, in twentieths of a point.
    fn text_width(self) -> u32 {
        match self {
            Orientation::Portrait => A4_SHORT - 2 * MARGIN,
            Orientation::Landscape => A4_LONG - 2 * MARGIN,
        }
    }
}

/// How a piece of text looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanStyle {
    Plain,
    Bold,
    /// Grey italic, for "Not recorded" and other words the app adds, not the people.
    Quiet,
}

/// A run of text in one style. Line breaks in it become line breaks in Word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: SpanStyle,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span { text: text.into(), style: SpanStyle::Plain }
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Span { text: text.into(), style: SpanStyle::Bold }
    }
    pub fn quiet(text: impl Into<String>) -> Self {
        Span { text: text.into(), style: SpanStyle::Quiet }
    }
}

/// The paragraph styles the documents use, all defined in `styles.xml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphStyle {
    Normal,
    Title,
    Subtitle,
    Heading1,
    Heading2,
    Heading3,
    /// The marking at the top of a draft.
    DraftMark,
    /// Small print, such as where the structure comes from.
    SourceNote,
}

impl ParagraphStyle {
    fn style_id(self) -> &'static str {
        match self {
            ParagraphStyle::Normal => "Normal",
            ParagraphStyle::Title => "Title",
            ParagraphStyle::Subtitle => "Subtitle",
            ParagraphStyle::Heading1 => "Heading1",
            ParagraphStyle::Heading2 => "Heading2",
            ParagraphStyle::Heading3 => "Heading3",
            ParagraphStyle::DraftMark => "DraftMark",
            ParagraphStyle::SourceNote => "SourceNote",
        }
    }
}

/// One cell of a table: one or more paragraphs.
pub type Cell = Vec<Vec<Span>>;

/// A table: column headings with relative widths, and rows of cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Each column's heading and its share of the width (e.g. 2 for twice as wide as 1).
    pub columns: Vec<(String, u32)>,
    /// Whether the first row holds the column headings (repeated on every page).
    pub header_row: bool,
    /// Whether the first cell of each row names the row, as in a "label: value" table.
    pub header_column: bool,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with a heading row.
    pub fn new(columns: &[(&str, u32)]) -> Self {
        Table {
            columns: columns.iter().map(|(h, w)| (h.to_string(), *w)).collect(),
            header_row: true,
            header_column: false,
            rows: Vec::new(),
        }
    }

    /// A two-column table of labels and values, without a heading row.
    pub fn labelled(label_width: u32, value_width: u32) -> Self {
        Table {
            columns: vec![(String::new(), label_width), (String::new(), value_width)],
            header_row: false,
            header_column: true,
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are left empty and extra cells dropped.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// A cell holding one paragraph of plain text.
pub fn cell(text: impl Into<String>) -> Cell {
    vec![vec![Span::plain(text)]]
}

/// A cell holding one paragraph made of these spans.
pub fn cell_of(spans: Vec<Span>) -> Cell {
    vec![spans]
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Paragraph { style: ParagraphStyle, spans: Vec<Span> },
    ListItem { num_id: usize, level: u8, spans: Vec<Span> },
    Table { table: Table, width: u32 },
    /// Ends the section before it, whose pages were this way up.
    SectionEnd(Orientation),
}

/// One part of a document, as an output reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Paragraph(ParagraphStyle, &'a [Span]),
    /// An item of a list: items of one list share `list`; `level` 0 is the outermost.
    ListItem { list: usize, numbered: bool, level: u8, spans: &'a [Span] },
    Table(&'a Table),
    /// A new page, and the pages from here on are this way up.
    PageTurn(Orientation),
}

/// A Word document being built, top to bottom.
#[derive(Clone, Debug)]
pub struct WordDocument {
    title: String,
    footer: String,
    blocks: Vec<Block>,
    orientation: Orientation,
    /// How many numbered lists have been started (each restarts at 1).
    numbered_lists: usize,
}

impl WordDocument {
    /// A new, empty portrait document. `title` goes in the file's properties, `footer` at
    /// the foot of every page, before the page number.
    pub fn new(title: &str, footer: &str, orientation: Orientation) -> Self {
        WordDocument {
            title: title.to_string(),
            footer: footer.to_string(),
            blocks: Vec::new(),
            orientation,
            numbered_lists: 0,
        }
    }

    /// The document's title paragraph (Word's "Title" style).
    pub fn title(&mut self, text: &str) {
        self.paragraph_in(ParagraphStyle::Title, vec![Span::plain(text)]);
    }

    /// A line under the title (Word's "Subtitle" style); nothing when `text` is blank.
    pub fn subtitle(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.paragraph_in(ParagraphStyle::Subtitle, vec![Span::plain(text.trim())]);
        }
    }

    /// A heading at level 1, 2 or 3 (levels above 3 are written as 3).
    pub fn heading(&mut self, level: u8, text: &str) {
        let style = match level {
            0 | 1 => ParagraphStyle::Heading1,
            2 => ParagraphStyle::Heading2,
            _ => ParagraphStyle::Heading3,
        };
        self.paragraph_in(style, vec![Span::plain(text)]);
    }

    /// A paragraph of plain text.
    pub fn text(&mut self, text: &str) {
        self.paragraph(vec![Span::plain(text)]);
    }

    /// A paragraph of grey italic text, such as "None recorded".
    pub fn quiet(&mut self, text: &str) {
        self.paragraph(vec![Span::quiet(text)]);
    }

    /// A paragraph of `text`, or of grey `when_blank` when there is nothing but spaces.
    pub fn text_or(&mut self, text: &str, when_blank: &str) {
        if text.trim().is_empty() {
            self.quiet(when_blank);
        } else {
            self.text(text.trim());
        }
    }

    /// A paragraph made of spans.
    pub fn paragraph(&mut self, spans: Vec<Span>) {
        self.paragraph_in(ParagraphStyle::Normal, spans);
    }

    /// A paragraph in a given style.
    pub fn paragraph_in(&mut self, style: ParagraphStyle, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph { style, spans });
    }

    /// A bulleted item, nested `level` deep (0 is the outermost).
    pub fn bullet(&mut self, level: usize, spans: Vec<Span>) {
        let level = level.min(DEEPEST_LIST_LEVEL as usize) as u8;
        self.blocks.push(Block::ListItem { num_id: BULLET_NUM_ID, level, spans });
    }

    /// A bulleted list of `items`, or a grey `when_none` paragraph when there are none.
    pub fn bullets_or(&mut self, items: impl IntoIterator<Item = Vec<Span>>, when_none: &str) {
        let before = self.blocks.len();
        for spans in items {
            self.bullet(0, spans);
        }
        if self.blocks.len() == before {
            self.quiet(when_none);
        }
    }

    /// A numbered list, counting from 1.
    pub fn numbered_list(&mut self, items: Vec<Vec<Span>>) {
        self.numbered_lists += 1;
        let num_id = BULLET_NUM_ID + self.numbered_lists;
        for spans in items {
            self.blocks.push(Block::ListItem { num_id, level: 0, spans });
        }
    }

    /// A table, as wide as the text on the page it starts on.
    pub fn table(&mut self, table: Table) {
        let width = self.orientation.text_width();
        self.blocks.push(Block::Table { table, width });
    }

    /// Starts a new section on a new page, with its pages turned this way.
    pub fn start_section(&mut self, orientation: Orientation) {
        self.blocks.push(Block::SectionEnd(self.orientation));
        self.orientation = orientation;
    }

    /// The document's parts in order, for another output to render the same document
    /// (the printed page is drawn from the document the Word file is written from, so the
    /// two always have the same sections and columns).
    pub fn parts(&self) -> Vec<Part<'_>> {
        // A section end names the way up of the pages before it; a turn names the pages after.
        let mut after: Vec<Orientation> = self
            .blocks
            .iter()
            .filter_map(|b| if let Block::SectionEnd(o) = b { Some(*o) } else { None })
            .skip(1)
            .collect();
        after.push(self.orientation);
        let mut turns = after.into_iter();
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { style, spans } => Part::Paragraph(*style, spans),
                Block::ListItem { num_id, level, spans } => {
                    Part::ListItem { list: *num_id, numbered: *num_id != BULLET_NUM_ID, level: *level, spans }
                }
                Block::Table { table, .. } => Part::Table(table),
                Block::SectionEnd(_) => Part::PageTurn(turns.next().unwrap_or(self.orientation)),
            })
            .collect()
    }

    /// The headings in order, with their levels (1 to 3): the outline Word's navigation
    /// pane shows.
    pub fn outline(&self) -> Vec<(u8, String)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { style, spans } => {
                    let level = match style {
                        ParagraphStyle::Heading1 => 1,
                        ParagraphStyle::Heading2 => 2,
                        ParagraphStyle::Heading3 => 3,
                        _ => return None,
                    };
                    Some((level, spans.iter().map(|s| s.text.as_str()).collect()))
                }
                _ => None,
            })
            .collect()
    }

    /// Every piece of text in the document, in order, one string per paragraph or cell
    /// paragraph: for checking what a document says.
    pub fn plain_text(&self) -> Vec<String> {
        let join = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Paragraph { spans, .. } | Block::ListItem { spans, .. } => out.push(join(spans)),
                Block::Table { table, .. } => {
                    if table.header_row {
                        out.extend(table.columns.iter().map(|(h, _)| h.clone()));
                    }
                    for row in &table.rows {
                        for c in row {
                            out.extend(c.iter().map(|p| join(p)));
                        }
                    }
                }
                Block::SectionEnd(_) => {}
            }
        }
        out
    }

    /// The `word/document.xml` part.
    pub fn document_xml(&self) -> String {
        let mut x = String::with_capacity(4096 + self.blocks.len() * 200);
        x.push_str(package::XML_DECLARATION);
        x.push_str(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
        );
        let mut previous_was_table = false;
        for b in &self.blocks {
            let is_table = matches!(b, Block::Table { .. });
            // Word joins two tables that touch into one; a paragraph keeps them apart.
            if is_table && previous_was_table {
                x.push_str("<w:p/>");
            }
            match b {
                Block::Paragraph { style, spans } => push_paragraph(&mut x, *style, None, spans),
                Block::ListItem { num_id, level, spans } => {
                    push_paragraph(&mut x, ParagraphStyle::Normal, Some((*num_id, *level)), spans)
                }
                Block::Table { table, width } => push_table(&mut x, table, *width),
                Block::SectionEnd(orientation) => {
                    // The paragraph carrying a section's end is one point high, so it never
                    // spills onto a page of its own (a nearly empty page before the turn).
                    x.push_str("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>");
                    push_section_properties(&mut x, *orientation);
                    x.push_str("</w:pPr></w:p>");
                }
            }
            previous_was_table = is_table;
        }
        // A table must not be the last thing before the section's properties.
        if previous_was_table {
            x.push_str("<w:p/>");
        }
        push_section_properties(&mut x, self.orientation);
        x.push_str("</w:body></w:document>");
        x
    }

    /// The document as the bytes of a .docx file.
    pub fn to_docx(&self) -> Result<Vec<u8>, ZipError> {
        package::package(&package::Parts {
            document_xml: self.document_xml(),
            numbering_xml: package::numbering_xml(self.numbered_lists),
            footer_xml: package::footer_xml(&self.footer),
            title: self.title.clone(),
        })
    }
}

fn push_paragraph(x: &mut String, style: ParagraphStyle, list: Option<(usize, u8)>, spans: &[Span]) {
    x.push_str("<w:p>");
    if style != ParagraphStyle::Normal || list.is_some() {
        x.push_str("<w:pPr>");
        if let Some((num_id, level)) = list {
            x.push_str("<w:pStyle w:val=\"ListParagraph\"/>");
            x.push_str(&format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num_id}\"/></w:numPr>"));
        } else {
            x.push_str(&format!("<w:pStyle w:val=\"{}\"/>", style.style_id()));
        }
        x.push_str("</w:pPr>");
    }
    push_runs(x, spans, false);
    x.push_str("</w:p>");
}

/// The spans as runs; `bold` makes every run bold (table headings).
fn push_runs(x: &mut String, spans: &[Span], bold: bool) {
    for span in spans {
        if span.text.is_empty() {
            continue;
        }
        x.push_str("<w:r>");
        match (span.style, bold) {
            (SpanStyle::Quiet, _) => x.push_str("<w:rPr><w:rStyle w:val=\"NotRecorded\"/></w:rPr>"),
            (SpanStyle::Bold, _) | (_, true) => x.push_str("<w:rPr><w:b/></w:rPr>"),
            (SpanStyle::Plain, false) => {}
        }
        // Lines and tabs become Word's own breaks and tabs; CR LF and lone CR count as one line end.
        let text = span.text.replace("\r\n", "\n").replace('\r', "\n");
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                x.push_str("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    x.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    x.push_str("<w:t xml:space=\"preserve\">");
                    push_escaped(x, piece);
                    x.push_str("</w:t>");
                }
            }
        }
        x.push_str("</w:r>");
    }
}

fn push_table(x: &mut String, table: &Table, width: u32) {
    let total: u32 = table.columns.iter().map(|(_, w)| (*w).max(1)).sum::<u32>().max(1);
    let widths: Vec<u32> = table.columns.iter().map(|(_, w)| width * (*w).max(1) / total).collect();
    x.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>");
    x.push_str(&format!("<w:tblW w:w=\"{width}\" w:type=\"dxa\"/>"));
    x.push_str(
        "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/>\
         <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/>\
         <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/>\
         <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/></w:tblBorders>\
         <w:tblLayout w:type=\"fixed\"/>",
    );
    let look = match (table.header_row, table.header_column) {
        (true, true) => "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>",
        (true, false) => "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>",
        (false, true) => "<w:tblLook w:val=\"0480\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>",
        (false, false) => "<w:tblLook w:val=\"0600\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>",
    };
    x.push_str(look);
    x.push_str("</w:tblPr><w:tblGrid>");
    for w in &widths {
        x.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    x.push_str("</w:tblGrid>");
    if table.header_row {
        // Repeats at the top of every page the table runs onto.
        x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for ((heading, _), w) in table.columns.iter().zip(&widths) {
            push_cell(x, *w, true, &[vec![Span::plain(heading.clone())]]);
        }
        x.push_str("</w:tr>");
    }
    for row in &table.rows {
        let chars = |c: &Cell| c.iter().flatten().map(|s| s.text.chars().count()).sum::<usize>();
        if row.iter().all(|c| chars(c) <= UNSPLIT_ROW_CHARS) {
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        } else {
            x.push_str("<w:tr>");
        }
        for (i, w) in widths.iter().enumerate() {
            let empty = Vec::new();
            let cell = row.get(i).unwrap_or(&empty);
            push_cell(x, *w, table.header_column && i == 0, cell);
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
}

fn push_cell(x: &mut String, width: u32, heading: bool, paragraphs: &[Vec<Span>]) {
    x.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
    if heading {
        x.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E3E8EE\"/>");
    }
    x.push_str("</w:tcPr>");
    // Every cell needs at least one paragraph, even an empty one.
    if paragraphs.is_empty() {
        x.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>");
    }
    for spans in paragraphs {
        x.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>");
        push_runs(x, spans, heading);
        x.push_str("</w:p>");
    }
    x.push_str("</w:tc>");
}

fn push_section_properties(x: &mut String, orientation: Orientation) {
    x.push_str(&format!("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{}\"/>", package::FOOTER_RELATIONSHIP));
    match orientation {
        Orientation::Portrait => x.push_str(&format!("<w:pgSz w:w=\"{A4_SHORT}\" w:h=\"{A4_LONG}\"/>")),
        Orientation::Landscape => {
            x.push_str(&format!("<w:pgSz w:w=\"{A4_LONG}\" w:h=\"{A4_SHORT}\" w:orient=\"landscape\"/>"))
        }
    }
    x.push_str(&format!(
        "<w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" \
         w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_use_words_heading_styles_and_make_the_outline() {
        let mut d = WordDocument::new("t", "f", Orientation::Portrait);
        d.title("Notes");
        d.heading(1, "One");
        d.heading(2, "Two");
        d.heading(3, "Three");
        d.heading(7, "Deep");
        let xml = d.document_xml();
        for id in ["Title", "Heading1", "Heading2", "Heading3"] {
            assert!(xml.contains(&format!("<w:pStyle w:val=\"{id}\"/>")), "{id}");
        }
        assert_eq!(
            d.outline(),
            vec![(1, "One".into()), (2, "Two".into()), (3, "Three".into()), (3, "Deep".into())]
        );
    }

    #[test]
    fn line_breaks_and_tabs_become_words_own() {
        let mut d = WordDocument::new("t", "f", Orientation::Portrait);
        d.text("one\r\ntwo\rthree\nfour\tcol");
        let xml = d.document_xml();
        assert_eq!(xml.matches("<w:br/>").count(), 3);
        assert_eq!(xml.matches("<w:tab/>").count(), 1);
    }

    #[test]
    fn touching_tables_are_kept_apart_and_a_table_never_ends_the_body() {
        let mut d = WordDocument::new("t", "f", Orientation::Portrait);
        d.table(Table::new(&[("A", 1)]));
        d.table(Table::new(&[("B", 1)]));
        let xml = d.document_xml();
        assert!(xml.contains("</w:tbl><w:p/><w:tbl>"));
        assert!(xml.contains("</w:tbl><w:p/><w:sectPr>"));
    }

    #[test]
    fn column_widths_share_the_text_width_of_the_page() {
        let mut d = WordDocument::new("t", "f", Orientation::Landscape);
        let mut t = Table::new(&[("A", 1), ("B", 3)]);
        t.row(vec![cell("x")]);
        d.table(t);
        let xml = d.document_xml();
        let width = Orientation::Landscape.text_width();
        assert!(xml.contains(&format!("<w:gridCol w:w=\"{}\"/><w:gridCol w:w=\"{}\"/>", width / 4, width * 3 / 4)));
        // The missing second cell is an empty paragraph, as Word requires.
        assert!(xml.contains("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc></w:tr></w:tbl>"));
    }

    #[test]
    fn short_rows_stay_on_one_page_and_rows_longer_than_a_page_may_break() {
        let mut d = WordDocument::new("t", "f", Orientation::Portrait);
        let mut t = Table::new(&[("A", 1), ("B", 1)]);
        t.row(vec![cell("short"), cell("x".repeat(UNSPLIT_ROW_CHARS))]);
        t.row(vec![cell("short"), cell("x".repeat(UNSPLIT_ROW_CHARS + 1))]);
        d.table(t);
        let xml = d.document_xml();
        // The heading row and the first row are kept whole; the second may break.
        assert_eq!(xml.matches("<w:cantSplit/>").count(), 2);
        assert_eq!(xml.matches("<w:tr><w:tc>").count(), 1);
    }

    #[test]
    fn a_landscape_section_ends_with_its_own_page_size() {
        let mut d = WordDocument::new("t", "f", Orientation::Portrait);
        d.text("before");
        d.start_section(Orientation::Landscape);
        d.text("wide");
        d.start_section(Orientation::Portrait);
        let xml = d.document_xml();
        let sizes: Vec<&str> = xml.match_indices("<w:pgSz").map(|(i, _)| &xml[i..i + 60]).collect();
        assert_eq!(sizes.len(), 3);
        assert!(!sizes[0].contains("landscape") && sizes[1].contains("landscape") && !sizes[2].contains("landscape"));
    }

    #[test]
    fn list_items_deeper_than_word_allows_stay_at_the_deepest_level() {
        let mut d = WordDocument::new("t", "f", Orientation::Portrait);
        d.bullet(20, vec![Span::plain("deep")]);
        d.numbered_list(vec![vec![Span::plain("a")]]);
        d.numbered_list(vec![vec![Span::plain("b")]]);
        let xml = d.document_xml();
        assert!(xml.contains("<w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/>"));
        assert!(xml.contains("<w:numId w:val=\"2\"/>") && xml.contains("<w:numId w:val=\"3\"/>"));
    }
}
