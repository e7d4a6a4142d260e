//! The symbol list of one word and the rank-ordered merge loop.
//!
//! A word starts as one symbol per character (or per fallback byte / fused unknown run), each
//! carrying its vocabulary id and its byte length in the input. Symbols form a doubly linked
//! list inside a vector so that merging two neighbours is O(1): the left symbol absorbs the
//! right one and the right one is marked dead by a zero length (live symbols always cover at
//! least one byte).
//!
//! Merging follows the reference exactly: a min-heap keyed on `(rank, position)` holds every
//! adjacent pair that has a merge. The smallest entry is popped; it is skipped when it has gone
//! stale (its left symbol died, has no right neighbour any more, or the pair now at that
//! position does not produce the same new id); otherwise the pair is merged and the two pairs
//! formed with the new symbol's neighbours are pushed. The result is the classic "apply the
//! lowest-rank merge, leftmost first, until none applies".
//!
//! Short words (at most [`SHORT_WORD`] symbols, nearly all pieces of pre-tokenized text)
//! skip the heap: each adjacent pair's `(rank, new id)` sits in a small array, and each step
//! scans it for the lowest rank, leftmost first, merges that pair in place and looks up only
//! the two pairs it changed. This picks the same merge at every step as the heap (the heap's
//! order is `(rank, position)` over the current pairs, and its stale entries are exactly the
//! pairs the scan no longer sees), provided a merge's new id identifies its pair, which holds
//! when no two tokens share an id; the model only asks for it then. Measured reason: on
//! cache misses the heap's allocation and sifting cost more than the merges themselves.
//!
//! Long words (at least [`LONG_WORD`] symbols: a document-long run of letters, digits or
//! one repeated character) replace the heap by a bucket queue indexed by rank: bucket `r`
//! lists the positions of pairs queued with rank `r`. The lowest non-empty bucket is taken
//! whole, sorted by position, and its pairs are merged left to right (stale ones, whose pair
//! no longer has rank `r`, skipped); pairs formed meanwhile go to their own buckets, except
//! one formed with a rank not above `r` (possible only in files whose merges are not in
//! training order, such as SentencePiece conversions), which goes to a small heap that is
//! drained, in `(rank, position)` order, before each remaining pair of the batch that it
//! precedes. This is the heap's `(rank, position)` order again, under the same condition as
//! the array scan; with positions mostly queued in increasing order the sorts are cheap,
//! each merge touches memory close to the previous one, and every bucket is taken once.
//! Measured reason: one letter repeated over 1 MiB took 576 ms with the heap (cache misses
//! in every sift) and about 110 ms with the buckets (ids path, gpt2); sending the rest of the
//! batch back to its bucket on every lower-ranked pair instead made a run of spaces in
//! Llama 2 (whose `▁ ▁` merge is ranked last) quadratic.
//!
//! With BPE-dropout each popped entry is, with probability `p`, set aside instead of applied;
//! the set-aside entries return to the heap as soon as one entry is not dropped, so a merge is
//! only ever skipped for the current step.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU64, Ordering};

use super::merges::MergeMap;
use crate::utils::prefetch::prefetch;

/// Marks the absence of a neighbour.
const NONE: u32 = u32::MAX;

/// Longest word (in bytes) the symbol list can index; longer words are refused by the model.
pub(super) const MAX_WORD_BYTES: usize = (u32::MAX - 1) as usize;

/// Longest word (in symbols) merged by the array scan instead of the heap. Measured
/// reason for so many: on multilingual text (a run of CJK chars is one piece, three
/// byte-level symbols a char) most cache misses were words above 24 symbols, and the
/// heap's allocation and sifting cost more than the scans.
pub(super) const SHORT_WORD: usize = 128;
/// Words up to this many symbols use a smaller instance of the array scan (most pieces).
const SMALL_WORD: usize = 24;
/// How many queued positions ahead the bucket queue prefetches symbols. Measured reason:
/// the positions of one bucket lie all over a long word's symbols, so each merge waited on
/// memory; prefetching took 1 MiB of random letters through gpt2 (ids) from 5.2–5.5 to
/// 6.9–9.0 MB/s and random digits from 3.9–5.6 to 5.9–9.0.
const PREFETCH_DISTANCE: usize = 16;
/// Shortest word (in symbols) merged with the bucket queue instead of the heap.
pub(super) const LONG_WORD: usize = 1 << 14;

