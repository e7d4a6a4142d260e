//! The `subtok` command-line tool.
//!
//! ```text
//! subtok tokenize --tokenizer FILE [--jsonl | TEXT...]
//! subtok decode   --tokenizer FILE --jsonl
//! subtok encode   [--tokenizer FILE] INPUT... --output OUT [options]
//! subtok decode   [--tokenizer FILE] OUT.bin [--doc N]
//! subtok info     FILE
//! ```

mod args;
mod encode;
mod jsonl;
mod progress;
mod shards;

use std::io::Write;
use std::process::ExitCode;
use subtok::Tokenizer;

const USAGE: &str = "\
usage:
  subtok tokenize --tokenizer FILE --jsonl          JSON lines on stdin: {\"text\", \"pair\"?, \"add_special_tokens\"?}
  subtok tokenize --tokenizer FILE TEXT...          print tokens, ids and offsets
  subtok decode --tokenizer FILE --jsonl            JSON lines on stdin: {\"ids\", \"skip_special_tokens\"?}
  subtok encode [--tokenizer FILE] INPUT... --output OUT
        INPUT: text file (one document per line), .jsonl (--field text), directory, or - (stdin);
               .gz and .zst are decompressed
        --format megatron|flat|npy (default megatron)   --dtype u16|u32   --shard-size TOKENS
        --whole-file   --add-special-tokens   --prepend-bos ID|TOKEN   --append-eos ID|TOKEN
        --threads N   --skip-bad   --quiet
        without --tokenizer, the built-in default tokenizer (fixtures/subtok-default.json) is used
  subtok decode [--tokenizer FILE] OUT.bin [--doc N]  print the documents of a shard
  subtok info FILE                                  describe a tokenizer.json
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(argv) {
        Ok(code) => code,
        Err(msg) => {
            let _ = writeln!(std::io::stderr(), "subtok: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(argv: Vec<String>) -> Result<ExitCode, String> {
    let Some((cmd, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let mut a = args::Args::new(rest);
    match cmd.as_str() {
        "tokenize" => {
            let tok = load(&mut a)?;
            let jsonl = a.flag("--jsonl");
            let positional = a.positionals()?;
            if jsonl {
                jsonl::tokenize(&tok).map_err(|e| e.to_string())?;
            } else {
                let text = positional.join(" ");
                print_human(&tok, &text)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        "decode" => {
            let tok = load_or_default(&mut a)?;
            let jsonl = a.flag("--jsonl");
            let doc = a.value("--doc")?;
            let positional = a.positionals()?;
            if jsonl {
                jsonl::decode(&tok).map_err(|e| e.to_string())?;
                return Ok(ExitCode::SUCCESS);
            }
            let [shard] = positional.as_slice() else {
                return Err("decode needs --jsonl, or one shard file (OUT.bin or OUT.npy)".into());
            };
            decode_shard(&tok, shard, doc)?;
            Ok(ExitCode::SUCCESS)
        }
        "encode" => {
            let tok = load_or_default(&mut a)?;
            encode_cmd(&tok, a)
        }
        "info" => {
            let flagged = a.value("--tokenizer")?;
            let positional = a.positionals()?;
            let path = flagged
                .or_else(|| positional.first().cloned())
                .ok_or("info needs a tokenizer file")?;
            let tok = Tokenizer::from_file(&path).map_err(|e| e.to_string())?;
            print_info(&tok);
            Ok(ExitCode::SUCCESS)
        }
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    }
}

/// The tokenizer used when `--tokenizer` is omitted: a byte-level BPE the project trained
/// (see fixtures/README.md for its provenance).
const DEFAULT_TOKENIZER: &[u8] = include_bytes!("../../../fixtures/subtok-default.json");

fn load_or_default(a: &mut args::Args) -> Result<Tokenizer, String> {
    match a.value("--tokenizer")? {
        Some(path) => Tokenizer::from_file(&path).map_err(|e| e.to_string()),
        None => Tokenizer::from_bytes(DEFAULT_TOKENIZER).map_err(|e| e.to_string()),
    }
}

fn token_or_id(tok: &Tokenizer, s: &str) -> Result<u32, String> {
    if let Ok(id) = s.parse::<u32>() {
        return Ok(id);
    }
    tok.token_to_id(s)
        .ok_or_else(|| format!("`{s}` is neither an id nor a token of this tokenizer"))
}

fn encode_cmd(tok: &Tokenizer, mut a: args::Args) -> Result<ExitCode, String> {
    let output = a.value("--output")?.ok_or("missing --output OUT")?;
    let format = match a.value("--format")? {
        Some(f) => f.parse()?,
        None => shards::Format::Megatron,
    };
    let dtype = a.value("--dtype")?.map(|d| d.parse()).transpose()?;
    let shard_size = a
        .value("--shard-size")?
        .map(|s| parse_size(&s))
        .transpose()?;
    let field = a.value("--field")?.unwrap_or_else(|| "text".into());
    let append_eos = a
        .value("--append-eos")?
        .map(|s| token_or_id(tok, &s))
        .transpose()?;
    let prepend_bos = a
        .value("--prepend-bos")?
        .map(|s| token_or_id(tok, &s))
        .transpose()?;
    let threads = a
        .value("--threads")?
        .map(|s| {
            s.parse::<usize>()
                .map_err(|_| format!("bad --threads `{s}`"))
        })
        .transpose()?;
    let opts = encode::EncodeOptions {
        whole_file: a.flag("--whole-file"),
        add_special_tokens: a.flag("--add-special-tokens"),
        skip_bad: a.flag("--skip-bad"),
        quiet: a.flag("--quiet"),
        inputs: Vec::new(),
        output: output.into(),
        format,
        dtype,
        shard_size,
        field,
        append_eos,
        prepend_bos,
    };
    let inputs = a.positionals()?;
    if inputs.is_empty() {
        return Err("encode needs at least one INPUT (a file, a directory or -)".into());
    }
    let opts = encode::EncodeOptions { inputs, ..opts };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let summary = pool.install(|| encode::run(tok, &opts))?;
    let secs = started.elapsed().as_secs_f64();
    if !opts.quiet {
        let mb = summary.input_bytes as f64 / 1e6;
        eprintln!(
            "encoded {} documents, {} tokens, {:.2} MB in {:.2}s ({:.1} MB/s, {:.1} tokens/document){}{}",
            summary.documents,
            summary.tokens,
            mb,
            secs,
            mb / secs.max(1e-9),
            summary.tokens as f64 / summary.documents.max(1) as f64,
            if summary.skipped > 0 {
                format!(", {} bad lines skipped", summary.skipped)
            } else {
                String::new()
            },
            encode::peak_rss()
                .map(|b| format!(", peak RSS {:.0} MB", b as f64 / 1e6))
                .unwrap_or_default(),
        );
        for p in &summary.outputs {
            eprintln!("wrote {}", p.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_size(s: &str) -> Result<u64, String> {
    let (num, mult) = match s.char_indices().last() {
        Some((i, 'K' | 'k')) => (&s[..i], 1_000),
        Some((i, 'M' | 'm')) => (&s[..i], 1_000_000),
        Some((i, 'G' | 'g')) => (&s[..i], 1_000_000_000),
        _ => (s, 1),
    };
    match num.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n * mult),
        _ => Err(format!(
            "bad size `{s}` (a positive number of tokens, e.g. 100M)"
        )),
    }
}

fn decode_shard(tok: &Tokenizer, shard: &str, doc: Option<String>) -> Result<(), String> {
    let docs = shards::read_documents(std::path::Path::new(shard))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let pick: Vec<usize> = match doc {
        Some(d) => {
            let n: usize = d.parse().map_err(|_| format!("bad --doc `{d}`"))?;
            if n >= docs.len() {
                return Err(format!("--doc {n}: the shard has {} documents", docs.len()));
            }
            vec![n]
        }
        None => (0..docs.len()).collect(),
    };
    for i in pick {
        let text = tok.decode(&docs[i], false).map_err(|e| e.to_string())?;
        let _ = writeln!(out, "{text}");
    }
    Ok(())
}

fn load(a: &mut args::Args) -> Result<Tokenizer, String> {
    let path = a.value("--tokenizer")?.ok_or("missing --tokenizer FILE")?;
    Tokenizer::from_file(&path).map_err(|e| e.to_string())
}

fn print_human(tok: &Tokenizer, text: &str) -> Result<(), String> {
    let enc = tok
        .encode_char_offsets(text, true)
        .map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{} tokens", enc.len());
    let _ = writeln!(out, "{:>6}  {:>8}  {:>12}  token", "#", "id", "chars");
    for (i, ((id, t), (s, e))) in enc
        .get_ids()
        .iter()
        .zip(enc.get_tokens())
        .zip(enc.get_offsets())
        .enumerate()
    {
        let _ = writeln!(out, "{i:>6}  {id:>8}  {:>12}  {t:?}", format!("{s}..{e}"));
    }
    Ok(())
}

fn print_info(tok: &Tokenizer) {
    let json = tok.to_string(false).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let describe = |key: &str| -> String {
        match v.get(key) {
            Some(serde_json::Value::Null) | None => "none".into(),
            Some(x) => summarize(x),
        }
    };
    println!("model:          {}", describe_model(&v));
    println!("normalizer:     {}", describe("normalizer"));
    println!("pre_tokenizer:  {}", describe("pre_tokenizer"));
    println!("post_processor: {}", describe("post_processor"));
    println!("decoder:        {}", describe("decoder"));
    println!(
        "vocabulary:     {} ({} with added tokens)",
        tok.get_vocab_size(false),
        tok.get_vocab_size(true)
    );
    let added = tok.get_added_vocabulary().tokens_with_ids();
    let specials: Vec<String> = added
        .iter()
        .filter(|t| t.token.special)
        .map(|t| format!("{:?}={}", t.token.content, t.id))
        .collect();
    println!(
        "added tokens:   {} ({} special)",
        added.len(),
        specials.len()
    );
    if !specials.is_empty() {
        let shown: Vec<&str> = specials.iter().take(12).map(String::as_str).collect();
        let more = specials.len().saturating_sub(12);
        println!(
            "special:        {}{}",
            shown.join(" "),
            if more > 0 {
                format!(" … and {more} more")
            } else {
                String::new()
            }
        );
    }
    println!("truncation:     {}", describe("truncation"));
    println!("padding:        {}", describe("padding"));
}

fn describe_model(v: &serde_json::Value) -> String {
    let Some(m) = v.get("model") else {
        return "none".into();
    };
    let mut m = m.clone();
    if let Some(o) = m.as_object_mut() {
        o.remove("vocab");
        o.remove("merges");
    }
    summarize(&m)
}

/// A template written the way people write them: `[CLS]:0 $A:0 [SEP]:0`.
fn template_string(items: &[serde_json::Value]) -> Option<String> {
    let mut parts = Vec::new();
    for item in items {
        let (key, inner) = item.as_object()?.iter().next()?;
        let id = inner.get("id")?.as_str()?;
        let type_id = inner.get("type_id")?.as_u64()?;
        match key.as_str() {
            "SpecialToken" => parts.push(format!("{id}:{type_id}")),
            "Sequence" => parts.push(format!("${id}:{type_id}")),
            _ => return None,
        }
    }
    Some(parts.join(" "))
}

/// A one-line summary of a component: its type and its scalar settings.
fn summarize(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(o) => {
            let ty = o.get("type").and_then(|t| t.as_str()).unwrap_or("");
            let mut parts = Vec::new();
            for (k, x) in o {
                if k == "type" || k == "precompiled_charsmap" {
                    continue;
                }
                if k == "special_tokens" {
                    if let Some(map) = x.as_object() {
                        let list: Vec<String> = map
                            .iter()
                            .map(|(name, t)| format!("{name}={}", t.get("ids").unwrap_or(t)))
                            .collect();
                        parts.push(format!("special_tokens=[{}]", list.join(", ")));
                        continue;
                    }
                }
                match x {
                    serde_json::Value::Array(items) if template_string(items).is_some() => {
                        let t = template_string(items).unwrap_or_default();
                        parts.push(format!("{k}=\"{t}\""));
                    }
                    serde_json::Value::Array(items) if items.iter().all(|i| i.is_object()) => {
                        let inner: Vec<String> = items.iter().map(summarize).collect();
                        parts.push(format!("{k}=[{}]", inner.join(", ")));
                    }
                    serde_json::Value::Object(_) => parts.push(format!("{k}={}", summarize(x))),
                    _ => {
                        let s = x.to_string();
                        let s = if s.chars().count() > 60 {
                            format!("{}…", s.chars().take(60).collect::<String>())
                        } else {
                            s
                        };
                        parts.push(format!("{k}={s}"));
                    }
                }
            }
            if parts.is_empty() {
                ty.to_owned()
            } else {
                format!("{ty}({})", parts.join(", "))
            }
        }
        other => other.to_string(),
    }
}
