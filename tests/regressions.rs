//! Regression tests for failures found by fuzzing (`fuzz/`, see `fuzz/REPORT.md`). Each test
//! is the smallest input that showed the failure.

use subtok::Tokenizer;

/// parse_bytes: two tokens sharing one id, a merge producing one of them. Only one token per
/// id was written back, so the saved file named a merge result missing from its vocabulary
/// and could not be loaded again.
#[test]
fn duplicate_ids_survive_a_save_and_load() {
    for vocab in [
        r#"{"a": 0, "b": 1, "ab": 2, "x": 2}"#,
        r#"{"a": 0, "b": 1, "x": 2, "ab": 2}"#,
    ] {
        let json = format!(
            r#"{{"version": "1.0", "model": {{"type": "BPE", "vocab": {vocab}, "merges": ["a b"]}}}}"#
        );
        let tok: Tokenizer = json.parse().unwrap();
        let saved = tok.to_string(false).unwrap();
        let again: Tokenizer = saved.parse().unwrap_or_else(|e| panic!("{e}\n{saved}"));
        assert_eq!(
            again.encode("ab", false).unwrap().get_ids(),
            tok.encode("ab", false).unwrap().get_ids()
        );
        assert_eq!(again.get_vocab(false), tok.get_vocab(false));
    }
}

/// mutate_json: a padding length from a damaged file (`{"Fixed": n}` or `pad_to_multiple_of`
/// in the billions) made every encode allocate that many pad tokens until memory ran out.
/// Padding above `MAX_PADDED_LENGTH` is now an error.
#[test]
fn huge_padding_is_an_error() {
    use subtok::utils::padding::MAX_PADDED_LENGTH;
    let model =
        r#""model": {"type": "WordLevel", "vocab": {"a": 0, "[PAD]": 1}, "unk_token": "[PAD]"}"#;
    for (strategy, multiple) in [
        (r#"{"Fixed": 4294967296}"#.to_owned(), "null".to_owned()),
        (
            format!(r#"{{"Fixed": {}}}"#, MAX_PADDED_LENGTH + 1),
            "null".to_owned(),
        ),
        (r#""BatchLongest""#.to_owned(), "2147483648".to_owned()),
    ] {
        let json = format!(
            r#"{{"version": "1.0", {model}, "pre_tokenizer": {{"type": "Whitespace"}},
            "padding": {{"strategy": {strategy}, "direction": "Right", "pad_to_multiple_of": {multiple},
            "pad_id": 1, "pad_type_id": 0, "pad_token": "[PAD]"}}}}"#
        );
        let tok: Tokenizer = json.parse().unwrap_or_else(|e| panic!("{e}\n{json}"));
        let err = tok.encode("a a", false).unwrap_err().to_string();
        assert!(err.contains("above the limit"), "{err}");
        assert!(tok.encode_batch(vec!["a", "a a"], false).is_err());
    }
    // At the limit's scale but not needed (nothing shorter than the target): fine.
    let json = format!(
        r#"{{"version": "1.0", {model},
        "padding": {{"strategy": {{"Fixed": 2}}, "direction": "Left", "pad_to_multiple_of": null,
        "pad_id": 1, "pad_type_id": 0, "pad_token": "[PAD]"}}}}"#
    );
    let tok: Tokenizer = json.parse().unwrap();
    assert_eq!(tok.encode("a", false).unwrap().get_ids(), [1, 0]);
}
