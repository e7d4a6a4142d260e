//! `Fuse` decoder: concatenates all tokens into a single one (the empty string when there are
//! none), so that later decoders of a sequence see the whole text.

use serde::{Deserialize, Serialize};

use crate::{Decoder, Result};

/// Decoder that joins all tokens into one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fuse {}

impl Fuse {
    /// Builds the decoder.
    pub fn new() -> Self {
        Fuse {}
    }
}

impl Decoder for Fuse {
    fn decode_chain(&self, tokens: Vec<String>) -> Result<Vec<String>> {
        Ok(vec![tokens.concat()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuses() {
        let d = Fuse::new();
        assert_eq!(
            d.decode_chain(vec!["Hey".into(), " friend!".into()])
                .unwrap(),
            vec!["Hey friend!".to_string()]
        );
        assert_eq!(d.decode_chain(vec![]).unwrap(), vec![String::new()]);
    }
}
