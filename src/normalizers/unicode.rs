//! The Unicode normalization forms `NFD`, `NFKD`, `NFC` and `NFKC`, with alignments.
//!
//! The text comes out as in UAX #15: every char is decomposed (canonically, or with
//! compatibility mappings for the K forms), each run of non-starters is stably sorted by
//! canonical combining class, and for the C forms the result is recomposed.
//!
//! Alongside each output char goes the change marker that
//! [`NormalizedString::transform`] takes, computed exactly as the reference does so that the
//! alignments (hence token offsets) match it:
//! - decomposition: the first char of a char's decomposition gets `0`, the others `+1`
//!   (inserted after it). Markers travel with their chars through the reordering.
//! - composition: when a starter `(s, a)` absorbs a following char `(m, b)`, the composite
//!   gets `a + b - 1`; so `e` + U+0301 given as two chars becomes `é` with `-1` (it replaces
//!   `e` and removes the accent), while a decomposed-then-recomposed `é` keeps `0`.
//! - composition follows the usual state machine: a mark is blocked from the starter by an
//!   earlier uncomposed mark of the same or a higher class; blocked marks wait in a buffer
//!   and are emitted after the starter, when the next starter arrives or at the end.
//!
//! The Unicode data is that of the `unicode-normalization` crate, restricted to what
//! Unicode 9.0 (the reference's data) already had: chars it did not know yet never
//! decompose, never compose and have combining class 0 (see [`super::tables`]).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::char as ucd;

use super::tables::{in_ranges, POST_UNICODE_9_NORMALIZATION};
use super::{starts_unaligned, transform_whole};
use crate::{NormalizedString, Normalizer, Result};

/// One of the four Unicode normalization forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Canonical decomposition.
    Nfd,
    /// Compatibility decomposition.
    Nfkd,
    /// Canonical decomposition, then canonical composition.
    Nfc,
    /// Compatibility decomposition, then canonical composition.
    Nfkc,
}

/// First code point with a non-zero combining class or a decomposition (U+00A0 has a
/// compatibility one, but below U+00A0 nothing changes).
const FIRST_INTERESTING: u32 = 0xA0;

/// Whether the reference's Unicode 9.0 data does not know `c` (only asked for chars the
/// newer data gives a decomposition, composition or combining class).
#[inline]
fn unknown_to_reference(c: char) -> bool {
    in_ranges(POST_UNICODE_9_NORMALIZATION, c)
}

/// Canonical combining class, as in Unicode 9.0.
#[inline]
fn combining_class(c: char) -> u8 {
    if (c as u32) < 0x300 || unknown_to_reference(c) {
        0
    } else {
        ucd::canonical_combining_class(c)
    }
}

/// Full decomposition of `c`, as in Unicode 9.0.
#[inline]
fn decompose(c: char, compat: bool, emit: impl FnMut(char)) {
    let mut emit = emit;
    if (c as u32) < FIRST_INTERESTING || unknown_to_reference(c) {
        emit(c);
    } else if compat {
        ucd::decompose_compatible(c, emit);
    } else {
        ucd::decompose_canonical(c, emit);
    }
}

/// Primary composite of `a` and `b`, as in Unicode 9.0.
#[inline]
fn compose(a: char, b: char) -> Option<char> {
    ucd::compose(a, b).filter(|&r| !unknown_to_reference(r))
}

/// Decomposes `s` and orders its marks: `(char, change, combining class)` triples.
fn decompose_str(s: &str, compat: bool) -> Vec<(char, isize, u8)> {
    let mut out: Vec<(char, isize, u8)> = Vec::with_capacity(s.len() + s.len() / 2);
    // Start of the run (a starter and the non-starters after it) not yet put in order.
    let mut run = 0usize;
    for c in s.chars() {
        let mut change = 0isize;
        decompose(c, compat, |d| {
            let class = combining_class(d);
            if class == 0 {
                order_marks(&mut out[run..]);
                run = out.len();
            }
            out.push((d, change, class));
            change = 1;
        });
    }
    order_marks(&mut out[run..]);
    out
}

