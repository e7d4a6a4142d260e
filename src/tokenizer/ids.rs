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
//! Two shortcuts of steps 3–4: a plan that is one GPT-2 or cl100k-family scan over
//! byte-level pieces runs the scan's quick step, which hands over common pieces already
//! packed as cache keys ([`crate::pre_tokenizers::scan::QuickScan`]); a Metaspace piece
//! that gets the `▁` prefix is looked up by its own text with [`PREFIXED`] set in the key,
//! and the prefixed text is built only on a miss. And a segment of a Llama-style tokenizer
//! skips steps 2–3: the model's parts are found in the original text and looked up by their
//! own text (`super::marker`, [`marker_ids`]).
//!
//! A tokenizer with truncation keeps the model's ids that the full path keeps of a single
//! sequence (a prefix or a suffix of them) before step 5, and one with padding pads after
//! it (a batch as a whole, to its longest text or the fixed length); where the full path
//! would fail (a stride too large for the budget, `OnlySecond`, a padded length past the
//! limit), the full path runs and reports it. Measured reason: albert-base-v2's and
//! all-MiniLM-L6-v2's files set truncation (and padding), which sent every text through the
//! full `encode` (albert English, warm, one thread: 16 → 47 MB/s).
//!
//! Configurations the plan does not cover (pairs, pre-tokenized input,
//! position-dependent pre-tokenizers, post-processors that are not a plain wrap) go
//! through the full `encode`.
//!
//! The cache: a thread-local list of a few caches (`super::thread_cache`), one per
//! tokenizer instance (identified by a number given at load; clones share it, which is
//! sound because the normalizer, pre-tokenizer and model of a tokenizer never change
//! after load). No lock is shared between threads. Each cache maps a piece to its ids, is
//! bounded in entries and piece length, and keeps two generations: when the current one is
//! full it becomes the previous one, and pieces found there are copied forward
//! ([`IdsCache`]). Measured reason: English prose repeats a small set of
//! words, so most pieces hit and skip the model entirely (BPE merges, WordPiece and
//! Unigram lattices), which gave the largest single speed-up of the ids path.
//!
//! Cache layout: pieces of at most 15 bytes (nearly all) are keyed by their bytes packed
//! inline in two `u64` (length in the last byte), and up to three ids are stored inline in
//! the value; longer ids lists live in one arena vector. Measured reason: with boxed string
//! keys and boxed values, a hit cost three dependent cache misses (bucket, key, value) and
//! lookups took half the ids-path time on gpt2; inline keys and values leave one.
//!
//! Short pieces are looked up in a direct-mapped 1 MiB front table, then in an
//! open-addressing back table (linear probing, a key and its ids in one 32-byte slot); a
//! back hit is copied to the front. Keys are packed with overlapping word loads (no
//! byte-wise copy) and hashed with one folded multiply. Measured reason: with a single
//! hashbrown map (control bytes and slots in separate lines, 6 MB for the whole English
//! vocabulary) lookups waited on memory; ~90% of English pieces now hit the front table:
//! gpt2 ids 58 → 85-90 MB/s.
//!
//! Byte-level plans also consult a read-only seed of the vocabulary's short tokens
//! (`super::seed`), shared by the tokenizer's threads and built once a thread has sent
//! enough pieces to the model, between the front and the back table: a first-seen piece
//! that is a token is then one probe instead of a model call. Measured reason: steady
//! walks through corpora in which each document is seen once (what a corpus job does),
//! builds alternated: gpt2 English, the seed won 6 of 8 rounds (median 75 → 87 MB/s, the
//! machine's speed moving between rounds); qwen2.5 code 5 of 6 (121 → 135), and in a
//! faster phase 157 → 170.

use std::cell::RefCell;
use std::rc::Rc;

use super::marker::{for_each_part, marker_style, MarkerStyle, Parts};
use super::seed::{SeedTable, SEED_AFTER};
use super::thread_cache::{with_cache, Caches, Reusable};
use super::Tokenizer;
use crate::models::bpe::MARKER;
use crate::models::hash::FastMap;
use crate::pre_tokenizers::fast::{Cutter, PieceSink, StrPlan};
use crate::pre_tokenizers::scan::{
    BertPieces, Cl100kScan, Gpt2Scan, NonSpaceRuns, Quick, QuickScan,
};
use crate::processors::Processor;
use crate::utils::packed_key::{hash_key, pack, pack_in, INLINE_KEY_BYTES};
use crate::utils::padding::pad_ids;
use crate::utils::prefetch::prefetch;
use crate::utils::truncation::single_kept;
use crate::Result;

/// Most pieces one generation of a cache holds (see [`IdsCache`]); its back table then
/// takes up to 16 MiB, and a cache at most two of them. Measured reason: English prose has
/// ~85k distinct whitespace-separated words in 6.8 MB, and SentencePiece-style BPE ~150k
/// distinct `▁`-parts; with 131,072 pieces a generation, three passes over that English
/// corpus with llama2 ran at 34–47 MB/s (ids, one thread), with 262,144 at 64–69.
const MAX_ENTRIES: usize = 1 << 18;
/// Longest piece (bytes) that is cached. Measured reason for so long: a run of CJK or Thai
/// text without spaces is one piece of a Llama-style file, and with a limit of 256 bytes
/// those were never cached (llama2 ids of 64 KiB of the multilingual corpus, warm: 167 →
/// 557 MB/s); the cost on a miss is one copy of the piece, next to running the model on it.
const MAX_PIECE_BYTES: usize = 4096;
/// Most bytes of long pieces (above [`INLINE_KEY_BYTES`]) one generation holds, keys and
/// ids together (a piece of 4 KiB can have a thousand ids and more).
const LONG_BYTES: usize = 8 << 20;

