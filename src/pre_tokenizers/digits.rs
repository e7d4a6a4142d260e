//! `Digits`: splits numeric chars (`char::is_numeric` as the reference evaluates it) from
//! the rest, either one piece per digit (`individual_digits`) or one piece per run.

use crate::normalizer::SplitDelimiterBehavior;
use crate::pattern::Pattern;
use crate::pre_tokenizer::PreTokenizedString;
use crate::pre_tokenizers::char_classes::is_numeric;
use crate::pre_tokenizers::split::kept_ranges;
use crate::{PreTokenizer, Result};

/// Splits out numbers; see the module docs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Digits {
    /// One piece per digit instead of one per run of digits.
    pub individual_digits: bool,
}

impl Digits {
    /// Builds the pre-tokenizer.
    pub fn new(individual_digits: bool) -> Self {
        Digits { individual_digits }
    }

    fn split_behavior(&self) -> SplitDelimiterBehavior {
        if self.individual_digits {
            SplitDelimiterBehavior::Isolated
        } else {
            SplitDelimiterBehavior::Contiguous
        }
    }

    /// The byte ranges of the pieces this step cuts `s` into (empty ones may remain).
    pub(crate) fn piece_ranges(&self, s: &str) -> Result<Vec<(usize, usize)>> {
        Ok(kept_ranges(
            is_numeric.find_matches(s)?,
            self.split_behavior(),
        ))
    }
}

impl PreTokenizer for Digits {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        let behavior = self.split_behavior();
        pretokenized.split(|_, normalized| {
            if !normalized.get().chars().any(is_numeric) {
                return Ok(vec![normalized]);
            }
            normalized.split(&is_numeric, behavior)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn digits() {
        let s = "Hey 123 friend\u{B2} 4!";
        assert_eq!(
            pieces(&Digits::new(false), s),
            vec![
                ("Hey ", (0, 4)),
                ("123", (4, 7)),
                (" friend", (7, 14)),
                ("\u{B2}", (14, 15)),
                (" ", (15, 16)),
                ("4", (16, 17)),
                ("!", (17, 18)),
            ]
        );
        assert_eq!(
            pieces(&Digits::new(true), s),
            vec![
                ("Hey ", (0, 4)),
                ("1", (4, 5)),
                ("2", (5, 6)),
                ("3", (6, 7)),
                (" friend", (7, 14)),
                ("\u{B2}", (14, 15)),
                (" ", (15, 16)),
                ("4", (16, 17)),
                ("!", (17, 18)),
            ]
        );
    }
}
