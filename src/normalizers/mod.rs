//! Normalizers: the first pipeline step, rewriting the text while keeping, for every
//! normalized char, the range of the original text it came from.
//!
//! [`NormalizerWrapper`] is the JSON `"normalizer"` section: one variant per `"type"`. Every
//! normalizer edits a [`NormalizedString`] through its change-marker API (see
//! [`crate::normalizer`]) with exactly the markers the reference produces, so normalized
//! text AND alignments (hence token offsets) are the reference's. Unicode data follows the
//! reference's versions (see [`tables`]).
//!
//! `Lowercase` (full Unicode lowercasing, a char may become several, extra ones inserted)
//! and `Sequence` (runs its normalizers in order) live here; the others have a file each.
//!
//! Whole-text rewrites go through [`transform_whole`], which reproduces the reference's
//! `transform`: it rewrites the normalized range that the FULL ORIGINAL range converts to.
//! That range leaves out leading chars aligned to nothing (inserted at the very start, e.g.
//! by an empty regex match), exactly as the reference does. Rewrites that would change
//! nothing are skipped, except in that unusual situation where skipping would differ.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::{Error, NormalizedString, Normalizer, Range, Result};

pub mod bert;
pub mod byte_level;
pub mod nmt;
pub mod precompiled;
pub mod prepend;
pub mod replace;
pub mod strip;
pub(crate) mod tables;
pub mod unicode;

pub use bert::BertNormalizer;
pub use byte_level::ByteLevel;
pub use nmt::Nmt;
pub use precompiled::Precompiled;
pub use prepend::Prepend;
pub use replace::{Replace, ReplacePattern};
pub use strip::{Strip, StripAccents};
pub use unicode::{NFC, NFD, NFKC, NFKD};

/// Whether the text starts with chars aligned to nothing (there [`transform_whole`] leaves
/// them out of the rewritten range, so a rewrite is never a no-op).
#[inline]
pub(crate) fn starts_unaligned(normalized: &NormalizedString) -> bool {
    normalized
        .alignments()
        .first()
        .is_some_and(|&(s, e)| s == e)
}

/// Rewrites the whole text with `changes` (see [`NormalizedString::transform_range`]),
/// `initial_removed` chars being dropped at the start, the way the reference's `transform`
/// does (see the module docs).
///
/// When leading chars are left out of the rewritten range, the changes may ask to replace
/// more chars than the range holds; the reference fails there, and so does this (with an
/// error).
pub(crate) fn transform_whole(
    normalized: &mut NormalizedString,
    changes: Vec<(char, isize)>,
    initial_removed: usize,
) -> Result<()> {
    if starts_unaligned(normalized) {
        let len = normalized.len_original();
        let Some(range) = normalized.convert_offsets(Range::Original(0..len)) else {
            return Ok(());
        };
        let mut remaining = normalized
            .get()
            .get(range)
            .map_or(0, |s| s.chars().count())
            .saturating_sub(initial_removed);
        for &(_, change) in &changes {
            if change <= 0 {
                if remaining == 0 {
                    return Err(Error::encode(
                        "cannot normalize: the text starts with inserted chars aligned to \
                         nothing, and the next normalizer rewrites more chars than remain \
                         aligned",
                    ));
                }
                remaining = remaining.saturating_sub(1 + change.unsigned_abs());
            }
        }
        normalized.transform_range(Range::Original(0..len), changes, initial_removed);
    } else {
        let len = normalized.len();
        normalized.transform_range(Range::Normalized(0..len), changes, initial_removed);
    }
    Ok(())
}

/// Keeps the chars for which `keep` is true. A removed char is folded into the change of
/// the previous kept char, or counted as removed at the start.
pub(crate) fn filter_whole(
    normalized: &mut NormalizedString,
    keep: impl Fn(char) -> bool,
) -> Result<()> {
    let s = normalized.get();
    if !starts_unaligned(normalized) && s.chars().all(&keep) {
        return Ok(());
    }
    let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len());
    let mut leading_removed = 0usize;
    for c in s.chars() {
        if keep(c) {
            changes.push((c, 0));
        } else {
            match changes.last_mut() {
                Some(last) => last.1 -= 1,
                None => leading_removed += 1,
            }
        }
    }
    transform_whole(normalized, changes, leading_removed)
}

