//! `Strip` decoder: removes up to `start` leading and up to `stop` trailing `content` chars
//! from every token.
//!
//! Leading chars are removed first. Trailing removal then looks at the last `stop` chars from
//! the end and stops at the first one that is not `content`. The reference implementation
//! panics when that backwards walk runs past the beginning of the token (a token made only of
//! `content` chars, the empty token included, shorter than `stop`) or when it reaches into the
//! chars already removed at the start; in exactly those cases this decoder returns an error.

use serde::{Deserialize, Serialize};

use crate::{Decoder, Error, Result};

/// Decoder that strips a char from both ends of every token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strip {
    /// The char to remove.
    pub content: char,
    /// How many `content` chars at most to remove at the start.
    pub start: usize,
    /// How many `content` chars at most to remove at the end.
    pub stop: usize,
}

impl Strip {
    /// Builds the decoder.
    pub fn new(content: char, start: usize, stop: usize) -> Self {
        Strip {
            content,
            start,
            stop,
        }
    }

    /// Strips one token in place.
    fn strip(&self, token: &mut String) -> Result<()> {
        let c = self.content;
        let width = c.len_utf8();
        let leading = token
            .chars()
            .take(self.start)
            .take_while(|&x| x == c)
            .count();
        let begin = leading * width;
        let mut end = token.len();
        let mut rev = token.chars().rev();
        for _ in 0..self.stop {
            match rev.next() {
                Some(x) if x == c => end -= width,
                Some(_) => break,
                None => {
                    return Err(Error::Decode(format!(
                        "Strip decoder: cannot strip {} trailing {:?} from token {:?} \
                         made of fewer such chars",
                        self.stop, c, token
                    )))
                }
            }
        }
        if end < begin {
            return Err(Error::Decode(format!(
                "Strip decoder: stripping {} leading and {} trailing {:?} from token {:?} \
                 removes overlapping chars",
                self.start, self.stop, c, token
            )));
        }
        token.truncate(end);
        token.drain(..begin);
        Ok(())
    }
}

impl Decoder for Strip {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        for token in tokens.iter_mut() {
            self.strip(token)?;
        }
        Ok(tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(start: usize, stop: usize, token: &str) -> Option<String> {
        Strip::new(' ', start, stop)
            .decode_chain(vec![token.to_owned()])
            .ok()
            .map(|v| v.concat())
    }

    #[test]
    fn strips_like_reference() {
        // (start, stop, token, reference output; None where the reference panics).
        let table: &[(usize, usize, &str, Option<&str>)] = &[
            (0, 1, "", None),
            (1, 0, "", Some("")),
            (1, 1, "", None),
            (3, 0, "", Some("")),
            (0, 1, " ", Some("")),
            (1, 0, " ", Some("")),
            (1, 1, " ", None),
            (2, 2, " ", None),
            (0, 3, " ", None),
            (2, 1, " ", None),
            (0, 1, "  ", Some(" ")),
            (1, 1, "  ", Some("")),
            (2, 2, "  ", None),
            (0, 3, "  ", None),
            (1, 2, "  ", None),
            (3, 0, "  ", Some("")),
            (1, 1, "   ", Some(" ")),
            (2, 2, "   ", None),
            (0, 3, "   ", Some("")),
            (1, 2, "   ", Some("")),
            (2, 1, "   ", Some("")),
            (0, 3, "a", Some("a")),
            (2, 2, "  a  ", Some("a")),
            (0, 3, "  a  ", Some("  a")),
            (3, 0, "  a  ", Some("a  ")),
            (2, 1, "  a  ", Some("a ")),
            (1, 0, "a ", Some("a ")),
            (0, 1, " a", Some(" a")),
        ];
        for &(start, stop, token, expected) in table {
            assert_eq!(
                one(start, stop, token).as_deref(),
                expected,
                "start {start} stop {stop} token {token:?}"
            );
        }
        let d = Strip::new('H', 1, 0);
        assert_eq!(
            d.decode_chain(vec!["Hey".into(), " friend!".into(), "HHH".into()])
                .unwrap(),
            vec!["ey", " friend!", "HH"]
        );
        let d = Strip::new('▁', 1, 1);
        assert_eq!(d.decode_chain(vec!["▁▁a▁▁".into()]).unwrap(), vec!["▁a▁"]);
    }

    #[test]
    fn serde() {
        let s: Strip = serde_json::from_str(r#"{"content":" ","start":1,"stop":0}"#).unwrap();
        assert_eq!(s, Strip::new(' ', 1, 0));
        for bad in [
            r#"{"content":" "}"#,
            r#"{"content":"ab","start":1,"stop":0}"#,
            r#"{"content":" ","start":-1,"stop":0}"#,
        ] {
            assert!(serde_json::from_str::<Strip>(bad).is_err(), "{bad}");
        }
    }
}
