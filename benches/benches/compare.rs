//! Comparative throughput benchmark of subtok against other tokenizer libraries.
//!
//! Groups are named `<file>/<corpus>/<mode>` and hold one benchmark per library, all with
//! `Throughput::Bytes` of the input text (of the tokenizer.json for loading). Modes:
//!
//! Inputs per (file, corpus): a *pool* of documents picked at an even stride over the corpus
//! (default 256 KiB); a per-document *sample* picked the same way from the pool (default 64 KiB).
//!
//! - `1-doc-full`: one thread, document by document over the sample, full `Encoding` (ids,
//!   tokens, offsets); only libraries that produce one, and the ids path of `tokenizers`
//!   1.0-rc (which has no full encoding) as the yardstick of subtok's full encodings, timed
//!   in the same group so that each run gives their ratio from one phase of the machine.
//! - `2-doc-ids-warm`: one thread, ids only, the same sample every iteration, so word/piece
//!   caches are warm (criterion's warm-up fills them).
//! - `2-doc-ids-cold`: one thread, ids only, every document seen once by the instance: a worker
//!   thread owning its own instance walks the whole corpus in a fixed shuffled order, 64 KiB of
//!   documents per iteration (timings scaled to exactly 64 KiB). When it has seen every document
//!   it is replaced by a new thread with a newly loaded instance (untimed). Caches thus hold only
//!   what other documents put there, as in a server that never sees the same text twice.
//! - `3-batch-full` / `3-batch-ids`: the whole pool as one batch, on all cores.
//! - `3-batch-full-1thread` / `3-batch-ids-1thread`: subtok only, the same batch calls inside
//!   a one-thread rayon pool; `report` prints the two-thread / one-thread ratio.
//! - whole-file scaling (not a criterion group): subtok only, the whole corpus file as one
//!   batch, ids and full encodings, on a one-thread pool and on all cores in alternation
//!   (after three untimed calls of each), `SUBTOK_BENCH_SCALING_ROUNDS` (7) rounds; the notes
//!   get the median speeds and the median of the rounds' all-cores / one-thread ratios. A batch of the 256 KiB pool lasts about a
//!   millisecond on two cores, so waking the pool's threads and the last documents'
//!   imbalance weigh in its ratio; a batch of the whole file (4–7 MB) measures the
//!   throughput of the batch on all cores, as a corpus job sees it. The warm-up calls matter
//!   because each thread's cache learns only the words of the documents it is handed, and
//!   rayon hands them out differently each call: on 7 MB of English, gpt2, two threads call
//!   the model 96,000 times before both caches hold every word, one thread 48,000 times.
//!   subtok's ids of the whole file are checked against the reference's first.
//! - `4-long-ids`: one call on one long document (the pool joined with blank lines), ids only.
//!   Some libraries split long inputs across threads internally; that is their behaviour.
//! - `5-load`: building the tokenizer from the tokenizer.json bytes (per file; by default only
//!   for gpt2 and bert-base-uncased, as loading is slow on a small machine).
//! - `6-decode`: decoding the reference ids of each sampled document back to text.
//!
//! Before timing, subtok's ids are checked against `tokenizers` 0.22 on every document of the
//! pool (per-document, batch and full-encoding entry points) and on the long document, its
//! decoded text on the sample, and after the cold mode on every document it encoded there; any
//! difference aborts the run. Peers are checked on the pool and the long document, and only
//! reported: mismatch counts go to the notes read by `report`.
//!
//! Environment: `SUBTOK_BENCH_FILES` (a comma list of the seven files and
//! [`subtok_bench::EXTRA_FILES`], or `extra` for the latter), `SUBTOK_BENCH_CORPORA`,
//! `SUBTOK_BENCH_LIBS`, `SUBTOK_BENCH_LOAD_FILES` (comma lists; `all` for every one of the
//! seven files), `SUBTOK_BENCH_POOL_BYTES`
//! (256K), `SUBTOK_BENCH_DOC_BYTES` (64K), `SUBTOK_BENCH_WARMUP_MS` (50),
//! `SUBTOK_BENCH_MEASURE_MS` (150), `SUBTOK_BENCH_SCALING_ROUNDS` (7).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{black_box, BenchmarkGroup, Criterion, SamplingMode, Throughput};
use rayon::prelude::*;
use subtok_bench::*;

