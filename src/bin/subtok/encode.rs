//! `subtok encode`: a corpus in, training-ready token shards out.
//!
//! Documents are read in chunks of a few MB (memory stays bounded whatever the corpus size),
//! each chunk is parsed and encoded in parallel, and the ids are written in input order.
//! Outputs are written under temporary names and renamed when complete, so an interrupted
//! run never leaves a half-written file under a final name.

use crate::progress::Progress;
use crate::shards::{Dtype, Format, ShardWriter};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use subtok::Tokenizer;

/// Bytes of input gathered before a chunk is encoded.
const CHUNK_BYTES: usize = 4 << 20;

/// Options of `subtok encode`.
pub struct EncodeOptions {
    pub inputs: Vec<String>,
    pub output: PathBuf,
    pub format: Format,
    pub dtype: Option<Dtype>,
    pub shard_size: Option<u64>,
    pub field: String,
    pub whole_file: bool,
    pub add_special_tokens: bool,
    pub append_eos: Option<u32>,
    pub prepend_bos: Option<u32>,
    pub skip_bad: bool,
    pub quiet: bool,
}

/// One input source: a path (possibly compressed) or stdin.
struct Source {
    name: Arc<str>,
    path: Option<PathBuf>,
    jsonl: bool,
}

/// A document as read, before parsing.
struct RawDoc {
    source: Arc<str>,
    line: u64,
    bytes: Vec<u8>,
    jsonl: bool,
    /// Set when the record could not be read (e.g. a null Parquet value).
    bad: Option<String>,
}

/// Counts of what was done, for the summary.
#[derive(Default)]
pub struct Summary {
    pub documents: u64,
    pub tokens: u64,
    pub input_bytes: u64,
    pub skipped: u64,
    pub outputs: Vec<PathBuf>,
}

fn strip_compression(name: &str) -> &str {
    name.strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name)
}

fn is_jsonl(name: &str) -> bool {
    let n = strip_compression(name);
    if n.ends_with(".parquet") {
        return false;
    }
    n.ends_with(".jsonl") || n.ends_with(".ndjson") || n.ends_with(".json")
}

fn collect_sources(inputs: &[String]) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source {
                name: Arc::from("<stdin>"),
                path: None,
                jsonl: false,
            });
            continue;
        }
        let p = Path::new(input);
        let meta = std::fs::metadata(p).map_err(|e| format!("{input}: {e}"))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files).map_err(|e| format!("{input}: {e}"))?;
            files.sort();
            for f in files {
                let name = f.display().to_string();
                out.push(Source {
                    jsonl: is_jsonl(&name),
                    name: Arc::from(name.as_str()),
                    path: Some(f),
                });
            }
        } else {
            out.push(Source {
                jsonl: is_jsonl(input),
                name: Arc::from(input.as_str()),
                path: Some(p.to_path_buf()),
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Opens a source, decompressing `.gz` and `.zst` transparently.
fn open(source: &Source) -> Result<Box<dyn BufRead>, String> {
    let Some(path) = &source.path else {
        return Ok(Box::new(BufReader::with_capacity(
            1 << 20,
            std::io::stdin(),
        )));
    };
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", source.name))?;
    let name = source.name.as_ref();
    let reader: Box<dyn Read> = if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else if name.ends_with(".zst") {
        Box::new(
            zstd::stream::read::Decoder::new(file).map_err(|e| format!("{}: {e}", source.name))?,
        )
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::with_capacity(1 << 20, reader)))
}

/// Parses one raw document into its text.
fn parse_doc(doc: &RawDoc, field: &str) -> Result<String, String> {
    if let Some(bad) = &doc.bad {
        return Err(format!("{}:{}: {bad}", doc.source, doc.line));
    }
    let text = std::str::from_utf8(&doc.bytes).map_err(|e| {
        format!(
            "{}:{}: invalid UTF-8 at byte {}",
            doc.source,
            doc.line,
            e.valid_up_to()
        )
    })?;
    if !doc.jsonl {
        return Ok(text.to_owned());
    }
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("{}:{}: invalid JSON: {e}", doc.source, doc.line))?;
    match value.get(field) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!(
            "{}:{}: field `{field}` is not a string (found {})",
            doc.source,
            doc.line,
            match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Array(_) => "an array",
                serde_json::Value::Object(_) => "an object",
                serde_json::Value::String(_) => "a string",
            }
        )),
        None => Err(format!(
            "{}:{}: missing field `{field}`",
            doc.source, doc.line
        )),
    }
}

