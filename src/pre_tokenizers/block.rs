//! Sixty-four text bytes classified at once, for the quick steps of the GPT-2 and
//! cl100k-family scanners.
//!
//! A [`Block`] holds up to 64 bytes of a text from some offset (`base`), which bytes of
//! them are ASCII, and where the scanner's pattern may cut between them
//! ([`gpt2_starts`], [`cl100k_starts`]): one bit per byte, computed from class masks
//! (letters, digits, whitespace, spaces, line breaks) for all 64 bytes at once, a few
//! hundred instructions with SSE2 (a few compares and a `movemask` per class and 16
//! bytes), about half that with AVX2 (32 bytes a step) where the CPU has it. A quick step then
//! finds the end of the match it starts as the next cut (a shift and a trailing-zero
//! count) instead of walking and classifying its bytes. Measured reason: on gpt2 English
//! the per-match classification of a 16-byte window was most of the scan's cost; with
//! the block the ids path ran 17 % faster (median of 7 interleaved runs, each its
//! fastest 64 KiB pass).
//!
//! Besides ASCII, some multi-byte chars have their class read from their bytes (in blocks
//! that hold any non-ASCII byte): the letters `À`..`ſ` (two bytes `C3 80`..`C5 BF`, all
//! letters but `×` and `÷`) and the Cyrillic letters U+0400..U+047F (`D0 80`..`D1 BF`),
//! and the punctuation U+2010..U+2027 (three bytes `E2 80 90`..`E2 80 A7`: dashes,
//! quotes, `…`; none is a letter, number or whitespace). Their bytes count as letters and
//! as other chars respectively, so words with accents, Russian text and text with
//! typographic quotes keep the quick step. Measured reason: curly quotes and dashes are
//! most of the non-ASCII chars of English prose, and each sent the piece before it and the
//! one holding it to the exact scanner; on the multilingual corpus a fifth of the pieces
//! the exact scanner cut were Cyrillic words.
//!
//! Invariants: bytes past the text's end are padded with `0x80`, so their class is never
//! known and no cut there is trusted; a char cut off by the block's end has no known
//! class either. A GPT-2 cut is read from the byte before and the byte after it, so a
//! step trusts a match only when the class of its bytes, of the byte after it and of the
//! one after that are known (a char of another script may continue a run or be
//! whitespace); a cl100k cut may also read a line break further on in the same
//! whitespace run (see [`cl100k_starts`]).
//! A step reads at most [`REACH`] + 17 bytes into the block; past that the block is
//! reloaded at the step's position, which is always the start of a match.

use crate::utils::packed_key::KEY_MASKS;

/// Whether `b` leads a char whose class the quick steps read from its bytes (`C3`, the
/// Latin-1 letters; `C4`, `C5`, `D0`, `D1`, letters; `E2`, the punctuation U+2010..U+2027;
/// see the module doc): where the
/// exact scanner alone can settle a match, a quick step does not try.
#[inline(always)]
pub(crate) fn leads_known_char(b: u8) -> bool {
    matches!(b, 0xC3..=0xC5 | 0xD0 | 0xD1 | 0xE2)
}

/// Largest offset from the block's base at which a quick step starts: a match of up to
/// 15 bytes, the byte after it and the one after that stay inside the 64 bytes.
pub(crate) const REACH: usize = 47;

/// The base of a block not loaded yet: above every text position (a text is at most
/// `isize::MAX` bytes), so that the offset of any position from it wraps past [`REACH`].
const UNLOADED: usize = usize::MAX / 2 + 1;

/// Up to 64 text bytes from `base`, which of them are ASCII and where GPT-2 cuts.
#[derive(Clone, Copy)]
pub(crate) struct Block {
    /// Text offset of byte 0; [`UNLOADED`] before the first load.
    base: usize,
    bytes: [u8; 64],
    /// Bytes of the text whose class is known: ASCII, and the multi-byte chars of the
    /// module doc (not padding).
    known: u64,
    /// Where the pattern's matches may start (see [`gpt2_starts`] and [`cl100k_starts`]).
    pub(crate) starts: u64,
    /// The ASCII digits.
    pub(crate) digits: u64,
    /// Which pattern `starts` is for.
    pattern: Pattern,
}

