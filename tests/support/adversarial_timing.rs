//! Timing of `Tokenizer::encode` on one adversarial input, shared by the adversarial
//! benchmark and the `adversarial_ratio` example.
//!
//! The 4 MiB / 1 MiB ratio is timed **cold** by default: every timed call runs on a
//! freshly loaded instance, so its per-thread piece caches start empty, as for a document
//! seen once. Timed warm (every call on one instance), the ratio also measures the cache's
//! capacity rather than the algorithm: the second call on the same 1 MiB finds every piece
//! of the first in the cache, while the pieces of 4 MiB of random text outnumber what it
//! keeps. `SUBTOK_ADV_CACHE=warm` times that way.

use std::time::{Duration, Instant};
use subtok::Tokenizer;

/// Whether timed calls share one instance (and so its caches).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CacheState {
    /// A fresh instance per timed call.
    Cold,
    /// One instance for all the calls.
    Warm,
}

impl CacheState {
    /// From `SUBTOK_ADV_CACHE` (`warm` or `cold`; cold when unset).
    pub fn from_env() -> CacheState {
        match std::env::var("SUBTOK_ADV_CACHE").as_deref() {
            Ok("warm") => CacheState::Warm,
            _ => CacheState::Cold,
        }
    }
}

/// A tokenizer.json's text, loaded into as many instances as the timing needs, without
/// truncation or padding (the inputs are timed whole).
pub struct Loader(pub String);

impl Loader {
    /// A new instance.
    pub fn load(&self) -> Tokenizer {
        let mut tok: Tokenizer = self.0.parse().expect("the tokenizer loads");
        tok.with_truncation(None)
            .expect("truncation can be cleared");
        tok.with_padding(None);
        tok
    }
}

/// The shortest of `runs` timed `encode(text, false)` calls on each of `small` and `big`
/// (loading is not timed). The two sizes take turns, so that the machine's speed moving
/// during the measurement shows in both times rather than in their ratio.
pub fn best_encode_times(
    runs: usize,
    loader: &Loader,
    small: &str,
    big: &str,
    cache: CacheState,
) -> (Duration, Duration) {
    let shared = loader.load();
    let time = |text: &str| {
        let fresh;
        let tok = match cache {
            CacheState::Warm => &shared,
            CacheState::Cold => {
                fresh = loader.load();
                &fresh
            }
        };
        let start = Instant::now();
        std::hint::black_box(tok.encode(text, false).expect("the input encodes"));
        start.elapsed()
    };
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..runs.max(1) {
        best.0 = best.0.min(time(small));
        best.1 = best.1.min(time(big));
    }
    best
}
