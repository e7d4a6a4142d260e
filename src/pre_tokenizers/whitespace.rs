//! `Whitespace` and `WhitespaceSplit`.
//!
//! - `Whitespace` keeps the matches of `\w+|[^\w\s]+`: maximal runs of word chars and
//!   maximal runs of chars that are neither word chars nor whitespace; whitespace is dropped.
//! - `WhitespaceSplit` keeps maximal runs of non-whitespace chars.
//!
//! Both are single left-to-right scans over the reference's char classes
//! ([`super::char_classes`]) that emit byte ranges, then slice the piece at those ranges.

use crate::normalizer::NormalizedString;
use crate::pre_tokenizer::PreTokenizedString;
use crate::pre_tokenizers::char_classes::{classes, WHITESPACE, WORD};
use crate::pre_tokenizers::scan::NonSpaceRuns;
use crate::pre_tokenizers::slice_ranges;
use crate::{PreTokenizer, Result};

/// Splits into word runs and punctuation/symbol runs, dropping whitespace.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Whitespace {}

/// Splits on whitespace, dropping it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WhitespaceSplit {}

/// Byte ranges of the `\w+|[^\w\s]+` matches of `s`.
pub(crate) fn word_runs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let k = classes(c);
        if k & WHITESPACE != 0 {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
            continue;
        }
        let word = k & WORD != 0;
        match start {
            Some(st) if word != in_word => {
                out.push((st, i));
                start = Some(i);
            }
            None => start = Some(i),
            _ => {}
        }
        in_word = word;
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Byte ranges of the maximal non-whitespace runs of `s`.
pub(crate) fn non_whitespace_runs(s: &str) -> Vec<(usize, usize)> {
    NonSpaceRuns::new(s).collect()
}

fn split_with(
    pretokenized: &mut PreTokenizedString,
    ranges: fn(&str) -> Vec<(usize, usize)>,
) -> Result<()> {
    pretokenized.split(|_, normalized: NormalizedString| {
        let r = ranges(normalized.get());
        if r.len() == 1 && r[0] == (0, normalized.len()) {
            return Ok(vec![normalized]);
        }
        Ok(slice_ranges(&normalized, &r))
    })
}

impl PreTokenizer for Whitespace {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        split_with(pretokenized, word_runs)
    }
}

impl PreTokenizer for WhitespaceSplit {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        split_with(pretokenized, non_whitespace_runs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn whitespace() {
        assert_eq!(
            pieces(&Whitespace {}, "Hey man!! How_are\u{3000}you? 12\u{B2} é"),
            vec![
                ("Hey", (0, 3)),
                ("man", (4, 7)),
                ("!!", (7, 9)),
                ("How_are", (10, 17)),
                ("you", (18, 21)),
                ("?", (21, 22)),
                ("12", (23, 25)),
                ("\u{B2}", (25, 26)),
                ("é", (27, 28)),
            ]
        );
        assert_eq!(pieces(&Whitespace {}, "\n"), vec![]);
    }

    #[test]
    fn whitespace_split() {
        assert_eq!(
            pieces(&WhitespaceSplit {}, " Hey, man!\t\u{A0}Good? "),
            vec![("Hey,", (1, 5)), ("man!", (6, 10)), ("Good?", (12, 17))]
        );
    }
}
