//! A read-only map from short byte strings to `u32`, for the tables built once from a
//! vocabulary: the BPE model's raw-bytes vocabulary and the ids path's vocabulary seed.
//!
//! Keys are strings of 1 to [`SHORT_KEY_BYTES`] bytes packed in 12 bytes
//! ([`crate::utils::packed_key::short_k1`]), stored with their value in 16-byte slots of
//! an open-addressing table (linear probing, at most 3/4 full; one folded multiply hashes
//! a key).
//! Optionally a 128 KiB filter sits in front: two bits of one word per key, so a key
//! whose two bits are not both set is answered absent without reading a slot, which
//! stays in L2 where the slots would not.
//!
//! Invariants: keys are distinct (the builder's callers derive them from distinct
//! tokens); a filled slot's second key word is never 0 (it holds the length), which marks
//! the empty slots; the table is never more than 3/4 full, so a probe ends.

use crate::utils::packed_key::{hash_key, pack, short_k1, SHORT_KEY_BYTES};

/// One key and its value.
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    k0: u64,
    k1: u32,
    value: u32,
}

/// log2 of the filter's 64-bit words (2^14 words: 128 KiB).
const FILTER_WORD_BITS: u32 = 14;

/// See the module docs.
#[derive(Clone, Default)]
pub(crate) struct ShortKeyTable {
    slots: Box<[Slot]>,
    /// Empty when the table has no filter.
    filter: Box<[u64]>,
    len: usize,
}

impl ShortKeyTable {
    /// The table of `entries`: `(bytes, value)` with distinct keys of 1 to
    /// [`SHORT_KEY_BYTES`] bytes (others are left out), with a filter when `filtered`.
    pub(crate) fn build<'a>(
        entries: impl IntoIterator<Item = (&'a [u8], u32)>,
        filtered: bool,
    ) -> Self {
        let keyed: Vec<(u64, u32, u32)> = entries
            .into_iter()
            .filter(|(bytes, _)| (1..=SHORT_KEY_BYTES).contains(&bytes.len()))
            .map(|(bytes, value)| {
                let (k0, k1) = pack(bytes);
                (k0, short_k1(k1), value)
            })
            .collect();
        let size = (keyed.len() * 4 / 3 + 1).next_power_of_two();
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        let mut filter = if filtered {
            vec![0u64; 1 << FILTER_WORD_BITS].into_boxed_slice()
        } else {
            Box::default()
        };
        let mask = size - 1;
        for &(k0, k1, value) in &keyed {
            let h = hash(k0, k1);
            let (word, bits) = filter_bits(h);
            if let Some(w) = filter.get_mut(word) {
                *w |= bits;
            }
            let mut i = h as usize & mask;
            while let Some(slot) = slots.get_mut(i) {
                if slot.k1 == 0 {
                    *slot = Slot { k0, k1, value };
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        ShortKeyTable {
            slots,
            filter,
            len: keyed.len(),
        }
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The value of the key packed as `(k0, k1)` ([`pack`]): `Some(value)` or `Some(None)`
    /// when it is absent, `None` when the key is longer than [`SHORT_KEY_BYTES`] (the
    /// table cannot tell).
    #[inline]
    pub(crate) fn get_packed(&self, k0: u64, k1: u64) -> Option<Option<u32>> {
        if (k1 >> 56) as usize > SHORT_KEY_BYTES {
            return None;
        }
        let k1 = short_k1(k1);
        let h = hash(k0, k1);
        if !self.filter.is_empty() {
            let (word, bits) = filter_bits(h);
            if self.filter.get(word).is_none_or(|&w| w & bits != bits) {
                return Some(None);
            }
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = h as usize & mask;
        while let Some(slot) = self.slots.get(i) {
            if slot.k0 == k0 && slot.k1 == k1 {
                return Some(Some(slot.value));
            }
            if slot.k1 == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        Some(None)
    }

    /// [`Self::get_packed`] of `bytes` (`None` also when it is empty).
    #[inline]
    pub(crate) fn get(&self, bytes: &[u8]) -> Option<Option<u32>> {
        if bytes.is_empty() || bytes.len() > SHORT_KEY_BYTES {
            return None;
        }
        let (k0, k1) = pack(bytes);
        self.get_packed(k0, k1)
    }
}

/// Hash of a short key: the piece caches' folded multiply, in which every bit of the key
/// moves every bit of the hash (a plain multiply's middle bits ignore the key's top bytes,
/// which piled keys differing only there into one run of slots). The low bits give the
/// home slot, the top 14 bits and bits 20..32 the filter's word and bits.
#[inline(always)]
fn hash(k0: u64, k1: u32) -> u64 {
    hash_key(k0, u64::from(k1))
}

/// The filter's word for a key's hash and its two bits there.
#[inline(always)]
fn filter_bits(h: u64) -> (usize, u64) {
    let word = (h >> (64 - FILTER_WORD_BITS)) as usize;
    (word, (1 << ((h >> 20) & 63)) | (1 << ((h >> 26) & 63)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With and without the filter, present keys give their values, absent ones
    /// `Some(None)`, and long or empty keys `None`.
    #[test]
    fn lookups_agree_with_the_entries() {
        let words: Vec<Vec<u8>> = (0..5000u32)
            .map(|i| format!("w{}", i.wrapping_mul(2_654_435_761) % 1_000_000).into_bytes())
            .collect();
        let mut distinct = words.clone();
        distinct.sort();
        distinct.dedup();
        for filtered in [false, true] {
            let table = ShortKeyTable::build(
                distinct
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (w.as_slice(), i as u32)),
                filtered,
            );
            assert_eq!(table.len(), distinct.len());
            for (i, w) in distinct.iter().enumerate() {
                assert_eq!(table.get(w), Some(Some(i as u32)));
            }
            for absent in [&b"x"[..], b"w-1", b"w10000000", b"eleven_byte"] {
                assert_eq!(table.get(absent), Some(None), "{absent:?}");
            }
            assert_eq!(table.get(b""), None);
            assert_eq!(table.get(b"twelve_bytes"), None);
        }
        assert_eq!(ShortKeyTable::default().get(b"a"), Some(None));
    }
}
