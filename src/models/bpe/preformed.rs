//! Multi-byte chars that a byte-level word may start from as one symbol.
//!
//! On the byte-level ids path a word starts as one symbol per byte, so a CJK char costs
//! three symbols and the two merges that rebuild it, each with its pair lookups, before
//! anything else happens to it. For many chars this work can be skipped without changing
//! the result: the char's token may be pushed as one symbol from the start.
//!
//! # When that is exact
//!
//! Let `c` be a char of `k` bytes (2 to 4) whose spelling is the token `C`, occurring in a
//! word `W` at bytes `s..e`. Pushing `C` for those bytes gives the same tokens when:
//!
//! 1. merging `c`'s bytes alone gives `[C]`; call `R` the highest rank used on the way;
//! 2. every merge with `C` as its left or right part ranks above `R`;
//! 3. no token of the vocabulary occurs in `W` over part of `c` and bytes outside it.
//!
//! Proof sketch. Every symbol formed while merging `W` is a token spelling the bytes it
//! covers, so by (3) no symbol ever covers part of `c` and bytes outside it: before `c` is
//! whole, no pair across its boundaries has a merge, and the merges inside `c` see only
//! `c`'s bytes, which by (1) end in `C` through merges of rank at most `R`. Merging takes
//! the lowest rank first (leftmost on ties), so every merge outside `c` taken before `c` is
//! whole ranks at most `R` (an inner pair of rank at most `R` was always waiting). Starting
//! from `C` instead, the only new pairs are those with `C`, which rank above `R` by (2):
//! none of them is taken before those outside merges, and once the outside holds no pair
//! below them either, the byte-wise run finishes `c` first. Both runs then apply the same
//! outside merges in the same order and meet in the same state. Chars are pre-formed one
//! after another by the same argument (conditions (1)–(3) do not depend on the others).
//!
//! (1) and (2) hold or not for a char once and for all, and are checked at load. (3) depends
//! on the neighbours: a token over part of `c` and bytes before it ends with a proper
//! prefix of `c`'s bytes (a *head* fragment); one over part of `c` and bytes after it starts
//! with a proper suffix (a *tail* fragment). At load, for each proper prefix of a char, the
//! set of bytes that come right before it in some token ending with it is collected, and
//! likewise for the bytes right after each proper suffix; a char's `before` set is the
//! union over its prefixes, its `after` set over its suffixes. At an occurrence, (3) holds
//! when the byte before `c` is not in `before` and the byte after it not in `after`: a
//! token over part of `c` and earlier bytes would end its part before `c` with that byte.
//! This is stricter than (3) (it declines a char that some longer head fragment would not
//! actually match), which only costs the saving, never a result.
//!
//! Only files whose merges are keyed on unique ids use this (as the word module's loops).
//!
//! # When the table is built
//!
//! Building it is a pass over the vocabulary and one over the merges: about 30 million
//! instructions (8 ms here) for Llama 3's 128,000 tokens and 280,000 merges, 48 million
//! for Qwen2.5's 151,000 tokens. It cuts the ids path's cost on multilingual cache misses
//! by 12–22 % (instructions over 1 MB of the multilingual corpus, cold: gpt2 122 → 107
//! million, Llama 3 149 → 121, Qwen2.5 191 → 148), and does next to nothing for English
//! text, whose only multi-byte chars are a few quotes and dashes. So a model builds it
//! once [`BUILD_AFTER`] multi-byte chars have gone through byte-level merges without it
//! (counted by one shared counter, which is only written until then): text in scripts
//! that need it pays for it within its first tens of kilobytes, and
//! English text never does. The tokens do not depend on whether the table is built.

use super::merges::MergeMap;
use super::word::{pair_key, Word};
use crate::models::hash::FastMap;
use crate::utils::byte_level::BYTE_TO_CHAR;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Multi-byte chars merged byte by byte before the table is built (see the module docs).
const BUILD_AFTER: usize = 16 * 1024;

/// The table, built on demand (see the module docs).
#[derive(Default)]
pub(super) struct LazyPreformed {
    table: OnceLock<Option<PreformedChars>>,
    /// Multi-byte chars merged so far without the table (while it is not built).
    waiting: AtomicUsize,
}

