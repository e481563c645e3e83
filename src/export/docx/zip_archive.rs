//! A zip archive is the envelope a Word document travels in: a .docx file is a zip of XML
//! parts. This writer makes only what Word and LibreOffice need: each part deflated (or
//! stored when deflating would not make it smaller), its CRC-32 and sizes in a local header,
//! and the central directory at the end. No zip64, encryption or extra fields; archives
//! larger than 4 GiB are refused rather than written wrong.
//!
//! Compression is `miniz_oxide`'s deflate, used directly, so the app does not carry a
//! general zip library (see ARCHITECTURE.md for what it adds to the download).

use std::fmt;

/// Deflate level: 6 is zlib's default, a good balance for text this size.
const DEFLATE_LEVEL: u8 = 6;
/// Zip format version needed to read a deflated entry (APPNOTE 4.4.3).
const VERSION_NEEDED: u16 = 20;
const METHOD_STORED: u16 = 0;
const METHOD_DEFLATED: u16 = 8;
/// 1 January 1980, 00:00, the earliest MS-DOS date: the archive is the same bytes for the
/// same content, whenever it is made (the document itself says when it was exported).
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

/// Why an archive could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Over 4 GiB or 65,535 parts: beyond a plain zip file.
    TooLarge,
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the document is too large to save as one file")
    }
}

impl std::error::Error for ZipError {}

struct Entry {
    name: String,
    crc: u32,
    method: u16,
    compressed_size: u32,
    size: u32,
    header_offset: u32,
}

/// A zip archive being written, part by part, into memory.
#[derive(Default)]
pub struct ZipArchive {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

impl ZipArchive {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file called `name` (a path with `/` separators) holding `contents`.
    pub fn add(&mut self, name: &str, contents: &[u8]) -> Result<(), ZipError> {
        let deflated = miniz_oxide::deflate::compress_to_vec(contents, DEFLATE_LEVEL);
        let (method, data) = if deflated.len() < contents.len() {
            (METHOD_DEFLATED, deflated.as_slice())
        } else {
            (METHOD_STORED, contents)
        };
        let entry = Entry {
            name: name.to_string(),
            crc: crc32(contents),
            method,
            compressed_size: u32_of(data.len())?,
            size: u32_of(contents.len())?,
            header_offset: u32_of(self.bytes.len())?,
        };
        let out = &mut self.bytes;
        put_u32(out, 0x0403_4b50);
        put_u16(out, VERSION_NEEDED);
        put_common(out, &entry)?;
        put_u16(out, 0); // extra field length
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(data);
        // The next part's header must start at an offset a zip file can record.
        u32_of(self.bytes.len())?;
        self.entries.push(entry);
        Ok(())
    }

    /// Writes the central directory and returns the finished archive.
    pub fn finish(mut self) -> Result<Vec<u8>, ZipError> {
        let directory_offset = u32_of(self.bytes.len())?;
        let count = u16::try_from(self.entries.len()).map_err(|_| ZipError::TooLarge)?;
        let out = &mut self.bytes;
        for entry in &self.entries {
            put_u32(out, 0x0201_4b50);
            put_u16(out, VERSION_NEEDED); // version made by: MS-DOS, 2.0
            put_u16(out, VERSION_NEEDED);
            put_common(out, entry)?;
            put_u16(out, 0); // extra field length
            put_u16(out, 0); // comment length
            put_u16(out, 0); // disk number
            put_u16(out, 0); // internal attributes
            put_u32(out, 0); // external attributes
            put_u32(out, entry.header_offset);
            out.extend_from_slice(entry.name.as_bytes());
        }
        let directory_size = u32_of(out.len() - directory_offset as usize)?;
        put_u32(out, 0x0605_4b50);
        put_u16(out, 0); // this disk
        put_u16(out, 0); // disk with the directory
        put_u16(out, count);
        put_u16(out, count);
        put_u32(out, directory_size);
        put_u32(out, directory_offset);
        put_u16(out, 0); // comment length
        Ok(self.bytes)
    }
}

/// The fields local headers and directory entries share, from "flags" to "name length".
fn put_common(out: &mut Vec<u8>, e: &Entry) -> Result<(), ZipError> {
    put_u16(out, 0); // flags: names are ASCII, sizes known up front
    put_u16(out, e.method);
    put_u16(out, DOS_TIME);
    put_u16(out, DOS_DATE);
    put_u32(out, e.crc);
    put_u32(out, e.compressed_size);
    put_u32(out, e.size);
    put_u16(out, u16::try_from(e.name.len()).map_err(|_| ZipError::TooLarge)?);
    Ok(())
}

fn u32_of(n: usize) -> Result<u32, ZipError> {
    u32::try_from(n).map_err(|_| ZipError::TooLarge)
}

fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The CRC-32 zip stores for each file (IEEE 802.3, reflected, polynomial 0xEDB88320).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc = CRC_TABLE[((crc ^ byte as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// One kilobyte of table, built at compile time: small enough for the download, and fast
/// enough for documents of this size.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn an_empty_archive_is_the_end_record_alone() {
        let bytes = ZipArchive::new().finish().unwrap();
        assert_eq!(bytes.len(), 22);
        assert_eq!(&bytes[..4], b"PK\x05\x06");
    }

    #[test]
    fn text_is_deflated_and_tiny_parts_are_stored() {
        let mut zip = ZipArchive::new();
        zip.add("big.xml", "<w:p/>".repeat(1000).as_bytes()).unwrap();
        zip.add("small.txt", b"a").unwrap();
        assert_eq!(zip.entries[0].method, METHOD_DEFLATED);
        assert!(zip.entries[0].compressed_size < 200);
        assert_eq!(zip.entries[1].method, METHOD_STORED);
        assert_eq!(zip.entries[1].compressed_size, 1);
        let bytes = zip.finish().unwrap();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
    }

    #[test]
    fn the_same_content_makes_the_same_bytes() {
        let make = || {
            let mut zip = ZipArchive::new();
            zip.add("a.xml", b"<a>Sian</a>").unwrap();
            zip.finish().unwrap()
        };
        assert_eq!(make(), make());
    }
}
