//! Prints the comparison tables (Markdown) from criterion's JSON output and the bench's notes.
//!
//! Rows are tokenizer file × corpus × mode; columns are every library's throughput in MB/s
//! (10^6 bytes of input text per second, from the median time of criterion's samples), then
//! subtok's speed relative to `tokenizers` 0.22 and to the fastest other library of the row
//! (> 1 means subtok is faster). Loading is printed separately, in milliseconds.
//!
//! Usage: `cargo run -p subtok-bench --release --bin report [criterion-dir]`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use subtok_bench::{criterion_dir, notes_path, CORPORA, EXTRA_FILES, FILES, LIBS, REFERENCE};

const MODES: &[&str] = &[
    "1-doc-full",
    "2-doc-ids-warm",
    "2-doc-ids-cold",
    "3-batch-full",
    "3-batch-ids",
    "4-long-ids",
    "6-decode",
];

/// (file, corpus, mode, lib).
type Key = (String, String, String, String);
/// Key -> (median ns per iteration, bytes per iteration).
type Results = BTreeMap<Key, (f64, u64)>;
/// (file, corpus) -> [(mode, lib, note)].
type NotesByRow = BTreeMap<(String, String), Vec<(String, String, String)>>;

fn collect(dir: &Path, out: &mut Results) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if !p.is_dir() {
            continue;
        }
        let bench = p.join("new").join("benchmark.json");
        let est = p.join("new").join("estimates.json");
        if bench.is_file() && est.is_file() {
            if let Some((k, v)) = read_one(&bench, &est) {
                out.insert(k, v);
            }
        } else {
            collect(&p, out);
        }
    }
}

fn read_one(bench: &Path, est: &Path) -> Option<(Key, (f64, u64))> {
    let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(bench).ok()?).ok()?;
    let e: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(est).ok()?).ok()?;
    let group = b.get("group_id")?.as_str()?;
    let lib = b.get("function_id")?.as_str()?;
    let bytes = b.get("throughput")?.get("Bytes")?.as_u64()?;
    let ns = e.get("median")?.get("point_estimate")?.as_f64()?;
    let mut parts = group.splitn(3, '/');
    let (f, c, m) = (parts.next()?, parts.next()?, parts.next()?);
    Some(((f.into(), c.into(), m.into(), lib.into()), (ns, bytes)))
}

fn read_notes(dir: &Path) -> NotesByRow {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some((file, corpus)) = stem.split_once("__") else {
            continue;
        };
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let lines = text
            .lines()
            .filter_map(|l| {
                let mut it = l.splitn(3, '\t');
                Some((
                    it.next()?.to_owned(),
                    it.next()?.to_owned(),
                    it.next()?.to_owned(),
                ))
            })
            .collect();
        out.insert((file.to_owned(), corpus.to_owned()), lines);
    }
    out
}

struct Footnotes {
    list: Vec<String>,
}

impl Footnotes {
    fn mark(&mut self, text: String) -> usize {
        if let Some(i) = self.list.iter().position(|t| *t == text) {
            return i + 1;
        }
        self.list.push(text);
        self.list.len()
    }
}

/// Footnote text: row-specific findings name their row; general remarks are shared.
fn footnote(file: &str, corpus: &str, lib: &str, note: &str) -> String {
    if note.starts_with("cannot load") {
        format!("{lib} on {file}: {note}")
    } else if ["differ", "panicked", "not timed"]
        .iter()
        .any(|k| note.contains(k))
    {
        format!("{lib} on {file}/{corpus}: {note}")
    } else {
        format!("{lib}: {note}")
    }
}

