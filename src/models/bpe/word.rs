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
//! With BPE-dropout each popped entry is, with probability `p`, set aside instead of applied;
//! the set-aside entries return to the heap as soon as one entry is not dropped, so a merge is
//! only ever skipped for the current step.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU64, Ordering};

use super::super::hash::FastMap;

/// Marks the absence of a neighbour.
const NONE: u32 = u32::MAX;

/// Longest word (in bytes) the symbol list can index; longer words are refused by the model.
pub(super) const MAX_WORD_BYTES: usize = (u32::MAX - 1) as usize;

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
    pub fn merge_all(&mut self, merges: &FastMap<u64, (u32, u32)>, dropout: Option<f32>) {
        if self.symbols.len() < 2 {
            return;
        }
        let mut queue: BinaryHeap<Entry> = self
            .symbols
            .windows(2)
            .enumerate()
            .filter_map(|(pos, pair)| {
                merges
                    .get(&pair_key(pair[0].id, pair[1].id))
                    .map(|&(rank, new_id)| Reverse((rank, pos as u32, new_id)))
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
            self.apply(pos, new_id, merges, &mut queue);
        }
        self.symbols.retain(|s| s.len != 0);
    }

    /// Merges the pair at `pos` into `new_id` if the entry is still current, and queues the
    /// pairs formed with the new symbol's neighbours.
    fn apply(
        &mut self,
        pos: u32,
        new_id: u32,
        merges: &FastMap<u64, (u32, u32)>,
        queue: &mut BinaryHeap<Entry>,
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
        match merges.get(&pair_key(left.id, right.id)) {
            Some(&(_, id)) if id == new_id => {}
            _ => return,
        }

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
            if let Some(&(rank, id)) = merges.get(&pair_key(before.id, merged.id)) {
                queue.push(Reverse((rank, merged.prev, id)));
            }
        }
        if let Some(after) = self.symbols.get(merged.next as usize) {
            if let Some(&(rank, id)) = merges.get(&pair_key(merged.id, after.id)) {
                queue.push(Reverse((rank, pos, id)));
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

    fn merges(entries: &[((u32, u32), u32)]) -> FastMap<u64, (u32, u32)> {
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
        word.merge_all(&table, None);
        // aaaa -> [aa][a][a] -> [aa][aa] (rank 0 beats rank 1) -> stays: no (aa,aa) merge.
        assert_eq!(ids(&word), vec![(1, (0, 2)), (1, (2, 4))]);

        let mut word = Word::with_capacity(3);
        for _ in 0..3 {
            word.push(0, 2);
        }
        word.merge_all(&table, None);
        assert_eq!(ids(&word), vec![(2, (0, 6))]);
    }

    #[test]
    fn full_dropout_applies_nothing() {
        let table = merges(&[((0, 0), 1)]);
        let mut word = Word::with_capacity(2);
        word.push(0, 1);
        word.push(0, 1);
        word.merge_all(&table, Some(1.0));
        assert_eq!(word.len(), 2);
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