/// Packs a pair of ids into the merge table's key.
#[inline]
pub(super) fn pair_key(left: u32, right: u32) -> u64 {
    (u64::from(left) << 32) | u64::from(right)
}

#[derive(Debug, Clone, Copy)]
struct Symbol {
    id: u32,
    /// Byte length in the input; 0 marks a symbol merged into its left neighbour.
    len: u32,
    prev: u32,
    next: u32,
}

/// The symbols of one word.
#[derive(Debug, Default)]
pub(super) struct Word {
    symbols: Vec<Symbol>,
}

/// A heap entry: `(rank, position, new id)`, smallest rank then leftmost position first.
type Entry = Reverse<(u32, u32, u32)>;

impl Word {
    /// An empty word with room for `capacity` symbols.
    pub fn with_capacity(capacity: usize) -> Self {
        Word {
            symbols: Vec::with_capacity(capacity),
        }
    }

    /// Room for symbols without reallocating.
    pub fn capacity(&self) -> usize {
        self.symbols.capacity()
    }

    /// Removes every symbol, keeping the allocation.
    pub fn clear(&mut self) {
        self.symbols.clear();
    }

    /// Appends a symbol covering `len` bytes. The caller keeps the word within
    /// [`MAX_WORD_BYTES`], so lengths and indices fit in `u32`.
    #[inline]
    pub fn push(&mut self, id: u32, len: usize) {
        let index = self.symbols.len() as u32;
        let len = len as u32;
        let prev = match self.symbols.last_mut() {
            Some(last) => {
                last.next = index;
                index - 1
            }
            None => NONE,
        };
        self.symbols.push(Symbol {
            id,
            len,
            prev,
            next: NONE,
        });
    }

    /// Applies merges until none applies. `merges` maps a [`pair_key`] to `(rank, new id)`.
    /// `rank_limit` (above every rank in `merges`) allows the array scan for short words
    /// and the bucket queue for long ones (see the module docs); `None` keeps the heap.
    pub fn merge_all(&mut self, merges: &MergeMap, dropout: Option<f32>, rank_limit: Option<u32>) {
        if self.symbols.len() < 2 {
            return;
        }
        if let (None, Some(limit)) = (dropout, rank_limit) {
            if self.symbols.len() <= SMALL_WORD {
                self.merge_short::<SMALL_WORD>(merges);
                return;
            }
            if self.symbols.len() <= SHORT_WORD {
                self.merge_short::<SHORT_WORD>(merges);
                return;
            }
            if self.symbols.len() >= LONG_WORD {
                self.merge_long(merges, limit);
                return;
            }
        }
        let mut queue: BinaryHeap<Entry> = self
            .symbols
            .windows(2)
            .enumerate()
            .filter_map(|(pos, pair)| {
                merges
                    .pair(pair[0].id, pair[1].id)
                    .map(|(rank, new_id)| Reverse((rank, pos as u32, new_id)))
            })
            .collect();
        let mut rng = dropout.map(|p| (Rng::new(), p));
        let mut skipped: Vec<Entry> = Vec::new();

        while let Some(entry) = queue.pop() {
            if let Some((rng, p)) = rng.as_mut() {
                if rng.next_f32() < *p {
                    skipped.push(entry);
                    continue;
                }
            }
            queue.extend(skipped.drain(..));
            let Reverse((_, pos, new_id)) = entry;
            self.merge_at(pos, |_, id| id == new_id, merges, &mut |rank, at, id| {
                queue.push(Reverse((rank, at, id)))
            });
        }
        self.symbols.retain(|s| s.len != 0);
    }