fn fmt_speed(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(criterion_dir);
    let mut results = Results::new();
    collect(&dir, &mut results);
    let notes = read_notes(&notes_path().with_extension("d"));
    if results.is_empty() {
        eprintln!(
            "no criterion results under {}; run `cargo bench -p subtok-bench` first",
            dir.display()
        );
        std::process::exit(1);
    }
    let mut foot = Footnotes { list: Vec::new() };
    let empty = Vec::new();

    // Which notes apply to a (file, corpus, mode, lib) cell.
    let cell_notes = |file: &str, corpus: &str, mode: &str, lib: &str| -> Vec<String> {
        let mut v = Vec::new();
        let keys: &[(&str, &str)] = if corpus == "-" {
            &[(file, "-")]
        } else {
            &[(file, "-"), (file, corpus)]
        };
        for &key in keys {
            for (m, l, n) in notes
                .get(&(key.0.to_owned(), key.1.to_owned()))
                .unwrap_or(&empty)
            {
                let mode_ok = m == "*" || m == mode || (m == "ids" && mode != "6-decode");
                if l == lib && mode_ok {
                    v.push(n.clone());
                }
            }
        }
        v
    };

    // Notes for exactly this mode or for every mode (not the per-row id findings).
    let cell_notes_exact = |file: &str, corpus: &str, mode: &str, lib: &str| -> Vec<String> {
        cell_notes(file, corpus, mode, lib)
            .into_iter()
            .filter(|n| {
                !n.starts_with("not applicable")
                    && !n.starts_with("sizes:")
                    && (n.starts_with("cannot load")
                        || n.starts_with("not installed")
                        || n.contains("panicked")
                        || n.starts_with("not timed"))
            })
            .collect()
    };
    let peers: Vec<&str> = LIBS.iter().copied().filter(|l| *l != "subtok").collect();
    println!("### Throughput (MB/s of input text; higher is better)\n");
    let mut header = String::from("| file | corpus | mode | subtok |");
    for p in &peers {
        header.push_str(&format!(" {p} |"));
    }
    header.push_str(" subtok / tokenizers-0.22 | subtok / fastest other |");
    println!("{header}");
    println!("|{}", "---|".repeat(3 + 1 + peers.len() + 2));
    for &file in FILES.iter().chain(EXTRA_FILES) {
        for &corpus in CORPORA {
            for &mode in MODES {
                let speed = |lib: &str| {
                    results
                        .get(&(file.into(), corpus.into(), mode.into(), lib.into()))
                        .map(|&(ns, bytes)| bytes as f64 / ns * 1e3)
                };
                if LIBS.iter().all(|l| speed(l).is_none()) {
                    continue;
                }
                let mut row = format!("| {file} | {corpus} | {mode} |");
                for &lib in LIBS {
                    let ns = cell_notes(file, corpus, mode, lib);
                    let marks: Vec<String> = ns
                        .iter()
                        .filter(|n| !n.starts_with("sizes:"))
                        .filter(|n| !n.starts_with("not applicable") && speed(lib).is_some())
                        .map(|n| format!("[{}]", foot.mark(footnote(file, corpus, lib, n))))
                        .collect();
                    let not_applicable = ns.iter().any(|n| n.starts_with("not applicable"));
                    // Without a result, only notes about this mode (or all modes) explain it.
                    let why: Vec<String> = cell_notes_exact(file, corpus, mode, lib)
                        .iter()
                        .map(|n| format!("[{}]", foot.mark(footnote(file, corpus, lib, n))))
                        .collect();
                    let cell = match speed(lib) {
                        Some(v) => format!("{}{}", fmt_speed(v), marks.join("")),
                        None if not_applicable => "·".to_owned(),
                        None if !why.is_empty() => format!("–{}", why.join("")),
                        None => "n/a".to_owned(),
                    };
                    row.push_str(&format!(" {cell} |"));
                }
                let sub = speed("subtok");
                let refv = speed(REFERENCE);
                // Only peers whose ids equal the reference's on this row's documents.
                let fastest = peers
                    .iter()
                    .filter(|p| {
                        !cell_notes(file, corpus, mode, p)
                            .iter()
                            .any(|n| n.starts_with("ids differ"))
                    })
                    .filter_map(|p| speed(p).map(|v| (v, *p)))
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
                    (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x", a / b),
                    _ => "–".to_owned(),
                };
                row.push_str(&format!(" {} |", ratio(sub, refv)));
                match fastest {
                    Some((v, name)) => {
                        row.push_str(&format!(" {} ({name}) |", ratio(sub, Some(v))))
                    }
                    None => row.push_str(" – |"),
                }
                println!("{row}");
            }
        }
    }

    println!("\n### Batch on all cores / the same batch on one thread (subtok)\n");
    println!("| file | corpus | full, 1 thread | full, all cores | ratio | ids, 1 thread | ids, all cores | ratio |");
    println!("|---|---|---|---|---|---|---|---|");
    for &file in FILES {
        for &corpus in CORPORA {
            let speed = |mode: &str| {
                results
                    .get(&(file.into(), corpus.into(), mode.into(), "subtok".into()))
                    .map(|&(ns, bytes)| bytes as f64 / ns * 1e3)
            };
            let mut row = format!("| {file} | {corpus} |");
            let mut any = false;
            for kind in ["full", "ids"] {
                let one = speed(&format!("3-batch-{kind}-1thread"));
                let all = speed(&format!("3-batch-{kind}"));
                any |= one.is_some();
                let cell = |v: Option<f64>| v.map_or("–".to_owned(), fmt_speed);
                let ratio = match (all, one) {
                    (Some(a), Some(o)) if o > 0.0 => format!("{:.2}x", a / o),
                    _ => "–".to_owned(),
                };
                row.push_str(&format!(" {} | {} | {ratio} |", cell(one), cell(all)));
            }
            if any {
                println!("{row}");
            }
        }
    }

    println!("\n### The whole corpus file as one batch, all cores / one thread (subtok, paired)\n");
    println!("| file | corpus | full, 1 thread | full, all cores | ratio | ids, 1 thread | ids, all cores | ratio |");
    println!("|---|---|---|---|---|---|---|---|");
    for &file in FILES {
        for &corpus in CORPORA {
            let mut row = format!("| {file} | {corpus} |");
            let mut any = false;
            for kind in ["full", "ids"] {
                let mode = format!("3-batch-whole-{kind}");
                let note = notes
                    .get(&(file.to_owned(), corpus.to_owned()))
                    .and_then(|lines| {
                        lines
                            .iter()
                            .find(|(m, l, _)| *m == mode && l == "subtok")
                            .map(|(_, _, n)| n.clone())
                    });
                // `one <MB/s> all <MB/s> ratio <ratio> rounds <n>`
                let field = |name: &str| -> Option<f64> {
                    let words: Vec<&str> = note.as_deref()?.split_whitespace().collect();
                    let at = words.iter().position(|w| *w == name)?;
                    words.get(at + 1)?.parse().ok()
                };
                let (one, all, ratio) = (field("one"), field("all"), field("ratio"));
                any |= one.is_some();
                let cell = |v: Option<f64>| v.map_or("–".to_owned(), fmt_speed);
                let ratio = ratio.map_or("–".to_owned(), |r| format!("{r:.2}x"));
                row.push_str(&format!(" {} | {} | {ratio} |", cell(one), cell(all)));
            }
            if any {
                println!("{row}");
            }
        }
    }

    println!("\n### Loading tokenizer.json (ms; lower is better)\n");
    let mut header = String::from("| file | subtok |");
    for p in &peers {
        header.push_str(&format!(" {p} |"));
    }
    header.push_str(" tokenizers-0.22 / subtok | fastest other / subtok |");
    println!("{header}");
    println!("|{}", "---|".repeat(1 + 1 + peers.len() + 2));
    for &file in FILES {
        let ms = |lib: &str| {
            results
                .get(&(file.into(), "-".into(), "5-load".into(), lib.into()))
                .map(|&(ns, _)| ns / 1e6)
        };
        if LIBS.iter().all(|l| ms(l).is_none()) {
            continue;
        }
        let mut row = format!("| {file} |");
        for &lib in LIBS {
            let ns = cell_notes(file, "-", "5-load", lib);
            let not_applicable = ns.iter().any(|n| n.starts_with("not applicable"));
            let marks: Vec<String> = ns
                .iter()
                .filter(|n| !n.starts_with("not applicable"))
                .map(|n| format!("[{}]", foot.mark(footnote(file, "-", lib, n))))
                .collect();
            let cell = match ms(lib) {
                Some(v) => format!("{v:.1}{}", marks.join("")),
                None if not_applicable => "·".to_owned(),
                None if !marks.is_empty() => format!("–{}", marks.join("")),
                None => "n/a".to_owned(),
            };
            row.push_str(&format!(" {cell} |"));
        }
        let sub = ms("subtok");
        let fastest = peers
            .iter()
            .filter_map(|p| ms(p).map(|v| (v, *p)))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x", a / b),
            _ => "–".to_owned(),
        };
        row.push_str(&format!(" {} |", ratio(ms(REFERENCE), sub)));
        match fastest {
            Some((v, name)) => row.push_str(&format!(" {} ({name}) |", ratio(Some(v), sub))),
            None => row.push_str(" – |"),
        }
        println!("{row}");
    }

    // The subsets depend on the corpus only: print them once per corpus.
    let mut sizes: BTreeMap<String, String> = BTreeMap::new();
    for ((_, c), v) in &notes {
        for (_, _, n) in v {
            if let Some(s) = n.strip_prefix("sizes: ") {
                sizes.insert(c.clone(), format!("- {c}: {s}"));
            }
        }
    }
    let sizes: Vec<String> = sizes.into_values().collect();
    if !sizes.is_empty() {
        println!("\n### Inputs per iteration\n");
        for s in sizes {
            println!("{s}");
        }
    }
    if !foot.list.is_empty() {
        println!("\n### Notes\n");
        for (i, n) in foot.list.iter().enumerate() {
            println!("{}. {n}", i + 1);
        }
    }
    println!(
        "\n`n/a`: the library has no API for that mode; `·`: the library only ships OpenAI's \
         cl100k tables; `–`: see the note. MB = 10^6 bytes."
    );
}