/// The split patterns whose cuts a [`Block`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// GPT-2's (see [`gpt2_starts`]).
    Gpt2,
    /// The cl100k family's, numbers aside (see [`cl100k_starts`]).
    Cl100k,
}

impl Block {
    /// An empty block for `pattern`.
    pub(crate) fn new(pattern: Pattern) -> Self {
        Block {
            base: UNLOADED,
            bytes: [0x80; 64],
            known: 0,
            starts: 0,
            digits: 0,
            pattern,
        }
    }
}

/// The class masks of 64 bytes: letters, digits, whitespace, spaces, high bits, and the
/// bytes of the multi-byte chars whose class is known (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Masks {
    l: u64,
    n: u64,
    s: u64,
    sp: u64,
    /// `\r` and `\n`.
    nl: u64,
    high: u64,
    wide: u64,
    /// The bytes after the first of each multi-byte char of known class.
    cont: u64,
}

impl Block {
    /// The offset of text position `i` in the block, after reloading the block at `i`
    /// when `i` is before it or more than [`REACH`] bytes into it. `None`, without a
    /// reload, when the two bytes at `i` do not both start chars of a known class (or the
    /// first such a char): no quick step settles a match there (its first two bytes, or
    /// its first and the one that ends it, are read), and on text without spaces between
    /// words reloads would be wasted piece after piece.
    #[inline(always)]
    pub(crate) fn offset(&mut self, text: &[u8], i: usize) -> Option<usize> {
        // Before the block (or before the first load), the offset wraps past `REACH`.
        match i.wrapping_sub(self.base) {
            off @ 0..=REACH => Some(off),
            _ => {
                let two = text.get(i..)?.first_chunk::<2>()?;
                let known = |b: u8| b < 0x80 || leads_known_char(b);
                if !(known(two[0]) && (known(two[1]) || two[0] >= 0x80)) {
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
        self.known = !m.high | m.wide;
        self.starts = match self.pattern {
            Pattern::Gpt2 => gpt2_starts(&m),
            Pattern::Cl100k => cl100k_starts(&m),
        };
        self.digits = m.n;
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

    /// Whether every byte of `window` (a mask) is a text byte of a known class.
    #[cfg(test)]
    pub(crate) fn known_all(&self, window: u64) -> bool {
        window & !self.known == 0
    }

    /// Whether the classes of the `len` bytes at `off` and of the two after them are known
    /// (`off` at most [`REACH`], `len` at most 15: the bytes are in the block).
    #[inline(always)]
    pub(crate) fn known_with_two_after(&self, off: usize, len: usize) -> bool {
        let unknown = !self.known >> (off & 63);
        unknown & ((4u64 << (len & 15)) - 1) == 0
    }

    /// The bytes `from..to` of the block as a mask.
    #[cfg(test)]
    pub(crate) fn span(from: usize, to: usize) -> u64 {
        let below = |k: usize| !u64::MAX.checked_shl(k as u32).unwrap_or(0);
        below(to) & !below(from)
    }

    /// The key words of the block's bytes `off..off + len` (`len` 1..=15, `off` at most
    /// [`REACH`]): in order, zero padded to 16 bytes, the length in the last byte.
    #[inline(always)]
    pub(crate) fn key(&self, off: usize, len: usize) -> (u64, u64) {
        // One 16-byte load and a mask, without a branch on the length (a mispredicted
        // branch per piece cost more than the wide mask).
        let word = self
            .bytes
            .get(off..)
            .and_then(|r| r.first_chunk::<16>())
            .map_or(0, |c| u128::from_le_bytes(*c));
        // The mask from a table (see `KEY_MASKS`).
        let k = word & KEY_MASKS[len & 15];
        let (k0, k1) = (k as u64, (k >> 64) as u64);
        (k0, k1 | ((len as u64) << 56))
    }
}

/// The bytes before which a cl100k-family pattern cuts, numbers aside, read from the bytes
/// around (valid where they are ASCII or of known class; see the module doc). The pattern,
/// alternatives tried in order:
/// `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,n}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
/// Cuts, with "other" (`O`) for a char that is neither letter, number nor whitespace:
/// - around each run of letters, but not between a run and the char before it when that
///   char leads it: a whitespace char other than a line break, or an `O` char that starts
///   a match itself (one not after an `O` char or a space, which would have taken it);
/// - around each run of digits (within a run, the quick step counts `n` digits itself);
/// - around each run of `O` chars, but not between a space and the run (` ?`), nor between
///   the run and the line breaks right after it (`[\r\n]*`), which end it;
/// - in a whitespace run, after its last line break (`\s*[\r\n]+`), and before the last
///   char of what follows that (`\s+(?!\S)` leaves it), which joins what comes next when
///   it leads a run of letters or is a space before `O` chars.
///
/// The last line break of a run is found by spreading each line break back over the
/// whitespace before it, and over chars of unknown class (which may be whitespace; a line
/// break is ASCII); whitespace at the block's end is taken as followed by one. So no cut
/// is claimed that a byte outside the known ones could move. A match that starts at a `'` may be a
/// contraction, which these cuts do not see: the quick step leaves it.
fn cl100k_starts(m: &Masks) -> u64 {
    let prev = |x: u64| x << 1;
    let known = !m.high | m.wide;
    let (l, n, s, nl, sp) = (m.l, m.n, m.s, m.nl, m.sp);
    let ws = s & !nl;
    let o = known & !(l | n | s);
    // `O` chars that start a match: the last byte of those that can lead letters.
    let joins = o & !m.cont & !prev(o) & !prev(sp);
    let joins_last = (joins & !m.high) | ((joins & m.high) << 2);
    let leads = prev(ws) | prev(joins_last);
    let letters = (l & !prev(l) & !leads) | (prev(l) & !l);
    let digits = (n & !prev(n)) | (prev(n) & !n);
    // The line breaks right after an `O` run (carried along each run of them).
    let o_nl = (nl.wrapping_add(nl & prev(o)) ^ nl) & nl;
    let other = (o & !prev(o) & !prev(sp))
        | (prev(o) & !o & !nl & !(prev(joins_last) & l))
        | (prev(o_nl) & !o_nl);
    // Whitespace bytes with a line break after them in their run: spread to the left
    // through whitespace and bytes of unknown class (which may be whitespace), six
    // doublings; whitespace at the block's end may have one after it.
    let through = s | !known;
    let mut head = nl | (s & (1 << 63));
    let mut span = through;
    for k in [1, 2, 4, 8, 16, 32] {
        head |= (head >> k) & span;
        span &= span >> k;
    }
    let head = head & s;
    let tail = s & !head;
    let last_of_tail = tail & !((through >> 1) | (1 << 63));
    let spaces = (s & !prev(s) & !o_nl)
        | (prev(head) & !head & s)
        | last_of_tail
        | (prev(s) & !s & !(prev(sp) & o) & !(prev(ws) & l));
    (letters | digits | other | spaces) & !m.cont
}

/// The bytes before which the GPT-2 pattern cuts, read from the byte before and the byte
/// after (valid where those three bytes are ASCII and the cut at the start of a match is
/// known): a change of class (letter, digit, whitespace, other), and the last char of a
/// whitespace run of two or more (`\s+(?!\S)` leaves it), but not a letter, digit or
/// other char after a space (` ?\p{L}+` and its kin take the space, which always starts
/// a match there). A match that starts at a `'` may be a contraction, which the masks do
/// not see.
fn gpt2_starts(m: &Masks) -> u64 {
    let other = (!m.high | m.wide) & !(m.l | m.n | m.s);
    let change = |c: u64| c ^ (c << 1);
    let last_of_run = m.s & (m.s << 1) & !(m.s >> 1);
    let joined = (m.sp << 1) & (m.l | m.n | other);
    (change(m.l) | change(m.n) | change(other) | change(m.s) | last_of_run) & !joined
}

/// The class masks of `bytes`, 32 bytes per step with AVX2 where the CPU has it (checked
/// at run time; the answer is cached), else sixteen with SSE2 (part of the x86_64
/// baseline); the multi-byte chars of known class only where a byte is not ASCII.
/// Measured reason for AVX2: the class masks were about a fifth of a block's load, and
/// loads a sixth of gpt2's ids path.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn classify(bytes: &[u8; 64]) -> Masks {
    // SAFETY: `classify_avx2` runs only where the CPU has AVX2; the other functions only
    // need SSE2, which this build enables (see the `cfg`).
    #[allow(unsafe_code)]
    unsafe {
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        let mut m = if avx2 {
            classify_avx2(bytes)
        } else {
            classify_sse2(bytes)
        };
        if m.high != 0 {
            let leads = if avx2 {
                lead_masks_avx2(bytes, m.high)
            } else {
                lead_masks_sse2(bytes, m.high)
            };
            widen(&mut m, &leads);
        }
        m
    }
}

/// Where the bytes of the multi-byte chars of known class may be, one mask per byte kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Leads {
    /// `E2`, which leads U+2000..U+2FFF.
    e2: u64,
    /// `C3`, which leads U+00C0..U+00FF.
    c3: u64,
    /// `C4`, `C5`, `D0` and `D1`, which lead U+0100..U+017F and U+0400..U+047F: letters
    /// whatever the byte after.
    letter: u64,
    /// `80`..=`BF`: a continuation byte.
    any: u64,
    /// `80`.
    x80: u64,
    /// `90`..=`A7`, the last byte of U+2010..U+2027 after `E2 80`.
    punct: u64,
    /// `80`..=`BF` but `97` and `B7`: the second byte of a Latin-1 letter after `C3`.
    latin: u64,
}

/// Adds the multi-byte chars of known class to `m`: their bytes to `wide`, and those of
/// letters to `l`. A char cut off by the block's end is left out (its last bytes are not
/// in the masks).
#[inline(always)]
fn widen(m: &mut Masks, k: &Leads) {
    let punct = k.e2 & (k.x80 >> 1) & (k.punct >> 2);
    let latin = (k.c3 & (k.latin >> 1)) | (k.letter & (k.any >> 1));
    let letters = latin | (latin << 1);
    m.wide = punct | (punct << 1) | (punct << 2) | letters;
    m.cont = (punct << 1) | (punct << 2) | (latin << 1);
    m.l |= letters;
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
        let nl = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\r' as i8)),
        );
        let bits = |x| u64::from(_mm_movemask_epi8(x) as u16) << (16 * k);
        m.l |= bits(letter);
        m.n |= bits(digit);
        m.s |= bits(space);
        m.sp |= bits(sp);
        m.nl |= bits(nl);
        m.high |= bits(v);
    }
    m
}

