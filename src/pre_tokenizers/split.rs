//! `Split`: splits on a literal string or a regular expression, handling the matches per a
//! [`SplitDelimiterBehavior`]; with `invert`, the matches are treated as the content and the
//! text between them as the delimiters.
//!
//! Regular expressions follow the reference, which compiles them with Oniguruma's Ruby
//! syntax; here they run on `fancy-regex` (see [`crate::pattern::SysRegex`]). Ruby's `^` and
//! `$` match at line starts and ends, so patterns containing them are compiled in multi-line
//! mode. A literal is searched for as is; the empty literal matches the empty string at every
//! position (cutting the text into chars), as the reference's escaped empty regex does.
//!
//! The GPT-2 pattern, the cl100k-family patterns (GPT-4, Llama 3, Qwen2) and CLIP's pattern
//! of published tokenizers are recognized verbatim and run by exact hand-written scanners
//! over the reference's char classes instead of the regex engine; a unit test checks them
//! against the regex engine on generated text. Measured reason for CLIP's: its inverted
//! `Split` took two thirds of clip-vit's ids path in the regex engine's forward and reverse
//! searches (ids, 64 KiB of English, warm: 21 → 33 MB/s with the scanner alone).

use serde::{Deserialize, Serialize};

use crate::normalizer::{split_matches, SplitDelimiterBehavior};
use crate::pattern::{segments, Pattern, SysRegex};
use crate::pre_tokenizer::PreTokenizedString;
use crate::pre_tokenizers::byte_level::gpt2_pieces;
use crate::pre_tokenizers::scan::{Cl100kScan, ClipScan};
use crate::{Error, Offsets, PreTokenizer, Result};

/// What `Split` searches for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SplitPattern {
    /// A literal string.
    String(String),
    /// A regular expression.
    Regex(String),
}

/// The compiled form of a [`SplitPattern`].
#[derive(Debug, Clone)]
enum Matcher {
    Literal(String),
    Regex(SysRegex),
    /// A well-known pattern run by a hand-written scanner.
    Scanner(Scanner),
}

/// Patterns of published tokenizers that have an exact hand-written scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scanner {
    /// The GPT-2 pattern (as used by `ByteLevel`).
    Gpt2,
    /// The cl100k family: up to `n` digits per number (3 for cl100k/Llama 3, 1 for Qwen2).
    Cl100k(usize),
    /// CLIP's pattern (whose matches leave out whitespace).
    Clip,
}

const GPT2_PATTERN: &str =
    r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
const CL100K_PATTERN: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
const CLIP_PATTERN: &str =
    r"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+";
const QWEN2_PATTERN: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

impl Scanner {
    fn for_pattern(pattern: &str) -> Option<Scanner> {
        match pattern {
            GPT2_PATTERN => Some(Scanner::Gpt2),
            CL100K_PATTERN => Some(Scanner::Cl100k(3)),
            QWEN2_PATTERN => Some(Scanner::Cl100k(1)),
            CLIP_PATTERN => Some(Scanner::Clip),
            _ => None,
        }
    }

    /// Byte ranges of the matches, in order (they tile `s` but for [`Scanner::Clip`]).
    fn pieces(self, s: &str) -> Vec<(usize, usize)> {
        match self {
            Scanner::Gpt2 => gpt2_pieces(s),
            Scanner::Cl100k(max_digits) => cl100k_pieces(s, max_digits),
            Scanner::Clip => ClipScan::new(s).collect(),
        }
    }
}

/// Byte ranges of the cl100k-family matches of `s` (`max_digits` per number); they tile `s`.
pub(crate) fn cl100k_pieces(s: &str, max_digits: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    out.extend(Cl100kScan::new(s, max_digits));
    out
}

impl Pattern for Matcher {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        match self {
            Matcher::Literal(s) => s.as_str().find_matches(inside),
            Matcher::Regex(r) => r.find_matches(inside),
            Matcher::Scanner(Scanner::Clip) => segments(inside, ClipScan::new(inside).map(Ok)),
            Matcher::Scanner(sc) => {
                if inside.is_empty() {
                    return Ok(vec![((0, 0), false)]);
                }
                Ok(sc.pieces(inside).into_iter().map(|o| (o, true)).collect())
            }
        }
    }
}

/// A pattern with its matches and non-matches swapped.
struct Inverted<'a, P: ?Sized>(&'a P);

impl<P: Pattern + ?Sized> Pattern for Inverted<'_, P> {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        let mut m = self.0.find_matches(inside)?;
        for (_, is_match) in &mut m {
            *is_match = !*is_match;
        }
        Ok(m)
    }
}

/// Splits on a pattern; see the module docs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "SplitJson", into = "SplitJson")]
pub struct Split {
    pattern: SplitPattern,
    behavior: SplitDelimiterBehavior,
    invert: bool,
    matcher: Matcher,
}