/// Full Unicode lowercasing: the first char of a char's lowercase replaces it, the others
/// are inserted after it.
pub(crate) fn lowercase_whole(normalized: &mut NormalizedString) -> Result<()> {
    let s = normalized.get();
    let unchanged = if s.is_ascii() {
        !s.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        s.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        })
    };
    if unchanged && !starts_unaligned(normalized) {
        return Ok(());
    }
    let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len());
    for c in s.chars() {
        for (i, l) in c.to_lowercase().enumerate() {
            changes.push((l, isize::from(i > 0)));
        }
    }
    transform_whole(normalized, changes, 0)
}

/// Lowercases the text (`{"type": "Lowercase"}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lowercase {}

impl Normalizer for Lowercase {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        lowercase_whole(normalized)
    }
}

/// Runs several normalizers in order (`{"type": "Sequence", "normalizers": [...]}`; the
/// field is required).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sequence {
    /// The normalizers, applied first to last.
    pub normalizers: Vec<NormalizerWrapper>,
}

impl Normalizer for Sequence {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        for n in &self.normalizers {
            n.normalize(normalized)?;
        }
        Ok(())
    }
}

/// Any normalizer of a `tokenizer.json`, tagged by its `"type"`.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum NormalizerWrapper {
    /// See [`BertNormalizer`].
    BertNormalizer(BertNormalizer),
    /// See [`Strip`].
    Strip(Strip),
    /// See [`StripAccents`].
    StripAccents(StripAccents),
    /// See [`NFC`].
    NFC(NFC),
    /// See [`NFD`].
    NFD(NFD),
    /// See [`NFKC`].
    NFKC(NFKC),
    /// See [`NFKD`].
    NFKD(NFKD),
    /// See [`Lowercase`].
    Lowercase(Lowercase),
    /// See [`Nmt`].
    Nmt(Nmt),
    /// See [`Precompiled`].
    Precompiled(Precompiled),
    /// See [`Replace`].
    Replace(Replace),
    /// See [`Prepend`].
    Prepend(Prepend),
    /// See [`ByteLevel`].
    ByteLevel(ByteLevel),
    /// See [`Sequence`].
    Sequence(Sequence),
}

crate::utils::tagged::tagged_deserialize!(
    NormalizerWrapper,
    "a normalizer: an object with a `type`",
    BertNormalizer,
    Strip,
    StripAccents,
    NFC,
    NFD,
    NFKC,
    NFKD,
    Lowercase,
    Nmt,
    Precompiled,
    Replace,
    Prepend,
    ByteLevel,
    Sequence,
);

impl Normalizer for NormalizerWrapper {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        match self {
            NormalizerWrapper::BertNormalizer(n) => n.normalize(normalized),
            NormalizerWrapper::Strip(n) => n.normalize(normalized),
            NormalizerWrapper::StripAccents(n) => n.normalize(normalized),
            NormalizerWrapper::NFC(n) => n.normalize(normalized),
            NormalizerWrapper::NFD(n) => n.normalize(normalized),
            NormalizerWrapper::NFKC(n) => n.normalize(normalized),
            NormalizerWrapper::NFKD(n) => n.normalize(normalized),
            NormalizerWrapper::Lowercase(n) => n.normalize(normalized),
            NormalizerWrapper::Nmt(n) => n.normalize(normalized),
            NormalizerWrapper::Precompiled(n) => n.normalize(normalized),
            NormalizerWrapper::Replace(n) => n.normalize(normalized),
            NormalizerWrapper::Prepend(n) => n.normalize(normalized),
            NormalizerWrapper::ByteLevel(n) => n.normalize(normalized),
            NormalizerWrapper::Sequence(n) => n.normalize(normalized),
        }
    }
}

/// Runs `n` through a [`NormalizedString`] and returns its text; `None` when unchanged.
fn rewrite_slow(n: &impl Normalizer, s: &str) -> Result<Option<String>> {
    let mut ns = NormalizedString::from(s);
    n.normalize(&mut ns)?;
    Ok((ns.get() != s).then(|| ns.get().to_owned()))
}

