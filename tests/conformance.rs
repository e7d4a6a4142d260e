//! Data-driven conformance suite: replays golden outputs of the reference implementation.
//!
//! Two suites share one layout, `tokenizers/NAME.json` plus `cases/NAME.jsonl.gz` (one JSON
//! case per line, see `FORMAT.md` of the conformance data):
//!
//! - the shared golden cases, read from `$SUBTOK_CONFORMANCE_DIR` or else
//!   `../shared/conformance` next to the crate. Every tokenizer listed in [`CLAIMED`] must pass
//!   all its cases; the others are reported only. When the directory is missing the suite is
//!   skipped (loudly), except under `CI=true` where that is a failure;
//! - the crate's own `fixtures/` directory, whose every case must pass (skipped when absent).
//!
//! Each tokenizer file is loaded once; tokenizers and their cases run in parallel. Every case
//! runs under `catch_unwind`: a panic is a failure reported with its message, never an abort.
//! `expect_error` cases pass when an error is returned. `SUBTOK_ONLY=name1,name2` restricts
//! both suites to the named tokenizers; `SUBTOK_SHOW=N` shows N differences per tokenizer.
//!
//! Output: one line per tokenizer, `NAME: P passed, F failed`, followed by its first three
//! differences (case id, what was expected and what was produced), then `N passed, M failed`.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;

use flate2::read::GzDecoder;
use rayon::prelude::*;
use serde_json::{json, Value};

use subtok::tokenizer::{EncodeInput, Tokenizer};
use subtok::utils::padding::PaddingParams;
use subtok::utils::truncation::TruncationParams;
use subtok::{
    Encoding, NormalizedString, Normalizer, OffsetReferential, PreTokenizedString, PreTokenizer,
};

/// Tokenizers of the shared golden data that must pass every case.
const CLAIMED: &[&str] = &[
    "albert-base-v2",
    "all-minilm-l6-v2-batchpad",
    "all-minilm-l6-v2",
    "baichuan2",
    "bert-base-cased",
    "bert-base-uncased",
    "bge-small-en-v1.5",
    "chatglm3-6b",
    "claude-legacy",
    "clip-vit",
    "falcon-7b",
    "gpt-neox-20b",
    "gpt2-newformat",
    "gpt2",
    "gpt4-cl100k",
    "kogpt2",
    "llama2-newformat",
    "llama2",
    "llama3",
    "mistral-7b-v0.1",
    "modernbert-large",
    "olmo-1",
    "phi-2",
    "qwen2.5",
    "roberta-base",
    "syn-added-tokens-flags",
    "syn-bpe-prefix-legacy-merges",
    "syn-bpe-suffix-bert",
    "syn-bytelevel-noregex-roberta-ignoremerges",
    "syn-bytelevel-prefix-trim",
    "syn-cl100k-like-template3",
    "syn-ctc-charlevel",
    "syn-llama2-like-bytefallback",
    "syn-metaspace-first-nosplit",
    "syn-precompiled-replace-lower",
    "syn-processor-sequence-multiid",
    "syn-split-contiguous",
    "syn-split-literal-fixedlength",
    "syn-split-merged-with-next",
    "syn-split-merged-with-previous",
    "syn-split-removed",
    "syn-unigram-bytefallback-scripts",
    "syn-unigram-nmt-metaspace",
    "syn-wordlevel-chardelim",
    "syn-wordpiece-cased-stripaccents",
    "syn-wordpiece-nfkd-punct-digits",
    "syn-wordpiece-tiny-nfkc-scripts",
    "t5-small",
    "whisper-tiny",
    "yi",
];

/// How many differences are shown per tokenizer, unless `SUBTOK_SHOW` says otherwise.
const SHOWN_DIFFERENCES: usize = 3;

