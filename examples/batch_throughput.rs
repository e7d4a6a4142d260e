//! Library batch throughput on JSON-lines corpora, as a yardstick for `subtok encode`.
//!
//! ```sh
//! cargo run --release --example batch_throughput -- TOKENIZER.json CORPUS.jsonl...
//! ```
//!
//! Reads every document (`text` field), then encodes them all as batches of about 4 MB on all
//! cores (the same chunking `subtok encode` uses) and prints documents, tokens and MB/s of
//! input text.

use std::io::BufRead;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((tok_path, corpora)) = args.split_first() else {
        return Err("usage: batch_throughput TOKENIZER.json CORPUS.jsonl...".into());
    };
    let mut tokenizer = subtok::Tokenizer::from_file(tok_path)?;
    tokenizer.with_truncation(None)?;
    tokenizer.with_padding(None);
    let mut docs = Vec::new();
    for c in corpora {
        for line in std::io::BufReader::new(std::fs::File::open(c)?).lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                docs.push(t.to_owned());
            }
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let started = Instant::now();
    let mut tokens = 0usize;
    let mut start = 0;
    while start < docs.len() {
        let mut end = start;
        let mut size = 0;
        while end < docs.len() && size < 4 << 20 {
            size += docs[end].len();
            end += 1;
        }
        for ids in tokenizer.encode_batch_ids(&docs[start..end], false)? {
            tokens += ids.len();
        }
        start = end;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} documents, {} tokens, {:.2} MB in {:.2}s: {:.2} MB/s",
        docs.len(),
        tokens,
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