impl PartialEq for Split {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern
            && self.behavior == other.behavior
            && self.invert == other.invert
    }
}

/// The JSON form of [`Split`].
#[derive(Serialize, Deserialize)]
struct SplitJson {
    pattern: SplitPattern,
    behavior: SplitDelimiterBehavior,
    invert: bool,
}

impl TryFrom<SplitJson> for Split {
    type Error = String;

    fn try_from(j: SplitJson) -> std::result::Result<Self, String> {
        Split::new(j.pattern, j.behavior, j.invert).map_err(|e| format!("Split `pattern`: {e}"))
    }
}

impl From<Split> for SplitJson {
    fn from(s: Split) -> Self {
        SplitJson {
            pattern: s.pattern,
            behavior: s.behavior,
            invert: s.invert,
        }
    }
}

/// Compiles a pattern of the reference's regex dialect.
pub(crate) fn compile_regex(pattern: &str) -> Result<SysRegex> {
    if pattern.contains(['^', '$']) {
        SysRegex::new(&format!("(?m){pattern}")).map_err(|e| match e {
            Error::Regex { message, .. } => Error::Regex {
                pattern: pattern.to_owned(),
                message,
            },
            other => other,
        })
    } else {
        SysRegex::new(pattern)
    }
}

impl Split {
    /// Builds the pre-tokenizer; fails if the regular expression does not compile.
    pub fn new(
        pattern: SplitPattern,
        behavior: SplitDelimiterBehavior,
        invert: bool,
    ) -> Result<Self> {
        let matcher = match &pattern {
            SplitPattern::String(s) if s.is_empty() => Matcher::Regex(SysRegex::new("")?),
            SplitPattern::String(s) => Matcher::Literal(s.clone()),
            SplitPattern::Regex(r) => match Scanner::for_pattern(r) {
                Some(sc) => Matcher::Scanner(sc),
                None => Matcher::Regex(compile_regex(r)?),
            },
        };
        Ok(Split {
            pattern,
            behavior,
            invert,
            matcher,
        })
    }

    /// The pattern.
    pub fn pattern(&self) -> &SplitPattern {
        &self.pattern
    }

    /// The delimiter behavior.
    pub fn behavior(&self) -> SplitDelimiterBehavior {
        self.behavior
    }

    /// Whether matches are the content rather than the delimiters.
    pub fn invert(&self) -> bool {
        self.invert
    }

    /// When this split keeps exactly the pieces of a hand-written scanner (its matches tile
    /// the text, and the behavior keeps each of them as one piece): `Some(None)` for the
    /// GPT-2 pattern, `Some(Some(n))` for the cl100k family with `n` digits per number.
    pub(crate) fn scanner_digits(&self) -> Option<Option<usize>> {
        let Matcher::Scanner(scanner) = &self.matcher else {
            return None;
        };
        let keeps_matches = matches!(
            (self.behavior, self.invert),
            (SplitDelimiterBehavior::Isolated, _) | (SplitDelimiterBehavior::Removed, true)
        );
        if !keeps_matches {
            return None;
        }
        match scanner {
            Scanner::Gpt2 => Some(None),
            Scanner::Cl100k(n) => Some(Some(*n)),
            Scanner::Clip => None,
        }
    }

    /// Whether this split keeps exactly the matches of CLIP's pattern, each as one piece
    /// (inverted, removing what lies between them): its pieces are those of
    /// [`ClipScan`].
    pub(crate) fn keeps_clip_matches(&self) -> bool {
        matches!(self.matcher, Matcher::Scanner(Scanner::Clip))
            && self.invert
            && self.behavior == SplitDelimiterBehavior::Removed
    }
}

impl Split {
    /// The byte ranges of the pieces this split cuts `s` into, as
    /// [`NormalizedString::split`](crate::NormalizedString::split) cuts a piece with this
    /// pattern and behavior (removed segments left out; empty ranges may remain).
    pub(crate) fn piece_ranges(&self, s: &str) -> Result<Vec<(usize, usize)>> {
        let matches = if self.invert {
            Inverted(&self.matcher).find_matches(s)?
        } else {
            self.matcher.find_matches(s)?
        };
        Ok(kept_ranges(matches, self.behavior))
    }
}

/// The ranges that [`split_matches`] keeps of `matches` under `behavior`.
pub(crate) fn kept_ranges(
    matches: Vec<(Offsets, bool)>,
    behavior: SplitDelimiterBehavior,
) -> Vec<(usize, usize)> {
    split_matches(matches, behavior)
        .into_iter()
        .filter_map(|(o, remove)| (!remove).then_some(o))
        .collect()
}

