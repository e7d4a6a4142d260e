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
//! length, and stops growing when full. Measured reason: English prose repeats a small set of
//! words, so most pieces hit and skip the model entirely (BPE merges, WordPiece and
//! Unigram lattices), which gave the largest single speed-up of the ids path.
//!
//! Cache layout: pieces of at most 15 bytes (nearly all) are keyed by their bytes packed
//! inline in two `u64` (length in the last byte), and a single id is stored inline in the
//! value; longer ids lists live in one arena vector. Measured reason: with boxed string
//! keys and boxed values, a hit cost three dependent cache misses (bucket, key, value) and
//! lookups took half the ids-path time on gpt2; inline keys and values leave one.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::Tokenizer;
use crate::models::hash::FastMap;
use crate::pre_tokenizers::fast::StrPlan;
use crate::utils::byte_level::BYTE_TO_CHAR;
use crate::Result;

/// Most tokenizers whose caches one thread keeps (least recently used dropped first).
const MAX_CACHES_PER_THREAD: usize = 8;
/// Most pieces one cache holds; once full, new pieces are no longer added (the frequent
/// ones are almost always in by then) until [`MISSES_BEFORE_RESET`] lookups have missed,
/// which empties it so that a change of text (another language) is learnt again.
/// Measured reason: English prose has ~85k distinct whitespace-separated words in 6.8 MB;
/// a 64k cache emptied when full kept missing, and so did a 128k cache on the ~150k
/// distinct `▁`-parts of SentencePiece-style BPE (llama2 ids 8.9 MB/s, 23.5 with this rule).
const MAX_ENTRIES: usize = 1 << 17;
/// Misses of a full cache after which it is emptied.
const MISSES_BEFORE_RESET: usize = 4 * MAX_ENTRIES;
/// Longest piece (bytes) that is cached; longer ones are rare and seldom repeat.
const MAX_PIECE_BYTES: usize = 256;

/// A fresh tokenizer instance number.
pub(super) fn next_cache_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A piece of at most [`INLINE_KEY_BYTES`] bytes, packed (length in the last byte).
#[derive(Clone, Copy, PartialEq, Eq)]
struct InlineKey(u64, u64);

/// Longest piece with an [`InlineKey`].
const INLINE_KEY_BYTES: usize = 15;

impl std::hash::Hash for InlineKey {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
        state.write_u64(self.1);
    }
}

impl InlineKey {
    #[inline]
    fn new(piece: &str) -> Option<Self> {
        let bytes = piece.as_bytes();
        if bytes.len() > INLINE_KEY_BYTES {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[15] = bytes.len() as u8;
        let (lo, hi) = buf.split_at(8);
        Some(InlineKey(
            u64::from_le_bytes(lo.try_into().ok()?),
            u64::from_le_bytes(hi.try_into().ok()?),
        ))
    }
}

/// Marks a value holding one id inline (otherwise: arena start << 32 | count).
const ONE_ID: u64 = 1 << 63;

/// Piece → ids maps of one tokenizer in one thread.
#[derive(Default)]
struct IdsCache {
    short: FastMap<InlineKey, u64>,
    arena: Vec<u32>,
    long: FastMap<Box<str>, Box<[u32]>>,
    /// Insertions refused since the cache became full.
    misses_when_full: usize,
}

impl IdsCache {
    #[inline]
    fn get(&self, piece: &str, out: &mut Vec<u32>) -> bool {
        match InlineKey::new(piece) {
            Some(key) => match self.short.get(&key) {
                Some(&v) if v & ONE_ID != 0 => {
                    out.push(v as u32);
                    true
                }
                Some(&v) => {
                    let (start, len) = ((v >> 32) as usize, (v & 0xFFFF_FFFF) as usize);
                    match self.arena.get(start..start + len) {
                        Some(ids) => {
                            out.extend_from_slice(ids);
                            true
                        }
                        None => false,
                    }
                }
                None => false,
            },
            None => match self.long.get(piece) {
                Some(ids) => {
                    out.extend_from_slice(ids);
                    true
                }
                None => false,
            },
        }
    }

    fn insert(&mut self, piece: &str, ids: &[u32]) {
        if self.short.len() + self.long.len() >= MAX_ENTRIES
            || self.arena.len() > u32::MAX as usize / 2
        {
            self.misses_when_full += 1;
            if self.misses_when_full < MISSES_BEFORE_RESET {
                return;
            }
            self.misses_when_full = 0;
            self.short.clear();
            self.long.clear();
            self.arena.clear();
        }
        match InlineKey::new(piece) {
            Some(key) => {
                let value = match ids {
                    [id] => ONE_ID | u64::from(*id),
                    _ => {
                        let start = self.arena.len() as u64;
                        self.arena.extend_from_slice(ids);
                        (start << 32) | ids.len() as u64
                    }
                };
                self.short.insert(key, value);
            }
            None => {
                self.long.insert(piece.into(), ids.into());
            }
        }
    }
}

/// One tokenizer's cache in one thread, with working memory.
#[derive(Default)]
struct PieceCache {
    ids: IdsCache,
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
    /// Appends the ids of `piece` to `out`, part by part where the model cuts pieces into
    /// independent parts (SentencePiece-style BPE, whose pieces are whole documents).
    #[inline]
    fn ids(
        &self,
        piece: &str,
        cache: &mut IdsCache,
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        if !self.byte_level {
            if let Some(parts) = self.tok.model.independent_parts(piece) {
                for (_, part) in parts {
                    self.part_ids(part, cache, mapped, out)?;
                }
                return Ok(());
            }
        }
        self.part_ids(piece, cache, mapped, out)
    }

    /// Appends the ids of `piece` to `out`, from the cache or the model.
    #[inline]
    fn part_ids(
        &self,
        piece: &str,
        cache: &mut IdsCache,
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        if self.cacheable && cache.get(piece, out) {
            return Ok(());
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
            cache.insert(piece, out.get(start..).unwrap_or_default());
        }
        Ok(())
    }
}
