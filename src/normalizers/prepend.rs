//! `Prepend`: puts a fixed string in front of non-empty text.
//!
//! The prepended chars are aligned with the first original char (the first one replaces
//! it, the others and that char itself count as inserted), as in the reference; an empty
//! text stays empty.

use serde::{Deserialize, Serialize};

use crate::{NormalizedString, Normalizer, Result};

/// Prepends `prepend` (`{"type": "Prepend", "prepend": "▁"}`; the field is required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prepend {
    /// The string to put in front.
    pub prepend: String,
}

impl Normalizer for Prepend {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        if !normalized.is_empty() {
            normalized.prepend(&self.prepend);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepend() {
        let p = Prepend {
            prepend: "▁".into(),
        };
        let mut n = NormalizedString::from("Hi");
        p.normalize(&mut n).unwrap();
        assert_eq!(n.get(), "▁Hi");
        // Reference offsets: '▁' -> (0, 1), 'H' -> (0, 1), 'i' -> (1, 2).
        assert_eq!(n.alignments(), &[(0, 1), (0, 1), (0, 1), (0, 1), (1, 2)]);
        let mut n = NormalizedString::from("");
        p.normalize(&mut n).unwrap();
        assert_eq!(n.get(), "");
    }
}
