//! `subtok tokenize --jsonl` and `subtok decode --jsonl` give the library's results: every
//! `encode` and `decode` golden case (shared suite when present, and fixtures/) is sent through
//! the command line tool, one process per tokenizer, and its output lines compared.

use flate2::read::GzDecoder;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cases(path: &Path) -> Vec<Value> {
    let f = std::fs::File::open(path).unwrap();
    BufReader::new(GzDecoder::new(f))
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect()
}

/// Runs `subtok ARGS` with `lines` on stdin; returns its output lines.
fn run(args: &[&str], lines: &[String]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_subtok"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with('\n') || text.is_empty());
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Checks one tokenizer; returns the number of cases compared.
fn check_tokenizer(dir: &Path, name: &str) -> usize {
    let tok = dir.join("tokenizers").join(format!("{name}.json"));
    let tok = tok.to_str().unwrap();
    let all = cases(&dir.join("cases").join(format!("{name}.jsonl.gz")));
    let enc: Vec<&Value> = all.iter().filter(|c| c["kind"] == "encode").collect();
    let dec: Vec<&Value> = all.iter().filter(|c| c["kind"] == "decode").collect();

    let requests: Vec<String> = enc
        .iter()
        .map(|c| {
            json!({"text": c["input"], "pair": c["pair"], "add_special_tokens": c["add_special_tokens"]})
                .to_string()
        })
        .collect();
    let got = run(&["tokenize", "--tokenizer", tok, "--jsonl"], &requests);
    assert_eq!(got.len(), enc.len(), "{name}: one line per request");
    for (c, g) in enc.iter().zip(&got) {
        match c.get("expect") {
            Some(e) => assert_eq!(g, e, "{name} {}", c["id"]),
            None => assert!(
                g.get("error").is_some(),
                "{name} {}: expected an error",
                c["id"]
            ),
        }
    }

    let requests: Vec<String> = dec
        .iter()
        .map(|c| {
            json!({"ids": c["ids"], "skip_special_tokens": c["skip_special_tokens"]}).to_string()
        })
        .collect();
    let got = run(&["decode", "--tokenizer", tok, "--jsonl"], &requests);
    assert_eq!(got.len(), dec.len(), "{name}: one line per request");
    for (c, g) in dec.iter().zip(&got) {
        match c.get("expect") {
            Some(e) => assert_eq!(g["text"], *e, "{name} {}", c["id"]),
            None => assert!(
                g.get("error").is_some(),
                "{name} {}: expected an error",
                c["id"]
            ),
        }
    }
    enc.len() + dec.len()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join("cases"))
        .unwrap()
        .filter_map(|e| {
            let n = e.ok()?.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".jsonl.gz").map(str::to_owned)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures_through_the_cli() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let n: usize = names(&dir).iter().map(|n| check_tokenizer(&dir, n)).sum();
    assert!(n > 1000);
}

#[test]
fn conformance_through_the_cli() {
    let dir = std::env::var_os("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"));
    if !dir.join("cases").is_dir() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "conformance data missing at {}",
            dir.display()
        );
        eprintln!(
            "conformance data not found at {}: CLI check SKIPPED",
            dir.display()
        );
        return;
    }
    let n: usize = names(&dir).iter().map(|n| check_tokenizer(&dir, n)).sum();
    println!("{n} cases through the CLI");
    assert!(n > 30_000);
}

#[test]
fn bad_requests_get_error_lines_in_order() {
    let tok = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/subtok-default.json");
    let lines = vec![
        r#"{"text": "hello"}"#.to_string(),
        "not json".to_string(),
        r#"{"pair": "x"}"#.to_string(),
        r#"{"text": "a", "pair": 5}"#.to_string(),
        r#"{"text": "world", "add_special_tokens": false}"#.to_string(),
    ];
    let got = run(&["tokenize", "--tokenizer", tok, "--jsonl"], &lines);
    assert_eq!(got.len(), 5);
    assert!(got[0].get("ids").is_some());
    assert!(got[1]["error"].as_str().unwrap().contains("bad request"));
    assert!(got[2]["error"].as_str().unwrap().contains("text"));
    assert!(got[3]["error"].as_str().unwrap().contains("pair"));
    assert!(got[4].get("ids").is_some());
    let got = run(
        &["decode", "--tokenizer", tok, "--jsonl"],
        &[
            r#"{"ids": [1, 2]}"#.into(),
            r#"{"ids": [-1]}"#.into(),
            r#"{"ids": [4000000000]}"#.into(),
        ],
    );
    assert!(got[0].get("text").is_some());
    assert!(got[1]["error"].as_str().unwrap().contains("not a u32"));
    assert_eq!(
        got[2]["text"], "",
        "ids beyond the vocabulary are skipped, as the reference does"
    );
}