/// Lowercases `s` as [`lowercase_whole`] does, text only; `None` when unchanged.
fn lowercase_str(s: &str) -> Option<String> {
    if s.is_ascii() {
        return s
            .bytes()
            .any(|b| b.is_ascii_uppercase())
            .then(|| s.to_ascii_lowercase());
    }
    // ASCII chars (most of the text, usually) skip the general case mapping.
    let unchanged = s.chars().all(|c| {
        if c.is_ascii() {
            return !c.is_ascii_uppercase();
        }
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    });
    if unchanged {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    Some(out)
}

impl NormalizerWrapper {
    /// Normalizes `s` without tracking alignments: the same text (and the same errors) as
    /// [`Normalizer::normalize`] on a fresh [`NormalizedString`] of `s`, borrowed when
    /// nothing changes.
    ///
    /// Common normalizers have string-only implementations (Unicode forms behind their
    /// quick check, ASCII fast paths for lowercasing, BERT and SentencePiece charsmaps,
    /// literal and regular-expression replacement, accent stripping, prepending); the
    /// others run the full normalizer. Measured reason for the last two: albert-base-v2's
    /// sequence (NFKD, StripAccents, Lowercase, a regular-expression Replace) took 22 → 5.8
    /// million instructions per 64 KiB of English on the ids path.
    pub fn normalize_str<'a>(&self, s: &'a str) -> Result<Cow<'a, str>> {
        Ok(match self.rewrite(s)? {
            Some(owned) => Cow::Owned(owned),
            None => Cow::Borrowed(s),
        })
    }

    /// Whether this normalizer rewrites each char on its own, ASCII chars into ASCII, never
    /// combines a char with an ASCII char that follows it, and does nothing special at the
    /// text's ends: BERT's normalizer, the Unicode forms, lowercasing, accent stripping,
    /// and sequences of them.
    pub(crate) fn is_char_local(&self) -> bool {
        match self {
            NormalizerWrapper::BertNormalizer(_)
            | NormalizerWrapper::NFC(_)
            | NormalizerWrapper::NFD(_)
            | NormalizerWrapper::NFKC(_)
            | NormalizerWrapper::NFKD(_)
            | NormalizerWrapper::Lowercase(_)
            | NormalizerWrapper::StripAccents(_) => true,
            NormalizerWrapper::Sequence(seq) => seq.normalizers.iter().all(Self::is_char_local),
            _ => false,
        }
    }

    /// [`normalize_str`](Self::normalize_str) of a stretch that continues a text instead of
    /// starting it: a sequence's leading `Prepend` is left out (see
    /// [`after_leading_prepend`](Self::after_leading_prepend)); other normalizers as
    /// `normalize_str`.
    pub(crate) fn normalize_str_continued<'a>(&self, s: &'a str) -> Result<Cow<'a, str>> {
        let Some(rest) = self.after_leading_prepend() else {
            return self.normalize_str(s);
        };
        let mut owned: Option<String> = None;
        for norm in rest {
            let cur = owned.as_deref().unwrap_or(s);
            if let Some(next) = norm.rewrite(cur)? {
                owned = Some(next);
            }
        }
        Ok(match owned {
            Some(owned) if owned != s => Cow::Owned(owned),
            _ => Cow::Borrowed(s),
        })
    }

    /// The normalizers after the `Prepend` that leads this sequence, when each of them
    /// keeps the start aligned (so they may run one after another on plain text): the
    /// whole text normalizes to the prepended string followed by what these give.
    pub(crate) fn after_leading_prepend(&self) -> Option<&[NormalizerWrapper]> {
        let NormalizerWrapper::Sequence(seq) = self else {
            return None;
        };
        match seq.normalizers.split_first() {
            Some((NormalizerWrapper::Prepend(_), rest))
                if rest.iter().all(Self::keeps_start_aligned) =>
            {
                Some(rest)
            }
            _ => None,
        }
    }

    /// Whether the text this normalizer produces never starts with chars aligned to
    /// nothing (see [`transform_whole`]); only then can the next normalizer of a sequence
    /// run on the plain text, as the alignment state cannot change its behavior.
    fn keeps_start_aligned(&self) -> bool {
        match self {
            NormalizerWrapper::Prepend(p) => !p.prepend.is_empty(),
            NormalizerWrapper::Replace(r) => r.non_empty_literal().is_some(),
            NormalizerWrapper::Sequence(seq) => {
                seq.normalizers.iter().all(Self::keeps_start_aligned)
            }
            _ => true,
        }
    }

    /// Whether this is a `Replace` of a regular expression.
    fn is_regex_replace(&self) -> bool {
        matches!(self, NormalizerWrapper::Replace(r) if r.is_regex())
    }

    /// The text of [`normalize_str`](Self::normalize_str); `None` when unchanged.
    fn rewrite(&self, s: &str) -> Result<Option<String>> {
        use unicode::{rewrite_form, Form};
        match self {
            NormalizerWrapper::NFC(_) => Ok(rewrite_form(s, Form::Nfc)),
            NormalizerWrapper::NFD(_) => Ok(rewrite_form(s, Form::Nfd)),
            NormalizerWrapper::NFKC(_) => Ok(rewrite_form(s, Form::Nfkc)),
            NormalizerWrapper::NFKD(_) => Ok(rewrite_form(s, Form::Nfkd)),
            NormalizerWrapper::Lowercase(_) => Ok(lowercase_str(s)),
            NormalizerWrapper::StripAccents(_) => Ok(StripAccents::rewrite(s)),
            NormalizerWrapper::BertNormalizer(n) => n.rewrite(s),
            NormalizerWrapper::Precompiled(n) => n.rewrite(s),
            NormalizerWrapper::Prepend(p) if !p.prepend.is_empty() => {
                Ok((!s.is_empty()).then(|| {
                    let mut out = String::with_capacity(p.prepend.len() + s.len());
                    out.push_str(&p.prepend);
                    out.push_str(s);
                    out
                }))
            }
            NormalizerWrapper::Replace(r) => match r.non_empty_literal() {
                Some(lit) => {
                    // A one-byte literal (a space, mostly) is replaced in one pass over the
                    // bytes, not with the substring search (most of the time on llama2).
                    Ok(match lit.as_bytes() {
                        &[b] if b.is_ascii() => replace_ascii_byte(s, b, r.content()),
                        _ => s.contains(lit).then(|| s.replace(lit, r.content())),
                    })
                }
                None => match r.replaced_str(s)? {
                    Some(Cow::Owned(o)) => Ok(Some(o)),
                    Some(Cow::Borrowed(_)) => Ok(None),
                    None => rewrite_slow(self, s),
                },
            },
            NormalizerWrapper::Sequence(seq) => {
                let n = seq.normalizers.len();
                // A regular-expression `Replace` keeps the start aligned unless a match is
                // empty, which the loop checks.
                let aligned = seq
                    .normalizers
                    .iter()
                    .take(n.saturating_sub(1))
                    .all(|n| n.keeps_start_aligned() || n.is_regex_replace());
                if !aligned {
                    return rewrite_slow(self, s);
                }
                let mut owned: Option<String> = None;
                for norm in &seq.normalizers {
                    let cur = owned.as_deref().unwrap_or(s);
                    let next = match norm {
                        NormalizerWrapper::Replace(r) if r.is_regex() => {
                            match r.replaced_str(cur)? {
                                Some(Cow::Owned(o)) => Some(o),
                                Some(Cow::Borrowed(_)) => None,
                                None => return rewrite_slow(self, s),
                            }
                        }
                        _ => norm.rewrite(cur)?,
                    };
                    if let Some(next) = next {
                        owned = Some(next);
                    }
                }
                Ok(owned.filter(|o| o != s))
            }
            other => rewrite_slow(other, s),
        }
    }
}