/// Runs the whole encode job; returns the summary or the message of the first fatal error.
pub fn run(tok: &Tokenizer, opts: &EncodeOptions) -> Result<Summary, String> {
    let sources = collect_sources(&opts.inputs)?;
    if sources.is_empty() {
        return Err("no input files".into());
    }
    let total_bytes: Option<u64> = sources
        .iter()
        .map(|s| {
            let p = s.path.as_ref()?;
            if s.name.ends_with(".gz") || s.name.ends_with(".zst") {
                return None;
            }
            std::fs::metadata(p).ok().map(|m| m.len())
        })
        .sum();
    // Corpus encoding wants every token: the file's truncation and padding do not apply.
    let mut tok = tok.clone();
    tok.with_padding(None);
    tok.with_truncation(None).map_err(|e| e.to_string())?;

    let vocab = tok.get_vocab_size(true) as u64;
    let max_id = [opts.append_eos, opts.prepend_bos]
        .iter()
        .flatten()
        .map(|&x| x as u64)
        .chain(std::iter::once(vocab.saturating_sub(1)))
        .max()
        .unwrap_or(0);
    let dtype = opts.dtype.unwrap_or(if max_id <= u16::MAX as u64 {
        Dtype::U16
    } else {
        Dtype::U32
    });
    let mut writer = ShardWriter::new(&opts.output, opts.format, dtype, opts.shard_size);
    let mut progress = Progress::new(opts.quiet, total_bytes);
    let mut summary = Summary::default();
    let started = Instant::now();

    // A reader thread gathers chunks while the workers encode the previous one; the bounded
    // channel keeps at most two chunks in flight, so memory stays bounded.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<(Vec<RawDoc>, u64), String>>(2);
    let result = std::thread::scope(|scope| {
        let sources = &sources;
        let reader = scope.spawn(move || {
            let mut emit = |chunk: Vec<RawDoc>, bytes: u64| {
                tx.send(Ok((chunk, bytes)))
                    .map_err(|_| "the encoder stopped".to_string())
            };
            if let Err(e) = read_all(sources, opts, &mut emit) {
                let _ = tx.send(Err(e));
            }
        });
        let consumed = (|| -> Result<(), String> {
            for msg in rx {
                let (mut chunk, bytes) = msg?;
                summary.input_bytes += bytes;
                flush(&tok, opts, &mut chunk, &mut writer, &mut summary)?;
                progress.update(summary.input_bytes, summary.documents);
            }
            Ok(())
        })();
        let _ = reader.join();
        consumed
    });
    progress.finish();
    match result {
        Ok(()) => {
            summary.outputs = writer
                .finish()
                .map_err(|e| format!("writing output: {e}"))?;
            let _ = started;
            Ok(summary)
        }
        Err(e) => {
            writer.abort();
            Err(e)
        }
    }
}

/// Reads every source in order and hands over chunks of about [`CHUNK_BYTES`] documents,
/// each with the number of input bytes it consumed.
fn read_all(
    sources: &[Source],
    opts: &EncodeOptions,
    emit: &mut dyn FnMut(Vec<RawDoc>, u64) -> Result<(), String>,
) -> Result<(), String> {
    let mut chunk: Vec<RawDoc> = Vec::new();
    let mut chunk_bytes = 0usize;
    let mut consumed = 0u64;
    for source in sources {
        if source.name.ends_with(".parquet") {
            let path = source
                .path
                .as_deref()
                .ok_or("parquet from stdin is not supported")?;
            parquet_input::read(path, &source.name, &opts.field, &mut |doc: RawDoc| {
                consumed += doc.bytes.len() as u64;
                chunk_bytes += doc.bytes.len();
                chunk.push(doc);
                if chunk_bytes >= CHUNK_BYTES {
                    emit(std::mem::take(&mut chunk), std::mem::take(&mut consumed))?;
                    chunk_bytes = 0;
                }
                Ok(())
            })?;
            continue;
        }
        let mut reader = open(source)?;
        if opts.whole_file && !source.jsonl {
            let mut bytes = Vec::new();
            reader
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{}: {e}", source.name))?;
            consumed += bytes.len() as u64;
            chunk_bytes += bytes.len();
            chunk.push(RawDoc {
                source: source.name.clone(),
                line: 1,
                bytes,
                jsonl: false,
                bad: None,
            });
        } else {
            let mut line_no = 0u64;
            loop {
                let mut bytes = Vec::new();
                let n = reader
                    .read_until(b'\n', &mut bytes)
                    .map_err(|e| format!("{}:{}: {e}", source.name, line_no + 1))?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                consumed += n as u64;
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                }
                if source.jsonl && bytes.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                chunk_bytes += bytes.len();
                chunk.push(RawDoc {
                    source: source.name.clone(),
                    line: line_no,
                    bytes,
                    jsonl: source.jsonl,
                    bad: None,
                });
                if chunk_bytes >= CHUNK_BYTES {
                    emit(std::mem::take(&mut chunk), std::mem::take(&mut consumed))?;
                    chunk_bytes = 0;
                }
            }
        }
        if chunk_bytes >= CHUNK_BYTES {
            emit(std::mem::take(&mut chunk), std::mem::take(&mut consumed))?;
            chunk_bytes = 0;
        }
    }
    emit(chunk, consumed)
}

