//! Encoding time of adversarial inputs (see `tests/support/adversarial_inputs.rs`) at 1 MiB
//! and 4 MiB, per tokenizer family, and the 4 MiB / 1 MiB ratio (linear time gives 4; the
//! goal is at most 4.5). Uses the shared conformance tokenizers (gpt2, llama2,
//! bert-base-uncased, t5-small) when `../shared/conformance` is present, else the crate's
//! fixture equivalents.
//!
//! `cargo bench --bench adversarial` first prints the ratio table (best of 3 runs each, each
//! on a freshly loaded instance: see `tests/support/adversarial_timing.rs`;
//! `SUBTOK_ADV_CACHE=warm` times one instance throughout), then runs the criterion
//! benchmarks (one instance, so its caches are warm after the first iteration).
//! `SUBTOK_ADV_ONLY=long_word,digits` restricts both to the listed inputs;
//! `SUBTOK_ADV_TABLE_ONLY=1` prints the table only.

#[path = "../tests/support/adversarial_inputs.rs"]
mod adversarial_inputs;
#[path = "../tests/support/adversarial_timing.rs"]
mod adversarial_timing;

use std::path::{Path, PathBuf};
use std::time::Duration;

use adversarial_timing::{best_encode_times, CacheState, Loader};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const FAMILIES: &[(&str, &str, &str)] = &[
    ("byte-level BPE", "bytelevel-bpe", "gpt2"),
    ("byte-fallback BPE", "sp-bpe-bytefallback", "llama2"),
    ("WordPiece", "wordpiece-bert", "bert-base-uncased"),
    ("Unigram", "unigram-metaspace", "t5-small"),
];

fn wanted(name: &str) -> bool {
    match std::env::var("SUBTOK_ADV_ONLY") {
        Ok(list) => list.split(',').any(|w| w == name),
        Err(_) => true,
    }
}

fn tokenizers() -> Vec<(String, Loader)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/conformance"))
        .join("tokenizers");
    FAMILIES
        .iter()
        .map(|&(family, fixture, shared_name)| {
            let (name, path) = if shared.is_dir() {
                (shared_name, shared.join(format!("{shared_name}.json")))
            } else {
                (
                    fixture,
                    root.join(format!("fixtures/tokenizers/{fixture}.json")),
                )
            };
            let json = std::fs::read_to_string(&path).unwrap();
            (format!("{family} ({name})"), Loader(json))
        })
        .collect()
}

fn ratio_table(toks: &[(String, Loader)]) {
    let cache = CacheState::from_env();
    let small = adversarial_inputs::all(1 << 20);
    let big = adversarial_inputs::all(4 << 20);
    println!(
        "\n{:<40} {:<18} {:>10} {:>10} {:>7}   ({cache:?} caches)",
        "tokenizer", "input", "1 MiB", "4 MiB", "ratio"
    );
    let mut worst = 0.0f64;
    for (name, loader) in toks {
        for ((input, s), (_, b)) in small.iter().zip(&big) {
            if !wanted(input) {
                continue;
            }
            let (t1, t4) = best_encode_times(3, loader, s, b, cache);
            let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
            worst = worst.max(ratio);
            let flag = if ratio > 4.5 { "  > 4.5" } else { "" };
            println!("{name:<40} {input:<18} {t1:>10.1?} {t4:>10.1?} {ratio:>7.2}{flag}");
        }
    }
    println!("worst 4 MiB / 1 MiB ratio: {worst:.2}\n");
}

fn bench(c: &mut Criterion) {
    let loaders = tokenizers();
    ratio_table(&loaders);
    if std::env::var_os("SUBTOK_ADV_TABLE_ONLY").is_some() {
        return;
    }
    for size in [1usize << 20, 4 << 20] {
        let inputs = adversarial_inputs::all(size);
        let mut group = c.benchmark_group(format!("adversarial-{}MiB", size >> 20));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(5));
        group.throughput(Throughput::Bytes(size as u64));
        for (name, loader) in &loaders {
            let tok = loader.load();
            for (input, text) in inputs.iter().filter(|(i, _)| wanted(i)) {
                group.bench_with_input(BenchmarkId::new(name.as_str(), input), text, |b, t| {
                    b.iter(|| tok.encode(t.as_str(), false).unwrap())
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
