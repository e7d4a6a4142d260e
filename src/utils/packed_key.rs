//! Short byte strings packed into two `u64` words, the keys of the tables that look up
//! pieces (the ids path's and the full path's caches, the byte-level vocabulary of a BPE
//! model): the bytes in order, zero padded, and the length in the last byte, so that two
//! keys are equal exactly when their strings are. Comparing two words replaces a string
//! compare, and the key lives inside the table's slot instead of behind a pointer.

/// Longest string with a packed key (the 16th byte holds the length).
pub(crate) const INLINE_KEY_BYTES: usize = 15;

/// `KEY_MASKS[n]` keeps the first `n` bytes of a little-endian 16-byte word. Measured
/// reason: the wide shift that builds such a mask took about 15 instructions a piece
/// (gpt2 English ids 2.25 → 2.20 million instructions a 64 KiB pass).
pub(crate) static KEY_MASKS: [u128; 16] = {
    let mut m = [0u128; 16];
    let mut n = 1;
    while n < 16 {
        m[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    m
};

/// Packs a piece of 1..=15 bytes into its two key words, without a byte-wise copy: the
/// loads overlap, and overlapping bytes are equal, so or-ing them is exact.
#[inline]
pub(crate) fn pack(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let v: u128 = if n >= 8 {
        let lo = b.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
        let hi = b.last_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
        u128::from(lo) | (u128::from(hi) << ((n - 8) * 8))
    } else if n >= 4 {
        let lo = b.first_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
        let hi = b.last_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
        u128::from(lo) | (u128::from(hi) << ((n - 4) * 8))
    } else if n >= 2 {
        let lo = b.first_chunk::<2>().map_or(0, |c| u16::from_le_bytes(*c));
        let hi = b.last_chunk::<2>().map_or(0, |c| u16::from_le_bytes(*c));
        u128::from(lo) | (u128::from(hi) << ((n - 2) * 8))
    } else {
        u128::from(b.first().copied().unwrap_or(0))
    };
    (v as u64, ((v >> 64) as u64) | ((n as u64) << 56))
}

/// [`pack`] of `text[start..end]` (1..=15 bytes): one 16-byte load and a mask when the text
/// has 16 bytes from `start`, without a branch on the length (mispredicted once a piece on
/// words of mixed lengths).
#[inline(always)]
pub(crate) fn pack_in(text: &[u8], start: usize, end: usize) -> (u64, u64) {
    let n = end.wrapping_sub(start);
    match text.get(start..).and_then(|r| r.first_chunk::<16>()) {
        Some(w) if n <= INLINE_KEY_BYTES => {
            let k = u128::from_le_bytes(*w) & KEY_MASKS[n & 15];
            (k as u64, ((k >> 64) as u64) | ((n as u64) << 56))
        }
        _ => pack(text.get(start..end).unwrap_or_default()),
    }
}

/// Longest string whose packed key also has a 12-byte form ([`short_k1`]).
pub(crate) const SHORT_KEY_BYTES: usize = 11;

/// The second word of a packed key of at most [`SHORT_KEY_BYTES`] bytes in 32 bits: bytes
/// 8..11 and the length in the top byte (so never 0). With the first word it identifies the
/// string, which lets a table keep a key and a `u32` in 16 bytes.
#[inline(always)]
pub(crate) fn short_k1(k1: u64) -> u32 {
    (k1 as u32 & 0x00ff_ffff) | (((k1 >> 56) as u32) << 24)
}

/// Hash of a packed key: one folded 64×64→128 multiply.
#[inline]
pub(crate) fn hash_key(k0: u64, k1: u64) -> u64 {
    let m = u128::from(k0 ^ 0x243f_6a88_85a3_08d3) * u128::from(k1 ^ 0x1319_8a2e_0370_7344);
    (m as u64) ^ ((m >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain packing: bytes in order, zero padded, length in the last byte.
    fn naive(b: &[u8]) -> (u64, u64) {
        let mut buf = [0u8; 16];
        buf[..b.len()].copy_from_slice(b);
        buf[15] = b.len() as u8;
        let (lo, hi) = buf.split_at(8);
        (
            u64::from_le_bytes(lo.try_into().unwrap()),
            u64::from_le_bytes(hi.try_into().unwrap()),
        )
    }

    #[test]
    fn pack_matches_plain_packing() {
        let text: Vec<u8> = (1..=40u8).map(|i| i.wrapping_mul(37)).collect();
        for start in 0..20 {
            for len in 1..=INLINE_KEY_BYTES {
                let piece = &text[start..start + len];
                assert_eq!(pack(piece), naive(piece), "{piece:?}");
            }
        }
        // Up to the text's end, where fewer than 16 bytes are left.
        for len in 1..=INLINE_KEY_BYTES {
            for start in 0..=text.len() - len {
                let piece = &text[start..start + len];
                assert_eq!(
                    pack_in(&text, start, start + len),
                    naive(piece),
                    "{piece:?}"
                );
            }
        }
    }
}
