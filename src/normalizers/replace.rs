//! `Replace`: replaces every match of a literal string or a regular expression with a fixed
//! content (no capture-group expansion: `$1` is literal, as in the reference).
//!
//! Matches are found left to right without overlap on the current normalized text, and all
//! are replaced at once: the content's chars all align to the last byte of the match in the
//! text before any replacement (for an empty match, the byte before it; nothing at the very
//! start), which is the reference's choice. An empty pattern (literal `""` or a regex that
//! matches the empty string) matches between every two chars and at both ends.
//!
//! The replacement is one rewrite of the whole text: the chars of a match but its last are
//! dropped by the marker of the char before them (or as removed at the start), the first
//! content char takes the last matched char's place and the others are inserted. When the
//! char before a match is itself an inserted one (adjacent matches), no marker can drop
//! chars, so the matches are then replaced one by one from the last, which leaves the text
//! before each match untouched and gives the same alignments.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::pattern::{segments, Pattern, SysRegex};
use crate::pre_tokenizers::scan::{class_of, S};
use crate::{NormalizedString, Normalizer, Offsets, Range, Result};

/// What `Replace` looks for: `{"String": "..."}` or `{"Regex": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReplacePattern {
    /// A literal string.
    String(String),
    /// A regular expression.
    Regex(String),
}

/// JSON form of [`Replace`].
#[derive(Serialize, Deserialize)]
struct ReplaceJson {
    pattern: ReplacePattern,
    content: String,
}

/// How matches are found.
#[derive(Debug, Clone)]
enum Matcher {
    Literal(String),
    Regex(SysRegex),
    /// The regular expression `\s+` (CLIP's normalizer), found by [`WhitespaceRuns`].
    Whitespace,
}

/// The matches of `\s+`: each run of whitespace chars (the class the pre-tokenizers'
/// scanners use for `\s`, checked against the regex engine by a unit test). Measured
/// reason: once CLIP's `Split` ran as a scan, the regex engine's forward and reverse
/// searches for `\s+` took half of clip-vit's ids path (64 KiB of English, warm: 33 → 59
/// MB/s).
struct WhitespaceRuns;

impl WhitespaceRuns {
    /// The byte ranges of the runs of whitespace chars of `s`, in order.
    fn ranges(s: &str) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start: Option<usize> = None;
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII without decoding; any other char decoded.
            let (space, len) = if b < 0x80 {
                (matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '), 1)
            } else {
                match s.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) => (class_of(c) == S, c.len_utf8()),
                    None => break,
                }
            };
            match (space, start) {
                (true, None) => start = Some(i),
                (false, Some(a)) => {
                    runs.push((a, i));
                    start = None;
                }
                _ => {}
            }
            i += len;
        }
        if let Some(a) = start {
            runs.push((a, s.len()));
        }
        runs
    }
}

impl Pattern for WhitespaceRuns {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        segments(inside, Self::ranges(inside).into_iter().map(Ok))
    }
}

/// Replaces matches of `pattern` with `content`
/// (`{"type": "Replace", "pattern": {"String": "▁"}, "content": " "}`; both fields required).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "ReplaceJson", into = "ReplaceJson")]
pub struct Replace {
    pattern: ReplacePattern,
    content: String,
    matcher: Matcher,
}

impl PartialEq for Replace {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern && self.content == other.content
    }
}

impl Replace {
    /// Builds a replacement; fails if the regular expression does not compile.
    pub fn new(pattern: ReplacePattern, content: impl Into<String>) -> Result<Self> {
        let matcher = match &pattern {
            // The empty literal behaves like an empty regex: it matches everywhere.
            ReplacePattern::String(s) if s.is_empty() => Matcher::Regex(SysRegex::new("")?),
            ReplacePattern::String(s) => Matcher::Literal(s.clone()),
            ReplacePattern::Regex(r) if r == r"\s+" => Matcher::Whitespace,
            ReplacePattern::Regex(r) => Matcher::Regex(SysRegex::new(r)?),
        };
        Ok(Replace {
            pattern,
            content: content.into(),
            matcher,
        })
    }

    /// The literal this replaces, when the pattern is a non-empty literal.
    pub(crate) fn non_empty_literal(&self) -> Option<&str> {
        match &self.matcher {
            Matcher::Literal(s) if !s.is_empty() => Some(s),
            _ => None,
        }
    }

