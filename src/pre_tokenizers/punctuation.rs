//! `Punctuation`: splits at every punctuation char (the `BertPreTokenizer` definition:
//! ASCII punctuation or a Unicode punctuation category), handling the punctuation per the
//! configured [`SplitDelimiterBehavior`] (default `Isolated`).

use crate::normalizer::SplitDelimiterBehavior;
use crate::pattern::Pattern;
use crate::pre_tokenizer::PreTokenizedString;
use crate::pre_tokenizers::char_classes::is_punctuation;
use crate::pre_tokenizers::split::kept_ranges;
use crate::{PreTokenizer, Result};

fn default_behavior() -> SplitDelimiterBehavior {
    SplitDelimiterBehavior::Isolated
}

/// Splits on punctuation; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Punctuation {
    /// What to do with the punctuation chars.
    #[serde(default = "default_behavior")]
    pub behavior: SplitDelimiterBehavior,
}

impl Default for Punctuation {
    fn default() -> Self {
        Punctuation {
            behavior: default_behavior(),
        }
    }
}

impl Punctuation {
    /// Builds the pre-tokenizer.
    pub fn new(behavior: SplitDelimiterBehavior) -> Self {
        Punctuation { behavior }
    }

    /// The byte ranges of the pieces this step cuts `s` into (empty ones may remain).
    pub(crate) fn piece_ranges(&self, s: &str) -> Result<Vec<(usize, usize)>> {
        Ok(kept_ranges(is_punctuation.find_matches(s)?, self.behavior))
    }
}

impl PreTokenizer for Punctuation {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, normalized| {
            if !normalized.get().chars().any(is_punctuation) {
                return Ok(vec![normalized]);
            }
            normalized.split(&is_punctuation, self.behavior)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn punctuation() {
        let s = "Hey friend!     How are you?!?";
        assert_eq!(
            pieces(&Punctuation::default(), s),
            vec![
                ("Hey friend", (0, 10)),
                ("!", (10, 11)),
                ("     How are you", (11, 27)),
                ("?", (27, 28)),
                ("!", (28, 29)),
                ("?", (29, 30)),
            ]
        );
        assert_eq!(
            pieces(&Punctuation::new(SplitDelimiterBehavior::Contiguous), s),
            vec![
                ("Hey friend", (0, 10)),
                ("!", (10, 11)),
                ("     How are you", (11, 27)),
                ("?!?", (27, 30)),
            ]
        );
    }
}
