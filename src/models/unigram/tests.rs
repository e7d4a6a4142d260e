//! Unit tests of the Unigram model; expected values come from the reference
//! (`Tokenizer.from_str(...).model.tokenize(word)`).

use super::*;

type Got = Vec<(u32, String, (usize, usize))>;

fn model(pieces: &[(&str, f64)], unk_id: Option<usize>, byte_fallback: bool) -> Unigram {
    let vocab = pieces.iter().map(|&(p, s)| (p.to_string(), s)).collect();
    Unigram::new(vocab, unk_id, byte_fallback).unwrap()
}

fn run(m: &Unigram, word: &str) -> Got {
    m.tokenize(word)
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.value, t.offsets))
        .collect()
}

fn tok(id: u32, value: &str, offsets: (usize, usize)) -> (u32, String, (usize, usize)) {
    (id, value.to_string(), offsets)
}

const ABCD: &[(&str, f64)] = &[
    ("<unk>", 0.0),
    ("a", 0.0),
    ("b", 0.0),
    ("c", 0.0),
    ("d", 0.0),
    ("cd", 1.0),
    ("ab", 2.0),
    ("abc", 5.0),
    ("abcd", 10.0),
];

#[test]
fn best_path_and_fused_unknowns() {
    let m = model(ABCD, Some(0), false);
    assert_eq!(
        run(&m, "abcdacdxx"),
        vec![
            tok(8, "abcd", (0, 4)),
            tok(1, "a", (4, 5)),
            tok(5, "cd", (5, 7)),
            tok(0, "xx", (7, 9))
        ]
    );
    // The unknown piece matched literally fuses with neighbouring unknowns.
    assert_eq!(
        run(&m, "x<unk>a"),
        vec![tok(0, "x<unk>", (0, 6)), tok(1, "a", (6, 7))]
    );
    assert_eq!(run(&m, ""), vec![]);
}

#[test]
fn ties_keep_the_earliest_proposal() {
    let pieces = [
        ("<unk>", 0.0),
        ("a", -1.0),
        ("b", -1.0),
        ("ab", -2.0),
        ("ba", -2.0),
    ];
    let m = model(&pieces, Some(0), false);
    assert_eq!(run(&m, "ab"), vec![tok(3, "ab", (0, 2))]);
    assert_eq!(
        run(&m, "aba"),
        vec![tok(1, "a", (0, 1)), tok(4, "ba", (1, 3))]
    );
    assert_eq!(
        run(&m, "bab"),
        vec![tok(2, "b", (0, 1)), tok(3, "ab", (1, 3))]
    );
}

const DUP: &[(&str, f64)] = &[
    ("<unk>", 0.0),
    ("a", -1.0),
    ("b", -1.0),
    ("ab", -2.0),
    ("é", -0.5),
    ("<0xC3>", -5.0),
    ("<0xA8>", -5.0),
    ("a", -0.1),
];

#[test]
fn duplicated_pieces_use_the_last_index() {
    let m = model(DUP, Some(0), false);
    assert_eq!(
        run(&m, "ab"),
        vec![tok(7, "a", (0, 1)), tok(2, "b", (1, 2))]
    );
    assert_eq!(
        run(&m, "aèb"),
        vec![
            tok(7, "a", (0, 1)),
            tok(0, "è", (1, 3)),
            tok(2, "b", (3, 4))
        ]
    );
    assert_eq!(m.token_to_id("a"), Some(7));
    assert_eq!(m.id_to_token(1).as_deref(), Some("a"));
    assert_eq!(m.get_vocab_size(), 8);
}

#[test]
fn byte_fallback() {
    let m = model(DUP, Some(0), true);
    assert_eq!(
        run(&m, "aèèb"),
        vec![
            tok(7, "a", (0, 1)),
            tok(5, "<0xC3>", (1, 5)),
            tok(6, "<0xA8>", (1, 5)),
            tok(5, "<0xC3>", (1, 5)),
            tok(6, "<0xA8>", (1, 5)),
            tok(2, "b", (5, 6))
        ]
    );
    // One byte without a piece: the whole fused run stays unknown.
    assert_eq!(
        run(&m, "aèxb"),
        vec![
            tok(7, "a", (0, 1)),
            tok(0, "èx", (1, 4)),
            tok(2, "b", (4, 5))
        ]
    );
}

#[test]
fn missing_unk_id() {
    let m = model(DUP, None, false);
    assert_eq!(
        run(&m, "ab"),
        vec![tok(7, "a", (0, 1)), tok(2, "b", (1, 2))]
    );
    assert!(m.tokenize("ax").is_err());
    let vocab = vec![("a".to_string(), 0.0)];
    assert!(Unigram::new(vocab, Some(1), false).is_err());
    assert!(Unigram::new(Vec::new(), Some(0), false).is_err());
    assert!(Unigram::new(Vec::new(), None, false).is_ok());
}

#[test]
fn serializes_like_the_reference() {
    let m = model(&DUP[..3], None, false);
    assert_eq!(
        serde_json::to_string(&m).unwrap(),
        r#"{"type":"Unigram","unk_id":null,"vocab":[["<unk>",0.0],["a",-1.0],["b",-1.0]],"byte_fallback":false}"#
    );
}
