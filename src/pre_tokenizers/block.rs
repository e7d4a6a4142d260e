//! Sixty-four text bytes classified at once, for the GPT-2 scanner's quick step.
//!
//! A [`Block`] holds up to 64 bytes of a text from some offset (`base`), which bytes of
//! them are ASCII, and where the GPT-2 pattern may cut between them
//! ([`gpt2_starts`]): one bit per byte, computed from class masks (letters,
//! digits, whitespace, spaces) for all 64 bytes at once, about 200 instructions with
//! SSE2 (a few compares and a `movemask` per class and 16 bytes). A quick step then
//! finds the end of the match it starts as the next cut (a shift and a trailing-zero
//! count) instead of walking and classifying its bytes. Measured reason: on gpt2 English
//! the per-match classification of a 16-byte window was most of the scan's cost; with
//! the block the ids path ran 17 % faster (median of 7 interleaved runs, each its
//! fastest 64 KiB pass).
//!
//! Invariants: bytes past the text's end are padded with `0x80`, so they are never ASCII
//! and no cut there is trusted; a cut is read from the byte before and the byte after it,
//! so a step trusts a match only when it, the byte after it and the one after that are
//! ASCII (a multi-byte char may continue a run or be whitespace). A step reads at most
//! [`REACH`] + 17 bytes into the block; past that the block is reloaded at the step's
//! position, which is always the start of a match.

/// Largest offset from the block's base at which a quick step starts: a match of up to
/// 15 bytes, the byte after it and the one after that stay inside the 64 bytes.
pub(crate) const REACH: usize = 47;

/// Up to 64 text bytes from `base`, which of them are ASCII and where GPT-2 cuts.
#[derive(Clone, Copy)]
pub(crate) struct Block {
    /// Text offset of byte 0; `usize::MAX` before the first load.
    base: usize,
    bytes: [u8; 64],
    /// ASCII bytes of the text (not padding).
    ascii: u64,
    /// Where the GPT-2 pattern's matches may start (see [`gpt2_starts`]).
    pub(crate) starts: u64,
}

impl Block {
    /// An empty block.
    pub(crate) fn new() -> Self {
        Block {
            base: usize::MAX,
            bytes: [0x80; 64],
            ascii: 0,
            starts: 0,
        }
    }
}

/// The class masks of 64 bytes: letters, digits, whitespace, spaces, high bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Masks {
    l: u64,
    n: u64,
    s: u64,
    sp: u64,
    high: u64,
}

impl Block {
    /// The offset of text position `i` in the block, after reloading the block at `i`
    /// when `i` is before it or more than [`REACH`] bytes into it. `None`, without a
    /// reload, when the text has no two ASCII bytes at `i`: no quick step settles a match
    /// there (its first two bytes, or its first and the one that ends it, are read), and
    /// on text without spaces between words reloads would be wasted piece after piece.
    #[inline(always)]
    pub(crate) fn offset(&mut self, text: &[u8], i: usize) -> Option<usize> {
        match i.checked_sub(self.base) {
            Some(off) if off <= REACH => Some(off),
            _ => {
                let two = text.get(i..)?.first_chunk::<2>()?;
                if (two[0] | two[1]) >= 0x80 {
                    return None;
                }
                self.load(text, i).then_some(0)
            }
        }
    }

    /// Loads the block at text position `i`; false when no byte is left there.
    #[inline(never)]
    fn load(&mut self, text: &[u8], i: usize) -> bool {
        let Some(rest) = text.get(i..).filter(|r| !r.is_empty()) else {
            return false;
        };
        // Classified from the text itself, and copied with fixed-size moves (one copy
        // for both cases compiled to a `memcpy` call).
        let m = match rest.first_chunk::<64>() {
            Some(chunk) => {
                self.bytes = *chunk;
                classify(chunk)
            }
            None => self.load_tail(rest),
        };
        self.base = i;
        self.ascii = !m.high;
        self.starts = gpt2_starts(&m);
        true
    }

    /// Loads the text's last bytes (fewer than 64), padded with `0x80`.
    #[cold]
    #[inline(never)]
    fn load_tail(&mut self, rest: &[u8]) -> Masks {
        self.bytes = [0x80; 64];
        if let Some(head) = self.bytes.get_mut(..rest.len()) {
            head.copy_from_slice(rest);
        }
        classify(&self.bytes)
    }

    /// Byte `j` of the block (0x80 past it).
    #[inline(always)]
    pub(crate) fn byte(&self, j: usize) -> u8 {
        self.bytes.get(j).copied().unwrap_or(0x80)
    }

    /// Whether every byte of `window` (a mask) is an ASCII byte of the text.
    #[inline(always)]
    pub(crate) fn ascii_all(&self, window: u64) -> bool {
        window & !self.ascii == 0
    }

    /// The bytes `from..to` of the block as a mask.
    #[inline(always)]
    pub(crate) fn span(from: usize, to: usize) -> u64 {
        let below = |k: usize| !u64::MAX.checked_shl(k as u32).unwrap_or(0);
        below(to) & !below(from)
    }

    /// The key words of the block's bytes `off..off + len` (`len` 1..=15, `off` at most
    /// [`REACH`]): in order, zero padded to 16 bytes, the length in the last byte.
    #[inline(always)]
    pub(crate) fn key(&self, off: usize, len: usize) -> (u64, u64) {
        let word = |j: usize| {
            self.bytes
                .get(j..)
                .and_then(|r| r.first_chunk::<8>())
                .map_or(0, |c| u64::from_le_bytes(*c))
        };
        let keep = |n: usize| u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0);
        let (k0, k1) = if len <= 8 {
            (word(off) & keep(len), 0)
        } else {
            (word(off), word(off + 8) & keep(len - 8))
        };
        (k0, k1 | ((len as u64) << 56))
    }
}