    /// The byte ranges of the matches in `s` when the pattern is `\s+` (never empty, never
    /// adjacent), else `None`.
    pub(crate) fn whitespace_matches(&self, s: &str) -> Option<Vec<(usize, usize)>> {
        matches!(self.matcher, Matcher::Whitespace).then(|| WhitespaceRuns::ranges(s))
    }

    /// Whether the pattern is a regular expression (or the empty literal, which is one).
    pub(crate) fn is_regex(&self) -> bool {
        matches!(self.matcher, Matcher::Regex(_) | Matcher::Whitespace)
    }

    /// The text [`Normalizer::normalize`] gives for `s`, without alignments: the parts
    /// between matches, with `content` for each match. `None` when a match is empty (its
    /// content may then align to nothing at the start, which can change what the next
    /// normalizer of a sequence does: the caller takes the full path).
    pub(crate) fn replaced_str<'a>(&self, s: &'a str) -> Result<Option<Cow<'a, str>>> {
        let segments = match &self.matcher {
            Matcher::Literal(lit) if !s.contains(lit.as_str()) => return Ok(Some(s.into())),
            Matcher::Literal(lit) => lit.as_str().find_matches(s)?,
            Matcher::Regex(re) => re.find_matches(s)?,
            Matcher::Whitespace => WhitespaceRuns.find_matches(s)?,
        };
        if !segments.iter().any(|&(_, is_match)| is_match) {
            return Ok(Some(s.into()));
        }
        let mut out = String::with_capacity(s.len() + self.content.len());
        for &((start, end), is_match) in &segments {
            match (is_match, s.get(start..end)) {
                (true, _) if start == end => return Ok(None),
                (true, _) => out.push_str(&self.content),
                (false, Some(part)) => out.push_str(part),
                (false, None) => return Ok(None),
            }
        }
        Ok(Some(out.into()))
    }

    /// The pattern searched for.
    pub fn pattern(&self) -> &ReplacePattern {
        &self.pattern
    }

    /// The replacement text.
    pub fn content(&self) -> &str {
        &self.content
    }
}

impl TryFrom<ReplaceJson> for Replace {
    type Error = String;

    fn try_from(json: ReplaceJson) -> std::result::Result<Self, String> {
        Replace::new(json.pattern, json.content).map_err(|e| {
            format!("field `pattern`: {e}; expected a regular expression that compiles")
        })
    }
}

impl From<Replace> for ReplaceJson {
    fn from(r: Replace) -> Self {
        ReplaceJson {
            pattern: r.pattern,
            content: r.content,
        }
    }
}

/// The change markers replacing the whole text, or `None` when a match directly follows
/// inserted chars (see the module docs).
fn single_rewrite(
    text: &str,
    segments: &[(Offsets, bool)],
    content: &str,
) -> Option<(Vec<(char, isize)>, usize)> {
    let mut changes: Vec<(char, isize)> = Vec::with_capacity(text.len() + content.len());
    let mut leading_removed = 0usize;
    let drop = |changes: &mut Vec<(char, isize)>, leading: &mut usize, n: usize| -> bool {
        if n == 0 {
            return true;
        }
        match changes.last_mut() {
            None => {
                *leading += n;
                true
            }
            Some(last) if last.1 <= 0 => {
                last.1 -= n as isize;
                true
            }
            Some(_) => false,
        }
    };
    for &((start, end), is_match) in segments {
        let part = text.get(start..end)?;
        if !is_match {
            changes.extend(part.chars().map(|c| (c, 0)));
            continue;
        }
        let removed = part.chars().count();
        let mut content_chars = content.chars();
        if removed == 0 {
            changes.extend(content_chars.map(|c| (c, 1)));
            continue;
        }
        match content_chars.next() {
            None => {
                if !drop(&mut changes, &mut leading_removed, removed) {
                    return None;
                }
            }
            Some(first) => {
                if !drop(&mut changes, &mut leading_removed, removed - 1) {
                    return None;
                }
                changes.push((first, 0));
                changes.extend(content_chars.map(|c| (c, 1)));
            }
        }
    }
    Some((changes, leading_removed))
}