impl PreTokenizer for Split {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        if self.invert {
            let p = Inverted(&self.matcher);
            pretokenized.split(|_, normalized| normalized.split(&p, self.behavior))
        } else {
            pretokenized.split(|_, normalized| normalized.split(&self.matcher, self.behavior))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;
    use crate::utils::test_texts::random_texts;
    use SplitDelimiterBehavior::*;

    fn re(p: &str, b: SplitDelimiterBehavior, invert: bool) -> Split {
        Split::new(SplitPattern::Regex(p.into()), b, invert).unwrap()
    }

    #[test]
    fn behaviors_inverted() {
        let s = "How are you doing?";
        let p = r"\w+|[^\w\s]+";
        assert_eq!(
            pieces(&re(p, Removed, true), s),
            vec![
                ("How", (0, 3)),
                ("are", (4, 7)),
                ("you", (8, 11)),
                ("doing", (12, 17)),
                ("?", (17, 18)),
            ]
        );
        assert_eq!(
            pieces(&re(p, MergedWithPrevious, true), s),
            vec![
                ("How ", (0, 4)),
                ("are ", (4, 8)),
                ("you ", (8, 12)),
                ("doing", (12, 17)),
                ("?", (17, 18)),
            ]
        );
        assert_eq!(
            pieces(&re(p, MergedWithNext, true), s),
            vec![
                ("How", (0, 3)),
                (" are", (3, 7)),
                (" you", (7, 11)),
                (" doing", (11, 17)),
                ("?", (17, 18)),
            ]
        );
        assert_eq!(
            pieces(&re(p, Contiguous, true), s),
            vec![
                ("How", (0, 3)),
                (" ", (3, 4)),
                ("are", (4, 7)),
                (" ", (7, 8)),
                ("you", (8, 11)),
                (" ", (11, 12)),
                ("doing?", (12, 18)),
            ]
        );
    }

    #[test]
    fn literals_and_anchors() {
        let lit = |s: &str, b, inv| Split::new(SplitPattern::String(s.into()), b, inv).unwrap();
        assert_eq!(
            pieces(&lit("Hello", Removed, true), "Hello Hello Hello"),
            vec![("Hello", (0, 5)), ("Hello", (6, 11)), ("Hello", (12, 17))]
        );
        assert_eq!(
            pieces(&lit("", Removed, false), "abc"),
            vec![("a", (0, 1)), ("b", (1, 2)), ("c", (2, 3))]
        );
        assert_eq!(
            pieces(&re("^a", Isolated, false), "ab\nab"),
            vec![("a", (0, 1)), ("b\n", (1, 3)), ("a", (3, 4)), ("b", (4, 5))]
        );
    }

    /// The scanners agree with the regex engine on generated text.
    #[test]
    fn scanners_match_regex_engine() {
        const POOL: &[&str] = &[
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{A0}",
            "\u{3000}",
            "'",
            "'s",
            "'S",
            "'re",
            "'rE",
            "'LL",
            "'ve",
            "'\u{17F}",
            "'x",
            "a",
            "Hello",
            "é",
            "e\u{301}",
            "日本",
            "1",
            "23",
            "4567",
            "\u{B2}",
            "١٢",
            "!",
            "?!",
            "...",
            "$",
            "_",
            "—",
            "\u{1F600}",
            "\u{200D}",
            "\u{378}",
            "\0",
            "\r",
            "ſ",
            "<|startoftext|>",
            "<|endoftext|>",
            "<|endoftext",
            "<",
            "|>",
            "ll",
            "e",
            "'m",
            "'d",
            "'ll",
        ];
        let scanners = [
            (GPT2_PATTERN, Scanner::Gpt2),
            (CL100K_PATTERN, Scanner::Cl100k(3)),
            (QWEN2_PATTERN, Scanner::Cl100k(1)),
            (CLIP_PATTERN, Scanner::Clip),
        ];
        let texts = random_texts(POOL, 3000 * scanners.len(), 12);
        for ((pattern, scanner), texts) in scanners.into_iter().zip(texts.chunks(3000)) {
            assert_eq!(Scanner::for_pattern(pattern), Some(scanner));
            let regex = SysRegex::new(pattern).unwrap();
            for text in texts {
                let want: Vec<(usize, usize)> = regex.find_iter(text).map(|m| m.unwrap()).collect();
                assert_eq!(scanner.pieces(text), want, "{pattern} on {text:?}");
            }
        }
    }

    #[test]
    fn bad_regex_is_an_error() {
        let e = serde_json::from_str::<Split>(
            r#"{"pattern":{"Regex":"(a"},"behavior":"Removed","invert":false}"#,
        );
        assert!(e.is_err());
        assert!(matches!(
            Split::new(SplitPattern::Regex("(a".into()), Removed, false),
            Err(Error::Regex { .. })
        ));
    }
}
