//! Limits and out-of-range values: the per-call input size limit, and decoding ids outside
//! the vocabulary (skipped, as the reference skips them), plainly and in streaming.

use subtok::tokenizer::DEFAULT_MAX_INPUT_BYTES;
use subtok::{Error, Tokenizer};

fn fixture(name: &str) -> Tokenizer {
    Tokenizer::from_file(format!(
        "{}/fixtures/tokenizers/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

const ALL: &[&str] = &[
    "bytelevel-bpe",
    "sp-bpe-bytefallback",
    "wordpiece-bert",
    "unigram-metaspace",
    "wordlevel-split",
    "added-tokens-flags",
];

#[test]
fn input_size_limit() {
    let mut tok = fixture("bytelevel-bpe");
    assert_eq!(tok.get_max_input_bytes(), Some(DEFAULT_MAX_INPUT_BYTES));
    tok.with_max_input_bytes(Some(10));
    assert!(tok.encode("0123456789", false).is_ok());
    let err = tok.encode("0123456789a", false).unwrap_err();
    assert!(matches!(err, Error::Encode(_)), "{err:?}");
    assert!(
        err.to_string().contains("11 bytes") && err.to_string().contains("limit of 10"),
        "{err}"
    );
    // A pair counts both sequences; pre-tokenized input counts every word.
    assert!(tok.encode(("01234", "56789"), false).is_ok());
    assert!(tok.encode(("012345", "56789"), false).is_err());
    assert!(tok.encode(vec!["01234", "567890"], false).is_err());
    // Batches apply the limit to each input.
    assert!(tok
        .encode_batch(vec!["0123456789", "0123456789"], false)
        .is_ok());
    assert!(tok
        .encode_batch(vec!["0123456789", "0123456789!"], false)
        .is_err());
    tok.with_max_input_bytes(None);
    assert!(tok.encode("x".repeat(100_000).as_str(), false).is_ok());
}

#[test]
fn out_of_range_ids_are_skipped_when_decoding() {
    for name in ALL {
        let tok = fixture(name);
        let vocab = tok.get_vocab_size(true) as u32;
        let ids = tok
            .encode("Hello wörld, 123 ✓", false)
            .unwrap()
            .get_ids()
            .to_vec();
        let want = tok.decode(&ids, false).unwrap();
        let mut noisy = vec![u32::MAX, vocab];
        for &id in &ids {
            noisy.push(id);
            noisy.push(vocab + 7);
        }
        noisy.push(u32::MAX - 1);
        assert_eq!(tok.decode(&noisy, false).unwrap(), want, "{name}");
        assert_eq!(tok.decode(&[u32::MAX, vocab], true).unwrap(), "", "{name}");
        // Streaming: the out-of-range ids add nothing and break nothing.
        let mut stream = tok.decode_stream(false);
        let mut text = String::new();
        for &id in &noisy {
            if let Some(piece) = stream.step(id).unwrap() {
                text.push_str(&piece);
            }
        }
        let mut clean = tok.decode_stream(false);
        let mut want_stream = String::new();
        for &id in &ids {
            if let Some(piece) = clean.step(id).unwrap() {
                want_stream.push_str(&piece);
            }
        }
        assert_eq!(text, want_stream, "{name}");
    }
}