/// A peer whose single call on the long document predicts more than this for the whole
/// benchmark (11 calls) is reported with its one-call speed instead of being timed.
const LONG_LIMIT_SECS: f64 = 20.0;

/// Bytes of documents per cold iteration.
const COLD_CHUNK: usize = 64 << 10;

/// The library whose ids path is timed in the `1-doc-full` group: the speed target asks
/// subtok's full encodings to beat the reference's own ids-only 1.0-rc.
const RC_IDS_YARDSTICK: &str = "tokenizers-1.0rc3";

struct Notes {
    /// (file, corpus) -> lines `mode \t lib \t note`.
    by_row: BTreeMap<(String, String), Vec<String>>,
}

impl Notes {
    fn add(&mut self, file: &str, corpus: &str, mode: &str, lib: &str, note: &str) {
        eprintln!("note: {file}/{corpus}/{mode} {lib}: {note}");
        self.by_row
            .entry((file.to_owned(), corpus.to_owned()))
            .or_default()
            .push(format!(
                "{mode}\t{lib}\t{}",
                note.replace(['\t', '\n'], " ")
            ));
    }

    /// Writes one notes file per (file, corpus) touched by this run, replacing older ones.
    fn write(&self) {
        let dir = notes_dir();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("cannot create {}: {e}", dir.display());
            return;
        }
        for ((file, corpus), lines) in &self.by_row {
            let p = dir.join(format!("{file}__{corpus}.tsv"));
            let mut text = lines.join("\n");
            text.push('\n');
            if let Err(e) = std::fs::write(&p, text) {
                eprintln!("cannot write {}: {e}", p.display());
            }
        }
    }

    /// Marks a row as run (so a stale notes file is replaced even when there is nothing to say).
    fn touch(&mut self, file: &str, corpus: &str) {
        self.by_row
            .entry((file.to_owned(), corpus.to_owned()))
            .or_default();
    }
}

fn notes_dir() -> PathBuf {
    notes_path().with_extension("d")
}

fn first_diff(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Asserts subtok == reference on every document, with a precise message.
fn assert_same(what: &str, file: &str, corpus: &str, got: &[Vec<u32>], want: &[Vec<u32>]) {
    assert_eq!(
        got.len(),
        want.len(),
        "{file}/{corpus}: {what}: batch length differs"
    );
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if g != w {
            let at = first_diff(g, w);
            panic!(
                "PARITY FAILURE {file}/{corpus} document {i}: {what} ids differ from tokenizers \
                 0.22 at token {at} (subtok {:?} vs reference {:?}; lengths {} vs {})",
                &g[at..(at + 8).min(g.len())],
                &w[at..(at + 8).min(w.len())],
                g.len(),
                w.len()
            );
        }
    }
}