/// Canonical ordering of one run: a stable sort by combining class (a leading starter,
/// class 0, stays in front).
#[inline]
fn order_marks(run: &mut [(char, isize, u8)]) {
    if run.len() > 2 || (run.len() == 2 && run[0].2 > run[1].2) {
        run.sort_by_key(|e| e.2);
    }
}

/// Canonical composition of a decomposed, ordered stream.
fn compose_stream(decomposed: Vec<(char, isize, u8)>) -> Vec<(char, isize)> {
    let mut out: Vec<(char, isize)> = Vec::with_capacity(decomposed.len());
    // The starter marks may compose with, and its change marker.
    let mut starter: Option<(char, isize)> = None;
    // Class of the last mark that did not compose (the ones in `blocked`), if any.
    let mut last_class: Option<u8> = None;
    let mut blocked: Vec<(char, isize)> = Vec::new();
    for (c, change, class) in decomposed {
        let Some((s, s_change)) = starter else {
            if class == 0 {
                starter = Some((c, change));
            } else {
                out.push((c, change));
            }
            continue;
        };
        if let Some(last) = last_class {
            if last >= class {
                if class == 0 {
                    // A new starter: flush the old one and the marks that waited.
                    out.push((s, s_change));
                    out.append(&mut blocked);
                    starter = Some((c, change));
                    last_class = None;
                } else {
                    blocked.push((c, change));
                    last_class = Some(class);
                }
                continue;
            }
        }
        match compose(s, c) {
            Some(composite) => starter = Some((composite, s_change + change - 1)),
            None if class == 0 && last_class.is_none() => {
                out.push((s, s_change));
                starter = Some((c, change));
            }
            None => {
                blocked.push((c, change));
                last_class = Some(class);
            }
        }
    }
    if let Some(s) = starter {
        out.push(s);
    }
    out.append(&mut blocked);
    out
}

/// Normalizes `s` to `form`: the output chars, each with its change marker (see the module
/// docs), ready for [`NormalizedString::transform`].
pub fn normalize_with_changes(s: &str, form: Form) -> Vec<(char, isize)> {
    let compat = matches!(form, Form::Nfkd | Form::Nfkc);
    let decomposed = decompose_str(s, compat);
    match form {
        Form::Nfd | Form::Nfkd => decomposed.into_iter().map(|(c, ch, _)| (c, ch)).collect(),
        Form::Nfc | Form::Nfkc => compose_stream(decomposed),
    }
}

/// Whether the quick check of the newer Unicode data says `s` is in `form` already. Text
/// that passes it is also unchanged with the reference's Unicode 9.0 data (checked over
/// every code point and millions of random strings): chars unknown to Unicode 9.0 only
/// become starters there, which splits runs of marks without reordering or composing.
///
/// ASCII chars are starters every form keeps, and the quick check forgets everything
/// before a starter, so only the runs of non-ASCII chars are checked, each on its own;
/// the ASCII between them is skipped eight bytes at a time. A run passes at once when
/// every char of it is a [`starter_bits`] char (read from the bytes: two- and three-byte
/// chars, the whole Basic Multilingual Plane); any other run takes the full quick check.
pub(crate) fn already_normalized(s: &str, form: Form) -> bool {
    use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
    let bytes = s.as_bytes();
    let bits = starter_bits(form);
    let starter = |u: u32| is_starter(bits, u);
    let mut at = 0;
    while at < bytes.len() {
        at += ascii_prefix_len(bytes.get(at..).unwrap_or_default());
        // The run's chars from their bytes while they are starters (`s` is valid UTF-8
        // and `i` a char boundary; a four-byte char is not in the table).
        let mut i = at;
        while let Some(&b0) = bytes.get(i) {
            // The char's bytes as one word (a byte-wise read near the text's end).
            let w = match bytes.get(i..).and_then(|r| r.first_chunk::<4>()) {
                Some(four) => u32::from_le_bytes(*four),
                None => bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .fold(0, |w, &b| (w << 8) | u32::from(b)),
            };
            let (u, len) = match b0 {
                0x00..=0x7F => break,
                0xC0..=0xDF => (((w & 0x1F) << 6) | ((w >> 8) & 0x3F), 2),
                0xE0..=0xEF => (
                    ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F),
                    3,
                ),
                _ => (u32::MAX, 0),
            };
            if !starter(u) {
                break;
            }
            i += len;
        }
        if bytes.get(i).is_none_or(u8::is_ascii) {
            at = i;
            continue;
        }
        let end = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| i + n);
        // Both ends are char boundaries: ASCII bytes only ever start a char.
        let Some(run) = s.get(at..end) else {
            return false;
        };
        let quick = match form {
            Form::Nfd => is_nfd_quick(run.chars()),
            Form::Nfkd => is_nfkd_quick(run.chars()),
            Form::Nfc => is_nfc_quick(run.chars()),
            Form::Nfkc => is_nfkc_quick(run.chars()),
        };
        if quick != unicode_normalization::IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

