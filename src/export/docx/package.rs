//! The package is how the parts of a .docx file fit together (Office Open XML, ECMA-376
//! part 2): the list of parts and their content types (`[Content_Types].xml`), the
//! relationships that say which part is the document and which are its styles, numbering,
//! settings and footer, and the file's properties (its title). The parts listed here are
//! all a Word document needs to open without a warning in Word and LibreOffice.

pub use super::zip_archive::ZipError;
use super::styles::STYLES_XML;
use crate::export::xml_text::{escaped, push_escaped};
use super::zip_archive::ZipArchive;

pub const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// The relationship id the document uses for its footer.
pub const FOOTER_RELATIONSHIP: &str = "rIdFooter";

const W_NAMESPACE: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS_NAMESPACE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What changes from one document to the next; every other part is the same for all.
pub struct Parts {
    pub document_xml: String,
    pub numbering_xml: String,
    pub footer_xml: String,
    /// The document's title, for its properties.
    pub title: String,
}

/// One part of the package: where it lives and what it holds.
struct Part {
    path: &'static str,
    content_type: &'static str,
    xml: String,
}

/// Every part of the document, with `[Content_Types].xml` first, as Word writes it.
pub fn package(parts: &Parts) -> Result<Vec<u8>, ZipError> {
    let relationships = "application/vnd.openxmlformats-package.relationships+xml";
    let listed = [
        Part { path: "_rels/.rels", content_type: relationships, xml: package_relationships() },
        Part {
            path: "word/document.xml",
            content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            xml: parts.document_xml.clone(),
        },
        Part { path: "word/_rels/document.xml.rels", content_type: relationships, xml: document_relationships() },
        Part { path: "word/styles.xml", content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", xml: STYLES_XML.to_string() },
        Part { path: "word/numbering.xml", content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml", xml: parts.numbering_xml.clone() },
        Part { path: "word/settings.xml", content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", xml: settings_xml() },
        Part { path: "word/footer1.xml", content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml", xml: parts.footer_xml.clone() },
        Part {
            path: "docProps/core.xml",
            content_type: "application/vnd.openxmlformats-package.core-properties+xml",
            xml: core_properties(&parts.title),
        },
        Part {
            path: "docProps/app.xml",
            content_type: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            xml: app_properties(),
        },
    ];
    let mut zip = ZipArchive::new();
    zip.add("[Content_Types].xml", content_types(&listed).as_bytes())?;
    for part in &listed {
        zip.add(part.path, part.xml.as_bytes())?;
    }
    zip.finish()
}

/// `.rels` files by their extension; every other part by name, so each is covered.
fn content_types(parts: &[Part]) -> String {
    let mut x = String::from(XML_DECLARATION);
    x.push_str("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    x.push_str(
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    );
    x.push_str("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    for part in parts.iter().filter(|p| !p.path.ends_with(".rels")) {
        x.push_str(&format!("<Override PartName=\"/{}\" ContentType=\"{}\"/>", part.path, part.content_type));
    }
    x.push_str("</Types>");
    x
}

fn package_relationships() -> String {
    format!(
        "{XML_DECLARATION}<Relationships xmlns=\"{RELATIONSHIPS_NAMESPACE}\">\
         <Relationship Id=\"rId1\" Type=\"{OFFICE_RELATIONSHIP}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{OFFICE_RELATIONSHIP}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_relationships() -> String {
    format!(
        "{XML_DECLARATION}<Relationships xmlns=\"{RELATIONSHIPS_NAMESPACE}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{OFFICE_RELATIONSHIP}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdNumbering\" Type=\"{OFFICE_RELATIONSHIP}/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{OFFICE_RELATIONSHIP}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"{FOOTER_RELATIONSHIP}\" Type=\"{OFFICE_RELATIONSHIP}/footer\" Target=\"footer1.xml\"/>\
         </Relationships>"
    )
}

/// Word 2013 and later behaviour (no "Compatibility Mode" banner), British English.
fn settings_xml() -> String {
    format!(
        "{XML_DECLARATION}<w:settings xmlns:w=\"{W_NAMESPACE}\">\
         <w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"en-GB\"/>\
         </w:settings>"
    )
}

fn core_properties(title: &str) -> String {
    format!(
        "{XML_DECLARATION}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title></cp:coreProperties>",
        escaped(title)
    )
}

fn app_properties() -> String {
    format!(
        "{XML_DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Case Review Studio</Application></Properties>"
    )
}

/// The footer on every page: `text`, then "Page N of M".
pub fn footer_xml(text: &str) -> String {
    let mut x = format!(
        "{XML_DECLARATION}<w:ftr xmlns:w=\"{W_NAMESPACE}\" xmlns:r=\"{OFFICE_RELATIONSHIP}\">\
         <w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
    );
    push_escaped(&mut x, text);
    if !text.is_empty() {
        x.push_str(" \u{2013} ");
    }
    x.push_str(
        "Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>\
         <w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>\
         <w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>",
    );
    x
}

/// Bullets for list 1, nested nine levels deep, and a decimal list for each of the
/// `numbered_lists` numbered lists (ids 2 up), each restarting at 1.
pub fn numbering_xml(numbered_lists: usize) -> String {
    let mut x = format!("{XML_DECLARATION}<w:numbering xmlns:w=\"{W_NAMESPACE}\">");
    let bullets = ["\u{2022}", "\u{25e6}", "\u{25aa}"];
    x.push_str("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>");
    for level in 0..9u32 {
        push_level(&mut x, level, "bullet", bullets[level as usize % 3]);
    }
    x.push_str("</w:abstractNum>");
    x.push_str("<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>");
    for level in 0..9u32 {
        push_level(&mut x, level, "decimal", &format!("%{}.", level + 1));
    }
    x.push_str("</w:abstractNum>");
    x.push_str("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
    for n in 0..numbered_lists {
        x.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/>\
             <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            n + 2
        ));
    }
    x.push_str("</w:numbering>");
    x
}

fn push_level(x: &mut String, level: u32, format: &str, text: &str) {
    let indent = 360 * (level + 1);
    x.push_str(&format!(
        "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
         <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
         <w:pPr><w:ind w:left=\"{indent}\" w:hanging=\"360\"/></w:pPr></w:lvl>"
    ));
}