fn shown_differences() -> usize {
    std::env::var("SUBTOK_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SHOWN_DIFFERENCES)
}

/// Longest rendering of one value in a difference line, in chars.
const MAX_SHOWN_CHARS: usize = 160;

// ---------------------------------------------------------------------------------------------
// Panic capture

thread_local! {
    /// Set while this thread runs a case: panics are then recorded here instead of printed.
    static CASE_PANIC: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs a panic hook that stays silent for panics inside cases (recording their location)
/// and defers to the previous hook everywhere else, so test failures print as usual.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let in_case = CASE_PANIC.with(|slot| {
                let mut slot = slot.borrow_mut();
                match slot.as_mut() {
                    Some(record) => {
                        *record = info
                            .location()
                            .map(|l| format!("{}:{}", l.file(), l.line()));
                        true
                    }
                    None => false,
                }
            });
            if !in_case {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into `Err("panic: message at location")`.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    CASE_PANIC.with(|slot| *slot.borrow_mut() = Some(None));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    let location = CASE_PANIC.with(|slot| slot.borrow_mut().take().flatten());
    match result {
        Ok(r) => r,
        Err(payload) => {
            let message = if let Some(s) = payload.downcast_ref::<&str>() {
                (*s).to_owned()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "non-string panic payload".to_owned()
            };
            Err(match location {
                Some(at) => format!("PANIC: {message} (at {at})"),
                None => format!("PANIC: {message}"),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering and comparing values

/// `s` cut to [`MAX_SHOWN_CHARS`] chars.
fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_SHOWN_CHARS {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(MAX_SHOWN_CHARS).collect();
        format!("{cut}…")
    }
}

fn compact(v: &Value) -> String {
    shorten(&v.to_string())
}

/// `path`, or `value` for the root.
fn at(path: &str) -> &str {
    if path.is_empty() {
        "value"
    } else {
        path
    }
}

/// The first place where `got` differs from `expected`, as `path: expected X, got Y`.
fn first_difference(path: &str, expected: &Value, got: &Value) -> Option<String> {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, ev) in e {
                let sub = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match g.get(k) {
                    Some(gv) => {
                        if let Some(d) = first_difference(&sub, ev, gv) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{sub}: expected {}, got nothing", compact(ev))),
                }
            }
            g.keys()
                .find(|k| !e.contains_key(*k))
                .map(|k| format!("{}.{k}: unexpected field", at(path)))
        }
        (Value::Array(e), Value::Array(g)) => {
            for (i, (ev, gv)) in e.iter().zip(g).enumerate() {
                if let Some(d) = first_difference(&format!("{path}[{i}]"), ev, gv) {
                    let lens = if e.len() == g.len() {
                        String::new()
                    } else {
                        format!(" (lengths {} vs {})", e.len(), g.len())
                    };
                    return Some(format!("{d}{lens}"));
                }
            }
            if e.len() != g.len() {
                let n = e.len().min(g.len());
                let extra = if e.len() > g.len() {
                    format!("missing {}", compact(&Value::Array(e[n..].to_vec())))
                } else {
                    format!("extra {}", compact(&Value::Array(g[n..].to_vec())))
                };
                return Some(format!(
                    "{}: length expected {}, got {} ({extra})",
                    at(path),
                    e.len(),
                    g.len()
                ));
            }
            None
        }
        _ if expected == got => None,
        _ => Some(format!(
            "{}: expected {}, got {}",
            at(path),
            compact(expected),
            compact(got)
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Running cases

fn field<'a>(case: &'a Value, name: &str) -> Result<&'a Value, String> {
    case.get(name)
        .ok_or_else(|| format!("malformed case: no `{name}`"))
}

fn str_field<'a>(case: &'a Value, name: &str) -> Result<&'a str, String> {
    field(case, name)?
        .as_str()
        .ok_or_else(|| format!("malformed case: `{name}` is not a string"))
}

fn bool_field(case: &Value, name: &str) -> Result<bool, String> {
    field(case, name)?
        .as_bool()
        .ok_or_else(|| format!("malformed case: `{name}` is not a bool"))
}

fn u32_of(v: &Value, what: &str) -> Result<u32, String> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| format!("malformed case: `{what}` is not a u32: {v}"))
}