/// Whether `c` is a [`starter_bits`] char of `form`.
#[cfg(test)]
fn quick_starter(c: char, form: Form) -> bool {
    is_starter(starter_bits(form), c as u32)
}

/// Whether the code point `u` has its bit in a [`starter_bits`] table (none past the BMP).
#[inline(always)]
fn is_starter(bits: &[u64; 1024], u: u32) -> bool {
    bits.get(u as usize / 64)
        .is_some_and(|word| word >> (u % 64) & 1 != 0)
}

/// The chars of the Basic Multilingual Plane that `form`'s quick check passes on their
/// own and that are starters (combining class 0), one bit per code point: a run of such
/// chars passes the quick check whatever they are, as the check only compares combining
/// classes and reads each char's quick-check property. Computed on first use, per form.
/// Measured reason: the quick check of every char took 44 % of qwen2.5's ids path on
/// multilingual text; decoding the chars with `str::chars` and reading the table through
/// its lazy cell per char still took 30 %.
fn starter_bits(form: Form) -> &'static [u64; 1024] {
    use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
    static BITS: [OnceLock<Box<[u64; 1024]>>; 4] = [const { OnceLock::new() }; 4];
    let [nfd, nfkd, nfc, nfkc] = &BITS;
    let cell = match form {
        Form::Nfd => nfd,
        Form::Nfkd => nfkd,
        Form::Nfc => nfc,
        Form::Nfkc => nfkc,
    };
    cell.get_or_init(|| {
        let mut bits = Box::new([0u64; 1024]);
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let one = std::iter::once(c);
            let quick = match form {
                Form::Nfd => is_nfd_quick(one),
                Form::Nfkd => is_nfkd_quick(one),
                Form::Nfc => is_nfc_quick(one),
                Form::Nfkc => is_nfkc_quick(one),
            };
            if quick == unicode_normalization::IsNormalized::Yes
                && ucd::canonical_combining_class(c) == 0
            {
                if let Some(word) = bits.get_mut(c as usize / 64) {
                    *word |= 1 << (c as usize % 64);
                }
            }
        }
        bits
    })
}

