//! `CharDelimiterSplit`: splits on every occurrence of one char, which is dropped.

use crate::normalizer::SplitDelimiterBehavior;
use crate::pre_tokenizer::PreTokenizedString;
use crate::{PreTokenizer, Result};

/// Splits on a delimiter char; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CharDelimiterSplit {
    /// The char to split on.
    pub delimiter: char,
}

impl CharDelimiterSplit {
    /// Builds the pre-tokenizer.
    pub fn new(delimiter: char) -> Self {
        CharDelimiterSplit { delimiter }
    }
}

impl PreTokenizer for CharDelimiterSplit {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, normalized| {
            if !normalized.get().contains(self.delimiter) {
                return Ok(vec![normalized]);
            }
            normalized.split(&self.delimiter, SplitDelimiterBehavior::Removed)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn delimiter() {
        assert_eq!(
            pieces(&CharDelimiterSplit::new('-'), "-a--b c-"),
            vec![("a", (1, 2)), ("b c", (4, 7))]
        );
    }
}