/// The bytes before which the GPT-2 pattern cuts, read from the byte before and the byte
/// after (valid where those three bytes are ASCII and the cut at the start of a match is
/// known): a change of class (letter, digit, whitespace, other), and the last char of a
/// whitespace run of two or more (`\s+(?!\S)` leaves it), but not a letter, digit or
/// other char after a space (` ?\p{L}+` and its kin take the space, which always starts
/// a match there). A match that starts at a `'` may be a contraction, which the masks do
/// not see.
fn gpt2_starts(m: &Masks) -> u64 {
    let ascii = !m.high;
    let other = ascii & !(m.l | m.n | m.s);
    let change = |c: u64| c ^ (c << 1);
    let last_of_run = m.s & (m.s << 1) & !(m.s >> 1);
    let joined = (m.sp << 1) & (m.l | m.n | other);
    (change(m.l) | change(m.n) | change(other) | change(m.s) | last_of_run) & !joined
}

/// The class masks of `bytes`, sixteen bytes per step with SSE2 (part of the x86_64
/// baseline).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn classify(bytes: &[u8; 64]) -> Masks {
    // SAFETY: the function only needs SSE2, which this build enables (see the `cfg`).
    #[allow(unsafe_code)]
    unsafe {
        classify_sse2(bytes)
    }
}

/// # Safety
///
/// The CPU must have SSE2 (every x86_64 CPU does).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[allow(unsafe_code)]
unsafe fn classify_sse2(bytes: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut m = Masks::default();
    for (k, chunk) in bytes.chunks_exact(16).enumerate() {
        // `chunk` is 16 readable bytes; the load has no alignment requirement.
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        // Signed compares: bytes of 0x80 and more are negative, below every bound here.
        let within = |x, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
                _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
            )
        };
        let letter = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
        let digit = within(v, b'0', b'9');
        let sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
        let space = _mm_or_si128(sp, within(v, 9, 13));
        let bits = |x| u64::from(_mm_movemask_epi8(x) as u16) << (16 * k);
        m.l |= bits(letter);
        m.n |= bits(digit);
        m.s |= bits(space);
        m.sp |= bits(sp);
        m.high |= bits(v);
    }
    m
}

/// The class masks of `bytes`, byte by byte.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn classify_portable(bytes: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (j, &b) in bytes.iter().enumerate() {
        let bit = 1u64 << j;
        if b.is_ascii_alphabetic() {
            m.l |= bit;
        }
        if b.is_ascii_digit() {
            m.n |= bit;
        }
        if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            m.s |= bit;
        }
        if b == b' ' {
            m.sp |= bit;
        }
        if b >= 0x80 {
            m.high |= bit;
        }
    }
    m
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn classify(bytes: &[u8; 64]) -> Masks {
    classify_portable(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position: the masks agree with the byte-wise ones.
    #[test]
    fn classify_agrees_with_bytewise() {
        for shift in 0..64usize {
            for chunk in 0..4u8 {
                let mut bytes = [0u8; 64];
                for (j, b) in bytes.iter_mut().enumerate() {
                    *b = (chunk * 64).wrapping_add(((j + shift) % 64) as u8);
                }
                assert_eq!(classify(&bytes), classify_portable(&bytes), "{bytes:?}");
            }
        }
    }

    #[test]
    fn starts_spans_and_keys() {
        let text = b"hello  world's 12\n\n";
        let mut block = Block::new();
        assert_eq!(block.offset(text, 0), Some(0));
        // Cuts before the first space, the second space (the last of the run), `'` and
        // `s` (the masks do not see contractions), the space before the digits, the first
        // line break, the second (the last of its run, before the padding) and the
        // padding; none before the letters and digits that a space leads.
        let starts: Vec<u32> = (0..20).filter(|&j| block.starts >> j & 1 != 0).collect();
        assert_eq!(starts, [0, 5, 6, 12, 13, 14, 17, 18, 19]);
        assert!(block.ascii_all(Block::span(0, 19)));
        // The padding is not ASCII: a match at the text's end is not settled.
        assert!(!block.ascii_all(Block::span(17, 20)));
        assert_eq!(Block::span(2, 5), 0b11100);
        assert_eq!(Block::span(0, 64), u64::MAX);
        let (k0, k1) = block.key(7, 5);
        assert_eq!(k0, u64::from_le_bytes(*b"world\0\0\0"));
        assert_eq!(k1, 5 << 56);
        let (k0, k1) = block.key(0, 10);
        assert_eq!(k0, u64::from_le_bytes(*b"hello  w"));
        assert_eq!(k1, u64::from_le_bytes(*b"or\0\0\0\0\0\x0a"));
        // Within reach the block stays; past it, it moves.
        assert_eq!(block.offset(text, 10), Some(10));
        // At the text's end: within reach, padding; a new block has nothing to load, nor
        // where fewer than two ASCII bytes are left.
        assert_eq!(block.offset(text, text.len()), Some(text.len()));
        assert_eq!(Block::new().offset(text, text.len()), None);
        assert_eq!(Block::new().offset(text, text.len() - 1), None);
        assert_eq!(Block::new().offset("aé".as_bytes(), 0), None);
        let long = [b'a'; 100];
        assert_eq!(block.offset(&long, 0), Some(0));
        assert_eq!(block.offset(&long, REACH + 1), Some(0));
        assert!(block.ascii_all(Block::span(0, 52)));
        assert!(!block.ascii_all(Block::span(0, 53)));
    }
}