    /// The array scan for short, freshly pushed words (symbols contiguous, none dead) of at
    /// most `N` symbols: `ranks[i]` and `new_ids[i]` describe the pair of the live symbol
    /// `i` and the live one after it (`u32::MAX`: no merge, or `i` is dead or last). Each
    /// step takes the lowest rank (a `min` over the array, which the compiler vectorizes),
    /// its leftmost position, merges that pair into its left symbol, marks the right one
    /// dead, and looks up the two pairs it changed. Symbols stay where they are (links in
    /// two small arrays) until the dead ones are dropped at the end, so index order is
    /// position order and the leftmost lowest rank is the same pair as in the heap.
    /// Measured reason: removing the right symbol and shifting both arrays at every merge
    /// cost three `memmove` calls a merge.
    fn merge_short<const N: usize>(&mut self, merges: &MergeMap) {
        const END: u8 = u8::MAX;
        let symbols = &mut self.symbols;
        let n = symbols.len().min(N);
        let mut ranks = [u32::MAX; N];
        let mut new_ids = [0u32; N];
        // Links between live symbols (`N` is at most 128, so indices fit in a byte; `END`
        // and `n` mean none).
        let mut next = [END; N];
        let mut prev = [END; N];
        for i in 0..n {
            next[i] = (i + 1) as u8;
            prev[i] = if i == 0 { END } else { (i - 1) as u8 };
        }
        let pairs = ranks.iter_mut().zip(new_ids.iter_mut());
        for ((rank, new_id), pair) in pairs.zip(symbols.windows(2)) {
            if let Some((r, id)) = merges.pair(pair[0].id, pair[1].id) {
                (*rank, *new_id) = (r, id);
            }
        }
        let Some(live) = ranks.get(..n) else {
            return;
        };
        let mut best_rank = live.iter().copied().min().unwrap_or(u32::MAX);
        while best_rank != u32::MAX {
            let live = ranks.get(..n).unwrap_or_default();
            let best = live.iter().position(|&r| r == best_rank).unwrap_or(0);
            let right = next.get(best).map_or(n, |&r| usize::from(r));
            let (Some(&right_sym), Some(&id)) = (symbols.get(right), new_ids.get(best)) else {
                break;
            };
            let after = next.get(right).map_or(n, |&a| usize::from(a));
            if let Some(r) = ranks.get_mut(right) {
                *r = u32::MAX;
            }
            if let Some(s) = symbols.get_mut(right) {
                s.len = 0;
            }
            let merged = match symbols.get_mut(best) {
                Some(s) => {
                    s.id = id;
                    s.len += right_sym.len;
                    *s
                }
                None => break,
            };
            next[best] = after as u8;
            let lookup = |a: u32, b: u32| merges.pair(a, b).unwrap_or((u32::MAX, 0));
            (ranks[best], new_ids[best]) = match symbols.get(after) {
                Some(s) if after < n => {
                    prev[after] = best as u8;
                    lookup(merged.id, s.id)
                }
                _ => (u32::MAX, 0),
            };
            let before = usize::from(prev[best]);
            if let Some(s) = symbols.get(before).filter(|_| before < n) {
                (ranks[before], new_ids[before]) = lookup(s.id, merged.id);
            }
            best_rank = ranks
                .get(..n)
                .unwrap_or_default()
                .iter()
                .copied()
                .min()
                .unwrap_or(u32::MAX);
        }
        symbols.retain(|s| s.len != 0);
        // Restore the list links over the compacted symbols.
        let last = symbols.len().saturating_sub(1);
        for (i, s) in symbols.iter_mut().enumerate() {
            s.prev = if i == 0 { NONE } else { i as u32 - 1 };
            s.next = if i == last { NONE } else { i as u32 + 1 };
        }
    }