/// [`classify_sse2`] 32 bytes per step.
///
/// # Safety
///
/// The CPU must have AVX2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
#[allow(unsafe_code)]
unsafe fn classify_avx2(bytes: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    // Signed compares: bytes of 0x80 and more are negative, below every bound here.
    macro_rules! within {
        ($x:expr, $lo:expr, $hi:expr) => {
            _mm256_and_si256(
                _mm256_cmpgt_epi8($x, _mm256_set1_epi8($lo as i8 - 1)),
                _mm256_cmpgt_epi8(_mm256_set1_epi8($hi as i8 + 1), $x),
            )
        };
    }
    let mut m = Masks::default();
    for (k, chunk) in bytes.chunks_exact(32).enumerate() {
        // `chunk` is 32 readable bytes; the load has no alignment requirement.
        let v = _mm256_loadu_si256(chunk.as_ptr().cast::<__m256i>());
        let letter = within!(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), b'a', b'z');
        let digit = within!(v, b'0', b'9');
        let sp = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b' ' as i8));
        let space = _mm256_or_si256(sp, within!(v, 9u8, 13u8));
        let nl = _mm256_or_si256(
            _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\n' as i8)),
            _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\r' as i8)),
        );
        let shift = 32 * k;
        m.l |= u64::from(_mm256_movemask_epi8(letter) as u32) << shift;
        m.n |= u64::from(_mm256_movemask_epi8(digit) as u32) << shift;
        m.s |= u64::from(_mm256_movemask_epi8(space) as u32) << shift;
        m.sp |= u64::from(_mm256_movemask_epi8(sp) as u32) << shift;
        m.nl |= u64::from(_mm256_movemask_epi8(nl) as u32) << shift;
        m.high |= u64::from(_mm256_movemask_epi8(v) as u32) << shift;
    }
    m
}

