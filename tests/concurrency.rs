//! One tokenizer shared by many threads: results equal the sequential ones, with no
//! deadlock whether batches run from plain threads, from inside a rayon pool, or nested.

use std::sync::Arc;
use subtok::{Encoding, Tokenizer};

const DEFAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/subtok-default.json");

const fn assert_send_sync<T: Send + Sync>() {}
const _: () = assert_send_sync::<Tokenizer>();
const _: () = assert_send_sync::<Encoding>();

fn inputs(seed: usize) -> Vec<String> {
    (0..200)
        .map(|i| {
            format!(
                "thread input {seed}-{i}: Ünïcödé {} «quoted» {}",
                "word ".repeat(i % 17),
                i * seed
            )
        })
        .collect()
}

fn sequential(tok: &Tokenizer, inputs: &[String]) -> Vec<Encoding> {
    inputs
        .iter()
        .map(|s| tok.encode(s.as_str(), true).unwrap())
        .collect()
}

#[test]
fn eight_threads_share_one_tokenizer() {
    let tok = Arc::new(Tokenizer::from_file(DEFAULT).unwrap());
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let tok = Arc::clone(&tok);
            std::thread::spawn(move || {
                let ins = inputs(t);
                let got: Vec<Encoding> = ins
                    .iter()
                    .map(|s| tok.encode(s.as_str(), true).unwrap())
                    .collect();
                let batch = tok.encode_batch(ins.clone(), true).unwrap();
                (ins, got, batch)
            })
        })
        .collect();
    for h in handles {
        let (ins, got, batch) = h.join().unwrap();
        let want = sequential(&tok, &ins);
        assert_eq!(got, want);
        assert_eq!(batch, want);
    }
}

#[test]
fn batches_inside_a_pool_and_nested() {
    let tok = Tokenizer::from_file(DEFAULT).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();
    let outer: Vec<Vec<String>> = (0..6).map(inputs).collect();
    let results: Vec<Vec<Encoding>> = pool.install(|| {
        use rayon::prelude::*;
        outer
            .par_iter()
            .map(|ins| tok.encode_batch(ins.clone(), true).unwrap())
            .collect()
    });
    for (ins, got) in outer.iter().zip(&results) {
        assert_eq!(got, &sequential(&tok, ins));
    }
    let decoded = pool.install(|| {
        let ids: Vec<&[u32]> = results[0].iter().map(|e| e.get_ids()).collect();
        tok.decode_batch(&ids, false).unwrap()
    });
    for (e, d) in results[0].iter().zip(decoded) {
        assert_eq!(d, tok.decode(e.get_ids(), false).unwrap());
    }
}
