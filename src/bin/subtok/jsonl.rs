//! JSON-lines request/response loops for `tokenize --jsonl` and `decode --jsonl`.
//!
//! Requests are read in chunks and handled in parallel; responses are written in request
//! order, one `\n`-terminated JSON object per request. A bad request gets `{"error": ...}`.

use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use subtok::{Encoding, Tokenizer};

const CHUNK: usize = 4096;

/// The JSON form of an encoding (char offsets), as the conformance cases write it.
pub fn encoding_json(e: &Encoding, with_overflowing: bool) -> Value {
    let mut v = json!({
        "ids": e.get_ids(),
        "tokens": e.get_tokens(),
        "type_ids": e.get_type_ids(),
        "offsets": e.get_offsets().iter().map(|&(s, e)| [s, e]).collect::<Vec<_>>(),
        "attention_mask": e.get_attention_mask(),
        "special_tokens_mask": e.get_special_tokens_mask(),
        "word_ids": e.get_word_ids(),
        "sequence_ids": e.get_sequence_ids(),
    });
    if with_overflowing {
        v["overflowing"] = Value::Array(
            e.get_overflowing()
                .iter()
                .map(|o| encoding_json(o, false))
                .collect(),
        );
    }
    v
}

fn error_line(msg: impl std::fmt::Display) -> String {
    json!({ "error": msg.to_string() }).to_string()
}

fn tokenize_line(tok: &Tokenizer, line: &str) -> String {
    let req: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return error_line(format!("bad request: {e}")),
    };
    let Some(text) = req.get("text").and_then(Value::as_str) else {
        return error_line("bad request: missing string field `text`");
    };
    let pair = match req.get("pair") {
        None | Some(Value::Null) => None,
        Some(Value::String(p)) => Some(p.as_str()),
        Some(_) => return error_line("bad request: `pair` must be a string or null"),
    };
    let add_special = match req.get("add_special_tokens") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return error_line("bad request: `add_special_tokens` must be a boolean"),
    };
    let result = match pair {
        Some(p) => tok.encode_char_offsets((text, p), add_special),
        None => tok.encode_char_offsets(text, add_special),
    };
    match result {
        Ok(e) => encoding_json(&e, true).to_string(),
        Err(e) => error_line(e),
    }
}

fn decode_line(tok: &Tokenizer, line: &str) -> String {
    let req: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return error_line(format!("bad request: {e}")),
    };
    let Some(ids) = req.get("ids").and_then(Value::as_array) else {
        return error_line("bad request: missing array field `ids`");
    };
    let mut parsed = Vec::with_capacity(ids.len());
    for id in ids {
        match id.as_u64().and_then(|x| u32::try_from(x).ok()) {
            Some(x) => parsed.push(x),
            None => return error_line(format!("bad request: id {id} is not a u32")),
        }
    }
    let skip = match req.get("skip_special_tokens") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return error_line("bad request: `skip_special_tokens` must be a boolean"),
    };
    match tok.decode(&parsed, skip) {
        Ok(text) => json!({ "text": text }).to_string(),
        Err(e) => error_line(e),
    }
}

fn run_loop(tok: &Tokenizer, handle: fn(&Tokenizer, &str) -> String) -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut chunk: Vec<Result<String, String>> = Vec::with_capacity(CHUNK);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf)?;
        if n > 0 {
            let line = match std::str::from_utf8(&buf) {
                Ok(s) => Ok(s.trim_end_matches(['\n', '\r']).to_owned()),
                Err(e) => Err(error_line(format!("bad request: invalid UTF-8: {e}"))),
            };
            chunk.push(line);
        }
        if chunk.len() >= CHUNK || (n == 0 && !chunk.is_empty()) {
            let responses: Vec<String> = chunk
                .par_iter()
                .map(|l| match l {
                    Ok(l) => handle(tok, l),
                    Err(e) => e.clone(),
                })
                .collect();
            for r in responses {
                out.write_all(r.as_bytes())?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
            chunk.clear();
        }
        if n == 0 {
            return Ok(());
        }
    }
}

/// `subtok tokenize --jsonl`.
pub fn tokenize(tok: &Tokenizer) -> std::io::Result<()> {
    run_loop(tok, tokenize_line)
}

/// `subtok decode --jsonl`.
pub fn decode(tok: &Tokenizer) -> std::io::Result<()> {
    run_loop(tok, decode_line)
}