fn ids_field(case: &Value) -> Result<Vec<u32>, String> {
    field(case, "ids")?
        .as_array()
        .ok_or_else(|| "malformed case: `ids` is not an array".to_owned())?
        .iter()
        .map(|v| u32_of(v, "ids"))
        .collect()
}

fn strings_of(v: &Value, what: &str) -> Result<Vec<String>, String> {
    v.as_array()
        .ok_or_else(|| format!("malformed case: `{what}` is not an array"))?
        .iter()
        .map(|w| {
            w.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("malformed case: `{what}` holds a non-string"))
        })
        .collect()
}

fn err_string(e: subtok::Error) -> String {
    format!("error: {e}")
}

/// The JSON form of an encoding used by the golden cases.
fn encoding_json(e: &Encoding, with_overflowing: bool) -> Value {
    let offsets: Vec<Value> = e
        .get_offsets()
        .iter()
        .map(|&(s, t)| json!([s, t]))
        .collect();
    let mut v = json!({
        "ids": e.get_ids(),
        "tokens": e.get_tokens(),
        "type_ids": e.get_type_ids(),
        "offsets": offsets,
        "attention_mask": e.get_attention_mask(),
        "special_tokens_mask": e.get_special_tokens_mask(),
        "word_ids": e.get_word_ids(),
        "sequence_ids": e.get_sequence_ids(),
    });
    if with_overflowing {
        let overflowing: Vec<Value> = e
            .get_overflowing()
            .iter()
            .map(|o| encoding_json(o, false))
            .collect();
        v["overflowing"] = Value::Array(overflowing);
    }
    v
}

/// Converts byte offsets into a text to char offsets, the way the reference does: each byte
/// maps to the index of the char containing it; an end at the end of the text maps to the
/// char count; offsets starting at the end of the text are left as they are.
struct CharOffsets {
    /// Index of the char containing each byte.
    char_of_byte: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        let mut char_of_byte = Vec::with_capacity(text.len());
        for (i, c) in text.chars().enumerate() {
            char_of_byte.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        CharOffsets { char_of_byte }
    }

    fn convert(&self, (start, end): (usize, usize)) -> (usize, usize) {
        let Some(&s) = self.char_of_byte.get(start) else {
            return (start, end);
        };
        if let Some(&e) = self.char_of_byte.get(end) {
            return (s, e);
        }
        match end.checked_sub(1).and_then(|b| self.char_of_byte.get(b)) {
            Some(&last) => (s, last + 1),
            None => (s, s + 1),
        }
    }
}

/// One `encode_batch` input item.
fn batch_item(item: &Value, pretokenized: bool) -> Result<EncodeInput<'static>, String> {
    if pretokenized {
        let arr = item
            .as_array()
            .ok_or_else(|| "malformed case: pre-tokenized input is not a list".to_owned())?;
        if arr.len() == 2 && arr.iter().all(Value::is_array) {
            let a = strings_of(&arr[0], "inputs")?;
            let b = strings_of(&arr[1], "inputs")?;
            return Ok(EncodeInput::from((a, b)));
        }
        return Ok(EncodeInput::from(strings_of(item, "inputs")?));
    }
    match item {
        Value::String(s) => Ok(EncodeInput::from(s.clone())),
        Value::Array(pair) if pair.len() == 2 => {
            let a = pair[0]
                .as_str()
                .ok_or("malformed case: pair item is not a string")?;
            let b = pair[1]
                .as_str()
                .ok_or("malformed case: pair item is not a string")?;
            Ok(EncodeInput::from((a.to_owned(), b.to_owned())))
        }
        other => Err(format!(
            "malformed case: bad batch input {}",
            compact(other)
        )),
    }
}