impl Clone for LazyPreformed {
    fn clone(&self) -> Self {
        LazyPreformed {
            table: self.table.clone(),
            waiting: AtomicUsize::new(self.waiting.load(Ordering::Relaxed)),
        }
    }
}

impl LazyPreformed {
    /// The table, once built (whatever it holds); `None` before.
    #[inline]
    pub fn get(&self) -> Option<Option<&PreformedChars>> {
        self.table.get().map(Option::as_ref)
    }

    /// Counts `chars` multi-byte chars merged without the table, and builds it with
    /// `build` when that takes the count to [`BUILD_AFTER`].
    #[inline]
    pub fn count(&self, chars: usize, build: impl FnOnce() -> Option<PreformedChars>) {
        if chars > 0 && self.waiting.fetch_add(chars, Ordering::Relaxed) + chars >= BUILD_AFTER {
            self.table.get_or_init(build);
        }
    }

    /// The table, built by `build` unless it is already.
    pub fn build_now(
        &self,
        build: impl FnOnce() -> Option<PreformedChars>,
    ) -> Option<&PreformedChars> {
        self.table.get_or_init(build).as_ref()
    }
}

/// Marks a code point without a pre-formable char.
const NONE: u32 = u32::MAX;

/// Code points per block of the lookup table.
const BLOCK: usize = 64;

/// A set of bytes as 256 bits.
type ByteSet = [u64; 4];

#[derive(Clone, Copy)]
struct Entry {
    /// The char's token, or [`NONE`].
    id: u32,
    /// Index in `sets` of the bytes that may not come right before the char.
    before: u16,
    /// Index in `sets` of the bytes that may not come right after it.
    after: u16,
}

const EMPTY_ENTRY: Entry = Entry {
    id: NONE,
    before: 0,
    after: 0,
};

/// The pre-formable chars of one byte-level model (see the module docs).
#[derive(Clone)]
pub(super) struct PreformedChars {
    /// `code point / BLOCK` → 1 + index in `blocks`; 0 when the block has no such char.
    index: Box<[u16]>,
    blocks: Vec<[Entry; BLOCK]>,
    /// Distinct byte sets; `sets[0]` is empty.
    sets: Vec<ByteSet>,
}

#[inline]
fn contains(set: &ByteSet, b: u8) -> bool {
    set.get(usize::from(b >> 6))
        .is_some_and(|w| (w >> (b & 63)) & 1 != 0)
}

fn insert(set: &mut ByteSet, b: u8) {
    if let Some(w) = set.get_mut(usize::from(b >> 6)) {
        *w |= 1 << (b & 63);
    }
}

fn union(a: &mut ByteSet, b: &ByteSet) {
    for (x, y) in a.iter_mut().zip(b) {
        *x |= y;
    }
}

/// Length of the UTF-8 sequence a lead byte starts (0 for a continuation byte or 0xF8..).
fn sequence_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 0,
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Up to four bytes as one map key (length in the top byte).
fn pack(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(bytes.len() as u64, |acc, &b| (acc << 8) | u64::from(b))
}