/// Slots of the direct-mapped front table (32 bytes each: 1 MiB per tokenizer and thread,
/// zeroed when the cache is made, and handed on to the next tokenizer's cache when it
/// leaves the thread's list). Measured reason: a direct-mapped table sends a piece whose
/// slot holds another one to the back table, and with 8,192 slots about a third of the
/// distinct pieces of 64 KiB of English did. gpt2 ids warm, one thread: 370 MB/s on that
/// sample with 8,192 slots, 410 with 16,384; then with 32,768 (builds alternated) 401 → 430
/// on it and 343 → 383 on 256 KiB of English; llama3 356 → 377 and 306 → 331. Before the
/// tables were handed on, 32,768 slots made the allocator's heap grow past 4 GiB with caches
/// made and dropped for many tokenizers in turn (the fuzzing harness keeps fifty).
const FRONT_SLOTS: usize = 1 << 15;
/// Slots of the back table when it is first used.
const BACK_MIN_SLOTS: usize = 1 << 12;
/// Set in the key of a piece cached under its text without the plan's Metaspace prefix
/// (above the length byte's low four bits, which hold at most 15).
const PREFIXED: u64 = 1 << 60;
/// Marks a [`Slot::n`] whose ids live in the arena (`ids[0]` start, low bits count).
const IN_ARENA: u32 = 1 << 31;

/// One cached piece of at most [`INLINE_KEY_BYTES`] bytes: its bytes packed in `k0`/`k1`
/// (length in the top byte of `k1`, so `k1 == 0` only in an empty slot) and up to three
/// ids inline.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    k0: u64,
    k1: u64,
    ids: [u32; 3],
    n: u32,
}

/// A packed key with its hash, from a lookup that missed, for the insert that follows.
#[derive(Clone, Copy)]
struct Probe {
    k0: u64,
    k1: u64,
    hash: u64,
}

/// Piece → ids maps of one tokenizer in one thread.
///
/// Short pieces: a direct-mapped front table (the hot words stay in L2) over an
/// open-addressing back table with linear probing (one cache line per lookup); ids lists
/// longer than three live in an arena. Longer pieces: an ordinary map.
///
/// The back table, the arena and the map of long pieces form a *generation*. When the
/// current one is full ([`MAX_ENTRIES`] pieces, or [`LONG_BYTES`] of long ones), it
/// becomes the previous one (the one before is dropped) and a new one starts; a piece
/// found in the previous generation is copied into the current one. So the pieces in use
/// stay, and text that has moved on (another language, another corpus) is learnt again
/// at once, with at most two generations in memory. Measured reason: the cache used to
/// stop taking pieces once full, until 524,288 lookups had missed; after 6.8 MB of English,
/// Llama 2 on 256 KiB of multilingual text repeated ran at 15 MB/s instead of 262.
struct IdsCache {
    /// A fixed-size array, so that a masked index needs no bounds check (gpt2 English
    /// ids 2.12 → 2.05 million instructions a pass, code 2.74 → 2.65).
    front: Box<[Slot; FRONT_SLOTS]>,
    cur: Generation,
    prev: Generation,
    /// Working memory: the ids of a piece found in the previous generation.
    moved: Vec<u32>,
    /// Pieces sent to the model (counted up to [`SEED_AFTER`]).
    model_calls: usize,
}

/// The back table, arena and long pieces of one generation of an [`IdsCache`].
#[derive(Default)]
struct Generation {
    back: Vec<Slot>,
    back_len: usize,
    arena: Vec<u32>,
    long: FastMap<Box<str>, Box<[u32]>>,
    /// Bytes of the keys and ids in `long`.
    long_bytes: usize,
}

