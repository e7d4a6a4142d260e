//! Unit tests of the BPE model; expected values come from the reference
//! (`Tokenizer.from_str(...).model.tokenize(word)`).

use super::*;
use crate::utils::test_texts::XorShift;

type Got = Vec<(u32, String, (usize, usize))>;

fn vocab(entries: &[(&str, u32)]) -> HashMap<String, u32> {
    entries.iter().map(|&(t, i)| (t.to_string(), i)).collect()
}

fn run(model: &Bpe, word: &str) -> Got {
    model
        .tokenize(word)
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.value, t.offsets))
        .collect()
}

fn tok(id: u32, value: &str, offsets: (usize, usize)) -> (u32, String, (usize, usize)) {
    (id, value.to_string(), offsets)
}

fn load(json: &str) -> std::result::Result<Bpe, String> {
    let mut raw: RawModel = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Bpe::from_raw(&mut raw)
}

#[test]
fn merges_apply_by_rank_then_position() {
    let v = vocab(&[
        ("a", 0),
        ("b", 1),
        ("c", 2),
        ("ab", 3),
        ("bc", 4),
        ("abc", 5),
        ("cab", 6),
        ("ca", 7),
    ]);
    let merges = [("b", "c"), ("a", "b"), ("c", "a"), ("ab", "c"), ("ca", "b")];
    let m = Bpe::new(v, &merges, BpeConfig::default()).unwrap();
    assert_eq!(
        run(&m, "abc"),
        vec![tok(0, "a", (0, 1)), tok(4, "bc", (1, 3))]
    );
    assert_eq!(
        run(&m, "cabc"),
        vec![tok(7, "ca", (0, 2)), tok(4, "bc", (2, 4))]
    );
    assert_eq!(
        run(&m, "abcab"),
        vec![
            tok(0, "a", (0, 1)),
            tok(4, "bc", (1, 3)),
            tok(3, "ab", (3, 5))
        ]
    );
    assert_eq!(
        run(&m, "aabbcc"),
        vec![
            tok(0, "a", (0, 1)),
            tok(3, "ab", (1, 3)),
            tok(4, "bc", (3, 5)),
            tok(2, "c", (5, 6))
        ]
    );
    assert_eq!(run(&m, ""), vec![]);
}

#[test]
fn prefix_and_suffix() {
    let m = load(
        r###"{"vocab":{"[UNK]":0,"h":1,"##e":2,"##l":3,"##o":4,"##o</w>":5,"h##e":6,"he":7,
        "##ll":8,"hell":9,"o</w>":10,"##llo</w>":11,"##lo</w>":12,"l":13},
        "merges":[["h","##e"],["##l","##l"],["he","##ll"],["##l","##o</w>"]],
        "unk_token":"[UNK]","continuing_subword_prefix":"##","end_of_word_suffix":"</w>"}"###,
    )
    .unwrap();
    assert_eq!(
        run(&m, "hello"),
        vec![tok(9, "hell", (0, 4)), tok(5, "##o</w>", (4, 5))]
    );
    assert_eq!(
        run(&m, "hellx"),
        vec![tok(9, "hell", (0, 4)), tok(0, "[UNK]", (4, 5))]
    );
    assert_eq!(run(&m, "o"), vec![tok(10, "o</w>", (0, 1))]);
    assert_eq!(
        run(&m, "lo"),
        vec![tok(13, "l", (0, 1)), tok(5, "##o</w>", (1, 2))]
    );
}