/// The [`Leads`] of `bytes`, sixteen bytes per step: first the lead bytes, in the steps
/// with a byte in `high` (every byte looked for is one); then, only if there is a lead,
/// the other masks in the steps that hold one of the two bytes after a lead (elsewhere
/// they are not read). Measured reason: on multilingual text, where few blocks hold
/// these leads, computing every mask of every block cost 3 % of gpt2's ids path.
///
/// # Safety
///
/// The CPU must have SSE2 (every x86_64 CPU does).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[allow(unsafe_code)]
unsafe fn lead_masks_sse2(bytes: &[u8; 64], high: u64) -> Leads {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut k = Leads::default();
    // `chunk` is 16 readable bytes; the load has no alignment requirement.
    let load = |chunk: &[u8]| _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
    let eq = |v, b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
    let bits = |x, j: usize| u64::from(_mm_movemask_epi8(x) as u16) << (16 * j);
    for (j, chunk) in bytes.chunks_exact(16).enumerate() {
        if (high >> (16 * j)) & 0xFFFF != 0 {
            let v = load(chunk);
            k.e2 |= bits(eq(v, 0xE2), j);
            k.c3 |= bits(eq(v, 0xC3), j);
            // `C4`/`C5` and `D0`/`D1`: the lead byte with its lowest bit cleared.
            let even = _mm_and_si128(v, _mm_set1_epi8(0xFE_u8 as i8));
            k.letter |= bits(_mm_or_si128(eq(even, 0xC4), eq(even, 0xD0)), j);
        }
    }
    let lead = k.e2 | k.c3 | k.letter;
    let near = (lead << 1) | (lead << 2);
    for (j, chunk) in bytes.chunks_exact(16).enumerate() {
        if (near >> (16 * j)) & 0xFFFF == 0 {
            continue;
        }
        let v = load(chunk);
        // As signed bytes, 0x80..=0xBF are -128..=-65: one bound each side suffices.
        let punct = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(0x8F_u8 as i8)),
            _mm_cmplt_epi8(v, _mm_set1_epi8(0xA8_u8 as i8)),
        );
        let any = _mm_cmplt_epi8(v, _mm_set1_epi8(0xC0_u8 as i8));
        let latin = _mm_andnot_si128(_mm_or_si128(eq(v, 0x97), eq(v, 0xB7)), any);
        k.x80 |= bits(eq(v, 0x80), j);
        k.punct |= bits(punct, j);
        k.latin |= bits(latin, j);
        k.any |= bits(any, j);
    }
    k
}

