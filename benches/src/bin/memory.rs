//! Heap memory of a loaded tokenizer, per file and library (Markdown table).
//!
//! A global allocator counts the bytes live on the heap. For every file and every library
//! that loads it, in a thread of its own (so that per-thread caches are freed with it and
//! never counted in the next row):
//!
//! - **load peak**: the most bytes live at once while building the tokenizer from the
//!   tokenizer.json bytes (the bytes themselves are read before and not counted);
//! - **loaded**: the bytes the built tokenizer holds;
//! - **after encoding**: the bytes it holds once it has encoded a strided 1 MiB sample of the
//!   English corpus document by document, ids only (caches filled; the ids are dropped).
//!
//! Usage: `cargo run -p subtok-bench --release --bin memory`; `SUBTOK_BENCH_FILES` selects
//! files (comma-separated), `SUBTOK_BENCH_MEMORY_SAMPLE` the sample size (default `1M`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use subtok_bench::{
    env_bytes, env_selection, load, loaders, read_corpus, short, strided_sample, tokenizer_path,
    FILES,
};

/// The system allocator, counting the bytes live and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn added(size: usize) {
    let now = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn removed(size: usize) {
    LIVE.fetch_sub(size, Ordering::Relaxed);
}

// SAFETY: every call is passed to the system allocator unchanged; the counters only
// observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            added(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            added(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        removed(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            removed(layout.size());
            added(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes (signed: a library may free what it held before the row started).
fn mib(bytes: isize) -> String {
    format!("{:.1}", bytes as f64 / (1 << 20) as f64)
}

struct Row {
    peak: isize,
    loaded: isize,
    after: isize,
}

fn main() {
    let files = env_selection("SUBTOK_BENCH_FILES", FILES);
    let budget = env_bytes("SUBTOK_BENCH_MEMORY_SAMPLE", 1 << 20);
    let english = read_corpus("english");
    let sample: Vec<&str> = strided_sample(&english, budget)
        .into_iter()
        .filter_map(|i| english.get(i).map(String::as_str))
        .collect();
    let sample_bytes: usize = sample.iter().map(|d| d.len()).sum();
    println!(
        "Heap MiB per loaded tokenizer: the peak while loading, what the loaded instance \
         holds, and what it holds after encoding {} documents ({:.2} MB) of English, ids only.\n",
        sample.len(),
        sample_bytes as f64 / 1e6
    );
    println!("| file | library | load peak | loaded | after encoding | loaded × tokenizers 0.22 |");
    println!("|---|---|---:|---:|---:|---:|");
    for file in files {
        let path = tokenizer_path(file);
        let json =
            std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut rows: Vec<(&str, Result<Row, String>)> = Vec::new();
        for (name, loader) in loaders(file) {
            let Ok(loader) = loader else {
                continue;
            };
            let result = std::thread::scope(|s| {
                s.spawn(|| {
                    let base = LIVE.load(Ordering::Relaxed) as isize;
                    PEAK.store(base as usize, Ordering::Relaxed);
                    let engine = load(loader, &path, &json)?;
                    let peak = PEAK.load(Ordering::Relaxed) as isize - base;
                    let loaded = LIVE.load(Ordering::Relaxed) as isize - base;
                    for doc in &sample {
                        drop(std::hint::black_box(engine.ids(doc)));
                    }
                    let after = LIVE.load(Ordering::Relaxed) as isize - base;
                    drop(engine);
                    Ok(Row {
                        peak,
                        loaded,
                        after,
                    })
                })
                .join()
                .unwrap_or_else(|_| Err("panicked".to_owned()))
            });
            rows.push((name, result));
        }
        let reference = rows.iter().find_map(|(name, r)| match r {
            Ok(row) if *name == "tokenizers-0.22" => Some(row.loaded),
            _ => None,
        });
        for (name, result) in rows {
            match result {
                Ok(row) => {
                    let ratio = reference
                        .filter(|&r| r > 0 && row.loaded > 0)
                        .map_or("-".to_owned(), |r| {
                            format!("{:.2}", row.loaded as f64 / r as f64)
                        });
                    println!(
                        "| {file} | {name} | {} | {} | {} | {ratio} |",
                        mib(row.peak),
                        mib(row.loaded),
                        mib(row.after)
                    );
                }
                Err(e) => println!("| {file} | {name} | cannot load: {} | | | |", short(&e)),
            }
        }
    }
}