/// `s` with every `b` (ASCII) replaced by `content`, `None` when there is none. Replacing
/// an ASCII byte by a string keeps the bytes UTF-8.
fn replace_ascii_byte(s: &str, b: u8, content: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let first = memchr::memchr(b, bytes)?;
    let mut out = String::with_capacity(s.len() + s.len() / 4 * content.len());
    // Cut at ASCII bytes, so every part is a `str`; no validation of the result.
    let mut start = 0;
    let mut at = Some(first);
    while let Some(i) = at {
        out.push_str(s.get(start..i).unwrap_or_default());
        out.push_str(content);
        start = i + 1;
        at = bytes
            .get(start..)
            .and_then(|rest| memchr::memchr(b, rest))
            .map(|n| start + n);
    }
    out.push_str(s.get(start..).unwrap_or_default());
    Some(out)
}

/// Helpers shared by the normalizer tests.
#[cfg(test)]
pub(crate) mod test_util {
    use crate::{NormalizedString, Normalizer, Range};
    use std::path::PathBuf;

    /// Expected per-char original ranges.
    pub(crate) type Spans = &'static [(usize, usize)];

    /// The conformance suite directory (`SUBTOK_CONFORMANCE` or `../shared/conformance`),
    /// if present.
    pub(crate) fn conformance_dir() -> Option<PathBuf> {
        let dir = match std::env::var_os("SUBTOK_CONFORMANCE") {
            Some(d) => PathBuf::from(d),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"),
        };
        dir.join("tokenizers").is_dir().then_some(dir)
    }