/// A deterministic permutation of `0..n` (a stride co-prime with `n`), so that every iteration
/// of the cold mode mixes the corpus' sources.
fn shuffled(n: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let mut step = (n as f64 * 0.618_034) as usize | 1;
    while gcd(step, n) != 1 {
        step += 2;
    }
    (0..n).map(|i| (i * step + 7) % n).collect()
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A job for the cold worker: documents of a corpus, and whether to hand the ids back.
struct ColdJob {
    docs: Arc<Vec<String>>,
    indices: Vec<usize>,
    keep_ids: bool,
}

/// The worker thread of the cold mode: owns a freshly loaded instance, encodes what it is sent.
struct ColdWorker {
    tx: mpsc::Sender<ColdJob>,
    rx: mpsc::Receiver<(Duration, usize, Vec<Vec<u32>>)>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl ColdWorker {
    fn spawn(loader: Loader, path: PathBuf, json: Arc<Vec<u8>>) -> Self {
        let (tx, job_rx) = mpsc::channel::<ColdJob>();
        let (res_tx, rx) = mpsc::channel();
        let handle = std::thread::spawn(move || {
            let engine = match load(loader, &path, &json) {
                Ok(e) => e,
                Err(e) => panic!("cold worker could not load {}: {e}", path.display()),
            };
            for job in job_rx {
                let mut bytes = 0;
                let mut out = Vec::with_capacity(job.indices.len());
                let start = Instant::now();
                for &i in &job.indices {
                    out.push(engine.ids(black_box(&job.docs[i])));
                    bytes += job.docs[i].len();
                }
                let took = start.elapsed();
                if !job.keep_ids {
                    out.clear();
                }
                if res_tx.send((took, bytes, out)).is_err() {
                    break;
                }
            }
        });
        ColdWorker {
            tx,
            rx,
            handle: Some(handle),
        }
    }

    fn run(&self, job: ColdJob) -> (Duration, usize, Vec<Vec<u32>>) {
        self.tx.send(job).expect("cold worker alive");
        self.rx.recv().expect("cold worker answered")
    }
}

impl Drop for ColdWorker {
    fn drop(&mut self) {
        let (dead_tx, _) = mpsc::channel();
        self.tx = dead_tx;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// Cold-mode state of one library for one tokenizer file: the worker and, per corpus, how far
/// it got. A worker is replaced (fresh instance, fresh thread) when it has seen every document of
/// the current corpus once; moving to the next corpus keeps it, as those documents are unseen.
struct Cold {
    worker: ColdWorker,
    cursor: usize,
}

struct Peer {
    name: &'static str,
    loader: Loader,
    engine: Box<dyn Engine>,
    cold: std::cell::RefCell<Cold>,
}

/// Untimed calls of each pool before the whole-file scaling is timed.
const WHOLE_FILE_WARM_CALLS: usize = 3;

/// The whole-file scaling of one batch mode (`kind`: `ids` or `full`; see the module docs),
/// as the note `report` reads: `one <MB/s> all <MB/s> ratio <median ratio> rounds <n>`.
fn whole_file_scaling(
    engine: &dyn Engine,
    one: &rayon::ThreadPool,
    docs: &[&str],
    kind: &str,
    rounds: usize,
) -> String {
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let call = || {
        if kind == "ids" {
            black_box(engine.batch_ids(black_box(docs)));
        } else {
            black_box(engine.batch_full(black_box(docs)));
        }
    };
    let timed = |on_one: bool| {
        let t = Instant::now();
        if on_one {
            one.install(call);
        } else {
            call();
        }
        t.elapsed().as_secs_f64()
    };
    // Untimed calls until each pool's threads have seen every document: rayon hands the
    // documents to the threads differently each call, and each thread's cache learns the
    // words it is handed (see the module docs).
    for _ in 0..WHOLE_FILE_WARM_CALLS {
        timed(true);
        timed(false);
    }
    let (mut ones, mut alls, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (a, b) = (timed(true), timed(false));
        ones.push(a);
        alls.push(b);
        ratios.push(a / b);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let speed = |secs: f64| bytes as f64 / secs / 1e6;
    format!(
        "one {:.1} all {:.1} ratio {:.3} rounds {rounds}",
        speed(median(&mut ones)),
        speed(median(&mut alls)),
        median(&mut ratios)
    )
}

fn group<'a>(
    c: &'a mut Criterion,
    file: &str,
    corpus: &str,
    mode: &str,
    bytes: usize,
) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(format!("{file}/{corpus}/{mode}"));
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Bytes(bytes as u64));
    g
}

fn main() {
    let measure = Duration::from_millis(env_bytes("SUBTOK_BENCH_MEASURE_MS", 150) as u64);
    let warm_up = Duration::from_millis(env_bytes("SUBTOK_BENCH_WARMUP_MS", 50) as u64);
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(warm_up)
        .measurement_time(measure)
        .without_plots()
        .configure_from_args();
    let files = file_selection();
    let corpora = env_selection("SUBTOK_BENCH_CORPORA", CORPORA);
    let libs = env_selection("SUBTOK_BENCH_LIBS", LIBS);
    let doc_bytes = env_bytes("SUBTOK_BENCH_DOC_BYTES", 64 << 10);
    let pool_bytes = env_bytes("SUBTOK_BENCH_POOL_BYTES", 256 << 10);
    let load_files = match std::env::var("SUBTOK_BENCH_LOAD_FILES") {
        Ok(v) if v.trim() == "all" => FILES.to_vec(),
        Ok(_) => env_selection("SUBTOK_BENCH_LOAD_FILES", FILES),
        Err(_) => vec!["gpt2", "bert-base-uncased"],
    };
    let started = Instant::now();
    let mut notes = Notes {
        by_row: BTreeMap::new(),
    };

    let corpus_docs: Vec<(&str, Arc<Vec<String>>)> = corpora
        .iter()
        .map(|&n| (n, Arc::new(read_corpus(n))))
        .collect();

    for &file in &files {
        let path = tokenizer_path(file);
        let json = Arc::new(
            std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
        );
        notes.touch(file, "-");
        let reference = subtok_bench::engines::tok22(&path, &json)
            .unwrap_or_else(|e| panic!("reference cannot load {file}: {e}"));
        let subtok_tok = subtok::Tokenizer::from_bytes(&json)
            .unwrap_or_else(|e| panic!("subtok cannot load {file}: {e}"));

        // Load every library once; record the ones that cannot load this file.
        let mut peers: Vec<Peer> = Vec::new();
        for (name, loader) in loaders(file) {
            if !libs.contains(&name) {
                continue;
            }
            let loader = match loader {
                Ok(l) => l,
                Err(why) => {
                    notes.add(file, "-", "*", name, why);
                    continue;
                }
            };
            let t = Instant::now();
            match load(loader, &path, &json) {
                Ok(engine) => {
                    eprintln!(
                        "{file}: {name} loaded in {:.0} ms",
                        t.elapsed().as_secs_f64() * 1e3
                    );
                    let worker = ColdWorker::spawn(loader, path.clone(), json.clone());
                    let cold = std::cell::RefCell::new(Cold { worker, cursor: 0 });
                    peers.push(Peer {
                        name,
                        loader,
                        engine,
                        cold,
                    })
                }
                Err(e) => notes.add(file, "-", "*", name, &format!("cannot load: {}", short(&e))),
            }
        }

        if load_files.contains(&file) {
            let mut g = group(&mut c, file, "-", "5-load", json.len());
            for p in &peers {
                if p.name == "bpe-openai" {
                    notes.add(
                        file,
                        "-",
                        "5-load",
                        p.name,
                        "static tables, built once per process",
                    );
                    continue;
                }
                let (loader, path, json) = (p.loader, &path, &json);
                g.bench_function(p.name, |b| {
                    b.iter_with_large_drop(|| load(loader, path, json).map(|_| ()))
                });
            }
            g.finish();
        }

        for (corpus, docs) in &corpus_docs {
            let corpus = *corpus;
            notes.touch(file, corpus);
            run_corpus(
                &mut c,
                &mut notes,
                file,
                corpus,
                docs,
                &path,
                &json,
                reference.as_ref(),
                &subtok_tok,
                &peers,
                (doc_bytes, pool_bytes),
            );
            notes.write();
        }
    }
    notes.write();
    c.final_summary();
    eprintln!(
        "benchmark finished in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

#[allow(clippy::too_many_arguments)]
fn run_corpus(
    c: &mut Criterion,
    notes: &mut Notes,
    file: &str,
    corpus: &str,
    docs: &Arc<Vec<String>>,
    path: &Path,
    json: &Arc<Vec<u8>>,
    reference: &dyn Engine,
    subtok_tok: &subtok::Tokenizer,
    peers: &[Peer],
    (doc_bytes, pool_bytes): (usize, usize),
) {
    let t0 = Instant::now();
    let all: Vec<&str> = docs.iter().map(String::as_str).collect();
    // The pool: documents picked at an even stride; it is the batch, its documents joined are
    // the long document, and the per-document sample is picked from it the same way.
    let pool_idx = strided_sample(docs, pool_bytes);
    let pool_docs: Vec<String> = pool_idx.iter().map(|&i| docs[i].clone()).collect();
    let batch: Vec<&str> = pool_idx.iter().map(|&i| all[i]).collect();
    let sample: Vec<&str> = strided_sample(&pool_docs, doc_bytes)
        .into_iter()
        .map(|i| batch[i])
        .collect();
    let long: String = batch.join("\n\n");
    let sample_bytes: usize = sample.iter().map(|d| d.len()).sum();
    let batch_total: usize = batch.iter().map(|d| d.len()).sum();
    let total: usize = all.iter().map(|d| d.len()).sum();
    notes.add(
        file,
        corpus,
        "*",
        "*",
        &format!(
            "sizes: doc sample {} docs {} B; batch {} docs {} B; long {} B; corpus {} docs {} B",
            sample.len(),
            sample_bytes,
            batch.len(),
            batch_total,
            long.len(),
            all.len(),
            total
        ),
    );

    // Parity of subtok against the reference on the whole corpus, through every entry point.
    let want = reference.batch_ids(&batch);
    let per_doc: Vec<Vec<u32>> = batch
        .par_iter()
        .map(|d| subtok_ids(subtok_tok, d))
        .collect();
    assert_same("per-document ids", file, corpus, &per_doc, &want);
    assert_same(
        "batch ids",
        file,
        corpus,
        &subtok_batch_ids(subtok_tok, &batch),
        &want,
    );
    let full: Vec<Vec<u32>> = subtok_tok
        .encode_batch(batch.clone(), false)
        .unwrap_or_else(|e| panic!("subtok batch encode failed: {e}"))
        .iter()
        .map(|e| e.get_ids().to_vec())
        .collect();
    assert_same("full encoding", file, corpus, &full, &want);
    let long_want = reference.ids(&long);
    assert_same(
        "long document",
        file,
        corpus,
        &[subtok_ids(subtok_tok, &long)],
        std::slice::from_ref(&long_want),
    );
    let want_by_doc: std::collections::HashMap<*const u8, &Vec<u32>> = batch
        .iter()
        .zip(&want)
        .map(|(d, w)| (d.as_ptr(), w))
        .collect();
    let sample_ids: Vec<Vec<u32>> = sample
        .iter()
        .map(|d| want_by_doc[&d.as_ptr()].clone())
        .collect();
    let sample_text: Vec<String> = sample_ids
        .iter()
        .map(|ids| reference.decode(ids).expect("reference decodes"))
        .collect();
    for (i, ids) in sample_ids.iter().enumerate() {
        let got = subtok_tok.decode(ids, false).expect("subtok decodes");
        assert_eq!(
            got, sample_text[i],
            "PARITY FAILURE {file}/{corpus}: decode of sample {i}"
        );
    }

    // Peers: check once, keep those that work; mismatches are reported, not fatal.
    let mut usable: Vec<&Peer> = Vec::new();
    let mut too_slow_long: Vec<&str> = Vec::new();
    for p in peers {
        if p.name == "subtok" || p.name == REFERENCE {
            usable.push(p);
            continue;
        }
        let Some(got) = guarded(|| p.engine.batch_ids(&batch)) else {
            notes.add(
                file,
                corpus,
                "*",
                p.name,
                "panicked while encoding the pool",
            );
            continue;
        };
        let bad = got.iter().zip(&want).filter(|(g, w)| g != w).count();
        if bad > 0 {
            notes.add(
                file,
                corpus,
                "ids",
                p.name,
                &format!("ids differ on {bad}/{} docs of the pool", batch.len()),
            );
        }
        let t = Instant::now();
        let long_ids = guarded(|| p.engine.ids(&long));
        let secs = t.elapsed().as_secs_f64();
        if secs * 11.0 > LONG_LIMIT_SECS {
            notes.add(
                file,
                corpus,
                "4-long-ids",
                p.name,
                &format!(
                    "not timed: one call took {secs:.1} s ({:.3} MB/s); 11 would exceed the budget",
                    long.len() as f64 / secs / 1e6
                ),
            );
            too_slow_long.push(p.name);
        }
        match long_ids {
            None => {
                notes.add(
                    file,
                    corpus,
                    "4-long-ids",
                    p.name,
                    "panicked on the long document",
                );
                too_slow_long.push(p.name);
            }
            Some(ids) if ids != long_want => notes.add(
                file,
                corpus,
                "4-long-ids",
                p.name,
                "ids differ on the long document",
            ),
            Some(_) => {}
        }
        match guarded(|| {
            sample_ids
                .iter()
                .map(|ids| p.engine.decode(ids))
                .collect::<Vec<_>>()
        }) {
            None => notes.add(file, corpus, "6-decode", p.name, "panicked while decoding"),
            Some(texts) => {
                let bad = texts
                    .iter()
                    .zip(&sample_text)
                    .filter(|(g, w)| g.as_deref() != Some(w.as_str()))
                    .count();
                if bad > 0 {
                    notes.add(
                        file,
                        corpus,
                        "6-decode",
                        p.name,
                        &format!("decoded text differs on {bad}/{} docs", sample.len()),
                    );
                }
            }
        }
        usable.push(p);
    }
    eprintln!(
        "{file}/{corpus}: checks done in {:.1} s",
        t0.elapsed().as_secs_f64()
    );

    // 1: per document, full Encoding; and the 1.0-rc's ids path, the target's yardstick.
    let mut g = group(c, file, corpus, "1-doc-full", sample_bytes);
    for p in &usable {
        let yardstick = p.name == RC_IDS_YARDSTICK;
        if p.engine.full("").is_none() && !yardstick {
            continue;
        }
        if yardstick {
            notes.add(
                file,
                corpus,
                "1-doc-full",
                p.name,
                "its ids path (it has no full encoding), timed in this group as the yardstick \
                 of subtok's full encodings",
            );
        }
        g.bench_function(p.name, |b| {
            b.iter(|| {
                for d in &sample {
                    if yardstick {
                        black_box(p.engine.ids(black_box(d)));
                    } else {
                        black_box(p.engine.full(black_box(d)));
                    }
                }
            })
        });
    }
    g.finish();

    // 2: per document, ids only, warm.
    let mut g = group(c, file, corpus, "2-doc-ids-warm", sample_bytes);
    for p in &usable {
        g.bench_function(p.name, |b| {
            b.iter(|| {
                for d in &sample {
                    black_box(p.engine.ids(black_box(d)));
                }
            })
        });
    }
    g.finish();

    // 2: per document, ids only, cold (see the module doc).
    let order = shuffled(docs.len());
    let mut g = group(c, file, corpus, "2-doc-ids-cold", COLD_CHUNK);
    let mut timed: Vec<(usize, Vec<u32>)> = Vec::new();
    for p in &usable {
        let mut cold = p.cold.borrow_mut();
        cold.cursor = 0;
        let keep_ids = p.name == "subtok";
        g.bench_function(p.name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    if cold.cursor >= order.len() {
                        cold.worker = ColdWorker::spawn(p.loader, path.to_path_buf(), json.clone());
                        cold.cursor = 0;
                    }
                    let mut indices = Vec::new();
                    let mut bytes = 0;
                    while cold.cursor < order.len() && bytes < COLD_CHUNK {
                        bytes += docs[order[cold.cursor]].len();
                        indices.push(order[cold.cursor]);
                        cold.cursor += 1;
                    }
                    let job = ColdJob {
                        docs: docs.clone(),
                        indices: indices.clone(),
                        keep_ids,
                    };
                    let (took, bytes, ids) = cold.worker.run(job);
                    if keep_ids && timed.len() < docs.len() {
                        timed.extend(indices.into_iter().zip(ids));
                    }
                    total += normalize(took, bytes, COLD_CHUNK);
                }
                total
            })
        });
    }
    g.finish();
    // Every document subtok encoded in the cold mode, checked against the reference.
    timed.sort_by_key(|t| t.0);
    timed.dedup_by_key(|t| t.0);
    let texts: Vec<&str> = timed.iter().map(|t| all[t.0]).collect();
    let got: Vec<Vec<u32>> = timed.into_iter().map(|t| t.1).collect();
    assert_same(
        "cold-mode ids",
        file,
        corpus,
        &got,
        &reference.batch_ids(&texts),
    );

    // 3: the batch on all cores.
    let mut g = group(c, file, corpus, "3-batch-full", batch_total);
    for p in &usable {
        if p.engine.batch_full(&[]).is_none() {
            continue;
        }
        g.bench_function(p.name, |b| {
            b.iter(|| black_box(p.engine.batch_full(black_box(&batch))))
        });
    }
    g.finish();
    let mut g = group(c, file, corpus, "3-batch-ids", batch_total);
    for p in &usable {
        if p.engine.batch_kind() != "native" {
            notes.add(file, corpus, "3-batch-ids", p.name, p.engine.batch_kind());
        }
        g.bench_function(p.name, |b| {
            b.iter(|| black_box(p.engine.batch_ids(black_box(&batch))))
        });
    }
    g.finish();

    // 3 on one thread: subtok's batch calls inside a one-thread pool, for the scaling ratio
    // of the batch modes (the same pool, the same calls, one core).
    if let Some(p) = usable.iter().find(|p| p.name == "subtok") {
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool");
        let mut g = group(c, file, corpus, "3-batch-full-1thread", batch_total);
        g.bench_function(p.name, |b| {
            b.iter(|| one.install(|| black_box(p.engine.batch_full(black_box(&batch)))))
        });
        g.finish();
        let mut g = group(c, file, corpus, "3-batch-ids-1thread", batch_total);
        g.bench_function(p.name, |b| {
            b.iter(|| one.install(|| black_box(p.engine.batch_ids(black_box(&batch)))))
        });
        g.finish();

        assert_same(
            "whole-file batch ids",
            file,
            corpus,
            &p.engine.batch_ids(&all),
            &reference.batch_ids(&all),
        );
        let rounds = env_bytes("SUBTOK_BENCH_SCALING_ROUNDS", 7).max(1);
        for kind in ["ids", "full"] {
            let line = whole_file_scaling(p.engine.as_ref(), &one, &all, kind, rounds);
            notes.add(
                file,
                corpus,
                &format!("3-batch-whole-{kind}"),
                p.name,
                &line,
            );
        }
    }

    // 4: one long document.
    let mut g = group(c, file, corpus, "4-long-ids", long.len());
    for p in usable.iter().filter(|p| !too_slow_long.contains(&p.name)) {
        g.bench_function(p.name, |b| {
            b.iter(|| black_box(p.engine.ids(black_box(&long))))
        });
    }
    g.finish();

    // 6: decoding.
    let mut g = group(c, file, corpus, "6-decode", sample_bytes);
    for p in &usable {
        g.bench_function(p.name, |b| {
            b.iter(|| {
                for ids in &sample_ids {
                    black_box(p.engine.decode(black_box(ids)));
                }
            })
        });
    }
    g.finish();
}
