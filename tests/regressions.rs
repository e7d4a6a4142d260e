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
