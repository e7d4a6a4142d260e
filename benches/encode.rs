//! Throughput of encoding (MB/s of input text), ids only and full `Encoding`, single
//! thread and a 2-thread batch, with warm caches (one untimed pass first); `ids_cold` times
//! the first pass of a freshly loaded tokenizer (one thread, ids only).
//!
//! `cargo bench --bench encode` reads `$SUBTOK_CORPUS` (default
//! `../shared/corpus/english.jsonl`, JSON lines with `"text"`) and the tokenizers named in
//! `$SUBTOK_BENCH_TOKENIZERS` (default: gpt2, llama3, qwen2.5, gpt4-cl100k, llama2,
//! bert-base-uncased, t5-small) from `$SUBTOK_CONFORMANCE_DIR/tokenizers` (default
//! `../shared/conformance`). `$SUBTOK_BENCH_MODES` picks among
//! `ids,ids_cold,full,batch_ids,batch_full`.

use std::path::PathBuf;
use std::time::Instant;

use subtok::Tokenizer;

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / secs / 1e6
}

/// CPU time (ns) of all threads of this process, from `/proc` (Linux); the machine may be
/// shared, so CPU time is a steadier measure than wall time.
fn cpu_ns() -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var("SUBTOK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("../shared/corpus/english.jsonl"));
    let conf = std::env::var("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("../shared/conformance"));
    let Ok(text) = std::fs::read_to_string(&corpus) else {
        eprintln!("no corpus at {}; nothing to measure", corpus.display());
        return;
    };
    let docs: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let names = std::env::var("SUBTOK_BENCH_TOKENIZERS").unwrap_or_else(|_| {
        "gpt2,llama3,qwen2.5,gpt4-cl100k,llama2,bert-base-uncased,t5-small".into()
    });
    let modes = std::env::var("SUBTOK_BENCH_MODES")
        .unwrap_or_else(|_| "ids,ids_cold,full,batch_ids,batch_full".into());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("thread pool");
    println!(
        "corpus {} ({} docs, {:.1} MB)",
        corpus.display(),
        docs.len(),
        bytes as f64 / 1e6
    );
    println!(
        "{:<20} {:>10} {:>10} {:>10} {:>12} {:>12}",
        "tokenizer", "ids", "ids_cold", "full", "batch_ids@2", "batch_full@2"
    );
    for name in names.split(',') {
        let path = conf.join("tokenizers").join(format!("{name}.json"));
        let tok = match Tokenizer::from_file(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        let mut cols = Vec::new();
        for mode in ["ids", "ids_cold", "full", "batch_ids", "batch_full"] {
            if !modes.split(',').any(|m| m == mode) {
                cols.push(f64::NAN);
                continue;
            }
            if mode == "ids_cold" {
                let Ok(fresh) = Tokenizer::from_file(&path) else {
                    cols.push(f64::NAN);
                    continue;
                };
                let mut buf = Vec::new();
                let c0 = cpu_ns();
                let t = Instant::now();
                for d in &docs {
                    fresh.encode_ids_into(d, false, &mut buf).expect("encode");
                }
                let secs = match (c0, cpu_ns()) {
                    (Some(a), Some(b)) => (b - a) as f64 / 1e9,
                    _ => t.elapsed().as_secs_f64(),
                };
                cols.push(mbps(bytes, secs));
                continue;
            }
            let run = || match mode {
                "ids" => {
                    let mut buf = Vec::new();
                    let mut n = 0;
                    for d in &docs {
                        tok.encode_ids_into(d, false, &mut buf).expect("encode");
                        n += buf.len();
                    }
                    n
                }
                "full" => docs
                    .iter()
                    .map(|d| tok.encode(d.as_str(), false).expect("encode").len())
                    .sum(),
                "batch_ids" => pool.install(|| {
                    tok.encode_batch_ids(&docs, false)
                        .expect("encode")
                        .iter()
                        .map(Vec::len)
                        .sum()
                }),
                _ => pool.install(|| {
                    let inputs: Vec<&str> = docs.iter().map(String::as_str).collect();
                    tok.encode_batch(inputs, false)
                        .expect("encode")
                        .iter()
                        .map(|e| e.len())
                        .sum::<usize>()
                }),
            };
            std::hint::black_box(run());
            let t = Instant::now();
            let c0 = cpu_ns();
            std::hint::black_box(run());
            let wall = t.elapsed().as_secs_f64();
            // Single thread: CPU time. Batch: wall time unless CPU time shows the 2 threads
            // were starved (then CPU time / 2, i.e. assuming both cores).
            let secs = match (c0, cpu_ns()) {
                (Some(a), Some(b)) if mode.starts_with("batch") => {
                    wall.min((b - a) as f64 / 1e9 / 2.0)
                }
                (Some(a), Some(b)) => (b - a) as f64 / 1e9,
                _ => wall,
            };
            cols.push(mbps(bytes, secs));
        }
        println!(
            "{:<20} {:>10.1} {:>10.1} {:>10.1} {:>12.1} {:>12.1}",
            name, cols[0], cols[1], cols[2], cols[3], cols[4]
        );
    }
}