#[test]
fn unknown_characters() {
    let json = |fuse: bool| {
        format!(
            r#"{{"vocab":{{"<unk>":0,"a":1,"b":2,"ab":3}},"merges":["a b"],
            "unk_token":"<unk>","fuse_unk":{fuse}}}"#
        )
    };
    let m = load(&json(false)).unwrap();
    assert_eq!(
        run(&m, "xxabyéa"),
        vec![
            tok(0, "<unk>", (0, 1)),
            tok(0, "<unk>", (1, 2)),
            tok(3, "ab", (2, 4)),
            tok(0, "<unk>", (4, 5)),
            tok(0, "<unk>", (5, 7)),
            tok(1, "a", (7, 8))
        ]
    );
    let m = load(&json(true)).unwrap();
    assert_eq!(
        run(&m, "xxabyéa"),
        vec![
            tok(0, "<unk>", (0, 2)),
            tok(3, "ab", (2, 4)),
            tok(0, "<unk>", (4, 7)),
            tok(1, "a", (7, 8))
        ]
    );
    // Without an unknown token, unknown characters vanish and later offsets shift.
    let m = load(r#"{"vocab":{"a":1,"b":2,"ab":3},"merges":["a b"]}"#).unwrap();
    assert_eq!(
        run(&m, "xxabyéab"),
        vec![tok(3, "ab", (0, 2)), tok(3, "ab", (2, 4))]
    );
    // An unknown token missing from the vocabulary fails only when needed.
    let m = load(r#"{"vocab":{"a":1},"merges":[],"unk_token":"<zz>"}"#).unwrap();
    assert!(m.tokenize("a").is_ok());
    assert!(m.tokenize("ab").is_err());
}

#[test]
fn byte_fallback_keeps_pending_unknown_after_bytes() {
    let m = load(
        r#"{"vocab":{"<unk>":0,"a":1,"b":2,"ab":3,"c":4,"<0xC3>":5,"<0xA9>":6},"merges":[],
        "unk_token":"<unk>","byte_fallback":true,"fuse_unk":true}"#,
    )
    .unwrap();
    assert_eq!(
        run(&m, "axxéyab"),
        vec![
            tok(1, "a", (0, 1)),
            tok(5, "<0xC3>", (1, 2)),
            tok(6, "<0xA9>", (2, 3)),
            tok(0, "<unk>", (3, 6)),
            tok(1, "a", (6, 7)),
            tok(2, "b", (7, 8))
        ]
    );
}

#[test]
fn ignore_merges_and_dropout() {
    let json = r#"{"vocab":{"a":1,"b":2,"ab":3},"merges":[["a","b"]],"ignore_merges":true,
                   "dropout":DROP}"#;
    let m = load(&json.replace("DROP", "1.0")).unwrap();
    // Dropout 1 skips every merge, and ignore_merges does not apply under dropout.
    assert_eq!(
        run(&m, "ab"),
        vec![tok(1, "a", (0, 1)), tok(2, "b", (1, 2))]
    );
    let m = load(&json.replace("DROP", "0.0")).unwrap();
    assert_eq!(run(&m, "ab"), vec![tok(3, "ab", (0, 2))]);
    assert!(load(&json.replace("DROP", "1.5")).is_err());
    assert!(load(&json.replace("DROP", "-0.1")).is_err());
    // Dropout between 0 and 1 still yields a valid segmentation.
    let m = load(&json.replace("DROP", "0.5")).unwrap();
    for _ in 0..20 {
        let got = run(&m, "abab");
        let text: String = got.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(text, "abab");
    }
}