impl PreformedChars {
    /// The table for a model whose vocabulary is `vocab` (tokens spelled in the byte-level
    /// alphabet; others are ignored), whose merges are `merges` and whose byte `b` has the
    /// token `byte_ids[b]`. `None` when no char qualifies.
    pub fn build<'a>(
        vocab: impl Iterator<Item = (&'a str, u32)>,
        merges: &MergeMap,
        byte_ids: &[u32; 256],
    ) -> Option<Self> {
        // The alphabet's chars all lie below 0x180.
        let mut byte_of = vec![None; 0x180];
        for (b, &c) in (0u8..=255).zip(BYTE_TO_CHAR.iter()) {
            if let Some(slot) = byte_of.get_mut(c as usize) {
                *slot = Some(b);
            }
        }
        let mut heads: FastMap<u64, ByteSet> = FastMap::default();
        let mut tails: FastMap<u64, ByteSet> = FastMap::default();
        let mut chars: Vec<(u32, [u8; 4], u32)> = Vec::new();
        let mut max_id = 0;
        let mut count = 0usize;
        let mut bytes = Vec::new();
        'tokens: for (token, id) in vocab {
            max_id = max_id.max(id);
            count += 1;
            // Only a token whose first or last byte is not ASCII can be a fragment or a
            // multi-byte char: two char lookups settle most tokens.
            let byte = |c: Option<char>| c.and_then(|c| byte_of.get(c as usize).copied().flatten());
            let (first, last) = (byte(token.chars().next()), byte(token.chars().next_back()));
            if first.is_none_or(|b| b < 0x80) && last.is_none_or(|b| b < 0x80) {
                continue;
            }
            bytes.clear();
            for c in token.chars() {
                match byte_of.get(c as usize).copied().flatten() {
                    Some(b) => bytes.push(b),
                    None => continue 'tokens,
                }
            }
            let n = bytes.len();
            // A head fragment: the token ends with a char's lead byte and fewer
            // continuation bytes than it announces, after at least one other byte.
            for j in 1..=3.min(n.saturating_sub(1)) {
                let tail = &bytes[n - j..];
                if sequence_len(tail[0]) > j && tail[1..].iter().all(|&b| is_continuation(b)) {
                    insert(heads.entry(pack(tail)).or_default(), bytes[n - j - 1]);
                }
            }
            // Tail fragments: the token starts with continuation bytes (each of up to three
            // of them may end a char), followed by at least one more byte.
            let leading = bytes.iter().take(3).take_while(|&&b| is_continuation(b));
            for q in 1..=leading.count().min(n.saturating_sub(1)) {
                insert(tails.entry(pack(&bytes[..q])).or_default(), bytes[q]);
            }
            if (2..=4).contains(&n) && sequence_len(bytes[0]) == n {
                if let Some(c) = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|s| s.chars().next())
                {
                    let mut spelled = [0; 4];
                    spelled[..n].copy_from_slice(&bytes);
                    chars.push((c as u32, spelled, id));
                }
            }
        }
        if chars.is_empty() {
            return None;
        }
        // The lowest rank of a merge with each token as a part, indexed by id: only for
        // vocabularies with dense ids (as nearly all are); the others go without.
        if max_id as usize > count.saturating_mul(2).saturating_add(1024) {
            return None;
        }
        let lowest_as_part = merges.lowest_rank_as_part(max_id as usize + 1);
        let mut table = PreformedChars {
            index: vec![0; 0x110000 / BLOCK].into_boxed_slice(),
            blocks: Vec::new(),
            sets: vec![[0; 4]],
        };
        let mut set_index: FastMap<ByteSet, u16> = FastMap::default();
        set_index.insert([0; 4], 0);
        let mut any = false;
        for (cp, spelled, id) in chars {
            let spelled = &spelled[..sequence_len(spelled[0])];
            let mut symbols = [0u32; 4];
            for (symbol, &b) in symbols.iter_mut().zip(spelled) {
                *symbol = byte_ids[usize::from(b)];
            }
            let Some(highest) = merges_alone(&symbols[..spelled.len()], id, merges) else {
                continue;
            };
            if lowest_as_part
                .get(id as usize)
                .is_some_and(|&r| r <= highest)
            {
                continue;
            }
            let (mut before, mut after) = ([0; 4], [0; 4]);
            for j in 1..spelled.len() {
                if let Some(set) = heads.get(&pack(&spelled[..j])) {
                    union(&mut before, set);
                }
                if let Some(set) = tails.get(&pack(&spelled[j..])) {
                    union(&mut after, set);
                }
            }
            let (Some(before), Some(after)) = (
                table.intern(before, &mut set_index),
                table.intern(after, &mut set_index),
            ) else {
                continue;
            };
            let Some(entry) = table.slot(cp) else {
                continue;
            };
            *entry = Entry { id, before, after };
            any = true;
        }
        any.then_some(table)
    }

    /// The index of `set` in `sets`, added when new; `None` when the index would not fit.
    fn intern(&mut self, set: ByteSet, known: &mut FastMap<ByteSet, u16>) -> Option<u16> {
        if let Some(&i) = known.get(&set) {
            return Some(i);
        }
        let i = u16::try_from(self.sets.len()).ok()?;
        self.sets.push(set);
        known.insert(set, i);
        Some(i)
    }

    /// The entry of `cp`, its block added when new.
    fn slot(&mut self, cp: u32) -> Option<&mut Entry> {
        let block = self.index.get_mut(cp as usize / BLOCK)?;
        if *block == 0 {
            *block = u16::try_from(self.blocks.len() + 1).ok()?;
            self.blocks.push([EMPTY_ENTRY; BLOCK]);
        }
        self.blocks
            .get_mut(usize::from(*block) - 1)?
            .get_mut(cp as usize % BLOCK)
    }

    /// Pushes the symbols of the byte-level word `raw` to `word`: each char that may be
    /// pre-formed at its place as its token, every other byte as `byte_ids[byte]` (each of
    /// length 1: the ids path reports no offsets).
    #[inline(never)]
    pub fn push_word(&self, raw: &[u8], byte_ids: &[u32; 256], word: &mut Word) {
        let mut i = 0;
        while let Some(&b) = raw.get(i) {
            if b >= 0xC2 {
                if let Some((id, len)) = self.at(raw, i) {
                    word.push(id, 1);
                    i += len;
                    continue;
                }
            }
            word.push(byte_ids[usize::from(b)], 1);
            i += 1;
        }
    }

    /// The token and byte length of the char starting at `raw[i]`, when it may be pushed
    /// as one symbol at this occurrence. `raw` should be UTF-8; any other bytes get `None`
    /// (or a char whose bytes they are).
    #[inline]
    pub fn at(&self, raw: &[u8], i: usize) -> Option<(u32, usize)> {
        let lead = *raw.get(i)?;
        let cont = |k: usize| {
            raw.get(i + k)
                .copied()
                .filter(|&b| is_continuation(b))
                .map(|b| u32::from(b & 0x3F))
        };
        let (cp, len) = match lead {
            0xC2..=0xDF => ((u32::from(lead & 0x1F) << 6) | cont(1)?, 2),
            0xE0..=0xEF => (
                (u32::from(lead & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?,
                3,
            ),
            0xF0..=0xF4 => (
                (u32::from(lead & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?,
                4,
            ),
            _ => return None,
        };
        // An overlong sequence decodes to a code point some shorter char spells.
        if (len == 3 && cp < 0x800) || (len == 4 && cp < 0x1_0000) {
            return None;
        }
        let block = *self.index.get(cp as usize / BLOCK)?;
        let entry = *self
            .blocks
            .get(usize::from(block).checked_sub(1)?)?
            .get(cp as usize % BLOCK)?;
        if entry.id == NONE {
            return None;
        }
        if let Some(&b) = i.checked_sub(1).and_then(|j| raw.get(j)) {
            if contains(self.sets.get(usize::from(entry.before))?, b) {
                return None;
            }
        }
        if let Some(&b) = raw.get(i + len) {
            if contains(self.sets.get(usize::from(entry.after))?, b) {
                return None;
            }
        }
        Some((entry.id, len))
    }
}

/// Merges `symbols` (at most four) alone, lowest rank first and leftmost on ties; the
/// highest rank used when they end as the one token `id`, else `None`.
fn merges_alone(symbols: &[u32], id: u32, merges: &MergeMap) -> Option<u32> {
    let mut ids = [0u32; 4];
    let mut n = symbols.len().min(4);
    ids[..n].copy_from_slice(symbols.get(..n)?);
    let mut highest = 0;
    while n > 1 {
        let mut best: Option<(u32, u32, usize)> = None;
        for i in 0..n - 1 {
            if let Some((rank, new_id)) = merges.get(pair_key(ids[i], ids[i + 1])) {
                if best.is_none_or(|(r, _, _)| rank < r) {
                    best = Some((rank, new_id, i));
                }
            }
        }
        let (rank, new_id, i) = best?;
        highest = highest.max(rank);
        ids[i] = new_id;
        ids.copy_within(i + 2..n, i + 1);
        n -= 1;
    }
    (ids[0] == id).then_some(highest)
}