/// [`lead_masks_sse2`] 32 bytes per step.
///
/// # Safety
///
/// The CPU must have AVX2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "avx2")]
#[allow(unsafe_code)]
unsafe fn lead_masks_avx2(bytes: &[u8; 64], high: u64) -> Leads {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    macro_rules! eq {
        ($v:expr, $b:expr) => {
            _mm256_cmpeq_epi8($v, _mm256_set1_epi8($b as u8 as i8))
        };
    }
    let mut k = Leads::default();
    for (j, chunk) in bytes.chunks_exact(32).enumerate() {
        let shift = 32 * j;
        if (high >> shift) as u32 != 0 {
            // `chunk` is 32 readable bytes; the load has no alignment requirement.
            let v = _mm256_loadu_si256(chunk.as_ptr().cast::<__m256i>());
            k.e2 |= u64::from(_mm256_movemask_epi8(eq!(v, 0xE2)) as u32) << shift;
            k.c3 |= u64::from(_mm256_movemask_epi8(eq!(v, 0xC3)) as u32) << shift;
            // `C4`/`C5` and `D0`/`D1`: the lead byte with its lowest bit cleared.
            let even = _mm256_and_si256(v, _mm256_set1_epi8(0xFE_u8 as i8));
            let letter = _mm256_or_si256(eq!(even, 0xC4), eq!(even, 0xD0));
            k.letter |= u64::from(_mm256_movemask_epi8(letter) as u32) << shift;
        }
    }
    let lead = k.e2 | k.c3 | k.letter;
    let near = (lead << 1) | (lead << 2);
    for (j, chunk) in bytes.chunks_exact(32).enumerate() {
        let shift = 32 * j;
        if (near >> shift) as u32 == 0 {
            continue;
        }
        let v = _mm256_loadu_si256(chunk.as_ptr().cast::<__m256i>());
        // As signed bytes, 0x80..=0xBF are -128..=-65: one bound each side suffices.
        let punct = _mm256_and_si256(
            _mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x8F_u8 as i8)),
            _mm256_cmpgt_epi8(_mm256_set1_epi8(0xA8_u8 as i8), v),
        );
        let any = _mm256_cmpgt_epi8(_mm256_set1_epi8(0xC0_u8 as i8), v);
        let latin = _mm256_andnot_si256(_mm256_or_si256(eq!(v, 0x97), eq!(v, 0xB7)), any);
        k.x80 |= u64::from(_mm256_movemask_epi8(eq!(v, 0x80)) as u32) << shift;
        k.punct |= u64::from(_mm256_movemask_epi8(punct) as u32) << shift;
        k.latin |= u64::from(_mm256_movemask_epi8(latin) as u32) << shift;
        k.any |= u64::from(_mm256_movemask_epi8(any) as u32) << shift;
    }
    k
}