/// Runs one case and returns what the implementation produced, in the case's JSON form.
fn produce(tok: &Tokenizer, case: &Value) -> Result<Value, String> {
    match str_field(case, "kind")? {
        "encode" => {
            let input = str_field(case, "input")?;
            let special = bool_field(case, "add_special_tokens")?;
            let encoding = match case.get("pair").and_then(Value::as_str) {
                None => tok.encode_char_offsets(input, special),
                Some(pair) => tok.encode_char_offsets((input, pair), special),
            }
            .map_err(err_string)?;
            Ok(encoding_json(&encoding, true))
        }
        "encode_batch" => {
            let pretokenized = case
                .get("is_pretokenized")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let special = bool_field(case, "add_special_tokens")?;
            let inputs = field(case, "inputs")?
                .as_array()
                .ok_or("malformed case: `inputs` is not an array")?
                .iter()
                .map(|item| batch_item(item, pretokenized))
                .collect::<Result<Vec<_>, _>>()?;
            let truncation: Option<TruncationParams> =
                serde_json::from_value(case.get("truncation").cloned().unwrap_or(Value::Null))
                    .map_err(|e| format!("cannot read `truncation`: {e}"))?;
            let padding: Option<PaddingParams> =
                serde_json::from_value(case.get("padding").cloned().unwrap_or(Value::Null))
                    .map_err(|e| format!("cannot read `padding`: {e}"))?;
            let mut configured = tok.clone();
            configured.with_truncation(truncation).map_err(err_string)?;
            configured.with_padding(padding);
            let encodings = configured
                .encode_batch_char_offsets(inputs, special)
                .map_err(err_string)?;
            Ok(Value::Array(
                encodings.iter().map(|e| encoding_json(e, true)).collect(),
            ))
        }
        "decode" => {
            let ids = ids_field(case)?;
            let skip = bool_field(case, "skip_special_tokens")?;
            Ok(json!(tok.decode(&ids, skip).map_err(err_string)?))
        }
        "decode_stream" => {
            let ids = ids_field(case)?;
            let skip = bool_field(case, "skip_special_tokens")?;
            let mut stream = tok.decode_stream(skip);
            let mut steps = Vec::with_capacity(ids.len());
            for id in ids {
                steps.push(stream.step(id).map_err(err_string)?);
            }
            Ok(json!(steps))
        }
        "normalize" => {
            let input = str_field(case, "input")?;
            let normalizer = tok
                .get_normalizer()
                .ok_or("the tokenizer has no normalizer")?;
            let mut normalized = NormalizedString::from(input);
            normalizer.normalize(&mut normalized).map_err(err_string)?;
            Ok(json!(normalized.get()))
        }
        "pre_tokenize" => {
            let input = str_field(case, "input")?;
            let pre_tokenizer = tok
                .get_pre_tokenizer()
                .ok_or("the tokenizer has no pre-tokenizer")?;
            let mut pretokenized = PreTokenizedString::from(input);
            pre_tokenizer
                .pre_tokenize(&mut pretokenized)
                .map_err(err_string)?;
            let converter = CharOffsets::new(input);
            let pieces: Vec<Value> = pretokenized
                .get_splits(OffsetReferential::Original)
                .into_iter()
                .map(|(piece, offsets, _)| {
                    let (s, e) = converter.convert(offsets);
                    json!([piece, [s, e]])
                })
                .collect();
            Ok(Value::Array(pieces))
        }
        "vocab_size" => {
            let with_added = bool_field(case, "with_added_tokens")?;
            Ok(json!(tok.get_vocab_size(with_added)))
        }
        "id_to_token" => {
            // The golden data lost the probed id (its `id` is the case id); the runner then
            // supplies it as `probe_id`, see `with_probe_ids`.
            let id = match case.get("probe_id") {
                Some(v) => u32_of(v, "probe_id")?,
                None => u32_of(field(case, "id")?, "id")?,
            };
            Ok(json!(tok.id_to_token(id)))
        }
        "token_to_id" => {
            let token = str_field(case, "token")?;
            Ok(json!(tok.token_to_id(token)))
        }
        other => Err(format!("unknown case kind `{other}`")),
    }
}