    /// The bucket queue for long, freshly pushed words.
    fn merge_long(&mut self, merges: &MergeMap, rank_limit: u32) {
        // buckets[rank]: positions queued with that rank (a vector each, so that taking a
        // bucket reads contiguous memory).
        let mut buckets: Vec<Vec<u32>> = Vec::new();
        buckets.resize_with(rank_limit as usize, Vec::new);
        let mut lowest = u32::MAX;
        for (pos, pair) in self.symbols.windows(2).enumerate() {
            if let Some((rank, _)) = merges.pair(pair[0].id, pair[1].id) {
                if let Some(bucket) = buckets.get_mut(rank as usize) {
                    bucket.push(pos as u32);
                    lowest = lowest.min(rank);
                }
            }
        }
        let mut batch: Vec<u32> = Vec::new();
        // Pairs formed with a rank not above the batch's, in the heap's `(rank, position)`
        // order: they come before the rest of the batch whenever they are smaller.
        let mut low: BinaryHeap<Reverse<(u32, u32)>> = BinaryHeap::new();
        let mut rank = lowest as usize;
        while let Some(bucket) = buckets.get_mut(rank) {
            if bucket.is_empty() {
                rank += 1;
                continue;
            }
            // Swap the bucket out (keeping both allocations for reuse).
            std::mem::swap(bucket, &mut batch);
            batch.sort_unstable();
            let current = rank as u32;
            let mut i = 0;
            loop {
                let from_low = match (low.peek(), batch.get(i)) {
                    (Some(&Reverse(entry)), Some(&pos)) => entry < (current, pos),
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                let (entry_rank, pos) = if from_low {
                    match low.pop() {
                        Some(Reverse(entry)) => entry,
                        None => break,
                    }
                } else {
                    // Start loading the symbol a few entries ahead, so that cache misses
                    // overlap.
                    if let Some(&ahead) = batch.get(i + PREFETCH_DISTANCE) {
                        prefetch(&self.symbols, ahead as usize);
                    }
                    let Some(&pos) = batch.get(i) else {
                        break;
                    };
                    i += 1;
                    (current, pos)
                };
                self.merge_at(pos, |r, _| r == entry_rank, merges, &mut |r, p, _| {
                    if r <= current {
                        low.push(Reverse((r, p)));
                    } else if let Some(bucket) = buckets.get_mut(r as usize) {
                        bucket.push(p);
                    }
                });
            }
            batch.clear();
            rank += 1;
        }
        self.symbols.retain(|s| s.len != 0);
    }

    /// Merges the pair at `pos` if it is still current: the symbol is alive, has a right
    /// neighbour, and their merge's `(rank, new id)` passes `current` (the heap checks the
    /// new id of its entry, the bucket queue the rank of its bucket). Reports the pairs
    /// formed with the new symbol's neighbours to `formed(rank, position, new id)`.
    fn merge_at(
        &mut self,
        pos: u32,
        current: impl Fn(u32, u32) -> bool,
        merges: &MergeMap,
        formed: &mut impl FnMut(u32, u32, u32),
    ) {
        let Some(&left) = self.symbols.get(pos as usize) else {
            return;
        };
        if left.len == 0 || left.next == NONE {
            return;
        }
        let right_pos = left.next;
        let Some(&right) = self.symbols.get(right_pos as usize) else {
            return;
        };
        let new_id = match merges.pair(left.id, right.id) {
            Some((r, id)) if current(r, id) => id,
            _ => return,
        };
        let merged = Symbol {
            id: new_id,
            len: left.len + right.len,
            prev: left.prev,
            next: right.next,
        };
        if let Some(slot) = self.symbols.get_mut(pos as usize) {
            *slot = merged;
        }
        if let Some(dead) = self.symbols.get_mut(right_pos as usize) {
            dead.len = 0;
        }
        if let Some(after) = self.symbols.get_mut(merged.next as usize) {
            after.prev = pos;
        }
        if let Some(before) = self.symbols.get(merged.prev as usize) {
            if let Some((r, id)) = merges.pair(before.id, merged.id) {
                formed(r, merged.prev, id);
            }
        }
        if let Some(after) = self.symbols.get(merged.next as usize) {
            if let Some((r, id)) = merges.pair(merged.id, after.id) {
                formed(r, pos, id);
            }
        }
    }

    /// `(id, (start, end))` of each symbol, offsets accumulated from the symbol lengths.
    pub fn tokens(&self) -> impl Iterator<Item = (u32, (usize, usize))> + '_ {
        let mut pos = 0;
        self.symbols.iter().map(move |s| {
            let start = pos;
            pos += s.len as usize;
            (s.id, (start, pos))
        })
    }

    /// Number of symbols.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.symbols.len()
    }
}

