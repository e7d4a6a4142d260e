//! Pre-tokenizers: cut the (normalized) text into the pieces the model tokenizes one by one,
//! keeping every piece aligned to the original input.
//!
//! [`PreTokenizerWrapper`] is the `pre_tokenizer` section of a `tokenizer.json` (tagged by
//! `"type"`); each variant lives in the file named after it. All of them work through
//! [`PreTokenizedString::split`], which hands over each untokenized piece as a
//! [`NormalizedString`] and drops empty results, and through [`NormalizedString`]'s slicing
//! and editing, which carry the offsets exactly as the reference library does.
//!
//! The char classes the reference uses (letters, numbers, whitespace, punctuation...) come
//! from several Unicode versions; [`char_classes`] reproduces them code point by code point.

pub mod bert;
pub(crate) mod block;
pub mod byte_level;
pub mod char_classes;
pub mod delimiter;
pub mod digits;
pub(crate) mod fast;
pub mod fixed_length;
pub mod metaspace;
pub mod punctuation;
pub(crate) mod scan;
pub mod split;
pub mod unicode_scripts;
pub mod whitespace;

use serde::{Deserialize, Serialize};

use crate::normalizer::{NormalizedString, Range};
use crate::pre_tokenizer::PreTokenizedString;
use crate::{PreTokenizer, Result};

pub use bert::BertPreTokenizer;
pub use byte_level::ByteLevel;
pub use delimiter::CharDelimiterSplit;
pub use digits::Digits;
pub use fixed_length::FixedLength;
pub use metaspace::{Metaspace, PrependScheme};
pub use punctuation::Punctuation;
pub use split::{Split, SplitPattern};
pub use unicode_scripts::UnicodeScripts;
pub use whitespace::{Whitespace, WhitespaceSplit};

/// Any pre-tokenizer of a `tokenizer.json`, by its `"type"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum PreTokenizerWrapper {
    /// Whitespace split plus isolated punctuation.
    BertPreTokenizer(BertPreTokenizer),
    /// GPT-2 byte-level pre-tokenization.
    ByteLevel(ByteLevel),
    /// Word runs and symbol runs, whitespace dropped.
    Whitespace(Whitespace),
    /// Split on whitespace.
    WhitespaceSplit(WhitespaceSplit),
    /// Split on punctuation.
    Punctuation(Punctuation),
    /// Split out numbers.
    Digits(Digits),
    /// Split on one char.
    CharDelimiterSplit(CharDelimiterSplit),
    /// Split on a string or regex.
    Split(Split),
    /// SentencePiece-style `▁` handling.
    Metaspace(Metaspace),
    /// Split where the script changes.
    UnicodeScripts(UnicodeScripts),
    /// Fixed-size chunks.
    FixedLength(FixedLength),
    /// Several pre-tokenizers in a row.
    Sequence(Sequence),
}

crate::utils::tagged::tagged_deserialize!(
    PreTokenizerWrapper,
    "a pre-tokenizer: an object with a `type`",
    BertPreTokenizer,
    ByteLevel,
    Whitespace,
    WhitespaceSplit,
    Punctuation,
    Digits,
    CharDelimiterSplit,
    Split,
    Metaspace,
    UnicodeScripts,
    FixedLength,
    Sequence,
);

