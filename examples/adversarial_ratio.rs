//! Times `Tokenizer::encode` (full encoding) of the adversarial inputs of
//! `tests/support/adversarial_inputs.rs` at 1 MiB and 4 MiB, best of 3 each (the sizes take
//! turns), and prints the 4 MiB / 1 MiB ratio (linear time gives 4) and milliseconds per
//! MiB. Each timed call runs on a fresh instance (empty caches; `SUBTOK_ADV_CACHE=warm` for
//! one instance throughout: see `tests/support/adversarial_timing.rs`).
//!
//! `cargo run --release --example adversarial_ratio -- [TOKENIZER,...] [INPUT,...]`, with
//! tokenizer names from the shared conformance directory (`SUBTOK_CONFORMANCE_DIR`, default
//! `../shared/conformance`); `all` or nothing for every tokenizer / input. `SUBTOK_ADV_RUNS`
//! sets the number of runs per size (default 3).

#[path = "../tests/support/adversarial_inputs.rs"]
mod adversarial_inputs;
#[path = "../tests/support/adversarial_timing.rs"]
mod adversarial_timing;

use std::path::{Path, PathBuf};

use adversarial_timing::{best_encode_times, CacheState, Loader};

const DEFAULT: &[&str] = &["gpt2", "llama2", "bert-base-uncased", "t5-small"];

fn list(arg: Option<String>) -> Option<Vec<String>> {
    arg.filter(|a| a != "all")
        .map(|a| a.split(',').map(str::to_owned).collect())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let names =
        list(args.next()).unwrap_or_else(|| DEFAULT.iter().map(|s| (*s).to_owned()).collect());
    let inputs = list(args.next());
    let runs = std::env::var("SUBTOK_ADV_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let dir = std::env::var_os("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"))
        .join("tokenizers");
    let cache = CacheState::from_env();
    let small = adversarial_inputs::all(1 << 20);
    let big = adversarial_inputs::all(4 << 20);
    println!(
        "{:<20} {:<18} {:>9} {:>9} {:>6} {:>8}   ({cache:?} caches)",
        "tokenizer", "input", "1 MiB ms", "4 MiB ms", "ratio", "ms/MiB"
    );
    for name in &names {
        let loader = Loader(std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap());
        for ((input, s), (_, b)) in small.iter().zip(&big) {
            if inputs
                .as_ref()
                .is_some_and(|l| !l.iter().any(|i| i == input))
            {
                continue;
            }
            let (t1, t4) = best_encode_times(runs, &loader, s, b, cache);
            let (t1, t4) = (t1.as_secs_f64() * 1e3, t4.as_secs_f64() * 1e3);
            let ratio = t4 / t1.max(1e-9);
            let flag = if ratio > 4.5 { " >4.5" } else { "" };
            println!(
                "{name:<20} {input:<18} {t1:>9.1} {t4:>9.1} {ratio:>6.2} {:>8.1}{flag}",
                t4 / 4.0
            );
        }
    }
}