impl Generation {
    /// The back-table slot of the key `(k0, k1)` whose hash is `hash`.
    #[inline(always)]
    fn find(&self, k0: u64, k1: u64, hash: u64) -> Option<Slot> {
        let mask = self.back.len().wrapping_sub(1);
        let mut i = (hash >> 32) as usize & mask;
        while let Some(slot) = self.back.get(i) {
            if slot.k1 == 0 {
                return None;
            }
            if slot.k0 == k0 && slot.k1 == k1 {
                return Some(*slot);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The ids of a slot of this generation.
    #[inline]
    fn ids<'a>(&'a self, slot: &'a Slot) -> Option<&'a [u32]> {
        match slot.n {
            n @ 1..=3 => slot.ids.get(..n as usize),
            n => {
                let (start, len) = (slot.ids[0] as usize, (n & !IN_ARENA) as usize);
                self.arena.get(start..start + len)
            }
        }
    }

    /// Whether a piece (`long`: kept in the map of long pieces) whose key and ids take
    /// `cost` bytes does not fit.
    fn is_full(&self, long: bool, cost: usize) -> bool {
        self.back_len + self.long.len() >= MAX_ENTRIES
            || self.arena.len() > (1 << 30)
            || (long && self.long_bytes + cost > LONG_BYTES)
    }

    /// A slot for the key of `probe` and `ids` (not empty), their ids in the arena when
    /// there are more than three.
    fn slot(&mut self, probe: Probe, ids: &[u32]) -> Slot {
        let mut slot = Slot {
            k0: probe.k0,
            k1: probe.k1,
            ids: [0; 3],
            n: ids.len() as u32,
        };
        match ids {
            [a] => slot.ids[0] = *a,
            [a, b] => slot.ids[..2].copy_from_slice(&[*a, *b]),
            [a, b, c] => slot.ids = [*a, *b, *c],
            _ => {
                slot.ids[0] = self.arena.len() as u32;
                slot.n = IN_ARENA | ids.len() as u32;
                self.arena.extend_from_slice(ids);
            }
        }
        slot
    }

    /// Adds `slot` (a key not held yet, whose hash is `hash`) to the back table.
    fn put(&mut self, slot: Slot, hash: u64) {
        if (self.back_len + 1) * 2 > self.back.len() {
            self.grow();
        }
        let mask = self.back.len() - 1;
        let mut i = (hash >> 32) as usize & mask;
        while let Some(s) = self.back.get_mut(i) {
            if s.k1 == 0 {
                *s = slot;
                self.back_len += 1;
                break;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the back table, re-placing every entry.
    fn grow(&mut self) {
        let size = (self.back.len() * 2).max(BACK_MIN_SLOTS);
        let old = std::mem::replace(&mut self.back, vec![Slot::default(); size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|s| s.k1 != 0) {
            let mut i = (hash_key(slot.k0, slot.k1) >> 32) as usize & mask;
            while let Some(s) = self.back.get_mut(i) {
                if s.k1 == 0 {
                    *s = slot;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Removes every piece, keeping the allocations.
    fn clear(&mut self) {
        self.back.fill(Slot::default());
        self.back_len = 0;
        self.arena.clear();
        self.long.clear();
        self.long_bytes = 0;
    }
}

impl Default for IdsCache {
    fn default() -> Self {
        IdsCache {
            front: crate::utils::boxed_array(Slot::default()),
            cur: Generation::default(),
            prev: Generation::default(),
            moved: Vec::new(),
            model_calls: 0,
        }
    }
}

impl IdsCache {
    /// Empties the cache, keeping its front table's memory.
    fn reset(&mut self) {
        self.front.fill(Slot::default());
        self.cur = Generation::default();
        self.prev = Generation::default();
        self.moved = Vec::new();
        self.model_calls = 0;
    }

    /// Appends the ids of `piece` to `out` when the front table has it (the common case,
    /// kept small enough to inline); otherwise returns the packed key for [`Self::get_slow`].
    #[inline(always)]
    fn get_front(&self, piece: &str, out: &mut Vec<u32>) -> std::result::Result<(), Option<Probe>> {
        let bytes = piece.as_bytes();
        if bytes.len() > INLINE_KEY_BYTES {
            return Err(None);
        }
        let (k0, k1) = pack(bytes);
        self.get_front_packed(k0, k1, out).map_err(Some)
    }

    /// [`Self::get_front`] for a key already packed; returns the probe for
    /// [`Self::get_slow`] when the front table does not hold the ids inline.
    #[inline(always)]
    fn get_front_packed(
        &self,
        k0: u64,
        k1: u64,
        out: &mut Vec<u32>,
    ) -> std::result::Result<(), Probe> {
        self.get_front_hashed(k0, k1, hash_key(k0, k1), out)
    }

    /// [`Self::get_front_packed`] with the key's hash at hand.
    #[inline(always)]
    fn get_front_hashed(
        &self,
        k0: u64,
        k1: u64,
        hash: u64,
        out: &mut Vec<u32>,
    ) -> std::result::Result<(), Probe> {
        if let Some(slot) = self.front.get(hash as usize & (FRONT_SLOTS - 1)) {
            if slot.k0 == k0 && slot.k1 == k1 {
                if slot.n <= 3 {
                    // All three inline ids copied, then the length set back: no branch on
                    // how many ids the piece has (data, mispredicted once a piece or two).
                    out.extend_from_slice(&slot.ids);
                    out.truncate(out.len() - (3 - slot.n as usize));
                    return Ok(());
                }
                // More ids, in the current generation's arena (a front slot that points
                // into the arena is emptied when the generation changes). Measured reason:
                // 11 % of the pieces of source code have more than three ids (indentation
                // after a line break, long identifiers) and took the slow path, whose seed
                // probe misses: gpt2 ids of 64 KiB of code, warm, 2.98 → 2.81 million
                // instructions, and of multilingual text 3.02 → 2.74.
                if let Some(ids) = self.cur.ids(slot) {
                    out.extend_from_slice(ids);
                    return Ok(());
                }
            }
        }
        Err(Probe { k0, k1, hash })
    }

    /// The front slot of the key `(k0, k1)` (whose hash is `hash`) when it holds the ids
    /// inline: up to three ids (the ones past `n` are stale) and their count.
    #[inline(always)]
    fn front_inline(&self, k0: u64, k1: u64, hash: u64) -> Option<(&[u32; 3], usize)> {
        let slot = self.front.get(hash as usize & (FRONT_SLOTS - 1))?;
        (slot.k0 == k0 && slot.k1 == k1 && slot.n <= 3).then_some((&slot.ids, slot.n as usize))
    }

    /// The rest of a lookup after [`Self::get_front`]: front entries of several ids, the
    /// current generation, then the previous one (a piece found there is copied into the
    /// current one). Returns what [`Self::insert`] needs on a miss.
    #[inline(always)]
    fn get_slow(
        &mut self,
        piece: &str,
        probe: Option<Probe>,
        out: &mut Vec<u32>,
    ) -> std::result::Result<(), Option<Probe>> {
        let Some(probe) = probe else {
            if let Some(ids) = self.cur.long.get(piece) {
                out.extend_from_slice(ids);
                return Ok(());
            }
            let Some(ids) = self.prev.long.get(piece) else {
                return Err(None);
            };
            self.moved.clear();
            self.moved.extend_from_slice(ids);
            self.carry_forward(piece, None, out);
            return Ok(());
        };
        let Probe { k0, k1, hash } = probe;
        let fi = hash as usize & (FRONT_SLOTS - 1);
        if let Some(slot) = self.front.get(fi) {
            if slot.k0 == k0 && slot.k1 == k1 {
                let slot = *slot;
                return self.emit(&slot, out);
            }
        }
        if let Some(slot) = self.cur.find(k0, k1, hash) {
            if let Some(f) = self.front.get_mut(fi) {
                *f = slot;
            }
            return self.emit(&slot, out);
        }
        if self.prev.back_len == 0 {
            return Err(Some(probe));
        }
        let Some(slot) = self.prev.find(k0, k1, hash) else {
            return Err(Some(probe));
        };
        self.moved.clear();
        self.moved
            .extend_from_slice(self.prev.ids(&slot).unwrap_or_default());
        self.carry_forward(piece, Some(probe), out);
        Ok(())
    }

    /// Appends the ids of `piece` found in the previous generation (copied into `moved`)
    /// to `out`, and caches them in the current one.
    fn carry_forward(&mut self, piece: &str, probe: Option<Probe>, out: &mut Vec<u32>) {
        let moved = std::mem::take(&mut self.moved);
        out.extend_from_slice(&moved);
        self.insert(piece, probe, &moved);
        self.moved = moved;
    }

    /// Appends the cached ids of `piece` to `out` and returns `Ok`, or returns what
    /// [`Self::insert`] needs on a miss.
    #[cfg(test)]
    fn get(&mut self, piece: &str, out: &mut Vec<u32>) -> std::result::Result<(), Option<Probe>> {
        match self.get_front(piece, out) {
            Ok(()) => Ok(()),
            Err(probe) => self.get_slow(piece, probe, out),
        }
    }

    /// Appends the ids of a slot of the front table or the current generation.
    fn emit(&self, slot: &Slot, out: &mut Vec<u32>) -> std::result::Result<(), Option<Probe>> {
        match self.cur.ids(slot) {
            Some(ids) => {
                out.extend_from_slice(ids);
                Ok(())
            }
            None => Err(None),
        }
    }

    /// Caches the ids of `piece` (absent; `probe` from its lookup), in a new generation
    /// when the current one is full.
    fn insert(&mut self, piece: &str, probe: Option<Probe>, ids: &[u32]) {
        let long = probe.is_none() && piece.len() > INLINE_KEY_BYTES;
        let cost = piece.len() + std::mem::size_of_val(ids);
        if ids.is_empty() || (probe.is_none() && !long) || (long && cost > LONG_BYTES) {
            return;
        }
        if self.cur.is_full(long, cost) {
            self.next_generation();
        }
        let Some(probe) = probe else {
            self.cur.long_bytes += cost;
            self.cur.long.insert(piece.into(), ids.into());
            return;
        };
        let slot = self.cur.slot(probe, ids);
        self.cur.put(slot, probe.hash);
        if let Some(f) = self.front.get_mut(probe.hash as usize & (FRONT_SLOTS - 1)) {
            *f = slot;
        }
    }

    /// Makes the current generation the previous one (dropping the one before, whose
    /// allocations the new current one reuses). Front slots whose ids are in the arena
    /// are emptied (they refer to the current generation's); the others hold their ids,
    /// which never change, and stay.
    fn next_generation(&mut self) {
        std::mem::swap(&mut self.cur, &mut self.prev);
        self.cur.clear();
        for f in self.front.iter_mut().filter(|f| f.n & IN_ARENA != 0) {
            *f = Slot::default();
        }
    }

    /// Puts a piece of one id in the front table only (a piece the seed holds, which the
    /// back table need not keep).
    fn put_front(&mut self, probe: Probe, id: u32) {
        if let Some(f) = self.front.get_mut(probe.hash as usize & (FRONT_SLOTS - 1)) {
            *f = Slot {
                k0: probe.k0,
                k1: probe.k1,
                ids: [id, 0, 0],
                n: 1,
            };
        }
    }

    /// Starts loading the back-table slot where a lookup of the key with `hash` begins.
    #[inline(always)]
    fn prefetch_back(&self, hash: u64) {
        let mask = self.cur.back.len().wrapping_sub(1);
        prefetch(&self.cur.back, (hash >> 32) as usize & mask);
    }

    #[cfg(test)]
    fn clear(&mut self) {
        self.front.fill(Slot::default());
        self.cur.clear();
        self.prev.clear();
    }
}

/// One tokenizer's cache in one thread, with working memory.
#[derive(Default)]
struct PieceCache {
    ids: IdsCache,
    /// How the tokenizer is Llama-style, if it is (computed on first use).
    marker: Option<Option<Rc<MarkerStyle>>>,
    /// The pre-tokenizer's plan, if it has one (computed on first use).
    plan: Option<Option<Rc<StrPlan>>>,
    /// Byte-level spelling of the current piece.
    mapped: String,
    /// Working memory of the pre-tokenizer plan.
    scratch: String,
}

impl Reusable for PieceCache {
    /// Keeps the front table (a fixed size), emptied; everything else starts anew.
    fn reset(&mut self) {
        let PieceCache {
            ids,
            marker,
            plan,
            mapped,
            scratch,
        } = self;
        ids.reset();
        *marker = None;
        *plan = None;
        mapped.clear();
        scratch.clear();
    }
}

thread_local! {
    static CACHES: Caches<PieceCache> = const { RefCell::new(Vec::new()) };
}

/// The ids of a single raw text, or `None` when the fast path does not apply.
pub(super) fn encode_ids_fast(
    tok: &Tokenizer,
    text: &str,
    add_special_tokens: bool,
    out: &mut Vec<u32>,
) -> Option<Result<()>> {
    encode_ids_truncated(tok, text, add_special_tokens, false, true, out)
}

/// [`encode_ids_fast`], where `continued` says that `text` continues a longer text (a
/// chunk of [`super::long_input`] after the first): its first stretch before any added
/// token is normalized as such
/// ([`crate::normalizers::NormalizerWrapper::normalize_str_continued`]).
pub(super) fn encode_ids_fast_from(
    tok: &Tokenizer,
    text: &str,
    add_special_tokens: bool,
    continued: bool,
    out: &mut Vec<u32>,
) -> Option<Result<()>> {
    if tok.truncation.is_some() || tok.padding.is_some() {
        return None;
    }
    encode_ids_truncated(tok, text, add_special_tokens, continued, false, out)
}

/// [`encode_ids_fast`] without padding: the ids of one text of a batch, which is padded as
/// a whole.
pub(super) fn encode_ids_unpadded(
    tok: &Tokenizer,
    text: &str,
    add_special_tokens: bool,
    out: &mut Vec<u32>,
) -> Option<Result<()>> {
    encode_ids_truncated(tok, text, add_special_tokens, false, false, out)
}

/// Steps 1–5 of the module docs, with the tokenizer's truncation applied to the model's
/// ids before step 5 (the tokens the full path keeps, see
/// [`crate::utils::truncation::single_kept`]) and, with `pad`, its padding after it.
/// `None` (with `out` partly written) where the fast path does not apply, which includes
/// the truncation and padding errors: the full path then reports them.
fn encode_ids_truncated(
    tok: &Tokenizer,
    text: &str,
    add_special_tokens: bool,
    continued: bool,
    pad: bool,
    out: &mut Vec<u32>,
) -> Option<Result<()>> {
    let (prefix, suffix) = match &tok.post_processor {
        Some(p) => p.single_affixes(add_special_tokens)?,
        None => (Vec::new(), Vec::new()),
    };
    with_cache(&CACHES, &tok.cache_key, |cache| {
        let plan = cache
            .plan
            .get_or_insert_with(|| {
                StrPlan::from_pre_tokenizer(tok.pre_tokenizer.as_ref()).map(Rc::new)
            })
            .clone()?;
        out.extend_from_slice(&prefix);
        let start = out.len();
        let result = body_ids(tok, &plan, text, continued, cache, out);
        if let (Ok(()), Some(params)) = (&result, &tok.truncation) {
            let added = match &tok.post_processor {
                Some(p) if add_special_tokens => p.added(false),
                _ => 0,
            };
            let kept = single_kept(out.len() - start, params, added)?;
            out.truncate(start + kept.end);
            out.drain(start..start + kept.start);
        }
        out.extend_from_slice(&suffix);
        if let (Ok(()), true, Some(params)) = (&result, pad, &tok.padding) {
            if !pad_ids(std::slice::from_mut(out), params) {
                return None;
            }
        }
        Some(result)
    })
}

/// Steps 1–4 of the module docs.
fn body_ids(
    tok: &Tokenizer,
    plan: &StrPlan,
    text: &str,
    continued: bool,
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
    let marker = cache
        .marker
        .get_or_insert_with(|| marker_style(tok).map(Rc::new))
        .clone();
    let PieceCache {
        ids,
        mapped,
        scratch,
        ..
    } = cache;
    // The vocabulary seed (see `super::seed`), once this thread has sent enough pieces to
    // the model.
    let seed = if !(byte_level && cacheable) {
        None
    } else if ids.model_calls >= SEED_AFTER {
        tok.piece_seed.get_or_build(&tok.model)
    } else {
        tok.piece_seed.get()
    };
    let ctx = PieceCtx {
        tok,
        byte_level,
        cacheable,
        seed,
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
        if let Some(prefixed) = marker.as_ref().and_then(|m| m.applies(segment)) {
            // A continued text's first stretch gets no prefix (see `normalize_str_continued`).
            let prefixed = prefixed && !(continued && a == 0);
            marker_ids(segment, prefixed, &ctx, ids, scratch, mapped, out)?;
            continue;
        }
        let normalized = match &tok.normalizer {
            Some(n) if continued && a == 0 => n.normalize_str_continued(segment)?,
            Some(n) => n.normalize_str(segment)?,
            None => std::borrow::Cow::Borrowed(segment),
        };
        if added.matches_nothing(true) {
            pieces_ids(plan, &normalized, &ctx, scratch, ids, mapped, out)?;
            continue;
        }
        for (id, (a, b)) in added.split_ranges(&normalized, true) {
            if let Some(id) = id {
                out.push(id);
            } else if let Some(piece) = normalized.get(a..b) {
                pieces_ids(plan, piece, &ctx, scratch, ids, mapped, out)?;
            }
        }
    }
    Ok(())
}

/// The ids of a segment of a Llama-style tokenizer, from its original text (see
/// [`super::marker`]). A part's model input is its text with spaces spelled `▁`, after a
/// `▁` for the first part of a `prefixed` segment; it is built only on a cache miss. A
/// short part is looked up by its own text, with [`PREFIXED`] in the key when prefixed; a
/// long one by its text after a `▁` when prefixed. Either way, every key stands for the
/// model input with spaces spelled `▁`, as the keys of normalized pieces do (those have
/// no spaces), so the two kinds share the cache.
///
/// A short part whose ids the front table holds inline is settled in the loop, its ids
/// gathered in a local block as [`quick_ids`] does; every other part goes to
/// [`marker_part_ids`]; the parts come from an iterator, so that the loop body stays
/// inline. Measured reason: with the whole lookup in a callback of `for_each_part`, the
/// callback was a call of its own with a large frame, and each part's char boundaries
/// were checked: llama2 ids, warm, English 1.92 → 1.37 million instructions a 64 KiB
/// pass, code 1.96 → 1.56 (multilingual unchanged, 1.25).
fn marker_ids(
    segment: &str,
    prefixed: bool,
    ctx: &PieceCtx<'_>,
    cache: &mut IdsCache,
    scratch: &mut String,
    mapped: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    let bytes = segment.as_bytes();
    if !ctx.cacheable {
        return for_each_part(segment, |a, b| {
            let part = segment.get(a..b).unwrap_or_default();
            marker_model_ids(ctx, prefixed && a == 0, part, mapped, out)
        });
    }
    let mut ids = [0u32; ID_BLOCK];
    let mut n = 0;
    for (a, b) in Parts::new(segment) {
        let prefixed = prefixed && a == 0;
        let probe = if b.wrapping_sub(a) <= INLINE_KEY_BYTES {
            let (k0, k1) = pack_in(bytes, a, b);
            let k1 = if prefixed { k1 | PREFIXED } else { k1 };
            let hash = hash_key(k0, k1);
            if let Some((hit, k)) = cache.front_inline(k0, k1, hash) {
                if let Some(dst) = ids.get_mut(n..n + 3) {
                    dst.copy_from_slice(hit);
                    n += k;
                    continue;
                }
            }
            Some(Probe { k0, k1, hash })
        } else {
            None
        };
        out.extend_from_slice(ids.get(..n).unwrap_or_default());
        n = 0;
        let part = segment.get(a..b).unwrap_or_default();
        marker_part_ids(part, prefixed, probe, ctx, cache, scratch, mapped, out)?;
    }
    out.extend_from_slice(ids.get(..n).unwrap_or_default());
    Ok(())
}

/// The ids of one part of [`marker_ids`] that the front table does not hold inline;
/// `probe` is its key when it is short.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn marker_part_ids(
    part: &str,
    prefixed: bool,
    probe: Option<Probe>,
    ctx: &PieceCtx<'_>,
    cache: &mut IdsCache,
    scratch: &mut String,
    mapped: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    // The key, its probe when short, and whether the model input has a `▁` in front of
    // the key's text.
    let (key, probe, key_prefixed) = match probe {
        Some(p) => {
            let Err(probe) = cache.get_front_hashed(p.k0, p.k1, p.hash, out) else {
                return Ok(());
            };
            (part, Some(probe), prefixed)
        }
        None if prefixed => {
            scratch.clear();
            scratch.push(MARKER);
            scratch.push_str(part);
            (scratch.as_str(), None, false)
        }
        None => (part, None, false),
    };
    let Err(probe) = cache.get_slow(key, probe, out) else {
        return Ok(());
    };
    let start = out.len();
    marker_model_ids(ctx, key_prefixed, key, mapped, out)?;
    if key.len() <= MAX_PIECE_BYTES {
        cache.insert(key, probe, out.get(start..).unwrap_or_default());
    }
    Ok(())
}

/// The model's ids of the Llama-style part `part` (after a `▁` when `prefixed`), with its
/// spaces spelled `▁` (in `spelled`).
fn marker_model_ids(
    ctx: &PieceCtx<'_>,
    prefixed: bool,
    part: &str,
    spelled: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    spelled.clear();
    if prefixed {
        spelled.push(MARKER);
    }
    for (i, run) in part.split(' ').enumerate() {
        if i > 0 {
            spelled.push(MARKER);
        }
        spelled.push_str(run);
    }
    ctx.tok.model.tokenize_ids(spelled, out)
}

/// Steps 3 and 4 on one stretch of normalized text.
fn pieces_ids(
    plan: &StrPlan,
    text: &str,
    ctx: &PieceCtx<'_>,
    scratch: &mut String,
    ids: &mut IdsCache,
    mapped: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    if ctx.cacheable {
        match plan.quick_scan() {
            Some(Cutter::Gpt2) => {
                return quick_ids::<true>(Gpt2Scan::new(text), text, ctx, ids, mapped, out)
            }
            Some(Cutter::Cl100k(n)) => {
                return quick_ids::<false>(Cl100kScan::new(text, n), text, ctx, ids, mapped, out)
            }
            Some(Cutter::Bert) => {
                return quick_ids::<false>(BertPieces::new(text), text, ctx, ids, mapped, out)
            }
            _ => {}
        }
        if let Some(prefixed) = plan.quick_metaspace() {
            return quick_metaspace_ids(plan, text, prefixed, ctx, scratch, ids, mapped, out);
        }
        if plan.has_units() {
            return unit_ids(plan, text, ctx, scratch, ids, mapped, out);
        }
    }
    plan.for_each_piece(text, scratch, &mut sink(ctx, ids, mapped, out))
}

/// Steps 3 and 4 for a plan with units (a `ByteLevel` step before other cuts, Falcon): the
/// cache keeps the ids of each unit, which is about a word (see
/// [`StrPlan::for_each_unit`]), so that a hit skips the cuts after that step as well as
/// the model. Every key of such a tokenizer is a unit. Measured reason: the cuts after the
/// byte-level step run a regular expression on every piece; falcon-7b English ids 40 → 4.6
/// million instructions per 64 KiB against caching the final pieces.
fn unit_ids(
    plan: &StrPlan,
    text: &str,
    ctx: &PieceCtx<'_>,
    scratch: &mut String,
    cache: &mut IdsCache,
    mapped: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    plan.for_each_unit(text, &mut |unit: &str| {
        let probe = match cache.get_front(unit, out) {
            Ok(()) => return Ok(()),
            Err(probe) => probe,
        };
        let probe = match cache.get_slow(unit, probe, out) {
            Ok(()) => return Ok(()),
            Err(probe) => probe,
        };
        let start = out.len();
        plan.unit_pieces(unit, scratch, &mut |piece: &str| {
            ctx.model_ids(piece, mapped, out)
        })?;
        if unit.len() <= MAX_PIECE_BYTES {
            cache.insert(unit, probe, out.get(start..).unwrap_or_default());
        }
        Ok(())
    })
}

/// Steps 3 and 4 fused for a plan with a quick scan: the quick step hands over each
/// common piece already packed as a cache key, looked up in the front table at once;
/// anything else goes the ordinary way. Measured reason: on gpt2 English the scan, the
/// char-boundary checks of each piece and the key packing took 60 % of the ids path.
///
/// With `AHEAD`, one quick piece is held back while the next is scanned and its front slot
/// prefetched, so that the slot's load overlaps the held piece's work. Measured on gpt2
/// (builds alternated, warm, one thread, best of 3 × 40 passes): English 378 → 406 MB/s,
/// code 346 → 358, 256 KiB of code 315 → 330; on the cl100k-family scan it gained
/// nothing and cost 2–3 % on code, so that scan (and BERT's, whose time goes elsewhere)
/// takes its pieces one at a time.
fn quick_ids<const AHEAD: bool>(
    mut scan: impl QuickScan,
    text: &str,
    ctx: &PieceCtx<'_>,
    cache: &mut IdsCache,
    mapped: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    let mut held: Option<(Quick, u64)> = None;
    // The ids of front hits, gathered here and appended to `out` in blocks: the
    // vector's length and room are then read and written once a block, not once a piece.
    // Measured: gpt2 English ids, warm, 2.20 → 2.12 million instructions a 64 KiB pass,
    // llama3 2.14 → 2.00 (timings within the machine's noise).
    let mut ids = [0u32; ID_BLOCK];
    let mut n = 0;
    loop {
        // The quick pieces through a closure the scan calls in its own loop: compiled so,
        // the loop keeps less of its state in memory than with one `quick` call a piece
        // (gpt2 English ids 2.05 → 1.94 million instructions a pass, code 2.65 → 2.51,
        // llama3 English 1.98 → 1.89).
        scan.quick_each(|q| {
            let hash = hash_key(q.k0, q.k1);
            let now = if AHEAD {
                prefetch(cache.front.as_slice(), hash as usize & (FRONT_SLOTS - 1));
                held.replace((q, hash))
            } else {
                Some((q, hash))
            };
            let Some((p, hash)) = now else {
                return Ok(());
            };
            if let Some((hit, k)) = cache.front_inline(p.k0, p.k1, hash) {
                if let Some(dst) = ids.get_mut(n..n + 3) {
                    dst.copy_from_slice(hit);
                    n += k;
                    return Ok(());
                }
            }
            out.extend_from_slice(ids.get(..n).unwrap_or_default());
            n = 0;
            if let Err(probe) = cache.get_front_hashed(p.k0, p.k1, hash, out) {
                let piece = text.get(p.start..p.end).unwrap_or_default();
                ctx.ids_slow(piece, Err(Some(probe)), cache, mapped, out)?;
            }
            Ok::<(), crate::Error>(())
        })?;
        out.extend_from_slice(ids.get(..n).unwrap_or_default());
        n = 0;
        // The held piece goes before the piece the scanner cuts next. (This lookup repeats
        // the one above on purpose: one shared lookup, reached by asking the quick step
        // again after it stopped, cost gpt2 8 % in alternated builds.)
        if let Some((p, hash)) = held.take() {
            if let Err(probe) = cache.get_front_hashed(p.k0, p.k1, hash, out) {
                let piece = text.get(p.start..p.end).unwrap_or_default();
                ctx.ids_slow(piece, Err(Some(probe)), cache, mapped, out)?;
            }
        }
        let Some((a, b)) = scan.next() else {
            return Ok(());
        };
        if let Some(piece) = text.get(a..b) {
            ctx.part_ids(piece, cache, mapped, out)?;
        }
    }
}

/// Ids gathered by [`quick_ids`] before they are appended to the output.
const ID_BLOCK: usize = 64;

/// Steps 3 and 4 fused for a `WhitespaceSplit` plan with a Metaspace step (t5): the quick
/// step hands over each short run of non-whitespace chars (without the replacement's
/// first byte, see `NonSpaceRuns::with_wide_quick`) already packed, looked up with
/// [`PREFIXED`] in the key when the step puts the replacement in front (the prefixed text
/// is built only on a miss); anything else goes through the finishing step. Measured
/// reason: the cut and the finishing step took 57 % of the ids path on t5 English.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn quick_metaspace_ids(
    plan: &StrPlan,
    text: &str,
    prefixed: bool,
    ctx: &PieceCtx<'_>,
    scratch: &mut String,
    cache: &mut IdsCache,
    mapped: &mut String,
    out: &mut Vec<u32>,
) -> Result<()> {
    let mut scan = NonSpaceRuns::with_wide_quick(text, plan.replacement());
    let flag = if prefixed { PREFIXED } else { 0 };
    loop {
        if let Some(q) = scan.quick() {
            if let Err(probe) = cache.get_front_packed(q.k0, q.k1 | flag, out) {
                let piece = text.get(q.start..q.end).unwrap_or_default();
                let input = if prefixed {
                    scratch.clear();
                    scratch.push_str(plan.replacement());
                    scratch.push_str(piece);
                    scratch.as_str()
                } else {
                    piece
                };
                ctx.ids_slow(input, Err(Some(probe)), cache, mapped, out)?;
            }
            continue;
        }
        let Some((a, b)) = scan.next() else {
            return Ok(());
        };
        if let Some(piece) = text.get(a..b) {
            plan.finish(piece, scratch, &mut sink(ctx, cache, mapped, out))?;
        }
    }
}

/// Step 4 as a [`PieceSink`], so that it is inlined into the scanning loops.
struct IdsSink<'a, 't> {
    ctx: &'a PieceCtx<'t>,
    ids: &'a mut IdsCache,
    mapped: &'a mut String,
    out: &'a mut Vec<u32>,
}

fn sink<'a, 't>(
    ctx: &'a PieceCtx<'t>,
    ids: &'a mut IdsCache,
    mapped: &'a mut String,
    out: &'a mut Vec<u32>,
) -> IdsSink<'a, 't> {
    IdsSink {
        ctx,
        ids,
        mapped,
        out,
    }
}

impl PieceSink for IdsSink<'_, '_> {
    #[inline(always)]
    fn piece(&mut self, piece: &str) -> Result<()> {
        self.ctx.ids(piece, self.ids, self.mapped, self.out)
    }

    /// A short prefixed piece is cached under `rest` with [`PREFIXED`] in its key, so that
    /// a hit needs no copy; a miss builds the piece for the model. The model input is one
    /// piece with one marker at its start, so it has no independent parts to cut.
    #[inline(always)]
    fn prefixed(&mut self, prefix: &str, rest: &str, scratch: &mut String) -> Result<()> {
        if self.ctx.cacheable
            && !self.ctx.byte_level
            && !rest.is_empty()
            && rest.len() <= INLINE_KEY_BYTES
        {
            let (k0, k1) = pack(rest.as_bytes());
            if let Err(probe) = self.ids.get_front_packed(k0, k1 | PREFIXED, self.out) {
                scratch.clear();
                scratch.push_str(prefix);
                scratch.push_str(rest);
                let probe = Err(Some(probe));
                return self
                    .ctx
                    .ids_slow(scratch, probe, self.ids, self.mapped, self.out);
            }
            return Ok(());
        }
        scratch.clear();
        scratch.push_str(prefix);
        scratch.push_str(rest);
        self.piece(scratch)
    }
}

/// What step 4 needs to know about the tokenizer.
struct PieceCtx<'t> {
    tok: &'t Tokenizer,
    byte_level: bool,
    cacheable: bool,
    /// The vocabulary seed, when built (byte-level plans of a deterministic model only).
    seed: Option<&'t SeedTable>,
}

impl PieceCtx<'_> {
    /// Appends the ids of `piece` to `out`, part by part where the model cuts pieces into
    /// independent parts (SentencePiece-style BPE, whose pieces are whole documents).
    #[inline(always)]
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
    #[inline(always)]
    fn part_ids(
        &self,
        piece: &str,
        cache: &mut IdsCache,
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        if !self.cacheable {
            return self.ids_slow(piece, Err(None), cache, mapped, out);
        }
        match cache.get_front(piece, out) {
            Ok(()) => Ok(()),
            probe => self.ids_slow(piece, probe, cache, mapped, out),
        }
    }

    /// The model's ids of `piece` (spelled in `mapped` when it is a byte-level piece and the
    /// model needs the text).
    #[inline(always)]
    fn model_ids(&self, piece: &str, mapped: &mut String, out: &mut Vec<u32>) -> Result<()> {
        if self.byte_level {
            self.tok.model.byte_level_ids(piece.as_bytes(), mapped, out)
        } else {
            self.tok.model.tokenize_ids(piece, out)
        }
    }

    /// [`Self::ids`] past a front-table miss: the rest of the cache, then the model.
    #[inline(never)]
    fn ids_slow(
        &self,
        piece: &str,
        probe: std::result::Result<(), Option<Probe>>,
        cache: &mut IdsCache,
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        let probe = match probe {
            Ok(()) => return Ok(()),
            Err(probe) if self.cacheable => {
                // The seed before the back table, whose slot starts loading meanwhile: a
                // piece the seed holds is kept in the front table only.
                if let (Some(seed), Some(p)) = (self.seed, probe) {
                    cache.prefetch_back(p.hash);
                    if let Some(id) = seed.get(p.k0, p.k1) {
                        out.push(id);
                        cache.put_front(p, id);
                        return Ok(());
                    }
                }
                match cache.get_slow(piece, probe, out) {
                    Ok(()) => return Ok(()),
                    Err(probe) => probe,
                }
            }
            Err(_) => None,
        };
        let start = out.len();
        cache.model_calls = cache.model_calls.saturating_add(1);
        self.model_ids(piece, mapped, out)?;
        if self.cacheable && piece.len() <= MAX_PIECE_BYTES {
            cache.insert(piece, probe, out.get(start..).unwrap_or_default());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_round_trips_all_shapes() {
        let mut cache = IdsCache::default();
        let pieces: Vec<String> = (0..20_000).map(|i| format!("w{i}")).collect();
        let long = "a piece longer than fifteen bytes";
        let ids_of =
            |i: usize| -> Vec<u32> { (0..(i % 6) as u32 + 1).map(|k| k * 7 + i as u32).collect() };
        for (i, p) in pieces.iter().enumerate() {
            let mut out = Vec::new();
            let probe = cache.get(p, &mut out).unwrap_err();
            cache.insert(p, probe, &ids_of(i));
        }
        let probe = cache.get(long, &mut Vec::new()).unwrap_err();
        cache.insert(long, probe, &[1, 2]);
        for (i, p) in pieces.iter().enumerate().rev() {
            let mut out = vec![9];
            assert!(cache.get(p, &mut out).is_ok());
            assert_eq!(out[1..], ids_of(i)[..]);
        }
        let mut out = Vec::new();
        assert!(cache.get(long, &mut out).is_ok());
        assert_eq!(out, [1, 2]);
        assert!(cache.get("absent", &mut out).is_err());
    }

    #[test]
    fn long_keys_stay_within_their_byte_budget() {
        let mut cache = IdsCache::default();
        let piece = |i: usize| format!("{i:0>width$}", width = MAX_PIECE_BYTES);
        let fit = LONG_BYTES / (MAX_PIECE_BYTES + 16);
        for i in 0..fit + 10 {
            let p = piece(i);
            let probe = cache.get(&p, &mut Vec::new()).unwrap_err();
            cache.insert(&p, probe, &[i as u32, 1, 2, 3]);
        }
        // The first generation filled up; the last ten pieces started the next one.
        assert_eq!((cache.prev.long.len(), cache.cur.long.len()), (fit, 10));
        assert!(cache.prev.long_bytes <= LONG_BYTES && cache.cur.long_bytes <= LONG_BYTES);
        // The latest generation's worth of pieces, newest first (each one found in the
        // previous generation is copied into the current one, which then holds them all).
        for i in (10..fit + 10).rev() {
            let mut out = Vec::new();
            assert!(cache.get(&piece(i), &mut out).is_ok(), "{i}");
            assert_eq!(out, [i as u32, 1, 2, 3]);
        }
        let probe = cache.get("short", &mut Vec::new()).unwrap_err();
        cache.insert("short", probe, &[5]);
        let mut out = Vec::new();
        assert!(cache.get("short", &mut out).is_ok());
        assert_eq!(out, [5]);
        cache.clear();
        assert_eq!((cache.cur.long.len(), cache.prev.long.len()), (0, 0));
    }

    /// Text that moves on is learnt at once, and the pieces in use survive the change of
    /// generation: after a cache is filled with one set of pieces, another set is cached as
    /// it comes, and pieces looked up all along are nearly always still there (one held
    /// only by the front table is lost when another piece takes its slot).
    #[test]
    fn a_full_cache_learns_new_pieces_and_keeps_those_in_use() {
        let mut cache = IdsCache::default();
        let ids_of =
            |i: usize| -> Vec<u32> { (0..(i % 5) as u32 + 1).map(|k| k + i as u32).collect() };
        let hot: Vec<String> = (0..100).map(|i| format!("hot{i}")).collect();
        let lookup = |cache: &mut IdsCache, p: &str, i: usize| {
            let mut out = Vec::new();
            match cache.get(p, &mut out) {
                Ok(()) => {
                    assert_eq!(out, ids_of(i), "{p}");
                    true
                }
                Err(probe) => {
                    cache.insert(p, probe, &ids_of(i));
                    false
                }
            }
        };
        let mut lost = 0;
        for round in 0..3 * MAX_ENTRIES {
            let cold = format!("c{round}");
            lookup(&mut cache, &cold, round);
            let h = round % hot.len();
            if !lookup(&mut cache, &hot[h], h) && round >= hot.len() {
                lost += 1;
            }
        }
        assert!(lost * 1000 < 3 * MAX_ENTRIES, "{lost} hot lookups missed");
        // Two generations at most, each within its bound.
        assert!(cache.cur.back_len <= MAX_ENTRIES && cache.prev.back_len <= MAX_ENTRIES);
        // The latest pieces are all cached.
        for round in 3 * MAX_ENTRIES - 1000..3 * MAX_ENTRIES {
            assert!(lookup(&mut cache, &format!("c{round}"), round));
        }
    }
}
