//! Malformed and inconsistent tokenizer files.
//!
//! - `fixtures/bad/*.json` are refused by the reference library; each must fail to load with
//!   the error variant, JSON path and message fragment listed in `fixtures/bad/expected.tsv`,
//!   and every message must name the place (path, line and column) and what was expected.
//! - `fixtures/odd/*.json` are inconsistent but the reference loads them; they must load, and
//!   encoding and decoding must agree with the reference's outputs in
//!   `fixtures/odd/expected.json` (an error where the reference failed or panicked, or where
//!   it produced an inconsistent encoding).
//!
//! Both directories and the outputs are written by `fixtures/bad/make_bad.py`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use subtok::{Error, Tokenizer};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn variant(e: &Error) -> &'static str {
    match e {
        Error::Json { .. } => "Json",
        Error::Io { .. } => "Io",
        Error::Config(_) => "Config",
        Error::Regex { .. } => "Regex",
        Error::Encode(_) => "Encode",
        Error::Decode(_) => "Decode",
        Error::Truncation(_) => "Truncation",
        _ => "other",
    }
}

#[test]
fn bad_files_are_refused_with_helpful_messages() {
    let dir = fixtures().join("bad");
    let table = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut expected = BTreeMap::new();
    for line in table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad line in expected.tsv: {line}");
        expected.insert(cols[0].to_string(), (cols[1], cols[2], cols[3]));
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "only {} bad files", files.len());
    let mut failures = Vec::new();
    for name in &files {
        let Some(&(want_variant, want_path, want_msg)) = expected.get(name) else {
            failures.push(format!("{name}: not listed in expected.tsv"));
            continue;
        };
        let err = match Tokenizer::from_file(dir.join(name)) {
            Ok(_) => {
                failures.push(format!("{name}: loaded, expected an error"));
                continue;
            }
            Err(e) => e,
        };
        let shown = err.to_string();
        if variant(&err) != want_variant {
            failures.push(format!(
                "{name}: {} error, expected {want_variant}: {shown}",
                variant(&err)
            ));
        }
        if !shown.contains(want_msg) {
            failures.push(format!("{name}: message lacks `{want_msg}`: {shown}"));
        }
        if let Error::Json {
            path,
            line,
            message,
            ..
        } = &err
        {
            if want_path != "*" && path != want_path {
                failures.push(format!("{name}: path `{path}`, expected `{want_path}`"));
            }
            if *line == 0 {
                failures.push(format!("{name}: no line/column: {shown}"));
            }
            if message.is_empty() {
                failures.push(format!("{name}: empty message"));
            }
        }
    }
    for name in expected.keys() {
        if !files.contains(name) {
            failures.push(format!("{name}: listed in expected.tsv but missing"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn odd_but_accepted_files_behave_like_the_reference() {
    let dir = fixtures().join("odd");
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    assert!(!expected.is_empty());
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let tok = match Tokenizer::from_file(dir.join(format!("{name}.json"))) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{name}: refused, the reference loads it: {e}"));
                continue;
            }
        };
        if tok.get_vocab_size(true) as u64 != want["vocab_size"].as_u64().unwrap() {
            failures.push(format!("{name}: vocab size {}", tok.get_vocab_size(true)));
        }
        for case in want["cases"].as_array().unwrap() {
            let got = match &case["input"] {
                Value::String(s) => tok.encode(s.as_str(), true),
                Value::Array(p) => {
                    tok.encode((p[0].as_str().unwrap(), p[1].as_str().unwrap()), true)
                }
                other => panic!("bad input {other}"),
            };
            match (got, case.get("error")) {
                (Err(_), Some(_)) => {}
                // The reference made an encoding with more ids than tokens (special token
                // with mismatched `ids`/`tokens`): refusing to encode is the sound answer.
                (Err(_), None)
                    if case["ids"].as_array().map(Vec::len)
                        != case["tokens"].as_array().map(Vec::len) => {}
                (Err(e), None) => failures.push(format!("{name} {}: error {e}", case["input"])),
                (Ok(enc), Some(err)) => failures.push(format!(
                    "{name} {}: got {:?}, the reference failed: {err}",
                    case["input"],
                    enc.get_ids()
                )),
                (Ok(enc), None) => {
                    let ids: Vec<u32> = serde_json::from_value(case["ids"].clone()).unwrap();
                    let tokens: Vec<String> =
                        serde_json::from_value(case["tokens"].clone()).unwrap();
                    if enc.get_ids() != ids.as_slice() || enc.get_tokens() != tokens.as_slice() {
                        failures.push(format!(
                            "{name} {}: got {:?} {:?}, expected {ids:?} {tokens:?}",
                            case["input"],
                            enc.get_ids(),
                            enc.get_tokens()
                        ));
                    }
                    match tok.decode(&ids, false) {
                        Ok(text) if text == case["decoded"].as_str().unwrap() => {}
                        other => {
                            failures.push(format!("{name} {}: decoded {other:?}", case["input"]))
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = Tokenizer::from_file("/nonexistent/tokenizer.json").unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(
        err.to_string().contains("/nonexistent/tokenizer.json"),
        "{err}"
    );
}