#[test]
fn load_errors() {
    let v = r#""vocab":{"<unk>":0,"a":1,"b":2,"ab":3,"c":4}"#;
    let err = |merges: &str| load(&format!("{{{v},\"merges\":{merges}}}")).unwrap_err();
    assert!(err(r#"["a b c"]"#).contains("Merges text file invalid at line 1"));
    assert!(err(r#"["a  b"]"#).contains("line 1"));
    assert!(err(r#"["a d"]"#).contains("Token `d` out of vocabulary"));
    assert!(err(r#"["b c"]"#).contains("Token `bc` out of vocabulary"));
    assert!(err(r#"[["a","b"],"a b"]"#).contains("merges"));
    assert!(err("null").contains("merges"));
    assert!(load(&format!("{{{v}}}"))
        .unwrap_err()
        .contains("Missing vocab/merges"));
    assert!(load(r#"{"vocab":{},"merges":[],"unk_token":5}"#).is_err());
    // A prefix longer than the right-hand token cannot be stripped.
    assert!(load(
        r####"{"vocab":{"a":0,"b":1},"merges":[["a","b"]],"continuing_subword_prefix":"###"}"####
    )
    .is_err());
}

#[test]
fn duplicate_merges_keep_the_last_rank() {
    let m = load(r#"{"vocab":{"a":0,"b":1,"ab":2,"c":3,"bc":4},"merges":["a b","b c","a b"]}"#)
        .unwrap();
    // (a,b) now ranks after (b,c).
    let got = run(&m, "abc");
    assert_eq!(got, vec![tok(0, "a", (0, 1)), tok(4, "bc", (1, 3))]);
    let json = serde_json::to_string(&m).unwrap();
    assert!(
        json.ends_with(r#""merges":[["b","c"],["a","b"]]}"#),
        "{json}"
    );
}

#[test]
fn serializes_like_the_reference() {
    let m = load(
        r###"{"type":"BPE","vocab":{"[UNK]":0,"h":1,"##e":2,"he":3},"merges":["h ##e"],
        "unk_token":"[UNK]","continuing_subword_prefix":"##","end_of_word_suffix":"</w>",
        "cache_capacity":12}"###,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&m).unwrap(),
        r###"{"type":"BPE","dropout":null,"unk_token":"[UNK]","continuing_subword_prefix":"##","end_of_word_suffix":"</w>","fuse_unk":false,"byte_fallback":false,"ignore_merges":false,"vocab":{"[UNK]":0,"h":1,"##e":2,"he":3},"merges":[["h","##e"]]}"###
    );
    let m = load(r#"{"vocab":{"a":0},"merges":[],"dropout":0.1}"#).unwrap();
    assert!(serde_json::to_string(&m)
        .unwrap()
        .contains(r#""dropout":0.1,"#));
}

#[test]
fn vocabulary_accessors() {
    let m = load(r#"{"vocab":{"a":0,"b":1,"ab":5},"merges":["a b"]}"#).unwrap();
    assert_eq!(m.get_vocab_size(), 3);
    assert_eq!(m.token_to_id("ab"), Some(5));
    assert_eq!(m.id_to_token(5).as_deref(), Some("ab"));
    assert_eq!(m.id_to_token(3), None);
    assert_eq!(m.get_vocab().get("b"), Some(&1));
    assert_eq!(run(&m, "ab"), vec![tok(5, "ab", (0, 2))]);
}

#[test]
fn independent_parts_only_when_no_merge_crosses_the_marker() {
    let v = vocab(&[
        ("\u{2581}", 0),
        ("a", 1),
        ("b", 2),
        ("\u{2581}a", 3),
        ("a\u{2581}", 4),
        ("\u{2581}\u{2581}", 5),
    ]);
    let safe = Bpe::new(
        v.clone(),
        &[("\u{2581}", "a"), ("\u{2581}", "\u{2581}")],
        BpeConfig::default(),
    )
    .unwrap();
    let parts: Vec<(usize, &str)> = safe
        .independent_parts("a\u{2581}\u{2581}ab\u{2581}a")
        .unwrap()
        .collect();
    // Cut before a `▁` that follows another character; runs of `▁` stay together.
    assert_eq!(
        parts,
        vec![(0, "a"), (1, "\u{2581}\u{2581}ab"), (9, "\u{2581}a")]
    );
    assert_eq!(
        run(&safe, "a\u{2581}\u{2581}ab\u{2581}a"),
        vec![
            tok(1, "a", (0, 1)),
            // `▁ a` ranks before `▁ ▁`.
            tok(0, "\u{2581}", (1, 4)),
            tok(3, "\u{2581}a", (4, 8)),
            tok(2, "b", (8, 9)),
            tok(3, "\u{2581}a", (9, 13)),
        ]
    );
    // `a` + `▁` joins across the boundary: no cutting, and the merge applies.
    let crossing = Bpe::new(
        v,
        &[("a", "\u{2581}"), ("\u{2581}", "a")],
        BpeConfig::default(),
    )
    .unwrap();
    assert!(crossing.independent_parts("a\u{2581}a").is_none());
    assert_eq!(
        run(&crossing, "a\u{2581}a"),
        vec![tok(4, "a\u{2581}", (0, 4)), tok(1, "a", (4, 5))]
    );
}

/// The parts are cut before every `▁` that follows a char other than `▁`, as a char-by-char
/// walk cuts them, on random mixes of `▁`, other chars sharing its lead byte and others.
#[test]
fn independent_parts_equal_a_char_walk() {
    let m = Bpe::new(
        vocab(&[("\u{2581}", 0), ("a", 1)]),
        &[] as &[(&str, &str)],
        BpeConfig::default(),
    )
    .unwrap();
    const POOL: &[&str] = &[
        "\u{2581}",
        "a",
        "\u{2026}",
        "\u{2580}",
        "é",
        " ",
        "\u{2581}\u{2581}",
    ];
    let mut rng = XorShift(0x1234_5678_u64);
    for _ in 0..3000 {
        let mut word = String::new();
        for _ in 0..(rng.0 % 12) {
            word.push_str(POOL[rng.below(POOL.len())]);
        }
        let mut expected = Vec::new();
        let mut start = 0;
        let mut previous_is_marker = true;
        for (i, c) in word.char_indices() {
            if c == MARKER && !previous_is_marker {
                expected.push((start, &word[start..i]));
                start = i;
            }
            previous_is_marker = c == MARKER;
        }
        if start < word.len() {
            expected.push((start, &word[start..]));
        }
        let parts: Vec<(usize, &str)> = m.independent_parts(&word).unwrap().collect();
        assert_eq!(parts, expected, "{word:?}");
    }
}

/// A byte-level model over the 256 chars of `BYTE_TO_CHAR` (all but `missing`) and random
/// merges of short tokens.
fn byte_level_model(seed: u64, ignore_merges: bool, missing: Option<u8>) -> Bpe {
    let mut rng = XorShift(seed);
    let mut next = |n: usize| rng.below(n);
    let mut tokens: Vec<String> = (0..=255u8)
        .filter(|&b| Some(b) != missing)
        .map(|b| BYTE_TO_CHAR[usize::from(b)].to_string())
        .collect();
    let mut merges = Vec::new();
    // Merges over a few common bytes, so that random words of them merge deeply.
    let common: Vec<String> = b"ab c\xc3\xa9"
        .iter()
        .map(|&b| BYTE_TO_CHAR[usize::from(b)].to_string())
        .collect();
    let mut pool = common.clone();
    for _ in 0..60 {
        let (l, r) = (
            pool[next(pool.len())].clone(),
            pool[next(pool.len())].clone(),
        );
        let joined = format!("{l}{r}");
        if tokens.contains(&joined) || !tokens.contains(&l) || !tokens.contains(&r) {
            continue;
        }
        tokens.push(joined.clone());
        pool.push(joined);
        merges.push((l, r));
    }
    let vocab: HashMap<String, u32> = tokens.into_iter().zip(0u32..).collect();
    let config = BpeConfig {
        ignore_merges,
        ..BpeConfig::default()
    };
    Bpe::new(vocab, &merges, config).unwrap()
}

#[test]
fn byte_level_ids_equal_the_spelled_path() {
    let mut rng = XorShift(0x5eed_u64);
    let mut next = |n: usize| rng.below(n);
    let bytes = b"ab c\xc3\xa9\xff\x00";
    for (seed, ignore, missing) in [(1, false, None), (2, true, None), (3, false, Some(b'c'))] {
        let model = byte_level_model(seed, ignore, missing);
        assert!(model.byte_char_ids.is_some());
        assert_eq!(model.absent_bytes.is_some(), missing.is_some());
        let mut mapped = String::new();
        for _ in 0..2000 {
            let raw: Vec<u8> = (0..next(40)).map(|_| bytes[next(bytes.len())]).collect();
            let spelled = crate::utils::byte_level::bytes_to_chars(&raw);
            let (mut want, mut got) = (Vec::new(), Vec::new());
            model.tokenize_ids(&spelled, &mut want).unwrap();
            model.byte_level_ids(&raw, &mut mapped, &mut got).unwrap();
            assert_eq!(got, want, "{raw:?}");
        }
    }
}

/// A byte-level model: the 256 byte chars, the given merges (in rank order) over tokens
/// spelled in the byte-level alphabet, and those tokens.
fn byte_level_with(merges: &[(&str, &str)]) -> Bpe {
    let mut tokens: Vec<String> = BYTE_TO_CHAR.iter().map(|c| c.to_string()).collect();
    for (l, r) in merges {
        for token in [l.to_string(), r.to_string(), format!("{l}{r}")] {
            if !tokens.contains(&token) {
                tokens.push(token);
            }
        }
    }
    let vocab: HashMap<String, u32> = tokens.into_iter().zip(0u32..).collect();
    Bpe::new(vocab, merges, BpeConfig::default()).unwrap()
}

/// The byte-level ids path with the pre-formed chars built, checked against the spelled
/// path; returns how many symbols the table pre-formed over `words`.
fn preformed_agree(model: &Bpe, words: &[&[u8]]) -> usize {
    model.build_preformed_chars();
    let mut formed = 0;
    for raw in words {
        let spelled = crate::utils::byte_level::bytes_to_chars(raw);
        let (mut want, mut got, mut mapped) = (Vec::new(), Vec::new(), String::new());
        model.tokenize_ids(&spelled, &mut want).unwrap();
        model.byte_level_ids(raw, &mut mapped, &mut got).unwrap();
        assert_eq!(got, want, "{raw:?}");
        if let Some(Some(table)) = model.preformed.get() {
            formed += (0..raw.len())
                .filter(|&i| table.at(raw, i).is_some())
                .count();
        }
    }
    formed
}

/// `é` is `C3 A9`, spelled `Ã©` in the byte-level alphabet.
#[test]
fn preformed_chars_follow_the_three_conditions() {
    // Merges in training order: `é` is formed first and pre-formed everywhere.
    let model = byte_level_with(&[("Ã", "©"), ("Ã©", "a"), ("a", "x")]);
    assert_eq!(
        preformed_agree(&model, &[b"\xc3\xa9ax", b"a\xc3\xa9\xc3\xa9"]),
        3
    );
    // A merge with `é` as a part ranks before the one forming it: starting from `é`
    // would merge `é a` before `a x`, where the bytes merge `a x` first.
    let model = byte_level_with(&[("Ã©", "a"), ("a", "x"), ("Ã", "©")]);
    assert_eq!(preformed_agree(&model, &[b"\xc3\xa9ax"]), 0);
    assert!(!model.build_preformed_chars());
    // A token over `a` and the first byte of `é`: not pre-formed after `a`, elsewhere yes.
    let model = byte_level_with(&[("a", "Ã"), ("Ã", "©"), ("b", "Ã©")]);
    assert_eq!(
        preformed_agree(&model, &[b"a\xc3\xa9", b"b\xc3\xa9", b"\xc3\xa9a"]),
        2
    );
    // A token over the last byte of `é` and `x`: not pre-formed before `x`.
    let model = byte_level_with(&[("©", "x"), ("Ã", "©")]);
    assert_eq!(preformed_agree(&model, &[b"\xc3\xa9x", b"\xc3\xa9y"]), 1);
    // Merging the bytes alone must give the char's token (here `Ã ©` has no merge).
    let model = byte_level_with(&[("Ã©", "a")]);
    assert!(!model.build_preformed_chars());
}

/// Random byte-level models over the bytes of a few multi-byte chars (so that their
/// merges make fragments of every kind and some chars qualify, some not) against the
/// spelled path on random words of those chars and ASCII.
#[test]
fn preformed_chars_agree_with_the_bytes_on_random_models() {
    let chars = ["é", "中", "文", "☃", "😀", "ß", "a", " ", "x"];
    let mut rng = XorShift(0xfeed_f00d_u64);
    let mut next = |n: usize| rng.below(n);
    let mut formed = 0;
    for _ in 0..200 {
        let mut pool: Vec<String> = chars
            .iter()
            .flat_map(|c| c.bytes())
            .map(|b| BYTE_TO_CHAR[usize::from(b)].to_string())
            .collect();
        let mut merges: Vec<(String, String)> = Vec::new();
        for _ in 0..40 {
            let (l, r) = (
                pool[next(pool.len())].clone(),
                pool[next(pool.len())].clone(),
            );
            let joined = format!("{l}{r}");
            if !pool.contains(&joined) {
                pool.push(joined);
                merges.push((l, r));
            }
        }
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|(l, r)| (l.as_str(), r.as_str()))
            .collect();
        let model = byte_level_with(&pairs);
        let words: Vec<Vec<u8>> = (0..50)
            .map(|_| {
                (0..1 + next(8))
                    .flat_map(|_| chars[next(chars.len())].bytes())
                    .collect()
            })
            .collect();
        let words: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        formed += preformed_agree(&model, &words);
    }
    assert!(formed > 1000, "only {formed} chars pre-formed");
}
