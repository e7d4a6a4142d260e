//! `Metaspace` decoder: turns the SentencePiece meta symbol (`▁` by default) back into
//! spaces.
//!
//! Every `replacement` char becomes a space, except in the first token when the
//! `prepend_scheme` is not `never`: there every `replacement` char is dropped, since encoding
//! prepended one that was not in the text. `split` only matters to the pre-tokenizer and is
//! kept for round-tripping.
//!
//! JSON: `replacement` (one char, required), `prepend_scheme` (`"always"` by default, or
//! `"first"`, `"never"`), `split` (default `true`), and the legacy `add_prefix_space`: `false` is
//! only accepted together with `prepend_scheme: "never"` (as the reference does); `str_rep` is
//! ignored.
//! Serialization writes the modern form only.

use crate::{Decoder, Result};

/// The decoder shares the component struct of the Metaspace pre-tokenizer, as tokenizer.json
/// does: one `Metaspace` with `replacement`, `prepend_scheme` and `split`.
pub use crate::pre_tokenizers::{Metaspace, PrependScheme};

impl Decoder for Metaspace {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        let rep = self.replacement();
        for (i, token) in tokens.iter_mut().enumerate() {
            if !token.contains(rep) {
                continue;
            }
            *token = if i == 0 && self.prepend_scheme != PrependScheme::Never {
                token.chars().filter(|&c| c != rep).collect()
            } else {
                token
                    .chars()
                    .map(|c| if c == rep { ' ' } else { c })
                    .collect()
            };
        }
        Ok(tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn decodes_like_reference() {
        // decoders.Metaspace(...) on the reference, pieces observed one by one.
        let toks = strings(&["▁▁a▁b", "▁c▁", "▁"]);
        for scheme in [PrependScheme::Always, PrependScheme::First] {
            for split in [true, false] {
                let d = Metaspace::new('▁', scheme, split);
                assert_eq!(
                    d.decode_chain(toks.clone()).unwrap(),
                    strings(&["ab", " c ", " "])
                );
            }
        }
        let d = Metaspace::new('▁', PrependScheme::Never, true);
        assert_eq!(
            d.decode_chain(toks).unwrap(),
            strings(&["  a b", " c ", " "])
        );
        let d = Metaspace::new('_', PrependScheme::Always, true);
        assert_eq!(
            d.decode_chain(strings(&["_a_b▁", "_c"])).unwrap(),
            strings(&["ab▁", " c"])
        );
    }

    #[test]
    fn serde() {
        let m: Metaspace = serde_json::from_str(r#"{"replacement":"_"}"#).unwrap();
        assert_eq!(m, Metaspace::new('_', PrependScheme::Always, true));
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"replacement":"_","prepend_scheme":"always","split":true}"#
        );
        let m: Metaspace = serde_json::from_str(
            r#"{"replacement":"_","add_prefix_space":true,"prepend_scheme":"never","str_rep":"_"}"#,
        )
        .unwrap();
        assert_eq!(m.prepend_scheme, PrependScheme::Never);
        let m: Metaspace = serde_json::from_str(
            r#"{"replacement":"_","add_prefix_space":false,"prepend_scheme":"never"}"#,
        )
        .unwrap();
        assert_eq!(m.prepend_scheme, PrependScheme::Never);
        let m: Metaspace =
            serde_json::from_str(r#"{"replacement":"_","split":null,"add_prefix_space":null}"#)
                .unwrap();
        assert_eq!(m, Metaspace::new('_', PrependScheme::Always, true));
        for bad in [
            r#"{"replacement":"_","add_prefix_space":false}"#,
            r#"{"replacement":"_","add_prefix_space":false,"prepend_scheme":"first"}"#,
            r#"{"replacement":"ab"}"#,
            r#"{"replacement":"_","prepend_scheme":"First"}"#,
            r#"{"replacement":"_","prepend_scheme":null}"#,
            r#"{}"#,
        ] {
            assert!(serde_json::from_str::<Metaspace>(bad).is_err(), "{bad}");
        }
    }
}
