//! `BertProcessing`: `[CLS] A [SEP]` for a single sequence and `[CLS] A [SEP] B [SEP]` for a
//! pair, with type id 0 up to the first `[SEP]` and 1 after it.
//!
//! Each input (and each of its overflowing windows) is wrapped on its own: the first with
//! `cls`/`sep`, the following ones with a trailing `sep` only; the parts are then
//! concatenated. Without special tokens the inputs pass through unchanged.

use crate::processors::{surround, Processor};
use crate::{Encoding, Result};
use serde::{Deserialize, Serialize};

/// Adds BERT's `[CLS]` and `[SEP]` tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BertProcessing {
    /// The separator token and its id.
    pub sep: (String, u32),
    /// The classification token and its id.
    pub cls: (String, u32),
}

impl Default for BertProcessing {
    fn default() -> Self {
        BertProcessing {
            sep: ("[SEP]".into(), 102),
            cls: ("[CLS]".into(), 101),
        }
    }
}

impl BertProcessing {
    /// Wraps input number `index` (or one of its windows).
    fn wrap(&self, enc: &Encoding, index: usize) -> Encoding {
        if index == 0 {
            surround(enc, Some(&self.cls), &self.sep, (0, 0), false, 0)
        } else {
            surround(enc, None, &self.sep, (0, 1), false, 1)
        }
    }
}

impl Processor for BertProcessing {
    fn added(&self, is_pair: bool) -> usize {
        if is_pair {
            3
        } else {
            2
        }
    }

    fn process_encodings(
        &self,
        encodings: Vec<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>> {
        if !add_special_tokens {
            return Ok(encodings);
        }
        Ok(encodings
            .iter()
            .enumerate()
            .map(|(i, enc)| {
                let mut out = self.wrap(enc, i);
                out.overflowing = enc.overflowing.iter().map(|o| self.wrap(o, i)).collect();
                out
            })
            .collect())
    }
}