/// The class masks of `bytes`, byte by byte.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn classify_portable(bytes: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    let mut k = Leads::default();
    for (j, &b) in bytes.iter().enumerate() {
        let bit = 1u64 << j;
        let set = |mask: &mut u64, on: bool| {
            if on {
                *mask |= bit;
            }
        };
        set(&mut m.l, b.is_ascii_alphabetic());
        set(&mut m.n, b.is_ascii_digit());
        set(
            &mut m.s,
            matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '),
        );
        set(&mut m.sp, b == b' ');
        set(&mut m.nl, b == b'\n' || b == b'\r');
        set(&mut m.high, b >= 0x80);
        set(&mut k.e2, b == 0xE2);
        set(&mut k.c3, b == 0xC3);
        set(&mut k.letter, matches!(b, 0xC4 | 0xC5 | 0xD0 | 0xD1));
        set(&mut k.any, (0x80..=0xBF).contains(&b));
        set(&mut k.x80, b == 0x80);
        set(&mut k.punct, (0x90..=0xA7).contains(&b));
        set(
            &mut k.latin,
            (0x80..=0xBF).contains(&b) && b != 0x97 && b != 0xB7,
        );
    }
    if m.high != 0 {
        widen(&mut m, &k);
    }
    m
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn classify(bytes: &[u8; 64]) -> Masks {
    classify_portable(bytes)
}

/// Bit `j` set where `bytes[j]` is `a` or `b`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn either_mask(bytes: &[u8; 64], a: u8, b: u8) -> u64 {
    // SAFETY: the function only needs SSE2, which this build enables (see the `cfg`).
    #[allow(unsafe_code)]
    unsafe {
        either_mask_sse2(bytes, a, b)
    }
}

