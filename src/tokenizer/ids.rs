//! The ids-only encoding path of [`Tokenizer`] and its per-thread piece cache.
//!
//! Algorithm (same results as `encode(..).get_ids()`, checked on every golden case and a
//! sample corpus by `tests/fast_path.rs`):
//! 1. added tokens matched in the raw input split the text (aho-corasick on `&str`);
//! 2. each remaining segment is normalized as a plain string
//!    ([`crate::normalizers::NormalizerWrapper::normalize_str`], borrowed when unchanged),
//!    then added tokens matched in normalized text split it again;
//! 3. the pre-tokenizer runs as a string-only plan ([`StrPlan`]) that yields piece slices;
//! 4. each piece's ids come from a per-thread cache, or from the model on a miss
//!    (byte-level pieces are mapped to the byte alphabet only then);
//! 5. the post-processor's special ids are put around the result.
//!
//! Configurations the plan does not cover (truncation, padding, pairs, pre-tokenized
//! input, position-dependent pre-tokenizers, post-processors that are not a plain wrap) go
//! through the full `encode`.
//!
//! The cache: a thread-local list of a few caches, one per tokenizer instance (identified
//! by a number given at load; clones share it, which is sound because the normalizer,
//! pre-tokenizer and model of a tokenizer never change after load). No lock is shared
//! between threads. Each cache maps a piece to its ids, is bounded in entries and piece
//! length, and is emptied when full. Measured reason: English prose repeats a small set of
//! words, so over 95% of pieces hit and skip the model entirely (BPE merges, WordPiece and
//! Unigram lattices), which gave the largest single speed-up of the ids path.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::Tokenizer;
use crate::models::hash::FastMap;
use crate::pre_tokenizers::fast::StrPlan;
use crate::utils::byte_level::BYTE_TO_CHAR;
use crate::Result;

/// Most tokenizers whose caches one thread keeps (least recently used dropped first).
const MAX_CACHES_PER_THREAD: usize = 8;
/// Most pieces one cache holds before it is emptied.
const MAX_ENTRIES: usize = 1 << 16;
/// Longest piece (bytes) that is cached; longer ones are rare and seldom repeat.
const MAX_PIECE_BYTES: usize = 256;

/// A fresh tokenizer instance number.
pub(super) fn next_cache_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One tokenizer's cache in one thread, with working memory.
#[derive(Default)]
struct PieceCache {
    ids: FastMap<Box<str>, Box<[u32]>>,
    /// Byte-level spelling of the current piece.
    mapped: String,
    /// Working memory of the pre-tokenizer plan.
    scratch: String,
}

thread_local! {
    static CACHES: RefCell<Vec<(u64, Box<PieceCache>)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the cache of tokenizer `id` in this thread (a temporary one if the
/// thread's caches are busy, which only a re-entrant call could cause).
fn with_cache<R>(id: u64, f: impl FnOnce(&mut PieceCache) -> R) -> R {
    CACHES.with(|caches| {
        let Ok(mut caches) = caches.try_borrow_mut() else {
            return f(&mut PieceCache::default());
        };
        let pos = match caches.iter().position(|(k, _)| *k == id) {
            Some(pos) => pos,
            None => {
                if caches.len() >= MAX_CACHES_PER_THREAD {
                    caches.pop();
                }
                caches.push((id, Box::default()));
                caches.len() - 1
            }
        };
        if pos != 0 {
            let entry = caches.remove(pos);
            caches.insert(0, entry);
        }
        f(&mut caches[0].1)
    })
}

/// The ids of a single raw text, or `None` when the fast path does not apply.
pub(super) fn encode_ids_fast(
    tok: &Tokenizer,
    text: &str,
    add_special_tokens: bool,
    out: &mut Vec<u32>,
) -> Option<Result<()>> {
    if tok.truncation.is_some() || tok.padding.is_some() {
        return None;
    }
    let plan = StrPlan::from_pre_tokenizer(tok.pre_tokenizer.as_ref())?;
    let (prefix, suffix) = match &tok.post_processor {
        Some(p) => p.single_affixes(add_special_tokens)?,
        None => (Vec::new(), Vec::new()),
    };
    out.extend_from_slice(&prefix);
    let result = with_cache(tok.cache_id, |cache| body_ids(tok, &plan, text, cache, out));
    out.extend_from_slice(&suffix);
    Some(result)
}

/// Steps 1–4 of the module docs.
fn body_ids(
    tok: &Tokenizer,
    plan: &StrPlan,
    text: &str,
    cache: &mut PieceCache,
    out: &mut Vec<u32>,
) -> Result<()> {
    let added = &tok.added_vocabulary;
    let raw_segments = if added.matches_nothing(false) {
        vec![(None, (0, text.len()))]
    } else {
        added.split_ranges(text, false)
    };
    let byte_level = plan.byte_level();
    let cacheable = tok.model.is_deterministic();
    let PieceCache {
        ids,
        mapped,
        scratch,
    } = cache;
    let ctx = PieceCtx {
        tok,
        byte_level,
        cacheable,
    };
    for (id, (a, b)) in raw_segments {
        if let Some(id) = id {
            out.push(id);
            continue;
        }
        let Some(segment) = text.get(a..b) else {
            continue;
        };
        if segment.is_empty() {
            continue;
        }
        let normalized = match &tok.normalizer {
            Some(n) => n.normalize_str(segment)?,
            None => std::borrow::Cow::Borrowed(segment),
        };
        if added.matches_nothing(true) {
            plan.for_each_piece(&normalized, scratch, &mut |p| ctx.ids(p, ids, mapped, out))?;
            continue;
        }
        for (id, (a, b)) in added.split_ranges(&normalized, true) {
            if let Some(id) = id {
                out.push(id);
            } else if let Some(piece) = normalized.get(a..b) {
                plan.for_each_piece(piece, scratch, &mut |p| ctx.ids(p, ids, mapped, out))?;
            }
        }
    }
    Ok(())
}

/// What step 4 needs to know about the tokenizer.
struct PieceCtx<'t> {
    tok: &'t Tokenizer,
    byte_level: bool,
    cacheable: bool,
}

impl PieceCtx<'_> {
    /// Appends the ids of `piece` to `out`, from the cache or the model.
    #[inline]
    fn ids(
        &self,
        piece: &str,
        cache: &mut FastMap<Box<str>, Box<[u32]>>,
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        if self.cacheable {
            if let Some(hit) = cache.get(piece) {
                out.extend_from_slice(hit);
                return Ok(());
            }
        }
        let start = out.len();
        if self.byte_level {
            mapped.clear();
            mapped.extend(piece.bytes().map(|b| BYTE_TO_CHAR[usize::from(b)]));
            self.tok.model.tokenize_ids(mapped, out)?;
        } else {
            self.tok.model.tokenize_ids(piece, out)?;
        }
        if self.cacheable && piece.len() <= MAX_PIECE_BYTES {
            if cache.len() >= MAX_ENTRIES {
                cache.clear();
            }
            cache.insert(piece.into(), out.get(start..).unwrap_or_default().into());
        }
        Ok(())
    }
}