/// Parses and encodes a chunk in parallel, then writes it in order.
fn flush(
    tok: &Tokenizer,
    opts: &EncodeOptions,
    chunk: &mut Vec<RawDoc>,
    writer: &mut ShardWriter,
    summary: &mut Summary,
) -> Result<(), String> {
    if chunk.is_empty() {
        return Ok(());
    }
    let encoded: Vec<Result<Vec<u32>, String>> = chunk
        .par_iter()
        .map(|doc| {
            let text = parse_doc(doc, &opts.field)?;
            // The ids-only path: equal to `encode(..).get_ids()`, without offsets or tokens.
            let mut ids = Vec::with_capacity(text.len() / 3 + 4);
            tok.encode_ids_into(&text, opts.add_special_tokens, &mut ids)
                .map_err(|e| format!("{}:{}: {e}", doc.source, doc.line))?;
            if let Some(bos) = opts.prepend_bos {
                ids.insert(0, bos);
            }
            ids.extend(opts.append_eos);
            Ok(ids)
        })
        .collect();
    for r in encoded {
        match r {
            Ok(ids) => {
                writer
                    .write_doc(&ids)
                    .map_err(|e| format!("writing output: {e}"))?;
                summary.documents += 1;
                summary.tokens += ids.len() as u64;
            }
            Err(msg) if opts.skip_bad => {
                summary.skipped += 1;
                if !opts.quiet {
                    eprintln!("subtok: skipped {msg}");
                }
            }
            Err(msg) => return Err(msg),
        }
    }
    chunk.clear();
    Ok(())
}

/// Parquet inputs: one document per row, the text taken from the `--field` column.
#[cfg(feature = "parquet")]
mod parquet_input {
    use super::RawDoc;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    use std::path::Path;
    use std::sync::Arc;

    /// Streams the rows of `path` (row group by row group) into `sink`.
    pub fn read(
        path: &Path,
        name: &Arc<str>,
        field: &str,
        sink: &mut dyn FnMut(RawDoc) -> Result<(), String>,
    ) -> Result<(), String> {
        let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
        let reader = SerializedFileReader::new(file).map_err(|e| format!("{name}: {e}"))?;
        let has_field = reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .any(|c| c.name() == field);
        if !has_field {
            return Err(format!("{name}: no column `{field}`"));
        }
        let rows = reader
            .get_row_iter(None)
            .map_err(|e| format!("{name}: {e}"))?;
        for (i, row) in rows.enumerate() {
            let line = i as u64 + 1;
            let row = row.map_err(|e| format!("{name}: row {line}: {e}"))?;
            let value = row.get_column_iter().find(|(n, _)| n.as_str() == field);
            let (bytes, bad) = match value {
                Some((_, Field::Str(s))) => (s.as_bytes().to_vec(), None),
                Some((_, Field::Null)) => (Vec::new(), Some(format!("field `{field}` is null"))),
                Some((_, other)) => (
                    Vec::new(),
                    Some(format!("field `{field}` is not a string (found {other})")),
                ),
                None => (Vec::new(), Some(format!("missing field `{field}`"))),
            };
            sink(RawDoc {
                source: name.clone(),
                line,
                bytes,
                jsonl: false,
                bad,
            })?;
        }
        Ok(())
    }
}

/// Without the `parquet` feature, Parquet inputs are refused with a clear message.
#[cfg(not(feature = "parquet"))]
mod parquet_input {
    use super::RawDoc;
    use std::path::Path;
    use std::sync::Arc;

    pub fn read(
        _path: &Path,
        name: &Arc<str>,
        _field: &str,
        _sink: &mut dyn FnMut(RawDoc) -> Result<(), String>,
    ) -> Result<(), String> {
        Err(format!(
            "{name}: Parquet input needs subtok built with `--features parquet`"
        ))
    }
}

/// Peak resident memory of this process in bytes (Linux), if known.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
