//! `RobertaProcessing`: `<s> A </s>` for a single sequence and `<s> A </s> </s> B </s>` for a
//! pair, every type id 0.
//!
//! With `trim_offsets`, the offsets of every token (overflowing windows included) are first
//! trimmed of the spaces the token carries, exactly as the byte-level processor does (see
//! [`crate::processors::byte_level`]). Type ids of the inputs are then reset to 0; with
//! special tokens, the first input is wrapped in `cls`/`sep` and the following ones in
//! `sep`/`sep`, their windows likewise.

use crate::processors::byte_level::trim_offsets;
use crate::processors::{surround, Processor};
use crate::{Encoding, Result};
use serde::{Deserialize, Serialize};

/// Adds RoBERTa's `<s>` and `</s>` tokens and optionally trims offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RobertaProcessing {
    /// The separator token and its id.
    pub sep: (String, u32),
    /// The classification (start) token and its id.
    pub cls: (String, u32),
    /// Whether to trim the spaces carried by tokens out of their offsets.
    pub trim_offsets: bool,
    /// Whether the pre-tokenizer added a leading space (kept in the first token's offsets).
    pub add_prefix_space: bool,
}

impl Default for RobertaProcessing {
    fn default() -> Self {
        RobertaProcessing {
            sep: ("</s>".into(), 2),
            cls: ("<s>".into(), 0),
            trim_offsets: true,
            add_prefix_space: true,
        }
    }
}

impl RobertaProcessing {
    /// Wraps input number `index` (or one of its windows).
    fn wrap(&self, enc: &Encoding, index: usize) -> Encoding {
        let first = if index == 0 { &self.cls } else { &self.sep };
        surround(
            enc,
            Some(first),
            &self.sep,
            (0, 0),
            true,
            usize::from(index != 0),
        )
    }
}

impl Processor for RobertaProcessing {
    fn added(&self, is_pair: bool) -> usize {
        if is_pair {
            4
        } else {
            2
        }
    }

    fn process_encodings(
        &self,
        mut encodings: Vec<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>> {
        for enc in &mut encodings {
            if self.trim_offsets {
                trim_offsets(enc, self.add_prefix_space);
                for o in enc.get_overflowing_mut() {
                    trim_offsets(o, self.add_prefix_space);
                }
            }
            enc.fill_type_ids(0);
        }
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
