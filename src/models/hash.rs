//! A small, fast, non-cryptographic hasher for the models' lookup tables.
//!
//! Vocabularies and merge tables are queried for every character of every word, so the
//! standard library's DoS-resistant SipHash is needlessly slow here. This hasher mixes eight
//! bytes at a time with a rotate/xor/multiply step and finishes with a 128-bit folded multiply,
//! which spreads entropy into both the high bits (used by the table's control bytes) and the
//! low bits (used for the bucket index). It is deterministic, so iteration order of a map
//! built with it is reproducible, but nothing in the models depends on iteration order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplier of the mixing step (an odd constant with well-spread bits).
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The hasher state: one 64-bit accumulator.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher {
    hash: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash ^ word).wrapping_mul(K).rotate_left(26);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let full = u128::from(self.hash) * u128::from(0x9e37_79b9_7f4a_7c15u64);
        (full as u64) ^ ((full >> 64) as u64)
    }
}

/// A `HashMap` using [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// An empty [`FastMap`] with room for `capacity` entries.
pub(crate) fn map_with_capacity<K, V>(capacity: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(value)
    }

    #[test]
    fn distinguishes_close_keys() {
        assert_ne!(hash_of("a"), hash_of("a\0"));
        assert_ne!(hash_of("ab"), hash_of("ba"));
        assert_ne!(hash_of(&(1u32, 2u32)), hash_of(&(2u32, 1u32)));
        assert_eq!(hash_of("hello world"), hash_of("hello world"));
    }

    #[test]
    fn map_works() {
        let mut map: FastMap<String, u32> = map_with_capacity(4);
        map.insert("x".into(), 1);
        map.insert("yy".into(), 2);
        assert_eq!(map.get("x"), Some(&1));
        assert_eq!(map.get("yy"), Some(&2));
        assert_eq!(map.get("z"), None);
    }
}