/// A short description of the case's input, to locate a difference.
fn describe(case: &Value) -> String {
    let kind = case.get("kind").and_then(Value::as_str).unwrap_or("?");
    let detail = [
        "input",
        "ids",
        "inputs",
        "probe_id",
        "token",
        "with_added_tokens",
    ]
    .iter()
    .find_map(|k| case.get(*k).map(|v| (*k, v)));
    match detail {
        Some((k, v)) => {
            let v = shorten(&v.to_string());
            let v: String = v.chars().take(60).collect();
            format!("{kind} {k}={v}")
        }
        None => kind.to_owned(),
    }
}

/// Checks one case; `Err` describes the difference.
fn check(tok: &Tokenizer, case: &Value) -> Result<(), String> {
    let produced = guarded(|| produce(tok, case));
    if let Some(message) = case.get("expect_error") {
        return match produced {
            Err(e) if !e.starts_with("PANIC") && !e.starts_with("malformed") => Ok(()),
            Err(e) => Err(format!("expected an error ({}), got {e}", compact(message))),
            Ok(v) => Err(format!(
                "expected an error ({}), got {}",
                compact(message),
                compact(&v)
            )),
        };
    }
    let expected = case
        .get("expect")
        .ok_or("malformed case: neither `expect` nor `expect_error`")?;
    match produced {
        Ok(got) => match first_difference("", expected, &got) {
            None => Ok(()),
            Some(d) => Err(d),
        },
        Err(e) => Err(format!("expected {}, got {e}", compact(expected))),
    }
}

// ---------------------------------------------------------------------------------------------
// Suites

/// Results for one tokenizer.
struct Report {
    name: String,
    passed: usize,
    failed: usize,
    differences: Vec<String>,
}

impl Report {
    fn print(&self) {
        println!(
            "{}: {} passed, {} failed",
            self.name, self.passed, self.failed
        );
        for d in &self.differences {
            println!("    {d}");
        }
    }
}

fn read_cases(path: &Path) -> Result<Vec<Value>, String> {
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut cases = Vec::new();
    for (n, line) in BufReader::new(GzDecoder::new(file)).lines().enumerate() {
        let line = line.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let case = serde_json::from_str(&line)
            .map_err(|e| format!("{} line {}: {e}", path.display(), n + 1))?;
        cases.push(case);
    }
    Ok(cases)
}

/// The ids `generate.py` probes with `id_to_token`, in case order: 0..=3, a third and a half
/// of the vocabulary size (added tokens included), the last two ids, two ids past the end,
/// and the first 20 added-token ids, sorted and deduplicated.
fn probe_ids(vocab_size: u64, added_ids: &[u64]) -> Vec<u64> {
    let mut sorted_added = added_ids.to_vec();
    sorted_added.sort_unstable();
    sorted_added.dedup();
    let mut ids: BTreeSet<u64> = [
        0,
        1,
        2,
        3,
        vocab_size / 3,
        vocab_size / 2,
        vocab_size.saturating_sub(2),
        vocab_size.saturating_sub(1),
        vocab_size,
        vocab_size + 7,
    ]
    .into_iter()
    .collect();
    ids.extend(sorted_added.into_iter().take(20));
    ids.into_iter().collect()
}

/// The ids of a tokenizer file's `added_tokens`, read straight from the JSON.
fn added_token_ids(tok_path: &Path) -> Result<Vec<u64>, String> {
    #[derive(serde::Deserialize)]
    struct AddedId {
        id: u64,
    }
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        added_tokens: Option<Vec<AddedId>>,
    }
    let text = std::fs::read_to_string(tok_path)
        .map_err(|e| format!("cannot read {}: {e}", tok_path.display()))?;
    let file: File = serde_json::from_str(&text)
        .map_err(|e| format!("cannot read added tokens of {}: {e}", tok_path.display()))?;
    Ok(file
        .added_tokens
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.id)
        .collect())
}