impl PreTokenizer for PreTokenizerWrapper {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        match self {
            PreTokenizerWrapper::BertPreTokenizer(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::ByteLevel(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::Whitespace(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::WhitespaceSplit(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::Punctuation(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::Digits(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::CharDelimiterSplit(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::Split(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::Metaspace(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::UnicodeScripts(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::FixedLength(p) => p.pre_tokenize(pretokenized),
            PreTokenizerWrapper::Sequence(p) => p.pre_tokenize(pretokenized),
        }
    }
}

/// Applies several pre-tokenizers in order, each to the pieces the previous one made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sequence {
    /// The pre-tokenizers, in application order.
    pub pretokenizers: Vec<PreTokenizerWrapper>,
}

impl Sequence {
    /// Builds the sequence.
    pub fn new(pretokenizers: Vec<PreTokenizerWrapper>) -> Self {
        Sequence { pretokenizers }
    }
}

impl PreTokenizer for Sequence {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        for p in &self.pretokenizers {
            p.pre_tokenize(pretokenized)?;
        }
        Ok(())
    }
}

/// The sub-strings of `normalized` at the given byte ranges of its normalized text.
pub(crate) fn slice_ranges(
    normalized: &NormalizedString,
    ranges: &[(usize, usize)],
) -> Vec<NormalizedString> {
    ranges
        .iter()
        .filter_map(|&(a, b)| normalized.slice(Range::Normalized(a..b)))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::normalizer::OffsetReferential;
    use std::io::BufRead;
    use std::path::{Path, PathBuf};

    /// Runs `p` on `s`: the pieces with their char offsets into `s`.
    pub(crate) fn try_pieces(
        p: &dyn PreTokenizer,
        s: &str,
    ) -> Result<Vec<(String, (usize, usize))>> {
        let mut pts = PreTokenizedString::from(s);
        p.pre_tokenize(&mut pts)?;
        // Char index of every byte boundary of `s`.
        let mut char_at = vec![0usize; s.len() + 1];
        let mut n = 0;
        for (b, c) in s.char_indices() {
            for k in 0..c.len_utf8() {
                char_at[b + k] = n;
            }
            n += 1;
        }
        char_at[s.len()] = n;
        Ok(pts
            .get_splits(OffsetReferential::Original)
            .into_iter()
            .map(|(piece, (a, b), _)| (piece.to_owned(), (char_at[a], char_at[b])))
            .collect())
    }

    /// [`try_pieces`] for tests that compare with literals.
    pub(crate) fn pieces(p: &dyn PreTokenizer, s: &str) -> Vec<(&'static str, (usize, usize))> {
        try_pieces(p, s)
            .unwrap()
            .into_iter()
            .map(|(piece, o)| (&*Box::leak(piece.into_boxed_str()), o))
            .collect()
    }

    #[test]
    fn serde_round_trip() {
        let json = r#"{"type":"Sequence","pretokenizers":[{"type":"WhitespaceSplit"},{"type":"Metaspace","replacement":"▁","prepend_scheme":"first","split":false},{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false,"use_regex":true},{"type":"Split","pattern":{"String":"x"},"behavior":"MergedWithNext","invert":true},{"type":"Punctuation","behavior":"Contiguous"},{"type":"Digits","individual_digits":true},{"type":"CharDelimiterSplit","delimiter":"-"},{"type":"UnicodeScripts"},{"type":"FixedLength","length":3},{"type":"BertPreTokenizer"},{"type":"Whitespace"}]}"#;
        let p: PreTokenizerWrapper = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
        // Defaults of optional fields.
        let p: PreTokenizerWrapper = serde_json::from_str(
            r#"{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true}"#,
        )
        .unwrap();
        assert_eq!(
            p,
            PreTokenizerWrapper::ByteLevel(ByteLevel::new(false, true, true))
        );
        let p: PreTokenizerWrapper = serde_json::from_str(r#"{"type":"Punctuation"}"#).unwrap();
        assert_eq!(p, PreTokenizerWrapper::Punctuation(Punctuation::default()));
        let p: PreTokenizerWrapper = serde_json::from_str(r#"{"type":"FixedLength"}"#).unwrap();
        assert_eq!(p, PreTokenizerWrapper::FixedLength(FixedLength::new(5)));
        // Required fields and unknown types.
        for bad in [
            r#"{"type":"ByteLevel"}"#,
            r#"{"type":"Digits"}"#,
            r#"{"type":"Split","pattern":{"String":"a"},"behavior":"Removed"}"#,
            r#"{"type":"CharDelimiterSplit","delimiter":"ab"}"#,
            r#"{"type":"Metaspace","replacement":"_","prepend_scheme":"First"}"#,
            r#"{"type":"Sequence"}"#,
        ] {
            assert!(
                serde_json::from_str::<PreTokenizerWrapper>(bad).is_err(),
                "{bad}"
            );
        }
        let e = serde_json::from_str::<PreTokenizerWrapper>(r#"{"type":"Nope"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `Nope`"), "{e}");
    }

    fn conformance_dir() -> PathBuf {
        std::env::var_os("SUBTOK_CONFORMANCE_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"))
    }

    /// Every `pre_tokenize` case of every conformance file that has a pre-tokenizer.
    #[test]
    fn conformance_pre_tokenize() {
        let dir = conformance_dir();
        let Ok(entries) = std::fs::read_dir(dir.join("tokenizers")) else {
            return;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut failures = Vec::new();
        let (mut total_pass, mut total) = (0usize, 0usize);
        for file in files {
            let Some(name) = file.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
                continue;
            };
            let text = std::fs::read_to_string(&file).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let section = &value["pre_tokenizer"];
            if section.is_null() {
                continue;
            }
            let pt: PreTokenizerWrapper = match serde_json::from_value(section.clone()) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{name}: cannot load pre_tokenizer: {e}"));
                    continue;
                }
            };
            // What we write must load back to the same pre-tokenizer.
            let written = serde_json::to_value(&pt).unwrap();
            let reloaded: PreTokenizerWrapper = serde_json::from_value(written).unwrap();
            assert_eq!(reloaded, pt, "{name}: serialization round trip");

            let cases = dir.join("cases").join(format!("{name}.jsonl.gz"));
            let Ok(gz) = std::fs::File::open(&cases) else {
                continue;
            };
            let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(gz));
            let (mut pass, mut count) = (0usize, 0usize);
            for line in reader.lines() {
                let line = line.unwrap();
                if !line.contains("\"pre_tokenize\"") {
                    continue;
                }
                let case: serde_json::Value = serde_json::from_str(&line).unwrap();
                if case["kind"] != "pre_tokenize" {
                    continue;
                }
                count += 1;
                let input = case["input"].as_str().unwrap_or_default();
                let got = try_pieces(&pt, input);
                let ok = match (&got, case.get("expect")) {
                    (Ok(got), Some(expect)) => {
                        let want: Vec<(String, (usize, usize))> =
                            serde_json::from_value(expect.clone()).unwrap();
                        *got == want
                    }
                    (Err(_), None) => case.get("expect_error").is_some(),
                    _ => false,
                };
                if ok {
                    pass += 1;
                } else if failures.len() < 30 {
                    failures.push(format!(
                        "{}: input {:?}\n  got  {:?}\n  want {}",
                        case["id"],
                        input,
                        got,
                        case.get("expect").unwrap_or(&case["expect_error"])
                    ));
                }
            }
            println!("{name}: {pass}/{count} pre_tokenize cases");
            total_pass += pass;
            total += count;
        }
        println!("total: {total_pass}/{total}");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