    /// The `"normalizer"` section of the conformance tokenizer `name`, if the suite is there.
    pub(crate) fn conformance_normalizer(name: &str) -> Option<super::NormalizerWrapper> {
        let path = conformance_dir()?
            .join("tokenizers")
            .join(format!("{name}.json"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
        Some(serde_json::from_value(json["normalizer"].clone()).unwrap())
    }

    /// Normalizes `s`: the text and, per normalized char, its original range in CHARS (the
    /// unit of the reference's encode offsets, where the expected values come from).
    pub(crate) fn char_spans(n: &impl Normalizer, s: &str) -> (String, Vec<(usize, usize)>) {
        let mut ns = NormalizedString::from(s);
        n.normalize(&mut ns).unwrap();
        let char_of = |byte: usize| s[..byte].chars().count();
        let text = ns.get().to_owned();
        let spans = text
            .char_indices()
            .map(|(i, c)| {
                let r = ns
                    .convert_offsets(Range::Normalized(i..i + c.len_utf8()))
                    .unwrap();
                (char_of(r.start), char_of(r.end))
            })
            .collect();
        (text, spans)
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::{char_spans as run, conformance_dir, Spans};
    use super::*;
    use std::io::BufRead;
    use std::path::PathBuf;

    fn from_json(json: &str) -> NormalizerWrapper {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn serde_round_trips() {
        for json in [
            r#"{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":false,"strip_accents":null,"lowercase":true}"#,
            r#"{"type":"Strip","strip_left":true,"strip_right":false}"#,
            r#"{"type":"StripAccents"}"#,
            r#"{"type":"NFC"}"#,
            r#"{"type":"NFD"}"#,
            r#"{"type":"NFKC"}"#,
            r#"{"type":"NFKD"}"#,
            r#"{"type":"Lowercase"}"#,
            r#"{"type":"Nmt"}"#,
            r#"{"type":"Precompiled","precompiled_charsmap":"BAAAAAAAAAA="}"#,
            r#"{"type":"Replace","pattern":{"String":"▁"},"content":" "}"#,
            r#"{"type":"Prepend","prepend":"▁"}"#,
            r#"{"type":"ByteLevel"}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"NFD"},{"type":"Lowercase"}]}"#,
        ] {
            assert_eq!(serde_json::to_string(&from_json(json)).unwrap(), json);
        }
        // Unknown fields are ignored, as in the reference.
        assert_eq!(
            from_json(r#"{"type":"NFC","x":1}"#),
            NormalizerWrapper::NFC(NFC {})
        );
    }

    #[test]
    fn serde_errors() {
        let err = serde_json::from_str::<NormalizerWrapper>(r#"{"type":"Foo"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown variant `Foo`"), "{err}");
        for json in [
            r#"{"type":"BertNormalizer"}"#,
            r#"{"type":"Strip","strip_left":true}"#,
            r#"{"type":"Strip","strip_left":1,"strip_right":true}"#,
            r#"{"type":"Prepend"}"#,
            r#"{"type":"Sequence"}"#,
            r#"{"type":"Sequence","normalizers":[{}]}"#,
            r#"{"type":"Precompiled"}"#,
            r#"{"type":"Replace","pattern":{"Regex":"("},"content":""}"#,
        ] {
            assert!(
                serde_json::from_str::<NormalizerWrapper>(json).is_err(),
                "{json}"
            );
        }
    }

    #[test]
    fn reference_alignments() {
        // (normalizer, input, expected text, expected per-char original ranges in chars),
        // all taken from the reference's encode offsets.
        let cases: &[(&str, &str, &str, Spans)] = &[
            (
                r#"{"type":"NFKC"}"#,
                "ﬁ①𝔾é각",
                "fi1Gé각",
                &[(0, 1), (0, 1), (1, 2), (2, 3), (3, 4), (4, 5)],
            ),
            (
                r#"{"type":"NFKC"}"#,
                "\u{1100}\u{1161}\u{11A8}",
                "각",
                &[(0, 1)],
            ),
            (r#"{"type":"NFC"}"#, "e\u{301}x", "éx", &[(0, 1), (2, 3)]),
            (
                r#"{"type":"NFC"}"#,
                "a\u{323}\u{307}b",
                "ạ\u{307}b",
                &[(0, 1), (2, 3), (3, 4)],
            ),
            (
                r#"{"type":"NFD"}"#,
                "ǻ각\u{323}\u{307}",
                "a\u{30A}\u{301}\u{1100}\u{1161}\u{11A8}\u{323}\u{307}",
                &[
                    (0, 1),
                    (0, 1),
                    (0, 1),
                    (1, 2),
                    (1, 2),
                    (1, 2),
                    (2, 3),
                    (3, 4),
                ],
            ),
            (
                r#"{"type":"Prepend","prepend":""}"#,
                "Hi",
                "Hi",
                &[(0, 0), (1, 2)],
            ),
        ];
        for (json, input, text, spans) in cases {
            let (t, s) = run(&from_json(json), input);
            assert_eq!(
                (&t.as_str(), s.as_slice()),
                (text, *spans),
                "{json} {input:?}"
            );
        }
    }

    #[test]
    fn inserted_start_then_rewrite_fails_like_the_reference() {
        // Text starting with chars aligned to nothing, then a whole-text rewrite: the
        // reference fails (index out of bounds); here it is an error. Replace alone works.
        let replace_start = r#"{"type":"Replace","pattern":{"Regex":"^"},"content":"X"}"#;
        for second in [r#"{"type":"NFD"}"#, r#"{"type":"Lowercase"}"#] {
            let json = format!(r#"{{"type":"Sequence","normalizers":[{replace_start},{second}]}}"#);
            let mut n = NormalizedString::from("ab");
            assert!(from_json(&json).normalize(&mut n).is_err(), "{json}");
        }
        let json = r#"{"type":"Sequence","normalizers":[{"type":"Prepend","prepend":""},{"type":"Lowercase"}]}"#;
        assert!(from_json(json)
            .normalize(&mut NormalizedString::from("ab"))
            .is_err());
        let json = format!(
            r#"{{"type":"Sequence","normalizers":[{replace_start},{{"type":"Replace","pattern":{{"String":"b"}},"content":"c"}}]}}"#
        );
        assert_eq!(run(&from_json(&json), "ab").0, "Xac");
    }

    /// Every `normalize` case of every conformance tokenizer that has a normalizer.
    #[test]
    fn conformance_normalize_cases() {
        let Some(dir) = conformance_dir() else {
            return;
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("tokenizers"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        let mut failures = Vec::new();
        let mut report = Vec::new();
        for file in files {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let section = &json["normalizer"];
            if section.is_null() {
                continue;
            }
            let normalizer: NormalizerWrapper = match serde_json::from_value(section.clone()) {
                Ok(n) => n,
                Err(e) => {
                    failures.push(format!("{name}: cannot load normalizer: {e}"));
                    continue;
                }
            };
            let cases = dir.join("cases").join(format!("{name}.jsonl.gz"));
            let Ok(f) = std::fs::File::open(&cases) else {
                continue;
            };
            let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(f));
            let (mut total, mut passed) = (0, 0);
            for line in reader.lines() {
                let case: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
                if case["kind"] != "normalize" {
                    continue;
                }
                total += 1;
                let input = case["input"].as_str().unwrap();
                let mut n = NormalizedString::from(input);
                let got = normalizer.normalize(&mut n).map(|_| n.get().to_owned());
                match (&got, case.get("expect")) {
                    (Ok(g), Some(e)) if e.as_str() == Some(g.as_str()) => passed += 1,
                    (Err(_), None) => passed += 1,
                    _ => failures.push(format!(
                        "{}: input {input:?}: got {got:?}, expected {:?}",
                        case["id"],
                        case.get("expect")
                    )),
                }
            }
            report.push(format!("{name}: {passed}/{total}"));
        }
        eprintln!("{}", report.join("\n"));
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[cfg(test)]
mod replace_byte_tests {
    use super::replace_ascii_byte;

    #[test]
    fn equals_the_substring_replace() {
        let texts = [
            "",
            "a",
            " ",
            "  ",
            " a b ",
            "héllo wörld",
            "a  b",
            "日本 語 ",
            " ▁ x",
            "no-space",
        ];
        for s in texts {
            for (b, content) in [(b' ', "▁"), (b'-', ""), (b' ', "  ")] {
                let want = s.replace(char::from(b), content);
                let got = replace_ascii_byte(s, b, content);
                match got {
                    Some(got) => assert_eq!(got, want, "{s:?}"),
                    None => assert_eq!(want, s, "{s:?}"),
                }
            }
        }
    }
}

#[cfg(test)]
mod normalize_str_tests {
    use super::*;

    /// `normalize_str` gives the text of `normalize` on a fresh string, for the normalizers
    /// with a string-only rewrite (regular-expression `Replace`, `StripAccents`,
    /// `Lowercase`) alone and in sequences, on texts with runs of spaces, marks, case
    /// mappings that change length, and patterns with empty matches.
    #[test]
    fn equals_the_text_of_normalize() {
        let configs = [
            r#"{"type":"Replace","pattern":{"Regex":"\\s+"},"content":" "}"#,
            r#"{"type":"Replace","pattern":{"Regex":" {2,}"},"content":" "}"#,
            r#"{"type":"Replace","pattern":{"Regex":"a*"},"content":"-"}"#,
            r#"{"type":"Replace","pattern":{"Regex":"(?=b)"},"content":"X"}"#,
            r#"{"type":"Replace","pattern":{"Regex":"^\\s+|\\s+$"},"content":""}"#,
            r#"{"type":"Replace","pattern":{"String":""},"content":"_"}"#,
            r#"{"type":"StripAccents"}"#,
            r#"{"type":"Lowercase"}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"NFKD"},{"type":"StripAccents"},{"type":"Lowercase"},{"type":"Replace","pattern":{"Regex":" {2,}"},"content":" "}]}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"NFC"},{"type":"Replace","pattern":{"Regex":"\\s+"},"content":" "},{"type":"Lowercase"}]}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"Replace","pattern":{"Regex":"x*"},"content":"y"},{"type":"Lowercase"},{"type":"StripAccents"}]}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"Replace","pattern":{"Regex":"\\s"},"content":""},{"type":"Prepend","prepend":"▁"},{"type":"NFD"}]}"#,
        ];
        let texts = [
            "",
            " ",
            "a",
            "Hello  World",
            "  leading and trailing  ",
            "\tTabs\nand\r\nlines",
            "Crème Brûlée ÉCOLE",
            "e\u{301}a\u{308} \u{301}start",
            "İstanbul ẞ ΣΑΣ ǅ",
            "aaa bab aXb",
            "日本語  テキスト",
            "😀 x\u{200d}y",
        ];
        for json in configs {
            let n: NormalizerWrapper = serde_json::from_str(json).unwrap();
            for s in texts {
                let mut full = NormalizedString::from(s);
                let want = n.normalize(&mut full).map(|()| full.get().to_owned());
                let got = n.normalize_str(s).map(|t| t.into_owned());
                match (got, want) {
                    (Ok(g), Ok(w)) => assert_eq!(g, w, "{json} on {s:?}"),
                    (g, w) => assert_eq!(g.is_err(), w.is_err(), "{json} on {s:?}"),
                }
            }
        }
    }
}