/// Gives `id_to_token` cases whose `id` is not a number the id they probed, as `probe_id`,
/// rebuilt from the expected vocabulary size and the file's added tokens.
fn with_probe_ids(cases: &mut [Value], tok_path: &Path) -> Result<(), String> {
    let lost = |c: &Value| {
        c.get("kind").and_then(Value::as_str) == Some("id_to_token")
            && !c.get("id").is_some_and(Value::is_u64)
    };
    if !cases.iter().any(lost) {
        return Ok(());
    }
    let size = cases
        .iter()
        .find(|c| {
            c.get("kind").and_then(Value::as_str) == Some("vocab_size")
                && c.get("with_added_tokens").and_then(Value::as_bool) == Some(true)
        })
        .and_then(|c| c.get("expect").and_then(Value::as_u64))
        .ok_or("id_to_token cases without ids and no vocab_size case to rebuild them")?;
    let probes = probe_ids(size, &added_token_ids(tok_path)?);
    let mut next = probes.into_iter();
    for case in cases.iter_mut().filter(|c| lost(c)) {
        let id = next
            .next()
            .ok_or("more id_to_token cases than probed ids")?;
        case["probe_id"] = json!(id);
    }
    Ok(())
}

fn run_tokenizer(dir: &Path, name: &str) -> Report {
    let fail = |failed: usize, difference: String| Report {
        name: name.to_owned(),
        passed: 0,
        failed,
        differences: vec![difference],
    };
    let cases_path = dir.join("cases").join(format!("{name}.jsonl.gz"));
    let mut cases = match read_cases(&cases_path) {
        Ok(c) => c,
        Err(e) => return fail(1, e),
    };
    let tok_path = dir.join("tokenizers").join(format!("{name}.json"));
    if let Err(e) = with_probe_ids(&mut cases, &tok_path) {
        return fail(cases.len().max(1), e);
    }
    let loaded = guarded(|| Tokenizer::from_file(&tok_path).map_err(err_string));
    let tok = match loaded {
        Ok(t) => t,
        Err(e) => {
            return fail(
                cases.len().max(1),
                format!("loading {}: {e}", tok_path.display()),
            )
        }
    };
    // Every case also runs on the tokenizer saved by subtok and loaded back: saving must
    // lose nothing.
    let reloaded = guarded(|| {
        let json = tok.to_string(false).map_err(err_string)?;
        json.parse::<Tokenizer>().map_err(err_string)
    });
    let reloaded = match reloaded {
        Ok(t) => t,
        Err(e) => return fail(cases.len().max(1), format!("save and reload: {e}")),
    };
    let outcomes: Vec<Result<(), String>> = cases
        .par_iter()
        .map(|case| {
            let id = case.get("id").and_then(Value::as_str).unwrap_or("?");
            check(&tok, case)
                .map_err(|d| format!("{id} [{}] {d}", describe(case)))
                .and_then(|()| {
                    check(&reloaded, case)
                        .map_err(|d| format!("{id} [{}] after save/reload: {d}", describe(case)))
                })
        })
        .collect();
    let failed: Vec<String> = outcomes.into_iter().filter_map(Result::err).collect();
    Report {
        name: name.to_owned(),
        passed: cases.len() - failed.len(),
        failed: failed.len(),
        differences: failed.into_iter().take(shown_differences()).collect(),
    }
}

/// Names `NAME` with both `tokenizers/NAME.json` and `cases/NAME.jsonl.gz`, sorted, filtered
/// by `SUBTOK_ONLY`.
fn tokenizer_names(dir: &Path) -> Vec<String> {
    let only = only_filter();
    let mut names = BTreeSet::new();
    let Ok(entries) = std::fs::read_dir(dir.join("tokenizers")) else {
        return Vec::new();
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(name) = file.to_str().and_then(|f| f.strip_suffix(".json")) else {
            continue;
        };
        if let Some(only) = &only {
            if !only.contains(name) {
                continue;
            }
        }
        if dir.join("cases").join(format!("{name}.jsonl.gz")).is_file() {
            names.insert(name.to_owned());
        } else {
            println!("{name}: no cases file, skipped");
        }
    }
    names.into_iter().collect()
}

fn only_filter() -> Option<BTreeSet<String>> {
    let only = std::env::var("SUBTOK_ONLY").ok()?;
    let names: BTreeSet<String> = only
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    (!names.is_empty()).then_some(names)
}