/// # Safety
///
/// The CPU must have SSE2 (every x86_64 CPU does).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[allow(unsafe_code)]
unsafe fn either_mask_sse2(bytes: &[u8; 64], a: u8, b: u8) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let (va, vb) = (_mm_set1_epi8(a as i8), _mm_set1_epi8(b as i8));
    let mut m = 0;
    for (k, chunk) in bytes.chunks_exact(16).enumerate() {
        // `chunk` is 16 readable bytes; the load has no alignment requirement.
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        let hit = _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb));
        m |= u64::from(_mm_movemask_epi8(hit) as u16) << (16 * k);
    }
    m
}

/// Bit `j` set where `bytes[j]` is `a` or `b`.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
pub(crate) fn either_mask(bytes: &[u8; 64], a: u8, b: u8) -> u64 {
    either_mask_portable(bytes, a, b)
}

/// [`either_mask`] byte by byte.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn either_mask_portable(bytes: &[u8; 64], a: u8, b: u8) -> u64 {
    bytes
        .iter()
        .enumerate()
        .fold(0, |m, (j, &x)| m | (u64::from(x == a || x == b) << j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    /// Every byte value at every position, against the byte-wise mask.
    #[test]
    fn either_mask_agrees_with_bytewise() {
        for base in (0..=255u8).step_by(64) {
            let mut bytes = [0u8; 64];
            for (j, b) in bytes.iter_mut().enumerate() {
                *b = base.wrapping_add(j as u8);
            }
            for (a, b) in [(b' ', 0xE2), (base, base.wrapping_add(63)), (0, 0xFF)] {
                assert_eq!(
                    either_mask(&bytes, a, b),
                    either_mask_portable(&bytes, a, b)
                );
            }
        }
    }

    /// Every byte value at every position: the masks agree with the byte-wise ones, and
    /// so do both vector forms of the ASCII class masks, whichever of them `classify`
    /// takes on this CPU.
    #[test]
    fn classify_agrees_with_bytewise() {
        for shift in 0..64usize {
            for chunk in 0..4u8 {
                let mut bytes = [0u8; 64];
                for (j, b) in bytes.iter_mut().enumerate() {
                    *b = (chunk * 64).wrapping_add(((j + shift) % 64) as u8);
                }
                assert_eq!(classify(&bytes), classify_portable(&bytes), "{bytes:?}");
                #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
                {
                    // The masks before the multi-byte chars are added.
                    let mut m = classify_portable(&bytes);
                    (m.wide, m.cont) = (0, 0);
                    m.l &= !m.high;
                    #[allow(unsafe_code)]
                    // SAFETY: SSE2 is in the x86_64 baseline; AVX2 is checked first.
                    unsafe {
                        assert_eq!(classify_sse2(&bytes), m, "{bytes:?}");
                        if std::arch::is_x86_feature_detected!("avx2") {
                            assert_eq!(classify_avx2(&bytes), m, "{bytes:?}");
                        }
                    }
                }
            }
        }
    }

    /// Blocks of bytes drawn from those the multi-byte classes read, at every alignment:
    /// the vector masks (AVX2 where the CPU has it, and SSE2) agree with the byte-wise
    /// ones.
    #[test]
    fn wide_masks_agree_with_bytewise() {
        let alphabet = [
            0xE2, 0x80, 0x8F, 0x90, 0xA7, 0xA8, 0xC3, 0x97, 0xB7, 0xBF, 0xC0, b'a', b' ', b'.',
            0xC4, 0xC5, 0xC6, 0xCF, 0xD0, 0xD1, 0xD2,
        ];
        let mut rng = XorShift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..20_000 {
            let mut bytes = [0u8; 64];
            for b in bytes.iter_mut() {
                *b = alphabet[rng.below(alphabet.len())];
            }
            assert_eq!(classify(&bytes), classify_portable(&bytes), "{bytes:?}");
            // The SSE2 forms too, where `classify` takes the AVX2 ones (their lead masks
            // differ only in bits that widening does not read).
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            #[allow(unsafe_code)]
            // SAFETY: SSE2 is in the x86_64 baseline.
            unsafe {
                let mut m = classify_sse2(&bytes);
                if m.high != 0 {
                    let leads = lead_masks_sse2(&bytes, m.high);
                    widen(&mut m, &leads);
                }
                assert_eq!(m, classify_portable(&bytes), "{bytes:?}");
            }
        }
    }

    /// Every char up to U+3000 between ASCII letters, at every offset a whole block holds:
    /// its bytes are known exactly when it is a letter of `À`..`ſ` or U+0400..U+047F (and
    /// then letters) or in U+2010..U+2027 (and then of class other), which the Unicode
    /// tables confirm.
    #[test]
    fn wide_chars_are_the_documented_ones() {
        use crate::pre_tokenizers::scan::{class_of, L, O};
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let latin = (('\u{C0}'..='\u{17F}').contains(&c) && c != '×' && c != '÷')
                || ('\u{400}'..='\u{47F}').contains(&c);
            let punct = ('\u{2010}'..='\u{2027}').contains(&c);
            if latin {
                assert_eq!(class_of(c), L, "{c:?}");
            }
            if punct {
                assert_eq!(class_of(c), O, "{c:?}");
            }
            for at in [0, 1, 17, 64 - c.len_utf8()] {
                let mut text = vec![b'a'; at];
                let mut buf = [0u8; 4];
                text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                text.resize(64, b'b');
                let mut bytes = [0u8; 64];
                bytes.copy_from_slice(&text);
                let m = classify(&bytes);
                let char_bits = Block::span(at, at + c.len_utf8());
                let want = if latin || punct { char_bits } else { 0 };
                assert_eq!(m.wide, want, "{c:?} at {at}");
                assert_eq!(m.l & char_bits, if latin { char_bits } else { 0 }, "{c:?}");
            }
        }
        // A char cut off by the block's end is not known.
        let mut bytes = [b'a'; 64];
        bytes[62] = 0xE2;
        bytes[63] = 0x80;
        assert_eq!(classify(&bytes).wide, 0);
        bytes[63] = 0xC3;
        assert_eq!(classify(&bytes).wide, 0);
    }

    #[test]
    fn starts_spans_and_keys() {
        let text = b"hello  world's 12\n\n";
        let mut block = Block::new(Pattern::Gpt2);
        assert_eq!(block.offset(text, 0), Some(0));
        // Cuts before the first space, the second space (the last of the run), `'` and
        // `s` (the masks do not see contractions), the space before the digits, the first
        // line break, the second (the last of its run, before the padding) and the
        // padding; none before the letters and digits that a space leads.
        let starts: Vec<u32> = (0..20).filter(|&j| block.starts >> j & 1 != 0).collect();
        assert_eq!(starts, [0, 5, 6, 12, 13, 14, 17, 18, 19]);
        assert!(block.known_all(Block::span(0, 19)));
        assert!(block.known_with_two_after(0, 15));
        assert!(block.known_with_two_after(14, 3));
        assert!(!block.known_with_two_after(15, 3));
        assert!(!block.known_with_two_after(17, 1));
        // The padding is not ASCII: a match at the text's end is not settled.
        assert!(!block.known_all(Block::span(17, 20)));
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
        assert_eq!(Block::new(Pattern::Gpt2).offset(text, text.len()), None);
        assert_eq!(Block::new(Pattern::Gpt2).offset(text, text.len() - 1), None);
        assert_eq!(Block::new(Pattern::Gpt2).offset("a日".as_bytes(), 0), None);
        assert_eq!(Block::new(Pattern::Gpt2).offset("日a".as_bytes(), 0), None);
        // Chars of known class start a step: a Latin-1 letter, or a quote before one.
        assert_eq!(
            Block::new(Pattern::Gpt2).offset("aé".as_bytes(), 0),
            Some(0)
        );
        assert_eq!(
            Block::new(Pattern::Gpt2).offset("“é".as_bytes(), 0),
            Some(0)
        );
        let long = [b'a'; 100];
        assert_eq!(block.offset(&long, 0), Some(0));
        assert_eq!(block.offset(&long, REACH + 1), Some(0));
        assert!(block.known_all(Block::span(0, 52)));
        assert!(!block.known_all(Block::span(0, 53)));
    }
}