/// Replaces every match of `pattern` in `normalized` with `content`.
fn replace_all<P: Pattern + ?Sized>(
    normalized: &mut NormalizedString,
    pattern: &P,
    content: &str,
) -> Result<()> {
    let segments = pattern.find_matches(normalized.get())?;
    if !segments.iter().any(|&(_, is_match)| is_match) {
        return Ok(());
    }
    if let Some((changes, leading_removed)) = single_rewrite(normalized.get(), &segments, content) {
        let len = normalized.len();
        normalized.transform_range(Range::Normalized(0..len), changes, leading_removed);
        return Ok(());
    }
    for &((start, end), is_match) in segments.iter().rev() {
        if is_match {
            let removed = normalized
                .get()
                .get(start..end)
                .map_or(0, |p| p.chars().count());
            let inserted = content.chars().map(|c| (c, 1));
            normalized.transform_range(Range::Normalized(start..end), inserted, removed);
        }
    }
    Ok(())
}

impl Normalizer for Replace {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        match &self.matcher {
            Matcher::Literal(s) => {
                if normalized.get().contains(s.as_str()) {
                    replace_all(normalized, s.as_str(), &self.content)?;
                }
                Ok(())
            }
            Matcher::Regex(re) => replace_all(normalized, re, &self.content),
            Matcher::Whitespace => replace_all(normalized, &WhitespaceRuns, &self.content),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::random_texts;

    /// `\s+` found by the scan agrees with the regex engine, and the replacement with the
    /// one the regex gives, alignments included, on generated text.
    #[test]
    fn whitespace_runs_match_regex_engine() {
        const POOL: &[&str] = &[
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\x0B",
            "\x0C",
            "\u{85}",
            "\u{A0}",
            "\u{1680}",
            "\u{2000}",
            "\u{200A}",
            "\u{200B}",
            "\u{2028}",
            "\u{2029}",
            "\u{202F}",
            "\u{205F}",
            "\u{3000}",
            "\u{FEFF}",
            "\u{180E}",
            "a",
            "Hé",
            "日本",
            "1",
            "!",
            "\u{1F600}",
            "\0",
        ];
        let regex = SysRegex::new(r"\s+").unwrap();
        let fast = Replace::new(ReplacePattern::Regex(r"\s+".into()), " ").unwrap();
        assert!(matches!(fast.matcher, Matcher::Whitespace));
        let slow = Replace {
            matcher: Matcher::Regex(SysRegex::new(r"\s+").unwrap()),
            ..fast.clone()
        };
        for text in random_texts(POOL, 3000, 12) {
            assert_eq!(
                WhitespaceRuns.find_matches(&text).unwrap(),
                regex.find_matches(&text).unwrap(),
                "{text:?}"
            );
            assert_eq!(run(&fast, &text), run(&slow, &text), "{text:?}");
            assert_eq!(
                fast.replaced_str(&text).unwrap(),
                slow.replaced_str(&text).unwrap()
            );
        }
    }

    fn run(r: &Replace, s: &str) -> NormalizedString {
        let mut n = NormalizedString::from(s);
        r.normalize(&mut n).unwrap();
        n
    }

    #[test]
    fn literal_and_regex() {
        let r = Replace::new(ReplacePattern::String("ab".into()), "xyz").unwrap();
        let n = run(&r, "cabd");
        assert_eq!(n.get(), "cxyzd");
        // Reference: the content aligns with the last char of the match.
        assert_eq!(n.alignments(), &[(0, 1), (2, 3), (2, 3), (2, 3), (3, 4)]);
        let r = Replace::new(ReplacePattern::Regex(r"\s+".into()), " ").unwrap();
        assert_eq!(run(&r, "a   b  c").get(), "a b c");
        let r = Replace::new(ReplacePattern::Regex("(l)(e)".into()), "$2$1").unwrap();
        assert_eq!(run(&r, "le travail").get(), "$2$1 travail");
        let r = Replace::new(ReplacePattern::String("".into()), "x").unwrap();
        assert_eq!(run(&r, "abc").get(), "xaxbxcx");
        let r = Replace::new(ReplacePattern::String("aa".into()), "a").unwrap();
        assert_eq!(run(&r, "aaaaa").get(), "aaa");
    }

    #[test]
    fn serde() {
        let json = r#"{"pattern":{"Regex":"\\s+"},"content":" "}"#;
        let r: Replace = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
        assert!(
            serde_json::from_str::<Replace>(r#"{"pattern":{"Regex":"("},"content":""}"#).is_err()
        );
        assert!(serde_json::from_str::<Replace>(r#"{"pattern":"a","content":""}"#).is_err());
        assert!(serde_json::from_str::<Replace>(r#"{"pattern":{"String":"a"}}"#).is_err());
    }
}