/// Runs every tokenizer of `dir` and prints the reports.
fn run_suite(dir: &Path) -> Vec<Report> {
    install_panic_hook();
    let names = tokenizer_names(dir);
    let reports: Vec<Report> = names
        .par_iter()
        .map(|name| run_tokenizer(dir, name))
        .collect();
    for r in &reports {
        r.print();
    }
    let passed: usize = reports.iter().map(|r| r.passed).sum();
    let failed: usize = reports.iter().map(|r| r.failed).sum();
    println!("{passed} passed, {failed} failed");
    reports
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn conformance_dir() -> PathBuf {
    match std::env::var_os("SUBTOK_CONFORMANCE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => manifest_dir().join("..").join("shared").join("conformance"),
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

#[test]
fn golden_cases() {
    let dir = conformance_dir();
    if !dir.join("tokenizers").is_dir() {
        let message = format!(
            "conformance data not found at {} (set SUBTOK_CONFORMANCE_DIR)",
            dir.display()
        );
        assert!(!in_ci(), "{message}");
        // Written to the stderr handle directly, so the test harness does not capture it.
        let _ = writeln!(
            std::io::stderr(),
            "\n!!!!!!!! conformance SKIPPED: {message} !!!!!!!!\n"
        );
        println!("SKIPPED: {message}");
        return;
    }
    println!("conformance data: {}", dir.display());
    let reports = run_suite(&dir);

    let only = only_filter();
    let wanted = |name: &str| only.as_ref().is_none_or(|o| o.contains(name));
    let mut problems = Vec::new();
    for name in CLAIMED.iter().copied().filter(|n| wanted(n)) {
        match reports.iter().find(|r| r.name == name) {
            None => problems.push(format!("{name}: claimed but not found in the data")),
            Some(r) if r.failed > 0 => problems.push(format!(
                "{name}: {} of {} cases failed",
                r.failed,
                r.passed + r.failed
            )),
            Some(_) => {}
        }
    }
    for r in &reports {
        if !CLAIMED.contains(&r.name.as_str()) {
            println!(
                "note: {} is not claimed ({} passed, {} failed)",
                r.name, r.passed, r.failed
            );
        }
    }
    assert!(
        problems.is_empty(),
        "claimed tokenizers failing conformance:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn fixture_cases() {
    let dir = manifest_dir().join("fixtures");
    if !dir.join("tokenizers").is_dir() {
        println!(
            "fixtures: no {} directory, skipped",
            dir.join("tokenizers").display()
        );
        return;
    }
    let reports = run_suite(&dir);
    let failing: Vec<String> = reports
        .iter()
        .filter(|r| r.failed > 0)
        .map(|r| format!("{}: {} failed", r.name, r.failed))
        .collect();
    assert!(
        failing.is_empty(),
        "fixture cases failing:\n  {}",
        failing.join("\n  ")
    );
}

#[test]
fn difference_rendering() {
    let e = json!({"ids": [1, 2, 3], "tokens": ["a", "b", "c"]});
    let g = json!({"ids": [1, 2, 4], "tokens": ["a", "b", "c"]});
    assert_eq!(
        first_difference("", &e, &g).as_deref(),
        Some("ids[2]: expected 3, got 4")
    );
    let g = json!({"ids": [1, 2], "tokens": ["a", "b", "c"]});
    assert_eq!(
        first_difference("", &e, &g).as_deref(),
        Some("ids: length expected 3, got 2 (missing [3])")
    );
    assert_eq!(first_difference("", &e, &e), None);
    let c = CharOffsets::new("aé€b");
    assert_eq!(c.convert((1, 3)), (1, 2));
    assert_eq!(c.convert((3, 6)), (2, 3));
    assert_eq!(c.convert((6, 7)), (3, 4));
    assert_eq!(c.convert((2, 4)), (1, 2));
    assert_eq!(c.convert((7, 7)), (7, 7));
    assert!(guarded::<()>(|| panic!("boom"))
        .unwrap_err()
        .contains("boom"));
}