/// The number of ASCII bytes `bytes` starts with.
pub(crate) fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    for word in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0x80; 8]));
        if w & HIGH != 0 {
            // The lowest set high bit is the first non-ASCII byte (little-endian).
            return n + ((w & HIGH).trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

/// `s` in `form`, text only; `None` when unchanged (the quick check settles most text).
pub(crate) fn rewrite_form(s: &str, form: Form) -> Option<String> {
    if s.is_ascii() || already_normalized(s, form) {
        return None;
    }
    let out: String = normalize_with_changes(s, form)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    (out != s).then_some(out)
}

/// Whether canonical decomposition may change or move `c` (it decomposes, or it is not a
/// starter), with the reference's Unicode 9.0 data.
pub(crate) fn may_decompose(c: char) -> bool {
    if (c as u32) < FIRST_INTERESTING {
        return false;
    }
    if combining_class(c) != 0 {
        return true;
    }
    let mut count = 0;
    let mut same = true;
    decompose(c, false, |d| {
        count += 1;
        same &= d == c;
    });
    !(same && count == 1)
}

/// Applies `form` to the normalized text of `normalized`, keeping alignments (fails only
/// where the reference does, see [`super`]).
pub fn apply_form(normalized: &mut NormalizedString, form: Form) -> Result<()> {
    let s = normalized.get();
    let plain = !starts_unaligned(normalized);
    if plain && (s.is_ascii() || already_normalized(s, form)) {
        return Ok(());
    }
    let changes = normalize_with_changes(s, form);
    let unchanged = changes.iter().all(|&(_, change)| change == 0)
        && changes.iter().map(|&(c, _)| c).eq(s.chars());
    if plain && unchanged {
        return Ok(());
    }
    transform_whole(normalized, changes, 0)
}

macro_rules! form_normalizer {
    ($(#[$doc:meta])* $name:ident, $form:expr) => {
        $(#[$doc])*
        #[allow(clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
        pub struct $name {}

        impl Normalizer for $name {
            fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
                apply_form(normalized, $form)
            }
        }
    };
}

form_normalizer!(
    /// Unicode canonical decomposition (`{"type": "NFD"}`).
    NFD,
    Form::Nfd
);
form_normalizer!(
    /// Unicode compatibility decomposition (`{"type": "NFKD"}`).
    NFKD,
    Form::Nfkd
);
form_normalizer!(
    /// Unicode canonical composition (`{"type": "NFC"}`).
    NFC,
    Form::Nfc
);
form_normalizer!(
    /// Unicode compatibility composition (`{"type": "NFKC"}`).
    NFKC,
    Form::Nfkc
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    #[test]
    fn ascii_prefix_len_finds_the_first_non_ascii_byte() {
        let mut bytes = vec![b'a'; 100];
        assert_eq!(ascii_prefix_len(&bytes), 100);
        for at in 0..100 {
            bytes[at] = 0xC3;
            assert_eq!(ascii_prefix_len(&bytes), at);
            for from in 0..=at {
                assert_eq!(ascii_prefix_len(&bytes[from..]), at - from);
            }
            bytes[at] = b'a';
        }
        assert_eq!(ascii_prefix_len(&[]), 0);
    }

    fn changes(s: &str, form: Form) -> Vec<(char, isize)> {
        normalize_with_changes(s, form)
    }

    #[test]
    fn runs_of_quick_starters_pass_the_quick_check() {
        use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
        let mut rng = XorShift(0x2545_f491_4f6c_dd1du64);
        let mut next = move || rng.next_u64();
        for form in [Form::Nfd, Form::Nfkd, Form::Nfc, Form::Nfkc] {
            let starters: Vec<char> = (0x80..0x1_0000)
                .filter_map(char::from_u32)
                .filter(|&c| quick_starter(c, form))
                .collect();
            assert!(starters.len() > 10_000, "{form:?}");
            for _ in 0..20_000 {
                let n = 1 + (next() % 6) as usize;
                let run: String = (0..n)
                    .map(|_| starters[(next() % starters.len() as u64) as usize])
                    .collect();
                let quick = match form {
                    Form::Nfd => is_nfd_quick(run.chars()),
                    Form::Nfkd => is_nfkd_quick(run.chars()),
                    Form::Nfc => is_nfc_quick(run.chars()),
                    Form::Nfkc => is_nfkc_quick(run.chars()),
                };
                assert_eq!(quick, unicode_normalization::IsNormalized::Yes, "{run:?}");
            }
        }
    }

    #[test]
    fn decomposition_markers() {
        assert_eq!(changes("é", Form::Nfd), vec![('e', 0), ('\u{301}', 1)]);
        // Hangul syllable with a final consonant.
        assert_eq!(
            changes("각", Form::Nfd),
            vec![('\u{1100}', 0), ('\u{1161}', 1), ('\u{11A8}', 1)]
        );
        // Marks are reordered with their markers.
        assert_eq!(
            changes("a\u{301}\u{316}", Form::Nfd),
            vec![('a', 0), ('\u{316}', 0), ('\u{301}', 0)]
        );
        assert_eq!(changes("\u{fb01}", Form::Nfkd), vec![('f', 0), ('i', 1)]);
    }

    #[test]
    fn composition_markers() {
        assert_eq!(changes("e\u{301}", Form::Nfc), vec![('é', -1)]);
        assert_eq!(changes("é", Form::Nfc), vec![('é', 0)]);
        assert_eq!(
            changes("\u{1100}\u{1161}\u{11A8}", Form::Nfc),
            vec![('각', -2)]
        );
        // A mark blocked by one of the same class stays after the composite.
        assert_eq!(
            changes("a\u{301}\u{301}b", Form::Nfc),
            vec![('á', -1), ('\u{301}', 0), ('b', 0)]
        );
        // Marks compose in turn when not blocked.
        assert_eq!(
            changes("a\u{30A}\u{301}b", Form::Nfc),
            vec![('ǻ', -2), ('b', 0)]
        );
        // Reordering first: U+0323 (class 220) goes before U+0307 (230), then composes.
        assert_eq!(
            changes("a\u{307}\u{323}", Form::Nfc),
            vec![('ạ', -1), ('\u{307}', 0)]
        );
        assert_eq!(changes("①", Form::Nfkc), vec![('1', 0)]);
    }

    #[test]
    fn post_unicode_9_chars_are_left_alone() {
        // U+113C7 decomposes (canonically) in Unicode 16, not in Unicode 9.
        assert_eq!(changes("\u{113C7}", Form::Nfd), vec![('\u{113C7}', 0)]);
        assert_eq!(
            changes("\u{113C2}\u{113B8}", Form::Nfc),
            vec![('\u{113C2}', 0), ('\u{113B8}', 0)]
        );
        // U+1DFA gets combining class 218 in Unicode 10: here it is a starter.
        assert_eq!(
            changes("a\u{301}\u{1DFA}\u{316}", Form::Nfd),
            vec![('a', 0), ('\u{301}', 0), ('\u{1DFA}', 0), ('\u{316}', 0)]
        );
    }

    #[test]
    fn run_by_run_quick_check_agrees_with_the_whole_text_check() {
        use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
        // Pieces that start, end or sit between ASCII: marks after ASCII letters, marks
        // out of order, compatibility chars, Hangul jamo, plain letters.
        let pieces = [
            "a",
            "Z",
            " ",
            "\u{301}",
            "\u{316}",
            "é",
            "e\u{301}",
            "\u{fb01}",
            "①",
            "각",
            "\u{1100}",
            "\u{1161}",
            "ñ",
            "日本",
            "\u{300}\u{316}",
            "12345678",
            "\u{ff21}",
        ];
        type Check = fn(std::str::Chars<'_>) -> unicode_normalization::IsNormalized;
        let checks: [(Form, Check); 4] = [
            (Form::Nfc, |c| is_nfc_quick(c)),
            (Form::Nfd, |c| is_nfd_quick(c)),
            (Form::Nfkc, |c| is_nfkc_quick(c)),
            (Form::Nfkd, |c| is_nfkd_quick(c)),
        ];
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15_u64);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(rng.0 % 9) {
                s.push_str(pieces[rng.below(pieces.len())]);
            }
            for (form, whole) in checks {
                let yes = whole(s.chars()) == unicode_normalization::IsNormalized::Yes;
                assert_eq!(already_normalized(&s, form), yes, "{form:?} {s:?}");
            }
        }
    }
}
