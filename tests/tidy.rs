//! Tidy checks keep the code base as STYLE.md describes it: every Rust file opens with a
//! `//!` doc saying what its one concept is, and the model never touches the browser.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "node_modules") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_rust_file_starts_with_a_doc_comment_defining_its_concept() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("tests"), &mut files);
    assert!(files.len() > 10, "found too few files: {files:?}");
    let missing: Vec<_> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap();
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            !first.starts_with("//!") || first.trim() == "//!"
        })
        .collect();
    assert!(missing.is_empty(), "files without a leading `//!` doc: {missing:?}");
}

#[test]
fn the_model_never_names_the_browser_or_the_ui() {
    let mut files = Vec::new();
    rust_files(&root().join("src/model"), &mut files);
    assert!(!files.is_empty());
    let forbidden = ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo", "indexed_db"];
    let mut offences = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        for word in forbidden {
            if text.contains(word) {
                offences.push(format!("{} names {word}", f.display()));
            }
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
}