/// A tiny xorshift64* generator for BPE-dropout, seeded per word from a global counter and
/// the clock, so no state is shared between threads beyond one atomic increment.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0x853c_49e6_748f_ea9b);
        let count = COUNTER.fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        // splitmix64 finalizer; never zero.
        let mut z = count ^ nanos;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        Rng(z | 1)
    }

    /// Uniform in `[0, 1)`.
    fn next_f32(&mut self) -> f32 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        let bits = x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 40;
        bits as f32 / (1u32 << 24) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merges(entries: &[((u32, u32), u32)]) -> MergeMap {
        entries
            .iter()
            .enumerate()
            .map(|(rank, &((a, b), new))| (pair_key(a, b), (rank as u32, new)))
            .collect()
    }

    fn ids(word: &Word) -> Vec<(u32, (usize, usize))> {
        word.tokens().collect()
    }

    #[test]
    fn leftmost_lowest_rank_first() {
        // a=0; merges: (a,a)->aa=1, (aa,a)->aaa=2
        let table = merges(&[((0, 0), 1), ((1, 0), 2)]);
        let mut word = Word::with_capacity(4);
        for _ in 0..4 {
            word.push(0, 1);
        }
        word.merge_all(&table, None, None);
        // aaaa -> [aa][a][a] -> [aa][aa] (rank 0 beats rank 1) -> stays: no (aa,aa) merge.
        assert_eq!(ids(&word), vec![(1, (0, 2)), (1, (2, 4))]);

        let mut word = Word::with_capacity(3);
        for _ in 0..3 {
            word.push(0, 2);
        }
        word.merge_all(&table, None, None);
        assert_eq!(ids(&word), vec![(2, (0, 6))]);
    }

    #[test]
    fn full_dropout_applies_nothing() {
        let table = merges(&[((0, 0), 1)]);
        let mut word = Word::with_capacity(2);
        word.push(0, 1);
        word.push(0, 1);
        word.merge_all(&table, Some(1.0), None);
        assert_eq!(word.len(), 2);
    }

    #[test]
    fn short_scan_equals_heap() {
        // Random merge tables over a small alphabet (distinct new ids per pair) and random
        // words: the array scan and the heap give the same symbols.
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let mut next = |n: u32| (rng.next_f32() * n as f32) as u32 % n;
        for _ in 0..300 {
            let mut table = MergeMap::default();
            let mut new_id = 10;
            for rank in 0..(5 + next(40)) {
                let key = pair_key(next(new_id), next(new_id));
                if table.get(key).is_none() {
                    table.insert(key, (rank, new_id));
                    new_id += 1;
                }
            }
            for _ in 0..20 {
                let len = 1 + next(SHORT_WORD as u32) as usize;
                let syms: Vec<(u32, usize)> =
                    (0..len).map(|_| (next(4), 1 + next(3) as usize)).collect();
                let run = |scan: bool| {
                    let mut word = Word::with_capacity(len);
                    for &(id, l) in &syms {
                        word.push(id, l);
                    }
                    word.merge_all(&table, None, scan.then_some(1000));
                    ids(&word)
                };
                assert_eq!(run(true), run(false), "word {syms:?}");
            }
        }
    }

    #[test]
    fn bucket_queue_equals_heap() {
        // Long words over a 3-letter alphabet with random merge tables (ranks in no
        // particular order, so merges may form pairs ranked before the current one).
        let mut rng = Rng(0x0bad_cafe_f00d_1234);
        let mut next = |n: u32| (rng.next_f32() * n as f32) as u32 % n;
        for _ in 0..12 {
            let mut table = MergeMap::default();
            let mut new_id = 3;
            for rank in 0..(3 + next(60)) {
                let key = pair_key(next(new_id), next(new_id));
                if table.get(key).is_none() {
                    table.insert(key, (rank, new_id));
                    new_id += 1;
                }
            }
            let len = LONG_WORD + next(500) as usize;
            let syms: Vec<u32> = (0..len).map(|_| next(3)).collect();
            let run = |limit: Option<u32>| {
                let mut word = Word::with_capacity(len);
                for &id in &syms {
                    word.push(id, 1);
                }
                word.merge_all(&table, None, limit);
                ids(&word)
            };
            assert_eq!(run(Some(100)), run(None));
        }
    }

    #[test]
    fn bucket_queue_lower_ranked_chain() {
        // `a a` ranked last, longer runs of `a` ranked before it (as `▁ ▁` in Llama 2):
        // every merge forms a pair ranked below the batch's.
        let mut entries = Vec::new();
        for len in 2..=16u32 {
            for left in (1..len).rev() {
                let right = len - left;
                if (left, right) != (1, 1) {
                    entries.push(((left - 1, right - 1), len - 1));
                }
            }
        }
        entries.push(((0, 0), 1));
        let mut table = MergeMap::default();
        for (rank, &(pair, new)) in entries.iter().enumerate() {
            let key = pair_key(pair.0, pair.1);
            if table.get(key).is_none() {
                table.insert(key, (rank as u32, new));
            }
        }
        let run = |limit: Option<u32>| {
            let mut word = Word::with_capacity(LONG_WORD + 7);
            for _ in 0..LONG_WORD + 7 {
                word.push(0, 1);
            }
            word.merge_all(&table, None, limit);
            ids(&word)
        };
        let heap = run(None);
        assert_eq!(heap.first(), Some(&(15, (0, 16))));
        assert_eq!(run(Some(entries.len() as u32)), heap);
    }

    #[test]
    fn rng_is_in_range() {
        let mut rng = Rng::new();
        for _ in 0..1000 {
            let x = rng.next_f32();
            assert!((0.0..1.0).contains(&x));
        }
    }
}
